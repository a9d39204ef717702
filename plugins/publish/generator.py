"""The host files (_redirects, _gone.map), written like every other output by a generator."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from publish import hostfiles
from publish.settings import publish_settings


class HostFilesGenerator(Generator):
    """Writes _redirects and _gone.map from the context (the withdrawn organizations)."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        if not publish_settings(self.settings)["PUBLISH_HOST_FILES"]:
            return
        slugs = hostfiles.withdrawn_slugs(self.context)
        output = Path(self.output_path)
        (output / "_redirects").write_text(hostfiles.redirects(slugs), encoding="utf-8")
        (output / "_gone.map").write_text(hostfiles.gone_map(slugs), encoding="utf-8")
