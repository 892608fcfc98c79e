"""English dev articles (AP, DW, BBC): every claim pinned, in order.

The articles stay in ../shared/corpus/dev (not copied into the project); the tests skip,
with the reason, where that folder is absent (a fresh clone without shared/).
"""
from __future__ import annotations

from pathlib import Path

import pytest

import factx
from conftest import cli_document, summary

DEV = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "dev"


def article(name: str) -> Path:
    path = DEV / name
    if not path.is_file():
        pytest.skip(f"dev article {name} not found in {DEV.resolve()} (the shared corpus lives beside the project)")
    return path


AP_DEATH_TOLL = [
    ("casualty", None, 600, None, None, True, "killed", "unspecified"),  # headline
    ("casualty", None, 600, None, None, True, "killed", "unspecified"),
    # "16 more ... killed today, bringing total number of dead among military members to 532": one claim
    ("casualty", "nagorno-karabakh", 532, None, None, False, "killed", "military"),
    ("casualty", "azerbaijan", 42, None, None, False, "killed", "civilian"),
    ("casualty", "nagorno-karabakh", None, 31, None, False, "killed", "civilian"),
    ("casualty", None, None, 200, None, True, "wounded", "unspecified"),  # "Hundreds more have been wounded"
    ("ceasefire", None, "proposed", None, None),  # appeals ... to end the hostilities
    ("ceasefire", None, "agreed", None, None),  # signed a ceasefire deal
    ("ceasefire", None, "agreed", None, None),  # the truce that took effect ... was brokered by Russia
    ("ceasefire", None, "violated", None, None),  # both ... accusing each other: neither side alone
    ("quote", "nagorno-karabakh", "large-scale military operations"),  # ", and Nagorno-Karabakh officials said"
    ("ceasefire", "russia", "proposed", None, None),  # urged both sides to observe the ceasefire
]

DW_TROOP_DEATHS = [
    ("ceasefire", None, "violated", None, None),  # headline: deaths despite cease-fire
    ("casualty", "azerbaijan", 4, None, None, False, "killed", "military"),
    ("ceasefire", None, "violated", None, None),  # major breach of the cease-fire (the outlet)
    ("ceasefire", None, "violated", None, None),  # traded blame for breaking the terms
    ("casualty", "azerbaijan", 4, None, None, False, "killed", "military"),
    ("casualty", "armenia", 6, None, None, False, "wounded", "military"),
    ("ceasefire", None, "agreed", None, None),  # fighting supposedly ceased ... thanks to a deal
    ("casualty", None, None, 5000, None, False, "killed", "unspecified"),
    ("ceasefire", "russia", "violated", None, None),  # subhead "Moscow confirms cease-fire violation"
    ("quote", "azerbaijan",
     "unfounded accusations against the Azeri side and the Russian peacekeepers by some Armenian leaders and media"),
    ("quote", "azerbaijan", "shouldn't try to start it all over again."),  # ''...'' quotation marks
    ("quote", "azerbaijan", "It must be very cautious and not plan any military action. This time, we will fully "
     "destroy them. It mustn't be a secret to anyone"),  # ''..." : opened and closed by different marks
    ("ceasefire", "russia", "violated", None, None),
]

BBC_BARDA = [
    ("casualty", None, 21, None, None, False, "killed", "civilian"),  # headline
    ("casualty", "azerbaijan", None, 21, None, False, "killed", "civilian"),
    ("casualty", None, None, 24, None, True, "wounded", "unspecified"),  # "intensifies.Dozens more": glued
    ("attack", None, "Barda"),
    ("quote", "azerbaijan", "used cluster munitions to inflict excessive casualties among civilians"),
    ("attack", "azerbaijan", "Barda"),
    ("quote", None, "We saw a fire... bombs have been dropped ... One fell on the car outside a bank building, "
     "fragments [of bombs] everywhere, [broken] glass [of cars/windows]... one of the bombs fell outside fire "
     "rescue station, there are dead and injured people."),  # a resident: no official side
    ("attack", "nagorno-karabakh", "Stepanakert"),  # the source misspells its speaker ("Karabkah officials"): one letter off
    ("ceasefire", None, "agreed", None, None),  # a US-brokered ceasefire was agreed: one event, not two
    ("ceasefire", None, "agreed", None, None),  # the US-brokered ceasefire ... began early on Monday
    ("ceasefire", None, "collapsed", 2, None),  # two previous agreements brokered by Russia failed
    ("ceasefire", None, "violated", None, None),  # both accused each other: neither side alone
    ("attack", "azerbaijan", "Terter"),
    ("ceasefire", "azerbaijan", "violated", None, "armenia"),  # in a "gross violation" of the agreement
    ("ceasefire", "armenia", "violated", None, "azerbaijan"),  # fired ... after the ceasefire had begun
    ("casualty", None, None, 2000, None, True, "killed", "unspecified"),  # several thousand
]


@pytest.mark.parametrize("name,expected", [
    ("en_ap-death-toll-around-600-oct13.txt", AP_DEATH_TOLL),
    ("en_dw-azerbaijan-troop-deaths-despite-ceasefire.txt", DW_TROOP_DEATHS),
    ("en_bbc-barda-missile-strike-21-civilians.txt", BBC_BARDA),
])
def test_english_article_claims(name, expected):
    doc = factx.extract(article(name).read_text(encoding="utf-8"))
    assert doc.lang == "en"
    assert [summary(c) for c in doc.claims] == expected


def test_english_article_through_the_cli():
    doc = cli_document(article("en_ap-death-toll-around-600-oct13.txt"), "en")
    assert [summary(c) for c in doc["claims"]] == AP_DEATH_TOLL


def test_transcript_title_gives_the_speaker_every_claim():
    text = ("Foreign Minister Sergey Lavrov's remarks at a news conference in Moscow\n\n"
            "We are satisfied that the ceasefire has been complied with on the ground. "
            "I said that \"all parties must respect the agreements\".\n")
    doc = factx.extract(text, lang="en")
    assert [summary(c) for c in doc.claims] == [("ceasefire", "russia", "agreed", None, None)]


def test_news_headline_about_a_statement_is_no_transcript():
    text = ("Putin's statement sparks anger in Yerevan\n\n"
            "The ceasefire has been complied with on the ground, observers say.\n")
    doc = factx.extract(text, lang="en")
    assert [summary(c) for c in doc.claims] == [("ceasefire", None, "agreed", None, None)]


