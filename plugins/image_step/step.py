"""Which images the site shows, made once per build; ``picture()`` for the templates."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jinja2 import pass_context
from markupsafe import Markup

from image_step.markdown import markdown_image_sources, replace_images
from images import ImageRequest, load_settings, process_images, render_picture
from kalo import codes, timing
from kalo.output import Output, output_of
from kalo.problems import raise_if_errors

log = logging.getLogger(__name__)


@dataclass
class SiteImages:
    """The build's images: responsive ones by (source, role), social ones by page."""

    responsive: dict = field(default_factory=dict)  # (Path, role) → ResponsiveImage
    social: dict = field(default_factory=dict)  # ("organizations"|"workshops", slug) → {og, square}
    encodes: int = 0


def _organization_requests(directory) -> list[ImageRequest]:
    requests = []
    for org in directory:
        dest = f"images/organizations/{org.slug}"
        if org.logo:
            requests.append(ImageRequest(org.logo.path, "logo", dest))
        requests.extend(ImageRequest(photo.path, "photo", dest) for photo in org.public_photos)
        if org.public_photos:  # the first photo is the face of the organization's card
            requests.append(ImageRequest(org.public_photos[0].path, "card", dest))
    return requests


def _markdown_requests(directory, programme, workshops_folder: Path) -> list[ImageRequest]:
    """Images written in the organizations' and workshops' Markdown (the ``content`` role)."""
    requests = []
    for org in directory:
        hidden = {photo.path.resolve() for photo in org.photos if not photo.publishable}
        for text in org.about.values():
            requests.extend(
                ImageRequest(path, "content", f"images/organizations/{org.slug}")
                for path in markdown_image_sources(text, org.folder)
                if path not in hidden
            )
    for workshop in getattr(programme, "workshops", ()):
        hidden = {photo.path.resolve() for photo in workshop.photos if not photo.publishable}
        for text in workshop.texts.values():
            requests.extend(
                ImageRequest(path, "content", f"images/workshops/{workshop.slug}")
                for path in markdown_image_sources(text.body, workshops_folder)
                if path not in hidden
            )
    return requests


def _workshop_requests(programme) -> list[ImageRequest]:
    return [
        ImageRequest(photo.path, "photo", f"images/workshops/{workshop.slug}")
        for workshop in getattr(programme, "workshops", ())
        for photo in workshop.photos
        if photo.publishable
    ]


def process_site_images(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    output = Path(settings["OUTPUT_PATH"])
    image_settings = load_settings(settings, Path(settings["PATH"]).parent)
    directory = context.get("organizations") or ()
    programme = context.get("workshop_programme")
    site = SiteImages()
    with timing.step("images"):
        workshops_folder = Path(settings["PATH"]) / settings.get("WORKSHOP_DIR", "workshops")
        result = process_images(
            _organization_requests(directory)
            + _workshop_requests(programme)
            + _markdown_requests(directory, programme, workshops_folder),
            image_settings,
        )
        raise_if_errors(result.problems)
        written = output_of(settings)
        _publish(result, written)
        site.responsive = {
            (request.source, request.role): image for request, image in result.images.items()
        }
        site.encodes = result.encodes
    with timing.step("social images"):
        site.encodes += _social_images(site, directory, programme, output, image_settings, written)
    log.info("images: %d encoded, the rest from the cache", site.encodes)
    context["site_images"] = site


def _publish(result, written: Output) -> None:
    """Every variant into the output: kept where an in-place build already has it (its
    name carries its content's key), else hard-linked from the cache."""
    done: set = set()
    for image in result.images.values():
        for variant in image.variants:
            if variant.path not in done:
                done.add(variant.path)
                written.place(str(variant.path), variant.cache_file, variant.cache_file.name)


def _social_images(
    site: SiteImages, directory, programme, output: Path, image_settings, written: Output
) -> int:
    from images.social import SocialJob, make_many_social_images  # loads the font package

    pages = []  # (kind, slug), in the order the jobs are made
    jobs = []
    for org in directory:
        picture = (
            org.logo.path
            if org.logo
            else (org.public_photos[0].path if org.public_photos else None)
        )
        subtitle = org.name.en or codes.label("municipality", org.municipality, "el")
        pages.append(("organizations", org.slug))
        jobs.append(
            SocialJob(
                org.name.el,
                subtitle,
                picture,
                output / "images" / "social" / "organizations",
                stem=org.slug,
            )
        )
    for workshop in getattr(programme, "workshops", ()):
        photo = next((p.path for p in workshop.photos if p.publishable), None)
        pages.append(("workshops", workshop.slug))
        jobs.append(
            SocialJob(
                workshop.title,
                codes.label("series", workshop.series, "el"),
                photo,
                output / "images" / "social" / "workshops",
                stem=workshop.slug,
            )
        )
    made_all = make_many_social_images(
        jobs,
        settings=image_settings,
        place=lambda cached, target: written.place(
            os.path.relpath(target, output).replace(os.sep, "/"), cached, cached.name
        ),
    )
    encodes = 0
    problems = []
    for page, made in zip(pages, made_all, strict=False):
        encodes += made.encodes
        problems.extend(made.problems)
        site.social[page] = _relative(made, output)
    raise_if_errors(problems)
    return encodes


def _relative(made, output: Path) -> dict[str, str]:
    return {
        name: str(PurePosixPath(path.relative_to(output)))
        for name, path in (("og", made.og), ("square", made.square))
    }


@pass_context
def picture(
    context,
    path: Path,
    role: str,
    alt: str,
    eager: bool = False,
    css_class: str | None = None,
    lazy: bool = True,
    sizes: str | None = None,
    decorative: bool = False,
):
    """The ``<picture>`` of an image the image step made; nothing if it was not made.
    ``sizes`` overrides the role's (the same image shown smaller in another place)."""
    site = context.get("site_images")
    image = site.responsive.get((Path(path), role)) if site else None
    if image is None:
        return ""
    prefix = f"{context.get('SITEURL', '')}/"
    return Markup(
        render_picture(
            image,
            alt,
            sizes=sizes,
            eager=eager,
            lazy=lazy,
            css_class=css_class,
            url_prefix=prefix,
            decorative=decorative,
        )
    )


@pass_context
def image_large(context, path: Path, role: str) -> str | None:
    """The address of the largest file of an image in the format every browser shows
    (JPEG or PNG; SVG for a vector logo): what "open the photo larger" links to."""
    site = context.get("site_images")
    image = site.responsive.get((Path(path), role)) if site else None
    if image is None:
        return None
    return f"{context.get('SITEURL', '')}/{image.largest().path}"


@pass_context
def responsive_images(context, html: str, folder) -> Markup:
    """Sanitized HTML from Markdown with each image of ``folder`` as a responsive picture
    (images that are not files of that folder are left out)."""
    site = context.get("site_images")
    prefix = f"{context.get('SITEURL', '')}/"

    def picture_for(path: Path, alt: str) -> str:
        image = site.responsive.get((path, "content")) if site else None
        if image is None:
            return ""
        return render_picture(image, alt, url_prefix=prefix, decorative=not alt.strip())

    return Markup(replace_images(str(html), Path(folder), picture_for))


@pass_context
def social_image(context, kind: str, slug: str) -> dict[str, str] | None:
    site = context.get("site_images")
    return site.social.get((kind, slug)) if site else None


def install_jinja_helpers(generator) -> None:
    generator.env.globals.update(
        picture=picture, image_large=image_large, social_image=social_image
    )
    generator.env.filters.update(responsive_images=responsive_images)
