"""How an article's layout names who speaks: interviews in question and answer form (the answers
have no speech cue, yet are the interviewee's: src/factx/interviews.py, vocab term `interview`),
questions (no claims), reports that name no source (vocab term `agentless`) and headlines that
open with a quotation."""
from __future__ import annotations

import pytest

import factx


def claims_of(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.party, c.speaker) for c in factx.extract(text, lang=lang).claims]


@pytest.mark.parametrize("lang, text, speaker", [
    # the introduction names the interviewee; the answers open with a dash
    ("ru", "Глава МККК: «Мы видим разрушения»\n\n"
           "О работе в зоне конфликта «Коммерсанту» рассказал президент МККК Петер Маурер.\n\n"
           "— Где вы побывали на этой неделе?\n\n"
           "— В Барде и в Степанакерте. По нашим данным, в Барде погибли 12 мирных жителей.\n\n"
           "— Соблюдается ли перемирие?\n\n"
           "— Нет. Гуманитарное перемирие нарушается каждый день.\n", "президент МККК Петер Маурер"),
    # a label before each answer names the interviewee; "Q:" asks
    ("en", "Red Cross chief on the war\n\n"
           "In an interview, the ICRC's president described what his teams see.\n\n"
           "Q: What did you see in Barda?\n\n"
           "Peter Maurer: Houses destroyed. Twelve civilians were killed there on Tuesday.\n\n"
           "Q: Is the truce holding?\n\n"
           "Peter Maurer: No. The humanitarian ceasefire has been violated every day.\n", "Peter Maurer"),
    ("id", "Wawancara dengan Presiden ICRC\n\n"
           "Dalam wawancara dengan Kompas, Presiden ICRC Peter Maurer menjawab pertanyaan soal perang.\n\n"
           "Apa yang Anda lihat di Barda?\n\n"
           "Rumah-rumah hancur. Sebanyak 12 warga sipil tewas di sana pada Selasa.\n\n"
           "Apakah gencatan senjata bertahan?\n\n"
           "Tidak. Gencatan senjata kemanusiaan dilanggar setiap hari.\n", "Presiden ICRC Peter Maurer"),
])
def test_the_answers_of_an_interview_are_the_interviewees(lang, text, speaker):
    got = claims_of(text, lang)
    answers = [c for c in got if c[0] in ("casualty", "ceasefire")]
    assert answers and all(party == "icrc" for _, party, _ in answers), got
    assert {s for _, _, s in answers} == {speaker}, got


def test_an_outlets_label_asks_even_without_a_question_mark():
    text = ("The minister on the war\n\nAzerbaijan's Foreign Minister Jeyhun Bayramov spoke to the BBC in Baku.\n\n"
            "BBC: Is there a ceasefire today?\n\nBayramov: No. The humanitarian ceasefire was violated within hours.\n\n"
            "BBC: Armenia says your army attacks first.\n\nBayramov: This is not true. In Ganja, 13 civilians were "
            "killed on Saturday.\n")
    got = [c for c in claims_of(text, "en") if c[0] == "casualty"]
    assert got == [("casualty", "azerbaijan", "Bayramov")]


@pytest.mark.parametrize("lang, text, party", [
    # an envoy the lexicon does not know, named right after the interview word by the side he serves
    ("en", "Envoy on the war\n\nIn an interview with the Berliner Zeitung, Azerbaijan's ambassador to Germany, "
           "Ramin Hasanov, spoke about the fighting.\n\nWhat happened in Ganja?\n\nA missile hit a residential "
           "block. Thirteen civilians were killed there on Saturday.\n\nIs the truce holding?\n\nNo. The "
           "humanitarian ceasefire has been violated every day.\n", "azerbaijan"),
    ("id", "Dubes soal perang\n\nDalam wawancara dengan Kompas, Duta Besar Azerbaijan untuk Indonesia, Elnur "
           "Sultanov, bercerita soal perang.\n\nApa yang terjadi di Ganja?\n\nRudal menghantam blok perumahan. "
           "Sebanyak 13 warga sipil tewas di sana pada Sabtu.\n\nApakah gencatan senjata bertahan?\n\nTidak. "
           "Gencatan senjata kemanusiaan dilanggar setiap hari.\n", "azerbaijan"),
    # "Q:" / "Вопрос:" ask and "A:" / "Ответ:" answer for the interviewee the introduction names
    ("en", "Ombudsman on the shelling\n\nKarabakh's ombudsman Artak Beglaryan spoke to us by phone from "
           "Stepanakert.\n\nQ: What happened last night?\n\nA: The city was shelled again. Two civilians were "
           "killed.\n\nQ: Is the truce holding?\n\nA: No. The ceasefire was violated within minutes.\n",
     "nagorno-karabakh"),
    ("ru", "Омбудсмен об обстрелах\n\nОб обстрелах нам рассказал омбудсмен Карабаха Артак Бегларян.\n\n"
           "Вопрос: Что произошло ночью?\n\nОтвет: Город снова обстреляли. Погибли двое мирных жителей.\n\n"
           "Вопрос: Соблюдается ли перемирие?\n\nОтвет: Нет. Перемирие нарушено через несколько минут.\n",
     "nagorno-karabakh"),
])
def test_the_answers_go_to_the_interviewee_however_the_layout_names_him(lang, text, party):
    answers = [c for c in claims_of(text, lang) if c[0] in ("casualty", "ceasefire")]
    assert answers and all(p == party for _, p, _ in answers), answers


