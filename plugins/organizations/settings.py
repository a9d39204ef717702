"""Settings of the organizations plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

from kalo.settings import overlay

DEFAULTS = {
    # How many "possible partners" a profile shows.
    "ORG_POSSIBLE_PARTNERS": 6,
    # "Suggest a correction": the web editor and the new-issue form of the repository's
    # git host. {repo} is REPOSITORY_URL, {branch} REPOSITORY_BRANCH, {path} the profile,
    # {title} and {body} the pre-filled issue text (URL-encoded). GitLab users set
    # ORG_EDIT_URL = "{repo}/-/edit/{branch}/{path}" and
    # ORG_ISSUE_URL = "{repo}/-/issues/new?issue[title]={title}&issue[description]={body}".
    "ORG_EDIT_URL": "{repo}/edit/{branch}/{path}",
    "ORG_ISSUE_URL": "{repo}/issues/new?title={title}&body={body}",
}


def org_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
