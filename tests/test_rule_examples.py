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

