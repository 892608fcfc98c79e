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
