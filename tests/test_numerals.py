"""Duckling's numeral corpus used as casualty counts: every entry must come out as its number."""
from __future__ import annotations

import pytest

import factx
from conftest import peer_numerals

TEMPLATES = {
    "id": "Kementerian Pertahanan Armenia mengatakan {X} tentara tewas.",
    "en": "Armenia's defence ministry said {X} soldiers were killed.",
}
CASES = [(lang, text, value) for lang in TEMPLATES for text, value in peer_numerals().get(lang, [])]


@pytest.mark.skipif(not CASES, reason="../shared/eval/peer/duckling_numerals.json not found")
@pytest.mark.parametrize("lang,text,value", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_duckling_numeral_as_casualty_count(lang, text, value):
    doc = factx.extract(TEMPLATES[lang].replace("{X}", text), lang=lang)
    casualties = [c for c in doc.claims if c.kind == "casualty"]
    assert [c.count.value for c in casualties] == [value]
    assert casualties[0].party == "armenia"
    assert casualties[0].outcome == "killed"
    assert casualties[0].victims == "military"


@pytest.mark.parametrize("text, lang", [
    ("Between 20 and 30 Syrian mercenaries were killed in the fighting, the monitor said.", "en"),
    ("Antara 20 hingga 30 tentara Armenia tewas dalam serangan itu.", "id"),
    ("По данным источника, погибли от 20 до 30 наемников.", "ru"),
])
def test_a_range_is_a_minimum_and_a_maximum(text, lang):
    """'between 20 and 30': min 20, max 30 (the numbers files' `ranges`), not 30 alone."""
    doc = factx.extract(text, lang=lang)
    assert [(c.count.min, c.count.max, c.count.value) for c in doc.claims] == [(20, 30, None)], doc.claims


@pytest.mark.parametrize("text, lang", [
    ("По оценке Кремля, погибли от двух до трех тысяч человек.", "ru"),
    ("Between two and three thousand people have been killed, Putin said.", "en"),
])
def test_a_scale_word_after_a_range_scales_both_ends(text, lang):
    """'от двух до трех тысяч': 2,000 to 3,000, not 2 to 3,000."""
    doc = factx.extract(text, lang=lang)
    assert [(c.count.min, c.count.max) for c in doc.claims if c.kind == "casualty"] == [(2000, 3000)], doc.claims


def test_a_plus_after_a_number_is_a_minimum():
    doc = factx.extract("Azerbaijan said 1,000+ Armenian soldiers were killed.", lang="en")
    assert [(c.count.min, c.count.value) for c in doc.claims] == [(1000, None)], doc.claims


@pytest.mark.parametrize("lang, text, minimum", [
    ("en", "The military death toll surpassed 1,000 on Sunday, Karabakh officials said.", 1000),
    ("en", "The number of dead has exceeded 1,200, the ministry said.", 1200),
    ("ru", "Число погибших военнослужащих превысило 1000 человек, сообщили в Минобороны Армении.", 1000),
    ("id", "Korban Tewas Perang Karabakh Tembus 1.000", 1000),
])
def test_a_count_after_a_verb_of_exceeding_is_a_minimum(lang, text, minimum):
    counts = [c.count for c in factx.extract(text, lang=lang).claims if c.kind == "casualty"]
    assert [(c.value, c.min) for c in counts] == [(None, minimum)]
