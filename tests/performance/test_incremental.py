"""The incremental build (kalo.incremental, kalo.pages): what is reused is exactly what did
not change, and an incremental build gives the same bytes as a clean one.

A synthetic site (bench/synthetic.py, 40 organizations) is built into a temporary folder
with its own build caches; a page re-rendered by a build is a new file (new inode), a
reused page is a hard link of the previous output's file (same inode).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from kalo import incremental
from kalo.build import build
from sitebuild import ROOT, run_python


def _synthetic():
    """bench/synthetic.py, loaded by path (bench/ on sys.path would hide plugins/images)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "kalo_bench_synthetic", ROOT / "bench" / "synthetic.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pytestmark = pytest.mark.slow
ORGS = 40


def _build(site: Path, output: Path, cache: Path, incremental_build: bool = True, **extra) -> bool:
    return build(
        ROOT / "pelicanconf.py",
        site / "content",
        site / "organizations",
        output,
        extra={"KALO_CACHE_DIR": str(cache), **extra},
        incremental_build=incremental_build,
    )


def _tree(folder: Path, pagefind: bool = True) -> dict[str, str]:
    """Every file's digest; ``pagefind=False`` leaves out Pagefind's bundle, whose filter
    files vary between two fresh runs of Pagefind itself (tests/site/test_fixture_site.py)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (pagefind or path.relative_to(folder).parts[0] != "pagefind")
    }


def _inodes(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_ino
        for path in folder.rglob("*.html")
        if path.is_file()
    }


def _profile_slugs(paths) -> set[str]:
    return {
        Path(p).parts[-2]
        for p in paths
        if "/organizations/" in f"/{p}" and Path(p).parts[-2].startswith("foreas-")
    }


def _directory(site: Path):
    from organizations.directory import build_directory
    from organizations.load import load_organizations

    loaded = load_organizations(site / "organizations", today=datetime.date.today())
    return build_directory(loaded.organizations)


def _build_in_a_process(site, before: str, after: str) -> str:
    """An incremental build of the fixture site in a fresh Python process (what is
    imported, or how often, counts), with ``before`` run first and ``after`` once it
    returned (it has ``done``, ``build``'s answer, and ``Path``); the last line printed."""
    source, output, cache, _ = site
    program = (
        "from pathlib import Path\n" + before + "from kalo.build import build\n"
        f"done = build(Path({str(ROOT / 'pelicanconf.py')!r}), Path({str(source / 'content')!r}),"
        f" Path({str(source / 'organizations')!r}), Path({str(output)!r}),"
        f" extra={{'KALO_CACHE_DIR': {str(cache)!r}}}, incremental_build=True)\n" + after
    )
    result = run_python(["-c", program])
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def _counting(*targets: str) -> str:
    """Code for ``_build_in_a_process``'s ``before``: each call of each target
    (``"module:function"`` or ``"module:Class.method"``) is appended to ``calls`` with its
    positional arguments."""
    lines = [
        "import importlib",
        "calls = []",
        "def _count(owner, name):",
        "    original = getattr(owner, name)",
        "    def counted(*args, **kwargs):",
        "        calls.append(args)",
        "        return original(*args, **kwargs)",
        "    setattr(owner, name, counted)",
    ]
    for target in targets:
        module, _, path = target.partition(":")
        *owners, name = path.split(".")
        owner = f"importlib.import_module({module!r})" + "".join(f".{o}" for o in owners)
        lines.append(f"_count({owner}, {name!r})")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("incremental")
    source = _synthetic().write_site(ORGS, work / "site")
    output, cache = work / "output", work / "cache"
    assert _build(source, output, cache)
    return source, output, cache, work


def test_nothing_changed_means_nothing_to_do(site):
    source, output, cache, _ = site
    before = output.stat().st_ino
    assert _build(source, output, cache) is False
    assert output.stat().st_ino == before


def test_a_build_with_nothing_to_do_keeps_the_last_builds_records(site):
    """A build that finds nothing changed forgets nothing: the next build after an edit
    still updates the output folder in place (kalo.output's record of it was kept)."""
    source, output, cache, _ = site
    _build(source, output, cache)
    assert _build(source, output, cache) is False
    root = output.stat().st_ino
    profile = source / "organizations" / "foreas-00031" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Πάνω", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    assert output.stat().st_ino == root
    assert "Οδός Πάνω" in (output / "organizations" / "foreas-00031" / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_organizations_folders_are_stamped_once_beside_the_start_of_the_build(site):
    """The input fingerprint and the folders' stamps are taken in a forked process when the
    build starts (kalo.early): this process neither walks the organizations' folder for the
    fingerprint nor stamps a folder, and an edit is still seen (the site equals a clean
    build's)."""
    source, output, cache, work = site
    _build(source, output, cache)
    profile = source / "organizations" / "foreas-00033" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Δυτική", 1), encoding="utf-8"
    )
    orgs = str(source / "organizations")
    said = _build_in_a_process(
        site,
        before=_counting("organizations.load:_folder_stamp", "kalo.incremental:_tree_lines"),
        after=(
            f"stamped = [c for c in calls if len(c) == 1]\n"
            f"walked = [c for c in calls if len(c) == 2 and str(c[0]) == {orgs!r}]\n"
            "print(done, len(stamped), len(walked))\n"
        ),
    )
    assert said == "True 0 0"
    assert "Οδός Δυτική" in (output / "organizations" / "foreas-00033" / "index.html").read_text(
        encoding="utf-8"
    )
    clean = work / "clean-early"
    _build(source, clean, work / "clean-early-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_a_one_build_process_runs_no_collection_while_reading_and_freezes_what_it_read(site):
    """``python -m kalo.build`` (``main``): the cyclic garbage collector does not run while
    the build reads (its objects live until the build ends); they are frozen when the write
    phase starts, and the collector runs again from there on."""
    source, _, cache, work = site
    output = work / "output-one-build-process"
    conf = work / "conf-one-build-process" / "conf.py"
    conf.parent.mkdir(exist_ok=True)
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"KALO_CACHE_DIR = {str(cache)!r}\n",
        encoding="utf-8",
    )
    profile = source / "organizations" / "foreas-00035" / "profile.yaml"
    original = profile.read_text(encoding="utf-8")
    profile.write_text(original.replace("Οδός", "Οδός Νέα", 1), encoding="utf-8")
    program = (
        "import gc\n"
        "from kalo import build, timing\n"
        "seen = {'before': 0, 'reading': 0, 'writing': 0, 'frozen': 0}\n"
        "phase = ['before']\n"
        "def _count(stage, info):\n"
        "    if stage == 'start':\n"
        "        seen[phase[0]] += 1\n"
        "gc.callbacks.append(_count)\n"
        # The build's first step (after the pause): what runs before it (arguments, logging)
        # may collect.
        "started = timing.start\n"
        "def _start():\n"
        "    phase[0] = 'reading'\n"
        "    started()\n"
        "timing.start = _start\n"
        "original = build.KaloPelican._get_writer\n"
        "def _writer(self):\n"
        "    writer = original(self)\n"
        "    phase[0] = 'writing'\n"
        "    seen['frozen'] = gc.get_freeze_count()\n"
        "    return writer\n"
        "build.KaloPelican._get_writer = _writer\n"
        "gc.set_threshold(700, 10, 10)\n"
        f"code = build.main(['--settings', {str(conf)!r},"
        f" '--input', {str(source / 'content')!r}, '--orgs', {str(source / 'organizations')!r},"
        f" '--output', {str(output)!r}])\n"
        "print(code, seen['reading'], seen['writing'] > 0, seen['frozen'] > 10000,"
        " gc.isenabled())\n"
    )
    try:
        result = run_python(["-c", program])
    finally:  # the other tests' output never saw this edit
        profile.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "0 0 True True True"
    assert "Οδός Νέα" in (output / "organizations" / "foreas-00035" / "index.html").read_text(
        encoding="utf-8"
    )


def test_editing_one_profile_rerenders_its_pages_and_those_that_show_what_changed(site):
    """An address is shown on its own pages only: they alone are rendered again. A name is
    shown on the partners' pages (in its card) and on the pages that suggest it as a
    possible partner: they are rendered again too."""
    import yaml

    source, output, cache, work = site
    directory = _directory(source)
    slug = "foreas-00001"
    assert slug in directory.by_slug
    before = _inodes(output)
    profile = source / "organizations" / slug / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Λεωφόρος", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    after = _inodes(output)
    rerendered = {path for path, inode in after.items() if before.get(path) != inode}
    assert _profile_slugs(rerendered) == {slug}
    showing = (
        {slug}
        | set(directory.partners[slug])
        | {
            other.slug
            for other in directory
            for match in directory.possible_partners[other.slug]
            if match.slug == slug
        }
    )
    assert len(showing) > 2
    values = yaml.safe_load(profile.read_text(encoding="utf-8"))
    values["name"]["el"] = values["name"]["el"] + " Νέο"
    profile.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    assert _build(source, output, cache)
    latest = _inodes(output)
    greek = {path for path, inode in latest.items() if after.get(path) != inode}
    assert _profile_slugs(p for p in greek if not p.startswith("en/")) == showing
    clean = work / "clean"
    _build(source, clean, work / "clean-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_changing_an_image_of_a_profile_text_rerenders_that_profile(site):
    """The page names the image's variants by content: same text, new image, new page."""
    source, output, cache, _ = site
    slug = "foreas-00007"
    folder = source / "organizations" / slug
    shutil.copyfile(
        ROOT / "organizations" / "anoichti-agkalia-amke" / "ergastirio.jpg", folder / "extra.jpg"
    )
    about = folder / "about.el.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n![Το εργαστήριο](extra.jpg)\n", encoding="utf-8"
    )
    assert _build(source, output, cache)
    page = output / "organizations" / slug / "index.html"
    before_html, before_inode = page.read_text(encoding="utf-8"), page.stat().st_ino
    assert "extra" in before_html
    (folder / "extra.jpg").unlink()
    shutil.copyfile(
        ROOT / "organizations" / "artopoieio-i-kali-zymi" / "vitrina.jpg", folder / "extra.jpg"
    )
    assert _build(source, output, cache)
    assert page.stat().st_ino != before_inode
    assert page.read_text(encoding="utf-8") != before_html


def test_unpublishing_an_organization_removes_it_everywhere(site):
    source, output, cache, _ = site
    slug = "foreas-00003"
    profile = source / "organizations" / slug / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("granted: true", "granted: false"),
        encoding="utf-8",
    )
    assert _build(source, output, cache)
    for path in output.rglob("*"):
        assert slug not in str(path.relative_to(output))
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".csv", ".geojson", ".txt"}:
            assert slug not in path.read_text(encoding="utf-8", errors="replace"), path


