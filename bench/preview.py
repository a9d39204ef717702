"""The live preview against `hugo server`: from saving a profile to its page showing it.

    python bench/preview.py [--organizations 1000] [--edits 7]

Both servers get the same N synthetic organizations (bench/synthetic.py): ours, the site
itself (``python -m kalo.devserver``, as ``make devserver`` runs it, with its own cache
folder); Hugo's, the same texts written as a Hugo site with a small layout of this script's
own (``HUGO_LAYOUT``: one page per organization and language, with its summary, text,
facts, contact, offers, needs and partners), served by ``hugo server`` on 127.0.0.1 with its
live reload. Each edit changes one word in one organization's Greek summary (ours: its
``profile.yaml``; Hugo's: its page's front matter), then reads the page over HTTP until it
shows the new word; each starts from an idle server (ours: ``/_preview/status`` says no
work is due or running, background included; Hugo: a quiet second after its page changed).
The median and every run are printed with the target, and written to
``bench/results/preview-<date>.json`` (git-ignored). Hugo is Debian's package (0.111):
``make bench-deps`` installs it (as root); without it only ours is measured.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from results_json import write_results  # noqa: E402
from synthetic import write_site  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F401,F403
KALO_CACHE_DIR = {cache!r}
"""
HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
title = "Παρατηρητήριο ΚΑΛΟ (benchmark)"
defaultContentLanguage = "el"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.el]
languageName = "Ελληνικά"
weight = 1
[languages.en]
languageName = "English"
weight = 2
"""
# A small layout of our own with what a profile page of the site shows, kept lean: every
# addition that reads other pages (a footer of links, a "nearby" list) made hugo server
# several times slower (docs/benchmark.md), and the target is against its best.
HUGO_LAYOUT = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><ul><li><a href="{{ "organizations/" | relLangURL }}">Organizations</a></li>
<li><a href="{{ "workshops/" | relLangURL }}">Workshops</a></li>
<li><a href="{{ "map/" | relLangURL }}">Map</a></li>
<li><a href="{{ "data/" | relLangURL }}">Open data</a></li></ul></nav>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">
{{- .Language.LanguageName }}</a>{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>ΚΟΙΝΩΝΩ · {{ .Site.Title }}</p></footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<dl class="facts">
<dt>Kind</dt><dd>{{ .Params.kind }}</dd>
<dt>Legal form</dt><dd>{{ .Params.legal_form }}</dd>
<dt>Municipality</dt><dd>{{ .Params.municipality }}</dd>
<dt>Sectors</dt><dd>{{ delimit .Params.sectors ", " }}</dd>
<dt>Founded</dt><dd>{{ .Params.founded }}</dd>
<dt>Address</dt><dd>{{ .Params.address }}</dd>
</dl>
<section class="about">{{ .Content }}</section>
<section class="contact"><h2>Contact</h2>
<p><a href="mailto:{{ .Params.email }}">{{ .Params.email }}</a> · {{ .Params.phone }} ·
<a href="{{ .Params.website }}">{{ .Params.website }}</a></p></section>
<section class="exchange"><h2>Offers</h2>
<ul>{{ range .Params.offers }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Needs</h2><ul>{{ range .Params.needs }}<li>{{ . }}</li>{{ end }}</ul></section>
<section class="partners"><h2>Partners</h2><ul>
{{ range .Params.partners }}{{ with site.GetPage (printf "/organizations/%s" .) }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>
{{ end }}{{ end }}
</ul></section>
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
}
NEW_WORDS = ["ΑΛΦΑΛΕΞΗ", "ΒΗΤΑΛΕΞΗ", "ΓΑΜΜΑΛΕΞΗ", "ΔΕΛΤΑΛΕΞΗ", "ΕΨΙΛΟΝΛΕΞΗ", "ΖΗΤΑΛΕΞΗ"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_for(port: int, path: str, word: str, deadline: float) -> float:
    """Read the page until it shows ``word``; the moment it did."""
    while time.monotonic() < deadline:
        try:
            status, body = get(port, path)
        except OSError:
            status, body = 0, ""
        if status == 200 and word in body:
            return time.perf_counter()
        time.sleep(0.01)
    raise SystemExit(f"{path} never showed {word!r}")


def hugo_site(site: Path, hugo: Path) -> None:
    """The synthetic organizations as a Hugo site: one page per organization and language."""
    (hugo / "layouts").mkdir(parents=True)
    (hugo / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUT.items():
        path = hugo / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    pages = hugo / "content" / "organizations"
    pages.mkdir(parents=True)
    for lang, suffix in (("el", ""), ("en", ".en")):
        (pages / f"_index{suffix}.md").write_text(
            f"---\ntitle: {'Φορείς' if lang == 'el' else 'Organizations'}\n---\n", encoding="utf-8"
        )
    for folder in sorted((site / "organizations").iterdir()):
        profile = yaml.safe_load((folder / "profile.yaml").read_text(encoding="utf-8"))
        if not profile["promotion_consent"]["granted"]:
            continue
        for lang, suffix in (("el", ""), ("en", ".en")):
            front = {
                "title": profile["name"][lang],
                "summary": profile["summary"][lang],
                "kind": profile["kind"],
                "legal_form": profile["legal_form"],
                "municipality": profile["municipality"],
                "sectors": profile["sectors"],
                "founded": profile["founded"],
                "address": profile["address"][lang],
                "email": profile["contact"]["email"],
                "phone": profile["contact"]["phone"],
                "website": profile["contact"]["website"],
                "offers": profile["offers"],
                "needs": profile["needs"],
                "partners": profile["partners"],
            }
            about = (folder / f"about.{lang}.md").read_text(encoding="utf-8")
            (pages / f"{folder.name}{suffix}.md").write_text(
                "---\n"
                + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
                + "---\n\n"
                + about,
                encoding="utf-8",
            )


def replace_in(path: Path, old: str, new: str) -> None:
    """What an editor's save does: the whole file written again."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class Server:
    def __init__(self, command: list[str], cwd: Path, env=None, log: Path | None = None):
        self.log = open(log or os.devnull, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def ours_idle(port: int, deadline: float) -> None:
    """Until the preview has built and has no work due or running."""
    while time.monotonic() < deadline:
        try:
            status, body = get(port, "/_preview/status")
            state = json.loads(body) if status == 200 else {}
        except (OSError, ValueError):
            state = {}
        if state.get("built") and not state.get("busy"):
            return
        time.sleep(0.1)
    raise SystemExit("the preview did not become idle")


def edits(slugs: list[str], site: Path, count: int) -> list[tuple[str, str, str]]:
    """(slug, old word, new word) for each edit: one word of the Greek summary."""
    plan = []
    for number in range(count):
        slug = slugs[number % len(slugs)]
        profile = yaml.safe_load((site / "organizations" / slug / "profile.yaml").read_text())
        old = profile["summary"]["el"].split()[1].strip(".")
        plan.append((slug, old, NEW_WORDS[number % len(NEW_WORDS)] + str(number)))
    return plan


def measure_ours(site: Path, work: Path, plan, port: int) -> dict:
    settings = work / "ours_settings" / "benchconf.py"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        SETTINGS.format(root=str(ROOT), cache=str(work / "cache")), encoding="utf-8"
    )
    command = [PYTHON, "-m", "kalo.devserver", "--settings", str(settings)]
    command += ["--input", str(site / "content"), "--orgs", str(site / "organizations")]
    command += ["--output", str(work / "ours_output"), "--port", str(port)]
    started = time.perf_counter()
    server = Server(command, ROOT, ENV, work / "ours.log")
    try:
        ours_idle(port, time.monotonic() + 1800)
        ready = time.perf_counter() - started
        runs = []
        for slug, old, new in plan:
            ours_idle(port, time.monotonic() + 600)
            path = f"/organizations/{slug}/"
            begun = time.perf_counter()
            replace_in(site / "organizations" / slug / "profile.yaml", old, new)
            runs.append(wait_for(port, path, new, time.monotonic() + 600) - begun)
        ours_idle(port, time.monotonic() + 600)
        _, page = get(port, f"/organizations/{plan[0][0]}/")
    finally:
        server.stop()
    print((work / "ours.log").read_text(encoding="utf-8")[-1500:])
    return {
        "runs": runs,
        "median": statistics.median(runs),
        "ready_seconds": ready,
        "page_bytes": len(page.encode()),
    }


