"""The build benchmark: this project's build against stock Pelican on the same content.

    python bench/build.py [--sizes 100 1000] [--runs 3] [--large]

For each size N it generates synthetic content (bench/synthetic.py) and measures, each step
in its own process (``python -m kalo.build``, as ``make html`` runs it):

* truly cold: once, every cache cleared (images encoded, social images drawn);
* then, pair by pair in each run (``--runs``), after stock Pelican's cold build:
  - cold: no output, no cache but the image cache (warmed by the truly cold build);
  - cold with caches: no output, every cache the previous build left (CI restores .cache/);
  - one profile edited (a different one each run), an incremental rebuild;
* a rebuild with nothing changed, a rebuild after changing one image;
* peak memory (the largest process, and all the build's processes together), pages per
  second, output size, the time of each step (KALO_TIMINGS) of the cold build and of the
  one-profile rebuild, the page weight of a profile page (its HTML, CSS and JavaScript,
  gzip-compressed);

and the baseline, stock Pelican 4.12 with its default theme and built-in translations
building one plain Markdown page per organization and language. Ratios are taken pair by
pair (ours / baseline in the same run) and the median is reported. Builds use their own
cache folder in the benchmark's temporary folder (never the project's .cache). Then
``make check`` on the sample content is timed. Results: a table on the terminal and JSON
in bench/results/build-<date>.json (git-ignored); docs/benchmark.md explains them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from results_json import write_results  # noqa: E402
from synthetic import write_site  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
BASELINE_CONF = """
SITENAME = "Baseline"
SITEURL = ""
DEFAULT_LANG = "el"
TIMEZONE = "Europe/Athens"
PLUGINS = []
ARTICLE_TRANSLATION_ID = "slug"
FEED_ALL_ATOM = None
"""


def run(command: list[str], env=None) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one command in its own process: the
    largest single process (``wait4``; Pagefind or a worker included) and, in ``LAST_TREE_PEAK``,
    the largest sum over the command and all its processes at one moment (sampled)."""
    global LAST_TREE_PEAK
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = TreeMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    LAST_TREE_PEAK = sampler.peak_kib
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss


LAST_TREE_PEAK = 0


class TreeMemory(threading.Thread):
    """The memory of a process and its descendants together, twice a second: the sum
    of their proportional set sizes (PSS: pages shared by forked workers are counted once),
    from Linux's /proc; elsewhere it stays 0. Cheap: it reads only the tree's own files."""

    INTERVAL = 0.5  # smaps_rollup of a large process costs milliseconds of CPU

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.INTERVAL):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (/proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(child) for child in task.read_text().split())
            except (OSError, ValueError):
                continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


# The project's settings with the caches in the benchmark's folder.
SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F401,F403
KALO_CACHE_DIR = {cache!r}
"""
# The one cache a "cold" build keeps: the image cache (encoded variants, social images and
# the image step's results), which CI restores and which no content edit invalidates.
IMAGE_CACHE = "images"


def settings_file(work: Path) -> Path:
    path = work / "bench_settings" / "benchconf.py"
    text = SETTINGS.format(root=str(ROOT), cache=str(work / "cache"))
    if not path.exists() or path.read_text(encoding="utf-8") != text:  # an input of the build
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def our_build(site: Path, output: Path, timings: Path | None = None) -> tuple[float, int]:
    env = dict(ENV)
    if timings:
        env["KALO_TIMINGS"] = str(timings)
    work = site.parent
    return run(
        [
            PYTHON,
            "-m",
            "kalo.build",
            "--settings",
            str(settings_file(work)),
            "--input",
            str(site / "content"),
            "--orgs",
            str(site / "organizations"),
            "--output",
            str(output),
        ],
        env,
    )


def baseline_build(site: Path, output: Path) -> tuple[float, int]:
    conf = site / "baseline" / "pelicanconf.py"
    conf.write_text(BASELINE_CONF, encoding="utf-8")
    shutil.rmtree(output, ignore_errors=True)
    return run(
        [
            str(Path(PYTHON).parent / "pelican"),
            str(site / "baseline" / "content"),
            "-o",
            str(output),
            "-s",
            str(conf),
            "-q",
        ]
    )


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len([p for p in files if p.suffix == ".html"]), sum(p.stat().st_size for p in files)


def clear_caches(work: Path, keep_images: bool) -> None:
    """Every cache gone, or every cache but the image cache."""
    cache = work / "cache"
    if not keep_images:
        shutil.rmtree(cache, ignore_errors=True)
        return
    for folder in cache.glob("*"):
        if folder.name != IMAGE_CACHE:
            shutil.rmtree(folder, ignore_errors=True)


def edit_profile(site: Path, number: int) -> None:
    """One profile's address changed (shown on its pages only: the smallest real edit)."""
    profile = site / "organizations" / f"foreas-{number:05d}" / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    for old, new in (("Οδός", "Λεωφόρος"), ("Λεωφόρος", "Πλατεία"), ("Πλατεία", "Οδός")):
        if old in text:
            profile.write_text(text.replace(old, new, 1), encoding="utf-8")
            return
    raise SystemExit(f"{profile}: no address to edit")


