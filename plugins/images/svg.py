"""SVG logos: an allowlist sanitizer (lxml) and a rasterizer (resvg, offline).

Kept: the drawing elements of SVG 1.1 in the SVG namespace, with their attributes.
Removed: scripts, ``foreignObject``, animation (it can rewrite links), event handlers
(``on*``), links, references outside the file (only ``#id`` and raster ``data:`` images stay),
CSS ``@import`` and external ``url()``, comments, processing instructions, editor metadata.
The DTD is never loaded and no entity from outside the file is resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ALLOWED_ELEMENTS = frozenset(
    """
svg g defs title desc symbol use switch
path rect circle ellipse line polyline polygon
text tspan textPath
linearGradient radialGradient stop pattern clipPath mask marker
filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight
feSpecularLighting feSpotLight feTile feTurbulence
image style
""".split()
)
UNWRAPPED = frozenset({"a"})  # the element goes, its children stay
ALLOWED_FOREIGN_ATTRIBUTES = frozenset(
    {f"{{{XLINK_NS}}}href", f"{{{XML_NS}}}space", f"{{{XML_NS}}}lang"}
)
SAFE_DATA_IMAGE = re.compile(r"^\s*data:image/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$", re.I)
URL_FUNCTION = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
UNSAFE_CSS = re.compile(r"@import|expression\s*\(|javascript:|-moz-binding|behavior\s*:", re.I)
LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")
MAX_SVG_BYTES = 2_000_000


class SvgError(ValueError):
    """The file is not SVG at all (the message says why, for a Problem)."""


@dataclass(frozen=True)
class CleanSvg:
    data: bytes
    width: int  # intrinsic size in CSS pixels (from width/height or the viewBox)
    height: int
    removed: tuple[str, ...]  # what was taken out, for a warning


def _local(tag: object) -> str | None:
    if not isinstance(tag, str):
        return None  # comments, processing instructions, entities
    return etree.QName(tag).localname


def _css_is_safe(text: str) -> bool:
    if UNSAFE_CSS.search(text):
        return False
    return all(target.strip().startswith("#") for _, target in URL_FUNCTION.findall(text))


def _href_is_safe(value: str) -> bool:
    return value.strip().startswith("#") or bool(SAFE_DATA_IMAGE.match(value))


def sanitize(data: bytes) -> CleanSvg:
    """Sanitized SVG bytes and its size; raises ``SvgError`` if this is not SVG."""
    if len(data) > MAX_SVG_BYTES:
        raise SvgError(f"larger than {MAX_SVG_BYTES // 1_000_000} MB")
    parser = etree.XMLParser(
        resolve_entities="internal",
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise SvgError(str(error.msg or "not well-formed XML")) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgError("the root element is not <svg> in the SVG namespace")
    removed: set[str] = set()
    _clean(root, removed)
    width, height = _size(root)
    etree.cleanup_namespaces(root, top_nsmap={None: SVG_NS, "xlink": XLINK_NS})
    out = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return CleanSvg(out, width, height, tuple(sorted(removed)))


def _clean(element: etree._Element, removed: set[str]) -> None:
    for child in list(element):
        name = _local(child.tag)
        namespace = etree.QName(child.tag).namespace if name else None
        if name is None:  # an entity reference left over
            removed.add("entity")
            _drop(child)
            continue
        if namespace == SVG_NS and name in UNWRAPPED:
            removed.add(f"<{name}>")
            _clean(child, removed)
            _unwrap(child)
            continue
        if namespace != SVG_NS or name not in ALLOWED_ELEMENTS:
            if namespace == SVG_NS or name in ("script", "foreignObject"):
                removed.add(f"<{name}>")
            else:
                removed.add("editor metadata")
            _drop(child)
            continue
        if name == "style" and not _css_is_safe(child.text or ""):
            removed.add("<style> with external references")
            _drop(child)
            continue
        _clean(child, removed)
    _clean_attributes(element, removed)


def _clean_attributes(element: etree._Element, removed: set[str]) -> None:
    for key, value in list(element.attrib.items()):
        qname = etree.QName(key)
        local = qname.localname
        if qname.namespace and key not in ALLOWED_FOREIGN_ATTRIBUTES:
            del element.attrib[key]
            continue
        if local.lower().startswith("on"):
            removed.add("event handlers (on…)")
            del element.attrib[key]
        elif local == "href" and not _href_is_safe(value):
            removed.add("external references")
            del element.attrib[key]
        elif local == "style" and not _css_is_safe(value):
            removed.add("external references")
            del element.attrib[key]
        elif "url(" in value.lower() and not _css_is_safe(value):
            removed.add("external references")
            del element.attrib[key]
        elif "javascript:" in value.lower().replace(" ", ""):
            removed.add("external references")
            del element.attrib[key]


def _drop(child: etree._Element) -> None:
    parent = child.getparent()
    if child.tail and parent is not None:
        previous = child.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    if parent is not None:
        parent.remove(child)


def _unwrap(child: etree._Element) -> None:
    parent = child.getparent()
    assert parent is not None
    index = parent.index(child)
    for offset, grandchild in enumerate(list(child)):
        parent.insert(index + offset, grandchild)
    _drop(child)


def _size(root: etree._Element) -> tuple[int, int]:
    width, height = (LENGTH.match(root.get(a, "")) for a in ("width", "height"))
    if width and height:
        return max(1, round(float(width.group(1)))), max(1, round(float(height.group(1))))
    box = re.split(r"[\s,]+", root.get("viewBox", "").strip())
    if len(box) == 4:
        try:
            w, h = float(box[2]), float(box[3])
        except ValueError:
            w = h = 0
        if w > 0 and h > 0:
            return max(1, round(w)), max(1, round(h))
    raise SvgError("no size")


def rasterize(svg: bytes, width: int, font_files: tuple[Path, ...] = ()) -> bytes:
    """PNG bytes of already sanitized SVG at ``width`` pixels (resvg: no network, no
    system fonts, only the fonts given)."""
    import resvg_py

    family = "Noto Sans" if font_files else None
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg.decode("utf-8"),
            width=width,
            skip_system_fonts=True,
            font_files=[str(f) for f in font_files] or None,
            font_family=family,
            sans_serif_family=family,
            serif_family=family,
        )
    )