def test_a_template_change_rerenders_every_page(site):
    source, output, cache, work = site
    theme = work / "theme"
    if not theme.exists():
        shutil.copytree(ROOT / "theme", theme)
    _build(source, output, cache, THEME=str(theme))
    before = _inodes(output)
    template = theme / "templates" / "organization.html"
    template.write_text(template.read_text(encoding="utf-8") + "{# changed #}\n", encoding="utf-8")
    assert _build(source, output, cache, THEME=str(theme))
    after = _inodes(output)
    # The SEO report shows the pages' results, which a template's comment does not change
    # (tests/performance: test_the_seo_report_is_kept_until_a_pages_results_change).
    kept = [path for path, inode in after.items() if before.get(path) == inode]
    assert kept == ["seo/index.html"]


def test_a_failed_build_is_not_remembered(site, monkeypatch):
    source, output, cache, _ = site
    _build(source, output, cache)
    before = _tree(output)
    from organizations.generator import OrganizationsGenerator

    def broken(self, writer):
        raise RuntimeError("disk full")

    profile = source / "organizations" / "foreas-00005" / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(OrganizationsGenerator, "generate_output", broken)
    with pytest.raises(RuntimeError):
        _build(source, output, cache)
    assert _tree(output) == before
    monkeypatch.undo()
    assert _build(source, output, cache) is True  # the failed build left no record


