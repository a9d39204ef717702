"""Pelican glue for the image pipeline (plugins/images).

After every generator has read its content and before any page is written
(``all_generators_finalized``), every image a page will show is made responsive (or found
in the cache), copied into the output, and each organization and workshop gets its social
images; templates then call ``picture(...)`` and read ``social_images``. A broken image
stops the build with a message naming the file, like any other content mistake.
"""


def _process(generators) -> None:
    from image_step.step import process_site_images

    process_site_images(generators)


def _install(generator) -> None:
    from image_step.step import install_jinja_helpers

    install_jinja_helpers(generator)


def register():
    from pelican import signals

    signals.generator_init.connect(_install)
    signals.all_generators_finalized.connect(_process)
