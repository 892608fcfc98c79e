"""--lang auto must pick the right language for whole articles and for one sentence."""
from __future__ import annotations

import json

import pytest

from factx.langdetect import detect
from conftest import SEED, run_cli

ONE_SENTENCE = [
    ("id", "Kementerian Pertahanan Armenia mengatakan tiga tentara tewas."),
    ("id", "Rusia memperkirakan sebanyak 5.000 kematian terjadi di kedua sisi."),
    ("id", "Azerbaijan menuduh Armenia menembaki Tartar."),
    ("id", "Gencatan senjata gagal dipertahankan"),
    ("id", "Presiden Aliyev berjanji merebut kembali Shusha"),
    ("en", "Armenia's defence ministry said 16 soldiers were killed."),
    ("en", "Azerbaijan accused Armenian forces of shelling Tartar."),
    ("en", "Ceasefire collapses within hours"),
    ("en", "Clashes between Azerbaijan and Armenia separatists leave at least 23 dead"),
    ("en", "Russia brokers a truce"),
    ("ru", "Минобороны Армении сообщило о гибели 16 военнослужащих."),
    ("ru", "Перемирие нарушено"),
    ("ru", "Азербайджан обвинил Армению в обстреле Тертера."),
]


@pytest.mark.parametrize("lang,text", ONE_SENTENCE)
def test_one_sentence(lang, text):
    assert detect(text) == lang


def test_seed_article_is_indonesian():
    assert detect(SEED.read_text(encoding="utf-8")) == "id"


def test_every_dev_article(dev_dir):
    for gold in sorted(dev_dir.glob("*.gold.json")):
        meta = json.loads(gold.read_text(encoding="utf-8"))
        text = (dev_dir / meta["article"]).read_text(encoding="utf-8")
        assert detect(text) == meta["lang"], meta["article"]


def test_no_evidence_gives_none():
    assert detect("12345 !!! ...") is None


def test_russian_sentence_gives_its_claim_with_the_russian_pack(tmp_path):
    article = tmp_path / "ru.txt"
    article.write_text("Минобороны Армении сообщило о гибели 16 военнослужащих.", encoding="utf-8")
    proc = run_cli("extract", "--compact", str(article))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["lang"] == "ru"
    assert "no rule pack" not in proc.stderr.decode()
    assert [(c["kind"], c["party"], c["count"]["value"], c["outcome"], c["victims"], c["rule"])
            for c in doc["claims"]] == [("casualty", "armenia", 16, "killed", "military", "ru.casualty.death-of")]
