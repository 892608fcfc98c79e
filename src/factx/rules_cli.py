"""`factx rules check|test|list`: the rule author's loop, as a Typer sub-app.

PATHs are rule folders (or single files) read on top of the shipped packs and
FACTX_RULES, exactly like `--rules DIR`, so a user pack can use the shipped
vocabulary and lexicons. Exit codes: 0 fine; 1 examples failed (`test`);
2 rule files are broken or the command line is wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

EXIT_OK, EXIT_FAILED, EXIT_BROKEN = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Check, test and list rule packs (the shipped ones, FACTX_RULES and --rules folders).",
)

PATHS = typer.Argument(None, help="Extra rule folders or files (a user pack), read like --rules.",
                       show_default=False, metavar="PATH")
RULES = typer.Option([], "--rules", help="Extra rule folder (user pack); repeatable.", metavar="DIR",
                     show_default=False)


def _dirs(paths: Optional[List[str]], rules: List[str]) -> list[Path]:
    from .engine.loader import rule_dirs

    return rule_dirs([*rules, *(paths or [])])


def _fail(message: str) -> typer.Exit:
    print(f"factx: {message}", file=sys.stderr)
    return typer.Exit(EXIT_BROKEN)


def _check_lang(lang: Optional[str]) -> None:
    from .langdetect import ISO_639_1

    if lang is not None and lang not in ISO_639_1:
        raise _fail(f"--lang must be an ISO 639-1 code, not {lang!r}")


@app.command("check", epilog="Examples:\n\n  factx rules check\n\n  factx rules check my-pack/\n\n"
             "  FACTX_RULES=~/factx-rules factx rules check")
def check_cmd(paths: Optional[List[str]] = PATHS, rules: List[str] = RULES) -> None:
    """Validate every rule and lexicon file and print ALL problems as path:line:col: message."""
    from .engine.check import check

    report = check(_dirs(paths, rules))
    for note in report.ruleset.warnings:
        print(f"factx: note: {note}", file=sys.stderr)
    for err in report.errors:
        print(err)
    if report.errors:
        files = len({e.path for e in report.errors})
        raise _fail(f"{len(report.errors)} problem(s) in {files} file(s)")
    print(report.summary)


@app.command("test", epilog="Examples:\n\n  factx rules test\n\n  factx rules test --coverage\n\n"
             "  factx rules test my-pack/ --id 'id.casualty.*'")
def test_cmd(
    paths: Optional[List[str]] = PATHS,
    rules: List[str] = RULES,
    coverage: bool = typer.Option(False, "--coverage",
                                  help="Also fail rules with no positive or no negative example, "
                                       "or that never fire on their own examples."),
    ids: List[str] = typer.Option([], "--id", help="Only these rule ids (globs allowed: 'id.casualty.*').",
                                  metavar="ID", show_default=False),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="Only rules of this language.", metavar="CODE"),
) -> None:
    """Run the examples written inside the rules; print each failure with what was expected and what came out.

    With PATHs, only the rules from those folders are tested; without, every loaded rule.
    """
    from .engine.check import format_failure, run_tests, selector
    from .engine.loader import load_rules

    _check_lang(lang)
    ruleset = load_rules(_dirs(paths, rules))
    report = run_tests(ruleset, selector(ids, paths or None, [lang] if lang else None), coverage)
    if report.errors:
        for err in report.errors:
            print(err)
        raise _fail(f"{len(report.errors)} error(s) in rule files: fix them first (factx rules check)")
    if not report.rules:
        raise _fail("no rule matches the selection")
    for outcome in report.failures:
        print(format_failure(outcome))
        print()
    for problem in report.coverage:
        print(problem)
    print(report.summary)
    raise typer.Exit(EXIT_FAILED if report.failures or report.coverage else EXIT_OK)


@app.command("list", epilog="Examples:\n\n  factx rules list --lang id --kind casualty\n\n"
             "  factx rules list --json | jq -r '.[] | select(.origin != \"shipped\") | .id'")
def list_cmd(
    paths: Optional[List[str]] = PATHS,
    rules: List[str] = RULES,
    as_json: bool = typer.Option(False, "--json", help="JSON (a list of objects) instead of a table."),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="Only rules of this language.", metavar="CODE"),
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only rules of this kind: casualty, attack, "
                                       "ceasefire, quote or speech.", metavar="KIND"),
) -> None:
    """List the rules: id, language, kind, origin (shipped or the user folder) and description."""
    import json

    from .engine.check import RULE_KINDS
    from .engine.loader import load_rules, shipped_rules_dir

    _check_lang(lang)
    if kind is not None and kind not in RULE_KINDS:
        raise _fail(f"--kind must be one of {', '.join(RULE_KINDS)}, not {kind!r}")
    ruleset = load_rules(_dirs(paths, rules))
    shipped = str(shipped_rules_dir())
    rows = []
    for lr in sorted(ruleset.rules.values(), key=lambda r: (r.lang, RULE_KINDS.index(r.kind), r.rule.id)):
        if (lang and lr.lang != lang) or (kind and lr.kind != kind):
            continue
        line = lr.origin.located.where(lr.origin.loc)[0]
        rows.append({
            "id": lr.rule.id, "lang": lr.lang, "kind": lr.kind,
            "description": (lr.rule.description.strip().splitlines() or [""])[0],
            "origin": "shipped" if lr.origin.folder == shipped else lr.origin.folder,
            "path": f"{lr.origin.path}:{line}", "replaces": lr.replaces,
        })
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif sys.stdout.isatty():
        _table(rows)
    else:
        for r in rows:
            origin = r["origin"] + (" (replaces shipped)" if r["replaces"] else "")
            print("\t".join((r["id"], r["lang"], r["kind"], origin, r["description"])))
    if ruleset.errors:
        raise _fail(f"{len(ruleset.errors)} error(s) in rule files (see: factx rules check)")


def _table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("id", "lang", "kind", "origin", "description"):
        table.add_column(name, overflow="fold", no_wrap=name == "id")
    for r in rows:
        origin = r["origin"] + (" (replaces shipped)" if r["replaces"] else "")
        table.add_row(r["id"], r["lang"], r["kind"], origin, r["description"])
    Console().print(table)
