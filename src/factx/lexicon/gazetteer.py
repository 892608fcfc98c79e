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
    return "".join(_fold_char(c) for c in text)


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


PERSON, BODY, NAME, GENERIC, ADJECTIVE, MEDIA = range(6)


def party_gazetteer(parties) -> Gazetteer:
    entries = []
    for p in parties:
        for person in p.people:
            for n in [person.name, *person.variants]:
                entries.append((n, p.id, PERSON, None))
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
