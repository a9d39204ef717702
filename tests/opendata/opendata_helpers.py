"""What the open-data tests share: the published and hidden organizations of a content set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from organizations.load import load_organizations

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_ORGS = ROOT / "tests" / "site" / "fixture" / "organizations"
SAMPLE_ORGS = ROOT / "organizations"


def split_organizations(orgdir: Path):
    """(published, hidden): the organizations of a folder, by slug."""
    loaded = load_organizations(orgdir, today=date.today()).organizations
    published = sorted((o for o in loaded if o.published), key=lambda o: o.slug)
    hidden = sorted((o for o in loaded if not o.published), key=lambda o: o.slug)
    return published, hidden


def data_files(site: Path) -> dict[str, str]:
    """Every file under /data/ as text, by its path inside the folder."""
    folder = site / "data"
    return {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8-sig")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
