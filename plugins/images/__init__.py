"""Image optimization for the observatory's site: pure Python, no Pelican inside.

Phase one, ``process_images(requests, settings)``: every raster image in every role it is
used in becomes AVIF, WebP and a JPEG (or PNG, with transparency) fallback in the role's
widths, encoded into a cache outside the output folder; SVG logos are sanitized. It returns
a ``ProcessResult``: ``ResponsiveImage`` values by request, ``Problem`` values, the encode
count. Phase two, ``publish(result, output_dir)``, links or copies the files into the output.
``render_picture(image, alt)`` gives the ``<picture>`` element; ``make_social_images`` the
Open Graph and square images of a page. See docs/images.md for volunteers.
"""

from .html import render_picture
from .model import ImageRequest, ProcessResult, ResponsiveImage, SocialImages, Variant
from .settings import DEFAULTS, ImageSettings, Quality, Role, load_settings

__all__ = [
    "DEFAULTS",
    "ImageRequest",
    "ImageSettings",
    "ProcessResult",
    "Quality",
    "ResponsiveImage",
    "Role",
    "SocialImages",
    "Variant",
    "load_settings",
    "make_social_images",
    "process_image",
    "process_images",
    "publish",
    "render_picture",
]


def __getattr__(name: str):
    # Imported on use: the pipeline loads Pillow and its codecs, social images the font
    # package; a build whose images all come from the cache needs neither.
    if name == "make_social_images":
        from .social import make_social_images

        return make_social_images
    if name in ("process_image", "process_images", "publish"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