def test_a_verb_joined_by_and_shares_its_subject():
    """'Turkey ... rejected calls for a ceasefire and said ...': "calls for" is a noun here,
    and "said" has Turkey for subject; neither hands the quote to the Baku it mentions."""
    text = 'Turkey, a close ally of Azerbaijan, rejected calls for a ceasefire and said it would support Baku "with all its means".'
    doc = factx.extract(text, lang="en")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == \
        [("ceasefire", "turkey", "Turkey"), ("quote", "turkey", "Turkey")]
    # with no speaker before the first verb there is nothing to share
    doc = factx.extract('Fighting resumed and officials said "the town is under fire again" on Monday.', lang="en")
    assert [(c.kind, c.party) for c in doc.claims if c.kind == "quote"] == [("quote", None)]



@pytest.mark.parametrize("text, lang", [
    ("Human Rights Watch said Azerbaijan used cluster munitions in Stepanakert and Hadrut, and accused Armenia of "
     "firing Smerch rockets at Barda.", "en"),
    ("Human Rights Watch melaporkan Azerbaijan menggunakan munisi tandan di Stepanakert dan Hadrut, serta menuduh "
     "Armenia menembakkan roket Smerch ke Barda.", "id"),
])
def test_a_verb_joined_by_and_keeps_its_subject_past_what_the_first_reported(text, lang):
    """'X said A did this, and accused B of that': X accuses, not A."""
    doc = factx.extract(text, lang=lang)
    assert [(c.party, [loc.name for loc in c.locations]) for c in doc.claims] == \
        [("hrw", ["Stepanakert", "Hadrut"]), ("hrw", ["Barda"])], doc.claims


@pytest.mark.parametrize("text, lang", [
    ("Erdogan condemned Armenia while insisting that 30 Azerbaijani civilians had been killed.", "en"),
    ("Erdogan mengecam Armenia sambil menegaskan bahwa 30 warga sipil Azerbaijan tewas.", "id"),
    ("Erdogan mengecam Armenia seraya mengatakan 30 warga sipil Azerbaijan tewas.", "id"),
])
def test_a_verb_joined_by_while_shares_its_subject(text, lang):
    """'X condemned Armenia while insisting ...', 'X mengecam Armenia sambil menegaskan ...': X goes on."""
    doc = factx.extract(text, lang=lang)
    assert [(c.kind, c.party) for c in doc.claims] == [("casualty", "turkey")], doc.claims


def test_he_said_after_a_news_outlet_is_the_last_speaker_for_a_side():
    """'he said' cannot mean the BBC: the pronoun goes back past the outlet to the last
    speaker who speaks for a side (a BBC dev article, 'Mr Aliyev told the BBC's Orla Guerin')."""
    text = ("In an interview, Mr Aliyev told the BBC's Orla Guerin said Armenia was running out of time. "
            '"Their opportunities to compromise are shrinking," he said.')
    doc = factx.extract(text, lang="en")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == [("quote", "azerbaijan", "Mr Aliyev")]
    # with no such speaker before it, the outlet is all there is: no side
    doc = factx.extract('The BBC reported that shelling went on overnight. "It was a terrible night," he said.', lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("quote", None)]


def test_a_speaker_name_misspelt_by_one_letter_still_names_its_side():
    """Wire copy has typos ('a statement issued by Karabkah officials' in a BBC dev article):
    when no name is found as written, a capitalised word one letter away from exactly one
    side's name stands for that side. Nothing else is read as a name."""
    doc = factx.extract("Karabkah officials said Azerbaijani forces shelled Stepanakert.", lang="en")
    assert [(c.party, c.speaker) for c in doc.claims] == [("nagorno-karabakh", "Karabkah officials")]
    doc = factx.extract("Hospital officials said Azerbaijani forces shelled Stepanakert.", lang="en")
    assert [(c.party, c.speaker) for c in doc.claims] == [(None, None)]
    doc = factx.extract("Kementerian Pertahanan Armenai mengatakan 5 tentara tewas.", lang="id")
    assert [(c.kind, c.party) for c in doc.claims] == [("casualty", "armenia")]


def test_one_edit():
    from factx.lexicon.gazetteer import _one_edit

    assert _one_edit("karabkah", "karabakh") and _one_edit("karabah", "karabakh") and _one_edit("armenias", "armenia")
    assert _one_edit("karabaxh", "karabakh") and not _one_edit("kbraaakh", "karabakh") and not _one_edit("abcd", "badc")


@pytest.mark.parametrize("text, party, speaker", [
    ('"We will win," Aliyev, the president, told the BBC.', "azerbaijan", "Aliyev"),
    ('Aliyev, the president, told the BBC: "We will win this war soon."', "azerbaijan", "Aliyev"),
    # the outlet closes a sentence that states the claim: it is the source, and no side
    ("Stepanakert was pounded by rockets throughout the night, according to an AFP correspondent.", None,
     "an AFP correspondent"),
    ('"Stepanakert is burning tonight again," according to an AFP correspondent.', None, "an AFP correspondent"),
])
def test_a_news_outlet_after_the_verb_is_a_hearer_only_when_a_speaker_stands_before(text, party, speaker):
    doc = factx.extract(text, lang="en")
    assert [(c.party, c.speaker) for c in doc.claims] == [(party, speaker)]


@pytest.mark.parametrize("text, party, speaker", [
    # the speech tag set off by commas inside the sentence names the speaker by its own clause,
    # not by a place of the claim before it
    ("In Stepanakert, Armenian officials said, the shelling of Shushi continued through the night.",
     "armenia", "Armenian officials"),
    # a speaker named after its cue ends where the next cue begins
    ("Azerbaijani forces shelled Martuni, a spokeswoman for the Karabakh army said, citing local residents.",
     "nagorno-karabakh", "the Karabakh army"),
    # "States" in "the United States" is no speech verb
    ("Talks were joined by the co-chairs of the OSCE Minsk Group, led by France, Russia and the United States, "
     'which described them as "intensive discussions" on the ceasefire.', "osce", "the OSCE Minsk Group"),
])
def test_a_speech_tag_between_commas_names_its_own_speaker(text, party, speaker):
    doc = factx.extract(text, lang="en")
    first = doc.claims[0]
    assert first.party == party and first.speaker.endswith(speaker), doc.claims


