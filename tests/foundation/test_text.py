import pytest

from kalo.text import fold, greek_upper, sort_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("Περιστέρι", "ΠΕΡΙΣΤΕΡΙ"),
        ("περιστερι", "Περιστέρι"),
        ("ΐ", "ι"),
        ("ΰ", "υ"),
        ("ϋ", "υ"),
        ("φορείς", "ΦΟΡΕΙΣ"),
    ],
)
def test_fold_ignores_case_accents_and_final_sigma(a, b):
    assert fold(a) == fold(b)


def test_greek_order_ignores_accents():
    names = ["Ωμέγα", "Άλφα", "αβγό", "Έψιλον", "Ζήτα", "ελιά", "Ίλιον"]
    assert sorted(names, key=sort_key) == [
        "αβγό",
        "Άλφα",
        "ελιά",
        "Έψιλον",
        "Ζήτα",
        "Ίλιον",
        "Ωμέγα",
    ]


@pytest.mark.parametrize(
    "text, upper",
    [
        ("Αιγάλεω", "ΑΙΓΑΛΕΩ"),
        ("Χαϊδάρι", "ΧΑΪΔΑΡΙ"),
        ("Άγιοι Ανάργυροι", "ΑΓΙΟΙ ΑΝΑΡΓΥΡΟΙ"),
        ("Ευχή", "ΕΥΧΗ"),
    ],
)
def test_greek_capitals_have_no_accents(text, upper):
    assert greek_upper(text) == upper
