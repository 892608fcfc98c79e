"""The CLI as a user runs it: a subprocess, JSON on stdout, one-line errors on stderr."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import SEED, run_cli


def test_version_and_help():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("factx ")
    proc = run_cli("extract", "--help")
    assert proc.returncode == 0
    assert "Examples" in proc.stdout.decode()


def test_piped_output_is_one_compact_document_per_line():
    proc = run_cli("extract", str(SEED), str(SEED))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    assert docs[0]["lang"] == "id" and docs[0]["published"] == "2020-11-01"
    assert docs[0]["claims"] == docs[1]["claims"]


def test_pretty_forces_indentation():
    proc = run_cli("extract", "--pretty", str(SEED))
    assert proc.stdout.decode().startswith("{\n  ")


def test_stdin_source_is_dash():
    proc = run_cli("extract", "-", input=SEED.read_bytes())
    doc = json.loads(proc.stdout)
    assert doc["source"] == "-" and doc["claims"]


def test_evidence_offsets_point_into_the_input():
    text = SEED.read_text(encoding="utf-8")
    doc = json.loads(run_cli("extract", str(SEED)).stdout)
    for claim in doc["claims"]:
        ev = claim["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_bad_inputs_are_reported_and_the_good_ones_still_come_out(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00" * 50)
    folder = tmp_path / "folder"
    folder.mkdir()
    missing = tmp_path / "missing.txt"
    proc = run_cli("extract", str(missing), str(SEED), str(binary))
    assert proc.returncode == 1
    err = proc.stderr.decode().strip().splitlines()
    assert any(str(missing) in line and "no such file" in line for line in err)
    assert any(str(binary) in line and "binary" in line for line in err)
    assert "Traceback" not in proc.stderr.decode()
    docs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [d["source"] for d in docs] == [str(SEED)]


def test_empty_and_whitespace_files_give_no_claims_and_a_warning(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.txt", b"  \n\t\n")):
        path = tmp_path / name
        path.write_bytes(content)
        proc = run_cli("extract", str(path))
        assert proc.returncode == 0
        assert json.loads(proc.stdout)["claims"] == []
        assert "empty" in proc.stderr.decode()


def test_utf16_with_bom_and_utf8_bom_read_like_utf8(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    expected = json.loads(run_cli("extract", str(SEED)).stdout)["claims"]
    for enc in ("utf-16", "utf-8-sig"):
        path = tmp_path / f"{enc}.txt"
        path.write_bytes(text.encode(enc))
        got = json.loads(run_cli("extract", str(path)).stdout)["claims"]
        assert got == expected


def test_bad_date_and_lang_are_usage_errors():
    assert run_cli("extract", "--date", "1/11/2020", str(SEED)).returncode == 2
    assert run_cli("extract", "--lang", "xx-yy", str(SEED)).returncode == 2


def test_schema_is_generated_from_the_models():
    schema = json.loads(run_cli("schema").stdout)
    assert "Document" in schema.get("title", "") or "claims" in schema["properties"]


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_output_pipes_through_jq():
    factx = subprocess.Popen([shutil.which("factx") or "factx", "extract", str(SEED)], stdout=subprocess.PIPE)
    out = subprocess.run(["jq", "-c", '[.claims[] | select(.kind == "casualty") | .count.value // .count.min // .count.max]'],
                         stdin=factx.stdout, capture_output=True, check=True)
    factx.wait()
    values = json.loads(out.stdout)
    assert 1166 in values and 5000 in values and 91 in values
