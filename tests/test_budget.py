"""The run-time time budget, library side: a slow user pattern is cut off, named in a
warning, and the rest of the article is still extracted; no rule can take long on one
text however many segments it has. (The CLI side lives in test_rules_toolkit.py.)

The patterns below pass the static check (engine/backtrack.py) yet backtrack
polynomially: `\\w*\\w*\\w*\\w*\\w*x` against a 1,200-letter word takes many seconds.
"""
from __future__ import annotations

import signal
import threading
import time

import pytest
import regex

import factx
from factx.engine import prefilter
from factx.engine.compile import TIMEOUT

from conftest import SEED

SLOW_QUOTE = r"""kind: quote
lang: id
rules:
  - id: id.quote.slow
    description: "five unbounded runs of the same class: polynomial backtracking"
    pattern: '(?P<text>\w*\w*\w*\w*\w*)x'
"""

SLOW_CUE = r"""kind: speech
lang: id
rules:
  - id: id.speech.slow
    description: "the same trap in a speech cue, which attribution runs on every sentence"
    side: before
    pattern: '\w*\w*\w*\w*\w*x'
"""

# Sentences that each hold a 1,200-letter word and an "x" (so the pre-filter lets the
# rule run there): without a budget per text, each would cost a full TIMEOUT.
TRAPS = 12
TRAP = "Warga " + "a" * 1200 + " y x."


def _pack(tmp_path, name: str, text: str):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "rules.yaml").write_text(text, encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _with(seed: str, paragraph: str) -> str:
    """The seed article with `paragraph` after its first paragraph (its tail is boilerplate
    that the body ends before)."""
    head, sep, rest = seed.partition("\n\n")
    return head + sep + paragraph + "\n\n" + rest


def _claims(doc) -> list[tuple]:
    return [(c.kind, c.rule, c.evidence.start, c.evidence.end) for c in doc.claims]


@pytest.mark.parametrize("pack", [SLOW_QUOTE, SLOW_CUE], ids=["quote-rule", "speech-cue"])
def test_a_slow_user_rule_is_cut_off_and_named_and_the_rest_is_extracted(tmp_path, seed, pack):
    text = _with(seed, " ".join([TRAP] * TRAPS))
    plain = factx.extract(text, lang="id")
    rules = [_pack(tmp_path, "slow", pack)]
    factx.extract("Warga x.", lang="id", rules=rules)  # compiles the packs: not what is bounded here

    start = time.perf_counter()
    doc = factx.extract(text, lang="id", rules=rules)
    elapsed = time.perf_counter() - start

    rule_id = "id.quote.slow" if "quote" in pack else "id.speech.slow"
    budget_warnings = [w for w in doc.warnings if rule_id in w and "time budget" in w]
    assert len(budget_warnings) == 1, doc.warnings  # named, and only once
    # every claim of the shipped rules is still there, as without the slow pack
    assert _claims(doc) == _claims(plain)
    assert doc.claims, "the seed article has claims"
    # bounded by the budget of one rule on one text, not by TRAPS x TIMEOUT
    assert TRAPS * TIMEOUT > prefilter.budget(text) + 0.5, "the test would not tell the two apart"
    assert elapsed < prefilter.budget(text) + 3.0, elapsed


def test_the_budget_is_per_text(tmp_path, seed):
    """A rule cut off on one article runs normally on the next."""
    rules = [_pack(tmp_path, "slow", SLOW_QUOTE)]
    trapped = factx.extract(_with(seed, TRAP), lang="id", rules=rules)
    assert any("id.quote.slow" in w for w in trapped.warnings)
    clean = factx.extract(seed, lang="id", rules=rules)
    assert not any("time budget" in w for w in clean.warnings), clean.warnings
    assert _claims(clean) == _claims(factx.extract(seed, lang="id"))


def test_a_gated_pattern_spends_at_most_its_budget_over_many_segments():
    rx = regex.compile(r"\w*\w*\w*\w*\w*x", regex.I | regex.V0)
    index = prefilter.LiteralIndex()
    slow = prefilter.gate(rx, index)
    text = "\n".join([TRAP] * 40)
    bounds = [(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]
    timeouts = 0
    start = time.perf_counter()
    for s, e in bounds:
        try:
            list(slow.finditer(text, s, e, timeout=TIMEOUT))
        except TimeoutError:
            timeouts += 1
    elapsed = time.perf_counter() - start
    assert timeouts == len(bounds)  # once spent, every later call is refused at once
    assert elapsed < prefilter.budget(text) + 1.0, elapsed
    # a new text starts with a full budget
    other = TRAP.replace("a" * 1200, "a" * 20)
    assert [m.group() for m in slow.finditer(other, timeout=TIMEOUT)] == [m.group() for m in rx.finditer(other)]


def test_callers_without_a_timeout_are_not_metered():
    """Only rule runs carry `timeout`; other uses of a gated pattern behave like the pattern."""
    rx = regex.compile(r"tewas", regex.I)
    gated = prefilter.gate(rx, prefilter.LiteralIndex())
    text = "Tiga tentara tewas. Dua warga TEWAS."
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert gated.search(text, 5).span() == rx.search(text, 5).span()
    assert gated.search("tidak ada") is None


# -- how the budget is enforced: a CPU ticker in the main thread, `timeout=` elsewhere --------------

def _slow_extract(tmp_path, seed, name: str):
    text = _with(seed, " ".join([TRAP] * TRAPS))
    rules = [_pack(tmp_path, name, SLOW_QUOTE)]
    start = time.perf_counter()
    doc = factx.extract(text, lang="id", rules=rules)
    return doc, time.perf_counter() - start, text


def test_in_the_main_thread_the_ticker_cuts_the_rule_off(tmp_path, seed, monkeypatch):
    from factx.engine import deadline

    seen = []
    real = deadline.active
    monkeypatch.setattr(deadline, "active", lambda: seen.append(real()) or seen[-1])
    doc, elapsed, text = _slow_extract(tmp_path, seed, "slow")
    assert seen and all(seen), "rules ran without the ticker"
    assert any("id.quote.slow" in w and "time budget" in w for w in doc.warnings), doc.warnings
    assert elapsed < prefilter.budget(text) + 3.0, elapsed
    # nothing is left behind: no handler, no timer
    assert signal.getsignal(signal.SIGVTALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)


def test_in_another_thread_the_budget_still_holds(tmp_path, seed):
    out = {}

    def work():
        out["result"] = _slow_extract(tmp_path, seed, "slow")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert not worker.is_alive()
    doc, elapsed, text = out["result"]
    assert any("id.quote.slow" in w and "time budget" in w for w in doc.warnings), doc.warnings
    assert elapsed < prefilter.budget(text) + 3.0, elapsed


def test_a_handler_of_the_host_program_is_left_alone(tmp_path, seed):
    calls = []
    previous = signal.signal(signal.SIGVTALRM, lambda *_: calls.append(1))
    try:
        doc, elapsed, text = _slow_extract(tmp_path, seed, "slow")
        assert signal.getsignal(signal.SIGVTALRM) is not signal.SIG_DFL
        assert not calls  # factx never armed the timer that would call it
    finally:
        signal.signal(signal.SIGVTALRM, previous)
    assert any("id.quote.slow" in w and "time budget" in w for w in doc.warnings), doc.warnings
    assert elapsed < prefilter.budget(text) + 3.0, elapsed