def test_a_claim_in_an_answer_with_its_own_speaker_keeps_it():
    text = ("An interview with the ICRC\n\n"
            "DW spoke to the ICRC's regional director Martin Schuepp.\n\n"
            "DW: How many people have been killed?\n\n"
            "We keep no count. Azerbaijan says 63 civilians have been killed. Twelve more died in Barda.\n\n"
            "DW: Is the truce holding?\n\n"
            "It was broken within hours.\n")
    got = claims_of(text, "en")
    assert [(k, p) for k, p, _ in got] == [("casualty", "azerbaijan"), ("casualty", "icrc"), ("ceasefire", "icrc")], got


@pytest.mark.parametrize("lang, text", [
    # an explainer whose subheadings are questions: the answers are the reporter's own
    ("en", "Nagorno-Karabakh: what we know\n\n"
           "Fighting broke out on 27 September.\n\n"
           "How many people have died?\n\n"
           "At least 50 civilians were killed in the first week.\n\n"
           "Where has the fighting spread?\n\n"
           "Azerbaijani forces shelled Stepanakert and Martuni.\n"),
    # one question in a report is rhetoric, not an interview
    ("ru", "Бои в Карабахе\n\n"
           "В интервью ТАСС глава МИД России Сергей Лавров призвал стороны к миру.\n\n"
           "Сколько еще продлится война?\n\n"
           "В Мартуни погибли 5 мирных жителей.\n"),
])
def test_questions_with_no_interviewee_leave_the_answers_unattributed(lang, text):
    got = [c for c in claims_of(text, lang) if c[0] in ("casualty", "attack")]
    assert got and all(party is None for _, party, _ in got), got


@pytest.mark.parametrize("lang, text, events", [
    ("en", "Is the truce holding? Who shelled Stepanakert on Monday?", []),
    ("en", "Three truces collapsed, so what now?", ["collapsed"]),
    ("ru", "Соблюдается ли перемирие? Кто обстрелял Степанакерт?", []),
    ("id", "Apakah gencatan senjata dilanggar lagi? Siapa yang menembaki Stepanakert?", []),
    ("id", "Tiga Kali Gencatan Senjata Kandas, Ke Mana Arah Perang?", ["collapsed"]),
])
def test_what_a_question_asks_is_no_claim(lang, text, events):
    got = factx.extract(text, lang=lang).claims
    assert [c.event for c in got] == events, got


def test_after_the_last_answer_the_report_speaks_in_its_own_voice():
    text = ("Глава МККК о войне\n\n"
            "Интервью Радио Свобода дал глава делегации МККК Мартин Шюпп.\n\n"
            "– Сколько погибших?\n\n"
            "– Погибли 5 мирных жителей.\n\n"
            "– А раненых?\n\n"
            "– Ранены 20 человек.\n\n"
            "Накануне в Барде погибли 3 человека.\n")
    got = claims_of(text, "ru")
    assert [p for k, p, _ in got if k == "casualty"] == ["icrc", "icrc", None], got


