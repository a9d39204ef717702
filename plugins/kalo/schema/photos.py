"""Photos, described once for every kind of content that has them (organizations and
workshops): the file, its texts, the two people-consent switches, and the rule that a
photo of people without their consent is left out, with a warning."""

from __future__ import annotations

from kalo.schema.fields import Field, Files, Kind, Rule, RuleInput, group, image, localized

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif", "heic", "heif")
LOGO_EXTENSIONS = (*PHOTO_EXTENSIONS, "svg")


def photos(el: str, en: str, files: Files, *, where_el: str, where_en: str, **options) -> Field:
    names = ", ".join(files.extensions)
    return Field(
        "photos",
        Kind.LIST,
        el,
        en,
        label=options.pop("label", "Φωτογραφίες"),
        item_el="η φωτογραφία",
        item=group(
            "",
            "Φωτογραφία",
            "Photo",
            image(
                "file",
                f"Όνομα αρχείου ({names}) {where_el}",
                f"File name ({names}) {where_en}",
                files,
                label="Αρχείο",
                required=True,
                example="photo1.jpg",
            ),
            localized(
                "alt",
                "Τι δείχνει η φωτογραφία, για όσους δεν τη βλέπουν",
                "What the photo shows, for people who cannot see it",
                label="Περιγραφή εικόνας",
                el_required=True,
                required=True,
                max_length=300,
                example="Η ομάδα στο εργαστήριο",
                example_en="The team at the workshop",
            ),
            localized("caption", "Λεζάντα", "Caption", max_length=300),
            Field(
                "shows_people",
                Kind.BOOLEAN,
                "Εικονίζονται πρόσωπα (true/false)",
                "Shows people (true/false)",
                label="Εικονίζονται πρόσωπα",
                example=False,
            ),
            Field(
                "people_consent",
                Kind.BOOLEAN,
                "Τα πρόσωπα έδωσαν άδεια δημοσίευσης (true/false)",
                "The people shown gave their permission to publish (true/false)",
                label="Τα πρόσωπα έδωσαν άδεια",
                example=False,
            ),
        ),
        **options,
    )


def _photos_without_people_consent(rule: RuleInput) -> None:
    """Read as written, so that the warning is given even when a photo has other errors."""
    raw_photos = rule.raw.get("photos")
    for index, photo in enumerate(raw_photos if isinstance(raw_photos, list) else ()):
        if not isinstance(photo, dict):
            continue
        if photo.get("shows_people") is True and photo.get("people_consent") is not True:
            name = photo.get("file")
            rule.report(
                f"photos[{index}].shows_people",
                f"the photo {name} shows people but people_consent is not true; it is left out "
                "of the site until the people shown agree (then set people_consent: true)",
                f"η φωτογραφία {name} δείχνει πρόσωπα χωρίς people_consent: true· δεν "
                "δημοσιεύεται μέχρι να συμφωνήσουν τα πρόσωπα (τότε γράψτε people_consent: true)",
                severity="warning",
            )


PHOTO_PEOPLE = Rule(
    "photo-people",
    "A photo with `shows_people: true` and no `people_consent: true` is left out of the site, "
    "with a warning.",
    "Φωτογραφία με `shows_people: true` χωρίς `people_consent: true` δεν δημοσιεύεται, με "
    "προειδοποίηση.",
    _photos_without_people_consent,
)