@pytest.mark.parametrize("text, lang, party", [
    ('"Markets were worried about supply," said one analyst in London.', "en", None),
    ("A resident of Stepanakert said the shelling of Shushi went on all night.", "en", None),
    ("Officials in Stepanakert said Azerbaijani drones struck Shushi.", "en", "nagorno-karabakh"),
    ('"We sleep in the cellar every night," Gayane, 42, told AFP from a basement in Stepanakert.', "en", None),
    ("Local officials in Nagorno-Karabakh said Azerbaijani drones struck Shushi.", "en", "nagorno-karabakh"),
    ("Seorang warga di Stepanakert mengatakan serangan ke kota Shusha berlangsung sepanjang malam.", "id", None),
    # the bystander may be named after the place
    ("Interviewed by phone from Yerevan, political analyst Richard Giragosian said the Armenian army had lost "
     "2,000 soldiers.", "en", None),
])
def test_a_bystander_located_by_a_place_speaks_for_no_side(text, lang, party):
    """A capital names its government ("Moscow said"), but "one analyst in London" or "a
    resident of Stepanakert" is only located there (vocab term `bystander`)."""
    doc = factx.extract(text, lang=lang)
    assert [c.party for c in doc.claims] == [party], doc.claims


def test_the_backer_of_a_speaker_is_not_the_speaker():
    """'Yerevan-backed separatists said ...': Yerevan (a stronger name than "separatists")
    only modifies the speaker."""
    doc = factx.extract("Yerevan-backed separatists said Azerbaijani forces shelled Martuni overnight.", lang="en")
    assert [(c.party, c.speaker) for c in doc.claims] == [("nagorno-karabakh", "Yerevan-backed separatists")]


@pytest.mark.parametrize("text, weapon", [
    ("Azerbaijan said Armenian forces fired Smerch rockets at Barda.", "rocket"),
    ("Armenian artillery shelled Tartar overnight, the Azerbaijani defence ministry said.", "artillery"),
    ("Azerbaijani forces attacked Martuni, officials said.", None),
])
def test_an_attack_names_the_weapon_its_match_holds(text, weapon):
    doc = factx.extract(text, lang="en")
    assert [(c.kind, c.weapon) for c in doc.claims] == [("attack", weapon)]


def test_a_relative_clause_after_the_speaker_does_not_name_the_speaker():
    """'X, who was also in Moscow, accused ...': Moscow (Russia) is where X was, not who spoke."""
    doc = factx.extract("Azerbaijan's foreign minister Jeyhun Bayramov, who was also in Moscow, accused Armenia of "
                        "shelling Tartar.", lang="en")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == \
        [("attack", "azerbaijan", "Azerbaijan's foreign minister Jeyhun Bayramov")]


@pytest.mark.parametrize("text, lang, party", [
    ("At least 30 people were killed in the attack, according to Russian news agency TASS.", "en", None),
    ("Russian officials told TASS that 30 people were killed.", "en", "russia"),
    ("Menurut laporan kantor berita Rusia TASS, sedikitnya 30 orang tewas dalam serangan itu.", "id", None),
])
def test_a_country_that_only_describes_a_news_outlet_is_no_side(text, lang, party):
    """"Russian news agency TASS" is the outlet, a conduit like any other; "Russian officials
    told TASS" is Russia's."""
    doc = factx.extract(text, lang=lang)
    assert [c.party for c in doc.claims] == [party], doc.claims


@pytest.mark.parametrize("text, party, speaker", [
    ("Hikmet Hajiyev, an aide to President Ilham Aliyev, said Armenian forces fired rockets at Ganja.",
     "azerbaijan", "Hikmet Hajiyev"),
    ("Armenia, for its part, said Azerbaijani forces shelled Stepanakert overnight.", "armenia", "Armenia"),
    ('"We will never give up Shushi," said Arayik Harutyunyan, the separatist leader.',
     "nagorno-karabakh", "Arayik Harutyunyan"),
])
def test_a_name_and_an_aside_before_said_name_the_speaker(text, party, speaker):
    """'X, an aide to Y, said Armenian forces ...': the verb follows a comma, as in '"...," said
    X', but the name before the aside speaks; what follows the verb is the claim."""
    doc = factx.extract(text, lang="en")
    assert [(c.party, c.speaker) for c in doc.claims] == [(party, speaker)], doc.claims


@pytest.mark.parametrize("text, lang, parties", [
    ("YEREVAN, KOMPAS.com - Pasukan Azerbaijan kembali menggempur Stepanakert pada Sabtu (3/10/2020), "
     "kata pejabat Nagorno-Karabakh.", "id", ["nagorno-karabakh"]),
    ("Sebanyak 60 warga sipil Armenia tewas, sementara 150 lainnya terluka, kata ombudsman Armenia Arman Tatoyan.",
     "id", ["armenia", "armenia"]),
    ("Kantor berita Rusia, TASS, melaporkan 3 warga sipil tewas di Stepanakert.", "id", [None]),
    # a tag whose speaker is the sentence's last words: what stands before is the claim
    ("Pasukan Armenia menembaki sejumlah kota, antara lain Tartar dan Barda, kata Hikmet Hajiyev.", "id",
     ["azerbaijan"]),
    ("Armenian forces shelled several towns, including Tartar and Barda, said Hikmet Hajiyev.", "en",
     ["azerbaijan"]),
    ("Армия обороны НКР обстреливает Тертер, Агдам и Бейлаган, заявили в Баку.", "ru", ["azerbaijan"]),
])
def test_a_clause_or_a_dateline_before_a_trailing_tag_is_no_aside(text, lang, parties):
    """Two commas before 'kata X' do not make the first part a speaker with an aside when the
    parts are a dateline or clauses with counts; an outlet set off by commas is still the outlet."""
    doc = factx.extract(text, lang=lang)
    assert [c.party for c in doc.claims] == parties, doc.claims


def test_a_person_after_a_long_title_opens_the_sentence_for_a_later_pronoun():
    """'Министр иностранных дел Армении Зограб Мнацаканян ... . ..., по его словам, ...': his."""
    text = ("Глава МИД Азербайджана заявил, что Армения нарушает перемирие.\n\n"
            "Министр иностранных дел Армении Зограб Мнацаканян в среду провел переговоры с Лавровым в Москве. "
            "Армянская сторона, по его словам, готова соблюдать режим прекращения огня.\n")
    doc = factx.extract(text, lang="ru")
    assert [(c.event, c.party) for c in doc.claims] == [("violated", "azerbaijan"), ("proposed", "armenia")]


