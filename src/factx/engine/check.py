"""The two gates a rule pack passes: `check` (load, compile, cross-reference: every problem,
located) and `test` (the examples inside the rules, and coverage).

`factx rules check|test` and the pytest suite (tests/test_rule_examples.py) both call
this module, so a rule author and CI see the same failures in the same words.
"""
from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import regex

from .compile import CompiledRule, compile_lang, get_compiled
from .examples import ExampleResult, _lexicon_examples, run_rule, subset
from .loader import RuleSet, load_rules, shipped_rules_dir
from .yamlloc import Located, LocatedError

PARTY_FIELDS = ("party", "attacker", "accused", "victim_party")
RULE_KINDS = ("casualty", "attack", "ceasefire", "quote", "speech")


# -- check ------------------------------------------------------------------------------------

@dataclass
class CheckReport:
    ruleset: RuleSet
    errors: list[LocatedError]

    @property
    def summary(self) -> str:
        rs = self.ruleset
        per_lang = ", ".join(f"{lang} {sum(r.lang == lang for r in rs.rules.values())}" for lang in languages(rs))
        return (f"ok: {len(rs.files)} files, {len(rs.rules)} rules ({per_lang or 'none'}), "
                f"{len(rs.parties)} parties, {len(rs.places)} places")


def languages(ruleset: RuleSet) -> list[str]:
    """Every language any file speaks, with or without claim rules."""
    return sorted({*ruleset.languages(), *ruleset.vocab, *ruleset.numbers, *ruleset.dates, *ruleset.boilerplate})


def check(dirs: list[Path]) -> CheckReport:
    """Load and compile every language of `dirs`; collect all problems, in file order."""
    return check_ruleset(load_rules(dirs))


def check_ruleset(ruleset: RuleSet, compiler: Callable = compile_lang) -> CheckReport:
    """`compiler=get_compiled` shares the compiled languages with a later run_tests (pytest does)."""
    errors = list(ruleset.errors)
    for lang in languages(ruleset):
        errors += compiler(ruleset, lang).errors
    errors += field_errors(ruleset)
    order = {path: i for i, path in enumerate(ruleset.files)}
    unique = {str(e): e for e in errors}.values()
    return CheckReport(ruleset, sorted(unique, key=lambda e: (order.get(e.path, -1), e.path, e.line, e.col)))


def field_errors(ruleset: RuleSet) -> list[LocatedError]:
    """Constant `fields:` of a rule must be valid values of the claim, and party ids must exist."""
    from pydantic import TypeAdapter, ValidationError

    from ..models import CLAIM_MODELS

    out = []
    for lr in ruleset.rules.values():
        model = CLAIM_MODELS.get(lr.kind)
        if model is None:
            continue
        for key, value in lr.rule.fields.items():
            info = model.model_fields.get(key)
            if info is None:
                continue  # compile reports fields the claim does not have
            if key in PARTY_FIELDS and value not in (None, "@party"):
                if value not in ruleset.parties:
                    out.append(lr.origin.error(f"field {key!r}: no party with id {value!r} in the lexicons",
                                               ("fields", key)))
                continue
            try:
                TypeAdapter(info.annotation).validate_python(value)
            except ValidationError as e:
                msg = e.errors()[0]["msg"]
                out.append(lr.origin.error(f"field {key!r}: {value!r} is not a valid {lr.kind} value: {msg}",
                                           ("fields", key)))
    return out


# -- test -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    """One example and where it is written."""

    result: ExampleResult
    where: str  # path:line


@dataclass
class TestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[LocatedError] = field(default_factory=list)  # rules that did not load or compile
    coverage: list[LocatedError] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # ids of the rules tested

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.result.ok]

    @property
    def summary(self) -> str:
        fails = len(self.failures)
        text = (f"{_n(len(self.outcomes), 'example')} of {_n(len(self.rules), 'rule')}: "
                f"{len(self.outcomes) - fails} passed, {fails} failed")
        return text + (f", {_n(len(self.coverage), 'coverage problem')}" if self.coverage else "")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def selector(ids: list[str] | None = None, paths: list[str] | None = None,
             langs: list[str] | None = None) -> Callable[[str, str, str], bool]:
    """Pick rules by id (exact or glob: 'id.casualty.*'), by the file or folder they are written in,
    by language."""
    roots = [Path(p).resolve() for p in paths or []]

    def pick(rule_id: str, path: str, lang: str) -> bool:
        if ids and not any(rule_id == i or fnmatch.fnmatchcase(rule_id, i) for i in ids):
            return False
        if roots:
            file = Path(path).resolve()
            if not any(file == r or r in file.parents for r in roots):
                return False
        return not langs or lang in langs

    return pick


def run_tests(ruleset: RuleSet, pick: Callable[[str, str, str], bool] | None = None,
              coverage: bool = False) -> TestReport:
    """Run the examples of every picked rule (and of the number and boilerplate lexicons)."""
    pick = pick or (lambda *_: True)
    report = TestReport()
    report.errors = [e for e in ruleset.errors]
    for lang in languages(ruleset):
        if not _wanted(ruleset, lang, pick):
            continue  # compiling a language costs seconds: only the ones with something to test
        comp = get_compiled(ruleset, lang)
        compiled = {r.id: r for r in [*comp.speech, *(r for rs in comp.rules.values() for r in rs)]}
        for rule_id, lr in ruleset.rules.items():
            if lr.lang != lang or not pick(rule_id, lr.origin.path, lang):
                continue
            report.rules.append(rule_id)
            rule = compiled.get(rule_id)
            if rule is None:  # compile_lang reported why
                report.errors += [e for e in comp.errors if e.path == lr.origin.path
                                  and _within(lr.origin.located, lr.origin.loc, e)]
                continue
            results = run_rule(comp, rule)
            for i, res in enumerate(results):
                line = lr.origin.located.where(lr.origin.loc + ("examples", i))[0]
                report.outcomes.append(Outcome(res, f"{lr.origin.path}:{line}"))
            if coverage:
                report.coverage += coverage_problems(ruleset, rule, results)
        report.outcomes += _lexicon_outcomes(ruleset, comp, pick)
    return report


