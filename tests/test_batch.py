"""Batch extraction: folders, --jobs, formats, the atomic -o, and the real `jq` downstream."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DEV = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "dev"
SEED = "id_arrahmah_2020-11-01_karabakh.txt"


def factx(*args, input: bytes | None = None, timeout: float = 300, **kw):
    return subprocess.run([sys.executable, "-m", "factx.cli", *map(str, args)], input=input,
                          capture_output=True, timeout=timeout, **kw)


def docs(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The dev articles, plus a copy of the seed article in a subfolder (a repeat)."""
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not found at {DEV.resolve()} (it lives beside the project, in ../shared)")
    root = tmp_path / "corpus"
    (root / "copies").mkdir(parents=True)
    for f in sorted(DEV.glob("*.txt")):
        shutil.copy(f, root / f.name)
    shutil.copy(DEV / SEED, root / "copies" / SEED)
    return root


def test_folder_order_and_known_claims(corpus):
    r = factx("extract", "--compact", corpus)
    assert r.returncode == 0, r.stderr
    out = docs(r.stdout)
    names = [Path(d["source"]).relative_to(corpus).as_posix() for d in out]
    # a folder's own files first (sorted), then its subfolders
    assert names == sorted(p.name for p in DEV.glob("*.txt")) + [f"copies/{SEED}"]
    seed = next(d for d in out if d["source"].endswith(SEED))
    counts = {(c.get("party"), c["count"]["value"], c["count"]["max"], c["outcome"], c["victims"])
              for c in seed["claims"] if c["kind"] == "casualty"}
    assert ("nagorno-karabakh", 1166, None, "killed", "military") in counts
    assert ("russia", None, 5000, "killed", "unspecified") in counts


def test_jobs_2_gives_the_same_output_in_the_same_order(corpus):
    one = factx("extract", "--compact", "--jobs", "1", corpus)
    two = factx("extract", "--compact", "--jobs", "2", corpus)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr


def test_jsonl_is_one_claim_per_line_with_its_source(corpus):
    full = docs(factx("extract", "--compact", corpus).stdout)
    r = factx("extract", "--format", "jsonl", corpus)
    assert r.returncode == 0
    lines = docs(r.stdout)
    assert len(lines) == sum(len(d["claims"]) for d in full)
    expected = [{"source": d["source"], "published": d["published"], **c} for d in full for c in d["claims"]]
    assert lines == expected
    assert all({"source", "id", "kind", "party", "evidence"} <= set(line) for line in lines)


def test_csv_is_one_row_per_claim_with_flat_fields(corpus):
    r = factx("extract", "--format", "csv", corpus / SEED)
    assert r.returncode == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
    (doc,) = docs(factx("extract", "--compact", corpus / SEED).stdout)
    assert len(rows) == len(doc["claims"])
    assert [row["id"] for row in rows] == [c["id"] for c in doc["claims"]]
    nk = next(row for row in rows if row["count.value"] == "1166")
    assert nk["kind"] == "casualty" and nk["outcome"] == "killed" and nk["count.approximate"] == "false"
    russia = next(row for row in rows if row["count.max"] == "5000")
    assert russia["count.value"] == "" and russia["source"].endswith(SEED)
    attack = next(row for row in rows if row["kind"] == "attack" and ";" in row["locations"])
    assert len(attack["locations"].split("; ")) == len(attack["places"].split("; "))
    ev = nk["evidence.text"]
    assert doc["claims"][0]["evidence"]["text"] == rows[0]["evidence.text"] and ev


def test_table_format_reads_in_a_terminal(corpus):
    r = factx("extract", "--format", "table", corpus / SEED, env={**os.environ, "COLUMNS": "200"})
    assert r.returncode == 0
    text = r.stdout.decode("utf-8")
    assert "1,166 military killed" in text and "as many as 5,000 killed" in text


def test_json_pretty_and_compact():
    seed_text = b"Kementerian Pertahanan Armenia mengatakan 5 tentara tewas."
    pretty = factx("extract", "--pretty", "-", input=seed_text).stdout.decode()
    compact = factx("extract", "-", input=seed_text).stdout.decode()  # piped: compact by default
    assert pretty.startswith("{\n  \"source\": \"-\"") and len(compact.splitlines()) == 1
    assert json.loads(pretty) == json.loads(compact)


