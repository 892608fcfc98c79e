"""Namesakes: the lexicon knows officials by their surname alone ("Harutyunyan", "Stepanyan",
"Алиев"), and Armenian and Azerbaijani surnames are common. Another first name right before
the surname ("Karen Harutyunyan", "Гаяне Степанян") is someone else, who speaks for no side
(src/factx/speakers.py `namesake`). The official's own first name, inflected or in the other
script, a title (vocab term `title`), a side, a day, or the start of a sentence is not."""
from __future__ import annotations

import pytest

import factx


def speakers(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.party, c.speaker) for c in factx.extract(text, lang=lang).claims]


@pytest.mark.parametrize("lang, text, speaker", [
    ("en", '"We lost everything in one night," said Gayane Stepanyan, whose house in Stepanakert was hit.',
     "Gayane Stepanyan"),
    ("en", '"The shelling started at dawn and did not stop," Karen Harutyunyan told reporters in Martuni.',
     "Karen Harutyunyan"),
    ("ru", "«Мы потеряли всё за одну ночь», — рассказала Гаяне Степанян, чей дом разрушен.", "Гаяне Степанян"),
    ("id", '"Kami kehilangan segalanya dalam satu malam," kata Gayane Stepanyan kepada wartawan.',
     "Gayane Stepanyan"),
])
def test_another_first_name_before_an_officials_surname_is_a_namesake_of_no_side(lang, text, speaker):
    assert [c for c in speakers(text, lang) if c[0] == "quote"] == [("quote", None, speaker)]


@pytest.mark.parametrize("lang, text, party", [
    ("en", "Azerbaijani President Aliyev said 13 civilians were killed in Ganja.", "azerbaijan"),
    ("en", "On Tuesday Aliyev said 13 civilians were killed in Ganja.", "azerbaijan"),
    ("en", "Prime Minister Pashinyan said 13 soldiers were killed.", "armenia"),
    ("ru", "Президент Алиев заявил, что погибли 13 мирных жителей.", "azerbaijan"),
    # the official's own first name, inflected
    ("ru", "По словам Ильхама Алиева, погибли 13 мирных жителей.", "azerbaijan"),
    ("ru", "Ранее в Твиттере Гаджиев сообщил, что погибли 13 мирных жителей.", "azerbaijan"),
    ("id", "Menurut Aliyev, 13 warga sipil tewas di Ganja.", "azerbaijan"),
    ("id", "Presiden Aliyev mengatakan 13 warga sipil tewas di Ganja.", "azerbaijan"),
])
def test_a_title_or_the_officials_own_first_name_keeps_the_side(lang, text, party):
    assert [c[1] for c in speakers(text, lang)] == [party]


def test_a_place_official_of_a_namesake_speaks_for_the_state_the_place_lies_in():
    # "Арутюнян" alone is the Karabakh leader; the mayor of Jermuk, Vahe Harutyunyan, is Armenia's
    text = ("Азербайджанские войска обстреляли окрестности Джермука. «Снаряды легли у санатория», — "
            "рассказал мэр города Ваге Арутюнян.")
    got = [c for c in speakers(text, "ru") if c[0] == "quote"]
    assert got == [("quote", "armenia", "мэр города Ваге Арутюнян")]


@pytest.mark.parametrize("lang, text, party", [
    # the Karabakh ombudsman introduced by his full name; his surname alone is his, not the Armenian
    # spokeswoman's whom the lexicon knows as "Stepanyan"
    ("id", "Ombudsman Karabakh Gegham Stepanyan mengatakan rumah sakit kewalahan. Menurut Stepanyan, sedikitnya "
           "20 orang tewas dalam ledakan itu.", "nagorno-karabakh"),
    ("en", "Karabakh's ombudsman Gegham Stepanyan said hospitals were overwhelmed. According to Stepanyan, at "
           "least 20 people were killed in the blast.", "nagorno-karabakh"),
    # a resident named in full, then by his surname: a person of no side
    ("en", '"The shelling started at dawn," said Karen Harutyunyan, a teacher. According to Harutyunyan, '
           "four civilians were killed in his street.", None),
    # a president the lexicon does not know by his surname alone, introduced with his side
    ("id", "Presiden Armenia Serzh Sargsyan mengatakan serangan itu eskalasi terbesar. Menurut Sargsyan, 18 "
           "tentara tewas dalam pertempuran itu.", "armenia"),
])
def test_a_surname_alone_is_the_one_the_article_introduced_by_it(lang, text, party):
    # (introduced as the speaker of an earlier claim or statement: attribution.Clauses._introduced)
    assert [c[1] for c in speakers(text, lang) if c[0] == "casualty"] == [party]
