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
