"""Organization profiles: read and validate organizations/<slug>/, write their pages.

Only published organizations (permission granted, not withdrawn) reach any output.
"""


def get_generators(_pelican):
    from organizations.generator import OrganizationsGenerator

    return OrganizationsGenerator


def install_jinja_helpers(generator):
    from organizations.cards import install_jinja_helpers as install

    install(generator)


def declare_inputs(pelican) -> None:
    """The build's fingerprint covers the organizations' folder; their pages say what they
    show of it (kalo.pages), so one changed profile does not make every page new."""
    from kalo.incremental import declare_input

    if pelican.settings.get("ORG_PATH"):
        declare_input(pelican.settings, pelican.settings["ORG_PATH"], pages_describe_it=True)


def register():
    # Imported here: `make check` imports this package and must not load Pelican.
    from pelican import signals

    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_jinja_helpers)
    signals.initialized.connect(declare_inputs)