def test_output_file_is_written_whole(corpus, tmp_path):
    target = tmp_path / "claims.jsonl"
    target.write_text("OLD\n")
    target.chmod(0o640)
    r = factx("extract", corpus, "-o", target, "--format", "jsonl")
    assert r.returncode == 0 and r.stdout == b""
    assert len(docs(target.read_bytes())) > 10
    assert target.stat().st_mode & 0o777 == 0o640  # an existing target keeps its permissions
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failing_runs_leave_the_target_untouched(corpus, tmp_path):
    target = tmp_path / "claims.json"
    target.write_text("OLD\n")
    r = factx("extract", corpus, "-o", target, "--rules", tmp_path / "no-such-pack")
    assert r.returncode == 2
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 10)
    r = factx("extract", junk, "-o", target)  # every input failed: nothing to write
    assert r.returncode == 1
    r = factx("extract", corpus / SEED, "-o", corpus / SEED)
    assert r.returncode == 2 and b"is one of the inputs" in r.stderr
    assert (corpus / SEED).read_bytes() == (DEV / SEED).read_bytes()
    r = factx("extract", corpus, "-o", corpus / SEED)  # an input found inside a folder counts too
    assert r.returncode == 2
    assert target.read_text() == "OLD\n"
    leftovers = [p for d in (tmp_path, corpus) for p in d.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_run_leaves_the_target_untouched(corpus, tmp_path, sig, jobs):
    for i in range(40):  # enough work to be interrupted in the middle
        shutil.copytree(corpus, tmp_path / "big" / str(i), ignore=shutil.ignore_patterns("copies"))
    target = tmp_path / "out.json"
    target.write_text("OLD\n")
    proc = subprocess.Popen([sys.executable, "-m", "factx.cli", "extract", "-j", jobs, str(tmp_path / "big"),
                             "-o", str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # the temp file exists: writing has begun
    time.sleep(0.5)
    proc.send_signal(sig)
    try:
        rc = proc.wait(timeout=20)
    except subprocess.TimeoutExpired:  # a signal that lands inside a finalizer is lost: ask again
        proc.send_signal(sig)
        rc = proc.wait(timeout=20)
    err = proc.stderr.read().decode()
    assert rc == 128 + sig, err
    assert "Traceback" not in err
    assert target.read_text() == "OLD\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_fifty_files_jobs_2_one_unreadable(corpus, tmp_path):
    big = tmp_path / "fifty"
    big.mkdir()
    sources = sorted(corpus.glob("*.txt"))
    for i in range(49):
        shutil.copy(sources[i % len(sources)], big / f"{i:03}-{sources[i % len(sources)].name}")
    (big / "025-gone.txt").symlink_to(big / "nowhere")  # listed, but there is nothing to read
    r = factx("extract", "--compact", "--jobs", "2", big)
    assert r.returncode == 1
    assert r.stderr.decode().splitlines() == [
        f"factx: {big / '025-gone.txt'}: no longer exists (removed after its folder was listed)"]
    out = docs(r.stdout)
    assert len(out) == 49
    assert [d["source"] for d in out] == sorted(str(p) for p in big.iterdir() if p.name != "025-gone.txt")


def test_progress_bar_only_on_a_terminal(corpus, tmp_path):
    pty = pytest.importorskip("pty")
    big = tmp_path / "many"
    big.mkdir()
    for i in range(25):
        shutil.copy(corpus / SEED, big / f"{i:02}.txt")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factx.cli", "extract", "--compact", str(big)],
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    out = proc.communicate(timeout=120)[0]
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.returncode == 0
    assert len(docs(out)) == 25  # stdout stays pure JSON
    assert b"extracting" in seen and b"/25" in seen
    plain = factx("extract", "--compact", big)  # stderr not a terminal: no bar
    assert plain.stderr == b""


def test_json_through_real_jq(corpus):
    jq = shutil.which("jq")
    if not jq:
        pytest.skip("jq is not installed (apt-get install -y jq)")
    extract = subprocess.Popen([sys.executable, "-m", "factx.cli", "extract", str(corpus)], stdout=subprocess.PIPE)
    r = subprocess.run([jq, "-c", 'select(.source | endswith("' + SEED + '")) | .claims[] '
                        '| select(.kind == "casualty" and .count.max == 5000) | {party, max: .count.max}'],
                       stdin=extract.stdout, capture_output=True, timeout=300)
    extract.stdout.close()
    assert extract.wait(timeout=300) == 0
    assert r.returncode == 0, r.stderr
    assert set(r.stdout.decode().split()) == {'{"party":"russia","max":5000}'}
    lines = factx("extract", "--format", "jsonl", corpus).stdout
    r = subprocess.run([jq, "-s", "length"], input=lines, capture_output=True)
    assert int(r.stdout) == len(docs(lines))
