"""A story's home: a state body named without its country ("the Ministry of Defense",
"Минобороны", "Kejaksaan Agung") speaks for the side its dateline city lies in, or the side
of the outlet that signs its first lines (src/factx/home.py, vocab term `home_body`). A
dateline of two sides' cities, or of a city the lexicon does not place, gives no home.
Also here: a line that is only a body's name heads the section under it, and an outlet
that cites a source passes on that source's claim."""
from __future__ import annotations

import pytest

import factx


def claims(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.party, c.speaker) for c in factx.extract(text, lang=lang).claims]


@pytest.mark.parametrize("lang, text, party, speaker", [
    ("en", "Shelling of border villages\n\nBAKU, Oct 12 (Reuters) - Four civilians were killed in Tartar, "
           "the Prosecutor General's Office said on Monday.", "azerbaijan", "Prosecutor General's Office"),
    ("en", "Night of strikes\n\nYerevan, 12 October, Mediamax\n\nThe Ministry of Defence said six soldiers "
           "were killed overnight.", "armenia", "Ministry of Defence"),
    ("en", "Night of strikes\n\nTARTAR, Azerbaijan (AP) - Two civilians were wounded in the town overnight, "
           "according to the Interior Ministry.", "azerbaijan", "Interior Ministry"),
    ("ru", "Ночь обстрелов\n\nБаку. 12 октября. ИНТЕРФАКС - Министерство обороны сообщает, что погибли "
           "четыре мирных жителя.", "azerbaijan", "Министерство обороны"),
    ("ru", "Ночь обстрелов\n\nЕРЕВАН, 12 окт - Генпрокуратура сообщила, что погибли шесть мирных жителей.",
     "armenia", "Генпрокуратура"),
    ("id", "Malam serangan\n\nBAKU, KOMPAS.com - Kejaksaan Agung mengatakan empat warga sipil tewas di Tartar.",
     "azerbaijan", "Kejaksaan Agung"),
])
def test_a_bare_state_body_speaks_for_the_side_of_the_dateline(lang, text, party, speaker):
    got = [c for c in claims(text, lang) if c[0] == "casualty"]
    assert got and all(c[1:] == (party, speaker) for c in got)


@pytest.mark.parametrize("lang, text", [
    # two sides' cities: written from both
    ("en", "Strikes\n\nYEREVAN/BAKU, Oct 4 (Reuters) - Four civilians were killed, the Prosecutor General's "
           "Office said."),
    # a city the lexicon does not place: no home
    ("en", "Strikes\n\nLONDON, Oct 4 (Reuters) - Four civilians were killed, the Prosecutor General's Office said."),
    ("ru", "Удары\n\nМОСКВА, 4 окт - Генпрокуратура сообщила, что погибли четыре мирных жителя."),
    # a place list opening the body is no dateline
    ("en", "Strikes\n\nTartar, Barda and Ganja came under fire. Four civilians were killed, the Prosecutor "
           "General's Office said."),
])
def test_no_home_leaves_a_bare_body_of_no_side(lang, text):
    got = [c for c in claims(text, lang) if c[0] == "casualty"]
    assert got and all(c[1] is None for c in got)


def test_a_body_named_before_is_what_the_anaphor_means_even_in_a_home_story():
    # "Минобороны" alone points back to the ministry named last, here Armenia's, not the home's
    text = ("Удары\n\nБаку. 12 октября. - Минобороны Армении сообщило о гибели шести военнослужащих. "
            "Позднее Минобороны сообщило, что погибли еще два военнослужащих.")
    assert [c[1] for c in claims(text, "ru") if c[0] == "casualty"] == ["armenia", "armenia"]


def test_an_outlet_of_a_side_in_the_first_lines_is_the_home():
    text = ("Night of strikes\n\nAzertag, 12 October\n\nThe Ministry of Defense said 14 soldiers of the "
            "enemy were killed.")
    assert [c[1:] for c in claims(text, "en") if c[0] == "casualty"] == [("azerbaijan", "Ministry of Defense")]


def test_an_outlets_home_yields_to_the_state_the_text_was_just_about():
    text = ("Fact check\n\nHetq, 8 October\n\nBaku has not published its military losses. It has published "
            "civilian figures: according to the Prosecutor General's Office, 27 civilians had been killed.")
    assert [c[1] for c in claims(text, "en") if c[0] == "casualty"] == ["azerbaijan"]


@pytest.mark.parametrize("lang, text, party", [
    ("ru", "Главное за день\n\nМинобороны Армении\n\nВедомство сообщило о боях на юге.\n\n"
           "Минобороны Азербайджана\n\nУтром ведомство написало, что армянские силы обстреляли Тертер.",
     "azerbaijan"),
    ("en", "The day in posts\n\nArmenia's Defence Ministry:\n\nIn the morning the ministry wrote that "
           "Azerbaijani forces shelled Martuni.", "armenia"),
])
def test_a_line_that_is_only_a_bodys_name_heads_what_follows(lang, text, party):
    assert [c[1] for c in claims(text, lang) if c[0] == "attack"] == [party]


def test_an_outlet_citing_a_source_passes_on_the_sources_claim():
    text = ("Strikes\n\nBaku, August 3, APA\n\nA soldier was killed in the Lachin district, APA reports citing "
            "the Ministry of Defense.")
    assert [c[1:] for c in claims(text, "en") if c[0] == "casualty"] == [("azerbaijan", "Ministry of Defense")]
