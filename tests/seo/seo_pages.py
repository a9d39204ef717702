"""Pages for the SEO tests: one per language that passes every check, changed one field
at a time."""

from __future__ import annotations

import dataclasses

from seo.analysis import PageForAnalysis

FILLER_EL = (
    "Μαγειρεύουμε κάθε μεσημέρι με υλικά από τοπικούς παραγωγούς και τα μοιράζουμε σε "
    "όσους τα χρειάζονται. Οι εθελοντές έρχονται από όλη τη γειτονιά, νέοι και "
    "συνταξιούχοι, και δουλεύουν μαζί σε βάρδιες. Δεχόμαστε δωρεές σε τρόφιμα, σκεύη και "
    "χρόνο, και λογοδοτούμε δημόσια για κάθε ευρώ που λαμβάνουμε. "
)
FILLER_EN = (
    "We cook every noon with produce from local growers and share the meals with anyone "
    "who needs them. Volunteers come from the whole neighbourhood, young and retired, and "
    "work together in shifts. We welcome gifts of food, pots and time, and we account "
    "publicly for every euro we receive. "
)


def body(first: str, filler: str, repeats: int = 4, subheading: str = "", extra: str = "") -> str:
    parts = [f"<p>{first}</p>"]
    if subheading:
        parts.append(f"<h2>{subheading}</h2>")
    parts += [f"<p>{filler}</p>" for _ in range(repeats)]
    parts.append(extra)
    return "\n".join(parts)


GOOD_EL = PageForAnalysis(
    url="/organoseis/koinoniki-kouzina-peristeri/",
    lang="el",
    title="Κοινωνική κουζίνα Περιστέρι: ζεστό φαγητό για όλους",
    meta_description=(
        "Η κοινωνική κουζίνα στο Περιστέρι μαγειρεύει κάθε μεσημέρι με εθελοντές και "
        "μοιράζει ζεστό φαγητό σε όσους το χρειάζονται στη Δυτική Αθήνα."
    ),
    slug="koinoniki-kouzina-peristeri",
    html=body(
        "Η Κοινωνική Κουζίνα στο Περιστέρι ξεκίνησε το 2012 από κατοίκους της περιοχής.",
        FILLER_EL,
        subheading="Πώς δουλεύει η κοινωνική κουζίνα στο Περιστέρι",
        extra=(
            '<p>Δείτε και τα <a href="/ergastiria/">εργαστήρια</a> ή τον '
            '<a href="https://example.org/">ιστότοπό μας</a>.</p>'
            '<img src="a.jpg" alt="Εθελοντές στην κοινωνική κουζίνα στο Περιστέρι">'
        ),
    ),
    keyphrase="κοινωνική κουζίνα Περιστέρι",
    site_host="kalo.example.gr",
    kind="profile",
    source="organizations/koinoniki-kouzina-peristeri/profile.yaml",
)

GOOD_EN = PageForAnalysis(
    url="/en/organizations/social-kitchen-peristeri/",
    lang="en",
    title="Social kitchen Peristeri: hot meals for everyone",
    meta_description=(
        "The social kitchen in Peristeri cooks every noon with volunteers and shares hot "
        "meals with anyone who needs them in West Athens, free of charge."
    ),
    slug="social-kitchen-peristeri",
    html=body(
        "The Social Kitchen of Peristeri was started in 2012 by people of the area.",
        FILLER_EN,
        subheading="How the social kitchens of Peristeri work",
        extra=(
            '<p>See the <a href="/en/workshops/">workshops</a> or '
            '<a href="https://example.org/">our website</a>.</p>'
            '<img src="a.jpg" alt="Volunteers in the social kitchen of Peristeri">'
        ),
    ),
    keyphrase="social kitchen Peristeri",
    site_host="kalo.example.gr",
    kind="profile",
)


def change(page: PageForAnalysis, **fields) -> PageForAnalysis:
    return dataclasses.replace(page, **fields)
