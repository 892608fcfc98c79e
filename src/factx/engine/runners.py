"""How a gated pattern is tried on one segment: only where a match can begin.

engine/prefilter.Gated decides which segments a rule runs on; these are the ways it
then runs there (`Runners._runner` picks the cheapest). Each gives exactly what
`pattern.finditer(string, pos, endpos)` gives, in the same order: it only leaves out
positions where no match can begin.

- `_from_starts`: at the hits of the strings every match begins with (engine/starts.py),
  and with an anchor only where an anchor literal lies within reach after the hit;
- `_anchored`: within `reach` before each hit of the anchor (engine/needs.py);
- `_at` with `_places_after`: up to a width after the words a lookbehind in front needs,
  or with `guarded`: at the start strings, unless a guard's words are there
  (engine/windows.py).
"""
from __future__ import annotations

import bisect

from .needs import reach_in

_SMALL_REACH = 12  # up to this reach, a pattern is tried at each position before a hit, not searched
_DENSE = 4  # a place to try every 4 characters or more often: a plain search is cheaper


class Runners:
    """The runners of engine/prefilter.Gated (a mixin: it holds the pattern, the index and
    the keys of its literal sets)."""

    __slots__ = ()

    def _anchored(self, string: str, pos: int, endpos: int, kwargs: dict):
        """What `pattern.finditer(string, pos, endpos)` finds, trying only near the anchor.

        Every match holds an anchor literal that starts at most `reach` characters after
        the match does. So a match starting at or after `pos` starts within `reach` before
        the first hit at or after `pos`, or later: searching from there finds the same
        leftmost match, and when it finds none there is none. A small reach is cheaper
        still: the pattern is tried only at the few positions before each hit.
        """
        begins, ends = self.index.spans(self.anchor, string)
        reach = reach_in(self.reach, self.index.runs(string))
        rx = self.pattern
        j = bisect.bisect_left(begins, pos)
        tried = pos  # every start below this has been tried (or cannot match)
        while True:
            while j < len(begins) and begins[j] < endpos and (begins[j] < pos or ends[j] > endpos):
                j += 1
            if j >= len(begins) or begins[j] >= endpos:
                return
            hit = begins[j]
            first = max(tried, hit - reach)
            if reach <= _SMALL_REACH:
                m = None
                for start in range(first, hit + 1):
                    m = rx.match(string, start, endpos, **kwargs)
                    if m is not None:
                        break
                tried = hit + 1
                if m is None:
                    j += 1
                    continue
            else:
                m = rx.search(string, first, endpos, **kwargs)
                if m is None:
                    return
            yield m
            pos = tried = m.end() if m.end() > m.start() else m.end() + 1
            if pos > endpos:
                return

    def _plan(self, string: str) -> tuple:
        """What `_from_starts` reads on `string`, once per text: (the start strings' hits, the
        anchor's hits (begins, ends) or None, the anchor's reach)."""
        begins = self.index.spans(self.starts, string)[0]
        if self.anchor is not None and self.reach is not None:
            return begins, self.index.spans(self.anchor, string), reach_in(self.reach, self.index.runs(string))
        return begins, None, 0

    def _from_starts(self, string: str, pos: int, endpos: int, kwargs: dict, plan: tuple | None = None):
        """What `pattern.finditer(string, pos, endpos)` finds, trying only where a match can begin
        (see `_starts_into`)."""
        found: list = []
        self._starts_into(found, 0, string, pos, endpos, kwargs, self._plan(string) if plan is None else plan)
        return (m for _, m in found)

    def _starts_into(self, found: list, i: int, string: str, pos: int, endpos: int, kwargs: dict, plan: tuple,
                     j: int | None = None) -> None:
        """Append (i, match) for each match of `pattern.finditer(string, pos, endpos)`, trying only
        where a match can begin. `j`: the index of the first start hit at or after `pos`, if known.

        Every match begins with one of the start strings, so the leftmost match from `pos`
        begins at the first of their hits where the pattern matches. With an anchor, a hit
        is tried only if an anchor literal starts within `reach` after it.
        """
        begins, hits, reach = plan
        anchored = hits is not None
        if anchored:
            hit_begins, hit_ends = hits
        rx = None  # unpickled at the first place worth trying: many rules have none
        if j is None:
            j = bisect.bisect_left(begins, pos)
        last = -1
        n = len(begins)
        while j < n:
            p = begins[j]
            if p >= endpos:
                return
            if p == last:  # two start strings at one place ("Armenia", "Armenian")
                j += 1
                continue
            if anchored:
                k = bisect.bisect_left(hit_begins, p)
                while k < len(hit_begins) and hit_begins[k] <= p + reach and hit_ends[k] > endpos:
                    k += 1
                if k >= len(hit_begins) or hit_begins[k] >= endpos:
                    return  # no anchor hit left in the segment: no match either
                if hit_begins[k] > p + reach:  # none close enough: on to where the next one is
                    j = bisect.bisect_left(begins, hit_begins[k] - reach, j + 1)
                    continue
            last = p
            if rx is None:
                rx = self.pattern
            m = rx.match(string, p, endpos, **kwargs)
            if m is None:
                j += 1
                continue
            found.append((i, m))
            pos = m.end() if m.end() > m.start() else m.end() + 1
            j = bisect.bisect_left(begins, pos)

    def _runner(self, string: str, pos: int, endpos: int, kwargs: dict, plan: tuple | None = None):
        """The cheapest exact way to find the matches in string[pos:endpos]: try the pattern
        only where a match can begin (unless such places are dense: then one search is
        cheaper than many tries), else only near its anchor, else search as written.
        `plan`: what `_plan` gives on `string`, when the caller has it."""
        if self.starts is not None:
            if plan is None:
                plan = self._plan(string)
            begins = plan[0]
            tries = bisect.bisect_left(begins, endpos) - bisect.bisect_left(begins, pos)
            if tries * _DENSE <= endpos - pos:
                return self._from_starts(string, pos, endpos, kwargs, plan)
        elif self.after is not None:
            places = self._places_after(string, pos, endpos)
            if len(places) * _DENSE <= endpos - pos:
                return self._at(places, string, pos, endpos, kwargs)
        elif self.guarded is not None and not self._guarded_off(string, pos, endpos):
            begins = self.index.spans(self.guarded[0], string)[0]
            places = begins[bisect.bisect_left(begins, pos):bisect.bisect_left(begins, endpos)]
            if len(places) * _DENSE <= endpos - pos:
                return self._at(places, string, pos, endpos, kwargs)
        if self.anchor is not None and self.reach is not None:
            return self._anchored(string, pos, endpos, kwargs)
        return self.pattern.finditer(string, pos, endpos, **kwargs)

    def _places_after(self, string: str, pos: int, endpos: int) -> list[int]:
        """Where in string[pos:endpos] a match can begin, by `after`: at a hit of its begin
        strings, or up to its width after the end of a hit of its after strings (which may
        lie before `pos`: a lookbehind sees past the segment's start)."""
        begin, key, width, longest = self.after
        index = self.index
        reach = reach_in(width, index.runs(string))
        places = set()
        if begin is not None:
            begins = index.spans(begin, string)[0]
            places.update(begins[bisect.bisect_left(begins, pos):bisect.bisect_left(begins, endpos)])
        begins, ends = index.spans(key, string)
        for j in range(bisect.bisect_left(begins, pos - reach - longest), bisect.bisect_left(begins, endpos)):
            e = ends[j]
            places.update(range(max(e, pos), min(e + reach, endpos) + 1))
        return sorted(places)

    def _guarded_off(self, string: str, pos: int, endpos: int) -> bool:
        """Is a guard's word there (in the segment, or as far before it as a lookbehind
        reaches)? Then a match may begin elsewhere than at the start strings."""
        index = self.index
        for key, width, longest in self.guarded[1]:
            lo = pos if width is None else max(0, pos - reach_in(width, index.runs(string)) - longest)
            if index.present(key, string, lo, endpos):
                return True
        return False

    def _at(self, places: list[int], string: str, pos: int, endpos: int, kwargs: dict):
        """What `pattern.finditer(string, pos, endpos)` finds, when every match begins at one of
        `places` (sorted): the pattern is tried there only, from left to right."""
        rx = None  # unpickled at the first place: many rules have none
        for p in places:
            if p < pos:
                continue
            if rx is None:
                rx = self.pattern
            m = rx.match(string, p, endpos, **kwargs)
            if m is None:
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
            if pos > endpos:
                return
