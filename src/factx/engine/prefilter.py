"""Skip the segments where a rule cannot match, and try it only near the words it needs.

Most rules need a word: `{count} (?:kematian|korban jiwa|...)` cannot match a
sentence without one of those nouns, yet the regex engine would try it at every
position of every sentence, and a pattern holding `{party}` (thousands of names)
costs tens of microseconds per position. So, once per language, every rule
pattern is reduced to literal sets every match contains (engine/needs.py); once
per article, one Aho-Corasick pass over the case-folded text finds where those
literals are; a rule then runs only on the segments that hold a literal of each of
its sets, and there only at the places where a match can begin (the hits of the
strings every match starts with, engine/starts.py) or, where a set bounds how far
before its literal a match can start, only from there: the runners of
engine/runners.py.

This is an exact optimisation: it only skips where the regex could not match, so
the claims never change. A pattern the analysis cannot read gets no filter and
always runs as written.
"""
from __future__ import annotations

import bisect
import pickle
import time

import regex

from . import deadline
from .literals import LiteralIndex
from .needs import requirements
from .runners import _DENSE, Runners


# -- how long a rule may run on one text ----------------------------------------------------------

BUDGET = 1.0  # seconds per rule per text, for all its segments together ...
BUDGET_PER_CHAR = 20e-6  # ... plus this per character: a linear rule on a long article is not cut off


def budget(text: str) -> float:
    """Seconds one rule may spend on `text`: bounded, so one slow pattern cannot hang a run.

    Each call also carries the caller's own `timeout` (compile.TIMEOUT, per segment);
    a rule that runs out is cut off for the rest of the text with a TimeoutError, which
    the caller reports as a warning naming the rule.
    """
    return BUDGET + BUDGET_PER_CHAR * len(text)