def test_he_said_means_the_person_who_opened_the_last_sentence():
    """'Aliyev addressed the nation. "...," he said': Aliyev, not the last speaker before him."""
    text = ("According to the Defence Army, 1166 soldiers were killed.\n\n"
            "Aliyev addressed the nation on Sunday. \"We will win this war and we will return our lands,\" he said.\n")
    doc = factx.extract(text, lang="en")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == [
        ("casualty", "nagorno-karabakh", "the Defence Army"), ("quote", "azerbaijan", "Aliyev")]


def test_a_list_word_after_a_comma_is_no_part_of_a_place():
    doc = factx.extract("Armenian forces shelled Tartar, as well as Mingachevir, Baku said.", lang="en")
    assert [[loc.name for loc in c.locations] for c in doc.claims] == [["Tartar", "Mingachevir"]]


@pytest.mark.parametrize("lang, label, teaser, body", [
    ("en", "Read more:", "Azerbaijan says 12 civilians killed in Ganja strike",
     "Armenia said 40 more of its soldiers had been killed."),
    ("id", "Baca Juga", "Rudal Hantam Barda, 21 Warga Sipil Tewas",
     "Kementerian Pertahanan Armenia mengatakan 40 tentaranya tewas."),
    ("ru", "Читайте также:", "Лавров призвал Баку и Ереван прекратить огонь",
     "Минобороны Армении сообщило о гибели 40 военнослужащих."),
])
def test_a_label_line_drops_the_teaser_headline_after_it_and_the_body_goes_on(lang, label, teaser, body):
    """'Читайте также:' / 'Baca Juga' / 'Read more:' alone on a line introduce one teaser
    headline (boilerplate `label` rules): the headline is no claim, the story after it is."""
    text = f"Fighting goes on\n\nThe front was calm on Monday, officials said.\n\n{label}\n\n{teaser}\n\n{body}\n"
    doc = factx.extract(text, lang=lang)
    assert [c.evidence.text for c in doc.claims] == [body], doc.claims


@pytest.mark.parametrize("text, party", [
    ("A shell struck a house in Martakert, the region's emergency service said.", "nagorno-karabakh"),
    ("At least 40 civilians have been killed, the region's authorities said.", "nagorno-karabakh"),
])
def test_the_regions_bodies_are_karabakhs(text, party):
    """In this war's copy 'the region' is Nagorno-Karabakh: its authorities and services speak for it."""
    doc = factx.extract(text, lang="en")
    assert [c.party for c in doc.claims] == [party], doc.claims


@pytest.mark.parametrize("lang, text, expected", [
    # the wire convention: a paragraph that ends inside a quotation leaves it open
    ("en", 'Pashinyan spoke on Monday.\n\n"We are facing a war imposed on us. Our soldiers are holding the line.\n\n'
           '"The world must recognise Nagorno-Karabakh," Pashinyan said.\n',
     [("armenia", "Pashinyan", "We are facing a war imposed on us. Our soldiers are holding the line. "
                                "The world must recognise Nagorno-Karabakh")]),
    # three paragraphs, the first opening mid-paragraph after a colon
    ("id", 'Aliyev mengatakan pada Minggu: "Kami tidak akan berhenti. Tentara kami maju.\n\n'
           '"Armenia harus menarik pasukannya.\n\n"Hanya itu jalan menuju damai," kata Aliyev.\n',
     [("azerbaijan", "Aliyev", "Kami tidak akan berhenti. Tentara kami maju. Armenia harus menarik pasukannya. "
                                 "Hanya itu jalan menuju damai")]),
    # a quotation closed in its own paragraph is not carried into the next one
    ("en", '"We will not stop until our lands are free," Aliyev said.\n\n'
           '"The humanitarian truce must be respected by all," Lavrov said.\n',
     [("azerbaijan", "Aliyev", "We will not stop until our lands are free"),
      ("russia", "Lavrov", "The humanitarian truce must be respected by all")]),
])
def test_a_quotation_left_open_at_a_paragraph_end_goes_on_in_the_next(lang, text, expected):
    """'"A. B. ¶ "C," X said.': one quotation, X's, whose evidence starts at its first word."""
    doc = factx.extract(text, lang=lang)
    quotes = [c for c in doc.claims if c.kind == "quote"]
    assert [(c.party, c.speaker, c.text) for c in quotes] == expected, doc.claims
    first = quotes[0]
    assert text[first.evidence.start:first.evidence.end] == first.evidence.text
    assert first.evidence.text.startswith(('"We are', '"Kami', 'Aliyev mengatakan', '"We will'))


@pytest.mark.parametrize("text, lang, party, speaker", [
    # a namesake of Armenia's president, set apart by the apposition after the name
    ('"The shelling never stops," Armen Sargsyan, a resident of Stepanakert, told Reuters.', "en", None,
     "Armen Sargsyan"),
    ('"The shelling never stops," said Armen Sargsyan, a longtime resident of Stepanakert.', "en", None,
     "Armen Sargsyan"),
    ('"Penembakan tidak pernah berhenti," kata Armen Sargsyan, warga Stepanakert.', "id", None, "Armen Sargsyan"),
    ("«Обстрелы не прекращаются ни на минуту», — рассказал Армен Саргсян, житель Степанакерта.", "ru", None,
     "Армен Саргсян"),
    # an apposition that is no bystander, or that names the person's own side, keeps the side
    ('"We will never give up our land," Armen Sarkissian, the president of Armenia, told the BBC.', "en",
     "armenia", "Armen Sarkissian"),
    ('"Both sides want territory before winter," said Olesya Vartanyan, an analyst at the International Crisis '
     'Group.', "en", "icg", "Olesya Vartanyan"),
    # one name and an age are a person: the speaker, not the agency she spoke to
    ('"We sleep in the cellar every night," Gayane, 42, told AFP from a basement in Stepanakert.', "en", None,
     "Gayane"),
])
def test_a_person_set_apart_as_a_bystander_speaks_for_no_side(text, lang, party, speaker):
    doc = factx.extract(text, lang=lang)
    assert [(c.party, c.speaker) for c in doc.claims] == [(party, speaker)], doc.claims


