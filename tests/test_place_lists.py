"""Lists of places the lexicon does not wholly know: after a place word ("the villages of",
"села", "desa"), a list that closes with "and" names a place in each item, known or not
(src/factx/engine/compile.py `place_run_re`, widened to in extractor.place_run). What is no
place stays out: a side, a title before a name, a speaker after the list."""
from __future__ import annotations

import pytest

import factx


def attacked(text: str, lang: str) -> list[list[tuple[str, str | None]]]:
    return [[(loc.name, loc.place) for loc in c.locations]
            for c in factx.extract(text, lang=lang).claims if c.kind == "attack"]


@pytest.mark.parametrize("lang, text, places", [
    # every item unknown; the rule read only the first, after "the villages of"
    ("en", "Azerbaijan's defence ministry said Armenian forces shelled the villages of Qaraqoyunlu, "
           "Sarıcalı and Zeynəddin in Tartar district on Monday.",
     [("Qaraqoyunlu", None), ("Sarıcalı", None), ("Zeynəddin", None)]),
    # an unknown item between known ones: the rule stopped before it
    ("en", "Armenian troops fired on the villages of Aghdam, Kuropatkino and Shikharkh, the ministry said.",
     [("Aghdam", "aghdam-akna"), ("Kuropatkino", None), ("Shikharkh", "shikharkh")]),
    # the list before its verb: the rule began at the last, known item
    ("en", "The villages of Aghdam, Kuropatkino and Shikharkh came under heavy fire overnight, "
           "Azerbaijan's defence ministry said.",
     [("Aghdam", "aghdam-akna"), ("Kuropatkino", None), ("Shikharkh", "shikharkh")]),
    ("en", "Azerbaijani drones struck the villages of Karmir Shuka, Taghavard and Sos overnight, Armenia said.",
     [("Karmir Shuka", "karmir-shuka-qirmizi-bazar"), ("Taghavard", "tagaverd-taghavard"), ("Sos", None)]),
    ("ru", "По данным ведомства, армянские войска обстреляли села Аламсарлы, Ахмедалылар и Кюрдмахмудлу.",
     [("Аламсарлы", None), ("Ахмедалылар", None), ("Кюрдмахмудлу", None)]),
    # "сёла", spelt with ё
    ("ru", "Армянские войска обстреляли сёла Аламсарлы, Ахмедалылар и Кюрдмахмудлу, сообщило Минобороны Азербайджана.",
     [("Аламсарлы", None), ("Ахмедалылар", None), ("Кюрдмахмудлу", None)]),
    ("id", "Kementerian Pertahanan Azerbaijan mengatakan pasukan Armenia menembaki desa Qaraqoyunlu, "
           "Sarıcalı dan Zeynəddin di distrik Tartar.",
     [("Qaraqoyunlu", None), ("Sarıcalı", None), ("Zeynəddin", None)]),
])
def test_a_list_after_a_place_word_names_places_the_lexicon_does_not_know(lang, text, places):
    assert attacked(text, lang) == [places]


@pytest.mark.parametrize("lang, text, places", [
    # a side after "and" is no place
    ("en", "Azerbaijani troops shelled the villages of Talish and Armenian positions nearby, "
           "the Armenian defence ministry said.", [("Talish", "talish")]),
    # a title before a name: the list is not closed by a place
    ("en", "Azerbaijani artillery pounded the town of Martuni and President Arayik Harutyunyan said "
           "the shelling went on all night.", [("Martuni", "khojavend-martuni")]),
    # a speaker after the list, past its "and" item
    ("en", "Armenian forces shelled Azerbaijan's second largest city Ganja, as well as Mingachevir, Baku said.",
     [("Ganja", "ganja"), ("Mingachevir", "mingachevir")]),
    # no place word before the list: unknown words are not read as places
    ("en", "Armenian forces shelled Tartar and Kuropatkino, Baku said.", [("Tartar", "tartar")]),
    ("id", "Pasukan Azerbaijan menyerang kota Martuni dan Presiden Arayik Harutyunyan mengatakan serangan "
           "berlangsung semalam.", [("Martuni", "khojavend-martuni")]),
])
def test_what_is_no_place_stays_out_of_the_list(lang, text, places):
    assert attacked(text, lang) == [places]


@pytest.mark.parametrize("lang, text, places", [
    # the rear districts of Azerbaijan that the 2020 missiles reached
    ("en", "Azerbaijan said Armenian missiles struck Gabala and Khizi overnight.",
     [("Gabala", "gabala"), ("Khizi", "khizi")]),
    # the Tavush-Gazakh border (July 2020, 2021-22)
    ("ru", "Минобороны Азербайджана сообщило, что армянские военные обстреляли Газах и Агстафу.",
     [("Газах", "gazakh"), ("Агстафу", "aghstafa")]),
    # Syunik, 2021-23, under its Armenian name
    ("id", "Kementerian Pertahanan Armenia mengatakan pasukan Azerbaijan menembaki desa Tegh dan Kornidzor.",
     [("Tegh", "tegh"), ("Kornidzor", "kornidzor")]),
    # a Karabakh village under its Azerbaijani name
    ("en", "Azerbaijani troops shelled Boyuk Taglar, the Karabakh army said.",
     [("Boyuk Taglar", "boyuk-taglar-mets-tagher")]),
])
def test_places_of_the_wider_front_are_known(lang, text, places):
    assert attacked(text, lang) == [places]
