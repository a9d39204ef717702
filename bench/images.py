"""Benchmark of the image step (not a test): sizes, quality, speed, cache.

    .venv/bin/python bench/images.py                 # sample images + >=100 real photos
    .venv/bin/python bench/images.py --folder DIR    # also the images in DIR
    .venv/bin/python bench/images.py --photos 30 --scaling 8   # quicker

Photos: the real photographs of the Debian packages plasma-workspace-wallpapers and
mate-backgrounds (installed with apt-get when missing and running as root; reused from
/usr/share/wallpapers and /usr/share/backgrounds). They hold fewer than 100 photos of
1600 px or more, so the set is topped up with fixed 2048 px crops of the largest ones
(still real photographs, at real size); the report says how many are crops.

Prints a table and writes JSON to bench/results/images-<time>.json (git-ignored).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from PIL import Image  # noqa: E402

from images import ImageRequest, ImageSettings, process_images  # noqa: E402
from images.encode import encode  # noqa: E402
from images.quality import reference, variant_ssim  # noqa: E402
from images.settings import Quality  # noqa: E402

PHOTO_DIRS = (Path("/usr/share/wallpapers"), Path("/usr/share/backgrounds"))
PACKAGES = ("plasma-workspace-wallpapers", "mate-backgrounds")
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".gif"}
IMAGE_SUFFIXES = RASTER | {".svg"}
MEASURE_WIDTH = 1600


def ensure_packages() -> None:
    if any(d.exists() for d in PHOTO_DIRS):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("no wallpapers and not root: install", " ".join(PACKAGES), file=sys.stderr)
        return
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", *PACKAGES], check=False)


def real_photos() -> list[Path]:
    """Photos of 1600 px or more, each content once (the packages repeat some)."""
    found, seen = [], set()
    for folder in PHOTO_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in (".jpg", ".jpeg", ".png") or "screenshot" in path.name:
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            with Image.open(path) as im:
                if im.width >= MEASURE_WIDTH and im.mode in ("RGB", "L"):
                    found.append(path)
    return found


def photo_set(wanted: int, work: Path) -> tuple[list[Path], int]:
    photos = real_photos()[:wanted]
    crops = []
    if len(photos) < wanted:
        work.mkdir(parents=True, exist_ok=True)
        big = sorted(photos, key=lambda p: -Image.open(p).width)
        positions = [(0.0, 0.0), (1.0, 1.0), (0.5, 0.5), (1.0, 0.0), (0.0, 1.0)]
        i = 0
        while len(photos) + len(crops) < wanted and big:
            source = big[i % len(big)]
            fx, fy = positions[(i // len(big)) % len(positions)]
            target = work / f"crop-{i:03d}-{source.parent.parent.name}-{source.stem}.jpg"
            if not target.exists():
                with Image.open(source) as im:
                    im = im.convert("RGB")
                    w, h = min(2048, im.width), min(1365, im.height)
                    x, y = round((im.width - w) * fx), round((im.height - h) * fy)
                    im.crop((x, y, x + w, y + h)).save(target, "JPEG", quality=92)
            crops.append(target)
            i += 1
    return photos + crops, len(crops)


def sample_images(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        found += [p for p in sorted(folder.rglob("*")) if p.suffix.lower() in IMAGE_SUFFIXES]
    return found


def build(requests, settings, workers):
    started = time.perf_counter()
    result = process_images(requests, settings, workers=workers)
    return result, time.perf_counter() - started


def fresh(settings: ImageSettings, tmp: Path, name: str) -> ImageSettings:
    return settings.with_(cache_dir=tmp / name)


def measure_quality(photos: list[Path], result, settings) -> list[dict]:
    rows = []
    for path in photos:
        image = result.images.get(ImageRequest(path, "photo"))
        if image is None or image.width < MEASURE_WIDTH:
            continue
        ref = reference(path, MEASURE_WIDTH, settings)
        jpeg80 = encode(ref, "jpeg", Quality(jpeg_quality=80))
        row = {"photo": str(path), "jpeg_q80_bytes": len(jpeg80)}
        for fmt in image.formats:
            variant = [v for v in image.of_format(fmt) if v.width == MEASURE_WIDTH][0]
            row[fmt] = {
                "bytes": variant.bytes,
                "ratio_to_jpeg_q80": variant.bytes / len(jpeg80),
                "ssim": variant_ssim(variant.cache_file, ref),
            }
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", action="append", type=Path, default=[])
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument(
        "--scaling", type=int, default=24, help="photos in the 1-core vs all-cores run"
    )
    args = parser.parse_args()
    ensure_packages()
    cores = os.cpu_count() or 1
    samples = sample_images([ROOT / "organizations", *args.folder])
    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp_name:
        tmp = Path(tmp_name)
        photos, crops = photo_set(args.photos, tmp / "photos")
        settings = ImageSettings(root=ROOT)
        requests = [ImageRequest(p, "photo") for p in photos]
        requests += [ImageRequest(p, "logo" if "logo" in p.name else "photo") for p in samples]
        bytes_in = sum(r.source.stat().st_size for r in requests)

        cold_settings = fresh(settings, tmp, "cold")
        cold, cold_time = build(requests, cold_settings, cores)
        warm, warm_time = build(requests, cold_settings, cores)
        out_by_format: dict[str, int] = {}
        for variant in cold.files():
            out_by_format[variant.format] = out_by_format.get(variant.format, 0) + variant.bytes

        subset = requests[: args.scaling]
        _, one_time = build(subset, fresh(settings, tmp, "one"), 1)
        _, all_time = build(subset, fresh(settings, tmp, "all"), cores)

        quality_rows = measure_quality(photos, cold, cold_settings)
        per_photo = [{**row, "photo": Path(row["photo"]).name} for row in quality_rows]

    summary = {}
    for fmt in ("avif", "webp", "jpeg"):
        rows = [r[fmt] for r in quality_rows if fmt in r]
        if rows:
            summary[fmt] = {
                "total_ratio_to_jpeg_q80": sum(r["bytes"] for r in rows)
                / sum(q["jpeg_q80_bytes"] for q in quality_rows if fmt in q),
                "mean_ratio_to_jpeg_q80": statistics.mean(r["ratio_to_jpeg_q80"] for r in rows),
                "mean_ssim": statistics.mean(r["ssim"] for r in rows),
                "min_ssim": min(r["ssim"] for r in rows),
                "photos": len(rows),
            }
    report = {
        "settings": {
            "quality": cold_settings.quality.__dict__,
            "roles": {r.name: r.widths for r in settings.roles},
        },
        "cores": cores,
        "images": {
            "photos": len(photos),
            "of_which_crops": crops,
            "samples": len(samples),
            "requests": len(requests),
        },
        "bytes_in": bytes_in,
        "bytes_out_by_format": out_by_format,
        "at_1600": summary,
        "cold": {
            "seconds": cold_time,
            "encodes": cold.encodes,
            "seconds_per_image": cold_time / len(requests),
            "problems": [p.format() for p in cold.problems],
        },
        "warm": {"seconds": warm_time, "encodes": warm.encodes},
        "scaling": {
            "images": len(subset),
            "one_core_seconds": one_time,
            "all_cores_seconds": all_time,
            "images_per_second_one_core": len(subset) / one_time,
            "images_per_second_all_cores": len(subset) / all_time,
        },
        "per_photo": per_photo,
    }
    print_table(report)
    out = ROOT / "bench" / "results" / f"images-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nJSON: {out.relative_to(ROOT)}")


def print_table(r: dict) -> None:
    mb = 1e6
    i = r["images"]
    print(
        f"images: {i['photos']} photos ({i['of_which_crops']} of them crops), "
        f"{i['samples']} sample images; {r['cores']} cores"
    )
    print(f"bytes in: {r['bytes_in'] / mb:.1f} MB")
    for fmt, size in sorted(r["bytes_out_by_format"].items()):
        print(f"  out {fmt:5} {size / mb:8.1f} MB  ({size / r['bytes_in']:.1%} of in, all widths)")
    print(f"\nat {MEASURE_WIDTH} px   total/JPEG q80   mean/JPEG q80   mean SSIM   min SSIM")
    for fmt, s in r["at_1600"].items():
        print(
            f"  {fmt:5}       {s['total_ratio_to_jpeg_q80']:6.1%}          "
            f"{s['mean_ratio_to_jpeg_q80']:6.1%}       {s['mean_ssim']:.4f}     "
            f"{s['min_ssim']:.4f}"
        )
    c, w, s = r["cold"], r["warm"], r["scaling"]
    print(
        f"\ncold build: {c['seconds']:.1f} s, {c['encodes']} encodes, "
        f"{c['seconds_per_image']:.2f} s per image (all cores)"
    )
    print(f"warm build: {w['seconds']:.2f} s, {w['encodes']} encodes")
    print(
        f"{s['images']} images: {s['images_per_second_one_core']:.2f} images/s on 1 core, "
        f"{s['images_per_second_all_cores']:.2f} images/s on {r['cores']} cores"
    )
    if c["problems"]:
        print("problems:\n  " + "\n  ".join(c["problems"]))


if __name__ == "__main__":
    main()