def measure_hugo(hugo_bin: str, site: Path, work: Path, plan, port: int) -> dict:
    hugo = work / "hugo"
    hugo_site(site, hugo)
    command = [hugo_bin, "server", "--bind", "127.0.0.1", "--port", str(port)]
    command += ["--source", str(hugo), "--disableFastRender=false", "--quiet"]
    started = time.perf_counter()
    server = Server(command, hugo, log=work / "hugo.log")
    try:
        first = plan[0][0]
        profile = (site / "organizations" / first / "profile.yaml").read_text(encoding="utf-8")
        word = yaml.safe_load(profile)["summary"]["el"].split()[0]
        wait_for(port, f"/organizations/{first}/", word, time.monotonic() + 600)
        ready = time.perf_counter() - started
        runs = []
        for slug, old, new in plan:
            time.sleep(1.0)  # idle: the previous rebuild is long done
            begun = time.perf_counter()
            replace_in(hugo / "content" / "organizations" / f"{slug}.md", old, new)
            runs.append(
                wait_for(port, f"/organizations/{slug}/", new, time.monotonic() + 600) - begun
            )
        _, page = get(port, f"/organizations/{first}/")
    finally:
        server.stop()
    version = subprocess.run([hugo_bin, "version"], capture_output=True, text=True).stdout.strip()
    return {
        "runs": runs,
        "median": statistics.median(runs),
        "ready_seconds": ready,
        "version": version,
        "page_bytes": len(page.encode()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    hugo_bin = shutil.which("hugo")
    report: dict = {"organizations": args.organizations, "edits": args.edits}
    with tempfile.TemporaryDirectory(prefix="kalo-bench-preview-") as folder:
        work = Path(folder)
        site = write_site(args.organizations, work / "site")
        published = sorted(
            p.name
            for p in (site / "organizations").iterdir()
            if "granted: true" in (p / "profile.yaml").read_text(encoding="utf-8")
        )
        plan = edits(published[1 :: max(1, len(published) // args.edits)], site, args.edits)
        if hugo_bin is None:
            print(
                "hugo is not installed: run `make bench-deps` as root (Debian's hugo 0.111); "
                "measuring the preview only."
            )
        else:
            print(f"hugo server, N = {args.organizations} ...", flush=True)
            report["hugo"] = measure_hugo(hugo_bin, site, work, plan, free_port())
        print(f"the preview (make devserver), N = {args.organizations} ...", flush=True)
        report["ours"] = measure_ours(site, work, plan, free_port())
    print(table(report))
    write_results("preview", report)


def table(report: dict) -> str:
    ours, hugo = report["ours"], report.get("hugo")
    runs = ", ".join(f"{s:.3f}" for s in ours["runs"])
    lines = [
        f"Save → page shows it, N = {report['organizations']}, {report['edits']} edits (seconds)",
        "| | median | runs | ready after start | page bytes |",
        "|---|---|---|---|---|",
        f"| the preview | {ours['median']:.3f} | {runs} | {ours['ready_seconds']:.1f} "
        f"| {ours['page_bytes']} |",
    ]
    if hugo:
        runs = ", ".join(f"{s:.3f}" for s in hugo["runs"])
        lines.append(
            f"| hugo server | {hugo['median']:.3f} | {runs} | {hugo['ready_seconds']:.1f} "
            f"| {hugo['page_bytes']} |"
        )
        met = ours["median"] <= hugo["median"]
        report["target_met"] = met
        lines += [
            "",
            "| target | figure | met? |",
            "|---|---|---|",
            f"| save → page, no slower than hugo server | {ours['median']:.3f} s vs "
            f"{hugo['median']:.3f} s | {'yes' if met else 'no'} |",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
