"""Long alternations of names, regrouped so that the regex engine tries few of them per position.

`{party}` expands to thousands of names. The `regex` module tries an alternation's
branches one by one at every position of the text, so a rule holding `{party}`
spent tens of microseconds per character. `by_first_char` puts the branches that
start with the same (case-folded) character into one group behind a lookahead on
that character; a position then costs one quick test per group, plus the branches
of the one group whose character is there.

The match is exactly what the flat alternation gives: two branches whose first
characters fold differently can never match at the same position (see
`fold.fold`, checked over all of Unicode in tests/test_properties.py), so only
one group can match there, and inside it the branches keep their order. A first
character whose case partners do not all fold alike (`fold.safe`) keeps the
alternation flat.
"""
from __future__ import annotations

import regex

from .fold import fold, safe

_MIN_BRANCHES = 24  # below this the flat alternation is as fast
# A branch's first character as written by regex.escape, optionally case-sensitive.
_FIRST = regex.compile(r"(\(\?-i:)?(\\?)(.)", regex.DOTALL)


def _first_token(branch: str) -> tuple[str, str] | None:
    """(the regex of the branch's first character, its folded key), or None if it is not one literal."""
    m = _FIRST.match(branch)
    if not m:
        return None
    case_sensitive, escaped, char = m.groups()
    if branch[m.end():m.end() + 1] in ("?", "*", "{"):
        return None  # the first character is optional: the branch may start with another
    if escaped and not _is_literal_escape(char):
        return None  # \s, \w, \d, \p...: a class, not a character
    if not escaped and char in "[(.^$|?*+{\\)":
        return None
    if not safe(char):
        return None  # its case partners do not all fold alike: keep the alternation flat
    token = f"{escaped}{char}"
    return (f"(?-i:{token})" if case_sensitive else token), fold(char)


def _is_literal_escape(char: str) -> bool:
    # regex.escape puts a backslash before punctuation and spaces; an escaped letter or
    # digit is a class or a reference (\w, \d, \1), never a plain character.
    return not (char.isalnum() or char == "_")


def by_first_char(branches: list[str]) -> str:
    """The alternation `branches[0]|branches[1]|...`, grouped by first character."""
    if len(branches) < _MIN_BRANCHES:
        return "|".join(branches)
    groups: dict[str, tuple[list[str], list[str]]] = {}  # key -> (guard tokens, branches)
    for branch in branches:
        first = _first_token(branch)
        if first is None:
            return "|".join(branches)  # a branch that starts with a class: keep it flat
        token, key = first
        guards, members = groups.setdefault(key, ([], []))
        if token not in guards:
            guards.append(token)
        members.append(branch)
    return "|".join(f"(?={'|'.join(guards)})(?:{'|'.join(members)})" for guards, members in groups.values())
