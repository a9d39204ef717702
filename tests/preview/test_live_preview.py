"""The live preview (``make devserver``: kalo.devserver) as a volunteer uses it: a real
process serving a copy of the sample content on a free port; files are saved and pages
read over HTTP until they show it (no timings asserted: the benchmark measures them,
bench/preview.py).

The copy's first focus group names one organization, so that a saved profile also changes
a session's page. Tests run in the file's order and share the one server.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from publish.headers import CONTENT_SECURITY_POLICY
from sitebuild import ROOT, build_site

pytestmark = pytest.mark.slow
ORG = "anoichti-agkalia-amke"  # named as a partner by gefseis-tis-geitonias-koinsep
PARTNER = "gefseis-tis-geitonias-koinsep"
WORKSHOP = "focus-groups-01"
# A guard against a hung server, not a measure: every wait ends long before.
PATIENCE = 300


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    def __init__(self, site: Path, output: Path):
        self.site, self.output, self.port = site, output, _free_port()
        self.log = open(site / "preview.log", "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kalo.devserver",
                "--input",
                str(site / "content"),
                "--orgs",
                str(site / "organizations"),
                "--output",
                str(output),
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def get(self, path: str) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def until(self, check, what: str):
        """Poll ``check()`` until it gives something true; fail with the log if never."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output_log()
            try:
                found = check()
            except OSError:
                found = None
            if found:
                return found
            time.sleep(0.05)
        pytest.fail(f"never: {what}\n{self.output_log()}")

    def idle(self) -> dict:
        def state():
            status = json.loads(self.get("/_preview/status")[2])
            return status if status["built"] and not status["busy"] else None

        return self.until(state, "the preview is idle")

    def shows(self, path: str, word: str) -> str:
        def page():
            status, _, body = self.get(path)
            return body if status == 200 and word in body else None

        return self.until(page, f"{path} shows {word!r}")

    def output_log(self) -> str:
        self.log.flush()
        return (self.site / "preview.log").read_text(encoding="utf-8")[-4000:]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    site = tmp_path_factory.mktemp("preview")
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copytree(ROOT / "organizations", site / "organizations")
    for name in (f"{WORKSHOP}.md", f"{WORKSHOP}.en.md"):
        _edit(
            site / "content" / "workshops" / name, "\nstatus:", f"\norganizations: [{ORG}]\nstatus:"
        )
    server = Preview(site, site / "output")
    server.idle()
    yield server
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=PATIENCE)
    server.log.close()


class Events:
    """The preview's event stream, read by a thread into a list."""

    def __init__(self, port: int):
        self.messages: list[dict] = []
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
        self.connection.request("GET", "/_preview/events")
        self.response = self.connection.getresponse()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            for line in self.response:
                if line.startswith(b"data: "):
                    self.messages.append(json.loads(line[6:]))
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        self.connection.close()


def test_pages_carry_the_reload_script_and_the_sites_policy(preview):
    status, headers, page = preview.get(f"/organizations/{ORG}/")
    assert status == 200
    assert '<script src="/_preview/reload.js"' in page and "</script></head>" in page
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "<script>" not in page  # nothing inline: the strict policy holds
    status, headers, script = preview.get("/_preview/reload.js")
    assert status == 200 and "EventSource" in script
    assert headers["Content-Type"].startswith("text/javascript")
    # The file in the served folder is exactly what a build writes.
    written = (preview.output / "organizations" / ORG / "index.html").read_text(encoding="utf-8")
    assert "_preview" not in written