def test_pages_rendered_on_all_cores_equal_pages_rendered_in_one_process(site, tmp_path):
    source, _, _, _ = site
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    _build(source, serial, tmp_path / "c1", incremental_build=False, KALO_WORKERS=1)
    _build(
        source,
        parallel,
        tmp_path / "c2",
        incremental_build=False,
        KALO_PARALLEL_FROM=1,
        KALO_WORKERS=3,
    )
    assert _tree(serial, pagefind=False) == _tree(parallel, pagefind=False)


def test_the_input_fingerprint_sees_an_edit_with_the_same_size_and_mtime(tmp_path):

    folder = tmp_path / "content"
    folder.mkdir()
    page = folder / "a.md"
    page.write_text("one", encoding="utf-8")
    lines_before: list[str] = []
    incremental._tree_lines(folder, lines_before)
    stat = page.stat()
    page.write_text("two", encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, mtime set back
    lines_after: list[str] = []
    incremental._tree_lines(folder, lines_after)
    assert lines_before != lines_after  # ctime moved


def test_a_file_digest_is_remembered_only_while_the_file_is_unchanged(tmp_path):

    page = tmp_path / "index.html"
    page.write_text("one", encoding="utf-8")
    first = incremental.file_digest(page)
    assert first == hashlib.sha256(b"one").digest()
    assert incremental.file_digest(page) == first
    stat = page.stat()
    page.write_text("two", encoding="utf-8")  # same size; mtime set back: ctime still moves
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert incremental.file_digest(page) == hashlib.sha256(b"two").digest()


def test_a_pickle_cache_that_cannot_be_read_is_empty_and_replacing_it_drops_old_versions(tmp_path):
    from kalo.pickle_file import read_pickle, replace_pickle

    old = tmp_path / "cache-v1.pickle"
    old.write_bytes(b"not a pickle")
    assert read_pickle(old) == {}
    assert read_pickle(tmp_path / "missing.pickle") == {}
    current = tmp_path / "cache-v2.pickle"
    replace_pickle(current, {"a": 1}, "cache-")
    assert read_pickle(current) == {"a": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache-v2.pickle"]


def test_an_in_place_build_replaces_only_what_changed_and_equals_a_clean_build(site):
    """The output folder stays (same inode); unchanged pages and images are the same files."""
    source, output, cache, work = site
    _build(source, output, cache)
    root = output.stat().st_ino
    image = next((output / "images" / "organizations").rglob("*.avif"))
    image_inode = image.stat().st_ino
    before = _inodes(output)
    about = source / "organizations" / "foreas-00011" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert _build(source, output, cache)
    assert output.stat().st_ino == root
    assert image.stat().st_ino == image_inode
    after = _inodes(output)
    changed = {path for path, inode in after.items() if before.get(path) != inode}
    assert "en/organizations/foreas-00011/index.html" in changed
    profiles = [path for path in after if "/foreas-" in f"/{path}"]
    assert len(_profile_slugs(changed)) < len(_profile_slugs(profiles)) / 2
    clean = work / "clean-in-place"
    _build(source, clean, work / "clean-in-place-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_a_file_added_to_the_output_by_hand_makes_the_next_build_fresh(site):
    """Every folder's identity is recorded: a stray file anywhere is seen, and a clean
    output replaces the folder that holds it."""
    source, output, cache, work = site
    _build(source, output, cache)
    stray = output / "organizations" / "foreas-00012" / "stray.html"
    stray.write_text("left by hand", encoding="utf-8")
    root = output.stat().st_ino
    about = source / "organizations" / "foreas-00012" / "about.el.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nΑκόμη μία γραμμή.\n", encoding="utf-8")
    assert _build(source, output, cache)
    assert not stray.exists()
    assert output.stat().st_ino != root  # swapped in whole, not updated in place
    clean = work / "clean-stray"
    _build(source, clean, work / "clean-stray-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_without_an_output_pages_come_from_the_page_store(site):
    """CI restores the cache, not the output: unchanged pages are linked from the store
    (the same files as the last build's), and the site equals a clean build."""
    source, output, cache, work = site
    _build(source, output, cache)
    page = "organizations/foreas-00013/index.html"
    inode = (output / page).stat().st_ino
    shutil.rmtree(output)
    assert _build(source, output, cache)
    assert (output / page).stat().st_ino == inode
    profile = source / "organizations" / "foreas-00013" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Πλατεία", 1), encoding="utf-8"
    )
    shutil.rmtree(output)
    assert _build(source, output, cache)
    assert (output / page).stat().st_ino != inode
    assert "Πλατεία" in (output / page).read_text(encoding="utf-8")
    clean = work / "clean-store"
    _build(source, clean, work / "clean-store-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_a_listing_is_reused_while_its_cards_are_unchanged(site):
    """Listings are fingerprinted by their cards: an edit the cards do not show leaves
    them as they are; an edit they show re-renders those that list the organization."""
    source, output, cache, work = site
    _build(source, output, cache)
    slug = "foreas-00014"
    org = _directory(source).by_slug[slug]
    directory_page = "organizations/index.html"
    own_facet = f"organizations/municipality/{org.municipality}/index.html"
    other = next(
        value.code
        for value in _directory(source).facets["municipality"]
        if value.code != org.municipality
    )
    other_facet = f"organizations/municipality/{other}/index.html"
    before = _inodes(output)
    profile = source / "organizations" / slug / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Άνω", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    after = _inodes(output)
    assert after[directory_page] == before[directory_page]  # the address is not on cards
    assert after[f"organizations/{slug}/index.html"] != before[f"organizations/{slug}/index.html"]
    import yaml

    values = yaml.safe_load(profile.read_text(encoding="utf-8"))
    values["summary"]["el"] = "Νέα περίληψη του φορέα."
    profile.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    assert _build(source, output, cache)
    latest = _inodes(output)
    for page in (directory_page, own_facet):
        assert latest[page] != after[page]
        assert "Νέα περίληψη του φορέα." in (output / page).read_text(encoding="utf-8")
    assert latest[other_facet] == after[other_facet]
    clean = work / "clean-listing"
    _build(source, clean, work / "clean-listing-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_editing_one_profile_makes_one_part_of_the_search_index_again(site):
    import json

    source, output, cache, _ = site
    _build(source, output, cache, SEARCH_PART_SIZE=4)
    before = json.loads((output / "pagefind" / "parts.json").read_text("utf-8"))
    assert len(before["el"]) > 2
    about = source / "organizations" / "foreas-00015" / "about.el.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nΚαινούργια λέξη.\n", encoding="utf-8")
    assert _build(source, output, cache, SEARCH_PART_SIZE=4)
    after = json.loads((output / "pagefind" / "parts.json").read_text("utf-8"))
    assert len(set(after["el"]) - set(before["el"])) == 1
    assert len(set(after["el"]) & set(before["el"])) == len(before["el"]) - 1
    for folder in set(before["el"]) - set(after["el"]):
        assert not (output / "pagefind" / folder).exists()


def test_adding_an_organization_gives_what_a_clean_build_gives(site):
    """A new organization moves every page after it in the SEO report and changes the
    listings, facets, open data and search parts it joins: an incremental build still
    writes exactly what a clean build writes."""
    source, output, cache, work = site
    _build(source, output, cache)
    new = source / "organizations" / "foreas-00000-neos"
    shutil.copytree(source / "organizations" / "foreas-00016", new)
    import yaml

    profile = new / "profile.yaml"
    values = yaml.safe_load(profile.read_text(encoding="utf-8"))
    values["name"] = {"el": "Α Νέος φορέας", "en": "A New organization"}
    profile.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    assert _build(source, output, cache)
    assert (output / "organizations" / "foreas-00000-neos" / "index.html").is_file()
    clean = work / "clean-added"
    _build(source, clean, work / "clean-added-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def _inodes_of(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.*")}


def test_open_data_files_follow_an_edit_and_the_others_are_kept(site):
    """The site-wide files are kept by what they are made from (the records' keys), not by
    their bytes: an address edit writes them again with the new address, leaves the other
    organizations' Murmurations profiles as they were, and equals a clean build."""
    source, output, cache, work = site
    _build(source, output, cache)
    data = output / "data"
    before = _inodes_of(data)
    profile = source / "organizations" / "foreas-00012" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Άνω", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    after = _inodes_of(data)
    assert "Οδός Άνω" in (data / "organizations.json").read_text(encoding="utf-8")
    for name in ("organizations.json", "organizations.geojson", "datapackage.json"):
        assert after[name] != before[name], name
    murmurations = [name for name in before if name.startswith("murmurations/")]
    kept = [name for name in murmurations if after.get(name) == before[name]]
    assert len(kept) >= len(murmurations) - 4  # the edited one and its partners' at most
    clean = work / "clean-data"
    _build(source, clean, work / "clean-data-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_a_workshop_page_is_reused_while_the_cards_of_its_organizations_are_unchanged(tmp_path):
    """A workshop's page shows the organizations that took part as cards: an edit they do
    not show leaves it as it is; one they show renders it again."""
    fixture = ROOT / "tests" / "workshops" / "fixture"
    site = tmp_path / "site"
    shutil.copytree(fixture, site)
    today = {"WORKSHOP_TODAY": datetime.date(2025, 6, 1)}
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert _build(site, output, cache, **today)
    pages = [p for p in _inodes(output) if p.startswith("workshops/focus-groups-01")]
    assert pages, sorted(_inodes(output))
    page = pages[0]
    before = _inodes(output)
    profile = site / "organizations" / "alfa-koinsep" / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "founded: 2001\n", "utf-8")
    assert _build(site, output, cache, **today)
    after = _inodes(output)
    assert after[page] == before[page]
    assert (
        after["organizations/alfa-koinsep/index.html"]
        != before["organizations/alfa-koinsep/index.html"]
    )
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("γεύματα", "φαγητό"), encoding="utf-8"
    )
    assert _build(site, output, cache, **today)
    assert _inodes(output)[page] != after[page]
    assert "φαγητό" in (output / page).read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    _build(site, clean, tmp_path / "clean-cache", incremental_build=False, **today)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_editing_what_an_organization_needs_changes_the_possible_partners_everywhere(site):
    """Possible partners are kept from the last build while the offers, needs, places and
    partners they are made from are the same; an edit of needs makes them again."""
    import yaml

    source, output, cache, work = site
    _build(source, output, cache)
    profile = source / "organizations" / "foreas-00017" / "profile.yaml"
    values = yaml.safe_load(profile.read_text(encoding="utf-8"))
    values["needs"] = sorted({"volunteers", "premises"} - set(values["offers"]))
    profile.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    assert _build(source, output, cache)
    clean = work / "clean-needs"
    _build(source, clean, work / "clean-needs-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_a_pickle_store_writes_only_what_changed_and_reads_it_back(tmp_path):
    from kalo.pickle_file import PickleStore

    store = PickleStore(tmp_path / "cache-v1.pickle", "cache-")
    store.save({n: [n] for n in range(1000)})
    store = PickleStore(tmp_path / "cache-v1.pickle", "cache-")
    whole = (tmp_path / "cache-v1.pickle").stat().st_mtime_ns
    used = dict(store.known)
    used[5], used[1000] = ["changed"], ["added"]
    store.save(used)
    assert (tmp_path / "cache-v1.pickle").stat().st_mtime_ns == whole  # only the changes
    store = PickleStore(tmp_path / "cache-v1.pickle", "cache-")
    assert store.known[5] == ["changed"] and store.known[1000] == ["added"]
    assert len(store.known) == 1001
    store.save({n: [n, "new"] for n in range(10)})  # many changes: written whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache-v1.pickle"]
    assert PickleStore(tmp_path / "cache-v1.pickle", "cache-").known == {
        n: [n, "new"] for n in range(10)
    }
    (tmp_path / "cache-v1.pickle").write_bytes(b"damaged")
    assert PickleStore(tmp_path / "cache-v1.pickle", "cache-").known == {}


def test_builds_after_pages_were_removed_still_update_the_output_in_place(site):
    """Removing an organization removes its folders; the record then describes the
    folders as they are, so the next build updates the same output folder again."""
    source, output, cache, _ = site
    _build(source, output, cache)
    root = output.stat().st_ino
    profile = source / "organizations" / "foreas-00018" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("granted: true", "granted: false"), "utf-8"
    )
    assert _build(source, output, cache)
    assert not (output / "organizations" / "foreas-00018").exists()
    about = source / "organizations" / "foreas-00019" / "about.el.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nΜία ακόμη.\n", encoding="utf-8")
    assert _build(source, output, cache)
    assert output.stat().st_ino == root


