r"""Where a match can begin when no string begins every match: after a word, or unless a word.

engine/starts.py gives the strings every match begins with. Two shapes of the shipped
`{place_list}` have none, and still pin the start down:

- `(?<=(?:kota|desa)\s+)\p{Lu}\w+` begins within a run of white space after "kota" or
  "desa", the words its lookbehind needs (`after_of`);
- English `(?:(?:the\s+)?(?:\w+\s+){0,3}?(?:town|city)\s+)?(?:Ganja|...|(?<=town\s+)...)`
  begins at a place name, unless the segment holds "town" or "city" (`guarded_starts`).

Both are read once per pattern, like the rest of engine/needs.py; engine/prefilter.py uses
them to try a rule only at those places. Strings are folded, as there.
"""
from __future__ import annotations

from .needs import _LIMIT, _ZERO, _ZERO_WIDTH, _analyse, head_of
from .starts import _FEW, _min_len, _optional_starts, _sequence_starts, starts_of

# -- right after a word a lookbehind needs ---------------------------------------------------------

# (strings a match may begin with, strings a match may begin just after, how many characters
# after the end of one of those at most): see `after_of`
After = tuple
_ZERO_WIDTH_VEC = _ZERO  # no characters at all, as a width


def after_of(node, core) -> After | None:
    """Where a match can begin when `starts_of` cannot say: at one of the strings `begin`,
    or at most `width` characters (a width as in engine/needs.py) after the end of one of
    the strings `after`, which a lookbehind in front needs: `(?<=(?:kota|desa)\\s+)\\p{Lu}\\w+`
    begins within a run of white space after "kota" or "desa". None if unknown.

    The strings are folded; `after` is never empty (a result without it is `starts_of`'s).
    """
    found = _after(node, core)
    if found is None or not found[1] or len(found[0]) + len(found[1]) > _FEW:
        return None
    return found


def _after(node, core) -> After | None:
    t = type(node)
    if t is core.Group or t is core.Atomic:
        return _after(node.subpattern, core)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return _after(node.subpattern, core) if node.min_count >= 1 else None
    if t is core.Branch:
        parts = [_after(b, core) for b in node.branches]
        return None if None in parts else _union(parts)
    if t is core.Sequence:
        return _after_items(list(node.items), core)
    got = starts_of(node, core)
    return (got, frozenset(), _ZERO_WIDTH_VEC) if got else None


def _front(items: list, core) -> tuple[list, tuple | None]:
    """The items after the zero-width ones in front, and the `_tail` of the first positive
    lookbehind among those (or None)."""
    behind = None
    while items and (type(items[0]) is core.LookAround or type(items[0]) in _ZERO_WIDTH):
        first = items[0]
        if type(first) is core.LookAround and first.positive and first.behind and behind is None:
            behind = _tail(first.subpattern, core)
        items = items[1:]
    return items, behind


def _after_items(items: list, core) -> After | None:
    items, behind = _front(items, core)
    plain = _sequence_starts(items, core) if items else None
    if plain:
        return (plain, frozenset(), _ZERO_WIDTH_VEC)
    if behind is not None:
        return (frozenset(), behind[0], behind[1])
    if not items:
        return None
    first = items[0]
    if _min_len(first, core) == 0:  # `(?:kota\s+)?(?:names|(?<=kota\s+)\p{Lu}\w+)`
        head = _optional_starts(first, core)
        rest = _after_items(items[1:], core)
        return None if head is None or rest is None else _union([(head, frozenset(), _ZERO_WIDTH_VEC), rest])
    return _after(first, core)


