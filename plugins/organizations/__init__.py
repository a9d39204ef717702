"""Organization profiles: read and validate organizations/<slug>/, write their pages.

Only published organizations (permission granted, not withdrawn) reach any output.
"""


def get_generators(_pelican):
    from organizations.generator import OrganizationsGenerator

    return OrganizationsGenerator


def install_jinja_helpers(generator):
    from organizations.cards import install_jinja_helpers as install

    install(generator)


def register():
    # Imported here: `make check` imports this package and must not load Pelican.
    from pelican import signals

    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_jinja_helpers)
