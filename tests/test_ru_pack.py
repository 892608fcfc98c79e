"""The Russian rule pack on an invented wire report, through `factx.extract` and the CLI.

`fixtures/articles/ru_invented_karabakh_wire.txt` and `ru_invented_trend_ganja_strike.txt`
are written for these tests (invented reports in the style of TASS / RIA Novosti and Trend
about the 2020 war, not real articles): every claim they give is pinned, in order.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import factx
from conftest import cli_document, summary as _summary

ARTICLE = Path(__file__).parents[1] / "fixtures" / "articles" / "ru_invented_karabakh_wire.txt"


def summary(claim) -> tuple:
    return _summary(claim, places=True)


INVENTED = [
    # headline: the article's own voice
    ("casualty", None, 729, None, None, False, "killed", "military"),
    # "сообщило о гибели еще 37 военнослужащих"
    ("casualty", "nagorno-karabakh", 37, None, None, False, "killed", "military"),
    # "число погибших ... возросло до 729, говорится в сообщении ведомства": the last speaker
    ("casualty", "nagorno-karabakh", 729, None, None, False, "killed", "military"),
    # "По словам ... Шушан Степанян, азербайджанские войска ночью обстреляли Мартуни и Гадрут"
    ("attack", "armenia", "azerbaijan", ("Мартуни", "khojavend-martuni"), ("Гадрут", "hadrut")),
    # «..., — написала она. — ...»: one statement split by the tag inside the marks
    ("quote", "armenia", "Противник не прекращает удары по мирным селам ... Наши подразделения удерживают позиции"),
    # "обвинило армянскую сторону в нарушении гуманитарного перемирия"
    ("ceasefire", "azerbaijan", "violated", None, "armenia"),
    # "в результате обстрела Тертера погибли двое мирных жителей, еще 11 человек получили ранения"
    ("attack", "azerbaijan", None, ("Тертера", "tartar")),
    ("casualty", "azerbaijan", 2, None, None, False, "killed", "civilian"),
    ("casualty", "azerbaijan", 11, None, None, False, "wounded", "unspecified"),
    # "Гуманитарное перемирие, о котором стороны договорились в Москве, вступило в силу"
    ("ceasefire", None, "agreed", None, None),
    # "ожесточенные бои продолжаются на Физулинском направлении"
    ("attack", "azerbaijan", None, ("Физулинском", "fuzuli-varanda")),
    # «...», — сказал он: the president of the unrecognised republic
    ("quote", "nagorno-karabakh", "Мы будем защищать нашу землю до конца"),
    ("ceasefire", "russia", "proposed", None, None),
    ("ceasefire", "azerbaijan", "rejected", None, None),
]


def test_invented_russian_article_claims():
    doc = factx.extract(ARTICLE.read_text(encoding="utf-8"))
    assert doc.lang == "ru"
    assert str(doc.published) == "2020-10-14"
    assert [summary(c) for c in doc.claims] == INVENTED
    # the teaser after "Материалы по теме" is not the article
    assert all("освобождении" not in c.evidence.text for c in doc.claims)


def test_invented_russian_article_through_the_cli():
    doc = cli_document(ARTICLE, "ru")
    assert [summary(c) for c in doc["claims"]] == INVENTED
    speakers = {c["speaker"] for c in doc["claims"] if c["party"] == "azerbaijan"}
    assert "Помощник президента Азербайджана Хикмет Гаджиев" in speakers


TREND = Path(__file__).parents[1] / "fixtures" / "articles" / "ru_invented_trend_ganja_strike.txt"

TREND_CLAIMS = [
    # headline "Генпрокуратура: ...": a prosecutor's office of no named country, in a story
    # datelined "Баку, 18 октября, Trend": Azerbaijan's (home.py)
    ("casualty", "azerbaijan", 13, None, None, False, "killed", "unspecified"),
    # the lead's claims, sourced by the sentence after them: "Об этом говорится в сообщении
    # Генеральной прокуратуры Азербайджана."
    ("attack", "azerbaijan", None, ("Гяндже", "ganja")),
    ("casualty", "azerbaijan", 13, None, None, False, "killed", "civilian"),
    ("casualty", "azerbaijan", 52, None, None, False, "wounded", "unspecified"),
    # "Всего, как отмечается в сообщении, ... погибли 60 мирных жителей"
    ("casualty", "azerbaijan", 60, None, None, False, "killed", "civilian"),
    ("casualty", "azerbaijan", 270, None, None, False, "wounded", "unspecified"),
    # «...», - написал он: Hajiyev, named in the sentence before
    ("quote", "azerbaijan", "Армения нарушила гуманитарное перемирие уже в третий раз за неделю"),
    ("ceasefire", "azerbaijan", "violated", None, "armenia"),
    ("attack", "azerbaijan", None, ("Тертерский", "tartar"), ("Агдамский", "aghdam-akna"),
     ("Агджабединский", "aghjabadi")),
    # "уничтожены 5 танков, 3 установки «Град» и до 40 военнослужащих": only the people count
    ("casualty", None, None, None, 40, False, "killed", "military"),
    # "однако армянская сторона нарушила его через несколько минут"
    ("ceasefire", "azerbaijan", "violated", None, "armenia"),
    ("ceasefire", "azerbaijan", "proposed", None, None),
]


def test_a_second_invented_russian_article_through_the_cli():
    """An invented Trend-style report: a source named after its claims, a headline speaker, a
    quote tagged '- написал он', equipment losses beside the dead."""
    doc = cli_document(TREND, "ru")
    assert [summary(c) for c in doc["claims"]] == TREND_CLAIMS


@pytest.mark.parametrize("text, expected", [
    # the speaker after the verb: "сообщило Минобороны ..." / «...», — заявил Песков
    ("В результате обстрела погибли пять мирных жителей, сообщило Минобороны Нагорного Карабаха.",
     [("casualty", "nagorno-karabakh", 5, None, None, False, "killed", "civilian")]),
    ("«Ситуация на линии соприкосновения остается напряженной», — заявил Дмитрий Песков.",
     [("quote", "russia", "Ситуация на линии соприкосновения остается напряженной")]),
    ("Как сообщило Минобороны Армении, азербайджанские войска нанесли удар по Степанакерту.",
     [("attack", "armenia", "azerbaijan", ("Степанакерту", "khankendi-stepanakert"))]),
    # word numbers and qualifiers in their case forms
    ("Генпрокуратура Азербайджана сообщила о гибели не менее двадцати одного мирного жителя.",
     [("casualty", "azerbaijan", None, 21, None, False, "killed", "civilian")]),
    ("Путин заявил, что в ходе конфликта погибли около пяти тысяч человек.",
     [("casualty", "russia", 5000, None, None, True, "killed", "unspecified")]),
    ("Десятки мирных жителей получили ранения.",
     [("casualty", None, None, 24, None, True, "wounded", "civilian")]),
    # a mutual accusation speaks for neither side
    ("Армения и Азербайджан обвинили друг друга в нарушении перемирия.",
     [("ceasefire", None, "violated", None, None)]),
])
def test_russian_phrasings(text, expected):
    doc = factx.extract(text, lang="ru")
    assert [summary(c) for c in doc.claims] == expected


@pytest.mark.parametrize("text, party, speaker", [
    # a bystander located by a place in the genitive, with no preposition, speaks for no side
    ("Житель Степанакерта сообщил, что азербайджанские войска обстреляли Шуши.", None, "Житель Степанакерта"),
    ("Минобороны Армении сообщило, что азербайджанские войска обстреляли Шуши.", "armenia", "Минобороны Армении"),
    # ... but a person after such a word is the speaker ("told journalists Peskov")
    ("Шуши подвергся обстрелу, заявил журналистам Дмитрий Песков.", "russia", "Дмитрий Песков"),
    # a sentence adverb is no part of the speaker's name
    ("Ранее Минобороны Армении сообщило о гибели 12 военнослужащих.", "armenia", "Минобороны Армении"),
    # an independent outlet is a conduit
    ("Как сообщает Коммерсантъ, азербайджанские войска обстреляли Шуши.", None, "Коммерсантъ"),
    ("По словам Антониу Гутерриша, стороны должны соблюдать перемирие.", "un", "Антониу Гутерриша"),
])
def test_russian_speakers(text, party, speaker):
    doc = factx.extract(text, lang="ru")
    assert [c.party for c in doc.claims] == [party], doc.claims
    assert doc.claims[0].speaker.endswith(speaker), doc.claims  # ("журналистам Песков": the addressee stays)


def test_thousands_set_off_by_a_plain_space_are_one_count():
    doc = factx.extract("Минобороны Армении сообщило о гибели 1 177 военнослужащих.", lang="ru")
    assert [(c.count.value, c.outcome) for c in doc.claims] == [(1177, "killed")]
