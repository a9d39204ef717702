"""Generate the images of the fictional sample organizations in ``organizations/``.

The sample profiles (all clearly marked «Παράδειγμα: φανταστικός φορέας» /
"Example: a fictional organization") need logos and phone-like photos to exercise the
image pipeline: PNG logos with transparency, a JPEG logo, large JPEG photos with EXIF
Orientation=6 and GPS tags, a HEIC photo, a PNG photo and WebP photos. Real photos are
not available, so every image is a synthetic drawing (gradients, shapes, grain).

The output is deterministic: all randomness comes from ``random.Random`` with fixed
seeds, so running the script again rewrites the same files (for the same Pillow and
pillow-heif versions). The one SVG logo (``psifiako-ergastiri-aigaleo/logo.svg``) is
written by hand and is not touched here.

Run from the project's root:

    .venv/bin/python tools/make_sample_images.py            # all images
    .venv/bin/python tools/make_sample_images.py --orgdir DIR

Needs Pillow and pillow-heif (both in requirements.txt of the project's environment).
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]


# --------------------------------------------------------------------------- helpers


def font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """A bold font with Greek letters, or Pillow's default when none is installed."""
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def lerp(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def vertical_gradient(
    size: tuple[int, int], stops: list[tuple[float, tuple[int, int, int]]]
) -> Image.Image:
    """An RGB image whose colour changes from top to bottom through the given stops."""
    w, h = size
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        for (t0, c0), (t1, c1) in zip(stops, stops[1:], strict=False):
            if t0 <= t <= t1:
                column.putpixel((0, y), lerp(c0, c1, (t - t0) / (t1 - t0 or 1)))
                break
    return column.resize((w, h), Image.Resampling.BICUBIC)


def grain(
    img: Image.Image, rng: random.Random, amount: float = 0.06, scale: int = 1
) -> Image.Image:
    """Overlay fine sensor-like noise (and, with scale > 1, a softer texture)."""
    w, h = img.size
    sw, sh = max(1, w // scale), max(1, h // scale)
    noise = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
    if scale > 1:
        noise = noise.resize((w, h), Image.Resampling.BICUBIC)
    noise = noise.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    return Image.blend(img, noise, amount)


def vignette(img: Image.Image, strength: int = 110) -> Image.Image:
    """Darken the corners a little, as small phone lenses do."""
    w, h = img.size
    mask = Image.new("L", (w // 8, h // 8), 0)
    d = ImageDraw.Draw(mask)
    d.ellipse((-w // 40, -h // 40, w // 8 + w // 40, h // 8 + h // 40), fill=strength)
    mask = mask.filter(ImageFilter.GaussianBlur(w // 60)).resize((w, h), Image.Resampling.BICUBIC)
    dark = Image.new("RGB", (w, h), (20, 16, 12))
    return Image.composite(img, dark, Image.eval(mask, lambda v: 155 + v))


def soft_shapes(
    size: tuple[int, int],
    rng: random.Random,
    colours: list[tuple[int, int, int]],
    count: int,
    radius: tuple[int, int],
    blur: int,
) -> Image.Image:
    """Blurred round blobs (bokeh, leaves, out-of-focus background) on transparency."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    for _ in range(count):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randint(*radius)
        c = rng.choice(colours)
        d.ellipse((x - r, y - r, x + r, y + r), fill=c + (rng.randint(90, 200),))
    return layer.filter(ImageFilter.GaussianBlur(blur))


def dms(value: float) -> tuple[float, float, float]:
    """Decimal degrees as EXIF degrees, minutes, seconds."""
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round((value - deg - minutes / 60) * 3600, 2)
    return (float(deg), float(minutes), seconds)


def phone_exif(
    orientation: int,
    lat: float | None = None,
    lon: float | None = None,
    taken: str = "2025:05:14 10:32:05",
) -> Image.Exif:
    """EXIF as a phone writes it: make, model, orientation, date and optionally GPS."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "ExamplePhone"
    exif[ExifTags.Base.Model] = "Sample 12 (fictional)"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Software] = "tools/make_sample_images.py"
    exif[ExifTags.Base.DateTime] = taken
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.DateTimeOriginal] = taken
    if lat is not None and lon is not None:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSVersionID] = b"\x02\x02\x00\x00"
        gps[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
        gps[ExifTags.GPS.GPSLatitude] = dms(lat)
        gps[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
        gps[ExifTags.GPS.GPSLongitude] = dms(lon)
    return exif


def stored_for_orientation_6(upright: Image.Image) -> Image.Image:
    """The pixels a phone stores for a portrait shot tagged Orientation=6.

    A viewer rotates Orientation=6 images 90° clockwise, so the stored pixels are the
    upright picture turned 90° counter-clockwise (a 3000×4000 portrait is stored as
    4000×3000).
    """
    return upright.rotate(90, expand=True)


def centred_text(
    d: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, size: int, fill
) -> None:
    f = font(size)
    x0, y0, x1, y1 = box
    d.text(((x0 + x1) / 2, (y0 + y1) / 2), text, font=f, fill=fill, anchor="mm")


# --------------------------------------------------------------------------- logos


def logo_circle_initials(
    size: int, colour, ring, initials: str, text_colour=(255, 255, 255)
) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    m = size // 16
    d.ellipse(
        (m, m, size - m, size - m), fill=colour + (255,), outline=ring + (255,), width=size // 24
    )
    centred_text(d, (0, 0, size, size), initials, int(size * 0.36), text_colour + (255,))
    return img


def logo_gefseis(size: int = 600) -> Image.Image:
    img = logo_circle_initials(size, (233, 120, 38), (255, 196, 120), "ΓΓ")
    d = ImageDraw.Draw(img)
    # a little steam above the letters
    for i, x in enumerate((0.40, 0.50, 0.60)):
        cx = int(size * x)
        d.arc(
            (cx - size // 20, int(size * 0.16), cx + size // 20, int(size * 0.30)),
            200 + i * 10,
            340,
            fill=(255, 240, 220, 255),
            width=size // 60,
        )
    return img


def logo_neoi_orizontes(size: int = 512) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    m = size // 12
    d.rounded_rectangle((m, m, size - m, size - m), radius=size // 8, fill=(28, 84, 160, 255))
    horizon = int(size * 0.62)
    d.pieslice(
        (size * 0.25, horizon - size * 0.25, size * 0.75, horizon + size * 0.25),
        180,
        360,
        fill=(255, 200, 40, 255),
    )
    for k in range(9):
        angle = 180 + k * 22.5
        d.pieslice(
            (size * 0.12, horizon - size * 0.38, size * 0.88, horizon + size * 0.38),
            angle - 3,
            angle + 3,
            fill=(255, 214, 90, 255),
        )
    d.pieslice(
        (size * 0.28, horizon - size * 0.22, size * 0.72, horizon + size * 0.22),
        180,
        360,
        fill=(255, 190, 30, 255),
    )
    d.rectangle((m, horizon, size - m, horizon + size // 40), fill=(255, 255, 255, 255))
    centred_text(
        d, (m, horizon, size - m, size - m), "ΝΕΟΙ ΟΡΙΖΟΝΤΕΣ", size // 13, (255, 255, 255, 255)
    )
    return img


def logo_frontizo(size: int = 500) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    r = size * 0.22
    for cx in (size * 0.38, size * 0.62):
        d.ellipse((cx - r, size * 0.38 - r, cx + r, size * 0.38 + r), fill=(204, 40, 60, 230))
    d.polygon(
        [(size * 0.18, size * 0.45), (size * 0.82, size * 0.45), (size * 0.5, size * 0.86)],
        fill=(204, 40, 60, 230),
    )
    centred_text(
        d,
        (0, int(size * 0.30), size, int(size * 0.56)),
        "Φ",
        int(size * 0.28),
        (255, 255, 255, 255),
    )
    return img


def logo_hexagon(size: int, colour, initials: str) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.regular_polygon((size / 2, size / 2, size * 0.46), 6, rotation=30, fill=colour + (255,))
    d.regular_polygon(
        (size / 2, size / 2, size * 0.38),
        6,
        rotation=30,
        outline=(255, 255, 255, 200),
        width=max(2, size // 90),
    )
    centred_text(d, (0, 0, size, size), initials, int(size * 0.22), (255, 255, 255, 255))
    return img


def logo_grafeio_iliou(size: int = 640) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # a shield: rectangle on top of a triangle
    top, mid = size * 0.10, size * 0.55
    d.rounded_rectangle(
        (size * 0.16, top, size * 0.84, mid + size * 0.05),
        radius=size // 20,
        fill=(0, 128, 128, 255),
    )
    d.polygon(
        [(size * 0.16, mid), (size * 0.84, mid), (size * 0.5, size * 0.92)], fill=(0, 128, 128, 255)
    )
    for i in range(3):  # three columns of a public building
        x = size * (0.33 + i * 0.17)
        d.rectangle(
            (x - size * 0.03, size * 0.30, x + size * 0.03, size * 0.52), fill=(255, 255, 255, 255)
        )
    d.polygon(
        [(size * 0.26, size * 0.29), (size * 0.74, size * 0.29), (size * 0.5, size * 0.17)],
        fill=(255, 255, 255, 255),
    )
    centred_text(
        d,
        (0, int(size * 0.56), size, int(size * 0.76)),
        "ΓΚΟ",
        int(size * 0.10),
        (255, 255, 255, 255),
    )
    return img


def logo_artopoieio(size: int = 560) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((size * 0.08, size * 0.28, size * 0.92, size * 0.78), fill=(176, 110, 50, 255))
    d.ellipse((size * 0.12, size * 0.30, size * 0.88, size * 0.70), fill=(214, 150, 80, 255))
    for i in range(4):  # cuts on the loaf
        x = size * (0.28 + i * 0.15)
        d.line(
            (x, size * 0.38, x + size * 0.08, size * 0.58),
            fill=(245, 215, 160, 255),
            width=size // 40,
        )
    centred_text(
        d, (0, int(size * 0.78), size, size), "Η ΚΑΛΗ ΖΥΜΗ", size // 11, (120, 70, 30, 255)
    )
    return img


def logo_energeiaki(size: int = 720) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse(
        (c - size * 0.30, c - size * 0.30, c + size * 0.30, c + size * 0.30),
        fill=(250, 190, 20, 255),
    )
    for k in range(12):
        d.pieslice(
            (size * 0.04, size * 0.04, size * 0.96, size * 0.96),
            k * 30 - 4,
            k * 30 + 4,
            fill=(250, 190, 20, 255),
        )
    d.ellipse(
        (c - size * 0.30, c - size * 0.30, c + size * 0.30, c + size * 0.30),
        fill=(250, 190, 20, 255),
    )
    # a green leaf over the sun
    d.chord(
        (c - size * 0.22, c - size * 0.10, c + size * 0.26, c + size * 0.30),
        200,
        20,
        fill=(40, 150, 70, 255),
    )
    d.chord(
        (c - size * 0.26, c - size * 0.26, c + size * 0.22, c + size * 0.14),
        20,
        200,
        fill=(40, 150, 70, 255),
    )
    centred_text(d, (0, 0, size, size), "ΕΚ", int(size * 0.16), (255, 255, 255, 255))
    return img


def logo_kykliki(size: int = 400) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    box = (size * 0.08, size * 0.08, size * 0.92, size * 0.92)
    for k, colour in enumerate([(30, 140, 90), (60, 170, 110), (20, 110, 70)]):
        start = k * 120 + 10
        d.arc(box, start, start + 95, fill=colour + (255,), width=size // 10)
        # arrow head at the end of each arc
        a = math.radians(start + 100)
        cx, cy = size / 2 + size * 0.37 * math.cos(a), size / 2 + size * 0.37 * math.sin(a)
        d.regular_polygon((cx, cy, size * 0.08), 3, rotation=-(start + 100), fill=colour + (255,))
    centred_text(d, (0, 0, size, size), "ΚΟ", int(size * 0.24), (20, 110, 70, 255))
    return img


def logo_diktyo_jpeg(size: int = 600) -> Image.Image:
    """The one JPEG logo: no transparency, so on a white square."""
    img = Image.new("RGB", (size, size), (255, 255, 255))
    d = ImageDraw.Draw(img)
    c = size / 2
    for k, colour in enumerate(
        [(230, 80, 40), (40, 120, 200), (250, 180, 30), (60, 160, 80), (150, 70, 160)]
    ):
        a = math.radians(k * 72 - 90)
        x, y = c + size * 0.28 * math.cos(a), c + size * 0.28 * math.sin(a)
        r = size * 0.13
        d.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        d.line((c, c, x, y), fill=colour, width=size // 50)
    d.ellipse(
        (c - size * 0.12, c - size * 0.12, c + size * 0.12, c + size * 0.12), fill=(40, 40, 40)
    )
    centred_text(d, (0, 0, size, size), "ΔΕ", int(size * 0.10), (255, 255, 255))
    return img


# --------------------------------------------------------------------------- photos


def photo_kitchen(rng: random.Random) -> Image.Image:
    """Upright 3000×4000 portrait: a kitchen counter with pots and vegetables under a window."""
    w, h = 3000, 4000
    img = vertical_gradient(
        (w, h), [(0, (236, 226, 205)), (0.6, (214, 196, 168)), (1, (120, 86, 60))]
    )
    d = ImageDraw.Draw(img)
    # window with sky
    sky = vertical_gradient((1500, 1300), [(0, (120, 170, 225)), (1, (205, 228, 245))])
    img.paste(sky, (750, 350))
    d.rectangle((730, 330, 2270, 1670), outline=(250, 250, 245), width=40)
    d.line((1500, 330, 1500, 1670), fill=(250, 250, 245), width=30)
    # tiles
    for y in range(1800, 2600, 160):
        d.line((0, y, w, y), fill=(225, 215, 195), width=6)
    for x in range(0, w, 160):
        d.line((x, 1800, x, 2600), fill=(225, 215, 195), width=6)
    # wooden counter
    counter = vertical_gradient((w, 1400), [(0, (168, 118, 72)), (1, (110, 72, 40))])
    counter = grain(counter, rng, 0.10, scale=12)
    img.paste(counter, (0, 2600))
    d.rectangle((0, 2580, w, 2640), fill=(90, 60, 35))
    # pots
    for x0, wd, col in (
        (300, 800, (70, 72, 78)),
        (1250, 650, (150, 152, 158)),
        (2050, 700, (60, 62, 68)),
    ):
        d.rounded_rectangle((x0, 2050, x0 + wd, 2620), radius=60, fill=col)
        d.ellipse((x0 - 20, 1990, x0 + wd + 20, 2110), fill=tuple(c + 25 for c in col))
        d.rectangle((x0 + wd // 2 - 60, 1930, x0 + wd // 2 + 60, 1995), fill=(40, 40, 40))
    # vegetables on the counter
    for _ in range(55):
        x, y = rng.randint(150, 2850), rng.randint(2750, 3700)
        r = rng.randint(60, 140)
        col = rng.choice(
            [(200, 40, 35), (230, 120, 30), (70, 140, 50), (110, 160, 60), (180, 30, 60)]
        )
        d.ellipse((x - r, y - r * 0.85, x + r, y + r * 0.85), fill=col)
        d.ellipse(
            (x - r * 0.4, y - r * 0.6, x, y - r * 0.2), fill=tuple(min(255, c + 60) for c in col)
        )
    img = img.filter(ImageFilter.GaussianBlur(2.2))
    img.paste(
        Image.new("RGB", (w, h), (255, 250, 235)),
        (0, 0),
        soft_shapes((w, h), rng, [(255, 255, 255)], 8, (120, 300), 90)
        .getchannel("A")
        .point(lambda v: v // 3),
    )
    img = vignette(img)
    return grain(img, rng, 0.035, scale=2)


def photo_people_table(rng: random.Random) -> Image.Image:
    """Upright 3000×4000 portrait: simple figures around a table at a workshop."""
    w, h = 3000, 4000
    img = vertical_gradient(
        (w, h), [(0, (210, 222, 230)), (0.5, (190, 200, 205)), (1, (150, 140, 130))]
    )
    bokeh = soft_shapes(
        (w, h // 2), rng, [(255, 240, 200), (240, 250, 255), (255, 220, 170)], 40, (60, 200), 40
    )
    img.paste(bokeh, (0, 0), bokeh)
    d = ImageDraw.Draw(img)
    skin = [(224, 180, 150), (190, 140, 110), (150, 105, 80), (236, 200, 170)]
    shirts = [
        (40, 90, 160),
        (200, 70, 60),
        (70, 140, 90),
        (230, 180, 60),
        (120, 80, 150),
        (60, 60, 70),
    ]
    # people behind the table
    for _i, cx in enumerate((450, 1100, 1750, 2450)):
        top = 1500 + rng.randint(-120, 120)
        d.rounded_rectangle(
            (cx - 300, top + 380, cx + 300, 3000), radius=220, fill=rng.choice(shirts)
        )
        d.ellipse((cx - 190, top, cx + 190, top + 420), fill=rng.choice(skin))
        d.chord(
            (cx - 200, top - 20, cx + 200, top + 260),
            180,
            360,
            fill=rng.choice([(40, 30, 25), (90, 60, 40), (150, 150, 150)]),
        )
    # table
    d.polygon([(0, 2600), (w, 2600), (w, h), (0, h)], fill=(150, 105, 65))
    d.polygon([(0, 2600), (w, 2600), (w, 2680), (0, 2680)], fill=(120, 80, 50))
    for _ in range(14):  # papers and cups
        x, y = rng.randint(100, 2700), rng.randint(2750, 3800)
        if rng.random() < 0.6:
            d.polygon(
                [(x, y), (x + 320, y - 30), (x + 350, y + 200), (x + 30, y + 230)],
                fill=(245, 245, 240),
            )
        else:
            d.ellipse((x, y, x + 170, y + 90), fill=(250, 250, 250))
            d.ellipse((x + 25, y + 12, x + 145, y + 70), fill=(110, 70, 40))
    img = img.filter(ImageFilter.GaussianBlur(2.5))
    img = vignette(img)
    return grain(img, rng, 0.035, scale=2)


def photo_garden(rng: random.Random, size=(3000, 2250)) -> Image.Image:
    """Landscape: rows of vegetables with apartment blocks and sky behind."""
    w, h = size
    img = vertical_gradient(
        (w, h),
        [
            (0, (110, 165, 225)),
            (0.35, (200, 225, 240)),
            (0.36, (150, 150, 145)),
            (0.5, (120, 95, 70)),
            (1, (90, 65, 45)),
        ],
    )
    d = ImageDraw.Draw(img)
    x = 0
    while x < w:  # apartment blocks on the horizon
        bw, bh = rng.randint(180, 420), rng.randint(180, 520)
        tone = rng.randint(200, 235)
        d.rectangle((x, h * 0.36 - bh, x + bw, h * 0.40), fill=(tone, tone - 5, tone - 15))
        for yy in range(int(h * 0.36 - bh) + 30, int(h * 0.38), 60):
            d.line((x + 10, yy, x + bw - 10, yy), fill=(tone - 60, tone - 60, tone - 55), width=8)
        x += bw + rng.randint(10, 80)
    d.rectangle((0, h * 0.39, w, h * 0.42), fill=(70, 110, 60))  # hedge
    soil = grain(Image.new("RGB", (w, int(h * 0.58)), (110, 80, 55)), rng, 0.18, scale=6)
    img.paste(soil, (0, int(h * 0.42)))
    for row in range(6):  # rows of plants, in perspective
        y = h * 0.46 + row**1.5 * h * 0.045
        r = 22 + row * 16
        for k in range(int(w / (r * 2.2))):
            cx = k * r * 2.2 + rng.randint(-8, 8) + (row % 2) * r
            colour = rng.choice([(60, 130, 50), (80, 150, 60), (50, 110, 45)])
            d.ellipse((cx - r, y - r * 0.8, cx + r, y + r * 0.8), fill=colour)
            if row % 3 == 1 and rng.random() < 0.4:
                d.ellipse(
                    (cx - r * 0.3, y - r * 0.3, cx + r * 0.3, y + r * 0.3), fill=(210, 40, 30)
                )
    img = img.filter(ImageFilter.GaussianBlur(1.6))
    return grain(vignette(img, 80), rng, 0.03, scale=2)


def photo_nursery(rng: random.Random, size=(4032, 3024)) -> Image.Image:
    """Landscape: pots of plants on benches under a translucent greenhouse roof."""
    w, h = size
    img = vertical_gradient(
        (w, h), [(0, (235, 240, 235)), (0.4, (205, 220, 205)), (1, (120, 115, 100))]
    )
    d = ImageDraw.Draw(img)
    for k in range(-6, 16):  # roof ribs converging
        d.line((w / 2, -h * 0.4, k * w / 10, h * 0.45), fill=(245, 248, 245), width=18)
    for y in (h * 0.12, h * 0.26, h * 0.40):
        d.line((0, y, w, y), fill=(230, 236, 230), width=14)
    for bench in range(3):
        top = h * (0.50 + bench * 0.16)
        d.rectangle((0, top + 90, w, top + 140), fill=(150, 130, 100))
        r = 60 + bench * 25
        for k in range(int(w / (r * 2.4)) + 1):
            cx = k * r * 2.4 + r + rng.randint(-6, 6)
            d.polygon(
                [
                    (cx - r, top),
                    (cx + r, top),
                    (cx + r * 0.75, top + 100),
                    (cx - r * 0.75, top + 100),
                ],
                fill=(90, 70, 60) if rng.random() < 0.5 else (180, 90, 50),
            )
            for _ in range(7):
                lx, ly = cx + rng.randint(-r, r), top - rng.randint(10, int(r * 1.8))
                lr = rng.randint(r // 3, r // 2)
                d.ellipse(
                    (lx - lr, ly - lr, lx + lr, ly + lr),
                    fill=rng.choice([(70, 140, 60), (90, 160, 70), (50, 120, 50)]),
                )
    img = img.filter(ImageFilter.GaussianBlur(2))
    return grain(vignette(img, 90), rng, 0.03, scale=2)


def photo_poster(rng: random.Random, size=(1200, 1600)) -> Image.Image:
    """Portrait PNG: a theatre poster with curtains and spotlights (kept smooth so it "
    "compresses)."""
    w, h = size
    img = vertical_gradient(
        (w, h),
        [(0, (40, 30, 80)), (0.45, (220, 110, 80)), (0.7, (250, 190, 110)), (1, (60, 40, 40))],
    )
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    for x, col in ((w * 0.3, (255, 250, 210, 70)), (w * 0.7, (210, 240, 255, 70))):
        d.polygon([(x - 20, 0), (x + 20, 0), (x + 260, h * 0.8), (x - 260, h * 0.8)], fill=col)
    img.paste(
        layer.filter(ImageFilter.GaussianBlur(20)),
        (0, 0),
        layer.filter(ImageFilter.GaussianBlur(20)),
    )
    d = ImageDraw.Draw(img)
    d.rectangle((0, h * 0.80, w, h), fill=(70, 45, 35))  # stage floor
    for side in (0, 1):  # curtains with folds
        for k in range(6):
            x0 = k * 45 if side == 0 else w - (k + 1) * 45
            d.rectangle((x0, 0, x0 + 45, h * 0.82 - k * 30), fill=(150 + (k % 2) * 40, 20, 30))
    d.rectangle((0, 0, w, 90), fill=(130, 15, 25))
    centred_text(
        d, (0, int(h * 0.83), w, int(h * 0.91)), "ΤΟ ΘΕΑΤΡΟ ΤΗΣ ΓΕΙΤΟΝΙΑΣ", 62, (255, 240, 210)
    )
    centred_text(
        d, (0, int(h * 0.90), w, int(h * 0.97)), "ΚΑΛΟΚΑΙΡΙ 2025 · ΠΑΡΑΔΕΙΓΜΑ", 36, (250, 210, 160)
    )
    return img


def photo_bakery_window(rng: random.Random, size=(2016, 1512)) -> Image.Image:
    """Landscape: a shop window with loaves on shelves."""
    w, h = size
    img = vertical_gradient((w, h), [(0, (90, 60, 40)), (1, (200, 160, 110))])
    d = ImageDraw.Draw(img)
    for s in range(3):
        y = h * (0.30 + s * 0.25)
        d.rectangle((0, y, w, y + 30), fill=(230, 220, 200))
        for k in range(9):
            cx = 120 + k * 220 + rng.randint(-20, 20)
            d.ellipse(
                (cx - 95, y - 110, cx + 95, y + 5),
                fill=rng.choice([(200, 135, 60), (180, 110, 50), (225, 170, 90)]),
            )
            d.arc((cx - 60, y - 95, cx + 40, y - 40), 200, 330, fill=(245, 215, 160), width=8)
    glare = soft_shapes(size, rng, [(255, 255, 255)], 6, (100, 260), 60)
    img.paste(glare, (0, 0), glare)
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    return grain(vignette(img, 90), rng, 0.035, scale=2)


def photo_bakery_team(rng: random.Random, size=(1600, 1200)) -> Image.Image:
    """Landscape: three figures in aprons in front of an oven (shows people, no consent)."""
    w, h = size
    img = vertical_gradient((w, h), [(0, (120, 90, 70)), (1, (70, 50, 40))])
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((w * 0.55, h * 0.15, w * 0.95, h * 0.6), radius=40, fill=(60, 60, 60))
    d.ellipse((w * 0.62, h * 0.25, w * 0.88, h * 0.52), fill=(250, 140, 40))
    for cx, skin in (
        (w * 0.2, (230, 190, 160)),
        (w * 0.42, (180, 130, 100)),
        (w * 0.66, (220, 175, 140)),
    ):
        d.rounded_rectangle((cx - 140, h * 0.45, cx + 140, h), radius=100, fill=(245, 245, 240))
        d.ellipse((cx - 90, h * 0.2, cx + 90, h * 0.46), fill=skin)
    img = img.filter(ImageFilter.GaussianBlur(1.8))
    return grain(vignette(img, 90), rng, 0.04, scale=2)


# --------------------------------------------------------------------------- main


def save_png(img: Image.Image, path: Path) -> None:
    img.save(path, "PNG", optimize=True)


def build(orgdir: Path) -> list[Path]:
    import pillow_heif

    pillow_heif.register_heif_opener()
    written: list[Path] = []

    def out(slug: str, name: str) -> Path:
        folder = orgdir / slug
        folder.mkdir(parents=True, exist_ok=True)
        written.append(folder / name)
        return folder / name

    # Logos: PNG with transparency, 400–800 px.
    save_png(logo_gefseis(600), out("gefseis-tis-geitonias-koinsep", "logo.png"))
    save_png(logo_neoi_orizontes(512), out("koispe-neoi-orizontes-chaidariou", "logo.png"))
    save_png(logo_frontizo(500), out("frontizo-koinsep", "logo.png"))
    save_png(
        logo_hexagon(800, (110, 60, 150), "ΙΚΚΑ"),
        out("idryma-koinonikis-kainotomias-attikis", "logo.png"),
    )
    save_png(logo_grafeio_iliou(640), out("grafeio-koinonikis-oikonomias-dimou-iliou", "logo.png"))
    save_png(logo_artopoieio(560), out("artopoieio-i-kali-zymi", "logo.png"))
    save_png(logo_energeiaki(720), out("energeiaki-koinotita-agias-varvaras", "logo.png"))
    save_png(
        logo_kykliki(400),
        out(
            "koinoniki-synetairistiki-epicheirisi-syllogikis-kai-koinonikis-ofeleias-gia-tin-proothisi-"
            "tis-kyklikis-oikonomias-tis-epanachrisis-kai-tis-episkevis-sto-aigaleo",
            "logo.png",
        ),
    )
    # The one JPEG logo.
    logo_diktyo_jpeg(600).save(
        out("diktyo-ethelonton-agias-varvaras", "logo.jpg"), "JPEG", quality=88
    )

    # Photos. Two 4000×3000 JPEGs stored sideways with Orientation=6 and GPS, as phones do.
    stored = stored_for_orientation_6(photo_kitchen(random.Random(101)))
    stored.save(
        out("gefseis-tis-geitonias-koinsep", "kouzina.jpg"),
        "JPEG",
        quality=70,
        exif=phone_exif(6, 38.0131, 23.6905, "2025:05:14 10:32:05"),
    )
    stored = stored_for_orientation_6(photo_people_table(random.Random(202)))
    stored.save(
        out("anoichti-agkalia-amke", "ergastirio.jpg"),
        "JPEG",
        quality=70,
        exif=phone_exif(6, 37.9905, 23.6762, "2025:10:03 18:05:41"),
    )
    # HEIC from a phone (upright, Orientation=1).
    photo_nursery(random.Random(303)).save(
        out("koispe-neoi-orizontes-chaidariou", "fytorio.heic"),
        quality=60,
        exif=phone_exif(1, 38.0118, 23.6637).tobytes(),
    )
    # PNG photo (a poster), WebP photo.
    save_png(
        photo_poster(random.Random(404)),
        out("politistikos-syllogos-to-theatro-tis-geitonias", "afisa-parastasis.png"),
    )
    photo_garden(random.Random(505)).save(
        out("astikos-lachanokipos-iliou", "kipos.webp"), "WEBP", quality=72, method=6
    )
    # Bakery: a shop window, and a team photo whose people have not consented.
    photo_bakery_window(random.Random(606)).save(
        out("artopoieio-i-kali-zymi", "vitrina.jpg"),
        "JPEG",
        quality=75,
        exif=phone_exif(1, 38.0551, 23.7098, "2025:09:20 07:45:12"),
    )
    photo_bakery_team(random.Random(707)).save(
        out("artopoieio-i-kali-zymi", "omada-fournou.webp"), "WEBP", quality=75
    )
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--orgdir",
        type=Path,
        default=ROOT / "organizations",
        help="the organizations folder (default: organizations/ of the project)",
    )
    args = parser.parse_args()
    for path in build(args.orgdir):
        print(f"{path.stat().st_size:>9,}  {path.relative_to(args.orgdir)}")


if __name__ == "__main__":
    main()
