"""Where a match can begin: the literals every match of a pattern starts with.

`{party}\\s+(?:forces\\s+)?shelled` can only begin where a party name begins, and
`(?:{party}\\s+)?(?:shelled|struck)` where a party name or one of the verbs does.
Found once per text by the same Aho-Corasick pass as the other literals, those
positions are the only ones the pattern needs to be tried at (prefilter.Gated),
instead of every position of a sentence. Exact: a pattern whose start this
analysis cannot pin down (a class like `\\d`, anything unknown, a part that can
match nothing) has no start set and is searched as before.

Strings are case-folded as in engine/needs.py.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .needs import _IGNORECASE as _FLAGS
from .needs import _LIMIT, _ZERO_WIDTH, _analyse, head_of

_FEW = 16 * _LIMIT  # the most start strings kept (the Unicode digits are some 700)


def _min_len(node, core) -> int:
    """The fewest characters a match of `node` consumes (0 when unsure: never too many)."""
    t = type(node)
    if t is core.Character:
        return 0 if node.zerowidth else 1
    if t is core.String or t is core.Literal:
        return len(node.characters)
    if t is core.Sequence:
        return sum(_min_len(i, core) for i in node.items)
    if t is core.Branch:
        return min((_min_len(b, core) for b in node.branches), default=0)
    if t is core.Group or t is core.Atomic:
        return _min_len(node.subpattern, core)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return node.min_count * _min_len(node.subpattern, core)
    if t is core.Property or t is core.Range or isinstance(node, core.SetBase):
        return 1
    return 0


def starts_of(node, core) -> frozenset[str] | None:
    """Strings one of which every match of `node` begins with; None if unknown.

    Every string is non-empty; a node that can match the empty string has none.
    """
    t = type(node)
    if t is core.Group or t is core.Atomic:
        return starts_of(node.subpattern, core)
    if t is core.Branch:
        out: set[str] = set()
        for branch in node.branches:
            got = starts_of(branch, core)
            if got is None:
                return None
            out |= got
        return frozenset(out) if len(out) <= _FEW else None
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return starts_of(node.subpattern, core) if node.min_count >= 1 else None
    if t is core.Sequence:
        return _sequence_starts(list(node.items), core)
    if t is core.Range and 0 <= node.upper - node.lower < 64 and node.positive:
        chars = [chr(c) for c in range(node.lower, node.upper + 1)]
        if not node.case_flags or all(c.lower() == c == c.upper() for c in chars):
            return frozenset(chars)  # [0-9]; a range of letters only when case does not matter
    if node == _digit_node(core):
        return _digits()  # \d: a number begins with one of the Unicode digits
    ex, _, _ = _analyse(node, core)
    if ex is not None and ex and "" not in ex:
        return ex
    return None


@lru_cache(maxsize=1)
def _digits() -> frozenset[str]:
    """Every character `\\d` matches (about 700: all of Unicode's decimal digits)."""
    import array
    import sys

    every = array.array("I", range(sys.maxunicode + 1)).tobytes().decode("utf-32-le", "surrogatepass")
    return frozenset(regex.findall(r"\d", every))


_DIGIT: list = []


def _digit_node(core):
    if not _DIGIT:
        source = core.Source(r"\d")
        node = core._parse_pattern(source, core.Info(_FLAGS, source.char_type, {}))
        _DIGIT.append(node.items[0] if type(node) is core.Sequence and len(node.items) == 1 else node)
    return _DIGIT[0]


def _sequence_starts(items: list, core) -> frozenset[str] | None:
    # zero-width assertions in front consume nothing: the match begins at what follows them;
    # but a lookahead in front also says what the text there begins with: `(?=kota\s)\p{Lu}...`
    ahead: frozenset[str] | None = None
    while items and (type(items[0]) is core.LookAround or type(items[0]) in _ZERO_WIDTH):
        first = items[0]
        if type(first) is core.LookAround and first.positive and not first.behind:
            got = starts_of(first.subpattern, core)
            if got is not None and (ahead is None or _better(got, ahead)):
                ahead = got
        items = items[1:]
    if not items:
        return ahead
    found = _rest_starts(items, core)
    if found is None or (ahead is not None and _better(ahead, found)):
        return ahead
    return found


def _better(a: frozenset[str], b: frozenset[str]) -> bool:
    """Are start strings `a` more selective than `b`: longer at the shortest, then fewer?"""
    return (min(map(len, a)), -len(a)) > (min(map(len, b)), -len(b))


def _rest_starts(items: list, core) -> frozenset[str] | None:
    first = items[0]
    if _min_len(first, core) == 0:
        # `(?:X\s+)?Y...`: the match begins with X, or, X skipped, with what follows
        head = _optional_starts(first, core)
        rest = _sequence_starts(items[1:], core)
        if head is None or rest is None:
            return None
        both = head | rest
        return both if len(both) <= _FEW else None
    # the leading run of exact items gives the longest (most selective) start strings
    run = _leading_run(items, core)
    if "" not in run:
        return run
    found = starts_of(first, core)
    branches = _branches(first, core)
    if found is None or branches is None:
        return found
    # `(?:about|an|a)\s+...`: each exact branch goes on with what follows ("an ", "a "), so
    # that "a" is not tried at every word beginning with it
    lead = _leading_run(items[1:], core)
    if lead == frozenset({""}):
        return found
    out: set[str] = set()
    for branch in branches:
        ex, _, _ = _analyse(branch, core)
        if ex and "" not in ex and len(ex) * len(lead) <= _LIMIT:
            out |= {a + b for a in ex for b in lead}
            continue
        got = starts_of(branch, core)
        if got is None:
            return found
        out |= got
    return frozenset(out) if len(out) <= _FEW else found


def _leading_run(items: list, core) -> frozenset[str]:
    """The exact strings the items in front match, joined, up to the first inexact one (through
    the first round of a repeat: `a\\s+dozen` gives "a "); {""} when the first is inexact."""
    run = frozenset({""})
    for item in items:
        ex, _, _ = _analyse(item, core)
        if ex is None:
            head = head_of(item, core)
            if head is not None and len(run) * len(head) <= _LIMIT:
                run = frozenset(a + b for a in run for b in head)
            break
        if "" in ex or len(run) * len(ex) > _LIMIT:
            break
        run = frozenset(a + b for a in run for b in ex)
    return run


def _branches(node, core) -> list | None:
    """The branches of an alternation (through groups), or None if `node` is not one."""
    while type(node) is core.Group or type(node) is core.Atomic:
        node = node.subpattern
    return list(node.branches) if type(node) is core.Branch and len(node.branches) <= _LIMIT else None


def _optional_starts(node, core) -> frozenset[str] | None:
    """Starts of the non-empty matches of `node`, which can also match nothing."""
    t = type(node)
    if t is core.LookAround or t in _ZERO_WIDTH:
        return frozenset()
    if t is core.Group or t is core.Atomic:
        return _optional_starts(node.subpattern, core)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return _nonempty_starts([node.subpattern], core)
    if t is core.Branch:
        return _nonempty_starts(node.branches, core)
    if t is core.Sequence:
        # a sequence that can match nothing: every item can; its non-empty matches begin
        # with the first item that consumes something, whichever it is
        return _nonempty_starts(node.items, core)
    return None


def _nonempty_starts(nodes, core) -> frozenset[str] | None:
    """Starts of the non-empty matches of any of `nodes`."""
    out: set[str] = set()
    for node in nodes:
        got = _optional_starts(node, core) if _min_len(node, core) == 0 else starts_of(node, core)
        if got is None:
            return None
        out |= got
    return frozenset(out)


# -- after a non-word character only ---------------------------------------------------------


def word_initial(node, core) -> bool:
    """Does every match of `node` begin where the character before is not a word character
    (`\\w`), or at the start of the text? True when the match opens with `(?<!\\w)` (or a
    negative lookbehind with `\\w` as one of its branches), or with `\\b` before a word
    character. Then a start string found inside a word ("a" in "Armenia") is no place to try.
    False when unsure."""
    t = type(node)
    if t is core.Group or t is core.Atomic:
        return word_initial(node.subpattern, core)
    if t is core.Branch:
        return bool(node.branches) and all(word_initial(b, core) for b in node.branches)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return node.min_count >= 1 and word_initial(node.subpattern, core)
    if t is not core.Sequence:
        return False
    boundary = False
    for item in node.items:
        if _not_after_word(item, core):
            return True
        if type(item) is core.LookAround or type(item) in _ZERO_WIDTH:
            boundary = boundary or (type(item) is getattr(core, "Boundary", None) and item.positive)
            continue
        if _min_len(item, core) == 0:
            return False
        if boundary:
            first = starts_of(item, core)
            if first and all(_is_word(s[0]) for s in first):
                return True
        return word_initial(item, core)
    return False


def _not_after_word(item, core) -> bool:
    if type(item) is not core.LookAround or not item.behind or item.positive:
        return False
    sub = item.subpattern
    branches = sub.branches if type(sub) is core.Branch else [sub]
    word = _word_node(core)
    return any(type(n) is core.Property and n.value == word.value and n.positive and not n.zerowidth
               for n in (_single(b, core) for b in branches))


def _single(node, core):
    return node.items[0] if type(node) is core.Sequence and len(node.items) == 1 else node


_WORD: list = []


def _word_node(core):
    if not _WORD:
        source = core.Source(r"\w")
        node = core._parse_pattern(source, core.Info(_FLAGS, source.char_type, {}))
        _WORD.append(_single(node, core))
    return _WORD[0]


_WORD_RX = regex.compile(r"\w", _FLAGS)


def _is_word(c: str) -> bool:
    return _WORD_RX.match(c) is not None
