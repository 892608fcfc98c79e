"""The one date resolver: date-looking spans found by rules, normalised with a month table.

`dateparser` is only the fallback for a span the table cannot read, and it is
imported on first use (it costs 60-200 ms). Never run over whole text.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import regex

from ..engine.fold import fold_text

if TYPE_CHECKING:  # the rule-file models are not needed to run a grammar loaded from the cache
    from ..engine.schema import Dates


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def strip_groups(pattern: str) -> str:
    """Named groups become plain groups, so a date pattern can sit inside a rule."""
    # compiled on first use: only building a grammar needs it, and a warm run unpickles one
    return regex.sub(r"\(\?P<(\w+)>", "(?:", pattern)


class DateGrammar:
    def __init__(self, spec: Dates):
        self.order, self.lang = spec.order, spec.lang  # for the dateparser fallback
        self.months = {k.lower(): v for k, v in spec.months.items()}
        self.weekdays = {k.lower(): v for k, v in spec.weekdays.items()}
        self.relative = {k.lower(): v for k, v in spec.relative.items()}
        subs = {"month": _alt(self.months) or "(?!)", "weekday": _alt(self.weekdays) or "(?!)",
                "rel": _alt(self.relative) or "(?!)"}
        self.patterns = []
        for p in spec.patterns:
            src = p.pattern
            for k, v in subs.items():
                src = src.replace("{" + k + "}", f"(?:{v})")
            self.patterns.append((p.id, src))
        self.compiled = [(pid, regex.compile(src, regex.I)) for pid, src in self.patterns]
        # the words each pattern's every match holds ("january", ...), when it has some: a
        # sentence without one of them is not searched for that pattern (engine/needs.py)
        from ..engine.needs import required_literals

        self.needed = [required_literals(src, regex.I) for _, src in self.patterns]
        # the longest alternative first: "Minggu (1/11/2020)" before "Minggu"
        self.span_re = "(?:" + "|".join(strip_groups(src) for _, src in self.patterns) + ")"

    def resolve(self, text: str, published: dt.date | None) -> dt.date | None:
        for _, rx in self.compiled:
            m = rx.fullmatch(text.strip())
            if m:
                return self._from_groups(m.groupdict(), published, text)
        return self._fallback(text, published)

    def find_all(self, text: str, need_year: bool = False) -> list[regex.Match]:
        """Date spans in `text`, leftmost-longest, not overlapping."""
        found = []
        folded = None
        for (_, rx), needed in zip(self.compiled, self.needed):
            if needed:
                if folded is None:
                    folded = fold_text(text)
                if not any(map(folded.__contains__, needed)):
                    continue
            for m in rx.finditer(text):
                if need_year and not m.groupdict().get("year"):
                    continue
                found.append(m)
        found.sort(key=lambda m: (m.start(), -m.end()))
        out: list[regex.Match] = []
        for m in found:
            if out and m.start() < out[-1].end():
                continue
            out.append(m)
        return out

    def value(self, m: regex.Match, published: dt.date | None) -> dt.date | None:
        return self._from_groups(m.groupdict(), published, m.group(0))

    def find_first(self, text: str, published: dt.date | None, need_year: bool = False):
        """The first date in `text` (used for `published` and for sentence dates)."""
        found = self.find_all(text, need_year)
        return self.value(found[0], published) if found else None

    def _month(self, value: str | None) -> int | None:
        if value is None:
            return None
        if value.isdigit():
            return int(value)
        return self.months.get(value.lower().rstrip("."))

    def _from_groups(self, g: dict, published: dt.date | None, text: str) -> dt.date | None:
        try:
            if g.get("rel"):
                if published is None:
                    return None
                return published + dt.timedelta(days=self.relative[regex.sub(r"\s+", " ", g["rel"].lower())])
            day = int(g["day"]) if g.get("day") else None
            month = self._month(g.get("month"))
            year = int(g["year"]) if g.get("year") else None
            if year is not None and year < 100:
                year += 2000
            if day and month:
                if year is None:
                    if published is None:
                        return None
                    year = published.year
                    if dt.date(year, month, day) > published + dt.timedelta(days=1):
                        year -= 1
                return dt.date(year, month, day)
            if g.get("weekday") and published is not None:
                wd = self.weekdays[g["weekday"].lower()]
                return published - dt.timedelta(days=(published.weekday() - wd) % 7)
        except (ValueError, KeyError):
            return self._fallback(text, published)
        return None

    def _fallback(self, text: str, published: dt.date | None) -> dt.date | None:
        import dateparser  # lazy: costly to import and to warm up

        settings = {"DATE_ORDER": self.order, "PREFER_DATES_FROM": "past"}
        if published is not None:
            settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
        try:
            got = dateparser.parse(text, languages=[self.lang], settings=settings)
        except Exception:  # dateparser raises assorted errors on odd input
            return None
        return got.date() if got else None
