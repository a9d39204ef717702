"""The editor's config.yml as served: the generated form, with the backend of this build
and the content folders as the backend sees them. Pure: no Pelican."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kalo.safe_yaml import load_project_yaml

# The content folders of the generated form, and the settings that place them.
FOLDERS = {
    "organizations": "ORG_PATH",
    "content/workshops": ("PATH", "workshops"),
    "content/pages": ("PATH", "pages"),
}


def backend(options: dict, settings: dict) -> dict:
    """Decap's backend block: the local proxy, GitHub or GitLab, through admin.js's
    wrappers ("kalo-…", which keep translations out of the Greek lists)."""
    proxy = options["WEB_EDITOR_LOCAL_PROXY"]
    branch = settings.get("REPOSITORY_BRANCH", "main")
    if proxy:
        return {"name": "kalo-proxy", "proxy_url": proxy, "branch": branch}
    repository = settings.get("REPOSITORY_URL", "")
    parts = urlsplit(repository)
    name = options["WEB_EDITOR_BACKEND"] or ("gitlab" if "gitlab" in parts.netloc else "github")
    block = {"name": f"kalo-{name}", "repo": parts.path.strip("/"), "branch": branch}
    if name == "gitlab":
        block["auth_type"] = "pkce"
        if options["WEB_EDITOR_GITLAB_APP_ID"]:
            block["app_id"] = options["WEB_EDITOR_GITLAB_APP_ID"]
        if parts.netloc and parts.netloc != "gitlab.com":
            block["api_root"] = f"{parts.scheme}://{parts.netloc}/api/v4"
            block["base_url"] = f"{parts.scheme}://{parts.netloc}"
    elif options["WEB_EDITOR_OAUTH_BASE_URL"]:
        block["base_url"] = options["WEB_EDITOR_OAUTH_BASE_URL"]
    return block


def repo_root(options: dict, settings: dict) -> Path:
    if options["WEB_EDITOR_REPO_ROOT"]:
        return Path(options["WEB_EDITOR_REPO_ROOT"]).resolve()
    places = [Path(settings["PATH"]).resolve(), Path(settings["ORG_PATH"]).resolve()]
    return Path(os.path.commonpath(places))


def content_folder(generated: str, settings: dict, root: Path) -> str:
    """Where a folder of the generated form is in this build, relative to the repository."""
    place = FOLDERS.get(generated)
    if place is None:
        return generated
    if isinstance(place, tuple):
        path = Path(settings[place[0]]) / place[1]
    else:
        path = Path(settings[place])
    return Path(os.path.relpath(path.resolve(), root)).as_posix()


def served_config(generated_text: str, options: dict, settings: dict) -> str:
    config = load_project_yaml(generated_text)  # the generated form is ours
    root = repo_root(options, settings)
    for collection in config["collections"]:
        collection["folder"] = content_folder(collection["folder"], settings, root)
    block = backend(options, settings)
    ordered = {"backend": block}
    if options["WEB_EDITOR_EDITORIAL_WORKFLOW"] and not options["WEB_EDITOR_LOCAL_PROXY"]:
        ordered["publish_mode"] = "editorial_workflow"
    ordered.update(config)
    site = settings.get("SITEURL") or ""
    if site:
        ordered["site_url"] = site
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=100)
