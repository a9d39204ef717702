"""The plugin registers its generator; settings overlay the defaults without changing them."""

from pelican import signals

import workshops
from workshops.generator import WorkshopsGenerator
from workshops.settings import DEFAULTS, workshop_settings


def test_register_connects_the_generator():
    assert workshops.handlers() == ((signals.get_generators, workshops.get_generators),)
    # A build earlier in the session registered it already: left as it was, since the
    # generators run in the order their plugins connected (connected again, it would run
    # last, after the generators that read its context).
    before = workshops.get_generators in list(signals.get_generators.receivers_for(None))
    workshops.register()
    try:
        assert workshops.get_generators in list(signals.get_generators.receivers_for(None))
        assert workshops.get_generators(None) is WorkshopsGenerator
    finally:
        if not before:
            signals.get_generators.disconnect(workshops.get_generators)


def test_settings_overlay_defaults():
    user = {"WORKSHOP_LATEST": 5, "OTHER": 1}
    options = workshop_settings(user)
    assert options["WORKSHOP_LATEST"] == 5 and options["WORKSHOP_DIR"] == "workshops"
    assert set(options) == set(DEFAULTS) and user == {"WORKSHOP_LATEST": 5, "OTHER": 1}
