"""Small builders for organization folders in tmp_path, one valid profile to start from."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import yaml

TODAY = datetime.date(2026, 3, 15)

VALID_PROFILE = {
    "name": {"el": "Ανακυκλώνω ΚοινΣΕπ"},
    "kind": "sse",
    "legal_form": "koinsep-entaxis",
    "municipality": "ilion",
    "sectors": ["environment"],
    "summary": {"el": "Συλλογή και ανακύκλωση υλικών στη Δυτική Αθήνα."},
    "promotion_consent": {"granted": True, "date": datetime.date(2025, 5, 1)},
}

# A valid organization that every rule test also writes, to show nothing else is lost.
BYSTANDER = "allos-foreas"


def small_jpeg() -> bytes:
    """A real 64×48 JPEG: ``make check`` opens every image, as the build does."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def valid_profile(**changes) -> dict:
    profile = copy.deepcopy(VALID_PROFILE)
    profile.update(changes)
    return profile


def dump(profile: dict) -> str:
    return yaml.safe_dump(profile, allow_unicode=True, sort_keys=False)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of ``text`` that contains ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the profile")


class OrgFolders:
    """Writes organizations/<slug>/ folders under a temporary project root."""

    def __init__(self, root: Path):
        self.root = root
        self.orgdir = root / "organizations"
        self.orgdir.mkdir()

    def write(
        self,
        slug: str,
        profile: dict | str | bytes | None = None,
        files: dict[str, bytes | str] | None = None,
    ) -> Path:
        folder = self.orgdir / slug
        folder.mkdir(parents=True, exist_ok=True)
        if profile is None:
            profile = valid_profile()
        if isinstance(profile, dict):
            profile = dump(profile)
        if isinstance(profile, str):
            profile = profile.encode("utf-8")
        (folder / "profile.yaml").write_bytes(profile)
        for name, content in (files or {}).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return folder

    def load(self, today: datetime.date = TODAY):
        from organizations.load import load_organizations

        return load_organizations(self.orgdir, today=today)
