"""The one number parser: digits and number words of a language, vague amounts and qualifiers.

Driven entirely by `rules/<lang>/numbers.yaml`. Duckling's idea: numbers are a
dimension of their own that other rules reuse (`{count}`), never parsed twice.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the rule-file models are not needed to run a grammar loaded from the cache
    from ..engine.schema import Numbers

_SPLIT = re.compile(r"[\s\u00a0-]+")
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")


def _alt(words) -> str:
    """Longest-first alternation; spaces in a phrase match any run of white space."""
    parts = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))  # the same order in every run
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


class NumberGrammar:
    def __init__(self, spec: Numbers):
        self.words = {k.lower(): v for k, v in spec.words.items()}
        self.mult = {k.lower(): v for k, v in spec.multipliers.items()}
        self.teens = {k.lower(): v for k, v in spec.teens.items()}
        self.aliases = {k.lower(): v.lower() for k, v in spec.aliases.items()}
        self.connectors = {c.lower() for c in spec.connectors}
        self.vague = {k.lower(): v for k, v in spec.vague.items()}
        q = spec.qualifiers
        self.qualifiers = {w.lower(): slot for slot, ws in
                           (("min", q.min), ("max", q.max), ("approximate", q.approximate), ("exact", q.exact))
                           for w in ws}
        word = _alt([*self.words, *self.mult, *self.teens, *self.aliases])
        large = _alt([w for w, v in self.mult.items() if v >= 1000]) or "(?!)"
        conn = _alt(self.connectors)
        conn_part = rf"(?:(?:{conn})\s+)?" if conn else ""
        words_re = rf"(?:{word})(?:(?:\s+|-){conn_part}(?:{word}))*"
        digits_re = rf"(?:{spec.digits})(?:\s+(?:{large}))?"
        self._decimal = spec.decimal_separator
        if self._decimal and large != "(?!)":
            # "1.5 million", "2,5 juta": a decimal only before a large multiplier
            point = re.escape(self._decimal)
            digits_re = rf"(?:\d+{point}\d+\s+(?:{large})|{digits_re})"
        number = rf"(?:{digits_re}|{words_re})(?:\s*\((?:{spec.digits}|{words_re})\))?"
        # not the tail of 1.5 or 5,000; a period after a word is a glued sentence end ("Karabakh.Sixteen")
        self.number_re = rf"(?<![\w]|\d[.,])(?:{number})(?![\w])"
        vague = _alt(self.vague) or "(?!)"
        qual = _alt(self.qualifiers)
        qual_part = rf"(?:(?:{qual})\s+)?" if qual else ""
        # "between 20 and 30": a range, tried before a lone number
        ranges = [(_alt(r.before), _alt(r.join)) for r in spec.ranges if r.before and r.join]
        range_part = "".join(rf"(?:{b})\s+(?:{number})\s+(?:{j})\s+(?:{number})|" for b, j in ranges)
        # "1,000+ soldiers": at least 1,000
        self.count_re = rf"(?<![\w]|\d[.,])(?:{range_part}{qual_part}(?:{number}(?:\+(?![\w+]))?|(?:{vague})))(?![\w])"
        self._range_re = [re.compile(rf"^(?:{b})\s+(.+?)\s+(?:{j})\s+(.+)$", re.I) for b, j in ranges]
        self._qual_re = re.compile(rf"^(?:{qual})\s+", re.I) if qual else None
        self._digits = re.compile(rf"^(?:{spec.digits})$")
        self._vague_re = re.compile(rf"^(?:{vague})$", re.I)

    def parse_number(self, text: str) -> int | None:
        text = _PAREN.sub("", text.strip()).strip()
        low = text.lower()
        if " " in text and self._digits.match(text):
            return int(re.sub(r"\D", "", text))  # "1 177": thousands set off by a plain space (ru)
        head, _, tail = low.partition(" ")
        if self._decimal and tail.strip() in self.mult and re.fullmatch(rf"\d+{re.escape(self._decimal)}\d+", head):
            whole, _, part = head.partition(self._decimal)
            scaled = (int(whole) * 10 ** len(part) + int(part)) * self.mult[tail.strip()]
            return scaled // 10 ** len(part) if scaled % 10 ** len(part) == 0 else round(scaled / 10 ** len(part))
        if self._digits.match(head):
            value = int(re.sub(r"\D", "", head))
            tail = tail.strip()
            if tail:
                if tail not in self.mult:
                    return None
                value *= self.mult[tail]
            return value
        for alias, expansion in sorted(self.aliases.items(), key=lambda kv: -len(kv[0])):
            low = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", expansion, low)
        total = group = pending = 0
        seen = False
        for tok in _SPLIT.split(low):
            if not tok or tok in self.connectors:
                continue
            seen = True
            if tok in self.words:
                pending += self.words[tok]
            elif tok in self.teens:
                pending += self.teens[tok]
            elif tok in self.mult:
                m = self.mult[tok]
                if m < 1000:
                    group += (pending or 1) * m
                    pending = 0
                else:
                    total += ((group + pending) or 1) * m
                    group = pending = 0
            else:
                return None
        return total + group + pending if seen else None

    def parse_count(self, text: str) -> dict:
        """`{"value", "min", "max", "approximate"}` of a count span such as `lebih dari 1.000`."""
        text = text.strip()
        slot = "exact"
        if self._qual_re:
            m = self._qual_re.match(text)
            if m:
                slot = self.qualifiers[re.sub(r"\s+", " ", m.group(0).strip().lower())]
                text = text[m.end():]
        count = {"value": None, "min": None, "max": None, "approximate": False}
        for rx in self._range_re:
            m = rx.match(text)
            if m:
                low, high = self.parse_number(m.group(1)), self.parse_number(m.group(2))
                scale = self.parse_number(m.group(2).split()[-1]) if low is not None and high is not None else None
                if scale and scale >= 100 and scale != high and low < high // scale:
                    low *= scale  # "от двух до трех тысяч", "between two and three thousand": 2,000-3,000
                if low is not None and high is not None and low < high:
                    count["min"], count["max"] = low, high
                    return count
        if text.endswith("+") and slot == "exact":
            slot, text = "min", text[:-1]  # "1,000+"
        # after a qualifier, a word that is also a number is that number: "свыше сотни" (more
        # than a hundred, genitive singular) is not the vague "сотни" (hundreds)
        if self._vague_re.match(text.strip()) and (slot == "exact" or self.parse_number(text) is None):
            count["min"] = self.vague[re.sub(r"\s+", " ", text.strip().lower())]
            count["approximate"] = True
            return count
        value = self.parse_number(text)
        if value is None:
            return count
        if slot == "min":
            count["min"] = value
        elif slot == "max":
            count["max"] = value
        else:
            count["value"] = value
            count["approximate"] = slot == "approximate"
        return count
