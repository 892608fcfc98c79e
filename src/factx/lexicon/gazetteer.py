"""Find parties and places in text: an Aho-Corasick automaton over case- and accent-folded
text, then a word-boundary check. A name ending in `*` is a stem (Russian inflection).
All-caps short names (US, UN, EU) match only as written, so `us` is never the USA.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import ahocorasick

from ..plain import Frozen

_EXTRA = {"ə": "e", "ı": "i", "’": "'", "‘": "'", "-": " ", "‐": " ", "–": " ", "\u00a0": " ", "ё": "е"}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _EXTRA:
        return _EXTRA[c]
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Same length as `text`, so offsets carry over."""
    if text.isascii():  # the common case: lower case, and hyphens read as spaces
        return text.lower().replace("-", " ")
    return "".join(map(_fold_char, text))


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


class Mention(Frozen):  # a plain class, not a dataclass: cheaper to import (see plain.py)
    __slots__ = ("start", "end", "key", "tier", "surface", "extra")

    def __init__(self, start: int, end: int, key: str, tier: int, surface: str, extra: str | None = None):
        self.start = start
        self.end = end
        self.key = key  # party id or place id
        self.tier = tier  # lower is stronger (parties: person 0 ... adjective 4, media 5)
        self.surface = surface  # the lexicon entry that matched
        self.extra = extra  # places: naming (armenian / azerbaijani / neutral)


class Gazetteer:
    def __init__(self, entries: list[tuple[str, str, int, str | None]]):
        """entries: (surface, key, tier, extra)."""
        self._auto = ahocorasick.Automaton()
        table: dict[str, list] = {}
        for surface, key, tier, extra in entries:
            surface = surface.strip()
            stem = surface.endswith("*")
            name = surface.rstrip("*").strip()
            if not name:
                continue
            exact = name.isupper() and len(name) <= 5
            # A one-word proper name must be capitalised in the text too: "Baku" the city,
            # not "baku tembak"; "Kapan" the town, not "kapan" (when).
            capital = not exact and " " not in name and "-" not in name and name[:1].isupper()
            table.setdefault(fold(name), []).append((key, tier, surface, extra, stem, exact, capital, name))
        for folded, values in table.items():
            self._auto.add_word(folded, (len(folded), values))
        if table:
            self._auto.make_automaton()
        self._empty = not table

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Leftmost-longest, non-overlapping mentions in text[start:end]."""
        if self._empty:
            return []
        end = len(text) if end is None else end
        window = text[start:end]
        folded = fold(window)
        found: list[Mention] = []
        for last, (length, values) in self._auto.iter(folded):
            s, e = last - length + 1, last + 1
            if s > 0 and _is_word(folded[s - 1]):
                continue
            for key, tier, surface, extra, stem, exact, capital, name in values:
                ee = e
                if stem:
                    while ee < len(folded) and _is_word(folded[ee]):
                        ee += 1
                elif ee < len(folded) and _is_word(folded[ee]):
                    continue
                if exact and window[s:e] != name:
                    continue
                if capital and not window[s].isupper():
                    continue
                found.append(Mention(start + s, start + ee, key, tier, surface, extra))
        found.sort(key=lambda m: (m.start, -(m.end - m.start), m.tier))
        out: list[Mention] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out


    def near(self, word: str) -> tuple[str, int] | None:
        """(key, tier) of the one-word name that `word` misspells by one letter (a letter
        missing, extra, wrong, or two swapped: "Karabkah"), when the name is at least
        _NEAR_MIN letters long and only one key's names are that near; else None. For the
        speaker of a cue when no name is found as written; never for news outlets."""
        folded = fold(word)
        if len(folded) < _NEAR_MIN or self._empty:
            return None
        index = self._near_index()
        found = {}
        for probe in {folded, *(folded[:i] + folded[i + 1:] for i in range(len(folded)))}:
            for name in index.get(probe, ()):
                if name != folded and _one_edit(folded, name):
                    for key, tier, *_ in self._auto.get(name)[1]:
                        if tier != MEDIA:
                            found[key] = min(tier, found.get(key, tier))
        if len(found) != 1:
            return None
        return next(iter(found.items()))

    def _near_index(self) -> dict[str, list[str]]:
        index = getattr(self, "_near", None)
        if index is None:
            index = {}
            for name, (_, values) in self._auto.items():
                if " " in name or len(name) < _NEAR_MIN or all(v[5] for v in values):  # short all-caps: exact only
                    continue
                for probe in {name, *(name[:i] + name[i + 1:] for i in range(len(name)))}:
                    index.setdefault(probe, []).append(name)
            self._near = index
        return index

    def __getstate__(self):
        return {"_auto": self._auto, "_empty": self._empty}  # not the index `near` builds

    def __setstate__(self, state):
        self._auto, self._empty = state["_auto"], state["_empty"]


_NEAR_MIN = 6


def _one_edit(a: str, b: str) -> bool:
    """Are `a` and `b` one insertion, deletion, substitution or swap of neighbours apart?"""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


PERSON, BODY, NAME, GENERIC, ADJECTIVE, MEDIA = range(6)


def party_gazetteer(parties) -> Gazetteer:
    entries = []
    for p in parties:
        for person in p.people:
            forms = [person.name, *person.variants]
            # "Ilham", "Ильхам": the first names of the person's full names, which tell a
            # namesake ("Karen Harutyunyan") from the official reached by the surname alone
            first = "|".join(sorted({fold(n.split()[0]) for n in forms if len(n.split()) > 1}))
            for n in forms:
                entries.append((n, p.id, PERSON, first))
        for body in p.bodies:
            for n in body.en + body.id + body.ru:
                entries.append((n, p.id, BODY, None))
        for n in p.names.en + p.names.id + p.names.ru:
            entries.append((n, p.id, NAME, None))
        for n in p.generic.en + p.generic.id + p.generic.ru:
            entries.append((n, p.id, GENERIC, None))
        for n in p.adjectives.en + p.adjectives.id + p.adjectives.ru:
            entries.append((n, p.id, ADJECTIVE, None))
        for n in p.media:
            entries.append((n, p.id, MEDIA, None))
    return Gazetteer(entries)


def place_names(place) -> list[tuple[str, str]]:
    """(name, naming) for every name of a place."""
    out = [(n, "armenian") for n in place.armenian]
    out += [(n, "azerbaijani") for n in place.azerbaijani]
    out += [(n, "neutral") for n in place.neutral]
    known = {fold(n) for n, _ in out}
    out += [(n, "neutral") for n in place.russian + place.indonesian if fold(n.rstrip("*")) not in known]
    return out


def place_gazetteer(places) -> Gazetteer:
    return Gazetteer([(n, p.id, 0, naming) for p in places for n, naming in place_names(p)])
