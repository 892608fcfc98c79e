r"""What every match of a pattern must contain: literal sets, and how far into a match.

Read with the `regex` module's own parser, a rule pattern is reduced to sets of
literal strings (case-folded) such that every match holds a literal of each set;
for some sets also a bound (its reach) on how many characters a match can consume
before that literal starts. engine/prefilter.py uses the sets to skip segments and
the bound to try a pattern only near a literal's hits. Both are exact: a match the
pattern would find is never missed. Whatever the analysis cannot read (parser
internals changed, a construct it does not know, fuzzy matching, full case
folding, flags that change which match a search finds first) gives no information.

A reach counts runs: `\s+` can consume any number of characters, but in a given
text no more than its longest run of whitespace, so a width is a constant plus
multiples of the longest runs of whitespace, of whitespace and hyphens, and of word
characters, evaluated per text (`reach_in`).

The case-insensitive literal test relies on `fold()`: if the `regex` module
matches two characters case-insensitively, `fold` maps them to the same
character. Python's Unicode data can be older than regex's, so every literal
character is checked against regex itself (`safe`) before it is relied on.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .fold import _IGNORECASE, _WHITE_CHARS, _blank, fold_text, safe

_FULL = 0  # regex's FULLIGNORECASE as a plain int, set by _parse (regex is imported lazily)
_LIMIT = 64  # the most strings one node may expand to before only "contains one of" is kept
# -- what every match must contain ------------------------------------------------------------

# A width: the most characters a piece of pattern consumes, as (c, k1, k2, k3) meaning
# c + k1 * (longest run of whitespace) + k2 * (... of whitespace and hyphens) + k3 * (... of
# word characters) in the text at hand, so that `\s+`, `[\s-]+` and `\w+` have a bound;
# None when there is none.
_Width = tuple
_RUNS = (r"\s", r"[\s-]", r"\w", r"\S")  # the classes whose runs a width may count
_ZERO: _Width = (0,) * (1 + len(_RUNS))
_UNIT: _Width = (1,) + (0,) * len(_RUNS)
_Info = tuple  # (exact strings or None, [(required set, width before it)], width or None)
_EMPTY: _Info = (frozenset({""}), [], _ZERO)
_UNKNOWN: _Info = (None, [], None)
_ONE: _Info = (None, [], _UNIT)  # one character of a class: no literal, but a known width


def _add(a: _Width | None, b: _Width | None) -> _Width | None:
    return None if a is None or b is None else tuple(x + y for x, y in zip(a, b))


def _most(widths) -> _Width | None:
    widths = list(widths)
    return None if None in widths else tuple(map(max, zip(*widths))) if widths else _ZERO


def _longer(a: _Width | None, b: _Width | None) -> bool:
    """Is bound `a` looser than `b` (None the loosest)?"""
    return a is None or (b is not None and a > b)


_PYTHON_ONLY_WHITE = ("\x1c", "\x1d", "\x1e", "\x1f")  # str.split breaks words there, `\s` does not


def run_lengths(text: str) -> tuple[int, ...]:
    """For each class of _RUNS, a bound on its longest run in `text`: at least the true
    length, which is all a reach needs to stay exact (a looser one only widens a window).

    The longest run of `\\S` is the longest word of `str.split` (exact: Python's white space
    is `\\s` plus four control characters; a text holding those is read with the regex
    itself); a run of `\\w` is never longer. Runs of white space (and hyphens) are counted
    from 3 characters up: a text where none is that long gets the bound 2. A fifth of the
    time of reading every run with the regex module.
    """
    if any(c in text for c in _PYTHON_ONLY_WHITE):
        return tuple(max(map(len, rx.findall(text)), default=0) for rx in _run_res())
    word = max(map(len, text.split()), default=0)
    long_white = _run_res()[-1]
    white = max(map(len, long_white.findall(text)), default=2)
    white_or_dash = max(map(len, long_white.findall(text.replace("-", " "))), default=2)
    return (white, white_or_dash, word, word)


_TYPICAL = (1, 1, 12, 16)  # the runs of a typical sentence, to rank bounds by


@lru_cache(maxsize=1)
def _run_res() -> list:
    """The runs of _RUNS as patterns, and last the runs of white space of 3 or more."""
    from .cache import own_pattern  # compiled once, then unpickled from the disk cache

    return [own_pattern(run + "+", _IGNORECASE) for run in _RUNS] + [own_pattern(r"\s{3,}", _IGNORECASE)]


def reach_in(width: _Width, runs: tuple[int, ...]) -> int:
    return width[0] + sum(k * n for k, n in zip(width[1:], runs))


def _rank(s: frozenset[str]) -> tuple[int, int]:
    """How selective a literal set is: longest shortest literal, then fewest literals."""
    return (min(map(len, s)), -len(s))


def _usable(reqs):
    return [(s, off) for s, off in reqs if s and "" not in s and not _blank(s)]


def _best(candidates) -> frozenset[str] | None:
    """The most selective set of `candidates` (sets, or None)."""
    usable = [c for c in candidates if c and "" not in c and not _blank(c)]
    return max(usable, key=_rank) if usable else None


def _best_pair(reqs):
    usable = _usable(reqs)
    return max(usable, key=lambda p: (_rank(p[0]), p[1] is not None)) if usable else None


def _nearest(reqs):
    """The bounded set of `reqs` with the smallest reach among the fairly selective ones."""
    usable = [(s, off) for s, off in _usable(reqs) if off is not None and min(map(len, s)) >= 3]
    return min(usable, key=lambda p: (reach_in(p[1], _TYPICAL), [-x for x in _rank(p[0])])) if usable else None


def _analyse(node, core) -> _Info:
    """(every string `node` can match, if few; sets one of each of which every match
    contains, each with the most characters a match can consume before that literal
    starts (None: no bound); the most characters `node` can consume (None: no bound)).

    Strings are folded. Unknown node types give no information, which is always safe.
    """
    t = type(node)
    full = _FULL  # a plain int: a Flag's & builds a new Flag on each call
    if t is core.Character:
        if node.zerowidth:
            return _EMPTY
        if not node.positive or (node.case_flags & full) == full or not safe(chr(node.value)):
            return _ONE if (node.case_flags & full) != full else _UNKNOWN
        return frozenset({fold_text(chr(node.value))}), [], _UNIT
    if t is core.String or t is core.Literal:
        chars = "".join(map(chr, node.characters))
        if (node.case_flags & full) == full:
            return _UNKNOWN
        width = (len(chars),) + _ZERO[1:]
        if not all(map(safe, chars)):
            return None, [], width
        return frozenset({fold_text(chars)}), [], width
    if t is core.Sequence:
        reqs: list = []
        prefix: _Width | None = _ZERO  # the most the items so far consume
        run: frozenset[str] = frozenset({""})
        run_at: _Width | None = _ZERO  # ... before the run of exact strings starts
        exact = True
        for item in node.items:
            ex, sub, width = _analyse(item, core)
            reqs += [(s, _add(prefix, off)) for s, off in sub]
            head = head_of(item, core) if ex is None else None
            if ex is not None and len(run) * len(ex) <= _LIMIT:
                run = frozenset(a + b for a in run for b in ex)
            elif head is not None and len(run) * len(head) <= _LIMIT:
                # `according\s+to`: the run goes on through the repeat's first round ("according "),
                # and a new one begins after the repeat
                exact = False
                reqs.append((frozenset(a + b for a in run for b in head), run_at))
                run, run_at = frozenset({""}), _add(prefix, width)
            else:
                exact = False
                reqs.append((run, run_at))
                if ex is not None:
                    run, run_at = ex, prefix
                else:
                    run, run_at = frozenset({""}), _add(prefix, width)
            prefix = _add(prefix, width)
        reqs.append((run, run_at))
        return (run if exact else None), _usable(reqs), prefix
    if t is core.Branch:
        exacts, picks, widths, subs = [], [], [], []
        for branch in node.branches:
            ex, sub, width = _analyse(branch, core)
            subs.append((ex, sub))
            exacts.append(ex)
            widths.append(width)
            picks.append(_best_pair(sub + ([(ex, _ZERO)] if ex is not None else [])))
        ex = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*exacts)
            ex = union if len(union) <= _LIMIT else None
        reqs = []
        if all(p is not None for p in picks):
            reqs = [(frozenset().union(*(p[0] for p in picks)), _most(p[1] for p in picks))]
            # also the union of the literals nearest each branch's start: a looser set, but one
            # that can anchor the search close to where a match begins
            near = [_nearest(sub + ([(e, _ZERO)] if e is not None else [])) for (e, sub) in subs]
            if all(n is not None for n in near):
                union = frozenset().union(*(n[0] for n in near))
                if union not in (r[0] for r in reqs):
                    reqs.append((union, _most(n[1] for n in near)))
        return ex, reqs, _most(widths)
    if t is core.Group or t is core.Atomic:
        return _analyse(node.subpattern, core)
    if t in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        ex, sub, width = _analyse(node.subpattern, core)
        if width is None:
            most = None
        elif node.max_count is not None:
            most = tuple(node.max_count * w for w in width)
        elif width == _UNIT and _run_of(node.subpattern) is not None:
            most = _run_of(node.subpattern)  # `\s+`: at most the longest run in the text
        elif width == _UNIT and _spaceless(node.subpattern, core):
            most = _ZERO[:-1] + (1,)  # `[^,;\s]+`, `\d+`: at most the longest run of non-space
        else:
            most = None
        if node.min_count == 0:
            if node.max_count == 1 and ex is not None:
                return ex | {""}, [], most
            return None, [], most
        if node.min_count == 1 and node.max_count == 1:
            return ex, sub, width
        return None, _usable(sub + ([(ex, _ZERO)] if ex is not None else [])), most
    if t is core.LookAround and node.positive and not node.behind:
        # `(?=... killed)`: matches no text, but what it requires is in the segment (a lookahead
        # cannot see past `endpos`), at the same offsets from the match's start as if matched.
        # (Not a lookbehind: with `pos`, it may read before the segment.)
        ex, sub, _ = _analyse(node.subpattern, core)
        return frozenset({""}), _usable(sub + ([(ex, _ZERO)] if ex is not None else [])), _ZERO
    if t is core.LookAround or t in _ZERO_WIDTH:
        return _EMPTY  # matches no text: neither helps nor breaks a run of literals
    if t is core.SetUnion and node.positive and not node.zerowidth and 0 < len(node.items) <= 16 and all(
            type(i) is core.Character and i.positive and not i.zerowidth for i in node.items):
        # `["“]`: one of a few characters, folded like a literal
        chars = [chr(i.value) for i in node.items]
        if (node.case_flags & full) == full or not all(map(safe, chars)):
            return _ONE
        return frozenset(fold_text(c) for c in chars), [], _UNIT
    run = _run_of(node)
    if run == _WHITE_RUN:
        return frozenset({" "}), [], _UNIT  # `\s`: in fold_text, a plain space
    if run == _WHITE_DASH_RUN:
        return frozenset({" ", "-"}), [], _UNIT  # `[\s-]`, between the words of a lexicon name
    if t in _ONE_CHAR or isinstance(node, core.SetBase):
        return _ONE
    return _UNKNOWN


def head_of(node, core) -> frozenset[str] | None:
    """The exact strings every match of a repeat begins with (its first round, which it must
    match: `\\s+`, `(?:kota|desa)+`), or None."""
    if type(node) not in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat) or node.min_count < 1:
        return None
    ex = _analyse(node.subpattern, core)[0]
    return ex if ex and "" not in ex else None


def _run_of(node) -> _Width | None:
    """The width of a run of `node` if it is one of _RUNS (`\\s`, `[\\s-]`, ...), else None."""
    if _RUN_NODES is None:
        return None
    try:
        return _RUN_NODES.get(node)
    except TypeError:  # a Sequence or a Branch of the parser is not hashable: not one of them
        return None


def _spaceless(node, core) -> bool:
    """Is `node` one character of a class that holds no white space?"""
    if not (type(node) in (core.Character, core.Property, core.Range) or isinstance(node, core.SetBase)):
        return False
    try:
        return not any(node.matches(c) for c in _WHITE_CHARS)
    except Exception:  # noqa: BLE001 - a node that cannot tell: no bound
        return False


def _node_types(core, *names: str) -> tuple:
    return tuple(getattr(core, n) for n in names if isinstance(getattr(core, n, None), type))


try:
    from regex import _regex_core as _core

    # zero-width assertions that do not move where a match starts or where a search goes next
    # (not \K, (*SKIP), (*PRUNE): those are unknown, so a rule holding them is never windowed)
    _ZERO_WIDTH = _node_types(_core, "Boundary", "DefaultBoundary", "DefaultEndOfWord", "DefaultStartOfWord",
                              "EndOfLine", "EndOfLineU", "EndOfString", "EndOfStringLine", "EndOfStringLineU",
                              "EndOfWord", "StartOfLine", "StartOfLineU", "StartOfString", "StartOfWord",
                              "SearchAnchor")
    _ONE_CHAR = _node_types(_core, "Any", "AnyAll", "AnyU", "Property", "Range")
except Exception:  # noqa: BLE001 - parser internals changed: every node is unknown, no filter
    _ZERO_WIDTH = _ONE_CHAR = ()


class Needs(tuple):
    """What every match of a pattern contains: literal sets, all of which a segment must hold
    (`sets`), the one to anchor the search on with how far before it a match can start, and
    the strings every match begins with (engine/starts.py)."""

    __slots__ = ()

    def __new__(cls, sets: tuple[frozenset[str], ...], anchor: int | None, reach: _Width | None,
                starts: frozenset[str] | None = None, initial: bool = False, after=None, guarded=None):
        return super().__new__(cls, (sets, anchor, reach, starts, initial, after, guarded))

    sets = property(lambda self: self[0])
    anchor = property(lambda self: self[1])  # index into sets, or None
    reach = property(lambda self: self[2])  # the width before the anchor literal (see reach_in), or None
    starts = property(lambda self: self[3])  # strings every match begins with, or None
    # every match begins after a non-word character (or at 0): a start string inside a word is no place to try
    initial = property(lambda self: self[4])
    # without `starts`: (strings a match may begin with, strings it may begin just after,
    # the width between) from a lookbehind in front (engine/windows.after_of), or None
    after = property(lambda self: self[5])
    # without either: (strings a match may begin with, [(literal set, width)]): it begins at
    # one of them unless a guard's words are in the segment (engine/windows.guarded_starts)
    guarded = property(lambda self: self[6])


_KEEP = 4  # literal sets a segment is checked for, at most


def _parse(pattern: str, flags: int):
    from regex import _regex_core as core

    source = core.Source(pattern)
    info = core.Info(flags, source.char_type, {})
    source.ignore_space = bool(info.flags & regex.VERBOSE)
    # full case folding changes widths; the others change which match a search finds first
    if info.flags & (regex.LOCALE | regex.FULLCASE | regex.REVERSE | regex.POSIX | regex.BESTMATCH
                     | regex.ENHANCEMATCH):
        return None
    parsed = core._parse_pattern(source, info)
    if not source.at_end():
        return None
    from .starts import starts_of, word_initial
    from .windows import after_of, guarded_starts
    global _RUN_NODES, _FULL
    _FULL = int(core.FULLIGNORECASE)
    if _RUN_NODES is None:
        _RUN_NODES = {}
        for i, run in enumerate(_RUNS):
            probe = core.Source(run)
            node = core._parse_pattern(probe, core.Info(flags, probe.char_type, {}))
            node = node.items[0] if type(node) is core.Sequence and len(node.items) == 1 else node
            _RUN_NODES[node] = tuple(int(j == i + 1) for j in range(len(_ZERO)))
    starts = starts_of(parsed, core)
    if starts and _blank(starts):
        starts = None  # a match may begin with white space: a place to try at every space
    after = None if starts else after_of(parsed, core)
    if after and (_blank(after[0]) or _blank(after[1])):
        after = None
    guarded = None if starts or after else guarded_starts(parsed, core)
    if guarded and (_blank(guarded[0]) or any(_blank(words) for words, _ in guarded[1])):
        guarded = None
    return (*_analyse(parsed, core), starts, word_initial(parsed, core), after, guarded)


_RUN_NODES: dict | None = None
_WHITE_RUN = tuple(int(j == 1) for j in range(1 + len(_RUNS)))  # `\s` among _RUN_NODES
_WHITE_DASH_RUN = tuple(int(j == 2) for j in range(1 + len(_RUNS)))  # `[\s-]`


def requirements(pattern: str, flags: int) -> Needs | None:
    """The literal sets every match of `pattern` contains (folded); None if unknown."""
    try:
        found = _parse(pattern, flags)
    except Exception:  # noqa: BLE001 - any surprise from the parser means: no filter
        return None
    if found is None:
        return None
    ex, reqs, _, starts, initial, after, guarded = found
    pairs = _usable(reqs + ([(ex, _ZERO)] if ex is not None else []))
    if not pairs:
        return None
    reach: dict[frozenset[str], _Width | None] = {}
    for s, off in pairs:  # the same set found twice: either bound holds, keep the tighter
        if s not in reach or _longer(reach[s], off):
            reach[s] = off
    # a set is implied by another whose every literal holds one of its own ({"he "} implies
    # {"he"}, and a set that holds another set is implied by it): keep the implying ones
    sets: list[frozenset[str]] = []
    for s in sorted(reach, key=lambda s: (_rank(s), sorted(s)), reverse=True):
        if not any(_implies(o, s) for o in sets):
            sets.append(s)
    sets = sets[:_KEEP]
    # the anchor: a bounded set with the smallest reach, unless it is far less selective than
    # the best set (a two-letter word hits everywhere, and each hit costs a search)
    floor = min(3, _rank(sets[0])[0])
    bounded = [i for i, s in enumerate(sets) if reach[s] is not None and _rank(s)[0] >= floor]
    anchor = min(bounded, key=lambda i: (reach_in(reach[sets[i]], _TYPICAL), i)) if bounded else None
    return Needs(tuple(sets), anchor, reach[sets[anchor]] if anchor is not None else None, starts, initial, after,
                 guarded)


def _implies(o: frozenset[str], s: frozenset[str]) -> bool:
    """Does every text holding a literal of `o` hold one of `s`?"""
    if o <= s:
        return True
    if len(o) * len(s) > 4096:
        return False  # too many pairs to compare: keep both, which is always exact
    return all(any(x in y for x in s) for y in o)


def required_literals(pattern: str, flags: int) -> frozenset[str] | None:
    """Folded strings one of which every match of `pattern` contains; None if unknown."""
    needs = requirements(pattern, flags)
    return needs.sets[0] if needs else None
