"""The web editor's form comes from the content descriptions and covers every field; the
served configuration points at the right backend; /admin/ stays out of the sitemap and the
search; new folders get the names `make new-org` gives them."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from kalo.codes import codes, label
from kalo.elot743 import slugify
from kalo.schema.fields import Kind, walk
from kalo_cli.editor_config import editor_config
from organizations.schema import PROFILE
from site_pages.schema import PAGE
from sitebuild import ROOT
from web_editor.config import backend, served_config
from web_editor.settings import DEFAULTS
from workshops.schema import WORKSHOP

CONFIG = editor_config()


def collection(name: str) -> dict:
    return next(c for c in CONFIG["collections"] if c["name"] == name)


def form_paths(fields: list[dict], prefix: str = "") -> dict[str, dict]:
    """Every form field by its dotted path (list items as ``[]``)."""
    found = {}
    for field in fields:
        path = f"{prefix}{field['name']}"
        found[path] = field
        if "fields" in field:
            inner = f"{path}[]." if field["widget"] == "list" else f"{path}."
            found.update(form_paths(field["fields"], inner))
    return found


@pytest.mark.parametrize(
    "schema, name",
    [(PROFILE, "organizations"), (WORKSHOP, "workshops"), (PAGE, "pages")],
    ids=["profile", "workshop", "page"],
)
def test_every_described_field_is_in_the_form(schema, name):
    form = form_paths(collection(name)["fields"])
    for path, spec in walk(schema.root):
        if spec.kind is Kind.COUNTS:
            assert [f["name"] for f in form[path]["fields"]] == list(codes(spec.codes))
        assert path in form, path
        assert form[path]["label"], path
        if path != "promotion_consent":  # its own hint: the plain Greek sentence first
            expected = f"{spec.el} — {spec.en}".replace(" (true/false)", "")  # switches
            assert form[path]["hint"] == expected, path


def test_every_code_list_is_a_select_with_greek_labels():
    form = form_paths(collection("organizations")["fields"])
    for path in ("kind", "legal_form", "municipality", "sectors", "offers", "needs"):
        spec = dict(walk(PROFILE.root))[path]
        list_name = spec.codes or spec.item.codes
        assert form[path]["widget"] == "select", path
        assert form[path]["options"] == [
            {"label": label(list_name, code, "el"), "value": code} for code in codes(list_name)
        ]
    assert form["sectors"]["multiple"] is True and form["sectors"]["min"] == 1
    workshop = form_paths(collection("workshops")["fields"])
    assert workshop["series"]["widget"] == "select"
    assert workshop["participants"]["widget"] == "object"


def test_consent_comes_first_and_is_explained_in_greek():
    first = collection("organizations")["fields"][0]
    assert first["name"] == "promotion_consent" and first["required"] is True
    assert first["hint"].startswith("Χωρίς άδεια προβολής ο φορέας δεν εμφανίζεται πουθενά")


def test_required_fields_lengths_and_patterns_are_the_schemas():
    form = form_paths(collection("organizations")["fields"])
    assert form["name.el"]["required"] is True and form["name.en"]["required"] is False
    assert form["summary.el"]["pattern"] == [r"^[\s\S]{20,300}$", "Από 20 έως 300 χαρακτήρες"]
    assert form["contact.email"]["pattern"][0] == r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    # Inside an optional group nothing is required in the form; `make check` says it.
    assert form["location.lat"]["required"] is False


def test_images_go_into_the_entrys_folder_and_organizations_are_chosen_not_typed():
    organizations = collection("organizations")
    assert organizations["media_folder"] == "" and organizations["public_folder"] == ""
    form = form_paths(organizations["fields"])
    assert form["logo.file"]["widget"] == "image"
    assert form["photos[].file"]["widget"] == "image"
    assert form["photos[].people_consent"]["widget"] == "boolean"
    assert form["partners"]["widget"] == "relation" and form["partners"]["multiple"] is True
    assert form["partners"]["value_field"] == "{{_folder}}"
    workshops = collection("workshops")
    assert workshops["media_folder"] == "images"  # content/workshops/images/
    assert form_paths(workshops["fields"])["organizations"]["widget"] == "relation"


def test_translations_are_collections_of_their_own_and_abouts_are_side_by_side():
    assert collection("workshops_en")["extension"] == "en.md"
    assert collection("pages_en")["extension"] == "en.md"
    english = form_paths(collection("workshops_en")["fields"])
    assert {"series", "number", "status", "date", "title"} <= set(english)
    assert "photos" not in english  # facts of the session come from the Greek original
    about = collection("organization_about")
    assert about["i18n"] is True and about["path"] == "{{slug}}/about"
    assert CONFIG["i18n"]["locales"] == ["el", "en"]


def test_served_config_backend_by_settings(tmp_path):
    settings = {
        "PATH": str(tmp_path / "content"),
        "ORG_PATH": str(tmp_path / "organizations"),
        "REPOSITORY_URL": "https://github.com/kalo-west-athens/observatory",
        "REPOSITORY_BRANCH": "main",
    }
    options = dict(DEFAULTS)
    assert backend(options, settings) == {
        "name": "kalo-github",
        "repo": "kalo-west-athens/observatory",
        "branch": "main",
    }
    gitlab = backend(
        {**options, "WEB_EDITOR_GITLAB_APP_ID": "abc"},
        {**settings, "REPOSITORY_URL": "https://gitlab.com/kalo/observatory"},
    )
    assert gitlab["name"] == "kalo-gitlab" and gitlab["auth_type"] == "pkce"
    assert gitlab["app_id"] == "abc"
    local = {**options, "WEB_EDITOR_LOCAL_PROXY": "http://127.0.0.1:8081/api/v1"}
    served = yaml.safe_load(
        served_config((ROOT / "theme" / "admin" / "config.yml").read_text("utf-8"), local, settings)
    )
    assert served["backend"]["name"] == "kalo-proxy"
    assert "publish_mode" not in served  # the working tree is written directly
    hosted = yaml.safe_load(
        served_config(
            (ROOT / "theme" / "admin" / "config.yml").read_text("utf-8"), options, settings
        )
    )
    assert hosted["publish_mode"] == "editorial_workflow"  # every change a pull request
    assert [c["folder"] for c in hosted["collections"]][:3] == [
        "organizations",
        "organizations",
        "content/workshops",
    ]


def test_the_editor_is_noindex_and_out_of_the_sitemap_and_the_search(sample_site):
    page = (sample_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "/admin/" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    for script in ("decap-cms.js", "js-yaml.min.js", "elot743.js", "admin.js", "config.yml"):
        assert (sample_site / "admin" / script).is_file(), script
    assert "https://" not in "".join(line for line in page.splitlines() if "<script" in line), (
        "no script from another site"
    )
    search = sample_site / "pagefind"
    assert not any("admin" in p.name for p in search.rglob("*")) if search.exists() else True


NAMES = [
    "Κοινωνική Συνεταιριστική Επιχείρηση Αιγάλεω",
    "Αυγή",
    "Εύβοια",
    "Μπαμπάς",
    "Άγγελος",
    "Ευχή",
    "Ταΐζω",
    "Γκρέκο",
    "Ευαγγελία",
    "Ομπρέλα",
    "Άμπωτη",
    "Παναγιώτα-Ευφροσύνη",
    "ΚοιΣΠΕ «Νέοι Ορίζοντες» Χαϊδαρίου",
    "Σύλλογος Γυναικών 2024",
    "Καφενείο «Ο Μπάμπης»",
    "Ἁγία Σοφία",
    "Ξενώνας Ψυχής",
]


def test_the_editors_folder_names_are_make_new_orgs(tmp_path):
    node = shutil.which("node")
    assert node is not None, "node is needed (make node-deps)"
    sample = [
        yaml.safe_load(p.read_text("utf-8"))["name"]["el"]
        for p in sorted((ROOT / "organizations").glob("*/profile.yaml"))
    ]
    names = NAMES + sample
    script = (
        "const e = require(process.argv[1]);"
        "const names = JSON.parse(process.argv[2]);"
        "process.stdout.write(JSON.stringify(names.map(e.slugify)));"
    )
    result = subprocess.run(
        [node, "-e", script, str(ROOT / "theme" / "admin" / "elot743.js"), json.dumps(names)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == [slugify(name) for name in names]
