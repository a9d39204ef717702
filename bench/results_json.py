"""Where the benchmarks keep their results: bench/results/<kind>-<date>.json (git-ignored),
written by bench/build.py, bench/preview.py and bench/search.py, read by bench/targets.py."""

from __future__ import annotations

import json
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def write_results(kind: str, report: dict) -> Path:
    """Write ``report`` as this run's results of ``kind``; say where."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"JSON: {path.relative_to(RESULTS.parent.parent)}")
    return path


def result_files(kind: str) -> list[Path]:
    """Every run's results of ``kind``, oldest first."""
    return sorted(RESULTS.glob(f"{kind}-*.json"))