@pytest.mark.parametrize("text, lang, expected", [
    # the subject of a verb in a subordinate clause stands after its conjunction
    ("A second attempt at a truce in Nagorno-Karabakh was barely hours old when both sides said it had been "
     "broken.", "en", [("ceasefire", None)]),
    ("Gencatan senjata di Nagorno-Karabakh baru berumur beberapa jam ketika kedua pihak mengatakan gencatan "
     "senjata itu dilanggar.", "id", [("ceasefire", None)]),
    ("Heavy shelling reported in Stepanakert and Ganja as international calls for a ceasefire go unheeded.", "en",
     [("attack", None), ("ceasefire", None)]),
    ("The truce collapsed as Armenia said Azerbaijani forces shelled Stepanakert.", "en",
     [("ceasefire", None), ("attack", "armenia")]),
    # ... and after the "that" of a relative clause
    ("Pashinyan rejected Baku's account that Armenian forces had fired a missile at Ganja, Azerbaijan's "
     "second-largest city, on Sunday, an attack that Azerbaijani officials say killed nine people in a "
     "residential building.", "en",
     [("attack", "armenia"), ("casualty", "azerbaijan")]),
    # an aside between commas is no subordinate clause; "AS" (the United States) is no "as"
    ("Azerbaijan's foreign ministry, speaking after talks in Moscow, said Armenian forces shelled Tartar.", "en",
     [("attack", "azerbaijan")]),
    ("Dalam pernyataan bersama, Rusia, AS dan Prancis mengecam pelanggaran gencatan senjata.", "id",
     [("ceasefire", "russia")]),
])
def test_a_speaker_in_a_subordinate_clause_stands_after_its_conjunction(text, lang, expected):
    doc = factx.extract(text, lang=lang)
    assert [(c.kind, c.party) for c in doc.claims] == expected, doc.claims


@pytest.mark.parametrize("text, places", [
    ("Armenia's defence ministry said Azerbaijani forces continued to shell Stepanakert, the region's main city, "
     "and the town of Martuni.", ["Stepanakert", "Martuni"]),
    ("Armenian forces shelled Tartar, the regional centre, and Barda.", ["Tartar", "Barda"]),
    # an aside that ends the list is no item, and no aside lets in a place the list does not name
    ("Armenian forces shelled Tartar, the regional centre.", ["Tartar"]),
    ("Kementerian Pertahanan Armenia mengatakan pasukan Azerbaijan menembaki Stepanakert, ibu kota wilayah itu, "
     "dan kota Martuni.", ["Stepanakert", "Martuni"]),
    ("Pasukan Armenia menembaki Ganja, kota terbesar kedua Azerbaijan, serta Barda, kata Hikmet Hajiyev.",
     ["Ganja", "Barda"]),
    # a preposition the list repeats is no part of a name
    ("Azerbaijani forces shelled several towns, including in Stepanakert and in Martuni, the Armenian defence "
     "ministry said.", ["Stepanakert", "Martuni"]),
])
def test_an_aside_after_a_place_of_a_list_keeps_the_list_going(text, places):
    """vocab term `list_aside`: "X, the region's main city, and Y" lists X and Y."""
    lang = "id" if " dan " in text or " serta " in text else "en"
    doc = factx.extract(text, lang=lang)
    assert [[loc.name for loc in c.locations] for c in doc.claims] == [places], doc.claims


@pytest.mark.parametrize("text, lang, expected", [
    ("В результате обстрела Степанакерта погибли двое мирных жителей. Об этом сообщила пресс-секретарь "
     "Минобороны Армении Шушан Степанян.", "ru",
     [("attack", "armenia"), ("casualty", "armenia")]),
    ("Армянские силы обстреляли Тертер. Об этом говорится в сообщении Минобороны Азербайджана.", "ru",
     [("attack", "azerbaijan")]),
    # an outlet's own report stays in its own voice
    ("В Гяндже погибли 12 человек. Об этом сообщает ТАСС.", "ru", [("casualty", None)]),
    ("Serangan roket ke kota Martuni menewaskan dua warga sipil. Demikian disampaikan Pusat Informasi Terpadu "
     "Armenia.", "id", [("attack", "armenia"), ("casualty", "armenia")]),
    ("Two civilians were killed in Stepanakert. That is according to the Armenian defence ministry.", "en",
     [("casualty", "armenia")]),
    # a sentence with a speaker of its own in between: the back reference is that speaker's
    ("Two civilians were killed in Stepanakert. Azerbaijan said it had hit military targets only. That is "
     "according to the ministry's statement.", "en", [("casualty", None)]),
])
def test_a_sentence_that_names_who_said_the_last_one_attributes_it(text, lang, expected):
    """Vocab term `back_reference`: 'Об этом сообщило X.', 'Demikian disampaikan X.', 'That is
    according to X.' name the speaker of the sentence before."""
    doc = factx.extract(text, lang=lang)
    assert [(c.kind, c.party) for c in doc.claims] == expected, doc.claims


def test_a_trailing_body_the_lexicon_does_not_know_is_the_speaker_not_the_claim_before_it():
    """'..., when Armenian artillery pounded Tartar, the country's prosecutor's office said': the
    office speaks (for the country Tartar lies in); the claim clause's 'Armenian' is not the speaker."""
    doc = factx.extract("Four civilians were killed overnight when Armenian artillery pounded the Azerbaijani town "
                        "of Tartar, the country's prosecutor general's office said on Monday.", lang="en")
    casualty = [c for c in doc.claims if c.kind == "casualty"]
    assert [(c.party, c.speaker) for c in casualty] == [("azerbaijan", "the country's prosecutor general's office")]
    # a short aside after the speaker is still passed over
    doc = factx.extract("Armenian forces shelled Tartar overnight, the Azerbaijani defence ministry, citing "
                        "intelligence, said.", lang="en")
    assert [c.party for c in doc.claims] == ["azerbaijan"]


@pytest.mark.parametrize("text, party", [
    ("Fighting also raged around Hadrut, which Azerbaijan said it captured this month.", None),
    # a tag after the relative clause, past its comma, is the whole sentence's
    ("Shells also fell on Tartar, where two civilians were killed, the Azerbaijani defence ministry added.",
     "azerbaijan"),
])
def test_a_speaker_inside_a_relative_clause_after_a_claim_is_not_its_speaker(text, party):
    doc = factx.extract(text, lang="en")
    assert [c.party for c in doc.claims if c.kind == "attack"] == [party], doc.claims


