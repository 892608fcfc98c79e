"""Run the examples written inside rule files: the one harness that `factx rules test`
and pytest share (sqlfluff's and LanguageTool's idea: the example lives in the rule).

Examples resolve dates against a fixed publication date, EXAMPLE_PUBLISHED.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import regex

from ..article import build
from .compile import CompiledLang, CompiledRule, get_compiled
from .loader import RuleSet

EXAMPLE_PUBLISHED = dt.date(2020, 11, 1)
_MARK = regex.compile(r"\[\[(.*?)\]\]", regex.S)


@dataclass
class ExampleResult:
    rule: str
    origin: str
    text: str
    positive: bool
    ok: bool
    expected: Any = None
    got: list = field(default_factory=list)
    message: str = ""


def _unmark(text: str) -> tuple[str, tuple[int, int] | None]:
    m = _MARK.search(text)
    if not m:
        return text, None
    clean = text[: m.start()] + m.group(1) + text[m.end():]
    return clean.replace("[[", "").replace("]]", ""), (m.start(), m.start() + len(m.group(1)))


def subset(expected: Any, got: Any) -> bool:
    """Every key given in `expected` equals the one in `got` (recursively; lists element-wise)."""
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(k in got and subset(v, got[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(got, list) and len(expected) == len(got) and all(subset(e, g) for e, g in zip(expected, got))
    return expected == got


def _only(comp: CompiledLang, rule: CompiledRule) -> CompiledLang:
    rules = {k: ([rule] if k == rule.kind else []) for k in comp.rules}
    only = copy.copy(comp)  # shallow, as dataclasses.replace was
    only.rules = rules
    return only


def claims_of_rule(comp: CompiledLang, rule: CompiledRule, text: str) -> list[dict]:
    from ..extractor import Extractor

    art = build(text, abbreviations=comp.abbreviations)
    return [_as_output(c) for c in Extractor(art, _only(comp, rule), EXAMPLE_PUBLISHED, []).run()]


def _shadowed(comp: CompiledLang, rule: CompiledRule, text: str, expect) -> tuple[str, list[dict]] | None:
    """When the example holds for its rule alone but not when the whole pack of its language
    runs, as `factx extract` runs it: (why, the pack's claims of that kind); else None.
    Where two rules of a kind match overlapping text the one listed first wins, so a
    specific reading listed after a general one never shows."""
    from ..extractor import Extractor

    art = build(text, abbreviations=comp.abbreviations)
    pack = [_as_output(c) for c in Extractor(art, comp, EXAMPLE_PUBLISHED, []).run() if c["kind"] == rule.kind]
    if any(subset(expect, c) for c in pack):
        return None
    others = sorted({c["rule"] for c in pack} - {rule.id})
    why = "holds for this rule alone, but not with the whole pack" + (
        f": {', '.join(others)} (listed before it) takes the text; list the more specific rule first"
        if others else "")
    return why, pack


def cues_of_rule(comp: CompiledLang, rule: CompiledRule, text: str) -> list[dict]:
    from ..attribution import Attributor

    art = build(text, abbreviations=comp.abbreviations)
    att = Attributor(art, comp, [])
    return [{"party": c.party, "speaker": c.speaker, "_match": (c.start, c.end)}
            for cues in att.cues for c in cues if c.rule == rule.id]


def _clean(claim: dict) -> dict:
    return {k: v for k, v in claim.items() if k not in ("evidence", "_match")}


def _as_output(claim: dict) -> dict:
    """The claim as factx prints it (model defaults filled in), keeping the match span."""
    from ..models import CLAIM_MODELS

    match = claim.get("_match")
    out = CLAIM_MODELS[claim["kind"]].model_validate(_clean(claim) | {"evidence": claim["evidence"]}).model_dump()
    out["_match"] = match
    return out


def run_rule(comp: CompiledLang, rule: CompiledRule) -> list[ExampleResult]:
    out = []
    for ex in rule.rule.examples:
        text, marked = _unmark(ex.text)
        got = cues_of_rule(comp, rule, text) if rule.kind == "speech" else claims_of_rule(comp, rule, text)
        positive = ex.expect != "none"
        if not positive:
            ok = not got
            msg = "" if ok else "expected no claim"
        else:
            hits = [c for c in got if subset(ex.expect, c)]
            ok = bool(hits)
            msg = "" if ok else ("no claim" if not got else "no claim with the expected fields")
            if ok and marked and rule.kind != "speech" and not any(c["_match"] == marked for c in hits):
                ok, msg = False, f"matched {[text[slice(*c['_match'])] for c in hits]!r}, not the [[marked]] span"
            if ok and rule.kind != "speech":
                shadow = _shadowed(comp, rule, text, ex.expect)
                if shadow is not None:
                    ok, msg, got = False, shadow[0], shadow[1]
        out.append(ExampleResult(rule.id, rule.origin, ex.text, positive, ok, ex.expect,
                                 [_clean(c) for c in got], msg))
    return out


def run_all(ruleset: RuleSet, langs: list[str] | None = None) -> tuple[list[ExampleResult], dict[str, CompiledLang]]:
    results: list[ExampleResult] = []
    comps = {}
    for lang in langs or ruleset.languages():
        comp = get_compiled(ruleset, lang)
        comps[lang] = comp
        for rule in [*comp.speech, *(r for rs in comp.rules.values() for r in rs)]:
            results += run_rule(comp, rule)
        results += _lexicon_examples(ruleset, comp)
    return results, comps


def _lexicon_examples(ruleset: RuleSet, comp: CompiledLang) -> list[ExampleResult]:
    out = []
    if comp.numbers is not None:
        origin = ruleset.numbers[comp.lang][1].path
        for ex in ruleset.numbers[comp.lang][0].examples:
            want = {"value": ex.value, "min": ex.min, "max": ex.max, "approximate": ex.approximate}
            got = comp.numbers.parse_count(ex.text)
            full = regex.fullmatch(comp.numbers.count_re, ex.text, regex.I) is not None
            ok = got == want and full
            out.append(ExampleResult(f"{comp.lang}.numbers", origin, ex.text, True, ok, want, [got],
                                     "" if full else "the {count} pattern does not match the whole text"))
    for bp, origin in ruleset.boilerplate.get(comp.lang, []):
        for group in (bp.line, bp.cut, bp.label):
            for tp in group:
                rx = regex.compile(tp.pattern, regex.I)
                for text in tp.examples:
                    ok = (rx.match(text) if group is bp.cut else rx.fullmatch(text)) is not None
                    out.append(ExampleResult(tp.id, origin.path, text, True, ok, "match", [], "" if ok else "no match"))
                for text in tp.counterexamples:
                    ok = (rx.match(text) if group is bp.cut else rx.fullmatch(text)) is None
                    out.append(ExampleResult(tp.id, origin.path, text, False, ok, "none", [], "" if ok else "matched"))
    return out