def test_the_web_editors_files_are_kept_until_their_source_changes(site, tmp_path):
    """The editor's 5 MB of scripts and its form stay in the output while unchanged; a
    changed script or form is written again, and the output equals a clean build's."""
    source, output, cache, work = site
    scripts = tmp_path / "scripts"
    shutil.copytree(ROOT / "theme" / "admin", scripts)
    form = scripts / "config.yml"
    extra = {"WEB_EDITOR_SCRIPTS": str(scripts), "WEB_EDITOR_CONFIG": str(form)}
    _build(source, output, cache, **extra)
    admin = output / "admin"
    inodes = {path.name: path.stat().st_ino for path in admin.iterdir()}
    assert {"decap-cms.js", "admin.js", "config.yml", "index.html"} <= set(inodes)
    about = source / "organizations" / "foreas-00012" / "about.el.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nΚαι κάτι ακόμη.\n", "utf-8")
    assert _build(source, output, cache, **extra)
    assert {path.name: path.stat().st_ino for path in admin.iterdir()} == inodes
    script = scripts / "admin.js"
    text = script.read_text(encoding="utf-8")
    script.write_text(text.replace("CMS", "cms", 1), encoding="utf-8")
    assert script.read_text(encoding="utf-8") != text
    assert _build(source, output, cache, **extra)
    assert (admin / "admin.js").read_bytes() == script.read_bytes()
    assert (admin / "admin.js").stat().st_ino != inodes["admin.js"]
    assert (admin / "decap-cms.js").stat().st_ino == inodes["decap-cms.js"]
    assert (admin / "config.yml").stat().st_ino == inodes["config.yml"]
    form.write_text(form.read_text(encoding="utf-8").replace("label: Φορείς", "label: Οι φορείς"))
    assert _build(source, output, cache, **extra)
    assert "label: Οι φορείς" in (admin / "config.yml").read_text(encoding="utf-8")
    clean = work / "clean-editor"
    _build(source, clean, work / "clean-editor-cache", incremental_build=False, **extra)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_an_edit_that_changes_no_image_loads_no_image_maker(site):
    """Social images are drawn with Pillow and a font package: a build that makes none does
    not even import them (tens of milliseconds of every one-profile rebuild)."""
    source, output, cache, _ = site
    _build(source, output, cache)
    profile = source / "organizations" / "foreas-00024" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Πλατεία", 1), encoding="utf-8"
    )
    said = _build_in_a_process(
        site, before="import sys\n", after="print(done, 'images.social' in sys.modules)\n"
    )
    assert said == "True False"


