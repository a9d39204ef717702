"""The image tests' fixture; their helpers are in image_helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from image_helpers import SMALL_ROLES

from images import ImageSettings


@pytest.fixture
def settings(tmp_path: Path) -> ImageSettings:
    return ImageSettings(
        root=tmp_path, cache_dir=Path(".cache/images"), roles=SMALL_ROLES, workers=1
    )
