"""The web editor at /admin/: Decap CMS, self-hosted from npm, with a form generated from
the content descriptions (theme/admin/config.yml, `make schema`) and the backend chosen by
the settings: the local proxy of `make edit`, or GitHub or GitLab (pull requests).

Pelican is imported in the handlers only.
"""


def get_generators(_pelican):
    from web_editor.generator import WebEditorGenerator

    return WebEditorGenerator


def declare_inputs(pelican) -> None:
    """The editor's files are copied into the site: the incremental build must see them
    change. Only /admin/ shows them, and it keeps its files by their own identity
    (``web_editor.generator``), so no other page is made again for them."""
    from kalo.incremental import declare_input
    from web_editor.settings import editor_settings

    options = editor_settings(pelican.settings)
    if options["WEB_EDITOR_ENABLED"]:
        for name in (
            "WEB_EDITOR_CONFIG",
            "WEB_EDITOR_SCRIPTS",
            "WEB_EDITOR_DECAP_DIST",
            "WEB_EDITOR_JS_YAML",
        ):
            declare_input(pelican.settings, options[name], pages_describe_it=True)


def declare_preview_headers(pelican):
    from web_editor.preview import declare_preview_headers as declare

    declare(pelican)


def register():
    from pelican import signals

    signals.initialized.connect(declare_inputs)
    signals.initialized.connect(declare_preview_headers)
    signals.get_generators.connect(get_generators)
