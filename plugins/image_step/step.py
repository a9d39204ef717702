"""Which images the site shows, made once per build; ``picture()`` for the templates."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jinja2 import pass_context
from markupsafe import Markup

from image_step.markdown import markdown_image_sources, replace_images
from images import ImageRequest, load_settings, render_picture
from images.model import ResponsiveImage, Variant
from kalo import codes, timing
from kalo.files import write_atomic
from kalo.incremental import file_stamp
from kalo.output import Output, output_of
from kalo.pickle_file import read_pickle
from kalo.problems import raise_if_errors

log = logging.getLogger(__name__)


class LazyImages(Mapping):
    """(source, role) → ResponsiveImage, each built from its record when first asked for:
    a page rendered from a cached step builds only the images it shows."""

    def __init__(self, records: dict, cache_root: Path):
        self.records = records  # (str(source), role) → _compact(image)
        self.cache_root = cache_root
        self._made: dict = {}

    def __getitem__(self, key):
        found = self._made.get(key)
        if found is None:
            path, role = key
            found = self._made[key] = _expand(self.records[(str(path), role)], self.cache_root)
        return found

    def __contains__(self, key) -> bool:
        return (str(key[0]), key[1]) in self.records

    def __iter__(self):
        return ((Path(path), role) for path, role in self.records)

    def __len__(self) -> int:
        return len(self.records)


class FolderRecords(Mapping):
    """The records of a stored step, kept as one pickle per source folder (an
    organization's, its photos', a workshop's) and each read when first asked for: a
    build after an edit renders a few pages, and reads the records of their images only
    (not those of 2,000 images at 1,000 organizations). Keys: (str(source), role)."""

    def __init__(self, by_folder: dict[str, bytes]):
        self._stored = by_folder
        self._read: dict[str, dict] = {}

    @staticmethod
    def pickled(records: dict) -> dict[str, bytes]:
        """``records`` as a ``FolderRecords`` keeps them: one pickle per source folder."""
        grouped: dict[str, dict] = {}
        for key, record in records.items():
            grouped.setdefault(os.path.dirname(key[0]), {})[key] = record
        return {
            folder: pickle.dumps(group, protocol=pickle.HIGHEST_PROTOCOL)
            for folder, group in sorted(grouped.items())
        }

    def _folder(self, folder: str) -> dict:
        found = self._read.get(folder)
        if found is None:
            stored = self._stored.get(folder)
            found = self._read[folder] = pickle.loads(stored) if stored is not None else {}
        return found

    def __getitem__(self, key):
        return self._folder(os.path.dirname(key[0]))[key]

    def __contains__(self, key) -> bool:
        return key in self._folder(os.path.dirname(key[0]))

    def __iter__(self):
        for folder in self._stored:
            yield from self._folder(folder)

    def __len__(self) -> int:
        return sum(len(self._folder(folder)) for folder in self._stored)


@dataclass
class SiteImages:
    """The build's images: responsive ones by (source, role), social ones by page."""

    responsive: Mapping = field(default_factory=dict)  # (Path, role) → ResponsiveImage
    social: dict = field(default_factory=dict)  # ("organizations"|"workshops", slug) → {og, square}
    encodes: int = 0
    # (str(source), role) → the image as plain values (what ``responsive`` is made from).
    records: dict = field(default_factory=dict)

    # (str(source), role) → a digest of its record: what pages fingerprint an image by.
    record_digests: dict = field(default_factory=dict)
    # A stored step's: the files it puts into the output with their tokens
    # (``_placed_files``), listed when it was stored (its ``record_digests`` are whole too).
    placed: dict | None = None

    @property
    def stored(self) -> bool:
        return self.placed is not None

    def record_digest(self, key) -> str | None:
        """The digest of one image's record (``None``: no such image), made once."""
        found = self.record_digests.get(key)
        if found is None and key in self.records:
            found = self.record_digests[key] = _record_digest(self.records[key])
        return found

    def folder_digests(self, root: Path) -> dict[str, str]:
        """A digest of the images made from each sub-folder of ``root`` (every role), for
        the fingerprints of the pages that show them; once per build."""
        made = self.__dict__.setdefault("_digests", {})
        if root not in made:
            prefix = str(root) + os.sep
            grouped: dict[str, list] = {}
            # A stored step has every record's digest: its records stay unread.
            for key in self.record_digests if self.stored else self.records:
                path, role = key
                if path.startswith(prefix):
                    owner = path[len(prefix) :].split(os.sep)[0]
                    line = f"{path}\0{role}\0{self.record_digest(key)}"
                    grouped.setdefault(owner, []).append(line)
            made[root] = {
                owner: hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()
                for owner, lines in grouped.items()
            }
        return made[root]


def _record_digest(record: tuple) -> str:
    return hashlib.sha256(repr(record).encode("utf-8", "surrogatepass")).hexdigest()


def _compact(image: ResponsiveImage, cache_root: Path) -> tuple:
    """The image as plain values (quick to store and to load: no path objects; cached
    files relative to the image cache)."""
    return (
        image.source,
        image.sha256,
        image.role,
        image.sizes,
        image.width,
        image.height,
        image.has_alpha,
        tuple(
            (v.format, v.width, v.height, str(v.path), v.bytes, _within(v.cache_file, cache_root))
            for v in image.variants
        ),
    )


def _within(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _expand(record: tuple, cache_root: Path) -> ResponsiveImage:
    *head, variants = record
    return ResponsiveImage(
        *head,
        tuple(
            Variant(fmt, width, height, PurePosixPath(path), size, cache_root / cache_file)
            for fmt, width, height, path, size, cache_file in variants
        ),
    )


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


# Changes when what the step stores changes (invalidates stored steps).
STEP_FORMAT = 4
KEPT_STEPS = 4


def process_site_images(generators) -> None:
    context = generators[0].context
    settings = generators[0].settings
    output = Path(settings["OUTPUT_PATH"])
    image_settings = load_settings(settings, Path(settings["PATH"]).parent)
    directory = context.get("organizations") or ()
    programme = context.get("workshop_programme")
    written = output_of(settings)
    with timing.step("images"):
        workshops_folder = Path(settings["PATH"]) / settings.get("WORKSHOP_DIR", "workshops")
        requests = (
            _organization_requests(directory)
            + _workshop_requests(programme)
            + _markdown_requests(directory, programme, workshops_folder)
        )
        jobs, pages = _social_jobs(directory, programme, output)
        with timing.step("images: stored step"):
            stored = _stored_step(requests, jobs, image_settings, written)
        site = None
        with timing.step("images: placed"):
            if stored is not None and _place_stored(stored[1], written, image_settings.cache_path):
                site = stored[1]
        if site is None:
            site = _make_step(requests, jobs, pages, output, image_settings, written)
            if written.incremental and stored is not None:
                _store_step(stored[0], site, image_settings)
    log.info("images: %d encoded, the rest from the cache", site.encodes)
    context["site_images"] = site


def _step_key(requests, jobs, image_settings, written: Output) -> str | None:
    """Everything the step's result is made from: the requests, each source file's stamp,
    the social images' texts, the settings, the code of the image plugins."""
    if not written.incremental:
        return None
    # Two folders of social images for 2,000 jobs: each made relative once.
    relative = {
        folder: os.path.relpath(folder, written.staging) for folder in {j.out_dir for j in jobs}
    }
    stamps = {}
    for path in {request.source for request in requests} | {
        job.image for job in jobs if job.image is not None
    }:
        try:
            stamps[str(path)] = file_stamp(os.stat(path))
        except OSError:
            return None  # a missing file: the step says which
    material = repr(
        (
            STEP_FORMAT,
            _code_version(),
            image_settings,
            [(str(r.source), r.role, r.dest) for r in requests],
            sorted(stamps.items()),
            [
                (
                    job.title,
                    job.subtitle,
                    str(job.image),
                    relative[job.out_dir],
                    job.stem,
                )
                for job in jobs
            ],
        )
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256()
    plugins = Path(__file__).resolve().parents[1]
    for package in ("images", "image_step"):
        for path in sorted((plugins / package).glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _step_file(image_settings, key: str) -> Path:
    return image_settings.cache_path / "steps" / f"step-{key[:32]}.pickle"


def _stored_step(requests, jobs, image_settings, written: Output):
    """(key, SiteImages) of an earlier build made from the same inputs, or (key, None)."""
    key = _step_key(requests, jobs, image_settings, written)
    if key is None:
        return None
    stored = read_pickle(_step_file(image_settings, key))
    if not stored:
        return key, None
    records = FolderRecords(stored["records"])
    return key, SiteImages(
        LazyImages(records, image_settings.cache_path),
        stored["social"],
        0,
        records,
        stored["record_digests"],
        placed=stored["placed"],
    )


def _place_stored(site: SiteImages | None, written: Output, cache_root: Path) -> bool:
    """Every file of a stored step into the output; False if a cached file is gone."""
    if site is None:
        return False
    if written.in_place and written.keep_all(_placed_files(site)):  # all there, as they were
        return True
    root = str(cache_root)
    placed: set = set()
    for record in site.records.values():
        for _fmt, _width, _height, path, _size, cache_file in record[7]:
            if path not in placed:
                placed.add(path)
                source = os.path.join(root, cache_file)
                if not written.place(path, source, cache_file.rpartition("/")[2]):
                    return False
    for social in site.social.values():
        for name in ("og", "square"):
            rel, cached = social[name], social[f"{name}_cache"]
            if not written.place(rel, cached, cached.rpartition("/")[2]):
                return False
    return True


def _placed_files(site: SiteImages) -> dict[str, str]:
    """Every file a step puts into the output, with its token (``_place_stored``)."""
    if site.placed is not None:
        return site.placed
    files = {}
    for record in site.records.values():
        for _fmt, _width, _height, path, _size, cache_file in record[7]:
            files[path] = cache_file.rpartition("/")[2]
    for social in site.social.values():
        for name in ("og", "square"):
            files[social[name]] = social[f"{name}_cache"].rpartition("/")[2]
    return files


def _store_step(key: str, site: SiteImages, image_settings) -> None:
    file = _step_file(image_settings, key)
    write_atomic(
        file,
        pickle.dumps(
            {
                "records": FolderRecords.pickled(site.records),
                "social": site.social,
                # Made once, with the step: a build that reuses it hashes no record,
                # lists no file and reads only the records of the images it renders.
                "record_digests": {key: site.record_digest(key) for key in site.records},
                "placed": _placed_files(site),
            },
            protocol=pickle.HIGHEST_PROTOCOL,
        ),
    )
    older = sorted(file.parent.glob("step-*.pickle"), key=lambda p: p.stat().st_mtime)
    for stale in older[:-KEPT_STEPS]:
        stale.unlink(missing_ok=True)


def _make_step(requests, jobs, pages, output: Path, image_settings, written: Output):
    from images import process_images  # loads Pillow

    site = SiteImages()
    result = process_images(requests, image_settings)
    raise_if_errors(result.problems)
    _publish(result, written)
    site.records = {
        (str(request.source), request.role): _compact(image, image_settings.cache_path)
        for request, image in result.images.items()
    }
    site.responsive = {
        (request.source, request.role): image for request, image in result.images.items()
    }
    site.encodes = result.encodes
    with timing.step("social images"):
        site.encodes += _social_images(site, jobs, pages, output, image_settings, written)
    return site


def _publish(result, written: Output) -> None:
    """Every variant into the output: kept where an in-place build already has it (its
    name carries its content's key), else hard-linked from the cache."""
    done: set = set()
    for image in result.images.values():
        for variant in image.variants:
            if variant.path not in done:
                done.add(variant.path)
                written.place(str(variant.path), variant.cache_file, variant.cache_file.name)


def _social_jobs(directory, programme, output: Path):
    from images.model import SocialJob

    pages = []  # (kind, slug), in the order the jobs are made
    jobs = []
    social = output / "images" / "social"
    into_organizations, into_workshops = social / "organizations", social / "workshops"
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
                into_organizations,
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
                into_workshops,
                stem=workshop.slug,
            )
        )
    return jobs, pages


def _social_images(
    site: SiteImages, jobs, pages, output: Path, image_settings, written: Output
) -> int:
    from images.social import make_many_social_images  # loads the font package

    cached_files: dict = {}

    def place(cached: Path, target: Path) -> None:
        rel = os.path.relpath(target, output).replace(os.sep, "/")
        cached_files[rel] = str(cached)
        written.place(rel, cached, cached.name)

    made_all = make_many_social_images(jobs, settings=image_settings, place=place)
    encodes = 0
    problems = []
    for page, made in zip(pages, made_all, strict=False):
        encodes += made.encodes
        problems.extend(made.problems)
        social = _relative(made, output)
        site.social[page] = {
            **social,
            "og_cache": cached_files[social["og"]],
            "square_cache": cached_files[social["square"]],
        }
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
    found = site.social.get((kind, slug)) if site else None
    return {"og": found["og"], "square": found["square"]} if found else None


def install_jinja_helpers(generator) -> None:
    generator.env.globals.update(
        picture=picture, image_large=image_large, social_image=social_image
    )
    generator.env.filters.update(responsive_images=responsive_images)
