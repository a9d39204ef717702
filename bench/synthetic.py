"""Synthetic content that follows the content contract, for the build benchmark.

    python bench/synthetic.py --organizations 1000 --out /tmp/bench-1000

writes ``<out>/content`` (the sample's pages plus generated workshops), ``<out>/organizations``
(N organizations with Greek and English text, every field, partners, offers and needs,
logos and photos reused from a few files) and ``<out>/baseline`` (the same text as plain
Markdown articles for stock Pelican: one per organization and language). Deterministic:
the same N gives the same files.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MUNICIPALITIES = [
    "agia-varvara",
    "agioi-anargyroi-kamatero",
    "aigaleo",
    "ilion",
    "peristeri",
    "petroupoli",
    "chaidari",
]
MUNICIPALITY_EL = [
    "Αγία Βαρβάρα",
    "Άγιοι Ανάργυροι",
    "Αιγάλεω",
    "Ίλιον",
    "Περιστέρι",
    "Πετρούπολη",
    "Χαϊδάρι",
]
KINDS = [
    ("sse", "koinsep-entaxis"),
    ("sse", "koinsep-syllogikis-ofeleias"),
    ("sse", "koispe"),
    ("sse", "synetairismos-ergazomenon"),
    ("civil-society", "amke"),
    ("civil-society", "somateio"),
    ("business", "epicheirisi"),
    ("local-authority", "dimos"),
]
SECTORS = [
    "food",
    "agriculture",
    "care",
    "health",
    "education",
    "culture",
    "tourism",
    "crafts",
    "environment",
    "energy",
    "housing",
    "digital",
    "cleaning",
    "transport",
    "consulting",
    "commerce",
]
EXCHANGE = [
    "funding",
    "premises",
    "equipment",
    "volunteers",
    "training",
    "mentoring",
    "marketing",
    "legal",
    "accounting",
    "digital",
    "transport",
    "products",
    "services",
    "partnership",
]
WORDS_EL = (
    "κοινωνική οικονομία συνεταιρισμός γειτονιά αλληλεγγύη εργασία κουζίνα κήπος "
    "εκπαίδευση φροντίδα πολιτισμός ανακύκλωση ενέργεια δίκτυο συνεργασία δήμος "
    "εθελοντές προϊόντα υπηρεσίες νέοι άνεργοι ένταξη τοπική ανάπτυξη"
).split()
WORDS_EN = (
    "social economy cooperative neighbourhood solidarity work kitchen garden education "
    "care culture recycling energy network cooperation municipality volunteers products "
    "services young unemployed inclusion local development"
).split()
NAMES_EL = [
    "Γεύσεις",
    "Κύκλος",
    "Αλληλεγγύη",
    "Ορίζοντες",
    "Φροντίδα",
    "Γειτονιά",
    "Ανάσα",
    "Πλάτανος",
    "Κυψέλη",
    "Σπόρος",
    "Γέφυρα",
    "Αγκαλιά",
]
NAMES_EN = [
    "Flavours",
    "Circle",
    "Solidarity",
    "Horizons",
    "Care",
    "Neighbourhood",
    "Breath",
    "Plane Tree",
    "Beehive",
    "Seed",
    "Bridge",
    "Embrace",
]
IMAGES = {  # reused sample files: (organization folder, file)
    "logo": ("gefseis-tis-geitonias-koinsep", "logo.png"),
    "photo": ("gefseis-tis-geitonias-koinsep", "kouzina.jpg"),
}


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, words, sentences=4) -> str:
    return " ".join(sentence(rng, words, rng.randint(8, 16)) for _ in range(sentences))


def organization(index: int, count: int, rng: random.Random) -> tuple[str, dict, str, str]:
    place = index % len(MUNICIPALITIES)
    kind, legal_form = KINDS[index % len(KINDS)]
    slug = f"foreas-{index:05d}"
    name_el = f"{NAMES_EL[index % len(NAMES_EL)]} {MUNICIPALITY_EL[place]} {index}"
    name_en = f"{NAMES_EN[index % len(NAMES_EN)]} {MUNICIPALITIES[place].title()} {index}"
    offers = sorted(rng.sample(EXCHANGE, 3))
    needs = sorted(rng.sample([c for c in EXCHANGE if c not in offers], 2))
    partners = sorted({f"foreas-{rng.randrange(count):05d}" for _ in range(3)} - {slug})
    profile = {
        "name": {"el": name_el, "en": name_en},
        "kind": kind,
        "legal_form": legal_form,
        "municipality": MUNICIPALITIES[place],
        "sectors": sorted(rng.sample(SECTORS, 2)),
        "summary": {
            "el": sentence(rng, WORDS_EL, 14)[:280],
            "en": sentence(rng, WORDS_EN, 14)[:280],
        },
        "founded": 1990 + index % 35,
        "address": {
            "el": f"Οδός Ελευθερίας {index % 200 + 1}",
            "en": f"{index % 200 + 1} Eleftherias St",
        },
        "postal_code": f"12{index % 10} {index % 100:02d}",
        "location": {
            "lat": round(38.0 + rng.uniform(-0.02, 0.04), 5),
            "lon": round(23.66 + rng.uniform(-0.02, 0.04), 5),
        },
        "contact": {
            "email": f"{slug}@example.org",
            "phone": "+30 210 000 0000",
            "website": f"https://example.org/{slug}",
        },
        "social": {"facebook": f"https://www.facebook.com/example-{slug}"},
        "offers": offers,
        "needs": needs,
        "keywords": {
            "el": [f"{rng.choice(WORDS_EL)} {MUNICIPALITY_EL[place]}"],
            "en": [f"{rng.choice(WORDS_EN)} {MUNICIPALITIES[place]}"],
        },
        "logo": {
            "file": "logo.png",
            "alt": {"el": f"Λογότυπο {name_el}", "en": f"Logo of {name_en}"},
        },
        "photos": [
            {
                "file": "photo.jpg",
                "alt": {"el": f"Φωτογραφία {name_el}", "en": f"Photo of {name_en}"},
            }
        ],
        "employees": 5 + index % 20,
        "members": 10 + index % 50,
        "vulnerable_employees": index % 5,
        "partners": partners,
        "promotion_consent": {
            "granted": index % 20 != 0,
            "date": date(2025, 1, 1) + timedelta(days=index % 300),
        },
        "updated": date(2025, 6, 1) + timedelta(days=index % 400),
    }
    about_el = (
        f"## Ποιοι είμαστε\n\n{paragraph(rng, WORDS_EL)}\n\n"
        f"## Τι κάνουμε\n\n{paragraph(rng, WORDS_EL)}\n"
    )
    about_en = (
        f"## Who we are\n\n{paragraph(rng, WORDS_EN)}\n\n"
        f"## What we do\n\n{paragraph(rng, WORDS_EN)}\n"
    )
    return slug, profile, about_el, about_en


def write_site(count: int, out: Path, images: bool = True) -> Path:
    rng = random.Random(count)
    if out.exists():
        shutil.rmtree(out)
    orgdir, content, baseline = out / "organizations", out / "content", out / "baseline"
    shutil.copytree(ROOT / "content", content)
    orgdir.mkdir(parents=True)
    (baseline / "content").mkdir(parents=True)
    for index in range(count):
        slug, profile, about_el, about_en = organization(index, count, rng)
        folder = orgdir / slug
        folder.mkdir()
        if images:
            for role, target in (("logo", "logo.png"), ("photo", "photo.jpg")):
                source_folder, name = IMAGES[role]
                _link(ROOT / "organizations" / source_folder / name, folder / target)
        else:
            profile.pop("logo"), profile.pop("photos")
        (folder / "profile.yaml").write_text(
            yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        (folder / "about.el.md").write_text(about_el, encoding="utf-8")
        (folder / "about.en.md").write_text(about_en, encoding="utf-8")
        for lang, about in (("el", about_el), ("en", about_en)):
            suffix = "" if lang == "el" else ".en"
            (baseline / "content" / f"{slug}{suffix}.md").write_text(
                f"Title: {profile['name'][lang]}\nDate: 2025-01-01\nSlug: {slug}\nLang: {lang}\n"
                f"Summary: {profile['summary'][lang]}\n\n{about}",
                encoding="utf-8",
            )
    return out


def _link(source: Path, target: Path) -> None:
    try:
        target.hardlink_to(source)
    except OSError:
        shutil.copyfile(source, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-images", action="store_true")
    args = parser.parse_args()
    write_site(args.organizations, args.out, images=not args.no_images)
    print(f"wrote {args.organizations} organizations to {args.out}")


if __name__ == "__main__":
    main()
