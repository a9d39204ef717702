import pytest

from kalo.elot743 import SLUG_PATTERN, slugify, transliterate


@pytest.mark.parametrize(
    "greek, slug",
    [
        (
            "Κοινωνική Συνεταιριστική Επιχείρηση Αιγάλεω",
            "koinoniki-synetairistiki-epicheirisi-aigaleo",
        ),
        ("Άγιοι Ανάργυροι-Καματερό", "agioi-anargyroi-kamatero"),
        ("Χαϊδάρι", "chaidari"),
        ("Πετρούπολη", "petroupoli"),
        ("Ευαγγελία", "evangelia"),  # ευ before a vowel → ev; γγ → ng
        ("Ευχή", "efchi"),  # ευ before a voiceless consonant → ef
        ("Αύρα", "avra"),
        ("Ναύπλιο", "nafplio"),
        ("Αγκαλιά", "agkalia"),  # γκ → gk
        ("Σφίγξ", "sfinx"),  # γξ → nx
        ("Ελέγχω", "elencho"),  # γχ → nch
        ("Μπάμπης", "bampis"),  # μπ → b at the start, mp inside
        ("Αϋπνία", "aypnia"),  # the diaeresis splits the diphthong
        ("Ψυχή και Θέατρο", "psychi-kai-theatro"),
        ("ΚΟΙΝΩΝΩ", "koinono"),
        ("ΚοινΣΕπ «Γεύσεις» 2024!", "koinsep-gefseis-2024"),
        ("Café Solidarity", "cafe-solidarity"),
    ],
)
def test_slugify_follows_elot_743(greek, slug):
    assert slugify(greek) == slug
    assert SLUG_PATTERN.match(slug)


def test_pelican_default_would_be_wrong_for_greek_readers():
    # Unidecode, Pelican's default, gives "koinonike-sunetairistike-..."; ELOT 743 does not.
    assert transliterate("Κοινωνική Συνεταιριστική") == "koinoniki synetairistiki"