def test_keyphrase_keys_kept_from_the_last_build_are_those_it_would_make(tmp_path):
    """The SEO step keeps each keyphrase's key; a kept key is the one made afresh, and a
    keyphrase it has not seen is made, not guessed."""
    from seo.analysis.language import keyphrase_key
    from seo.analysis_cache import KeyphraseKeys

    first = KeyphraseKeys(tmp_path)
    assert first("κοινωνική κουζίνα", "el") == keyphrase_key("κοινωνική κουζίνα", "el")
    first.save()
    again = KeyphraseKeys(tmp_path)
    assert again.known == {("κοινωνική κουζίνα", "el"): keyphrase_key("κοινωνική κουζίνα", "el")}
    assert again("social kitchen", "en") == keyphrase_key("social kitchen", "en")
    assert again("κοινωνική κουζίνα", "el") == keyphrase_key("κοινωνική κουζίνα", "el")
    again.save()
    assert set(KeyphraseKeys(tmp_path).known) == {
        ("κοινωνική κουζίνα", "el"),
        ("social kitchen", "en"),
    }


def test_a_lost_store_of_the_seo_reports_parts_makes_them_again(site, tmp_path):
    """Pages whose results did not change stand in for their kept parts of the report. When
    the store of those parts is gone or damaged (and only the small store of summaries is
    left), they are analysed again: the report is still the one a clean build writes."""
    source, output, cache, work = site
    _build(source, output, cache)
    stores = cache / "seo" / "reports"
    parts = sorted(stores.glob("fragments-*.pickle*"))
    assert parts and sorted(stores.glob("summaries-*.pickle"))
    for number, path in enumerate(parts):
        if number == 0:
            path.write_bytes(b"not a pickle")
        else:
            path.unlink()
    for old in stores.iterdir():  # the report folders cached by their results: none left
        if old.is_dir():
            shutil.rmtree(old)
    about = source / "organizations" / "foreas-00006" / "about.el.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\nΜια ακόμη παράγραφος για το κείμενο.\n",
        encoding="utf-8",
    )
    assert _build(source, output, cache)
    clean = tmp_path / "clean"
    _build(source, clean, tmp_path / "clean-cache", incremental_build=False)
    for name in ("index.html", "report.json", "report.txt"):
        assert (output / "seo" / name).read_bytes() == (clean / "seo" / name).read_bytes(), name


