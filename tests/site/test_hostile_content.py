"""Text fields and Markdown from volunteers can never put active content on a page."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

import yaml

from sitebuild import FIXTURE, build_site

HOSTILE_TEXT = "\"><script>alert(1)</script><img src=x onerror=alert(2)> «Κουζίνα» & 'x'"
HOSTILE_MARKDOWN = """# Τίτλος

<script>alert(3)</script>
<iframe src="https://evil.example"></iframe>
<a href="javascript:alert(4)">σύνδεσμος</a>
[σύνδεσμος](javascript:alert(5))
<p style="color:red" onclick="alert(6)">κείμενο</p>
<form action="https://evil.example"><input name="a"></form>
<object data="x"></object>
"""


class ActiveContentFinder(HTMLParser):
    """Elements and attributes that could run code or load a foreign page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        if (
            tag == "script"
            and attributes.get("type") != "application/ld+json"
            and not (attributes.get("src", "").startswith("/"))
        ):
            self.found.append("inline <script>")
        if tag == "form" and "evil" in (attributes.get("action") or ""):
            self.found.append("<form> from content")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name == "style":
                self.found.append(f"style= on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"javascript: URL on <{tag}>")


def test_hostile_profile_text_is_escaped_everywhere(tmp_path):
    orgs = tmp_path / "organizations"
    shutil.copytree(FIXTURE / "organizations", orgs)
    profile_path = orgs / "alfa-koinsep" / "profile.yaml"
    profile = yaml.safe_load(profile_path.read_text(encoding="utf-8"))
    profile["name"] = {"el": "Άλφα " + HOSTILE_TEXT, "en": "Alfa " + HOSTILE_TEXT}
    profile["summary"] = {
        "el": "Περίληψη με κακόβουλο κείμενο " + HOSTILE_TEXT,
        "en": "A summary with hostile text " + HOSTILE_TEXT,
    }
    profile["address"] = {"el": HOSTILE_TEXT}
    profile_path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    (orgs / "alfa-koinsep" / "about.el.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    (orgs / "alfa-koinsep" / "about.en.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")

    site = build_site(FIXTURE / "content", orgs, tmp_path / "output")

    # The web editor (admin/) is the editor's own application, not content: left out.
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin"]
    assert any("alfa-koinsep" in str(p) for p in pages)
    for page in pages:
        finder = ActiveContentFinder()
        finder.feed(page.read_text(encoding="utf-8"))
        assert not finder.found, f"{page.relative_to(site)}: {finder.found}"
    profile_page = (site / "organizations" / "alfa-koinsep" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in profile_page  # shown, as text


def test_the_finder_finds_what_it_looks_for():
    finder = ActiveContentFinder()
    finder.feed(
        '<p onclick="x" style="y"><a href="javascript:z">a</a><script>q</script><iframe></iframe>'
    )
    assert len(finder.found) == 5
