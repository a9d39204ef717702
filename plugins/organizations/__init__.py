"""Organization profiles: read and validate organizations/<slug>/, write their pages.

Only published organizations (permission granted, not withdrawn) reach any output.
"""

from pelican import signals


def get_generators(_pelican):
    from organizations.generator import OrganizationsGenerator

    return OrganizationsGenerator


def register():
    signals.get_generators.connect(get_generators)
