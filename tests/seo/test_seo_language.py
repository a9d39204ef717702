"""Greek and English keyphrase matching: case, accents, final sigma, inflection."""

from __future__ import annotations

import pytest

from seo.analysis.language import Keyphrase, keyphrase_key, same_word, sentences, word_key


@pytest.mark.parametrize(
    "text",
    [
        "κοινωνική κουζίνα",
        "Κοινωνικής Κουζίνας",
        "ΚΟΙΝΩΝΙΚΕΣ ΚΟΥΖΙΝΕΣ",
        "κοινωνικες κουζινες",  # no accents
        "της κοινωνικού κουζίνας",  # stem that Snowball shortens (κοινων-)
        "Η ΚΟΙΝΩΝΙΚΗ ΚΟΥΖΙΝΑ",
    ],
)
def test_greek_inflected_forms_match_exactly(text):
    match = Keyphrase.parse("κοινωνική κουζίνα").match(text)
    assert match.all_words and match.exact


@pytest.mark.parametrize(
    ("keyphrase", "text"),
    [
        ("προϊόντα", "ΠΡΟΪΟΝΤΩΝ"),  # diaeresis, uppercase
        ("προΐόν", "προιον"),  # ΐ (diaeresis with tonos)
        ("Ίλιον", "ΙΛΙΟΝ"),
        ("μαϊμού", "μαιμου"),
        ("ΰλη", "υλη"),  # ΰ
        ("Χαϊδάρι", "στο Χαϊδαρίου"),
        ("οικονομία", "της οικονομίας"),  # stems οικονομ / οικονομι
        ("αλληλεγγύη", "ΑΛΛΗΛΕΓΓΥΗΣ"),
        ("επιχειρήσεις", "επιχείρηση"),
    ],
)
def test_greek_accents_case_and_final_sigma_are_ignored(keyphrase, text):
    assert Keyphrase.parse(keyphrase).match(text).all_words


def test_final_sigma_is_folded():
    assert word_key("ΚΟΥΖΙΝΑΣ") == word_key("κουζίνας") == word_key("κουζινασ")


def test_diaeresis_is_folded_before_stemming():
    # Snowball's Greek stemmer turns a lowercase ϊ into η; folding first avoids it.
    assert word_key("προϊόν") == word_key("ΠΡΟΪΟΝ") == word_key("προιον")
    assert "η" not in word_key("προϊόν")


@pytest.mark.parametrize(
    "text",
    ["κουζίνα", "κοινωνική πολιτική", "κοινωνία", "Peristeri social"],
)
def test_greek_other_words_do_not_match(text):
    assert not Keyphrase.parse("κοινωνική κουζίνα").match(text).all_words


def test_words_out_of_order_match_but_not_exactly():
    match = Keyphrase.parse("κοινωνική κουζίνα").match("Η κουζίνα είναι κοινωνική")
    assert match.all_words and not match.exact


def test_stop_words_between_words_keep_the_phrase_exact():
    match = Keyphrase.parse("κουζίνα Περιστέρι").match("Κουζίνα στο Περιστέρι")
    assert match.exact and match.start == 0


def test_start_counts_content_words_only():
    match = Keyphrase.parse("κουζίνα").match("Η μεγάλη κουζίνα")
    assert match.start == 1


@pytest.mark.parametrize(
    ("keyphrase", "text"),
    [
        ("social kitchen", "Social Kitchens"),
        ("social kitchen", "the SOCIAL KITCHEN's meals"),
        ("cooperative", "cooperatives"),
        ("solidarity economy", "Solidarity economies"),
    ],
)
def test_english_matching(keyphrase, text):
    assert Keyphrase.parse(keyphrase).match(text).exact


def test_english_other_words_do_not_match():
    assert not Keyphrase.parse("social kitchen").match("social club").all_words


def test_stop_words_are_not_required():
    keyphrase = Keyphrase.parse("η κουζίνα του Περιστερίου")
    assert [w.text for w in keyphrase.words] == ["κουζίνα", "Περιστερίου"]
    assert keyphrase.match("Περιστέρι: κουζίνα").all_words


def test_a_keyphrase_of_stop_words_only_keeps_its_words():
    keyphrase = Keyphrase.parse("the and")
    assert keyphrase.only_stop_words and len(keyphrase.words) == 2


@pytest.mark.parametrize("empty", [None, "", "   ", "—"])
def test_empty_keyphrase_is_none(empty):
    assert Keyphrase.parse(empty) is None


def test_count_per_sentence_takes_the_rarest_word():
    keyphrase = Keyphrase.parse("κοινωνική κουζίνα")
    text = "Κοινωνική κουζίνα, κουζίνα. Η κοινωνική κουζίνα; Κουζίνα μόνο."
    assert keyphrase.count(sentences(text)) == 2


def test_keyphrase_key_ignores_order_and_form_but_not_language():
    assert keyphrase_key("Κοινωνική κουζίνα", "el") == keyphrase_key("κουζίνες κοινωνικές", "el")
    assert keyphrase_key("social kitchen", "el") != keyphrase_key("social kitchen", "en")
    assert keyphrase_key(None, "el") is None


def test_same_word_prefix_rule_is_for_long_greek_stems_only():
    assert same_word("κοινων", "κοινωνικ")
    assert not same_word("κοιν", "κοινων")  # too short
    assert not same_word("organ", "organiz")  # Latin: stems must be equal
