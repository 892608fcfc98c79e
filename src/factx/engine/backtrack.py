"""Find patterns that can backtrack catastrophically, before they ever run.

A backtracking engine blows up when a repeated part can match one stretch of text
in many ways, and the rest of the pattern then fails:

- a repeated group that repeats inside, with nothing that forces where one turn
  ends and the next begins: `(a+)+`, `(a*)*`, `(\\w+\\s?)+`, `(x+x+)+y`;
- a repeated alternation whose branches can match the same text: `(a|a)*`,
  `(\\w|\\d)+`, `(a|aa)+`.

Bounded repetition counts once it allows more than a few turns: `(\\w+\\s?){1,30}`
is as slow as `(\\w+\\s?)+`. A turn is delimited (and safe) when the group holds two
required parts with no character in common (`(\\s+\\w+)*`, `(\\w+,\\s*)+`) or a
required fixed-width part that no variable part can match (`(,\\s*\\w+)*`).
Possessive quantifiers (`a++`) and atomic groups (`(?>...)`) never give back and are safe.

It is a heuristic over the pattern's structure: the per-match time budget
(`compile.TIMEOUT`) is what stops whatever it misses.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import lru_cache

import regex

FEW = 3  # a group may repeat this many times before it counts as repeating freely
_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0
# characters to probe what an atom can match: enough to tell \w, \s, \d, punctuation,
# accented Latin and Cyrillic apart
_SAMPLE = string.printable + "\u00a0\u2009éüßçñøÅÉəğışöüабвгдАБВёЁ“”‘’«»–—…٣"
_ALL = frozenset(_SAMPLE)
_ZERO_ESCAPES = set("bBAZzGKmM")


@dataclass
class Node:
    start: int
    atom: str | None = None  # source of a one-character atom; None for a group
    alts: list[list["Item"]] = field(default_factory=list)
    zero: bool = False  # lookaround or anchor: consumes nothing
    atomic: bool = False
    unknown: bool = False  # a back-reference or recursion: may match anything


@dataclass
class Item:
    node: Node
    min: int = 1
    max: int | None = 1
    possessive: bool = False
    end: int = 0  # offset after the quantifier


class _Parser:
    def __init__(self, src: str):
        self.src = src
        self.i = 0

    def parse(self) -> Node:
        root = Node(0, alts=self.alternatives())
        if self.i < len(self.src):  # an unbalanced ')': the regex compiler reports it
            raise ValueError("unbalanced")
        return root

    def alternatives(self) -> list[list[Item]]:
        alts: list[list[Item]] = [[]]
        src = self.src
        while self.i < len(src):
            c = src[self.i]
            if c == ")":
                break
            if c == "|":
                self.i += 1
                alts.append([])
                continue
            node = self.atom()
            if node is None:
                continue
            alts[-1].append(self.quantified(node))
        return alts

    def atom(self) -> Node | None:
        src, start = self.src, self.i
        c = src[start]
        if c == "\\":
            return self.escape()
        if c == "[":
            self.i = class_end(src, start)
            return Node(start, atom=src[start:self.i])
        if c == "(":
            return self.group()
        self.i += 1
        if c in "^$":
            return Node(start, zero=True)
        return Node(start, atom=c)

    def escape(self) -> Node:
        src, start = self.src, self.i
        nxt = src[start + 1] if start + 1 < len(src) else ""
        end = start + 2
        if nxt in "pPNx" and end < len(src) and src[end] == "{":
            end = src.index("}", end) + 1
        elif nxt == "x":
            end += 2
        elif nxt == "u":
            end += 4
        elif nxt == "U":
            end += 8
        elif nxt == "0":
            while end < len(src) and end < start + 4 and src[end] in "01234567":
                end += 1
        elif nxt.isdigit() or nxt == "g":  # back-reference
            if nxt == "g" and end < len(src) and src[end] == "<":
                end = src.index(">", end) + 1
            while end < len(src) and src[end].isdigit():
                end += 1
            self.i = end
            return Node(start, unknown=True)
        self.i = end
        if nxt in _ZERO_ESCAPES:
            return Node(start, zero=True)
        return Node(start, atom=src[start:end])

    def group(self) -> Node | None:
        src, start = self.src, self.i
        i = start + 1
        node = Node(start)
        if src.startswith("?", i):
            head = src[i + 1:i + 3]
            if head[:1] in ("=", "!") or head in ("<=", "<!"):
                node.zero = True
                i += 2 if head[:1] in "=!" else 3
            elif head[:1] == ">":
                node.atomic = True
                i += 2
            elif head[:1] == "#":
                self.i = src.index(")", i) + 1
                return None
            elif head in ("P=", "P>") or head[:1] in ("R", "&") or head[:1].isdigit() or head[:1] in "+-" and head[1:2].isdigit():
                self.i = src.index(")", i) + 1
                return Node(start, unknown=True)
            elif head[:1] in (":", "|"):
                i += 2
            elif head[:1] == "(":  # conditional: skip the condition
                i = src.index(")", i) + 1
            elif head == "P<" or (head[:1] == "<" and head != "<=" and head != "<!"):
                i = src.index(">", i) + 1
            else:  # inline flags: (?i) alone, or (?i:...) / (?-i:...)
                j = i + 1
                while j < len(src) and (src[j].isalpha() or src[j] in "-^"):
                    j += 1
                if j < len(src) and src[j] == ")":
                    self.i = j + 1
                    return None
                i = j + 1
        self.i = i
        node.alts = self.alternatives()
        if self.i >= len(src):
            raise ValueError("unclosed group")
        self.i += 1
        return node

    def quantified(self, node: Node) -> Item:
        src, i = self.src, self.i
        item = Item(node, end=i)
        if i >= len(src):
            return item
        c = src[i]
        if c in "*+?":
            item.min, item.max = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            i += 1
        elif c == "{":
            m = regex.match(r"\{(\d*)(,?)(\d*)\}", src[i:])
            if not m or not (m.group(1) or m.group(3)):
                return item  # a literal brace
            lo = int(m.group(1) or 0)
            item.min = lo
            item.max = (int(m.group(3)) if m.group(3) else None) if m.group(2) else lo
            i += m.end()
        else:
            return item
        if i < len(src) and src[i] == "+":
            item.possessive = True
            i += 1
        elif i < len(src) and src[i] == "?":
            i += 1
        self.i = item.end = i
        return item


def class_end(src: str, start: int) -> int:
    """Index after the character class opening at src[start] (len(src) + 1 when unclosed)."""
    j = start + 1
    if j < len(src) and src[j] == "^":
        j += 1
    if j < len(src) and src[j] == "]":
        j += 1
    while j < len(src) and src[j] != "]":
        if src[j] == "\\":
            j += 2
        elif src.startswith("[:", j) and ":]" in src[j:]:
            j = src.index(":]", j) + 2
        else:
            j += 1
    return j + 1


@lru_cache(maxsize=4096)
def _atom_chars(atom: str) -> frozenset[str]:
    try:
        rx = regex.compile(atom, _FLAGS)
    except regex.error:
        return _ALL
    return frozenset(c for c in _SAMPLE if rx.fullmatch(c))


def _chars(item: Item) -> frozenset[str]:
    n = item.node
    if n.zero:
        return frozenset()
    if n.unknown:
        return _ALL
    if n.atom is not None:
        return _atom_chars(n.atom)
    out: frozenset[str] = frozenset()
    for alt in n.alts:
        for it in alt:
            out |= _chars(it)
    return out


def _edge(seq: list[Item], last: bool) -> frozenset[str]:
    """Characters a match of `seq` can start (or end) with."""
    out: frozenset[str] = frozenset()
    for it in (reversed(seq) if last else seq):
        n = it.node
        if n.zero:
            continue
        if n.atom is not None or n.unknown:
            out |= _chars(it)
        else:
            for alt in n.alts:
                out |= _edge(alt, last)
        if _length(it)[0] >= 1:
            break
    return out


def _boundary_chars(item: Item) -> frozenset[str]:
    """What decides where an item stops: its characters, or for a group, its first and last ones
    (the words of `(?:was|continued\\s+to\\s+be)` start and end with letters, whatever is inside)."""
    if item.node.atom is not None or item.node.unknown:
        return _chars(item)
    return _edge([item], False) | _edge([item], True)


def _length(item: Item) -> tuple[int, int | None]:
    """Shortest and longest text the item matches (None: unbounded)."""
    n = item.node
    if n.zero:
        return 0, 0
    if n.unknown:
        return 0, None
    if n.atom is not None:
        lo, hi = 1, 1
    else:
        lo, hi = None, 0
        for alt in n.alts:
            a_lo, a_hi = 0, 0
            for it in alt:
                i_lo, i_hi = _length(it)
                a_lo += i_lo
                a_hi = None if a_hi is None or i_hi is None else a_hi + i_hi
            lo = a_lo if lo is None else min(lo, a_lo)
            hi = None if hi is None or a_hi is None else max(hi, a_hi)
        lo = lo or 0
    return lo * item.min, (None if hi is None or item.max is None else hi * item.max)


def _repeats_freely(item: Item) -> bool:
    return not item.possessive and (item.max is None or item.max > FEW)


def _free_inside(node: Node) -> bool:
    """Does the group hold a part that may repeat many times and give characters back?"""
    for alt in node.alts:
        for it in alt:
            if it.node.zero or it.node.atomic or it.possessive:
                continue
            if it.node.unknown or _repeats_freely(it):
                return True
            if it.node.atom is None and _free_inside(it.node):
                return True
    return False


def _delimited(seq: list[Item]) -> bool:
    """Is there something in every turn that tells where the turn ends?"""
    parts = [(it, _boundary_chars(it), *_length(it)) for it in seq if not it.node.zero]
    required = [p for p in parts if p[2] >= 1]
    variable = [p for p in parts if p[3] is None or p[3] != p[2]]
    for a in required:
        if a[2] == a[3] and not any(v[1] & a[1] for v in variable if v[0] is not a[0]):
            return True  # a fixed-width part no variable part can eat: `,` in (,\s*\w+)*
        for b in required:
            if b is a or a[1] & b[1]:
                continue
            others = [v for v in variable if v[0] is not a[0] and v[0] is not b[0]]
            if all(not (v[1] & a[1]) or not (v[1] & b[1]) for v in others):
                return True  # two required parts with nothing in common: (\s+\w+)*
    return False


def _shape(seq: list[Item], limit: int = 8) -> list[frozenset[str]] | None:
    """The character set at each position of a fixed-width branch, else None."""
    out: list[frozenset[str]] = []
    for it in seq:
        n = it.node
        if n.zero:
            continue
        if it.max != it.min or n.unknown:
            return None
        if n.atom is not None:
            unit = [_atom_chars(n.atom)]
        else:
            shapes = [_shape(alt, limit) for alt in n.alts]
            if any(s is None for s in shapes):
                return None
            if len(shapes) == 1:
                unit = shapes[0]
            elif all(len(s) == 1 for s in shapes):
                unit = [frozenset().union(*(s[0] for s in shapes))]
            else:
                return None
        out += unit * it.min
        if len(out) > limit:
            return out[:limit]
    return out


def _branches_overlap(node: Node) -> bool:
    if len(node.alts) < 2:
        return False
    shapes = [_shape(alt) for alt in node.alts]
    for i, a in enumerate(shapes):
        for b in shapes[i + 1:]:
            if a and b and all(x & y for x, y in zip(a, b)):
                return True  # one branch can match what the other does, or its start
    return False


def _walk(node: Node) -> tuple[int, int, str] | None:
    for alt in node.alts:
        for it in alt:
            n = it.node
            if n.atom is not None or n.unknown or n.zero:
                continue
            if _repeats_freely(it) and not n.atomic:
                if any(_free_inside(Node(0, alts=[a])) and not _delimited(a) for a in n.alts):
                    return n.start, it.end, ("a repeated group repeats inside with nothing that marks where one turn "
                                     "ends, like (a+)+ or (\\w+\\s?)+")
                if _branches_overlap(n):
                    return n.start, it.end, "the branches of a repeated alternation can match the same text, like (a|a)*"
            found = _walk(n)
            if found:
                return found
    return None


def risk(pattern: str) -> tuple[int, int, str] | None:
    """(start, end, reason) of the first construct that can backtrack catastrophically, else None.

    A pattern this cannot parse gives None: the regex compiler reports the syntax error.
    """
    try:
        root = _Parser(pattern).parse()
    except (ValueError, IndexError):
        return None
    return _walk(root)
