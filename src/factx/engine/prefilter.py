"""Skip the segments where a rule cannot match, without running its regex there.

Most rules need a word: `{count} (?:kematian|korban jiwa|...)` cannot match a
sentence without one of those nouns, yet the regex engine would try it at every
position of every sentence, and a pattern holding `{party}` (thousands of names)
costs tens of microseconds per position. So, once per language, every rule
pattern is read with the `regex` module's own parser and reduced to a set of
literal strings one of which every match must contain; once per article, one
Aho-Corasick pass over the case-folded text finds where those literals are; a
rule then runs only on the segments that hold one of its literals.

This is an exact optimisation: it only skips a segment where the regex could not
match, so the claims never change. It is conservative wherever it is unsure: a
pattern it cannot read (parser internals changed, a construct it does not know,
fuzzy matching, full case folding) gets no filter and always runs.

The case-insensitive literal test relies on `fold()`: if the `regex` module
matches two characters case-insensitively, `fold` maps them to the same
character. Python's Unicode data can be older than regex's, so every literal
character is checked against regex itself (`safe`) before it is relied on.
"""
from __future__ import annotations

import array
import bisect
import pickle
import sys
import time
from functools import lru_cache

import ahocorasick
import regex

_LIMIT = 64  # the most strings one node may expand to before only "contains one of" is kept
# Pairs the `regex` module matches case-insensitively that str.casefold/lower keep apart:
# Turkic dotted/dotless i, and three characters whose full folds are equal strings.
_FIX = {"ı": "i", "İ": "i", "\u1fd3": "\u0390", "\u1fe3": "\u03b0", "\ufb05": "\ufb06"}
_FIX_TABLE = str.maketrans(_FIX)
_IGNORECASE = regex.IGNORECASE | regex.UNICODE | regex.VERSION0  # as engine/compile.FLAGS


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    if c in _FIX:
        return _FIX[c]
    folded = c.casefold()
    if len(folded) == 1:
        return folded
    low = c.lower()
    return low if len(low) == 1 else c


def fold(text: str) -> str:
    """Case-fold `text` character by character, keeping its length (offsets carry over)."""
    folded = text.casefold()
    if len(folded) != len(text):  # ß, İ, ligatures: casefold expands them
        return "".join(map(_fold_char, text))
    if any(c in folded for c in _FIX):
        folded = folded.translate(_FIX_TABLE)
    return folded


@lru_cache(maxsize=1)
def _cased() -> tuple[str, frozenset[str]]:
    """Every character with case in the regex module's own Unicode data (which may be newer
    than Python's), as a string to search and as a set."""
    every = array.array("I", range(sys.maxunicode + 1)).tobytes().decode("utf-32-le", "surrogatepass")
    chars = regex.findall(r"[\p{Cased}\p{CWCF}\p{CWL}\p{CWU}\p{CWT}]", every)
    return "".join(chars), frozenset(chars)


@lru_cache(maxsize=4096)
def safe(c: str) -> bool:
    """Does every character that `regex` matches to `c` case-insensitively fold like `c`?

    True for all letters of the shipped packs; False for a few letters whose case partner
    is newer than Python's Unicode data (U+019B and U+A7DC). A literal with an unsafe
    character is not used: its rule runs unfiltered. Checked at compile time only.
    """
    universe, cased = _cased()
    if c not in cased:
        return True  # no case: regex matches it to itself only
    target = fold(c)
    return all(fold(m.group()) == target for m in regex.finditer(regex.escape(c), universe, _IGNORECASE))


# -- what every match must contain ------------------------------------------------------------

_Info = tuple  # (exact: frozenset[str] | None, required: frozenset[str] | None)
_EMPTY: _Info = (frozenset({""}), None)
_UNKNOWN: _Info = (None, None)


