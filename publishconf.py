"""Production settings (`make publish`): everything from pelicanconf, plus overrides."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The address the site is published at, e.g. https://kalo-west-athens.gr
SITEURL = os.environ.get("SITEURL", "https://kalo-west-athens.example.org").rstrip("/")
RELATIVE_URLS = False