def page_weight(output: Path, page: Path) -> dict:
    """A page's HTML and the CSS and JavaScript it loads, gzip-compressed (level 9)."""
    html = page.read_bytes()
    text = html.decode("utf-8")
    assets = sorted(
        set(
            re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
            + re.findall(r'<script[^>]+src="([^"]+)"', text)
        )
    )
    weights = {"html": len(gzip.compress(html, 9))}
    for url in assets:
        path = output / url.split("?")[0].split("#")[0].lstrip("/")
        if path.is_file():
            weights[url] = len(gzip.compress(path.read_bytes(), 9))
    weights["total"] = sum(weights.values())
    return weights


def measure(size: int, runs: int, work: Path, images: bool = True) -> dict:
    work = work / f"n{size}"
    work.mkdir(parents=True, exist_ok=True)
    site = write_site(size, work / "site", images=images)
    ours_out, base_out = work / "out", work / "base"
    cold, base, ratios, memory, tree_memory = [], [], [], [], []
    cached, cached_ratios, one_profile, one_profile_ratios = [], [], [], []
    timings = work / "timings-cold.json"
    one_profile_timings = work / "timings-one-profile.json"
    clear_caches(work, keep_images=False)
    shutil.rmtree(ours_out, ignore_errors=True)
    truly_cold, truly_cold_peak = our_build(site, ours_out)  # also warms the image cache
    # Pair by pair in each run: stock Pelican, then ours cold (the image cache only), cold
    # again with every cache the first left (as CI restores .cache/), one profile edited.
    for number in range(1, runs + 1):
        base_seconds, _ = baseline_build(site, base_out)
        base.append(base_seconds)
        clear_caches(work, keep_images=True)
        shutil.rmtree(ours_out, ignore_errors=True)
        seconds, peak = our_build(site, ours_out, timings)
        tree_memory.append(LAST_TREE_PEAK)
        cold.append(seconds)
        ratios.append(seconds / base_seconds)
        memory.append(peak)
        shutil.rmtree(ours_out, ignore_errors=True)
        seconds, _ = our_build(site, ours_out)
        cached.append(seconds)
        cached_ratios.append(seconds / base_seconds)
        edit_profile(site, number)
        seconds, _ = our_build(site, ours_out, one_profile_timings)
        one_profile.append(seconds)
        one_profile_ratios.append(seconds / base_seconds)
    unchanged, _ = our_build(site, ours_out)
    photo = site / "organizations" / "foreas-00002" / "photo.jpg"
    if photo.exists():
        data = photo.read_bytes()
        photo.unlink()  # break the hard link to the shared sample file before changing it
        photo.write_bytes(data + b"\0")
    one_image, _ = our_build(site, ours_out)
    pages, size_bytes = folder_size(ours_out)
    base_pages, _ = folder_size(base_out)
    baseline_cold = statistics.median(base)
    return {
        "organizations": size,
        "images": images,
        "pages": pages,
        "output_bytes": size_bytes,
        "truly_cold_seconds": truly_cold,
        "truly_cold_ratio": truly_cold / baseline_cold,
        "truly_cold_peak_memory_mib": truly_cold_peak / 1024,
        "cold_seconds": statistics.median(cold),
        "seconds_per_organization": statistics.median(cold) / size,
        "baseline_cold_seconds": baseline_cold,
        "baseline_pages": base_pages,
        "ratio_cold_to_baseline": statistics.median(ratios),
        "cold_with_caches_seconds": statistics.median(cached),
        "ratio_cold_with_caches_to_baseline": statistics.median(cached_ratios),
        "rebuild_unchanged_seconds": unchanged,
        "rebuild_unchanged_ratio": unchanged / baseline_cold,
        "rebuild_one_profile_seconds": statistics.median(one_profile),
        "rebuild_one_profile_ratio": statistics.median(one_profile_ratios),
        "rebuild_one_image_seconds": one_image,
        "peak_memory_mib": max(memory) / 1024,
        "peak_memory_all_processes_mib": max(tree_memory) / 1024,
        "pages_per_second": pages / statistics.median(cold),
        "steps_seconds": json.loads(timings.read_text()) if timings.exists() else {},
        "one_profile_steps_seconds": (
            json.loads(one_profile_timings.read_text()) if one_profile_timings.exists() else {}
        ),
        "steps_peak_mib": _json_or_empty(timings.with_suffix(".memory.json")),
        "profile_page_weight_gzip": page_weight(
            ours_out, ours_out / "organizations" / "foreas-00001" / "index.html"
        ),
        "runs": runs,
    }


