"""The plugin registers its generator; settings overlay the defaults without changing them."""

from pelican import signals

import opendata
from opendata.generator import OpenDataGenerator
from opendata.settings import DEFAULTS, opendata_settings
from opendata.urls import absolute_base


def test_register_connects_the_generator():
    assert opendata.HANDLERS == (("get_generators", opendata.get_generators),)
    # A build earlier in the session registered it already: left as it was, since the
    # generators run in the order their plugins connected (connected again, it would run
    # last, after the generators that read its context).
    before = opendata.get_generators in list(signals.get_generators.receivers_for(None))
    opendata.register()
    try:
        assert opendata.get_generators in list(signals.get_generators.receivers_for(None))
        assert opendata.get_generators(None) is OpenDataGenerator
    finally:
        if not before:
            signals.get_generators.disconnect(opendata.get_generators)


def test_settings_overlay_defaults():
    user = {"OPENDATA_EMAIL": False, "OTHER": 1}
    options = opendata_settings(user)
    assert options["OPENDATA_EMAIL"] is False and options["OPENDATA_DIR"] == "data"
    assert set(options) == set(DEFAULTS) and user == {"OPENDATA_EMAIL": False, "OTHER": 1}


def test_absolute_base_prefers_an_absolute_siteurl():
    assert absolute_base("https://kalo.example/", "http://localhost:8000") == "https://kalo.example"
    assert absolute_base("", "http://localhost:8000/") == "http://localhost:8000"
    assert absolute_base("/sub", "http://localhost:8000") == "http://localhost:8000"