def test_the_seo_report_is_kept_until_a_pages_results_change(site, tmp_path):
    """An address changes the page, not its keyword analysis: the report files stay (same
    files). A longer text changes its results: the report is written again, as a clean
    build writes it."""
    source, output, cache, work = site
    _build(source, output, cache)
    report = {name: output / "seo" / name for name in ("index.html", "report.json", "report.txt")}
    inodes = {name: path.stat().st_ino for name, path in report.items()}
    profile = source / "organizations" / "foreas-00006" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Λεωφόρος", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    assert {name: path.stat().st_ino for name, path in report.items()} == inodes
    about = source / "organizations" / "foreas-00006" / "about.el.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\nΜια ακόμη παράγραφος για το κείμενο.\n",
        encoding="utf-8",
    )
    assert _build(source, output, cache)
    assert all(path.stat().st_ino != inodes[name] for name, path in report.items())
    # Kept for a build into a new folder (CI) as a hard link, not a second copy of 23 MB.
    cached = {p.stat().st_ino for p in (cache / "seo" / "reports").rglob("index.html")}
    assert report["index.html"].stat().st_ino in cached
    clean = tmp_path / "clean"
    _build(source, clean, tmp_path / "clean-cache", incremental_build=False)
    for name, path in report.items():
        assert path.read_bytes() == (clean / "seo" / name).read_bytes(), name


