"""Printable flyers: one A4 page per published organization and per workshop series.

``/organizations/<slug>/flyer/`` and ``/workshops/series/<code>/flyer/`` (and under
``/en/``): the organization's logo, name, summary, sectors, offers and contact, or the
series' next planned session, with a QR code of the page's absolute address made at build
time (``flyers.qr``, segno, SVG). Flyers are ``noindex``: out of the sitemap, the search
index and the SEO report. Only organizations in the directory (published) get one.
"""


def get_generators(_pelican):
    from flyers.generator import FlyersGenerator

    return FlyersGenerator


def install_jinja_helpers(generator):
    from flyers.qr import qr_code

    generator.env.globals.update(qr_code=qr_code)


def register():
    from pelican import signals

    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_jinja_helpers)