def _tail(node, core) -> tuple[frozenset[str], tuple] | None:
    """(the strings a lookbehind's text ends with, followed by at most `width` more
    characters), or None: `(?:kota|desa)\\s+` ends with "kota" or "desa" and a run of spaces."""
    from .needs import _add

    t = type(node)
    if t is core.Group or t is core.Atomic:
        return _tail(node.subpattern, core)
    if t is core.Branch:
        parts = [_tail(b, core) for b in node.branches]
        if None in parts:
            return None
        return frozenset().union(*(p[0] for p in parts)), tuple(map(max, zip(*(p[1] for p in parts))))
    items = list(node.items) if t is core.Sequence else [node]
    width = _ZERO_WIDTH_VEC
    run = None  # the exact strings of the items at the end, joined ("k", "o", "t", "a": "kota")
    for item in reversed(items):
        ex, _, w = _analyse(item, core)
        if ex is not None and ex and "" not in ex:
            if run is None:
                run = ex
            elif len(run) * len(ex) <= _LIMIT:
                run = frozenset(a + b for a in ex for b in run)
            else:
                return run, width
            continue
        if run is not None:
            last = head_of(item, core)  # `\s{1,3}and`: a repeat ends with one of its rounds (" and")
            if last is not None and len(run) * len(last) <= _LIMIT:
                run = frozenset(a + b for a in last for b in run)
            return run, width
        if type(item) in (core.Group, core.Atomic, core.Branch, core.Sequence):
            inner = _tail(item, core)  # `(?:town\s+of|city\s+of)`: ends with "of"
            if inner is not None:
                return inner[0], _add(inner[1], width)
        if w is None:
            return None
        width = _add(width, w)
    return (run, width) if run is not None else None


def _union(parts: list) -> After:
    begin = frozenset().union(*(p[0] for p in parts))
    after = frozenset().union(*(p[1] for p in parts))
    widths = [p[2] for p in parts if p[1]]
    return begin, after, tuple(map(max, zip(*widths))) if widths else _ZERO_WIDTH_VEC


# -- start strings that hold unless a word is there ---------------------------------------------

# (strings a match may begin with, guards): a match begins at one of the strings, unless one
# of the guards is there: a guard is (a literal set, None when its words lie within the
# match, else the width that may follow them before the match: a lookbehind's words).
Guarded = tuple


def guarded_starts(node, core) -> Guarded | None:
    """`{place_list}`, English: `(?:(?:the\\s+)?(?:\\w+\\s+){0,3}?(?:town|city)\\s+)?(?:Ganja|...|
    (?<=(?:town|city)\\s+)\\p{Lu}\\w+)`. A match begins at a place name, or within a phrase that
    holds "town" or "city", or just after one: where the segment holds neither word, only at
    the names. None if some branch has neither start strings nor a word it needs."""
    found = _guarded(node, core)
    if found is None or not found[0] or not found[1] or len(found[0]) > _FEW:
        return None
    return found


def _guarded(node, core) -> Guarded | None:
    t = type(node)
    if t is core.Group or t is core.Atomic:
        return _guarded(node.subpattern, core)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat) and node.min_count >= 1:
        return _guarded(node.subpattern, core)
    if t is core.Branch:
        parts = [_guarded(b, core) for b in node.branches]
        if None in parts:
            return None
        return frozenset().union(*(p[0] for p in parts)), [g for p in parts for g in p[1]]
    if t is core.Sequence:
        return _guarded_items(list(node.items), core)
    got = starts_of(node, core)
    return (got, []) if got else _needing(node, core)


def _guarded_items(items: list, core) -> Guarded | None:
    found = _guarded_parts(items, core)
    if found is None and items:  # no start strings to be read: the words every match holds
        found = _needing(core.Sequence(items), core)
    return found


def _guarded_parts(items: list, core) -> Guarded | None:
    items, behind = _front(items, core)
    plain = _sequence_starts(items, core) if items else None
    if plain:
        return plain, []
    if behind is not None:
        return frozenset(), [(behind[0], behind[1])]
    if not items:
        return None
    first = items[0]
    if _min_len(first, core) == 0:  # `(?:town\s+of\s+)?Ganja...`: the phrase, or what follows it
        head = _guarded(first.subpattern, core) if type(first) in (
            core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat) and first.max_count == 1 else None
        if head is None:
            head = _needing(first, core)
        rest = _guarded_items(items[1:], core)
        if head is None or rest is None:
            return None
        return head[0] | rest[0], head[1] + rest[1]
    return _guarded(first, core)


def _needing(node, core) -> Guarded | None:
    """No start strings, but a literal set every non-empty match holds: a guard."""
    from .needs import _best

    _, reqs, _ = _analyse(node, core)
    best = _best([s for s, _ in reqs])
    return (frozenset(), [(best, None)]) if best else None  # None: within the match, not before it
