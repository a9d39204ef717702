"""Nu HTML Checker (vnu.jar from npm, Debian's Java): zero errors on every page."""

from __future__ import annotations

import json
import subprocess

from gate_tools import VNU_JAR, need_file, need_program


def test_every_page_is_valid_html(gate_site):
    java = need_program("java", "system-deps")
    jar = need_file(VNU_JAR, "vnu.jar (npm vnu-jar)", "node-deps")
    pages = sorted(str(p) for p in gate_site.root.rglob("*.html"))
    assert pages, "no HTML page in the site"
    run = subprocess.run(
        [
            java,
            "-Xss4m",
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *pages,
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    root = f"file:{gate_site.root}/"
    report = "\n".join(
        f"{m.get('url', '').replace(root, '')}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in errors[:40]
    )
    print(f"\nNu HTML Checker: {len(pages)} pages, {len(errors)} errors")
    assert not errors, f"{len(errors)} HTML errors:\n{report}"
