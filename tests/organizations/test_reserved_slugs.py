"""Facet pages own some names under /organizations/; no organization folder may take them."""

import pytest
from org_builders import BYSTANDER, OrgFolders

from organizations.directory import FACETS
from organizations.urls import RESERVED_SLUGS


def test_reserved_names_are_the_facet_segments():
    assert RESERVED_SLUGS == frozenset(FACETS)


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_folder_named_like_a_facet_is_refused(tmp_path, slug):
    folders = OrgFolders(tmp_path)
    folders.write(slug)
    folders.write(BYSTANDER)
    result = folders.load()
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert problem.file == f"organizations/{slug}/"
    assert "taken by the directory's own pages" in problem.message_en
    assert [org.slug for org in result.organizations] == [BYSTANDER]