def test_the_seo_reports_stores_catch_up_when_every_pages_key_changed(site, tmp_path, monkeypatch):
    """A new version of the analysis code gives every page a new cache key and, often, the
    same results: the report files stay, but the stores of its parts knew the old keys
    only. Beyond a few such pages the report is written again with them, so the next build
    has every unchanged page stand in (before, every later build analysed or loaded every
    page's results again, 0.4 s at 1,000 organizations), and it is a clean build's."""
    from seo import analysis_cache, analysis_step
    from seo.report import Fragments

    source, output, cache, _ = site
    _build(source, output, cache)
    monkeypatch.setattr(analysis_cache, "_code_version", lambda: "a newer analysis")
    monkeypatch.setattr(analysis_step, "_stale_limit", lambda pages: 2)
    standing = []
    original = Fragments.stand_in

    def stand_in(self, key, number):
        found = original(self, key, number)
        standing.append(found is not None)
        return found

    monkeypatch.setattr(Fragments, "stand_in", stand_in)
    profile = source / "organizations" / "foreas-00031" / "profile.yaml"
    results = (output / "seo" / "report.json").read_bytes()
    for street in ("Πλατεία", "Οδός"):
        standing.clear()
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("Οδός" if street == "Πλατεία" else "Πλατεία", street, 1))
        assert _build(source, output, cache)
        if street == "Πλατεία":  # the first build with the new keys: none known yet
            assert standing and not any(standing)
            # No page's results changed (the case where the report's files were kept).
            assert (output / "seo" / "report.json").read_bytes() == results
    # The build after: all but the edited profile (both languages) stand in.
    assert standing.count(False) <= 2 < standing.count(True)
    clean = tmp_path / "clean"
    _build(source, clean, tmp_path / "clean-cache", incremental_build=False)
    for name in ("index.html", "report.json", "report.txt"):
        assert (output / "seo" / name).read_bytes() == (clean / "seo" / name).read_bytes(), name