@pytest.mark.parametrize("lang, text, party", [
    ("ru", "Армия обороны Нагорного Карабаха опубликовала новый список. По официальным данным, погибли 604 "
           "военнослужащих.", "nagorno-karabakh"),
    ("id", "Kementerian Pertahanan Azerbaijan memperbarui data korban. Menurut data terbaru, dua warga sipil tewas di "
           "Tartar.", "azerbaijan"),
    ("en", "Armenia's defence ministry released new figures on Sunday. According to the latest figures, 710 soldiers "
           "have been killed.", "armenia"),
    # a new paragraph, or a source named after the word, is no report of the last source
    ("ru", "Армия обороны Нагорного Карабаха опубликовала новый список.\n\nПо официальным данным, погибли 604 "
           "военнослужащих.", None),
    ("id", "Kementerian Pertahanan Azerbaijan memperbarui data korban. Menurut data terbaru Reuters, dua warga sipil "
           "tewas di Tartar.", None),
    # a hedge ("reportedly", "dilaporkan") is the reporter's, as real gold reads it
    ("id", "Kementerian Pertahanan Azerbaijan memperbarui data korban. Di Tartar, dua warga sipil dilaporkan tewas.",
     None),
])
def test_a_report_that_names_no_source_goes_on_with_the_last_source(lang, text, party):
    """vocab term `agentless`: 'по официальным данным', 'menurut data terbaru', 'according to the
    latest figures' with no source named are the source of the sentence before, in its paragraph."""
    got = [c for c in factx.extract(text, lang=lang).claims if c.kind == "casualty"]
    assert [c.party for c in got] == [party], got


@pytest.mark.parametrize("lang, title, party, speaker", [
    ("ru", "«Люди ждут хоть какого-то известия». Красный Крест о пленных и пропавших", "icrc", "Красный Крест"),
    ("ru", "«Мы не остановимся»: Алиев о наступлении в Карабахе", "azerbaijan", "Алиев"),
    ("en", '"We will not stop until our lands are freed": Aliyev vows to press on', "azerbaijan", "Aliyev"),
    ("en", '"Hell on earth": Stepanakert residents hide in basements', None, None),
])
def test_a_headline_that_opens_with_a_quotation_names_its_speaker_after_it(lang, title, party, speaker):
    doc = factx.extract(title + "\n\nText of the article.\n", lang=lang)
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == [("quote", party, speaker)], doc.claims


@pytest.mark.parametrize("lang, text, parties", [
    ("en", "Artsakh ministry condemns strikes\n\n"
           "The ministry issued a statement on Sunday. Below is the full text of the statement.\n\n***\n\n"
           "Statement of the Ministry of Foreign Affairs of the Republic of Artsakh\n\n"
           "Last night the armed forces of Azerbaijan shelled the village of Chartar.\n\n"
           "Two civilians were killed and five were wounded.\n\n"
           "Stepanakert, November 1, 2020\n\n***\n\n"
           "Meanwhile, fighting went on near Fizuli, where 3 soldiers were killed.\n",
     ["nagorno-karabakh", "nagorno-karabakh", None]),
    ("ru", "МИД Азербайджана распространил заявление\n\n***\n\n"
           "Заявление Министерства иностранных дел Азербайджанской Республики\n\n"
           "Вооруженные силы Армении обстреляли город Тертер.\n\n"
           "В результате обстрела погибли два мирных жителя.\n\n***\n\n"
           "Тем временем бои шли у Физули, где погибли 3 военнослужащих.\n", ["azerbaijan", None]),
])
def test_a_statement_under_a_heading_that_names_its_author_is_the_authors(lang, text, parties):
    """A statement printed in full under a heading that names its author, after a separator line
    or an announcement, up to the next separator or its dateline: what it says in its own voice
    is the author's; the report after it is the reporter's."""
    got = factx.extract(text, lang=lang).claims
    assert [c.party for c in got if c.kind == "casualty"] == parties, got
    assert [c.party for c in got if c.kind == "attack"][0] == parties[0], got


def test_an_interviews_headline_quotation_is_the_interviewees():
    text = ("«Мы воюем не с коалицией, а с Азербайджаном»\n\n"
            "Советник президента НКР Давид Бабаян – о потерях и перемириях. Беседовала Елена Иванова, Степанакерт.\n\n"
            "– Что происходит в городе?\n\n"
            "– Ночью обстреляли Степанакерт. Погибла одна женщина.\n\n"
            "– Почему не держатся перемирия?\n\n"
            "– Потому что их нарушают с первого часа.\n")
    got = [(c.kind, c.party, c.speaker) for c in factx.extract(text, lang="ru").claims]
    assert got[0] == ("quote", "nagorno-karabakh", "Давид Бабаян"), got
    assert {(p, s) for _, p, s in got} == {("nagorno-karabakh", "Давид Бабаян")}, got


