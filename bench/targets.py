"""The speed targets of issue 16 against the last results of ``make bench``: one table of
target, figure and met / not met (the figures come from bench/results/*.json, written by
bench/build.py, bench/preview.py and bench/search.py in the same ``make bench`` run).

    python bench/targets.py
"""

from __future__ import annotations

import json

from results_json import result_files

TARGET_N = 1000
LARGE_N = 10_000
MEMORY_LIMIT_MIB = 1e9 / 2**20  # 1 GB
CACHED = "ratio_cold_with_caches_to_baseline"


def latest(kind: str) -> dict | None:
    found = result_files(kind)
    return json.loads(found[-1].read_text(encoding="utf-8")) if found else None


def build_at(size: int) -> dict | None:
    """The newest build results at ``size`` organizations (with images): a run of one size
    (``--sizes 10000``) does not hide the others' last figures."""
    for path in reversed(result_files("build")):
        for result in json.loads(path.read_text(encoding="utf-8")).get("builds", []):
            if result["organizations"] == size and result.get("images", True):
                return result
    return None


def rows() -> list[tuple[str, str, str]]:
    """(target, figure, met) for every target; "not measured" says which command would."""
    found: list[tuple[str, str, str]] = []
    preview = latest("preview")
    if preview and "hugo" in preview:
        ours, hugo = preview["ours"]["median"], preview["hugo"]["median"]
        found.append(
            (
                f"preview: save → page ≤ hugo server (N = {preview['organizations']})",
                f"{ours:.3f} s vs {hugo:.3f} s",
                _met(ours <= hugo),
            )
        )
    else:
        found.append(("preview: save → page ≤ hugo server", "not measured (make bench-deps)", "—"))
    build = build_at(TARGET_N)
    for name, key, limit in (
        ("one-profile rebuild ≤ 0.3 × stock Pelican cold", "rebuild_one_profile_ratio", 0.3),
        ("cold build, caches kept ≤ 0.5 × stock Pelican", CACHED, 0.5),
        ("cold build, image cache only ≤ 1.0 × stock Pelican", "ratio_cold_to_baseline", 1.0),
    ):
        if build is None or key not in build:
            found.append((f"{name} (N = {TARGET_N})", "not measured (make bench)", "—"))
            continue
        found.append((f"{name} (N = {TARGET_N})", f"{build[key]:.2f} ×", _met(build[key] <= limit)))
    large = build_at(LARGE_N)
    name = f"all processes' peak memory < 1 GB (N = {LARGE_N:,})"
    if large is None:
        found.append((name, "not measured (make bench BENCH_LARGE=1)", "—"))
    else:
        peak = large["peak_memory_all_processes_mib"]
        found.append((name, f"{peak:.0f} MiB", _met(peak < MEMORY_LIMIT_MIB)))
    search = latest("search")
    if search is None:
        found.append(("search page: Lighthouse Performance 100", "not measured (make bench)", "—"))
        found.append(("search: a query ≤ 150 ms at 375 px", "not measured (make bench)", "—"))
    else:
        score = search["lighthouse_performance"]
        found.append(
            (
                f"search page: Lighthouse Performance 100 (N = {search['organizations']})",
                str(score),
                _met(score == 100) if score is not None else "—",
            )
        )
        mobile = search["mobile"]
        complete = mobile.get("complete_median_ms")  # results before the first 10 came first
        found.append(
            (
                "search: a query ≤ 150 ms at 375 px, CPU 4× slower (median to the first "
                "results and the count; slowest; median to all of the first 50)",
                f"{mobile['median_ms']:.0f} ms; {mobile['max_ms']:.0f} ms"
                + (f"; {complete:.0f} ms" if complete is not None else ""),
                _met(mobile["median_ms"] <= 150),
            )
        )
    return found


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def table(found: list[tuple[str, str, str]]) -> str:
    lines = ["| target | figure | met? |", "|---|---|---|"]
    lines += [f"| {target} | {figure} | {met} |" for target, figure, met in found]
    return "\n".join(lines)


if __name__ == "__main__":
    print("Targets of issue 16, from the last results in bench/results/:")
    print(table(rows()))
