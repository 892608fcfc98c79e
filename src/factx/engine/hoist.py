"""Check a rule's first word before the lookbehinds that open the rule.

A pattern such as `(?<!(?:agreed|signed|...)\\b{gap_char}{0,40}?)\\b{ceasefire}...` is
tried at every position of a sentence, and at every position the regex engine first
runs the lookbehind: up to 40 characters back, an alternation at each. The word that
follows (`{ceasefire}`) is cheap and rarely there. `hoist` puts a copy of that first
consuming item, without its capturing groups, in a lookahead in front:

    (?=\\b(?:cease-?fires?|truces?|...))(?<!...)\\b{ceasefire}...

The lookahead is implied by the pattern (the item must match at that very position
anyway, and a lookahead consumes nothing), so the matches and groups are exactly the
same; most positions now fail on one cheap test (38x faster on
en.ceasefire.truce-took-effect). Patterns of any other shape are left alone.
"""
from __future__ import annotations

from .backtrack import class_end
from .needs import required_literals

_ZERO_WIDTH_ESCAPES = set("bBAZzmM")
_LIMIT = 4000  # a first item longer than this is not copied (it would double a big pattern)


def _group_end(src: str, i: int) -> int:
    """Index after the group that opens at src[i] == "(", honouring escapes and classes."""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(src, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced")


def _class_end(src: str, i: int) -> int:
    j = class_end(src, i)  # the one character-class scanner, shared with the backtracking check
    if j > len(src):
        raise ValueError("unclosed class")
    return j


def _quantifier(src: str, i: int) -> tuple[str, int]:
    """The quantifier at src[i:] (with a lazy/possessive mark), and the index after it."""
    if i < len(src) and src[i] in "?*+":
        j = i + 1
    elif i < len(src) and src[i] == "{":
        j = src.find("}", i)
        body = src[i + 1:j] if j > 0 else ""
        if j < 0 or not body or not all(c.isdigit() or c == "," for c in body):
            return "", i  # a literal brace
        j += 1
    else:
        return "", i
    if j < len(src) and src[j] in "?+":
        j += 1
    return src[i:j], j


def _items(src: str) -> list[tuple[str, str]] | None:
    """Top-level (item, quantifier) pairs; None for a top-level alternation or odd syntax."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "|":
            return None
        if c == "(":
            j = _group_end(src, i)
        elif c == "[":
            j = _class_end(src, i)
        elif c == "\\":
            j = i + 2
        elif c in ")*+?":
            return None
        else:
            j = i + 1
        q, k = _quantifier(src, j)
        out.append((src[i:j], q))
        i = k
    return out


def _is_lookaround(item: str) -> bool:
    return item.startswith(("(?=", "(?!", "(?<=", "(?<!"))


def _is_lookbehind(item: str) -> bool:
    return item.startswith(("(?<=", "(?<!"))


def _repeats(item: str) -> bool:
    """Does the group hold a quantifier (a lookbehind that scans back over many characters)?"""
    i, n = (4 if item.startswith("(?<") else 3 if item.startswith("(?") else 1), len(item)
    while i < n:
        c = item[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(item, i)
            continue
        if c == "(" and item[i + 1:i + 2] == "?":
            i += 2  # the ? of a group opener is no quantifier
            continue
        if c in "*+?" or (c == "{" and _quantifier(item, i)[0]):
            return True
        i += 1
    return False


def _zero_width_escape(item: str) -> bool:
    return item in ("^",) or (len(item) == 2 and item[0] == "\\" and item[1] in _ZERO_WIDTH_ESCAPES)


def _without_captures(src: str) -> str | None:
    """`src` with every capturing group made non-capturing; None if it refers to groups."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            nxt = src[i + 1:i + 2]
            if nxt.isdigit() or nxt == "g":
                return None  # a back-reference
            out.append(src[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = _class_end(src, i)
            out.append(src[i:j])
            i = j
            continue
        if c == "(":
            rest = src[i + 1:]
            if not rest.startswith("?"):
                out.append("(?:")
                i += 1
                continue
            if rest.startswith(("?P<", "?<")) and not rest.startswith(("?<=", "?<!")):
                close = src.find(">", i)
                out.append("(?:")
                i = close + 1
                continue
            if rest.startswith(("?P=", "?P>", "?&", "?R", "?(", "?|")) or rest[1:2].isdigit():
                return None  # references, recursion, conditionals, branch reset
        out.append(c)
        i += 1
    return "".join(out)


def hoist(src: str, flags: int) -> str | None:
    """The same pattern with its first consuming item checked first; None if not applicable."""
    try:
        items = _items(src)
    except ValueError:
        return None
    if not items:
        return None
    lead: list[str] = []
    k = 0
    while k < len(items) and not items[k][1] and (_is_lookaround(items[k][0]) or _zero_width_escape(items[k][0])):
        lead.append(items[k][0])
        k += 1
    if not any(_is_lookbehind(x) and _repeats(x) and "|" in x for x in lead) or k == len(items):
        return None  # no costly lookbehind in front: checking the first item twice would only cost
    first, quantifier = items[k]
    if first.startswith("(?") and not first.startswith(("(?:", "(?P<", "(?<", "(?>")):
        return None  # inline flags, or something this does not know
    if first.startswith("(?<") and _is_lookbehind(first):
        return None
    if quantifier and not (quantifier[0] == "+" or (quantifier[0] == "{" and not quantifier.startswith(("{0", "{,")))):
        return None  # may match nothing: no condition to check
    copy = _without_captures(first)
    if copy is None or len(copy) > _LIMIT or not required_literals(copy, flags):
        return None  # not copyable, too big, or no word to look for: no cheap test to gain
    escapes = "".join(x for x in lead if _zero_width_escape(x))
    return f"(?={escapes}{copy})" + src