@pytest.mark.parametrize("lang, text, party", [
    # a correspondent spoke last; "в ведомстве" is the ministry named before him
    ("ru", "Число погибших военнослужащих выросло до 84, сообщила пресс-секретарь министерства обороны "
           "Армении Шушан Степанян.\n\nКак передает корреспондент \"Интерфакса\", в Степанакерте слышны "
           "взрывы.\n\nВ результате обстрела погибли двое мирных жителей, уточнили в ведомстве.", "armenia"),
    ("en", "Azerbaijan's defence ministry said Armenian forces shelled Tartar overnight.\n\n"
           "\"The windows shook all night,\" said Elnur, a local shopkeeper.\n\n"
           "Two civilians were killed, the ministry said.", "azerbaijan"),
])
def test_a_bodys_anaphor_after_a_bystander_spoke_is_the_body_named_before(lang, text, party):
    got = [c for c in factx.extract(text, lang=lang).claims if c.kind == "casualty"]
    assert [c.party for c in got][-1:] == [party]


@pytest.mark.parametrize("lang, text, party", [
    ("en", "Azerbaijan's defense ministry has claimed that more than 5,000 Armenian troops were \"put out of "
           "action since the start of the war\", while Armenia's defense ministry has said its losses stand at 729.",
     "azerbaijan"),
    ("ru", "Минобороны Азербайджана заявило, что противник «понес тяжелые потери в живой силе», а в Ереване "
           "сообщили о 729 погибших.", "azerbaijan"),
])
def test_a_speaker_past_a_contrasting_conjunction_did_not_say_the_quotation_before_it(lang, text, party):
    quotes = [c for c in factx.extract(text, lang=lang).claims if c.kind == "quote"]
    assert [c.party for c in quotes] == [party]


@pytest.mark.parametrize("lang, text, party", [
    # the topic names a side; the speaker is "the president", the one named before
    ("ru", "Президент Азербайджана Ильхам Алиев дал интервью телеканалу «Россия 24».\n\n"
           "На вопрос о присутствии сирийских боевиков президент ответил, что «в Карабахе нет никаких "
           "наемников из Сирии».", "azerbaijan"),
    ("en", "Aliyev gave an interview to Russian television.\n\nAsked about Syrian fighters, the president "
           "said \"there are no mercenaries in Karabakh at all\".", "azerbaijan"),
    ("id", "Aliyev memberikan wawancara kepada televisi Rusia.\n\nDitanya soal tentara bayaran Suriah, "
           "Aliyev mengatakan \"tidak ada tentara bayaran di Karabakh\".", "azerbaijan"),
])
def test_a_topic_before_the_speaker_names_no_speaker(lang, text, party):
    quotes = [c for c in factx.extract(text, lang=lang).claims if c.kind == "quote"]
    assert [c.party for c in quotes] == [party]


def test_each_bullet_of_a_list_is_a_sentence_with_its_own_speaker():
    # a "what we know" list: no full stop ends the first item, so before, the two items were one
    # sentence and the first item's claim took the speaker of the second
    text = ("Nagorno-Karabakh: what we know\n\n"
            "What happened on Sunday?\n\n"
            "- Two civilians were killed in Shushi\n"
            "- Heavy fighting was reported near Lachin, Azerbaijan's defence ministry said\n")
    got = [(c.kind, c.party) for c in factx.extract(text, lang="en").claims]
    assert got == [("casualty", None), ("attack", "azerbaijan")]


@pytest.mark.parametrize("lang, text", [
    ("id", "Armenia: 5 tentara tewas\n\nJakarta - Armenia mengatakan 5 tentara tewas.\n\nBaca Juga:\n"
           "Azerbaijan Klaim Rebut Desa di Fuzuli\nKorban Tewas Perang Karabakh Tembus 300 Orang\n\n"
           "Azerbaijan mengatakan 3 warga sipil tewas.\n"),
    ("en", "Armenia says 5 soldiers killed\n\nYEREVAN - Armenia said 5 soldiers were killed.\n\nREAD ALSO\n"
           "Azerbaijan claims village near Fuzuli\nKarabakh death toll rises to 300\n\n"
           "Azerbaijan said 3 civilians were killed.\n"),
])
def test_a_teaser_label_drops_every_teaser_headline_up_to_a_blank_line(lang, text):
    counts = [c.count.value for c in factx.extract(text, lang=lang).claims if c.kind == "casualty"]
    assert 300 not in counts and 3 in counts
