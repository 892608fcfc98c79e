"""Case and white-space folding, for literals and the texts they are looked for in.

engine/needs.py reduces patterns to literal strings; engine/literals.py finds them in a
text. Both sides are folded alike: `fold` case-folds character by character (so offsets
carry over), `fold_text` also makes every character `\\s` matches a plain space. `safe`
tells whether a character can be relied on: if the `regex` module matches two characters
case-insensitively, `fold` must map them to the same character.
"""
from __future__ import annotations

import array
import sys
from functools import lru_cache

import regex

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


def fold_text(text: str) -> str:
    """`fold`, and every character `\\s` matches made a plain space: what the literals of the
    analysis are looked for in. So "according\\s+to" needs "according " (a word and one white
    space character), which "accordingly" does not hold, and "a\\s+dozen" needs "a ", not
    every "a" of the text."""
    folded = fold(text)
    for c in _WHITE_OTHER:  # a few fast scans: str.translate is ten times slower here
        if c in folded:
            folded = folded.replace(c, " ")
    return folded


def _blank(strings) -> bool:
    """Does a set of literals hold one made of white space only (a plain space hits everywhere)?"""
    return any(not s.strip(" ") for s in strings)


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


# every character `\s` matches in the `regex` module (tests/test_properties.py checks the list)
_WHITE_CHARS = [c for a, b in ((9, 13), (32, 32), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
                                (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))
                for c in range(a, b + 1)]
_WHITE_OTHER = "".join(chr(c) for c in _WHITE_CHARS if c != 32)
