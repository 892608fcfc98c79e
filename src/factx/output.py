"""Where output goes (standard output, or a file replaced atomically) and how it is written:
documents as json / jsonl / csv / a Rich table, and the grids of `factx compare` as a
Rich table or Markdown. Rich is imported only by the formats that draw with it.
"""
from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .inputs import UsageError


class OutputClosed(Exception):
    """The reader of standard output went away (`factx ... | head -1`)."""


class StdoutSink:
    def write(self, text: str) -> None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            # Point stdout at /dev/null so that the flush at interpreter exit stays quiet too.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise OutputClosed() from None

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        pass

    def discard(self) -> None:
        pass


class AtomicFile:
    """Writes to a temp file beside `target`; `commit` renames it over the target (like `sort -o`).
    Until then, and whatever happens (an error, Ctrl-C), the target is untouched."""

    def __init__(self, target: str):
        self.target = Path(target)
        if self.target.is_dir():
            raise UsageError(f"-o {target}: is a directory")
        folder = self.target.parent
        if not folder.is_dir():
            raise UsageError(f"-o {target}: no folder {str(folder)!r} to write into")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=folder)
        except OSError as e:
            raise UsageError(f"-o {target}: cannot write there ({e.strerror or e})") from None
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self._fh.write(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def commit(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        try:
            mode = os.stat(self.target).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self._tmp, mode)
        os.replace(self._tmp, self.target)

    def abort(self) -> None:
        try:
            self._fh.close()
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temp file without touching the file object: safe in a signal handler
        that may have interrupted a write to it (closing it there raises), before os._exit."""
        try:
            os.unlink(self._tmp)
        except OSError:
            pass


# -- documents ----------------------------------------------------------------------------

CSV_FIELDS = [
    "source", "published", "id", "kind", "party", "speaker", "date", "rule",
    "count.value", "count.min", "count.max", "count.approximate", "outcome", "victims", "victim_party", "since",
    "locations", "places", "attacker", "weapon", "event", "accused", "text", "direct",
    "evidence.text", "evidence.start", "evidence.end",
]


def csv_row(doc: dict, claim: dict) -> list:
    """One flat row; a ceasefire's `count` (an integer) goes to count.value, locations are joined by '; '."""
    count = claim.get("count")
    if isinstance(count, dict):
        counts = [count.get("value"), count.get("min"), count.get("max"), count.get("approximate")]
    else:
        counts = [count, None, None, None]
    locs = claim.get("locations") or []
    ev = claim.get("evidence") or {}
    row = [doc.get("source"), doc.get("published"), claim.get("id"), claim.get("kind"), claim.get("party"),
           claim.get("speaker"), claim.get("date"), claim.get("rule"), *counts,
           claim.get("outcome"), claim.get("victims"), claim.get("victim_party"), claim.get("since"),
           "; ".join(loc.get("name") or "" for loc in locs),
           "; ".join(loc.get("place") or "" for loc in locs) if locs else None,
           claim.get("attacker"), claim.get("weapon"), claim.get("event"), claim.get("accused"),
           claim.get("text"), claim.get("direct"), ev.get("text"), ev.get("start"), ev.get("end")]
    return ["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row]


class DocWriter:
    """Writes documents as they come, in one of the `extract` formats."""

    def __init__(self, out, fmt: str, pretty: bool):
        self.out, self.fmt, self.pretty = out, fmt, pretty
        self._rows: list[tuple] = []
        if fmt == "csv":
            self._csv_line([CSV_FIELDS])

    def _csv_line(self, rows: list[list]) -> None:
        import csv

        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        self.out.write(buf.getvalue())

    def add(self, doc: dict) -> None:
        if self.fmt == "json":
            if self.pretty:
                self.out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
            else:
                self.out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
        elif self.fmt == "jsonl":
            lines = [json.dumps({"source": doc.get("source"), "published": doc.get("published"), **c},
                                ensure_ascii=False, separators=(",", ":")) for c in doc.get("claims", [])]
            if lines:
                self.out.write("\n".join(lines) + "\n")
        elif self.fmt == "csv":
            if doc.get("claims"):
                self._csv_line([csv_row(doc, c) for c in doc["claims"]])
        elif self.fmt == "table":
            for c in doc.get("claims", []):
                self._rows.append((Path(doc.get("source") or "-").name, c.get("kind") or "", c.get("party") or "",
                                   c.get("speaker") or "", summary(c), c.get("date") or doc.get("published") or ""))
        else:
            raise ValueError(f"unknown format {self.fmt!r}")

    def close(self) -> None:
        if self.fmt == "table":
            grid = ("Claims", ["article", "kind", "party", "speaker", "claim", "date"], [list(r) for r in self._rows])
            write_grids(self.out, [grid], "table")


# -- words for claims ---------------------------------------------------------------------

def _n(n) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


def qualifier(count: dict | None) -> str:
    """"" (exact), "about", "at least", "as many as" or "between", from the count fields."""
    if not count:
        return ""
    if count.get("value") is not None:
        return "about" if count.get("approximate") else ""
    if count.get("min") is not None and count.get("max") is not None:
        return "between"
    if count.get("min") is not None:
        return "at least"
    if count.get("max") is not None:
        return "as many as"
    return ""


def figure(count: dict | None) -> str:
    """The number as a reader says it: "1,166", "about 600", "at least ~24", "as many as 5,000"."""
    if not count:
        return "?"
    q = qualifier(count)
    if q == "between":
        return f"between {_n(count['min'])} and {_n(count['max'])}"
    n = count.get("value") if count.get("value") is not None else count.get("min") if q == "at least" \
        else count.get("max")
    if n is None:
        return "?"
    approx = "~" if count.get("approximate") and q in ("at least", "as many as") else ""
    return f"{q} {approx}{_n(n)}".strip()


def point(count: dict | None) -> int | None:
    """One number for a count, to compare parties: the value, else the floor, else the ceiling."""
    if not count:
        return None
    for key in ("value", "min", "max"):
        if isinstance(count.get(key), int):
            return count[key]
    return None


def summary(c: dict) -> str:
    kind = c.get("kind")
    if kind == "casualty":
        who = " ".join(x for x in (c.get("victims") if c.get("victims") != "unspecified" else None,
                                   c.get("outcome")) if x)
        side = f" ({c['victim_party']})" if c.get("victim_party") else ""
        since = f" since {c['since']}" if c.get("since") else ""
        return f"{figure(c.get('count'))} {who}{side}{since}"
    if kind == "attack":
        names = ", ".join(loc.get("name") or loc.get("place") or "?" for loc in c.get("locations") or [])
        by = f" by {c['attacker']}" if c.get("attacker") else ""
        weapon = f" ({c['weapon']})" if c.get("weapon") else ""
        return f"attacked: {names}{by}{weapon}"
    if kind == "ceasefire":
        times = f" x{c['count']}" if c.get("count") else ""
        accused = f", accuses {c['accused']}" if c.get("accused") else ""
        return f"ceasefire {c.get('event')}{times}{accused}"
    if kind == "quote":
        return f"“{shorten(c.get('text') or '', 100)}”"
    return kind or "?"


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- grids (tables of rows and columns) -----------------------------------------------------

def write_grids(out, grids: list[tuple[str, list[str], list[list[str]]]], fmt: str) -> None:
    """grids: (title, headers, rows); a cell may hold several lines."""
    if fmt == "markdown":
        parts = []
        for title, headers, rows in grids:
            cell = lambda s: (s or "").replace("|", "\\|").replace("\n", "<br>")  # noqa: E731
            lines = [f"### {title}", "", "| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
            parts.append("\n".join(lines) + "\n")
        out.write("\n".join(parts))
        return
    from rich.console import Console
    from rich.table import Table

    # Piped or written to a file: as wide as $COLUMNS says, else 160 (Rich would take 80).
    width = None if out.isatty() else int(os.environ.get("COLUMNS", "0") or 0) or 160
    console = Console(file=out, width=width, highlight=False, emoji=False,
                      markup=False, force_terminal=out.isatty())
    for title, headers, rows in grids:
        table = Table(title=title, title_justify="left", show_lines=True, header_style="bold")
        for h in headers:
            table.add_column(h, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)


@contextmanager
def progress_bar(total: int, enabled: bool, label: str = "extracting"):
    """A Rich bar on stderr; yields a function to call once per finished input."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
        TimeRemainingColumn

    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True,
                   redirect_stdout=False, redirect_stderr=True)
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