def test_a_claim_that_begins_with_its_own_speech_verb_keeps_that_verbs_speaker():
    """'The co-chairs [urged the sides to cease hostilities], and Borrell said ...': the co-chairs'."""
    doc = factx.extract("The OSCE Minsk Group co-chairs urged the sides to cease hostilities immediately, and EU "
                        "foreign policy chief Josep Borrell said the fighting must stop.", lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("ceasefire", "osce")], doc.claims


def test_the_ministry_said_is_the_last_ministry_not_the_last_speaker():
    """'The ministry also reported ...' after a minister of another side spoke: the ministry."""
    text = ("The Azerbaijani defence ministry said Armenian forces shelled Tartar overnight.\n\n"
            "Turkish Foreign Minister Mevlut Cavusoglu said Ankara stood by Baku.\n\n"
            "The ministry also reported that Armenian armed forces fired on the town of Terter.\n")
    doc = factx.extract(text, lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("attack", "azerbaijan"), ("attack", "azerbaijan")]
    # "he said" is still the last speaker
    doc = factx.extract("The Azerbaijani defence ministry said Armenian forces shelled Tartar.\n\n"
                        "Turkish Foreign Minister Mevlut Cavusoglu spoke in Ankara. \"Armenia must withdraw from "
                        "the occupied lands now,\" he said.\n", lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("attack", "azerbaijan"), ("quote", "turkey")]


@pytest.mark.parametrize("text, lang, party", [
    ("The Armenian defence ministry said 15 soldiers were killed overnight.\n\n"
     "Azerbaijani President Ilham Aliyev defended the offensive, saying 30 Armenian soldiers were killed near Fizuli.",
     "en", "azerbaijan"),
    ("The Armenian defence ministry said 15 soldiers were killed overnight.\n\n"
     "On Sunday, Turkish Foreign Minister Mevlut Cavusoglu visited Baku, adding that Armenian forces had shelled Tartar.",
     "en", "turkey"),
    ("Минобороны Армении сообщило о гибели 15 военнослужащих.\n\n"
     "Президент Азербайджана Ильхам Алиев выступил с обращением, заявив, что армянские войска обстреляли Тертер.",
     "ru", "azerbaijan"),
])
def test_a_participle_speaks_for_the_subject_that_opens_its_clause(text, lang, party):
    """'Aliyev defended the offensive, saying ...': the clause's subject goes on speaking, not
    the speaker of the sentence before."""
    doc = factx.extract(text, lang=lang)
    assert [c.party for c in doc.claims][1:] == [party], doc.claims


def test_a_participle_with_no_subject_named_is_the_last_speaker():
    doc = factx.extract("The Azerbaijani defence ministry said Armenian forces shelled Tartar overnight.\n\n"
                        "The ministry released drone footage, saying Armenian artillery also hit the town of Barda.",
                        lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("attack", "azerbaijan"), ("attack", "azerbaijan")]


@pytest.mark.parametrize("text, party, speaker", [
    ("Hikmet Hajiyev - an aide to President Ilham Aliyev - said three civilians were killed in Barda.",
     "azerbaijan", "Hikmet Hajiyev"),
    ("YEREVAN - Armenian Prime Minister Nikol Pashinyan said 40 soldiers were killed.", "armenia", None),
])
def test_an_aside_between_dashes_is_skipped_for_the_speaker_before_it(text, party, speaker):
    doc = factx.extract(text, lang="en")
    assert [c.party for c in doc.claims] == [party], doc.claims
    if speaker:
        assert doc.claims[0].speaker == speaker


@pytest.mark.parametrize("lang, text, party", [
    ("en", "Four civilians were killed when Armenian artillery pounded the Azerbaijani town of Tartar, the country's "
           "prosecutor general's office said.", "azerbaijan"),
    ("en", "Shells fell on Tartar overnight, and the country's prosecutor general's office said four civilians were "
           "killed.", "azerbaijan"),
    ("ru", "Армянская артиллерия обстреляла Тертер, погибли четыре мирных жителя, сообщила генпрокуратура страны.",
     "azerbaijan"),
    ("id", "Artileri Armenia menggempur kota Tartar dan menewaskan empat warga sipil, kata Kejaksaan Agung negara itu.",
     "azerbaijan"),
    # "both countries" is no body of one of them
    ("ru", "Обе страны заявили, что их позиции обстреляли у Физули.", None),
    # "the republic's" is the country's too: the unrecognised one where Stepanakert lies
    ("ru", "Наш корреспондент побывал в Степанакерте. Минобороны республики сообщило, что погибли 3 мирных "
           "жителя.", "nagorno-karabakh"),
    ("en", "Shells fell on Stepanakert overnight, and the republic's emergency service said three civilians were "
           "killed.", "nagorno-karabakh"),
])
def test_the_countrys_body_speaks_for_the_state_named_last(lang, text, party):
    """'..., the country's prosecutor general's office said': a body of no side named belongs to
    the state named last before it, or the one a place named last lies in (vocab `country_ref`)."""
    doc = factx.extract(text, lang=lang)
    assert doc.claims and {c.party for c in doc.claims} == {party}, doc.claims


@pytest.mark.parametrize("lang, text, party", [
    ("ru", "Агентство публикует полный текст заявления Министерства иностранных дел Республики Арцах.\n\n"
           "«Сегодня утром азербайджанские войска обстреляли Мартуни.\n\n"
           "В результате обстрела погибли два мирных жителя.\n\n"
           "Министерство иностранных дел Республики Арцах»\n", "nagorno-karabakh"),
    ("en", "The Azerbaijani foreign ministry issued the following statement on Sunday.\n\n"
           "\"Last night Armenian forces shelled the city of Tartar.\n\n"
           "As a result, three civilians were killed.\n\n"
           "The Ministry of Foreign Affairs of the Republic of Azerbaijan\"\n", "azerbaijan"),
    # an earlier sentence of the announcing paragraph names the author
    ("ru", "МИД России распространил заявление. «Российская газета» публикует документ полностью.\n\n"
           "«Особую тревогу вызывают удары по населенным пунктам.\n\n"
           "В результате ударов погибли десятки мирных жителей.»\n", "russia"),
    ("id", "Kementerian Pertahanan Armenia merilis pernyataan berikut:\n\n"
           "\"Pasukan Azerbaijan menembaki kota Stepanakert pada malam hari.\n\n"
           "Akibatnya, dua warga sipil tewas.\"\n", "armenia"),
])
def test_a_statement_quoted_in_full_over_paragraphs_is_its_authors(lang, text, party):
    """A statement printed in full inside one quotation over paragraphs (vocab `statement`): what
    it says in its own voice is the side the sentence announcing it, or its signature, names."""
    doc = factx.extract(text, lang=lang)
    assert doc.claims and {c.party for c in doc.claims if c.kind != "quote"} == {party}, doc.claims


