"""Dirty inputs through the real CLI: each gives claims or one `factx: PATH: reason` line, with
exit 0 (all fine), 1 (some inputs failed, the rest printed) or 2 (usage/rule errors); never a
traceback, never a hang."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLAIM = "Kementerian Pertahanan Armenia mengatakan 5 tentara tewas di Stepanakert."


def factx(*args, input: bytes | None = None, timeout: float = 120, prefix: list[str] | None = None):
    argv = [*(prefix or []), sys.executable, "-m", "factx.cli", *map(str, args)]
    return subprocess.run(argv, input=input, capture_output=True, timeout=timeout)


def docs(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def clean_stderr(err: bytes) -> list[str]:
    """Every stderr line is a factx message: no traceback, no Rich panel."""
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "╭" not in text, text
    return text.splitlines()


def killed_5(doc: dict) -> bool:
    return any(c["kind"] == "casualty" and c["count"]["value"] == 5 and c["outcome"] == "killed"
               for c in doc["claims"])


def check_offsets(doc: dict, text: str) -> None:
    for c in doc["claims"]:
        ev = c["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_empty_and_whitespace_only(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\r\n   \n")
    r = factx("extract", "--compact", tmp_path / "empty.txt", tmp_path / "blank.txt")
    assert r.returncode == 0
    out = docs(r.stdout)
    assert [d["claims"] for d in out] == [[], []]
    lines = clean_stderr(r.stderr)
    assert len(lines) == 2 and all("empty article" in line for line in lines)


def test_binary_file_is_one_line_error_and_others_still_come_out(tmp_path):
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "good.txt").write_text(CLAIM, encoding="utf-8")
    r = factx("extract", "--compact", tmp_path / "junk.txt", tmp_path / "good.txt")
    assert r.returncode == 1
    (line,) = clean_stderr(r.stderr)
    assert line.startswith(f"factx: {tmp_path / 'junk.txt'}: binary file")  # the reason's wording is article.py's
    out = docs(r.stdout)
    assert len(out) == 1 and killed_5(out[0])


def test_nul_byte_inside_text_is_ignored_with_a_warning(tmp_path):
    data = ("Judul\n\n" + CLAIM.replace("mengatakan", "mengatakan\x00")).encode("utf-8")
    (tmp_path / "nul.txt").write_bytes(data)
    r = factx("extract", "--compact", tmp_path / "nul.txt")
    assert r.returncode == 0
    (doc,) = docs(r.stdout)
    assert killed_5(doc)
    check_offsets(doc, data.decode("utf-8"))
    assert "NUL" in r.stderr.decode()


def test_utf16_without_bom(tmp_path):
    text = "Judul berita\n\n" + CLAIM + "\n"
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16-le"))
    r = factx("extract", "--compact", tmp_path / "u16.txt")
    assert r.returncode == 0
    (doc,) = docs(r.stdout)
    assert killed_5(doc)
    check_offsets(doc, text)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_and_cp1252_indonesian(tmp_path, encoding):
    text = "Berita “café” dari Baku\n\n" if encoding == "cp1252" else "Berita café dari Baku\n\n"
    text += CLAIM + " Koresponden: José Müller.\n"
    (tmp_path / "l1.txt").write_bytes(text.encode(encoding))
    r = factx("extract", "--compact", tmp_path / "l1.txt")
    assert r.returncode == 0
    (doc,) = docs(r.stdout)
    assert killed_5(doc)
    check_offsets(doc, text)
    assert "cp1252" in r.stderr.decode()


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_line_ends(tmp_path, newline):
    text = newline.join(["Judul berita", "", "Paragraf pertama tanpa klaim.", "", CLAIM, ""])
    (tmp_path / "nl.txt").write_bytes(text.encode("utf-8"))
    r = factx("extract", "--compact", tmp_path / "nl.txt")
    assert r.returncode == 0, r.stderr
    (doc,) = docs(r.stdout)
    assert doc["title"] == "Judul berita"
    assert killed_5(doc)
    check_offsets(doc, text)


def test_50_mb_article_hits_the_size_limit_fast(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        line = (CLAIM + "\n").encode()
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    started = time.monotonic()
    r = factx("extract", big)
    assert r.returncode == 1
    assert clean_stderr(r.stderr) == [f"factx: {big}: larger than the 20 MB limit (raise it with --max-size MB)"]
    assert r.stdout == b""
    assert time.monotonic() - started < 30
    # the same limit holds on standard input, which has no size to look at first
    r = factx("extract", "-", "--max-size", "1", input=line * 40000)
    assert r.returncode == 1 and b"factx: -: larger than the 1 MB limit" in r.stderr


def test_5_mb_single_line(tmp_path):
    filler = "Ini adalah kalimat pengisi tanpa klaim apa pun di dalamnya, hanya kata-kata biasa. "
    text = (filler * (5 * 1024 * 1024 // len(filler) + 1)) + CLAIM
    (tmp_path / "line.txt").write_text(text, encoding="utf-8")
    r = factx("extract", "--compact", tmp_path / "line.txt", timeout=300)
    assert r.returncode == 0, r.stderr
    (doc,) = docs(r.stdout)
    assert killed_5(doc)


def test_per_input_time_limit_stops_a_pathological_input(tmp_path):
    """No input may hang the batch: past --timeout it is reported and the rest goes on."""
    (tmp_path / "a.txt").write_text("kata " * 6000, encoding="utf-8")  # every word a speech cue
    (tmp_path / "b.txt").write_text(CLAIM, encoding="utf-8")
    started = time.monotonic()
    r = factx("extract", "--compact", "--timeout", "2", tmp_path / "a.txt", tmp_path / "b.txt")
    assert time.monotonic() - started < 60
    assert r.returncode in (0, 1)
    if r.returncode == 1:  # still slow: cut off, with a message naming the input and the option
        assert clean_stderr(r.stderr) == [f"factx: {tmp_path / 'a.txt'}: gave up after 2 s (raise the limit with --timeout)"]
    assert killed_5(docs(r.stdout)[-1])


def test_directory_in_a_batch_is_searched(tmp_path):
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / ".hidden").mkdir()
    (tmp_path / "corpus" / "b.txt").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "corpus" / "sub" / "a.txt").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "corpus" / "notes.md").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "corpus" / ".hidden" / "c.txt").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "corpus" / "dir.txt").mkdir()  # a folder whose name matches the glob is walked, not read
    r = factx("extract", "--compact", tmp_path / "corpus")
    assert r.returncode == 0, r.stderr
    assert [Path(d["source"]).relative_to(tmp_path).as_posix() for d in docs(r.stdout)] == \
        ["corpus/b.txt", "corpus/sub/a.txt"]
    r = factx("extract", "--compact", "--glob", "*.md", tmp_path / "corpus")
    assert [Path(d["source"]).name for d in docs(r.stdout)] == ["notes.md"]
    r = factx("extract", "--compact", tmp_path / "corpus" / "dir.txt")
    assert r.returncode == 0 and r.stdout == b""
    assert "no files matching" in r.stderr.decode()


def test_fifo_without_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(CLAIM, encoding="utf-8")
    r = factx("extract", "--compact", fifo, tmp_path / "good.txt", timeout=30)
    assert r.returncode == 1
    assert clean_stderr(r.stderr) == [f"factx: {fifo}: a FIFO with no writer: nothing arrived within 2 s"]
    assert len(docs(r.stdout)) == 1
    # met while walking a folder, a FIFO is skipped (opening it could block) with a warning
    r = factx("extract", "--compact", tmp_path, timeout=30)
    assert r.returncode == 0
    assert [Path(d["source"]).name for d in docs(r.stdout)] == ["good.txt"]
    assert "skipped: a FIFO" in r.stderr.decode()


def _open_writer(fifo: Path, deadline: float) -> int:
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def test_file_deleted_between_listing_and_reading(tmp_path):
    """The FIFO comes first: once factx opens it, the folder has been listed; then a listed file goes."""
    fifo = tmp_path / "first.fifo"
    os.mkfifo(fifo)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CLAIM, encoding="utf-8")
    (corpus / "b.txt").write_text(CLAIM, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "factx.cli", "extract", "--compact", str(fifo), str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        fd = _open_writer(fifo, time.monotonic() + 60)
        (corpus / "b.txt").unlink()
        os.set_blocking(fd, True)
        os.write(fd, CLAIM.encode())
        os.close(fd)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 1
    assert clean_stderr(err) == [f"factx: {corpus / 'b.txt'}: no longer exists (removed after its folder was listed)"]
    assert [Path(d["source"]).name for d in docs(out)] == ["first.fifo", "a.txt"]


def test_missing_path(tmp_path):
    r = factx("extract", tmp_path / "nope.txt")
    assert r.returncode == 1
    assert clean_stderr(r.stderr) == [f"factx: {tmp_path / 'nope.txt'}: no such file"]


def _without_dac_override() -> list[str] | None:
    """As root, permissions only bind once the capabilities that bypass them are dropped."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    prefix = [setpriv, "--inh-caps=-dac_override,-dac_read_search",
              "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def test_permission_denied(tmp_path):
    prefix = _without_dac_override()
    if prefix is None:
        pytest.skip("running as root without setpriv able to drop CAP_DAC_OVERRIDE: a chmod 000 file stays readable")
    locked = tmp_path / "locked.txt"
    locked.write_text(CLAIM, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "open.txt").write_text(CLAIM, encoding="utf-8")
    try:
        r = factx("extract", "--compact", tmp_path, prefix=prefix)
    finally:
        locked.chmod(0o644)
    assert r.returncode == 1
    assert clean_stderr(r.stderr) == [f"factx: {locked}: permission denied"]
    assert [Path(d["source"]).name for d in docs(r.stdout)] == ["open.txt"]


def test_closed_pipe_ends_quietly(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(CLAIM, encoding="utf-8")
    for jobs in ("1", "2"):
        proc = subprocess.Popen([sys.executable, "-m", "factx.cli", "extract", "--compact", "-j", jobs, str(tmp_path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0
        assert json.loads(first)["source"].endswith("00.txt")
        assert err == b"", err.decode()


def test_usage_and_rule_errors_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(CLAIM, encoding="utf-8")
    r = factx("extract", "-", "-", input=b"")
    assert r.returncode == 2 and clean_stderr(r.stderr) == ["factx: '-' (standard input) can be given only once"]
    r = factx("extract", "--format", "xml", tmp_path / "a.txt")
    assert r.returncode == 2
    r = factx("extract", "--rules", tmp_path / "no-such-pack", tmp_path / "a.txt")
    assert r.returncode == 2 and r.stdout == b""
    assert clean_stderr(r.stderr)[-1] == "factx: 1 error(s) in rule files"
