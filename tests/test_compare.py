"""factx compare: exact figures on hand-made factx JSON, the wiring on the dev corpus."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEV = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "dev"
SEED = "id_arrahmah_2020-11-01_karabakh.txt"


def factx(*args, input: bytes | None = None, timeout: float = 300):
    env = {**os.environ, "COLUMNS": "200"}  # tables as wide as they need, whatever the test runner's terminal
    return subprocess.run([sys.executable, "-m", "factx.cli", *map(str, args)], input=input,
                          capture_output=True, timeout=timeout, env=env)


def ev(text="..."):
    return {"text": text, "start": 0, "end": len(text)}


def casualty(party, n, outcome="killed", victims="military", victim_party=None, date=None, speaker=None):
    count = {"value": None, "min": None, "max": None, "approximate": False, **n}
    return {"id": "c", "kind": "casualty", "party": party, "speaker": speaker, "evidence": ev(), "rule": "t",
            "date": date, "count": count, "outcome": outcome, "victims": victims, "victim_party": victim_party,
            "since": None}


def attack(party, places, date=None):
    return {"id": "c", "kind": "attack", "party": party, "speaker": None, "evidence": ev(), "rule": "t",
            "date": date, "locations": [{"name": n, "place": p, "naming": None} for n, p in places],
            "attacker": None, "weapon": None}


def ceasefire(party, event, accused=None, date=None):
    return {"id": "c", "kind": "ceasefire", "party": party, "speaker": None, "evidence": ev(), "rule": "t",
            "date": date, "event": event, "count": None, "accused": accused}


def quote(party, speaker, text, date=None):
    return {"id": "c", "kind": "quote", "party": party, "speaker": speaker, "evidence": ev(), "rule": "t",
            "date": date, "text": text, "direct": True}


def doc(source, published, claims):
    return {"source": source, "lang": "en", "published": published, "title": None, "claims": claims, "warnings": []}


NK_TOLL = dict(victims="military", victim_party="nagorno-karabakh")
DOCS = [
    doc("a.txt", "2020-10-20", [
        casualty("nagorno-karabakh", {"value": 729}, **NK_TOLL, speaker="Karabakh defence ministry"),
        casualty("azerbaijan", {"min": 2000, "approximate": True}, **NK_TOLL),
        attack("azerbaijan", [("Ganja", "ganja"), ("Stepanakert", "khankendi-stepanakert")]),
        ceasefire("armenia", "violated", accused="azerbaijan", date="2020-10-18"),
        quote("azerbaijan", "Ilham Aliyev", "We will take revenge on the battlefield"),
    ]),
    doc("b.txt", "2020-11-01", [
        casualty("nagorno-karabakh", {"value": 1166}, **NK_TOLL),
        casualty("russia", {"max": 5000}, victims="unspecified"),
        attack("nagorno-karabakh", [("Khankendi", "khankendi-stepanakert")], date="2020-10-31"),
        ceasefire("azerbaijan", "violated", accused="armenia"),
        ceasefire("russia", "agreed"),
        quote("azerbaijan", "Ilham Aliyev", "Karabakh is Azerbaijan"),
        quote("russia", "Kremlin", "We call on both sides to stop"),
    ]),
    doc("copy-of-b.txt", "2020-11-01", [  # the same wire story again: merged, both sources kept
        casualty("nagorno-karabakh", {"value": 1166}, **NK_TOLL),
        casualty("russia", {"max": 5000}, victims="unspecified"),
        quote("azerbaijan", "Ilham Aliyev", "Karabakh is Azerbaijan"),
    ]),
]


def compare_json(*args, docs=DOCS):
    stream = "".join(json.dumps(d) + "\n" for d in docs).encode()
    r = factx("compare", "-", "--format", "json", *args, input=stream)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def row(result, victim_party, victims, outcome):
    return next(r for r in result["casualties"]
                if (r["victim_party"], r["victims"], r["outcome"]) == (victim_party, victims, outcome))


def test_casualty_figures_side_by_side_latest_first_with_spread():
    result = compare_json()
    assert result["parties"] == ["armenia", "azerbaijan", "nagorno-karabakh", "russia"]
    nk = row(result, "nagorno-karabakh", "military", "killed")
    figures = nk["figures"]["nagorno-karabakh"]
    assert [(f["figure"], f["date"], f["articles"]) for f in figures] == [
        ("1,166", "2020-11-01", ["b.txt", "copy-of-b.txt"]),
        ("729", "2020-10-20", ["a.txt"]),
    ]
    assert figures[1]["speaker"] == "Karabakh defence ministry"
    (aze,) = nk["figures"]["azerbaijan"]
    assert (aze["figure"], aze["qualifier"], aze["count"]["min"]) == ("at least ~2,000", "at least", 2000)
    assert nk["spread"] == {"low": {"party": "nagorno-karabakh", "count": 1166},
                            "high": {"party": "azerbaijan", "count": 2000}, "difference": 834}
    russia = row(result, None, "unspecified", "killed")
    (fig,) = russia["figures"]["russia"]
    assert (fig["figure"], fig["qualifier"], fig["count"]["max"], fig["articles"]) == \
        ("as many as 5,000", "as many as", 5000, ["b.txt", "copy-of-b.txt"])
    assert russia["spread"] is None  # one party only


def test_attacked_places_with_both_sides_names():
    result = compare_json()
    top = result["attacks"][0]
    assert top["place"] == "khankendi-stepanakert"
    assert (top["armenian"], top["azerbaijani"]) == ("Stepanakert", "Khankendi")
    assert top["as_written"] == ["Stepanakert", "Khankendi"]
    assert {p: [x["date"] for x in xs] for p, xs in top["reports"].items()} == \
        {"azerbaijan": ["2020-10-20"], "nagorno-karabakh": ["2020-10-31"]}
    assert [r["place"] for r in result["attacks"]] == ["khankendi-stepanakert", "ganja"]


def test_ceasefires_and_who_accuses_whom():
    cf = compare_json()["ceasefires"]
    assert [e["event"] for e in cf["events"]] == ["agreed", "violated"]
    violated = cf["events"][1]["reports"]
    assert violated["armenia"][0]["accused"] == "azerbaijan" and violated["armenia"][0]["date"] == "2020-10-18"
    assert [(a["accuser"], a["accused"], a["reports"]) for a in cf["accusations"]] == \
        [("armenia", "azerbaijan", 1), ("azerbaijan", "armenia", 1)]


def test_quotes_per_speaker_with_the_latest():
    quotes = compare_json()["quotes"]
    aliyev = next(q for q in quotes if q["speaker"] == "Ilham Aliyev")
    assert aliyev["count"] == 2  # the repeat in copy-of-b.txt is the same quote
    assert aliyev["latest"] == {"text": "Karabakh is Azerbaijan", "date": "2020-11-01",
                                "articles": ["b.txt", "copy-of-b.txt"]}
    assert [q["party"] for q in quotes] == ["azerbaijan", "russia"]


def test_party_and_kind_restrict_columns_and_rows():
    result = compare_json("--party", "russia", "--party", "nagorno-karabakh", "--kind", "casualty")
    assert result["parties"] == ["russia", "nagorno-karabakh"]
    assert set(result) == {"parties", "casualties"}
    for r in result["casualties"]:
        assert set(r["figures"]) <= {"russia", "nagorno-karabakh"}
    assert row(result, "nagorno-karabakh", "military", "killed")["spread"] is None  # azerbaijan left out


def test_jsonl_input_and_files_give_the_same_comparison(tmp_path):
    lines = "".join(json.dumps({"source": d["source"], "published": d["published"], **c}) + "\n"
                    for d in DOCS for c in d["claims"])
    (tmp_path / "claims.jsonl").write_text(lines)
    pretty = "\n".join(json.dumps(d, indent=2) for d in DOCS)  # what extract prints on a terminal
    (tmp_path / "docs.json").write_text(pretty)
    (tmp_path / "list.json").write_text(json.dumps(DOCS))
    expected = compare_json()
    for name in ("claims.jsonl", "docs.json", "list.json"):
        r = factx("compare", tmp_path / name, "--format", "json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout) == expected, name


def test_table_markdown_and_csv_layouts():
    stream = "".join(json.dumps(d) + "\n" for d in DOCS).encode()
    table = factx("compare", "-", input=stream).stdout.decode()
    assert "Casualties" in table and "as many as 5,000" in table and "Stepanakert / Khankendi" in table
    md = factx("compare", "-", "--format", "markdown", input=stream).stdout.decode()
    # armenia made no casualty claim: its empty column is left out of that table
    assert "| victims | azerbaijan | nagorno-karabakh | russia | spread |" in md
    assert "| event | armenia | azerbaijan | russia |" in md
    # cells cite articles by number; the last table lists them
    b, copy = (re.search(rf"\| (\d+) \| {name} \|", md).group(1) for name in ("b.txt", "copy-of-b.txt"))
    assert f"as many as 5,000<br>  2020-11-01 [{b},{copy}]" in md
    rows = list(csv.DictReader(io.StringIO(factx("compare", "-", "--format", "csv", input=stream).stdout.decode())))
    russia = next(r for r in rows if r["section"] == "casualty" and r["party"] == "russia")
    assert (russia["max"], russia["figure"], russia["articles"]) == ("5000", "as many as 5,000", "b.txt; copy-of-b.txt")


def test_factx_output_is_not_held_to_the_article_size_limit():
    """`extract` over a few thousand articles prints more than 20 MB: compare must still read it."""
    line = (json.dumps(DOCS[1]) + "\n").encode()
    r = factx("compare", "-", "--format", "json", "--kind", "casualty", input=line * (21 * 1024 * 1024 // len(line) + 1))
    assert r.returncode == 0, r.stderr
    nk = row(json.loads(r.stdout), "nagorno-karabakh", "military", "killed")
    assert nk["figures"]["nagorno-karabakh"][0]["articles"] == ["b.txt"]  # all those repeats merged
    article = b"Kementerian Pertahanan Armenia mengatakan 5 tentara tewas. " * 10
    r = factx("compare", "-", "--max-size", "0.0001", input=article)
    assert r.returncode == 1 and b"larger than the 104-byte limit" in r.stderr


def test_bad_input_and_usage():
    r = factx("compare", "-", input=b'{"source": "x", "claims": [')
    assert r.returncode == 1 and r.stderr.decode().startswith("factx: -: not valid factx JSON")
    r = factx("compare", "-", input=b'{"hello": 1}')
    assert r.returncode == 1 and b"not factx output" in r.stderr
    r = factx("compare", "-", "--kind", "weather", input=b"{}")
    assert r.returncode == 2


@pytest.fixture
def corpus(tmp_path) -> Path:
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not found at {DEV.resolve()} (it lives beside the project, in ../shared)")
    root = tmp_path / "corpus"
    root.mkdir()
    for f in sorted(DEV.glob("*.txt")):
        shutil.copy(f, root / f.name)
    shutil.copy(DEV / SEED, root / ("copy-" + SEED))  # a repeat of the same article
    return root


def test_dev_corpus_extract_piped_into_compare(corpus):
    extract = subprocess.Popen([sys.executable, "-m", "factx.cli", "extract", str(corpus)], stdout=subprocess.PIPE)
    r = subprocess.run([sys.executable, "-m", "factx.cli", "compare", "-", "--format", "json"],
                       stdin=extract.stdout, capture_output=True, timeout=300)
    extract.stdout.close()
    assert extract.wait(timeout=300) == 0 and r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["parties"][:4] == ["armenia", "azerbaijan", "nagorno-karabakh", "russia"]
    both = {str(corpus / SEED), str(corpus / ("copy-" + SEED))}
    nk = row(result, "nagorno-karabakh", "military", "killed")
    fig = next(f for f in nk["figures"]["nagorno-karabakh"] if f["count"]["value"] == 1166)
    assert (fig["figure"], fig["date"], set(fig["articles"])) == ("1,166", "2020-11-01", both)
    # Russia's "sebanyak 5.000 kematian" against Nagorno-Karabakh's military toll, one table apart
    russia = [f for r in result["casualties"] if r["outcome"] == "killed"
              for f in r["figures"].get("russia", []) if f["count"]["max"] == 5000 and set(f["articles"]) == both]
    assert [(f["figure"], f["qualifier"], f["date"]) for f in russia] == [("as many as 5,000", "as many as", "2020-11-01")]
    # straight from the articles, without the JSON step, the comparison is the same
    direct = factx("compare", corpus, "--format", "json")
    assert direct.returncode == 0 and json.loads(direct.stdout) == result