def test_a_quotation_left_open_is_no_statement_without_an_announcement():
    """A paragraph that opens a quotation after a claim of another speaker does not hand that
    speaker the claims of the quotation."""
    text = ("Armenian forces shelled the town of Tartar, Azerbaijan's defence ministry said.\n\n"
            "\"Azerbaijani drones struck Stepanakert overnight.\n\n"
            "\"Two civilians were killed.\"\n")
    doc = factx.extract(text, lang="en")
    assert [c.party for c in doc.claims if c.kind == "casualty"] == [None], doc.claims


@pytest.mark.parametrize("lang, text", [
    ("ru", "Президент США Дональд Трамп отреагировал в Twitter. \"Поздравляю премьер-министра Армении Никола "
           "Пашиняна и президента Азербайджана Ильхама Алиева, которые только что договорились соблюдать "
           "прекращение огня. Много жизней будет спасено\", - написал он."),
    ("en", "US President Donald Trump reacted on Twitter. \"Congratulations to Armenian Prime Minister Nikol Pashinyan "
           "and Azerbaijani President Ilham Aliyev, who just agreed to adhere to a cease fire. Many lives will be "
           "saved,\" he wrote."),
])
def test_a_person_named_inside_a_quotation_is_not_who_he_said_means(lang, text):
    doc = factx.extract(text, lang=lang)
    assert {c.party for c in doc.claims} == {"usa"}, doc.claims


@pytest.mark.parametrize("lang, text, party", [
    ("ru", "Глава Мартакертского района Артур Давтян говорит, что за неделю погибли семеро мирных жителей.",
     "nagorno-karabakh"),
    ("en", "Tartar district head Mustagim Mammadov said four civilians were killed overnight.", "azerbaijan"),
    ("en", "Four civilians were killed overnight, the head of the Tartar district executive authority said.",
     "azerbaijan"),
    ("id", "Bupati Tartar mengatakan empat warga sipil tewas.", "azerbaijan"),
    # "local authorities": of the place named last before them
    ("en", "Armenian shells hit the town of Tartar overnight.\n\nLocal authorities say 12 residents have been "
           "killed since the start of hostilities.", "azerbaijan"),
    ("id", "Puluhan warga sipil terluka akibat serangan di Stepanakert, klaim otoritas setempat.", "nagorno-karabakh"),
    # a resident is located by the place, and speaks for no side
    ("en", "A resident of Tartar said four civilians were killed overnight.", None),
])
def test_a_places_own_official_speaks_for_the_side_it_lies_in(lang, text, party):
    """Vocab term `local_official`: 'the mayor of Stepanakert', 'глава Мартакертского района'."""
    doc = factx.extract(text, lang=lang)
    assert [c.party for c in doc.claims if c.kind == "casualty"] == [party], doc.claims


@pytest.mark.parametrize("lang, text", [
    ("ru", "Официальный представитель МИД Азербайджана Лейла Абдуллаева сказала, что Баку не воюет с мирным "
           "населением.\n\nВрач районной больницы Карен, отказавшийся назвать фамилию, за смену принял пятерых "
           "раненых. «Двое — дети. Ранения осколочные, тяжелые», — говорит он."),
    ("en", "Azerbaijan's foreign ministry spokeswoman Leyla Abdullayeva said Baku did not target civilians.\n\n"
           "A hospital doctor, Karen Sargsyan, treated five wounded people overnight. \"Two of them are children. "
           "The wounds are severe,\" he said."),
])
def test_he_said_after_a_named_bystander_opens_a_sentence_is_the_bystanders(lang, text):
    doc = factx.extract(text, lang=lang)
    assert [c.party for c in doc.claims if c.kind == "quote"][-1:] == [None], doc.claims


def test_a_live_feed_time_is_no_clause_break_and_no_part_of_the_speaker():
    """'13:40 Shelling resumed ..., Artsrun Hovhannisyan, a ministry representative, told a briefing.':
    the colon of the time is no break, and a name with an aside after the claim speaks."""
    text = ("13:40 The Azerbaijani armed forces resumed shelling of the front line in the morning, Artsrun "
            "Hovhannisyan, the representative of Armenia's Ministry of Defense, told a briefing.\n\n"
            "\"The enemy is using artillery and multiple rocket launchers,\" he said.\n\n"
            "15:30 Artsakh Ombudsman Artak Beglaryan said 37 civilians had been killed since the start of the war.\n")
    doc = factx.extract(text, lang="en")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == [
        ("quote", "armenia", "Artsrun Hovhannisyan"),
        ("casualty", "nagorno-karabakh", "Artsakh Ombudsman Artak Beglaryan")], doc.claims


@pytest.mark.parametrize("lang, text, party", [
    ("id", "Kedutaan Besar Azerbaijan di Jakarta mengeluarkan pernyataan resmi.\n\n"
           "Berikut isi lengkap pernyataan Kedutaan Besar Azerbaijan:\n\n"
           "PERNYATAAN PERS\n\n"
           "Pada 28 Oktober, angkatan bersenjata Armenia kembali menembaki kota Barda.\n\n"
           "Akibat serangan ini, 21 warga sipil tewas.\n\n"
           "Kedutaan Besar Republik Azerbaijan\nJakarta, 29 Oktober 2020\n", "azerbaijan"),
    # a subheading that names another side is no signature
    ("en", "The Azerbaijani foreign ministry issued the following statement:\n\n"
           "Armenian forces shelled the city of Tartar overnight.\n\n"
           "Turkey's position\n\n"
           "Three civilians were killed in Barda.\n", None),
])
def test_a_statement_with_no_quotation_marks_is_its_signatorys(lang, text, party):
    doc = factx.extract(text, lang=lang)
    assert doc.claims and {c.party for c in doc.claims if c.kind == "casualty"} == {party}, doc.claims


def test_a_claim_that_begins_inside_its_speech_cue_keeps_that_cues_speaker():
    """'He [urged both sides to honour the truce]': the claim rule takes the verb of 'He urged'."""
    doc = factx.extract("Mike Pompeo said Washington was concerned. He urged both sides to honor the humanitarian "
                        "truce.", lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("ceasefire", "usa")], doc.claims