def _best(candidates) -> frozenset[str] | None:
    """The most selective set: longest shortest literal, then fewest literals."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def _analyse(node, core) -> _Info:
    """(every string `node` can match, if few; a set one of which every match contains).

    Both folded. Unknown node types give no information, which is always safe.
    """
    t = type(node)
    full = core.FULLIGNORECASE
    if t is core.Character:
        if not node.positive or node.zerowidth or (node.case_flags & full) == full or not safe(chr(node.value)):
            return _UNKNOWN
        return frozenset({fold(chr(node.value))}), None
    if t is core.String or t is core.Literal:
        chars = "".join(map(chr, node.characters))
        if (node.case_flags & full) == full or not all(map(safe, chars)):
            return _UNKNOWN
        return frozenset({fold(chars)}), None
    if t is core.Sequence:
        candidates = []
        run: frozenset[str] | None = frozenset({""})
        exact = True
        for item in node.items:
            ex, req = _analyse(item, core)
            if req:
                candidates.append(req)
            if ex is not None and len(run) * len(ex) <= _LIMIT:
                run = frozenset(a + b for a in run for b in ex)
                continue
            exact = False
            candidates.append(run)
            run = ex if ex is not None else frozenset({""})
        candidates.append(run)
        return (run if exact else None), _best(candidates)
    if t is core.Branch:
        exacts, reqs = [], []
        for branch in node.branches:
            ex, req = _analyse(branch, core)
            exacts.append(ex)
            reqs.append(_best([req, ex]))
        ex = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*exacts)
            ex = union if len(union) <= _LIMIT else None
        req = None if any(r is None for r in reqs) else frozenset().union(*reqs)
        return ex, req
    if t is core.Group or t is core.Atomic:
        return _analyse(node.subpattern, core)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        ex, req = _analyse(node.subpattern, core)
        if node.min_count == 0:
            if node.max_count == 1 and ex is not None:
                return ex | {""}, None
            return _UNKNOWN
        if node.min_count == 1 and node.max_count == 1:
            return ex, req
        return None, _best([req, ex])
    if t is core.LookAround or isinstance(node, core.ZeroWidthBase):
        return _EMPTY  # matches no text: neither helps nor breaks a run of literals
    return _UNKNOWN


def required_literals(pattern: str, flags: int) -> frozenset[str] | None:
    """Folded strings one of which every match of `pattern` contains; None if unknown."""
    try:
        from regex import _regex_core as core

        source = core.Source(pattern)
        info = core.Info(flags, source.char_type, {})
        source.ignore_space = bool(info.flags & regex.VERBOSE)
        if info.flags & (regex.LOCALE | regex.FULLCASE):
            return None
        parsed = core._parse_pattern(source, info)
        if not source.at_end():
            return None
        ex, req = _analyse(parsed, core)
    except Exception:  # noqa: BLE001 - any surprise from the parser means: no filter
        return None
    return _best([req, ex])


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


# -- where the literals are in one text ----------------------------------------------------------


class LiteralIndex:
    """The literals of one language's rules; finds them all in a text in one pass."""

    def __init__(self) -> None:
        self._literals: list[str] = []  # by id
        self._ids: dict[str, int] = {}
        self._sets: list[tuple[int, ...]] = []  # literal ids, by key
        self._auto = None
        # (text, starts per literal id, spans per key, seconds left per pattern): one tuple, swapped whole
        self._state = None

    def add(self, literals: frozenset[str]) -> int:
        """Register a rule's literal set; returns the key to ask `present()` with."""
        ids = []
        for s in sorted(literals):
            if s not in self._ids:
                self._ids[s] = len(self._literals)
                self._literals.append(s)
            ids.append(self._ids[s])
        self._sets.append(tuple(ids))
        self._auto = None
        return len(self._sets) - 1

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
            for last, (i, length) in self._automaton().iter(fold(text)):
                starts.setdefault(i, []).append(last + 1 - length)
        state = (text, starts, {}, {})
        self._state = state
        return state

    def ledger(self, text: str) -> dict:
        """Seconds each pattern has left on `text` (see `budget`), by id of the pattern."""
        return self._hits(text)[3]

    def present(self, key: int, text: str, start: int, end: int) -> bool:
        """Does text[start:end] hold one of the literals of set `key`?"""
        _, starts, spans, _ = self._hits(text)
        found = spans.get(key)
        if found is None:
            pairs = sorted((s, s + len(self._literals[i])) for i in self._sets[key] for s in starts.get(i, ()))
            found = spans[key] = ([p[0] for p in pairs], [p[1] for p in pairs])
        begins, ends = found
        for j in range(bisect.bisect_left(begins, start), len(begins)):
            if begins[j] >= end:
                return False
            if ends[j] <= end:
                return True
        return False

    def __getstate__(self):
        return {"literals": self._literals, "sets": self._sets}

    def __setstate__(self, state):
        self._literals, self._sets = state["literals"], state["sets"]
        self._ids = {s: i for i, s in enumerate(self._literals)}
        self._auto = None
        self._state = None


class Gated:
    """A compiled pattern that first asks the LiteralIndex whether a segment can match.

    It stands in for the `regex.Pattern` (everything but `finditer` and `search` goes
    straight to the pattern), so the code that runs rules needs no change. Unpickled
    from the disk cache it holds the pattern's compiled code and rebuilds the pattern
    on first use: most rules never run on a given article, so most are never rebuilt.
    """

    __slots__ = ("_pattern", "_packed", "index", "key")

    def __init__(self, pattern: regex.Pattern, index: LiteralIndex | None, key: int | None):
        self._pattern = pattern
        self._packed = None
        self.index = index
        self.key = key

    @property
    def pattern(self) -> regex.Pattern:
        rx = self._pattern
        if rx is None:
            rx = self._pattern = pickle.loads(self._packed)
        return rx

    def _skip(self, string, pos, endpos, kwargs) -> bool:
        if self.key is None or kwargs.get("partial") or not isinstance(string, str):
            return False
        pos = 0 if pos is None else pos
        endpos = len(string) if endpos is None else endpos
        if not 0 <= pos <= endpos <= len(string):
            return False  # let the pattern handle odd bounds its own way
        return not self.index.present(self.key, string, pos, endpos)

    def finditer(self, string, pos=None, endpos=None, **kwargs):
        if self._skip(string, pos, endpos, kwargs):
            return iter(())
        if kwargs.get("timeout") is None:
            return self.pattern.finditer(string, pos, endpos, **kwargs)
        ledger, left = self._budget(string, kwargs)
        return self._metered(self.pattern.finditer(string, pos, endpos, **kwargs), ledger, left)

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
        return (packed, self.index, self.key)

    def __setstate__(self, state):
        self._packed, self.index, self.key = state
        self._pattern = None

    def __repr__(self) -> str:
        return f"Gated({self.pattern!r})"


def gate(pattern: regex.Pattern, index: LiteralIndex, store=None) -> Gated:
    """`pattern` behind the pre-filter; `store` (a cache.PatternStore) remembers the analysis."""
    if store is not None:
        literals = store.literals(pattern.pattern, pattern.flags, required_literals)
    else:
        literals = required_literals(pattern.pattern, pattern.flags)
    return Gated(pattern, index, None if literals is None else index.add(literals))
