"""The ``<picture>`` element of a responsive image (a plain string: the Jinja helper wraps
it in ``Markup``). Every attribute value is escaped."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .model import ResponsiveImage


def _attrs(pairs: list[tuple[str, str | int | None]]) -> str:
    return "".join(
        f' {name}="{escape(str(value), quote=True)}"' for name, value in pairs if value is not None
    )


def render_picture(
    image: ResponsiveImage,
    alt: str,
    *,
    sizes: str | None = None,
    eager: bool = False,
    lazy: bool = True,
    css_class: str | None = None,
    url_prefix: str = "/",
    decorative: bool = False,
    extra: Mapping[str, str] | None = None,
) -> str:
    """``<picture>`` with one ``<source>`` per modern format and an ``<img>`` fallback.

    ``alt`` is required: say what the image shows for someone who cannot see it. An empty
    alt is accepted only with ``decorative=True``. Images load lazily unless ``eager``
    (the one large image at the top of a page), which also gets ``fetchpriority="high"``,
    or ``lazy=False`` (an image in the first screen that is not the main one: loaded as
    the browser sees fit, without a raised priority).
    """
    if not isinstance(alt, str):
        raise TypeError("render_picture: alt text is required")
    if not alt.strip() and not decorative:
        raise ValueError(
            f"render_picture: empty alt text for {image.source} "
            "(pass decorative=True for a purely decorative image)"
        )
    sizes = sizes or image.sizes
    if eager:
        loading = [("fetchpriority", "high")]
    elif lazy:
        loading = [("loading", "lazy"), ("decoding", "async")]
    else:
        loading = [("decoding", "async")]
    fallback = image.fallback
    img_attrs = [("src", f"{url_prefix}{fallback.path}")]
    if not image.is_vector:
        img_attrs += [("srcset", image.srcset(image.fallback_format, url_prefix)), ("sizes", sizes)]
    img_attrs += [
        ("width", image.width),
        ("height", image.height),
        ("alt", alt.strip()),
        *loading,
        ("class", css_class),
    ]
    img_attrs += sorted((extra or {}).items())
    img = f"<img{_attrs(img_attrs)}>"
    if image.is_vector:
        return img
    sources = "".join(
        "<source"
        + _attrs(
            [
                ("type", image.of_format(fmt)[0].mime_type),
                ("srcset", image.srcset(fmt, url_prefix)),
                ("sizes", sizes),
            ]
        )
        + ">"
        for fmt in image.formats[:-1]
    )
    return f"<picture>{sources}{img}</picture>"