def test_a_comma_before_chto_does_not_make_the_speech_verb_a_trailing_tag():
    """'Алиев ..., выдержки из которого приводит агентство, сказал, что ...': Aliyev said it; the
    relative clause about the outlet is no speaker, and ', что' opens what was said."""
    doc = factx.extract("Президент Ильхам Алиев в интервью телеканалу Al Jazeera, выдержки из которого приводит "
                        "агентство АЗЕРТАДЖ, сказал, что Азербайджан \"не остановится, пока не восстановит свою "
                        "территориальную целостность\".", lang="ru")
    assert [(c.kind, c.party) for c in doc.claims] == [("quote", "azerbaijan")], doc.claims


@pytest.mark.parametrize("lang, text", [
    ("ru", "Министр иностранных дел Турции Мевлют Чавушоглу заявил, что перемирие не будет долговечным.\n\n"
           "По оценке собеседника «Ведомостей» в дипломатических кругах, договоренности останутся на бумаге. "
           "«Никто не определил, кто и как будет фиксировать нарушения», — говорит он."),
    ("en", "Turkish Foreign Minister Mevlut Cavusoglu said Ankara stood by Baku.\n\n"
           "An analyst in Baku told Reuters the truce was fragile. \"Nobody has agreed how violations will be "
           "recorded,\" he said."),
])
def test_he_said_after_a_bystander_heard_by_an_outlet_is_the_bystanders(lang, text):
    """'An analyst told Reuters ...', 'по оценке собеседника «Ведомостей»': the outlet only heard it;
    a following 'he said' is the bystander's, for no side, not the last side that spoke."""
    doc = factx.extract(text, lang=lang)
    assert [(c.kind, c.party) for c in doc.claims if c.kind == "quote"][-1:] == [("quote", None)], doc.claims


@pytest.mark.parametrize("lang, text", [
    ("en", 'Armenia said Azerbaijani forces shelled Stepanakert.\n\n"We hid in the basement all night," said Anahit, '
           'a nurse. "Two of our neighbours were killed," she said.'),
    ("id", 'Armenia menuduh Azerbaijan menembaki Stepanakert.\n\n"Kami bersembunyi di ruang bawah tanah," ujar Narine, '
           'seorang guru. "Dua tetangga kami tewas," katanya.'),
    ("ru", 'Армения обвинила Азербайджан в обстреле Степанакерта.\n\n"Мы всю ночь сидели в подвале", - рассказала '
           'Анаит. "Двое соседей погибли", - добавила она.'),
])
def test_one_name_after_a_speech_verb_is_a_person_of_no_side(lang, text):
    """'"...," said Anahit': one capitalised word after the verb is a person the lexicon does not
    know; she speaks for no side, and a following 'she said' is hers, not the last side's."""
    quotes = [c for c in factx.extract(text, lang=lang).claims if c.kind == "quote"]
    assert len(quotes) == 2 and all(c.party is None and c.speaker for c in quotes), quotes


@pytest.mark.parametrize("lang, text, party", [
    ("id", 'Armenia menuding Azerbaijan. "Menyerang katedral adalah kejahatan terhadap warisan budaya," kata juru '
           'bicara kementerian, Anna Naghdalyan, dalam unggahan di Twitter.', "armenia"),
    ("en", 'Armenia accused Azerbaijan. "Attacking a cathedral is a crime against the heritage of mankind," said a '
           'ministry spokeswoman, Anna Naghdalyan, on Twitter.', "armenia"),
    # "according to him, [the claim]": what follows the comma is the claim, not a name
    ("id", 'Presiden Aliyev berbicara. Menurut dia, "pasukan Armenia menembaki kota Tartar pada malam hari."',
     "azerbaijan"),
])
def test_a_title_after_the_verb_then_a_name_between_commas_is_that_names_side(lang, text, party):
    quotes = [c for c in factx.extract(text, lang=lang).claims if c.kind == "quote"]
    assert [c.party for c in quotes] == [party], quotes


@pytest.mark.parametrize("lang, text, places", [
    ("id", "Katedral di kota Shushi, Nagorno-Karabakh, dihantam serangan roket.", ["Shushi"]),
    ("en", "Armenian rockets hit Tartar, Azerbaijan, overnight.", ["Tartar"]),
])
def test_the_region_a_place_lies_in_is_no_place_of_a_list(lang, text, places):
    """'di kota Shushi, Nagorno-Karabakh,': the region after a place locates it; it is no target."""
    got = [c for c in factx.extract(text, lang=lang).claims if c.kind == "attack"]
    assert [[loc.name for loc in c.locations] for c in got] == [places], got


def test_sejak_and_a_time_are_no_clause_before_the_speaker():
    """'Putin sejak Sabtu menyerukan ...': 'sejak' opens a time phrase, not a clause that hides the speaker."""
    doc = factx.extract("Presiden Rusia Vladimir Putin sejak Sabtu menyerukan kedua pihak segera menghentikan "
                        "tembakan.", lang="id")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == [("ceasefire", "russia", "Presiden Rusia Vladimir Putin")]


def test_a_fronted_time_before_a_name_and_its_aside_keeps_the_name_the_speaker():
    """'On Thursday, the U.N. human rights chief, Michelle Bachelet, said attacks on ...': a short
    fronted phrase is no claim before the name; the name and its aside speak."""
    doc = factx.extract("On Thursday, the U.N. human rights chief, Michelle Bachelet, said attacks on Barda, Ganja "
                        "and Stepanakert may amount to war crimes.", lang="en")
    assert [(c.kind, c.party) for c in doc.claims] == [("attack", "un")], doc.claims


def test_he_said_is_the_last_person_not_a_group_named_since():
    """'He' means a person: after 'an attack that Azerbaijani officials say killed nine', the
    next 'he said' is still Pashinyan's."""
    text = ("Pashinyan rejected Baku's account that Armenian forces had fired a missile at Ganja, Azerbaijan's "
            "second-largest city, on Sunday, an attack that Azerbaijani officials say killed nine people in a "
            "residential building.\n\n\"I can tell you that no missile was launched from Armenia,\" he said.")
    quotes = [c for c in factx.extract(text, lang="en").claims if c.kind == "quote"]
    assert [(c.party, c.speaker) for c in quotes] == [("armenia", "Pashinyan")], quotes