def test_the_figures_search_and_404_pages_are_kept_until_what_they_show_changes(site):
    """The figures show counts, the search page (without JavaScript) the facets' values
    and counts, the 404 page nothing but the site's own inputs: an address edit keeps all
    three; a new offer changes the first two, which are made again and say so."""
    import yaml

    from kalo.codes import codes

    source, output, cache, work = site
    _build(source, output, cache)
    pages = ["figures/index.html", "search/index.html", "404.html"]
    pages += [f"en/{page}" for page in pages]
    slug = "foreas-00021"
    profile = source / "organizations" / slug / "profile.yaml"
    before = _inodes(output)
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Κάτω", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    after = _inodes(output)
    assert after[f"organizations/{slug}/index.html"] != before[f"organizations/{slug}/index.html"]
    assert {page: after[page] for page in pages} == {page: before[page] for page in pages}

    values = yaml.safe_load(profile.read_text(encoding="utf-8"))
    offer = next(code for code in codes("exchange") if code not in values.get("offers", []))
    values["offers"] = [*values.get("offers", []), offer]
    profile.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    assert _build(source, output, cache)
    latest = _inodes(output)
    for page in pages:
        made_again = latest[page] != after[page]
        assert made_again == (not page.endswith("404.html")), page
    clean = work / "clean-figures"
    _build(source, clean, work / "clean-figures-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_a_stored_image_step_reads_only_the_records_of_the_images_it_shows(site):
    """After an edit, the image step is the one stored by the last build: the records of
    its images are read per source folder, for the pages rendered again only; the site
    still equals a clean build's."""
    source, output, cache, work = site
    _build(source, output, cache)
    profile = source / "organizations" / "foreas-00026" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Πάνω", 1), encoding="utf-8"
    )
    said = _build_in_a_process(
        site,
        before=_counting("image_step.step:FolderRecords._folder"),
        after="print(done, sorted({Path(args[-1]).name for args in calls}))\n",
    )
    done, _, folders = said.partition(" ")
    assert done == "True"
    assert "'foreas-00026'" in folders  # its profile shows its logo
    assert 0 < folders.count("'") // 2 <= 4, folders  # its folder and its photos' at most
    clean = work / "clean-images"
    _build(source, clean, work / "clean-images-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_an_edit_elsewhere_reads_no_static_page_again(site):
    """The static pages' Markdown and typography are kept from the last build while their
    bytes and the site's inputs are the same (site_pages.read_cache): a profile's edit
    converts none of them, and the site equals a clean build's."""
    source, output, cache, work = site
    _build(source, output, cache)
    profile = source / "organizations" / "foreas-00027" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Κάτω", 1), encoding="utf-8"
    )
    said = _build_in_a_process(
        site,
        before=_counting(
            "site_pages.reader:FrontMatterMarkdownReader._read", "kalo.markup:typography"
        ),
        after="print(done, len(calls))\n",
    )
    assert said == "True 0"
    clean = work / "clean-read-pages"
    _build(source, clean, work / "clean-read-pages-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_editing_a_static_page_shows_the_edit_in_the_next_build(site, monkeypatch):
    """A page read again when its bytes change, and only that page: its text, its summary
    (Markdown in the metadata) and its typography are those of the edit. The site's inputs
    (which cover the content folder) are held the same, so that only the pages' own keys
    can tell the edit apart; then the site equals a clean build's."""
    from kalo import output as kalo_output
    from site_pages import reader

    source, output, cache, work = site
    monkeypatch.setattr(kalo_output.Output, "site_fingerprint", lambda _self: "the same site")
    profile = source / "organizations" / "foreas-00029" / "profile.yaml"
    profile.write_text(  # a build to run with these inputs (none would: nothing changed)
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Άνω", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    page = next(
        path
        for path in sorted((source / "content" / "pages").glob("*.en.md"))
        if "summary:" in path.read_text(encoding="utf-8")
    )
    read = []
    original = reader.FrontMatterMarkdownReader._read

    def counted(self, path):
        read.append(Path(path).name)
        return original(self, path)

    monkeypatch.setattr(reader.FrontMatterMarkdownReader, "_read", counted)
    text = page.read_text(encoding="utf-8")
    text = text.replace("summary: ", 'summary: A "quoted" summary edit. ', 1)
    page.write_text(text + '\nA "new" closing line of the page.\n', encoding="utf-8")
    assert _build(source, output, cache)
    assert read == [page.name]
    written = [
        path.read_text(encoding="utf-8")
        for path in output.rglob("*.html")
        if "closing line of" in path.read_text(encoding="utf-8")
    ]
    assert written and "“new” closing line of" in written[0], "the edited text is not typeset"
    assert any('content="A &#34;quoted&#34; summary edit.' in html for html in written)
    monkeypatch.undo()
    profile.write_text(  # a build with the real inputs: every page's key is new again
        profile.read_text(encoding="utf-8").replace("Οδός Άνω", "Οδός", 1), encoding="utf-8"
    )
    assert _build(source, output, cache)
    clean = work / "clean-edited-page"
    _build(source, clean, work / "clean-edited-page-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_an_edit_elsewhere_reads_no_workshop_summary_again(site):
    """The programme as read by the last build is kept while the content, code, settings,
    day and organization folders are the same (workshops.load_cache): a profile's address
    edit reads no summary, and the site equals a clean build's."""
    source, output, cache, work = site
    _build(source, output, cache)
    profile = source / "organizations" / "foreas-00028" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Οδός", "Οδός Μέση", 1), encoding="utf-8"
    )
    said = _build_in_a_process(
        site,
        before=_counting("workshops.load:_read"),
        after="print(done, len(calls))\n",
    )
    assert said == "True 0"
    clean = work / "clean-programme"
    _build(source, clean, work / "clean-programme-cache", incremental_build=False)
    assert _tree(output, pagefind=False) == _tree(clean, pagefind=False)


def test_the_programme_is_read_again_when_a_summary_changes(site):
    """A summary's edit is shown: the programme kept from the last build is not used."""
    source, output, cache, _ = site
    _build(source, output, cache)
    summary = sorted((source / "content" / "workshops").glob("*-01.md"))[0]
    summary.write_text(
        summary.read_text(encoding="utf-8") + "\nΜια νέα πρόταση της περίληψης.\n",
        encoding="utf-8",
    )
    assert _build(source, output, cache)
    assert any(
        "Μια νέα πρόταση της περίληψης." in path.read_text(encoding="utf-8")
        for path in output.rglob("*.html")
    )


def test_the_programme_kept_is_keyed_by_the_organization_folders_too():
    """The participants are checked against the organization folders: another set of
    folders, or of valid ones, is another key (as is another site, root or day)."""
    from workshops.load import KnownOrganizations
    from workshops.load_cache import load_key

    day = datetime.date(2026, 12, 8)
    base = KnownOrganizations(frozenset({"a", "b"}), frozenset({"a", "b", "c"}))
    key = load_key("site", base, Path("/x"), day)
    others = [
        KnownOrganizations(frozenset({"a"}), frozenset({"a", "b", "c"})),
        KnownOrganizations(frozenset({"a", "b"}), frozenset({"a", "b"})),
    ]
    assert all(load_key("site", orgs, Path("/x"), day) != key for orgs in others)
    assert load_key("other site", base, Path("/x"), day) != key
    assert load_key("site", base, Path("/y"), day) != key
    assert load_key("site", base, Path("/x"), day + datetime.timedelta(days=1)) != key
    assert load_key("site", base, Path("/x"), day) == key
