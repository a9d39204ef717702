"""The web editor at /admin/: Decap CMS, self-hosted from npm, with a form generated from
the content descriptions (theme/admin/config.yml, `make schema`) and the backend chosen by
the settings: the local proxy of `make edit`, or GitHub or GitLab (pull requests).

Pelican is imported in the handlers only.
"""


def get_generators(_pelican):
    from web_editor.generator import WebEditorGenerator

    return WebEditorGenerator


def declare_preview_headers(pelican):
    from web_editor.preview import declare_preview_headers as declare

    declare(pelican)


def register():
    from pelican import signals

    signals.initialized.connect(declare_preview_headers)
    signals.get_generators.connect(get_generators)
