"""The seed article (Indonesian, Arrahmah.com, 1 Nov 2020): every claim pinned."""
from __future__ import annotations

import json

import factx
from conftest import SEED, run_cli


def summary(claim) -> tuple:
    c = claim.model_dump() if hasattr(claim, "model_dump") else claim
    if c["kind"] == "casualty":
        n = c["count"]
        detail = (n["value"], n["min"], n["max"], c["outcome"], c["victims"], c["victim_party"], c["since"])
    elif c["kind"] == "attack":
        detail = tuple((loc["name"], loc["place"]) for loc in c["locations"]) + (c["weapon"],)
    elif c["kind"] == "ceasefire":
        detail = (c["event"], c["count"], c["accused"])
    else:
        detail = (c["text"],)
    return (c["kind"], c["party"], *detail)


EXPECTED = [
    ("quote", "azerbaijan", "berjuang hingga titik darah penghabisan"),
    ("quote", "azerbaijan", "tidak memiliki dasar"),
    ("casualty", None, None, 1000, None, "killed", "unspecified", None, None),
    ("quote", "russia", "semua bantuan yang diperlukan"),
    ("quote", "azerbaijan", "Jika tidak ... kami akan melanjutkan dengan cara apa pun untuk memulihkan integritas "
     "teritorial kami dan … kami akan berjuang hingga titik darah penghabisan."),
    ("ceasefire", None, "proposed", None, None),
    ("ceasefire", None, "collapsed", 3, None),
    ("attack", "nagorno-karabakh", ("Martuni", "khojavend-martuni"), ("Karin Tak", "dashalti-karin-tak"),
     ("Shushi", "shusha-shushi"), "missile"),
    ("attack", "azerbaijan", ("Tovuz", "tovuz"), ("Gadabay", "gadabay"), ("Gubadli", "gubadli-kashunik"), None),
    ("attack", None, ("Aghdere", "aghdere-martakert"), ("Aghdam", "aghdam-akna"), ("Gubadli", "gubadli-kashunik"),
     ("Khojavend", "khojavend-martuni"), None),
    ("casualty", "nagorno-karabakh", 1166, None, None, "killed", "military", "nagorno-karabakh", "2020-09-27"),
    ("casualty", "nagorno-karabakh", 45, None, None, "killed", "civilian", None, None),
    ("casualty", "azerbaijan", 91, None, None, "killed", "civilian", None, None),
    ("casualty", "russia", None, None, 5000, "killed", "unspecified", None, None),
]


def test_seed_article_claims_exactly():
    doc = factx.extract(SEED.read_text(encoding="utf-8"))
    assert doc.lang == "id"
    assert doc.published == "2020-11-01"
    assert doc.title.startswith("Negosiasi Karabakh gagal")
    assert [summary(c) for c in doc.claims] == EXPECTED


def test_speakers_and_dates():
    doc = factx.extract(SEED.read_text(encoding="utf-8"))
    by_text = {c.text: c for c in doc.claims if c.kind == "quote"}
    first = by_text["berjuang hingga titik darah penghabisan"]
    assert first.speaker == "Presiden Azerbaijan Ilham Aliyev" and first.date == "2020-11-01"
    assert by_text["semua bantuan yang diperlukan"].date == "2020-10-31"
    assert by_text["tidak memiliki dasar"].speaker == "Aliyev"
    toll = [c for c in doc.claims if c.kind == "casualty" and c.count.value == 1166][0]
    assert toll.speaker == "Tentara Nagorno-Karabakh" and toll.rule == "id.casualty.says-their-own-killed-since"
    attacked = [c for c in doc.claims if c.kind == "attack" and c.party == "azerbaijan"][0]
    assert attacked.date == "2020-10-31"  # "diserang semalam": the night before publication


def test_boilerplate_after_the_body_gives_nothing():
    text = SEED.read_text(encoding="utf-8")
    end_of_body = text.index("(Althaf/arrahmah.com)")
    doc = factx.extract(text)
    assert all(c.evidence.end <= end_of_body + len("(Althaf/arrahmah.com)") for c in doc.claims)
    # "Dua puluh sembilan orang tewas" and "9.000" stand in the related-news teasers
    assert not any(c.kind == "casualty" and c.count.value in (29, 9000) for c in doc.claims)


def test_date_option_overrides_the_text(tmp_path):
    proc = run_cli("extract", "--date", "2020-11-02", str(SEED))
    doc = json.loads(proc.stdout)
    assert doc["published"] == "2020-11-02"


def test_the_speaker_ends_before_the_time_and_an_aside_in_brackets():
    """'Kementerian Pertahanan Armenia pada Selasa (29/9/2020) mengatakan ...': the bracketed
    date is no break between the speaker and the verb, and the speaker's name ends at "pada"."""
    text = ("Kementerian Pertahanan Armenia pada Selasa (29/9/2020) mengatakan 40 tentaranya tewas dan lebih dari "
            "100 lainnya luka-luka dalam bentrokan dengan pasukan Azerbaijan di Nagorno-Karabakh.")
    doc = factx.extract(text, lang="id")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == \
        [("casualty", "armenia", "Kementerian Pertahanan Armenia")] * 2


def test_a_headline_verb_names_the_headline_speaker():
    doc = factx.extract("Armenia Laporkan 40 Tentaranya Tewas dalam Pertempuran Terbaru\n\nIsi berita.", lang="id")
    assert [(c.kind, c.party, c.speaker) for c in doc.claims] == [("casualty", "armenia", "Armenia")]


def test_the_backer_of_a_speaker_is_not_the_speaker():
    doc = factx.extract("Separatis dukungan Armenia mengatakan pasukan Azerbaijan menembaki Martuni semalam.", lang="id")
    assert [(c.party, c.speaker) for c in doc.claims] == [("nagorno-karabakh", "Separatis dukungan Armenia")]


def test_an_attack_names_the_weapon_of_its_clause():
    doc = factx.extract("Pasukan Armenia menembaki kota Terter dengan artileri sepanjang malam, menurut Kementerian "
                        "Pertahanan Azerbaijan.", lang="id")
    assert [(c.kind, c.party, c.attacker, c.weapon) for c in doc.claims] == [("attack", "azerbaijan", "armenia", "artillery")]