def _wanted(ruleset: RuleSet, lang: str, pick: Callable[[str, str, str], bool]) -> bool:
    if any(lr.lang == lang and pick(i, lr.origin.path, lang) for i, lr in ruleset.rules.items()):
        return True
    if lang in ruleset.numbers and pick(f"{lang}.numbers", ruleset.numbers[lang][1].path, lang):
        return True
    return any(pick(tp.id, origin.path, lang) for bp, origin in ruleset.boilerplate.get(lang, [])
               for tp in (*bp.line, *bp.cut, *bp.label))


def _within(located: Located, loc: tuple, err: LocatedError) -> bool:
    """Does the error point inside the YAML node at `loc` (a rule's mapping)?"""
    start = located.where(loc)[0]
    later = [line for key, (line, _) in located.marks.items()
             if len(key) == len(loc) and key[:-1] == loc[:-1] and line > start]
    return start <= err.line < min(later, default=10 ** 9)


def coverage_problems(ruleset: RuleSet, rule: CompiledRule, results: list[ExampleResult]) -> list[LocatedError]:
    origin = ruleset.rules[rule.id].origin
    examples = rule.rule.examples
    out = []
    if not any(e.expect != "none" for e in examples):
        out.append(origin.error(f"rule {rule.id} has no positive example (`expect: {{...}}`)", ("id",)))
    if not any(e.expect == "none" for e in examples):
        out.append(origin.error(f"rule {rule.id} has no negative example (`expect: none`)", ("id",)))
    if examples and not any(r.got for r in results):
        out.append(origin.error(f"rule {rule.id} never fires on its own examples", ("id",)))
    return out


def _lexicon_outcomes(ruleset: RuleSet, comp, pick) -> list[Outcome]:
    origins = {o.path: o for _, o in [*ruleset.numbers.values(), *(x for v in ruleset.boilerplate.values()
                                                                    for x in v)]}
    out = []
    for res in _lexicon_examples(ruleset, comp):
        origin = origins.get(res.origin)
        if origin is None or not pick(res.rule, origin.path, comp.lang):
            continue
        loc = _find(origin.located.data, res.text) or ()
        out.append(Outcome(res, f"{res.origin}:{origin.located.where(loc)[0]}"))
    return out


def _find(data: Any, text: str, loc: tuple = ()) -> tuple | None:
    """Where in the file a string example is written."""
    if data == text:
        return loc
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found = _find(value, text, loc + (key,))
        if found is not None:
            return found
    return None


# -- showing a failure ------------------------------------------------------------------------

def flow(value: Any) -> str:
    """A value the way it is written in a rule file: {count: {value: 91}, party: armenia}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and (not regex.fullmatch(r"[\w.@-]+", value) or value in ("null", "true", "false")):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _compact(claim: Any) -> Any:
    """Drop what says nothing: nulls, `approximate: false`, the claim's id and rule."""
    if isinstance(claim, dict):
        return {k: _compact(v) for k, v in claim.items()
                if v is not None and k not in ("id", "rule") and not (k == "approximate" and v is False)}
    if isinstance(claim, list):
        return [_compact(v) for v in claim]
    return claim


def diff_lines(res: ExampleResult) -> list[str]:
    """What was expected and what came out, only where they differ."""
    got = [c for c in res.got if isinstance(c, dict)]
    if not isinstance(res.expected, dict):  # `none`, or a lexicon pattern's "match"
        lines = [f"expected: {flow(res.expected)}"]
        if got:
            lines += [f"got:      {flow(_compact(c))}" for c in got]
        elif res.message:
            lines.append(f"got:      {res.message}")
        return lines
    if not got or res.rule.endswith(".numbers"):  # no claim, or a number example
        return [f"expected: {flow(res.expected)}",
                f"got:      {flow(_compact(got[0])) if got else 'no claim'}"]
    if res.message.startswith("matched"):
        return [res.message]

    def score(c: dict) -> int:
        return sum(k in c and subset(v, c[k]) for k, v in res.expected.items())

    best = max(got, key=score)
    lines = []
    for key, want in res.expected.items():
        if key in best and subset(want, best[key]):
            continue
        have = flow(_compact(best[key])) if key in best else "(no such field)"
        lines.append(f"{key}: expected {flow(want)}, got {have}")
    if len(got) > 1:
        lines.append(f"(closest of {len(got)} claims)")
    return lines


def format_failure(outcome: Outcome) -> str:
    res = outcome.result
    lines = [f"FAIL {res.rule} ({outcome.where})", f"  text: {res.text}"]
    lines += [f"  {line}" for line in diff_lines(res)]
    if res.message.startswith("holds for this rule alone"):
        lines.append(f"  {res.message}")
    return "\n".join(lines)


def shipped_ruleset() -> RuleSet:
    """The shipped packs alone (no FACTX_RULES), as CI tests them."""
    return load_rules([shipped_rules_dir()])
