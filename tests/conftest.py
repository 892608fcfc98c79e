"""Shared test fixtures: where the project and the shared dev corpus live."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SEED = ROOT / "fixtures" / "articles" / "id_arrahmah_2020-11-01_karabakh.txt"


@pytest.fixture
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not found at {DEV} (it lives beside the project, in ../shared)")
    return DEV


def peer_numerals() -> dict:
    path = SHARED / "eval" / "peer" / "duckling_numerals.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def run_cli(*args: str, input: bytes | None = None, env=None, cwd=None) -> subprocess.CompletedProcess:
    """The CLI as a user runs it: a separate process."""
    exe = shutil.which("factx")
    argv = [exe, *args] if exe else [sys.executable, "-m", "factx.cli", *args]
    return subprocess.run(argv, input=input, capture_output=True, env=env, cwd=cwd, timeout=120)


def cli_document(path: Path, lang: str) -> dict:
    """`factx extract --compact PATH` as a process: exit 0, one document of `lang` whose every
    evidence span is the text at its offsets; the document, parsed."""
    proc = run_cli("extract", str(path), "--compact")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["lang"] == lang
    text = path.read_text(encoding="utf-8")
    for c in doc["claims"]:
        ev = c["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    return doc


def summary(claim, places: bool = False) -> tuple:
    """A claim (model or dict) as a tuple of the fields the fixture tests pin; with `places`,
    an attack also gives its attacker and each place's gazetteer id."""
    c = claim.model_dump() if hasattr(claim, "model_dump") else claim
    if c["kind"] == "casualty":
        n = c["count"]
        return ("casualty", c["party"], n["value"], n["min"], n["max"], n["approximate"], c["outcome"], c["victims"])
    if c["kind"] == "attack":
        if places:
            return ("attack", c["party"], c["attacker"], *[(loc["name"], loc["place"]) for loc in c["locations"]])
        return ("attack", c["party"], *[loc["name"] for loc in c["locations"]])
    if c["kind"] == "ceasefire":
        return ("ceasefire", c["party"], c["event"], c["count"], c["accused"])
    return ("quote", c["party"], c["text"])
