"""The rules as an extraction needs them, served from the disk cache when it can be.

A run needs, per rule folder set, the languages there are rules for and the errors
found in the files, and per language the compiled rules. Both are kept in the disk
cache (engine/cache.py) under the fingerprint of the files' content and of the code,
so a warm run reads two pickles of plain data and compiled patterns: it never imports
pydantic's rule-file models or builds a RuleSet. On a miss, or with the cache off,
it loads and compiles through engine/loader.py and engine/compile.py as always.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..plain import Plain
from . import cache
from .compiled import CompiledLang
from .sources import RuleError, rule_dirs, rule_files
from .yamlloc import LocatedError


class Outline(Plain):  # a plain class, not a dataclass: cheaper to import (see plain.py)
    """What a run asks of a rule set before compiling a language."""

    __slots__ = ("fingerprint", "languages", "errors", "warnings")

    def __init__(self, fingerprint: str | None, languages: list[str], errors: list[LocatedError] | None = None,
                 warnings: list[str] | None = None):
        self.fingerprint = fingerprint
        self.languages = languages
        self.errors = [] if errors is None else errors
        self.warnings = [] if warnings is None else warnings


def folders(extra: list[str] | tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The rule folders of a run (shipped packs, FACTX_RULES, `extra`), as a hashable key.

    Remembered per process for the same FACTX_RULES, `extra` and working directory: a
    script calling `factx.extract` per article resolves the paths once, not per article."""
    try:
        key = (os.environ.get("FACTX_RULES", ""), tuple(extra or ()), os.getcwd())
    except OSError:  # the working directory is gone: resolve as asked, remember nothing
        return tuple(str(d) for d in rule_dirs(list(extra or [])))
    found = _FOLDERS.get(key)
    if found is None:
        found = _FOLDERS[key] = tuple(str(d) for d in rule_dirs(list(extra or [])))
    return found


_FOLDERS: dict[tuple, tuple[str, ...]] = {}


@lru_cache(maxsize=8)
def outline(dirs: tuple[str, ...]) -> Outline:
    fingerprint = cache.rules_fingerprint([Path(d) for d in dirs], rule_files)
    name = f"outline-{fingerprint}.pickle" if fingerprint else None
    got = name and cache.fetch(name, lambda o: isinstance(o, Outline) and o.fingerprint == fingerprint)
    if got:
        return got
    ruleset = _ruleset(dirs)
    found = Outline(ruleset.fingerprint, ruleset.languages(), list(ruleset.errors), list(ruleset.warnings))
    if found.fingerprint:  # set only when no file changed while the set was read
        cache.store(f"outline-{found.fingerprint}.pickle", found)
    return found


_LANGS: dict[tuple[tuple[str, ...], str], CompiledLang] = {}


def compiled(dirs: tuple[str, ...], lang: str) -> CompiledLang:
    """The compiled rules of `lang`, once per process; raises RuleError on broken files."""
    key = (dirs, lang)
    comp = _LANGS.get(key)
    if comp is None:
        found = outline(dirs)
        if found.errors:
            raise RuleError(found.errors)
        name = f"lang-{found.fingerprint}-{lang}.pickle" if found.fingerprint else None
        comp = name and cache.fetch(name, lambda c: isinstance(c, CompiledLang) and c.lang == lang)
        if not comp:
            from .compile import get_compiled

            comp = get_compiled(_ruleset(dirs), lang)  # stores it under the same name
        _LANGS[key] = comp
    if comp.errors:
        raise RuleError(comp.errors)
    return comp


def _ruleset(dirs: tuple[str, ...]):
    from .loader import _cached  # the rule-file models: only when the cache cannot serve

    return _cached(dirs)
