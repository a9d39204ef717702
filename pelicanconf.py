"""Settings of the observatory's site for local builds (`make html`, `make serve`).

`publishconf.py` imports everything from here and overrides only what production needs.
Each setting that is not Pelican's own is documented where its plugin reads it.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The plugins share a small library (plugins/kalo); make it importable.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Παρατηρητήριο ΚΑΛΟ Δυτικής Αθήνας"
SITEURL = ""
TIMEZONE = "Europe/Athens"

# Languages: Greek at the root, English under /en/.
DEFAULT_LANG = "el"
LANGUAGES = ("el", "en")

PATH = "content"
# Organization folders live outside content/ (contract §1); `make ... ORGDIR=` overrides.
ORG_PATH = str(ROOT / "organizations")
THEME = str(ROOT / "theme")

# Plugins are listed explicitly: with PLUGINS unset Pelican would load every installed one.
# Their generators write in this order (after Pelican's own pages). Search comes right after
# the last kind of page it indexes: its index is made beside the rest of the build.
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "bilingual",
    "site_pages",
    "seo",
    "organizations",
    "workshops",
    "search",
    "image_step",
    "opendata",
    "figures",
    "map",
    "flyers",
    "web_editor",
]

# Only the static pages are Pelican's own content; workshops and organizations have plugins.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
DIRECT_TEMPLATES = []
# `about.en.md` is the English translation of `about.md`.
FILENAME_METADATA = r"(?P<slug>[a-z0-9-]+)(\.(?P<lang>el|en))?"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
for _kind in ("ARTICLE", "DRAFT", "DRAFT_PAGE", "AUTHOR", "CATEGORY", "TAG"):
    globals()[f"{_kind}_SAVE_AS"] = ""
    globals()[f"{_kind}_LANG_SAVE_AS"] = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
del _kind

# Feeds are written by the workshops plugin (Atom per language); Pelican's are off.
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TAG_FEED_ATOM = None

# Interface strings come from gettext catalogs (theme/translations), picked per page.
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
}

# Typography is applied per language by the site_pages plugin (typogrify for English
# only, « » for Greek): typogrify's English smart quotes are wrong in Greek text.
TYPOGRIFY = False

# Pages carry their own dates where they matter; never the build time (deterministic output).
DEFAULT_DATE = None
DEFAULT_METADATA = {}
OUTPUT_SOURCES = False
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
# Caches that make rebuilds fast live outside output/ and survive `make clean`.
KALO_CACHE_DIR = str(ROOT / ".cache")
RELATIVE_URLS = False

# The repository, for the "suggest a correction" link on every profile.
REPOSITORY_URL = "https://github.com/kalo-west-athens/observatory"
REPOSITORY_BRANCH = "main"

# Content is Markdown only; the reStructuredText reader would warn about Greek.
READERS = {"rst": None, "htm": None, "html": None}
