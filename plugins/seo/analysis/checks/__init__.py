"""The checks, one module each, in the order their results are shown.

A check module has ``ID`` (the check's id in reports and settings), ``NEEDS_KEYPHRASE``
(skipped, and counted as a problem in the score, when the page has no keyphrase),
``MESSAGES`` (outcome → language → advice) and ``run(ctx) -> CheckResult | None``
(None: the check does not apply to this page, e.g. density of a very short text).
To add a check, write its module and list it here.
"""

from __future__ import annotations

from . import (
    competing_pages,
    internal_links,
    keyphrase_density,
    keyphrase_in_first_paragraph,
    keyphrase_in_image_alt,
    keyphrase_in_meta_description,
    keyphrase_in_slug,
    keyphrase_in_subheading,
    keyphrase_in_text,
    keyphrase_in_title,
    keyphrase_length,
    keyphrase_set,
    meta_description_length,
    outbound_links,
    text_length,
    title_length,
)

CHECKS = (
    keyphrase_set,
    keyphrase_length,
    keyphrase_in_title,
    keyphrase_in_meta_description,
    keyphrase_in_first_paragraph,
    keyphrase_in_text,
    keyphrase_density,
    keyphrase_in_subheading,
    keyphrase_in_image_alt,
    keyphrase_in_slug,
    competing_pages,
    title_length,
    meta_description_length,
    text_length,
    internal_links,
    outbound_links,
)
CHECK_IDS: tuple[str, ...] = tuple(check.ID for check in CHECKS)
