"""Cache hits encode nothing, changed settings re-encode only what they change, bytes are
the same however the work is scheduled."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from image_helpers import photo_like, request, save

from images import ImageRequest, Role, process_images, publish


def _sources(tmp_path: Path) -> list[ImageRequest]:
    photos = [
        save(
            photo_like((200 + 20 * i, 150), seed=i),
            tmp_path / "src" / f"p{i}.jpg",
            "JPEG",
            quality=92,
        )
        for i in range(3)
    ]
    logo = save(photo_like((120, 120)).convert("RGBA"), tmp_path / "src" / "logo.png", "PNG")
    return [request(p, "photo", "images/x") for p in photos] + [request(logo, "logo", "images/x")]


def test_warm_rebuild_encodes_nothing(tmp_path, settings):
    requests = _sources(tmp_path)
    cold = process_images(requests, settings)
    assert cold.encodes == sum(len(image.variants) for image in cold.images.values())
    warm = process_images(requests, settings)
    assert warm.encodes == 0
    assert warm == cold.__class__(cold.images, cold.problems, 0)


def test_cache_lives_outside_the_output(tmp_path, settings):
    requests = _sources(tmp_path)
    result = process_images(requests, settings)
    output = tmp_path / "output"
    assert not output.exists()  # phase one writes nothing there
    assert publish(result, output) == len(result.files())
    assert publish(result, output) == 0
    for variant in result.files():
        assert (output / variant.path).read_bytes() == variant.cache_file.read_bytes()
        assert settings.cache_path in variant.cache_file.parents


def test_quality_change_reencodes_only_that_format(tmp_path, settings):
    requests = _sources(tmp_path)
    first = process_images(requests, settings)
    changed = settings.with_(quality=replace(settings.quality, webp_quality=60))
    second = process_images(requests, changed)
    webp = sum(len(image.of_format("webp")) for image in first.images.values())
    assert second.encodes == webp
    assert process_images(requests, changed).encodes == 0


def test_new_role_width_encodes_only_the_new_width(tmp_path, settings):
    requests = _sources(tmp_path)[:1]  # one 200 px photo
    process_images(requests, settings)
    roles = tuple(
        Role("photo", (48, 80, 96, 160), "100vw") if r.name == "photo" else r
        for r in settings.roles
    )
    result = process_images(requests, settings.with_(roles=roles))
    assert result.encodes == 3  # width 80 in AVIF, WebP and JPEG


def test_same_bytes_in_a_fresh_cache_and_in_parallel(tmp_path, settings):
    requests = _sources(tmp_path)
    serial = process_images(requests, settings)
    other = settings.with_(cache_dir=tmp_path / "other-cache")
    parallel = process_images(requests, other, workers=2)
    assert parallel.encodes == serial.encodes
    assert [v.path for v in parallel.files()] == [v.path for v in serial.files()]
    for a, b in zip(serial.files(), parallel.files(), strict=False):
        assert a.cache_file != b.cache_file
        assert a.cache_file.read_bytes() == b.cache_file.read_bytes(), a.path


def test_same_content_twice_is_made_once(tmp_path, settings):
    first = save(photo_like(), tmp_path / "a.png", "PNG")
    second = tmp_path / "copy-of-a.png"
    second.write_bytes(first.read_bytes())
    result = process_images([request(first), request(second)], settings)
    assert result.encodes == len(result.images[request(first)].variants)
    assert result.images[request(second)].source == "copy-of-a.png"


def test_changed_source_gets_new_names(tmp_path, settings):
    path = save(photo_like(seed=1), tmp_path / "p.png", "PNG")
    before = process_images([request(path)], settings).images[request(path)]
    save(photo_like(seed=2), path, "PNG")
    after = process_images([request(path)], settings).images[request(path)]
    assert not {v.path for v in before.variants} & {v.path for v in after.variants}


def test_stored_records_are_read_one_source_folder_at_a_time():
    """A stored image step keeps its records as one pickle per source folder
    (image_step.step.FolderRecords): asking for an image reads its folder's only, and
    the whole mapping is the records it was made from."""
    from image_step.step import FolderRecords

    records = {
        ("/site/organizations/a/logo.png", "logo"): ("a-logo",),
        ("/site/organizations/a/photos/1.jpg", "photo"): ("a-photo",),
        ("/site/organizations/a/photos/1.jpg", "card"): ("a-card",),
        ("/site/organizations/b/logo.png", "logo"): ("b-logo",),
    }
    stored = FolderRecords(FolderRecords.pickled(records))
    assert stored[("/site/organizations/a/photos/1.jpg", "card")] == ("a-card",)
    assert set(stored._read) == {"/site/organizations/a/photos"}
    assert ("/site/organizations/b/logo.png", "photo") not in stored
    assert ("/site/organizations/c/logo.png", "logo") not in stored
    assert set(stored._read) == {
        "/site/organizations/a/photos",
        "/site/organizations/b",
        "/site/organizations/c",
    }
    assert dict(stored) == records and len(stored) == len(records)
