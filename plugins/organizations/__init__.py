"""Organization profiles: read and validate organizations/<slug>/, write their pages.

Only published organizations (permission granted, not withdrawn) reach any output.
"""


def get_generators(_pelican):
    from organizations.generator import OrganizationsGenerator

    return OrganizationsGenerator


def install_jinja_helpers(generator):
    from organizations.cards import install_jinja_helpers as install

    install(generator)


# The folders' stamps, taken when the build starts (kalo.early).
FOLDER_STAMPS = "organizations: folder stamps"


def declare_inputs(pelican) -> None:
    """The build's fingerprint covers the organizations' folder; their pages say what they
    show of it (kalo.pages), so one changed profile does not make every page new. Its
    folders are stamped beside the start of the build (kalo.early)."""
    import functools

    from kalo import early
    from kalo.incremental import declare_input
    from organizations.load import folder_stamps

    if pelican.settings.get("ORG_PATH"):
        declare_input(pelican.settings, pelican.settings["ORG_PATH"], pages_describe_it=True)
        early.declare(
            pelican.settings,
            FOLDER_STAMPS,
            functools.partial(folder_stamps, pelican.settings["ORG_PATH"]),
        )


def register():
    # Imported here: `make check` imports this package and must not load Pelican.
    from pelican import signals

    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_jinja_helpers)
    signals.initialized.connect(declare_inputs)
