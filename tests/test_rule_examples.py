"""Every shipped rule's own examples, through the harness `factx rules test` uses.

One test per rule id, so a failure names the rule; the message is the same compact
diff the CLI prints. The packs are compiled once per language for the whole module.
"""
from __future__ import annotations

import pytest

from factx.engine.check import check_ruleset, format_failure, run_tests, selector, shipped_ruleset
from factx.engine.compile import get_compiled

RULESET = shipped_ruleset()  # held for the module: the compiled languages are cached against it
RULE_IDS = sorted(RULESET.rules)


def _failures(report) -> str:
    return "\n\n".join(format_failure(o) for o in report.failures)


def test_shipped_packs_have_no_problems():
    report = check_ruleset(RULESET, compiler=get_compiled)
    assert not report.errors, "\n".join(str(e) for e in report.errors)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_examples(rule_id: str):
    report = run_tests(RULESET, selector(ids=[rule_id]))
    assert not report.errors, "\n".join(str(e) for e in report.errors)
    assert not report.failures, _failures(report)


def test_number_and_boilerplate_examples():
    report = run_tests(RULESET, selector(ids=["*.numbers", "*.boilerplate.*"]))
    assert report.outcomes
    assert not report.failures, _failures(report)


def test_coverage():
    """`factx rules test --coverage`: a positive and a negative example per rule, and each rule fires."""
    report = run_tests(RULESET, coverage=True)
    assert not report.coverage, "\n".join(str(e) for e in report.coverage)


def _whole_pack_misses() -> list[str]:
    """Positive examples whose claim the whole pack does not give: a rule that comes earlier
    in its file (and so wins the overlap) takes the span with another reading."""
    import factx
    from factx.engine.examples import EXAMPLE_PUBLISHED, _unmark, subset

    misses = []
    for lang in RULESET.languages():
        comp = get_compiled(RULESET, lang)
        for kind, rules in comp.rules.items():
            for rule in rules:
                for ex in rule.rule.examples:
                    if not isinstance(ex.expect, dict):
                        continue
                    text, _ = _unmark(ex.text)
                    doc = factx.extract(text, lang=lang, published=EXAMPLE_PUBLISHED).model_dump(mode="json")
                    if not any(c["kind"] == kind and subset(ex.expect, c) for c in doc["claims"]):
                        got = [(c["rule"], {k: c.get(k) for k in ex.expect}) for c in doc["claims"] if c["kind"] == kind]
                        misses.append(f"{rule.id}: {text!r} wants {ex.expect}, the pack gives {got}")
    return misses


def test_each_example_holds_when_the_whole_pack_runs():
    """An example is checked against its rule alone above; here against every rule of its
    language, as `factx extract` runs them. "Aliyev menolak seruan gencatan senjata." was a
    rejection by its own rule, but the proposal rule, listed before it, took the span."""
    misses = _whole_pack_misses()
    assert not misses, "\n".join(misses)
