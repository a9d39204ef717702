"""Settings of the organizations plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

from kalo.settings import overlay

DEFAULTS = {
    # How many "possible partners" a profile shows.
    "ORG_POSSIBLE_PARTNERS": 6,
    # "Suggest a correction": the correction form of the repository's git host, and the
    # profile in the web editor. {repo} is REPOSITORY_URL, {branch} REPOSITORY_BRANCH,
    # {path} the profile, {site} SITEURL, {slug} the folder; {title}, {body} and
    # {organization} are pre-filled texts (URL-encoded). GitLab users set ORG_ISSUE_URL =
    # "{repo}/-/issues/new?issuable_template=correction&issue[title]={title}".
    "ORG_EDIT_URL": "{site}/admin/#/collections/organizations/entries/{slug}/profile",
    "ORG_ISSUE_URL": "{repo}/issues/new?template=correction.yml&title={title}"
    "&organization={organization}",
    # "Is your organization missing?" on the home page: the repository's issue form for a
    # new organization ({repo} as above; GitLab: "{repo}/-/issues/new?issuable_template=
    # new-organization") and the web editor, an address of the site (SITEURL is put before
    # it) or a whole https URL. Either may be "" to leave its link out.
    "ORG_JOIN_URL": "{repo}/issues/new?template=new-organization.yml",
    "ORG_EDITOR_URL": "admin/",
    # How many organizations the home page shows, and the day that chooses them (a
    # datetime.date; None: the day of the build). The same day gives the same choice.
    "ORG_HOME_COUNT": 6,
    "ORG_HOME_DATE": None,
}


def org_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
