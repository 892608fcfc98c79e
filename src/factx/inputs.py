"""Which inputs a command names, and reading them without ever hanging or reading without bound.

Discovery turns the command-line arguments into an ordered list of `Source`s:
- `-` is standard input (at most once);
- a directory is walked recursively, in sorted order, for regular files whose path
  relative to the directory matches the glob (`*.txt` by default); hidden files and
  folders (a leading dot: `.git`, our own `-o` temp files) are skipped, and so are
  FIFOs, sockets and devices met on the way (with a warning: opening a FIFO blocks);
- anything else is taken as a file, even when it does not exist: the failure is then
  reported in its place, in input order, like every other unreadable input.

Reading (`read_source`) enforces the size limit before reading a regular file, reads at
most `max_bytes + 1` bytes of anything else, and opens without blocking, so a FIFO with
no writer gives an error after `fifo_wait` seconds instead of a hang.
"""
from __future__ import annotations

import os
import select
import stat
import sys
from pathlib import Path, PurePosixPath

from .plain import Frozen

STDIN = "-"
MB = 1024 * 1024
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only


class InputFailure(Exception):
    """An input that cannot be read; the message names what went wrong, not the path."""


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class Source(Frozen):  # a plain class, not a dataclass: cheaper to import (see plain.py)
    __slots__ = ("name", "path", "error", "listed")

    def __init__(self, name: str, path: Path | None, error: str | None = None, listed: bool = False):
        self.name = name  # shown in `source` and in messages: the path as given or as found under a directory
        self.path = path  # None for standard input
        self.error = error  # a failure already known when listing (an unreadable folder)
        self.listed = listed  # found by walking a folder (so a missing file vanished after the listing)


def discover(args: list[str], pattern: str = "*.txt") -> tuple[list[Source], list[str]]:
    """The sources `args` name, in order, and warnings about what was skipped."""
    sources: list[Source] = []
    warnings: list[str] = []
    seen_stdin = False
    for arg in args:
        if arg == STDIN:
            if seen_stdin:
                raise UsageError("'-' (standard input) can be given only once")
            seen_stdin = True
            sources.append(Source(STDIN, None))
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(arg).st_mode)
        except OSError:
            is_dir = False  # missing or unreachable: reading it reports why, in its place
        if not is_dir:
            sources.append(Source(arg, Path(arg)))
            continue
        found = _walk(Path(arg), pattern, warnings)
        if not found:
            warnings.append(f"{arg}: no files matching {pattern!r} in this folder")
        sources += found
    return sources, warnings


def _walk(root: Path, pattern: str, warnings: list[str]) -> list[Source]:
    out: list[Source] = []

    def unreadable(e: OSError) -> None:
        where = e.filename or str(root)
        out.append(Source(str(where), Path(where), error=describe(e)))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            rel = PurePosixPath(os.path.relpath(full, root).replace(os.sep, "/"))
            if not rel.match(pattern):
                continue
            try:
                mode = os.stat(full).st_mode
            except FileNotFoundError:
                mode = stat.S_IFREG  # a dangling link or a file gone already: reported when read
            except OSError as e:
                out.append(Source(full, Path(full), error=describe(e)))
                continue
            if not stat.S_ISREG(mode):
                warnings.append(f"{full}: skipped: {_kind(mode)}, not a regular file")
                continue
            out.append(Source(full, Path(full), listed=True))
    return out


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a special file"


def read_source(src: Source, max_bytes: int, fifo_wait: float = 2.0) -> bytes:
    """The bytes of one input. Raises InputFailure or OSError (see `describe`)."""
    if src.error:
        raise InputFailure(src.error)
    if src.path is None:
        return _limited(sys.stdin.buffer.read(max_bytes + 1), max_bytes)
    # O_NONBLOCK: opening a FIFO must not wait for a writer; O_BINARY: no CRLF translation on Windows.
    flags = os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(src.path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputFailure("is a directory")
        if stat.S_ISREG(st.st_mode):
            if st.st_size > max_bytes:
                raise InputFailure(too_big(max_bytes))
        elif stat.S_ISFIFO(st.st_mode) and hasattr(select, "poll"):
            # A named pipe or `<(command)`: wait a bounded time for a writer, then read as a pipe.
            poller = select.poll()
            poller.register(fd, select.POLLIN | select.POLLHUP)
            if not poller.poll(int(fifo_wait * 1000)):
                raise InputFailure(f"a FIFO with no writer: nothing arrived within {fifo_wait:g} s")
        elif not stat.S_ISFIFO(st.st_mode):
            raise InputFailure(f"{_kind(st.st_mode)}, not a regular file")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(MB, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return _limited(b"".join(chunks), max_bytes)
    finally:
        os.close(fd)


def _limited(data: bytes, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise InputFailure(too_big(max_bytes))
    return data


def too_big(max_bytes: int) -> str:
    limit = f"{max_bytes / MB:g} MB" if max_bytes >= MB else f"{max_bytes}-byte"
    return f"larger than the {limit} limit (raise it with --max-size MB)"


def describe(e: BaseException) -> str:
    """One short line for an input failure, without the path (the caller puts it first)."""
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, OSError):
        return (e.strerror or str(e)).lower()
    return str(e) or type(e).__name__


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def looks_like_output(text: str) -> bool:
    """factx JSON/JSONL output starts with `{` or `[` after white space; articles never do."""
    head = text.lstrip()[:1]
    return head in ("{", "[")


def parse_output(text: str, name: str) -> list[dict]:
    """Documents from factx output: indented or compact documents one after another, a JSON
    list of them, or JSONL claims (`--format jsonl`, grouped back by their `source`)."""
    import json

    decoder = json.JSONDecoder()
    docs: list[dict] = []
    by_source: dict[str, dict] = {}
    pos, end = 0, len(text)
    while True:
        while pos < end and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos >= end:
            return docs
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as e:
            raise InputFailure(f"not valid factx JSON (line {e.lineno}, column {e.colno}): {e.msg}; input that "
                               "starts with '{' or '[' is read as factx output, not as an article") from None
        for item in obj if isinstance(obj, list) else [obj]:
            if not isinstance(item, dict) or not ("claims" in item or "kind" in item):
                raise InputFailure("JSON that is not factx output (expected documents with `claims`, "
                                   "or claims with `kind`)")
            if "claims" in item:
                doc = dict(item)
                doc["source"] = item.get("source") or item.get("article") or name
                if not isinstance(doc["claims"], list):
                    raise InputFailure("`claims` must be a list")
                docs.append(doc)
                continue
            source = item.get("source") or name
            doc = by_source.get(source)
            if doc is None:
                doc = by_source[source] = {"source": source, "published": item.get("published"), "claims": []}
                docs.append(doc)
            doc["claims"].append(item)
