"""Production settings (`make publish`): everything from pelicanconf, plus overrides.

    SITEURL=https://kalo-west-athens.gr make publish

The post-processing (plugins/publish) runs in the build's staging folder, so a failed
publish leaves the previous output untouched. docs/publishing.md explains the variables.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

# The address the site is published at, from the environment, e.g. https://kalo-west-athens.gr
SITEURL = (os.environ.get("SITEURL") or "https://kalo-west-athens.example.org").rstrip("/")
RELATIVE_URLS = False

# Feeds: Pelican's own stay off (pelicanconf); the workshops plugin writes the Atom feeds
# and the iCalendar itself, with absolute addresses from SITEURL.
FEED_DOMAIN = SITEURL

PLUGINS = [*PLUGINS, "publish"]  # noqa: F405 — last: it post-processes what the others wrote
PUBLISH_MINIFY = True
PUBLISH_FINGERPRINT = True
PUBLISH_COMPRESS = True
PUBLISH_HOST_FILES = True
