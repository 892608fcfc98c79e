"""The factx command line: a thin Typer layer over `factx.api`.

Exit codes: 0 every input processed (warnings allowed); 1 at least one input failed
(the others still printed); 2 usage or rule-file errors.
"""
from __future__ import annotations

import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Commands(typer.core.TyperGroup):
    """The top-level command group. `factx rules` (rules_cli.py) joins it only when the command
    line may need it: importing it and turning its commands into Click commands would cost
    every `factx extract` ~1.5 ms. Any first argument but `extract`, `compare` and `schema`
    (`rules`, `--help`, none, a mistyped command to suggest a name for) adds it, last, as
    `app.add_typer(rules_app, name="rules")` did."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if "rules" not in self.commands and args[:1] not in (["extract"], ["compare"], ["schema"]):
            from .rules_cli import app as rules_app

            rules = typer.main.get_command(rules_app)
            rules.name = "rules"
            self.add_command(rules)
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Who claims what: casualty counts, attacked places, ceasefires and quotes from war reporting, "
    "each tied to the party that makes the claim.",
)


def _version(value: bool) -> None:
    if value:
        print(f"factx {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    pass


def error(message: str) -> None:
    """One line on stderr, never a traceback."""
    print(f"factx: {message}", file=sys.stderr)


def warn(source: str, message: str) -> None:
    print(f"factx: warning: {source}: {message}", file=sys.stderr)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class CompareFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _options(lang: str, date: Optional[str], rules: List[str], max_size: float, timeout: float, **kw):
    """Validated batch options, or exit 2."""
    import datetime as dt

    from .batch import Options

    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            error(f"--date must be YYYY-MM-DD, not {date!r}")
            raise typer.Exit(EXIT_USAGE)
    if lang != "auto":
        from .langdetect import ISO_639_1

        if lang not in ISO_639_1:
            error(f"--lang must be an ISO 639-1 code or 'auto', not {lang!r}")
            raise typer.Exit(EXIT_USAGE)
    if max_size <= 0 or timeout < 0:
        error("--max-size must be above 0 and --timeout 0 or more")
        raise typer.Exit(EXIT_USAGE)
    return Options(lang=lang, published=date, rules=tuple(rules), max_bytes=int(max_size * 1024 * 1024),
                   timeout=timeout, **kw)


def _rule_errors(errors) -> None:
    for err in errors:
        print(str(err), file=sys.stderr)
    error(f"{len(errors)} error(s) in rule files")
    raise typer.Exit(EXIT_USAGE)


def _run(sources, opts, jobs: int, on_doc, bar: bool = True) -> bool:
    """Feed every document of every input to `on_doc`, in input order; report failures on
    stderr as `factx: PATH: reason`. True when at least one input failed. `bar`: a progress
    bar may be drawn (not while documents stream to the same terminal)."""
    from contextlib import closing

    from .batch import run, stderr_is_terminal
    from .engine.sources import RuleError
    from .output import progress_bar

    failed = False
    show_bar = bar and stderr_is_terminal() and len(sources) >= PROGRESS_FROM
    results = run(sources, opts, jobs=max(1, jobs or os.cpu_count() or 1))
    try:
        # closing(): on an early exit (closed pipe, Ctrl-C) the worker pool stops at once.
        with closing(results), progress_bar(len(sources), show_bar) as advance:
            for res in results:
                if res.rule_errors is not None:
                    _rule_errors(res.rule_errors)
                if res.error:
                    error(f"{res.name}: {res.error}")
                    failed = True
                for w in res.warnings:
                    warn(res.name, w)
                for doc in res.docs:
                    on_doc(doc)
                advance()
    except RuleError as e:
        _rule_errors(e.errors)
    return failed


def _discover(paths: List[str], glob: str):
    from .inputs import UsageError, discover

    try:
        sources, warnings = discover(paths, glob)
    except UsageError as e:
        error(str(e))
        raise typer.Exit(EXIT_USAGE)
    for w in warnings:
        print(f"factx: warning: {w}", file=sys.stderr)
    return sources


def _sink(output: Optional[str], sources):
    """Standard output, or an atomic file that must not be one of the inputs."""
    from .inputs import UsageError, same_file
    from .output import AtomicFile, StdoutSink

    if output is None or output == "-":
        return StdoutSink()
    if Path(output).exists() and any(s.path is not None and same_file(s.path, Path(output)) for s in sources):
        error(f"-o {output}: is one of the inputs; refusing to overwrite it")
        raise typer.Exit(EXIT_USAGE)
    try:
        sink = AtomicFile(output)
    except UsageError as e:
        error(str(e))
        raise typer.Exit(EXIT_USAGE)
    # `kill` must not leave the temp file behind either. Remove it and leave at once: an
    # exception raised from the handler could land inside a __del__ and only print a traceback.
    def on_sigterm(signum, frame):
        sink.discard()  # not abort(): closing a file a write was interrupted in raises
        import multiprocessing

        for child in multiprocessing.active_children():  # --jobs workers must not outlive us
            child.terminate()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)
    # Ctrl-C the same way: a KeyboardInterrupt raised inside a finalizer is lost, not an exit
    signal.signal(signal.SIGINT, on_sigterm)
    return sink


def _finish(sink, write_all, ok_to_commit) -> None:
    """Run `write_all` into `sink`; commit only if it completes, else leave the target as it was."""
    from .output import OutputClosed

    try:
        write_all()
    except OutputClosed:
        raise typer.Exit(EXIT_OK)  # the reader left (`| head -1`): end quietly
    except BaseException:
        sink.abort()
        raise
    if ok_to_commit():
        sink.commit()
    else:
        sink.abort()


PROGRESS_FROM = 20  # inputs; fewer finish before a bar would be worth drawing

_BATCH_HELP = "Files or folders (searched recursively for --glob); '-' reads standard input."


@app.command(
    epilog="Exit codes: 0 every input processed (warnings allowed); 1 some inputs failed (the others "
    "are still written); 2 usage or rule-file errors.\n\n"
    "Examples:\n\n"
    "  factx extract article.txt\n\n"
    "  factx extract --lang id --date 2020-11-01 article.txt\n\n"
    "  factx extract corpus/ --jobs 2 -o claims.json\n\n"
    "  factx extract corpus/ --format jsonl | jq -s 'group_by(.party) | map({party: .[0].party, n: length})'\n\n"
    "  factx extract corpus/ --format csv -o claims.csv\n\n"
    "  cat article.txt | factx extract - | jq '.claims[] | select(.kind == \"casualty\")'"
)
def extract(
    paths: List[str] = typer.Argument(..., help=_BATCH_HELP, show_default=False, metavar="PATH"),
    lang: str = typer.Option("auto", "--lang", "-l", help="ISO 639-1 code of the articles, or 'auto' to detect."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (else read from the text)."),
    fmt: Format = typer.Option(
        Format.json, "--format", "-f", help="json: one document per article; jsonl: one claim per line with its "
        "source; csv: one row per claim; table: for reading in a terminal."),
    pretty: Optional[bool] = typer.Option(
        None, "--pretty/--compact", help="json: indented, or one document per line. Default: indented on a terminal."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", help="Write to this file, replaced atomically when the run completes."),
    glob: str = typer.Option("*.txt", "--glob", help="Which files to take from folders (matched on the path "
                             "below the folder)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Parallel processes (0: one per CPU); output keeps input order."),
    rules: List[str] = typer.Option([], "--rules", help="Extra rule folder (user pack); repeatable."),
    max_size: float = typer.Option(20, "--max-size", help="Largest input in MB."),
    timeout: float = typer.Option(60, "--timeout", help="Seconds allowed per input (0: no limit)."),
) -> None:
    """Extract claims from articles: one JSON document per article, or claims as jsonl, csv or a table."""
    opts = _options(lang, date, rules, max_size, timeout)
    sources = _discover(paths, glob)
    sink = _sink(output, sources)
    from .output import DocWriter

    state = {"failed": False, "docs": 0}

    def write_all() -> None:
        writer = DocWriter(sink, fmt.value, pretty if pretty is not None else sink.isatty())

        def on_doc(doc: dict) -> None:
            state["docs"] += 1
            writer.add(doc)

        state["failed"] = _run(sources, opts, jobs, on_doc, bar=not sink.isatty())
        writer.close()

    # When every input failed there is nothing to write: an existing -o target stays as it was.
    _finish(sink, write_all, lambda: state["docs"] > 0 or not state["failed"])
    raise typer.Exit(EXIT_INPUT if state["failed"] else EXIT_OK)


@app.command(
    epilog="Input that starts with '{' or '[' is read as factx output (json or jsonl), anything else as an "
    "article to extract.\n\n"
    "Examples:\n\n"
    "  factx extract corpus/ | factx compare -\n\n"
    "  factx compare corpus/ --party armenia --party azerbaijan --kind casualty\n\n"
    "  factx compare claims.jsonl --format markdown > report.md"
)
def compare(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Articles, factx output, or folders of them; '-' (the default) reads standard input.",
        show_default=False, metavar="PATH"),
    party: List[str] = typer.Option([], "--party", "-p", help="Only this party's column (repeatable); "
                                    "'unattributed' is the outlets' own voice."),
    kind: List[str] = typer.Option([], "--kind", "-k", help="Only this kind of claim: casualty, attack, ceasefire, "
                                   "quote (repeatable)."),
    fmt: CompareFormat = typer.Option(CompareFormat.table, "--format", "-f", help="table, json, csv or markdown."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", help="Write to this file, replaced atomically when the run completes."),
    glob: str = typer.Option("*.txt", "--glob", help="Which files to take from folders."),
    lang: str = typer.Option("auto", "--lang", "-l", help="Language of articles given as text, or 'auto'."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Parallel processes for articles (0: one per CPU)."),
    rules: List[str] = typer.Option([], "--rules", help="Extra rule folder (user pack); repeatable."),
    max_size: float = typer.Option(20, "--max-size", help="Largest article in MB (factx output may reach 2 GB)."),
    timeout: float = typer.Option(60, "--timeout", help="Seconds allowed per input (0: no limit)."),
) -> None:
    """Put the parties' claims side by side: casualty figures, attacked places, ceasefires, quotes."""
    from .record import KINDS

    bad = [k for k in kind if k not in KINDS]
    if bad:
        error(f"--kind must be one of {', '.join(KINDS)}, not {bad[0]!r}")
        raise typer.Exit(EXIT_USAGE)
    if not paths:
        if sys.stdin.isatty():
            error("nothing to compare: give files or folders, or pipe factx output into 'factx compare -'")
            raise typer.Exit(EXIT_USAGE)
        paths = ["-"]
    opts = _options(lang, None, rules, max_size, timeout, accept_output=True)
    sources = _discover(paths, glob)
    sink = _sink(output, sources)
    from .compare import Comparison

    comparison = Comparison()
    state = {"failed": False}

    def write_all() -> None:
        from .engine.sources import RuleError

        state["failed"] = _run(sources, opts, jobs, comparison.add)
        try:
            comparison.write(sink, fmt.value, parties=party, kinds=kind or list(KINDS), rules=rules)
        except RuleError as e:
            _rule_errors(e.errors)

    _finish(sink, write_all, lambda: True)
    raise typer.Exit(EXIT_INPUT if state["failed"] else EXIT_OK)


@app.command(epilog="The repo keeps copies for editors: factx schema rules > schema/rules.schema.json")
def schema(
    target: str = typer.Argument(
        "output", help="'output' (claims documents), 'rules' (any rule or lexicon file), 'parties' or 'places'."),
) -> None:
    """Print the JSON Schema of factx output (or of rule files), generated from the models."""
    import json

    if target == "output":
        from .models import Document

        print(json.dumps(Document.model_json_schema(), indent=2, ensure_ascii=False))
    elif target in ("rules", "parties", "places"):
        from .engine.schema import json_schema

        print(json.dumps(json_schema(target), indent=2, ensure_ascii=False))
    else:
        error(f"unknown schema {target!r}: use 'output', 'rules', 'parties' or 'places'")
        raise typer.Exit(EXIT_USAGE)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
