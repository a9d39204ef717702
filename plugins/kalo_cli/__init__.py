"""The project's content commands, above the plugins: ``python -m kalo_cli check | new-org |
schema`` (``make check``, ``make new-org``, ``make schema``). It may import any plugin's
pure modules (never Pelican): the shared library ``kalo`` below it imports none."""
