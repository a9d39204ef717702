"""LinkChecker over the served site: no broken internal link, image or anchor."""

from __future__ import annotations

import subprocess
import sys

from gate_tools import need

CONFIG = """
[checking]
threads=4
timeout=20
maxrequestspersecond=1000
[filtering]
checkextern=0
# E-mail addresses: checking them means DNS lookups of their domains.
ignore=
  ^mailto:
  ^tel:
[output]
status=0
warnings=0
# Share links to an app LinkChecker does not know: its syntax check fails on the scheme.
ignoreerrors=
  ^viber: ^URL is unrecognized
[AnchorCheck]
"""

# LinkChecker waits 0.1-0.6 s between two requests to one host unless the host answers
# with a "LinkChecker" header; our own nginx on 127.0.0.1 needs no such politeness.
RUN = """
import sys
import linkcheck.director.aggregator as aggregator
aggregator.Aggregate.wait_time_min_default = aggregator.Aggregate.wait_time_max_default = 0
from linkcheck.command.linkchecker import linkchecker
sys.argv[0] = "linkchecker"
sys.exit(linkchecker())
"""


# The web editor at /admin/ (ORG_EDITOR_URL) is another part of the project: the home
# page links to it. Until the site holds it, that one link is not followed; once the site
# has admin/index.html, it is checked like every other.
EDITOR_NOT_BUILT = "\n  ^https?://[^/]+/admin/$"


def test_no_broken_internal_links(server, pages, gate_site, tmp_path):
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        need(False, "LinkChecker (PyPI linkchecker)", "setup")
    config = tmp_path / "linkcheckerrc"
    text = CONFIG
    if not (gate_site.root / "admin" / "index.html").is_file():
        text = text.replace("  ^tel:", "  ^tel:" + EDITOR_NOT_BUILT)
    config.write_text(text, encoding="utf-8")
    starts = [
        server.url + address
        for address in (
            "/",
            "/en/",
            "/404.html",
            "/en/404.html",
            pages["directory (el)"],
            pages["directory (en)"],
        )
    ]
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            RUN,
            "--config",
            str(config),
            "--no-robots",
            "--output",
            "text",
            *starts,
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
    )
    summary = [line for line in run.stdout.splitlines() if "links in" in line]
    print("\nLinkChecker:", " / ".join(summary) or run.stdout[-500:])
    assert run.returncode == 0, f"broken links:\n{run.stdout[-6000:]}\n{run.stderr[-2000:]}"
