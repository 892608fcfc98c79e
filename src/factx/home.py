"""Whose country an article is written from, and the bodies it names without a country.

An outlet in Baku writes "the Ministry of Defense said" and means Azerbaijan's; one in
Yerevan writes "Генпрокуратура сообщила" and means Armenia's. So a bare state body
(vocab term `home_body`: "Ministry of Defense", "Минобороны", "Kejaksaan Agung") that no
country is named with speaks for the article's home: the side its dateline city lies in
("BAKU (Reuters) -", "Баку. 3 августа.", "YEREVAN, KOMPAS.com -"), or else the side of
the outlet that signs it in its first lines ("Armenpress, 5 October"), unless the text just named a state: then that one. Only the sides a
place of the lexicon lies in (engine/compile.py `areas`) can be a home: a story from
Moscow or Jakarta has none, and bare bodies there stay of no side.
(A mixin of attribution.Attributor, above clauses.Clauses.)
"""
from __future__ import annotations

import bisect

import regex

from .engine.cache import own_pattern
from .lexicon.gazetteer import MEDIA
from .speakers import Speaker, Speakers, _trim

_HEAD_LINES = 6  # the dateline or the outlet's byline is among the first lines after the title
_HEAD_CHARS = 1200
# a line's first words, then what ends a dateline's city: "(Reuters)", " / ANKARA", " — ",
# ", Oct 5", ", 3 августа", ". 3 августа", ", Azerbaijan (AP)" or the end of the line
_CITY = own_pattern(r"[\W_]{0,3}(\p{L}[\p{L}'’-]*(?:[ -]\p{L}[\p{L}'’-]*)?)")
_DATELINE_END = own_pattern(r"\s*(?:\(|/|[–—]|-\s|,\s*(?:\d|\p{L}+\.?\s+\d|(?-i:\p{Lu})\p{L}+\s*[(,])|\.\s+\d)")
_CAPS_END = own_pattern(r"\s*(?:[,(/.–—-]|$)", regex.M)  # "BAKU, KOMPAS.com -", "BAKU / ANKARA"
_SECOND = own_pattern(r"\s*(?:/|and|и|dan)\s*(\p{L}[\p{L}'’-]*)", regex.I)  # "YEREVAN/BAKU", "Баку и Ереван"
_UPPER = own_pattern(r"(?-i:[\p{Lu}\s'’.-]+)")


class Home(Speakers):
    """home(), the article's home side, and home_speaker(), a bare state body's side."""

    def home(self) -> tuple[str | None, bool]:
        """(the home side or None, whether a dateline gave it): an outlet's byline gives a weaker one."""
        found = self.__dict__.get("_home")
        if found is None:
            found = self.__dict__["_home"] = self._find_home()
        return found

    def _find_home(self) -> tuple[str | None, bool]:
        text, areas = self.art.text, self.comp.areas
        homes = set(areas.values())
        at = self.art.title.end if self.art.title is not None else 0
        stop = min(len(text), at + _HEAD_CHARS)
        lines, outlet = 0, None
        while at < stop and lines < _HEAD_LINES:
            end = text.find("\n", at)
            end = stop if end < 0 or end > stop else end
            if text[at:end].strip():
                lines += 1
                city = _CITY.match(text, at, end)
                if city is not None:
                    s, e = city.span(1)
                    word = text[s:e]
                    dated = _DATELINE_END.match(text, e, end) or (
                        _UPPER.fullmatch(word) and len(word) > 2 and _CAPS_END.match(text, e, end))
                    if dated:
                        for p in self.comp.places.find(text, s, e):
                            if p.start == s and p.key in areas:
                                return self._one_side(areas[p.key], e, end), True
                if outlet is None and end - at <= 80:  # a byline or dateline of its own
                    outlet = next((m.key for m in self.comp.parties.find(text, at, end)
                                   if m.tier == MEDIA and m.key in homes), None)
            at = end + 1
        return outlet, False

    def _one_side(self, home: str, at: int, end: int) -> str | None:
        """`home`, unless the dateline names a second city on another side: "YEREVAN/BAKU, Oct 4
        (Reuters)" is written from both, and has no home."""
        second = _SECOND.match(self.art.text, at, end)
        if second is not None:
            for p in self.comp.places.find(self.art.text, *second.span(1)):
                if self.comp.areas.get(p.key, home) != home:
                    return None
        return home

    def home_speaker(self, s: int, e: int, anaphors=()) -> Speaker | None:
        """A bare state body in text[s:e] ("citing the Ministry of Defense"), as the home side's;
        None where one of `anaphors` (the anaphors found there) is all of it ("Минобороны"
        points back to the ministry named last, where there is one)."""
        rx = self.comp.home_body
        if rx is None:
            return None
        m = rx.search(self.art.text, s, e)
        if m is None or any(a.start <= m.start() and m.end() <= a.end for a in anaphors):
            return None
        home, dated = self.home()
        if home is None:
            return None
        if not dated:
            # an outlet's home yields to the state the text was just about: "Baku has not published
            # its military losses. It has published civilian figures: according to the
            # Prosecutor General's Office, ..." in a Yerevan outlet's fact-check is Baku's office
            home = self._state_before(m.start()) or home
        return Speaker(_trim(m.group()), home)

    def _state_before(self, at: int) -> str | None:
        """The state named last before `at`, in its sentence or the one before."""
        starts = self.art.bounds("sentence")[0]
        i = bisect.bisect_right(starts, at) - 1
        lo = starts[max(0, i - 1)] if starts else 0
        found = [m for m in self.comp.parties.find(self.art.text, lo, at) if m.key in self.comp.states and m.tier != MEDIA]
        return max(found, key=lambda m: m.start).key if found else None