class Gated(Runners):
    """A compiled pattern that first asks the LiteralIndex whether a segment can match.

    It stands in for the `regex.Pattern` (everything but `finditer` and `search` goes
    straight to the pattern), so the code that runs rules needs no change. Unpickled
    from the disk cache it holds the pattern's compiled code and rebuilds the pattern
    on first use: most rules never run on a given article, so most are never rebuilt.

    A segment must hold a literal of every set in `keys`. When every match begins with
    one of a few strings (`starts`), the pattern is tried only where they occur; when it
    has an anchor (a literal set every match holds within `reach` characters of its
    start), only near the anchor's hits. Either way, the same matches in the same order
    as a search at every position (see `_runner`).
    """

    __slots__ = ("_pattern", "_packed", "index", "keys", "anchor", "reach", "starts", "after", "guarded")

    def __init__(self, pattern: regex.Pattern, index: LiteralIndex | None, keys: tuple[int, ...] = (),
                 anchor: int | None = None, reach: tuple | None = None, starts: int | None = None,
                 after: tuple | None = None, guarded: tuple | None = None):
        self._pattern = pattern
        self._packed = None
        self.index = index
        self.keys = keys
        self.anchor = anchor  # a key of `keys`, or None
        self.reach = reach
        self.starts = starts  # key of the strings every match begins with, or None
        # without `starts`: (key of strings a match may begin with or None, key of strings it
        # may begin just after, the width between, the longest of those), or None
        self.after = after
        # without either: (key of strings a match may begin with, [(key of a guard's words, the
        # width before the segment they may lie at, the longest of them)]), or None
        self.guarded = guarded

    @property
    def key(self) -> int | None:
        """The most selective literal set's key; None for a pattern that is not filtered."""
        return self.keys[0] if self.keys else None

    @property
    def pattern(self) -> regex.Pattern:
        rx = self._pattern
        if rx is None:
            rx = self._pattern = pickle.loads(self._packed)
        return rx

    def _bounds(self, string, pos, endpos, kwargs) -> tuple[int, int] | None:
        """(pos, endpos) when the pre-filter applies to this call, else None."""
        if not self.keys or kwargs.get("partial") or kwargs.get("overlapped") or not isinstance(string, str):
            return None
        pos = 0 if pos is None else pos
        endpos = len(string) if endpos is None else endpos
        if not 0 <= pos <= endpos <= len(string):
            return None  # let the pattern handle odd bounds its own way
        return pos, endpos

    def _skip(self, string, pos, endpos, kwargs) -> bool:
        bounds = self._bounds(string, pos, endpos, kwargs)
        if bounds is None:
            return False
        return not all(self.index.present(k, string, *bounds) for k in self.keys)

    def _matches(self, string, pos, endpos, kwargs):
        bounds = self._bounds(string, pos, endpos, kwargs)
        if bounds is not None:
            if not all(self.index.present(k, string, *bounds) for k in self.keys):
                return iter(())
            return self._runner(string, *bounds, kwargs)
        return self.pattern.finditer(string, pos, endpos, **kwargs)

    def candidates(self, string: str, starts: list[int], ends: list[int]) -> list[int]:
        """Indices of the segments (sorted, not overlapping: `starts[i]`..`ends[i]`) that hold
        a literal of every set: the only ones `scan` needs to be called on."""
        every = range(len(starts))
        if not self.keys or not isinstance(string, str):
            return list(every)
        index = self.index
        if not all(index.occurs(key, string) for key in self.keys):
            return []
        # the set with the fewest hits names the segments; the others only confirm them
        spans = sorted(((index.spans(key, string), key) for key in self.keys), key=lambda p: len(p[0][0]))
        (begins, lit_ends), _ = spans[0]
        found = set()
        for b, e in zip(begins, lit_ends):
            i = bisect.bisect_right(starts, b) - 1
            if i >= 0 and e <= ends[i]:
                found.add(i)
        for _, key in spans[1:]:
            found = {i for i in found if index.present(key, string, starts[i], ends[i])}
            if not found:
                return []
        return sorted(found)

    def run(self, string: str, starts: list[int], ends: list[int], timeout: float) -> tuple[list, bool]:
        """Every match in every segment (`starts[i]`..`ends[i]`, sorted, not overlapping), as
        [(i, match)] in order, and whether the rule ran out of its time budget on `string`
        (then the list holds what it found before). What `scan` over each of the `candidates`
        gives, in one call: a rule is run once per text, not once per segment."""
        found: list = []
        segments = self.candidates(string, starts, ends)
        if not segments:
            return found, False
        ledger = self.index.ledger(string) if self.index is not None else {}
        key = id(self)
        left = ledger.get(key)
        if left is None:
            left = budget(string)
        clock = time.perf_counter
        begun = clock()
        # the ticker of engine/deadline.py, where armed: the calls then carry no `timeout=`
        ticker = deadline.state if deadline.active() else None
        kwargs: dict = {}
        plan = self._plan(string) if self.starts is not None else None  # once, not per segment
        try:
            try:
                for i in segments:
                    pos, endpos = starts[i], ends[i]
                    now = clock()
                    remaining = left - (now - begun)
                    if remaining <= 0:
                        raise TimeoutError("the rule has used up its time budget on this text")
                    if ticker is not None:
                        ticker.until = now + min(timeout, remaining)
                    else:
                        kwargs = {"timeout": min(timeout, remaining)}
                    if plan is not None and 0 <= pos <= endpos <= len(string):
                        begins = plan[0]
                        j = bisect.bisect_left(begins, pos)
                        if (bisect.bisect_left(begins, endpos, j) - j) * _DENSE <= endpos - pos:
                            self._starts_into(found, i, string, pos, endpos, kwargs, plan, j)
                            continue  # the common case, without a generator per segment
                    if 0 <= pos <= endpos <= len(string):
                        matches = self._runner(string, pos, endpos, kwargs, plan)
                    else:
                        matches = self.pattern.finditer(string, pos, endpos, **kwargs)
                    for m in matches:
                        found.append((i, m))
            finally:
                if ticker is not None:
                    ticker.until = None
        except TimeoutError:
            if ticker is not None:
                ticker.until = None
            ledger[key] = 0.0  # cut off for the rest of this text
            return found, True
        ledger[key] = left - (clock() - begun)
        return found, False

    def scan(self, string: str, pos: int, endpos: int, timeout: float):
        """finditer over a segment `candidates` let through, within the time budget."""
        kwargs = {"timeout": timeout}
        ledger, left = self._budget(string, kwargs)
        if 0 <= pos <= endpos <= len(string):
            found = self._runner(string, pos, endpos, kwargs)
        else:
            found = self.pattern.finditer(string, pos, endpos, **kwargs)
        return self._metered(found, ledger, left)

    def finditer(self, string, pos=None, endpos=None, **kwargs):
        if kwargs.get("timeout") is None:
            return self._matches(string, pos, endpos, kwargs)
        ledger, left = self._budget(string, kwargs)
        return self._metered(self._matches(string, pos, endpos, kwargs), ledger, left)

    def search(self, string, pos=None, endpos=None, **kwargs):
        if self._skip(string, pos, endpos, kwargs):
            return None
        if kwargs.get("timeout") is None:
            return self.pattern.search(string, pos, endpos, **kwargs)
        ledger, left = self._budget(string, kwargs)
        start = time.perf_counter()
        try:
            return self.pattern.search(string, pos, endpos, **kwargs)
        except TimeoutError:
            left = 0.0  # cut off for the rest of this text
            raise
        finally:
            ledger[id(self)] = left - (time.perf_counter() - start)

    # -- the time budget: a rule gets `budget(text)` seconds per text, all segments together --
    def _budget(self, string: str, kwargs: dict) -> tuple[dict, float]:
        ledger = self.index.ledger(string) if self.index is not None else {}
        left = ledger.get(id(self))
        if left is None:
            left = budget(string)
        if left <= 0:
            raise TimeoutError("the rule has used up its time budget on this text")
        kwargs["timeout"] = min(kwargs["timeout"], left)
        return ledger, left

    def _metered(self, matches, ledger: dict, left: float):
        key = id(self)
        while True:
            start = time.perf_counter()
            try:
                m = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                ledger[key] = 0.0  # cut off for the rest of this text
                raise
            finally:
                left -= time.perf_counter() - start
                ledger[key] = min(ledger.get(key, left), left)
            yield m

    def __getattr__(self, name):
        if name.startswith("__") or name == "pattern" or name in Gated.__slots__:
            raise AttributeError(name)  # an unset slot, or pickle probing
        return getattr(self.pattern, name)

    def __getstate__(self):
        packed = self._packed
        if packed is None:
            packed = pickle.dumps(self._pattern, protocol=pickle.HIGHEST_PROTOCOL)
        return (packed, self.index, self.keys, self.anchor, self.reach, self.starts, self.after, self.guarded)

    def __setstate__(self, state):
        self._packed, self.index, self.keys, self.anchor, self.reach, self.starts, self.after, self.guarded = state
        self._pattern = None

    def __repr__(self) -> str:
        return f"Gated({self.pattern!r})"


