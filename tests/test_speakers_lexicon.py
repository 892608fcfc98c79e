"""Speakers the lexicon names by a phrase of the trade: "a senior administration official"
is Washington's, and the private outlets of Armenia and Azerbaijan are conduits, as every
outlet is (rules/lexicon/parties.yaml)."""
from __future__ import annotations

import factx


def test_a_senior_administration_official_speaks_for_the_usa_and_the_official_is_him():
    text = ("A senior administration official said the truce could hold. \"We believe both sides now see that "
            "there is no military solution to this conflict,\" said the official.")
    assert [(c.kind, c.party) for c in factx.extract(text, lang="en").claims] == [("quote", "usa")]


def test_a_private_outlet_of_a_side_is_a_conduit_not_the_side():
    text = "Two civilians were killed in Tartar, a local resident told Report.az."
    assert [c.party for c in factx.extract(text, lang="en").claims if c.kind == "casualty"] == [None]


def test_its_body_is_the_state_named_just_before():
    # vocab term country_ref: "Its prosecutor general's office", "Его Генпрокуратура"
    en = ("Azerbaijan has not published its military losses. Its prosecutor general's office said 27 civilians "
          "were killed.")
    ru = "Азербайджан свои военные потери не раскрывает. Его Генпрокуратура сообщает о 27 погибших мирных жителях."
    assert [c.party for c in factx.extract(en, lang="en").claims] == ["azerbaijan"]
    assert [c.party for c in factx.extract(ru, lang="ru").claims] == ["azerbaijan"]
