"""Settings of the web editor, with their defaults (overridable in pelicanconf or by
`make edit`). docs/web-editor.md explains the hosted set-up."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    "WEB_EDITOR_ENABLED": True,
    # The form, generated from the content descriptions (`make schema`).
    "WEB_EDITOR_CONFIG": str(ROOT / "theme" / "admin" / "config.yml"),
    # The editor's own scripts, and Decap CMS and js-yaml as installed from npm (npm ci).
    "WEB_EDITOR_SCRIPTS": str(ROOT / "theme" / "admin"),
    "WEB_EDITOR_DECAP_DIST": str(ROOT / "node_modules" / "decap-cms" / "dist"),
    "WEB_EDITOR_JS_YAML": str(ROOT / "node_modules" / "js-yaml" / "dist" / "js-yaml.min.js"),
    "WEB_EDITOR_PAGE": "admin/",
    # `make edit` sets the address of the local proxy (decap-server on 127.0.0.1): saving
    # then writes into the working tree. Otherwise the editor works on the repository:
    # "github" or "gitlab", guessed from REPOSITORY_URL when None.
    "WEB_EDITOR_LOCAL_PROXY": None,
    "WEB_EDITOR_BACKEND": None,
    # Every change arrives as a pull/merge request that a maintainer reviews.
    "WEB_EDITOR_EDITORIAL_WORKFLOW": True,
    # GitHub needs an OAuth provider (docs/web-editor.md): its address, e.g.
    # "https://kalo-oauth.example.workers.dev". GitLab signs in with PKCE: its application id.
    "WEB_EDITOR_OAUTH_BASE_URL": None,
    "WEB_EDITOR_GITLAB_APP_ID": None,
    # Where the content folders are, relative to the repository (None: the common folder
    # of PATH and ORG_PATH, the project's root).
    "WEB_EDITOR_REPO_ROOT": None,
}


def editor_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}