def gate(pattern: regex.Pattern, index: LiteralIndex, store=None) -> Gated:
    """`pattern` behind the pre-filter; `store` (a cache.PatternStore) remembers the analysis."""
    if store is not None:
        from .cache import code_fingerprint

        # remembered per version of the code, like the compiled languages: an analysis that
        # changed, or failed while the code was half-edited, is never served again
        needs = store.literals(pattern.pattern, pattern.flags, requirements, f"needs-{code_fingerprint()}")
    else:
        needs = requirements(pattern.pattern, pattern.flags)
    if not needs:
        return Gated(pattern, index)
    keys = tuple(index.add(s) for s in needs.sets)
    anchor = keys[needs.anchor] if needs.anchor is not None else None
    starts = index.add(needs.starts, needs.initial) if needs.starts else None
    after = None
    if starts is None and needs.after:
        begin, behind, width = needs.after
        after = (index.add(begin) if begin else None, index.add(behind), width, max(map(len, behind)))
    guarded = None
    if starts is None and after is None and needs.guarded:
        begin, guards = needs.guarded
        guarded = (index.add(begin), tuple((index.add(words), width, max(map(len, words)) if width else 0)
                                           for words, width in guards))
    return Gated(pattern, index, keys, anchor, needs.reach if anchor is not None else None, starts, after,
                 guarded)