def _json_or_empty(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def check_time() -> float:
    seconds, _ = run(
        [PYTHON, "-m", "kalo_cli", "check", "--orgdir", "organizations", "--inputdir", "content"]
    )
    return seconds


def table(results: list[dict]) -> str:
    rows = [
        (
            "N",
            "pages",
            "truly cold s",
            "cold s",
            "baseline s",
            "ratio",
            "cached s (×base)",
            "unchanged s (×base)",
            "one profile s (×base)",
            "one image s",
            "peak MiB",
            "all processes MiB",
            "pages/s",
        )
    ]
    for r in results:
        rows.append(
            (
                str(r["organizations"]) + ("" if r["images"] else " (no images)"),
                str(r["pages"]),
                f"{r['truly_cold_seconds']:.2f}",
                f"{r['cold_seconds']:.2f}",
                f"{r['baseline_cold_seconds']:.2f}",
                f"{r['ratio_cold_to_baseline']:.2f}",
                f"{r['cold_with_caches_seconds']:.2f} "
                f"({r['ratio_cold_with_caches_to_baseline']:.2f})",
                f"{r['rebuild_unchanged_seconds']:.2f} ({r['rebuild_unchanged_ratio']:.2f})",
                f"{r['rebuild_one_profile_seconds']:.2f} ({r['rebuild_one_profile_ratio']:.2f})",
                f"{r['rebuild_one_image_seconds']:.2f}",
                f"{r['peak_memory_mib']:.0f}",
                f"{r['peak_memory_all_processes_mib']:.0f}",
                f"{r['pages_per_second']:.0f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=False)) for row in rows
    )


def compile_once() -> None:
    """Python keeps compiled modules in __pycache__ after a first run; where writing them is
    turned off (PYTHONDONTWRITEBYTECODE, set on some machines and CI runners) every build
    would compile the plugins again (0.1 s). Compiled once here, as any machine has them
    after its first build; stock Pelican's were compiled when pip installed it."""
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(ROOT / "plugins"), str(ROOT / "pelicanconf.py")],
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="also N = 10,000 (slow)")
    parser.add_argument(
        "--no-images",
        action="store_true",
        help="organizations without logo or photo (and so without image work)",
    )
    args = parser.parse_args()
    compile_once()
    sizes = args.sizes + ([10_000] if args.large else [])
    results = []
    with tempfile.TemporaryDirectory(prefix="kalo-bench-") as work:
        for size in sizes:
            print(f"N = {size} ...", flush=True)
            results.append(
                measure(
                    size, args.runs if size < 10_000 else 1, Path(work), images=not args.no_images
                )
            )
    report = {"check_sample_seconds": check_time(), "builds": results}
    print(table(results))
    print(f"make check on the sample content: {report['check_sample_seconds']:.2f} s")
    for r in results:
        weight = r["profile_page_weight_gzip"]
        print(
            f"profile page at N = {r['organizations']}: {weight['total'] / 1024:.1f} KiB gzip "
            f"(HTML {weight['html'] / 1024:.1f} KiB)"
        )
        for title, key in (
            ("cold", "steps_seconds"),
            ("one profile edited", "one_profile_steps_seconds"),
        ):
            print(f"steps at N = {r['organizations']} ({title}):")
            for name, seconds in sorted(r[key].items(), key=lambda item: -item[1])[:15]:
                print(f"  {seconds:7.2f} s  {name}")
    write_results("build", report)


if __name__ == "__main__":
    main()
