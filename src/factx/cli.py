"""The factx command line: a thin Typer layer over `factx.api`.

Exit codes: 0 every input processed (warnings allowed); 1 at least one input failed
(the others still printed); 2 usage or rule-file errors.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
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


def _read(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise IsADirectoryError("is a directory (give the files in it, or a glob)")
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"larger than {max_bytes // (1024 * 1024)} MB (raise it with --max-size)")
    return data


def _describe(e: BaseException) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return str(e) if str(e) and not str(e).startswith("[Errno") else "is a directory"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)


@app.command(
    epilog="Examples:\n\n"
    "  factx extract article.txt\n\n"
    "  factx extract --lang id --date 2020-11-01 article.txt\n\n"
    "  cat article.txt | factx extract - | jq '.claims[] | select(.kind == \"casualty\")'\n\n"
    "  factx extract a.txt b.txt --compact | jq -c '.claims[] | {party, count}'"
)
def extract(
    paths: List[str] = typer.Argument(..., help="Article files; '-' reads standard input.", show_default=False),
    lang: str = typer.Option("auto", "--lang", "-l", help="ISO 639-1 code of the articles, or 'auto' to detect."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (else read from the text)."),
    pretty: Optional[bool] = typer.Option(
        None, "--pretty/--compact", help="Indented JSON, or one document per line. Default: indented on a terminal."),
    rules: List[str] = typer.Option([], "--rules", help="Extra rule folder (user pack); repeatable."),
    max_size: int = typer.Option(20, "--max-size", help="Largest input in MB."),
) -> None:
    """Extract claims from articles and print them as JSON, one document per article."""
    import datetime as dt

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
    from .api import extract_bytes
    from .article import InputError
    from .engine.loader import RuleError

    indent = 2 if (pretty if pretty is not None else sys.stdout.isatty()) else None
    failed = False
    for path in paths:
        try:
            data = _read(path, max_size * 1024 * 1024)
            doc = extract_bytes(data, lang=lang, published=date, rules=rules, source=path)
        except RuleError as e:
            for err in e.errors:
                print(str(err), file=sys.stderr)
            error(f"{len(e.errors)} error(s) in rule files")
            raise typer.Exit(EXIT_USAGE)
        except (OSError, InputError, ValueError) as e:
            error(f"{path}: {_describe(e)}")
            failed = True
            continue
        for w in doc.warnings:
            warn(path, w)
        _emit(doc.model_dump_json(indent=indent))
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


def _emit(line: str) -> None:
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # `factx extract ... | head -1`: the reader left; end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(EXIT_OK)


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


from .rules_cli import app as _rules_app  # noqa: E402  (Typer wants the parent app defined first)

app.add_typer(_rules_app, name="rules")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