def test_a_saved_profile_updates_its_pages_its_partners_and_its_sessions(preview):
    events = Events(preview.port)
    preview.until(lambda: events.messages, "the event stream says hello")
    hello = events.messages[0]
    assert hello["hello"] is True
    # The last two are Pelican's own pages (a static page, the home page): written again
    # after every save, each replaced whole too.
    rewritten = [f"organizations/{ORG}/index.html", "organizations/index.html", "data/index.html"]
    rewritten += ["contact/index.html", "index.html"]
    # Pages that show nothing of a summary (counts, facets, the site's inputs) and the web
    # editor's files are not written at all.
    unchanged = ["figures/index.html", "search/index.html", "404.html"]
    served = [*rewritten, *unchanged, "admin/index.html", "admin/config.yml", "admin/decap-cms.js"]
    inodes = {name: (preview.output / name).stat().st_ino for name in served}
    _edit(preview.site / "organizations" / ORG / "profile.yaml", "φορέας. Αστική", "ΑΝΑΝΕΩΜΕΝΟΣ.")
    preview.shows(f"/organizations/{ORG}/", "ΑΝΑΝΕΩΜΕΝΟΣ")
    preview.shows(f"/organizations/{PARTNER}/", "ΑΝΑΝΕΩΜΕΝΟΣ")  # the partner's card of it
    preview.shows(f"/workshops/{WORKSHOP}/", "ΑΝΑΝΕΩΜΕΝΟΣ")  # the session that names it
    preview.idle()
    changed = [m for m in events.messages if m["version"] > hello["version"]]
    events.close()
    # First the pages that show the change, then every other page.
    assert f"/organizations/{ORG}/" in changed[0]["pages"]
    assert f"/en/organizations/{ORG}/" in changed[0]["pages"]
    assert f"/organizations/{PARTNER}/" in changed[0]["pages"]
    assert f"/workshops/{WORKSHOP}/" in changed[0]["pages"]
    assert changed[1]["except"] == changed[0]["pages"]
    log = preview.output_log()
    assert "Updated" in log and log.count("Built the whole site") == 1  # not a full build
    # A page written again is a new file (a browser reading the old one meanwhile gets all
    # of it); the pages and files that did not change are not written at all.
    after = {name: (preview.output / name).stat().st_ino for name in served}
    assert [name for name in rewritten if after[name] == inodes[name]] == []
    kept = served[len(rewritten) :]
    assert {name: after[name] for name in kept} == {name: inodes[name] for name in kept}


def test_a_saved_session_updates_the_profiles_of_its_organizations(preview):
    """A profile lists the sessions its organization took part in: a session's new English
    title reaches the English profile in a live update (not a full build: the Greek title
    is on the session's social image, the English one is not), since a profile's
    description follows the programme as well as the directory."""
    preview.idle()
    before = preview.output_log().count("Built the whole site")
    session = preview.site / "content" / "workshops" / f"{WORKSHOP}.en.md"
    _edit(session, "title: ", "title: NEW TITLE ")
    preview.shows(f"/en/workshops/{WORKSHOP}/", "NEW TITLE")
    preview.shows(f"/en/organizations/{ORG}/", "NEW TITLE")
    preview.idle()
    assert preview.output_log().count("Built the whole site") == before


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }


