"""The programme as the last build read it, while nothing it was read from changed.

Reading the summaries (YAML, the schema's checks, the names of the organizations that took
part) costs 0.04 s for 86 files in every build, though an edit of a profile changes none of
them. What ``load_workshops`` gives depends on the content folder (the summaries and their
images), the code, the settings and today (all in the site's inputs:
``kalo.output.Output.site_fingerprint``), on which organization folders exist and which are
valid (the participants are checked against them), and on where files are shown from. The
last result is kept with a key of exactly these, for builds that fingerprint their pages
(not the live preview, which reads the summaries again on each save).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kalo.cache import cache_dir, path_key
from kalo.incremental import stable_repr
from kalo.output import output_of
from kalo.pickle_file import read_pickle, replace_pickle
from workshops.load import KnownOrganizations, LoadResult, load_workshops


def load_key(site: str, orgs: KnownOrganizations, display_root: Path, today) -> str:
    material = stable_repr(
        (site, sorted(orgs.valid), sorted(orgs.folders), str(display_root), today.isoformat())
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def cached_load(
    settings, folder: Path, orgs: KnownOrganizations, display_root: Path, today
) -> LoadResult:
    """``load_workshops`` of ``folder``, or the last build's result when its key is this
    build's."""

    def load() -> LoadResult:
        return load_workshops(folder, today=today, orgs=orgs, display_root=display_root)

    output = output_of(settings)
    if not output.fingerprints:
        return load()
    key = load_key(output.site_fingerprint(), orgs, display_root, today)
    file = cache_dir(settings, "workshops") / f"load-{path_key(folder)}.pickle"
    kept = read_pickle(file)
    if kept.get("key") == key and isinstance(kept.get("result"), LoadResult):
        return kept["result"]
    result = load()
    replace_pickle(file, {"key": key, "result": result}, f"load-{path_key(folder)}")
    return result
