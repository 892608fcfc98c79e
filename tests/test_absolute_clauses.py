"""An absolute clause after a claim ("..., with Armenia accusing Azerbaijani forces of ...,
and Azerbaijan saying ...") says what its subjects said next: it sources the claims inside
it, not the claim before it (attribution.Attributor._not_absolute)."""
from __future__ import annotations

import pytest

import factx


def claims(text: str, lang: str = "en") -> list[tuple[str, str | None]]:
    return [(c.kind, c.party) for c in factx.extract(text, lang=lang).claims]


@pytest.mark.parametrize("text, expected", [
    ("The truce took effect at midnight and failed to hold, with Armenia accusing Azerbaijani forces of "
     "shelling Martuni, and Azerbaijan saying Armenian troops fired on Tartar.",
     [("ceasefire", None), ("ceasefire", None), ("attack", "armenia"), ("attack", "azerbaijan")]),
    ("The ceasefire collapsed within hours, with Baku saying Armenian forces shelled Tartar.",
     [("ceasefire", None), ("attack", "azerbaijan")]),
])
def test_an_absolute_clause_does_not_source_the_claim_before_it(text, expected):
    assert sorted(claims(text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text", [
    # a with-clause that is part of the claim, then the source: still the source
    "Four civilians were killed in Martuni, with 12 more wounded, Armenia's defence ministry said.",
    "Four civilians were killed in Martuni, with 12 more wounded, according to Armenia's defence ministry.",
])
def test_a_source_after_a_with_clause_of_the_claim_still_sources_it(text):
    assert {p for _, p in claims(text)} == {"armenia"}