def test_what_the_preview_wrote_is_what_a_clean_build_writes(preview, tmp_path):
    """After the update (and its background work), every file a clean build of the same
    content writes is in the served folder with the same bytes (Pagefind's bundle aside:
    two fresh runs of Pagefind differ), and no other page."""
    preview.idle()
    clean = build_site(preview.site / "content", preview.site / "organizations", tmp_path / "clean")
    built, served = _digests(clean), _digests(preview.output)
    assert {name: served.get(name) for name in built} == built
    assert {n for n in served if n.endswith(".html")} == {n for n in built if n.endswith(".html")}
    # The search index was made again in the background, in the same parts.
    assert "failed" not in preview.output_log()
    parts = json.loads((clean / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    served_parts = preview.output / "pagefind" / "parts.json"
    assert json.loads(served_parts.read_text(encoding="utf-8")) == parts
    for folder in {part for listed in parts.values() for part in listed}:
        assert (preview.output / "pagefind" / folder / "pagefind-entry.json").is_file()


def test_a_broken_save_shows_the_problems_and_keeps_the_pages(preview):
    profile = preview.site / "organizations" / ORG / "profile.yaml"
    page = preview.output / "organizations" / ORG / "index.html"
    good, before = profile.read_text(encoding="utf-8"), page.read_bytes()
    _edit(profile, "\nkind: civil-society", "\nkind: nonsense")

    def problems():
        status, _, body = preview.get("/organizations/")
        return body if status == 500 else None

    shown = preview.until(problems, "the problems page")
    assert f"organizations/{ORG}/profile.yaml:" in shown
    assert '"nonsense"' in shown.replace("&quot;", '"')
    assert shown.index('lang="el"') < shown.index('class="en"')  # Greek first
    assert '<script src="/_preview/reload.js"' in shown
    assert "nonsense" in preview.output_log()  # printed in the terminal too
    assert page.read_bytes() == before  # the last good page stays
    # The web editor stays usable: it is how the mistake gets fixed; it never reloads by
    # itself (what the volunteer typed would be lost).
    status, _, editor = preview.get("/admin/")
    assert status == 200 and "_preview" not in editor
    profile.write_text(good.replace("ΑΝΑΝΕΩΜΕΝΟΣ", "ΔΙΟΡΘΩΜΕΝΟΣ"), encoding="utf-8")
    preview.shows(f"/organizations/{ORG}/", "ΔΙΟΡΘΩΜΕΝΟΣ")
    assert preview.get("/organizations/")[0] == 200


def test_the_browser_reloads_by_itself_under_the_sites_policy(preview, chromium):
    preview.idle()
    page = chromium.new_page()
    refused = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    try:
        page.goto(f"http://127.0.0.1:{preview.port}/organizations/{ORG}/")
        page.wait_for_load_state("load")
        with page.expect_event("load", timeout=PATIENCE * 1000):  # the page reloads itself
            _edit(preview.site / "organizations" / ORG / "profile.yaml", "ΔΙΟΡΘΩΜΕΝΟΣ", "ΖΩΝΤΑΝΟΣ")
        assert "ΖΩΝΤΑΝΟΣ" in page.content()
    finally:
        page.close()
    assert refused == []


def test_a_change_no_generator_claims_builds_the_whole_site(preview):
    preview.idle()
    page = preview.site / "content" / "pages" / "contact.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nΜια νέα παράγραφος ΠΡΟΣΘΗΚΗ.\n", encoding="utf-8")
    preview.shows("/contact/", "ΠΡΟΣΘΗΚΗ")
    preview.idle()
    assert "Built the whole site" in preview.output_log().rsplit("Updated", 1)[-1]


def test_sigterm_stops_the_preview_cleanly(preview):
    preview.process.send_signal(signal.SIGTERM)
    assert preview.process.wait(timeout=PATIENCE) == 0
    assert "Stopped." in preview.output_log()


def _traces(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".xml", ".txt", ".css"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if any(mark in text for mark in ("_preview/", "reload.js", "EventSource")):
                found.append(path.relative_to(folder).as_posix())
    return found


def test_nothing_of_the_preview_is_in_a_built_site(sample_site, fixture_site):
    """`make html` (and so `make publish`, the same build) writes no trace of it."""
    assert _traces(sample_site) == [] and _traces(fixture_site) == []


def test_the_preview_writes_pelicans_pages_whole_by_pelicans_rules(tmp_path):
    """Pelican's own pages in the served folder: a new file renamed over the old one (no
    half-written page), and the writer's rules kept: a page written twice is refused, and
    a page that overrides another stays (the other one is skipped)."""
    import jinja2
    from pelican.settings import DEFAULT_CONFIG
    from pelican.writers import FileOverwriteFailedError

    from kalo.preview.site import _ServedFolderWriter

    def writer():
        return _ServedFolderWriter(str(tmp_path), settings=dict(DEFAULT_CONFIG))

    page = tmp_path / "about" / "index.html"
    page.parent.mkdir()
    page.write_text("old", encoding="utf-8")
    before = page.stat().st_ino
    first = writer()
    first.write_file("about/index.html", jinja2.Template("new {{ n }}"), {}, n=1)
    assert page.read_text(encoding="utf-8") == "new 1" and page.stat().st_ino != before
    with pytest.raises(FileOverwriteFailedError):
        first.write_file("about/index.html", jinja2.Template("again"), {})
    home = writer()
    home.write_file("index.html", jinja2.Template("home"), {}, override_output=True)
    home.write_file("index.html", jinja2.Template("default"), {})  # skipped
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "home"
    with pytest.raises(FileOverwriteFailedError):  # overridden twice
        home.write_file("index.html", jinja2.Template("again"), {}, override_output=True)
    # Written, then overridden once: allowed, as Pelican allows it.
    later = writer()
    later.write_file("contact/index.html", jinja2.Template("first"), {})
    later.write_file("contact/index.html", jinja2.Template("second"), {}, override_output=True)
    assert (tmp_path / "contact" / "index.html").read_text(encoding="utf-8") == "second"
    # A write that fails halfway leaves the old page and no temporary file.
    with pytest.raises(OSError), writer()._open_w(str(page), "utf-8") as handle:
        handle.write("half a pa")
        raise OSError("no space left on the device")
    assert page.read_text(encoding="utf-8") == "new 1"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.name.startswith(".")) == []
