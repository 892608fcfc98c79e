"""Where the literals of one language's rules are in a text, found in one pass.

Every rule pattern is reduced to literal sets (engine/needs.py) and start strings
(engine/starts.py); each set is registered here once, under a key that the rules
holding it share. Per text, one Aho-Corasick pass over the case-folded text finds
every literal; `spans(key)` then gives where a set's literals are, and `present`
whether a segment holds one. engine/prefilter.py decides from these where a rule
is tried.
"""
from __future__ import annotations

import bisect

import ahocorasick
import regex

from .fold import fold_text
from .needs import run_lengths


class LiteralIndex:
    """The literals of one language's rules; finds them all in a text in one pass."""

    def __init__(self) -> None:
        self._literals: list[str] = []  # by id
        self._ids: dict[str, int] = {}
        self._sets: list[tuple[int, ...]] = []  # literal ids, by key
        self._initial: set[int] = set()  # keys whose hits count only after a non-word character
        self._keys: dict[tuple[tuple[int, ...], bool], int] = {}  # (literal ids, initial) -> key
        self._auto = None
        # (text, starts per literal id, spans per key, seconds left per pattern): one tuple, swapped whole
        self._state = None

    def add(self, literals: frozenset[str], initial: bool = False) -> int:
        """Register a rule's literal set; returns the key to ask `present()` with. With
        `initial`, `spans` gives only the hits not preceded by a word character. Rules that
        share a set (every `{count}`-led rule begins with the same strings) share its key,
        so its hits are gathered once per text."""
        ids = []
        for s in sorted(literals):
            if s not in self._ids:
                self._ids[s] = len(self._literals)
                self._literals.append(s)
            ids.append(self._ids[s])
        key = self._keys.get((tuple(ids), initial))
        if key is None:
            self._sets.append(tuple(ids))
            self._auto = None
            key = self._keys[(tuple(ids), initial)] = len(self._sets) - 1
            if initial:
                self._initial.add(key)
        return key

    @property
    def _lengths(self) -> tuple[list[int], int]:
        """Each literal's length, by id, and a number above all of them."""
        found = self.__dict__.get("_length_list")
        if found is None or len(found[0]) != len(self._literals):
            lengths = [len(s) for s in self._literals]
            found = self.__dict__["_length_list"] = (lengths, max(lengths, default=0) + 1)
        return found

    def _automaton(self):
        if self._auto is None:
            auto = ahocorasick.Automaton()
            for i, s in enumerate(self._literals):
                auto.add_word(s, (i, len(s)))
            if self._literals:
                auto.make_automaton()
            self._auto = auto
        return self._auto

    def _hits(self, text: str):
        state = self._state
        if state is not None and state[0] is text:
            return state
        starts: dict[int, list[int]] = {}
        if self._literals:
            for last, (i, length) in self._automaton().iter(fold_text(text)):
                starts.setdefault(i, []).append(last + 1 - length)
        state = (text, starts, {}, {})
        self._state = state
        return state

    def ledger(self, text: str) -> dict:
        """Seconds each pattern has left on `text` (see `budget`), by id of the pattern."""
        return self._hits(text)[3]

    def spans(self, key: int, text: str) -> tuple[list[int], list[int]]:
        """Where the literals of set `key` are in `text`: (starts, ends), sorted by start."""
        _, starts, spans, _ = self._hits(text)
        found = spans.get(key)
        if found is None:
            ids = self._sets[key]
            if len(starts) < len(ids):  # few literals of the language occur: look at those only
                members = self._members(key)
                ids = [i for i in starts if i in members]
            # each hit as one int, start * w + length (w: longer than any literal): sorting ints
            # is several times cheaper than sorting (start, end) pairs
            lengths, w = self._lengths
            packed = sorted([s * w + lengths[i] for i in ids if i in starts for s in starts[i]])
            if key in self._initial:
                packed = [v for v in packed if v < w or not _word_char(text[v // w - 1])]
            begins = [v // w for v in packed]
            found = spans[key] = (begins, [b + v % w for b, v in zip(begins, packed)])
        return found

    def occurs(self, key: int, text: str) -> bool:
        """Does any literal of set `key` occur in `text` at all? Cheaper than `spans`: a rule
        one of whose sets is absent from the article is dropped before any position is read."""
        _, starts, spans, _ = self._hits(text)
        found = spans.get(key)
        if found is not None:
            return bool(found[0])
        ids = self._sets[key]
        if len(starts) < len(ids):
            return not self._members(key).isdisjoint(starts)
        return not starts.keys().isdisjoint(ids)

    def _members(self, key: int) -> frozenset[int]:
        sets = self.__dict__.setdefault("_member_sets", {})
        found = sets.get(key)
        if found is None:
            found = sets[key] = frozenset(self._sets[key])
        return found

    def present(self, key: int, text: str, start: int, end: int) -> bool:
        """Does text[start:end] hold one of the literals of set `key`?"""
        begins, ends = self.spans(key, text)
        for j in range(bisect.bisect_left(begins, start), len(begins)):
            if begins[j] >= end:
                return False
            if ends[j] <= end:
                return True
        return False

    def runs(self, text: str) -> tuple[int, ...]:
        """run_lengths(text), once per text."""
        spans = self._hits(text)[2]
        found = spans.get("runs")
        if found is None:
            found = spans["runs"] = run_lengths(text)
        return found

    def __getstate__(self):
        # the automaton too: unpickling it costs a twentieth of building it again
        return {"literals": self._literals, "sets": self._sets, "automaton": self._automaton(),
                "initial": self._initial}

    def __setstate__(self, state):
        self._literals, self._sets = state["literals"], state["sets"]
        self._ids = {s: i for i, s in enumerate(self._literals)}
        self._auto = state.get("automaton")
        self._initial = state.get("initial", set())
        self._keys = {(ids, key in self._initial): key for key, ids in enumerate(self._sets)}
        self._state = None


_WORD_CHARS: dict[str, bool] = {}  # character -> is it a word character (`\\w` as the rules read it)


def _word_char(c: str) -> bool:
    found = _WORD_CHARS.get(c)
    if found is None:
        found = _WORD_CHARS[c] = regex.match(r"\w", c, regex.IGNORECASE | regex.UNICODE | regex.VERSION0) is not None
    return found
