"""Find, read and validate rule and lexicon files; collect every error with its location.

Shipped packs come first, then the folders of FACTX_RULES, then --rules folders.
A rule whose id already exists replaces the earlier one (the override mechanism);
two rules with one id inside the same folder are an error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import schema
from .sources import RuleError, rule_dirs, rule_files, shipped_rules_dir  # noqa: F401 - re-exported
from .yamlloc import Located, LocatedError, load_located

FILE_MODELS: dict[str, type[BaseModel]] = {
    **{k: schema.RulePack for k in ("casualty", "attack", "ceasefire", "quote", "speech")},
    "vocab": schema.Vocab,
    "numbers": schema.Numbers,
    "dates": schema.Dates,
    "boilerplate": schema.Boilerplate,
    "parties": schema.Parties,
    "places": schema.Places,
}


@dataclass
class Origin:
    path: str
    located: Located
    loc: tuple  # where in the file
    folder: str

    def error(self, message: str, sub: tuple = ()) -> LocatedError:
        return self.located.error(self.loc + sub, message)


@dataclass
class LoadedRule:
    rule: schema.Rule
    kind: str
    lang: str
    origin: Origin
    replaces: str | None = None  # path of the rule this one overrides


@dataclass
class RuleSet:
    """Everything the packs define, merged across folders, not yet compiled."""

    rules: dict[str, LoadedRule] = field(default_factory=dict)  # by id, in load order
    vocab: dict[str, list[tuple[schema.Vocab, Origin]]] = field(default_factory=dict)
    numbers: dict[str, tuple[schema.Numbers, Origin]] = field(default_factory=dict)
    dates: dict[str, tuple[schema.Dates, Origin]] = field(default_factory=dict)
    boilerplate: dict[str, list[tuple[schema.Boilerplate, Origin]]] = field(default_factory=dict)
    parties: dict[str, tuple[schema.Party, Origin]] = field(default_factory=dict)
    places: dict[str, tuple[schema.Place, Origin]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    extensions: list[tuple[Any, Origin]] = field(default_factory=list)  # `extend:` entries, applied after loading
    errors: list[LocatedError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fingerprint: str | None = None  # hash of the files read: the disk cache key (engine/cache.py)

    def languages(self) -> list[str]:
        langs = {r.lang for r in self.rules.values()}
        return sorted(langs)

    def rules_for(self, lang: str, kind: str) -> list[LoadedRule]:
        return [r for r in self.rules.values() if r.lang == lang and r.kind == kind]


def _iso639_1(code: str) -> bool:
    from ..langdetect import ISO_639_1

    return code in ISO_639_1


def _display(path: Path) -> str:
    """A path as the user gave it; shipped files relative to the current folder when inside it."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_file(path: Path, ruleset: RuleSet, folder: str, ids_in_folder: dict[str, Origin]) -> None:
    shown = _display(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        ruleset.errors.append(LocatedError(shown, 1, 1, f"cannot read rule file: {e}"))
        return
    located = load_located(text, shown)
    ruleset.files.append(shown)
    ruleset.errors += located.errors
    data = located.data
    if located.errors and data is None:
        return
    if not isinstance(data, dict):
        ruleset.errors.append(located.error((), "a rule file must be a mapping with a `kind:` key"))
        return
    kind = data.get("kind") or ("parties" if "parties" in data else "places" if "places" in data else None)
    if kind not in FILE_MODELS:
        where = ("kind",) if "kind" in data else ()
        known = ", ".join(sorted(FILE_MODELS))
        ruleset.errors.append(located.error(where, f"unknown kind {kind!r} (one of: {known})"))
        return
    try:
        model: Any = FILE_MODELS[kind].model_validate(data)
    except ValidationError as e:
        reported = {(x.line, x.col) for x in located.errors}  # a refused tag: its null is no second problem
        for err in e.errors():
            loc = tuple(err["loc"])
            field_path = ".".join(str(x) for x in loc) or "(file)"
            found = located.error(loc, f"{field_path}: {err['msg']}")
            if (found.line, found.col) not in reported:
                ruleset.errors.append(found)
        return
    origin = Origin(shown, located, (), folder)
    lang = getattr(model, "lang", None)
    if lang is not None and not _iso639_1(lang):
        ruleset.errors.append(located.error(("lang",), f"unknown language {lang!r}: use an ISO 639-1 code"))
        return
    grammar_errors = [located.error(loc, msg) for loc, msg in _grammar_errors(model)]
    if grammar_errors:
        ruleset.errors += grammar_errors
        return
    if isinstance(model, schema.RulePack):
        for i, rule in enumerate(model.rules):
            rule_origin = Origin(shown, located, ("rules", i), folder)
            prefix = f"{model.lang}.{model.kind}."
            if not rule.id.startswith(prefix):
                ruleset.errors.append(rule_origin.error(f"rule id {rule.id!r} must start with {prefix!r}", ("id",)))
            if rule.id in ids_in_folder:
                first = ids_in_folder[rule.id]
                line = first.located.where(first.loc)[0]
                ruleset.errors.append(
                    rule_origin.error(f"duplicate rule id {rule.id!r} (first in {first.path}:{line})", ("id",))
                )
                continue
            ids_in_folder[rule.id] = rule_origin
            replaces = None
            if rule.id in ruleset.rules:
                old = ruleset.rules.pop(rule.id)
                replaces = old.origin.path
                ruleset.warnings.append(f"{shown}: rule {rule.id} replaces the one from {old.origin.path}")
            ruleset.rules[rule.id] = LoadedRule(rule, model.kind, model.lang, rule_origin, replaces)
    elif isinstance(model, schema.Vocab):
        ruleset.vocab.setdefault(model.lang, []).append((model, origin))
    elif isinstance(model, schema.Numbers):
        ruleset.numbers[model.lang] = (model, origin)
    elif isinstance(model, schema.Dates):
        ruleset.dates[model.lang] = (model, origin)
    elif isinstance(model, schema.Boilerplate):
        ruleset.boilerplate.setdefault(model.lang, []).append((model, origin))
    elif isinstance(model, (schema.Parties, schema.Places)):
        what = "party" if isinstance(model, schema.Parties) else "place"
        table: dict = ruleset.parties if what == "party" else ruleset.places
        key = "parties" if what == "party" else "places"
        for i, entry in enumerate(getattr(model, key)):
            entry_origin = Origin(shown, located, (key, i), folder)
            if entry.id in table:
                first = table[entry.id][1]
                line = first.located.where(first.loc)[0]
                ruleset.errors.append(entry_origin.error(
                    f"duplicate {what} id {entry.id!r} (first in {first.path}:{line}); "
                    f"to add names to it, use `extend: [{{{what}: {entry.id}, ...}}]`", ("id",)))
                continue
            table[entry.id] = (entry, entry_origin)
        for i, ext in enumerate(model.extend):
            ruleset.extensions.append((ext, Origin(shown, located, ("extend", i), folder)))


def _grammar_errors(model: Any) -> list[tuple[tuple, str]]:
    """Number and date files hold regexes that the lexicon code compiles: try them here, so that a
    bad one is a located error rather than a traceback, and reject ones that can backtrack badly."""
    from ..lexicon.dates import DateGrammar
    from ..lexicon.numbers import NumberGrammar
    from .backtrack import risk

    out: list[tuple[tuple, str]] = []
    if isinstance(model, schema.Numbers):
        try:
            NumberGrammar(model)
        except Exception as e:  # any failure here comes from the file's data
            out.append((("digits",), f"number grammar does not compile: {e}"))
        if risk(model.digits):
            out.append((("digits",), f"digits pattern can backtrack catastrophically: {risk(model.digits)[2]}"))
    elif isinstance(model, schema.Dates):
        for i, p in enumerate(model.patterns):
            try:
                DateGrammar(model.model_copy(update={"patterns": [p]}))
            except Exception as e:
                out.append((("patterns", i, "pattern"), f"date pattern {p.id!r} does not compile: {e}"))
                continue
            if risk(p.pattern):
                out.append((("patterns", i, "pattern"),
                            f"date pattern {p.id!r} can backtrack catastrophically: {risk(p.pattern)[2]}"))
    return out


def load_rules(dirs: list[Path]) -> RuleSet:
    """Read every file of every folder; errors are collected, never raised here."""
    ruleset = RuleSet()
    for folder in dirs:
        if not folder.exists():
            ruleset.errors.append(LocatedError(_display(folder), 1, 1, "rule folder does not exist"))
            continue
        ids_in_folder: dict[str, Origin] = {}
        for path in rule_files(folder):
            read_file(path, ruleset, str(folder), ids_in_folder)
    _apply_extensions(ruleset)
    return ruleset


def _apply_extensions(ruleset: RuleSet) -> None:
    """Merge `extend:` entries into the party or place they name (lists are appended)."""
    import difflib

    for ext, origin in ruleset.extensions:
        what = "party" if isinstance(ext, schema.PartyExtension) else "place"
        table: dict = ruleset.parties if what == "party" else ruleset.places
        target = getattr(ext, what)
        if target not in table:
            close = difflib.get_close_matches(target, list(table), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            ruleset.errors.append(origin.error(f"extend: no {what} with id {target!r}{hint}", (what,)))
            continue
        entry, entry_origin = table[target]
        update = {}
        for name in ext.model_fields_set - {what}:
            old, new = getattr(entry, name), getattr(ext, name)
            if isinstance(new, BaseModel):  # names per language
                new = old.model_copy(update={k: getattr(old, k) + getattr(new, k) for k in type(new).model_fields})
            else:
                new = old + new
            update[name] = new
        table[target] = (entry.model_copy(update=update), entry_origin)


@lru_cache(maxsize=8)
def _cached(dirs: tuple[str, ...]) -> RuleSet:
    from . import cache

    paths = [Path(d) for d in dirs]
    fingerprint = cache.rules_fingerprint(paths, rule_files)
    name = f"rules-{fingerprint}.pickle" if fingerprint else None
    got = name and cache.fetch(name, lambda r: isinstance(r, RuleSet) and r.fingerprint == fingerprint)
    if got:
        return got
    ruleset = load_rules(paths)
    # stored only if no file changed while it was read: the key must describe the content
    if name and cache.rules_fingerprint(paths, rule_files) == fingerprint:
        ruleset.fingerprint = fingerprint
        cache.store(name, ruleset)
    return ruleset


def get_ruleset(extra: tuple[str, ...] | list[str] | None = None) -> RuleSet:
    """The merged rule set for the shipped packs + FACTX_RULES + `extra`, read once per process."""
    return _cached(tuple(str(d) for d in rule_dirs(list(extra or []))))
