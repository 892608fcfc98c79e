"""Run the compiled rules of one language over an article's segments and build claims.

(Named extractor, not extract, so that `factx.extract` stays the library function.)
"""
from __future__ import annotations

import datetime as dt

import regex

from .article import Article, Span
from .attribution import Attributor, overlaps
from .engine.cache import own_pattern
from .engine.compiled import TIMEOUT, CompiledLang, CompiledRule
from .interviews import interview_answers
from .plain import Plain
from .quotes import OPENERS, first_char, open_at_end
from .record import KINDS
from .statements import attribute_statements


# compiled patterns from the disk cache (engine/cache.py): the regex parser is slow to start
_PREFIX_SPLIT = own_pattern(r"\s*,\s*(?:(?:and|dan|serta|и)\s+)?|\s+(?:and|dan|serta|и|&)\s+", regex.I)
_CLAUSE_END = own_pattern(r"[,;.:!?\n]")
# a capitalised word after a comma or a short word ("and", "dan", "и"), or before one
_LIST_ON = own_pattern(r"(?:\s*,\s*(?:\p{Ll}{1,5}\s+)?|\s+\p{Ll}{1,5}\s+)(?-i:\p{Lu})")
_LIST_BACK = own_pattern(r"\p{L}(?:\s*,|\s+\p{Ll}{1,5})\s+\Z")
_RUN_REACH = 200  # how far a list of places may run on before or after what a rule matched
# "including in Stepanakert and in Martuni": a preposition that a list repeats is no part of a name
_IN = own_pattern(r"(?:in|on|at|near|di|ke|в|во|на)\s+(?=\p{Lu})")
_WORDS = own_pattern(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_ASKED = own_pattern(r"[^,;:.!?\n–—]*\?")  # the rest of a question's last clause, to its mark


class RawClaim(Plain):  # a plain class, not a dataclass: cheaper to import (see plain.py)
    __slots__ = ("kind", "rule", "order", "start", "end", "anchor", "fields")

    def __init__(self, kind: str, rule: CompiledRule, order: int, start: int, end: int, anchor: tuple[int, int],
                 fields: dict | None = None):
        self.kind = kind
        self.rule = rule
        self.order = order
        self.start = start
        self.end = end
        self.anchor = anchor
        self.fields = {} if fields is None else fields


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


class Extractor:
    def __init__(self, art: Article, comp: CompiledLang, published: dt.date | None, warnings: list[str]):
        self.art = art
        self.comp = comp
        self.published = published
        self.warnings = warnings
        self._timed_out: set[str] = set()
        self._dates: dict[tuple[int, int], str | None] = {}

    # -- matching ---------------------------------------------------------------------------
    def matches(self, kind: str, rules: list[CompiledRule]) -> list[RawClaim]:
        text = self.art.text
        out: list[RawClaim] = []
        bounds = {scope: self.art.bounds(scope) for scope in ("sentence", "paragraph")}
        for order, rule in enumerate(rules):
            starts, ends = bounds["paragraph" if rule.rule.scope == "paragraph" else "sentence"]
            found, cut = rule.regex.run(text, starts, ends, TIMEOUT)  # only where the pre-filter lets it
            for i, m in found:
                if m.end() == m.start():
                    continue
                if any(overlaps(a, text, m.start(), m.end(), starts[i], ends[i]) for a in rule.antipatterns):
                    continue
                raw = self.build(kind, rule, order, m)
                if raw is not None:
                    out.append(raw)
            if cut and rule.id not in self._timed_out:
                self._timed_out.add(rule.id)
                self.warnings.append(f"rule {rule.id} ({rule.origin}) exceeded its time budget and was cut off")
        return out

    def build(self, kind: str, rule: CompiledRule, order: int, m: regex.Match) -> RawClaim | None:
        f: dict = {k: v for k, v in rule.rule.fields.items()}
        anchor = m.span()
        for name in rule.regex.groupindex:
            if m.group(name) is None:
                continue
            value = m.group(name)
            if name == "count":
                if kind == "casualty":
                    count = self.comp.numbers.parse_count(value) if self.comp.numbers else None
                    if not count or all(count[k] is None for k in ("value", "min", "max")):
                        return None
                    at = m.start("count")
                    if self.comp.exceed is not None and count["value"] is not None and \
                            self.comp.exceed.search(self.art.text, max(0, at - 40), at):
                        # "the death toll surpassed 1,000", "число погибших превысило 1000": more than N
                        count = {**count, "value": None, "min": count["value"]}
                    f["count"] = count
                    anchor = m.span("count")
                else:
                    f["count"] = self.comp.numbers.parse_number(value) if self.comp.numbers else None
            elif name in ("date", "since"):
                f[name] = iso(self.comp.dates.resolve(value, self.published)) if self.comp.dates else None
            elif name == "locations":
                anchor = self.place_run(*m.span("locations"))
                f["locations"] = self.locations(self.art.text[anchor[0]:anchor[1]])
            elif name in ("attacker", "accused", "victim_party"):
                f[name] = self.party_of(value)
            elif name == "text":
                parts = [" ".join(c.split()).rstrip(",") for c in m.captures("text")]
                f["text"] = " ... ".join(p.strip() for p in parts if p.strip())
                spans = m.spans("text")
                anchor = (spans[0][0], spans[-1][1])
            elif name in self.comp.classes:
                f[name] = self.comp.map_class(name, value) or value.lower()
            else:
                f[name] = " ".join(value.split())
        if kind == "quote" and len(_WORDS.findall(f.get("text", ""))) < 3:
            return None  # a scare-quoted term is not a quote
        if kind == "attack" and not f.get("locations"):
            return None
        if kind == "attack" and f.get("weapon") is None and "weapon" in self.comp.classes:
            # the weapon a rule does not capture, when its match or the rest of its clause names
            # one ("Armenian forces shelled Tartar": artillery; "menembaki kota Terter dengan
            # artileri": artillery)
            text = self.art.text
            stop = _CLAUSE_END.search(text, m.end(), min(len(text), m.end() + 80))
            f["weapon"] = self.weapon_in(m.start(), stop.start() if stop else min(len(text), m.end() + 80))
        return RawClaim(kind, rule, order, m.start(), m.end(), anchor, f)

    def place_run(self, start: int, end: int) -> tuple[int, int]:
        """The span of the list of places that text[start:end] (a rule's list) belongs to: the
        whole of "the villages of Aghdam, Kuropatkino and Shikharkh" when the rule stopped at
        "Aghdam" or began at "Shikharkh", since the lexicon does not know Kuropatkino."""
        rx, text = self.comp.place_run, self.art.text
        if rx is None or not (_LIST_ON.match(text, end) or _LIST_BACK.search(text, max(0, start - 12), start)):
            return start, end  # no other item next to it: cheap to tell, and most lists are whole
        for r in rx.finditer(text, max(0, start - _RUN_REACH), min(len(text), end + _RUN_REACH), timeout=TIMEOUT):
            s, e = r.span("items")
            if s >= end:
                break
            if e >= end:  # (the rule's list may hold the place word too: "the villages of A")
                return min(s, start), e
        return start, end

    def weapon_in(self, start: int, end: int) -> str | None:
        """The weapon class named first in text[start:end], as a whole word; None if none."""
        text = self.art.text
        best: tuple[int, str] | None = None
        for key, rx in self.comp.classes["weapon"]:
            pos = start
            while (w := rx.search(text, pos, end)) is not None:
                if (w.start() == 0 or not text[w.start() - 1].isalnum()) and \
                        (w.end() >= len(text) or not text[w.end()].isalnum()):
                    if best is None or w.start() < best[0]:
                        best = (w.start(), key)
                    break
                pos = w.start() + 1
        return best[1] if best else None

    def locations(self, text: str) -> list[dict]:
        out, seen = [], set()
        prefix = self.comp.place_prefix
        # "Nagorny Karabakh including the main city Stepanakert": the language's own list words split too
        pieces = _PREFIX_SPLIT.split(text)
        if self.comp.clause_break is not None:
            pieces = [p for chunk in pieces for p in self.comp.clause_break.split(chunk)]
        for piece in pieces:
            piece = piece.strip(" ,.;")
            lead = _IN.match(piece)
            if lead:
                piece = piece[lead.end():]
            if prefix:
                if not prefix.sub("", piece + " ").strip():
                    continue  # "another city, Shushi": the words before the name are no place
                piece = prefix.sub("", piece)
            if not piece:
                continue
            mentions = self.comp.places.find(piece)
            place = naming = None
            if mentions:
                place, naming = mentions[0].key, mentions[0].extra
            if piece[:1].islower() and (place is None or mentions[0].start > 0):
                continue  # "Ganja, kota terbesar kedua Azerbaijan, serta Barda": an aside, no place
            if place is None and self.comp.parties.find(piece):
                continue  # "the village of Talish and Armenian positions": a side, no place
            key = place or piece.lower()
            if key in seen:
                continue
            if place is not None and out and self.comp.areas.get(out[-1]["place"]) == place:
                continue  # "di kota Shushi, Nagorno-Karabakh": where the place before lies, no place of its own
            seen.add(key)
            out.append({"name": piece, "place": place, "naming": naming})
        return out

    def party_of(self, text: str) -> str | None:
        mentions = [m for m in self.comp.parties.find(text) if m.tier < 5]
        if not mentions:
            return None
        return min(mentions, key=lambda m: (m.tier, m.start)).key

    # -- claims -------------------------------------------------------------------------------
    def run(self) -> list[dict]:
        raws: list[RawClaim] = []
        for kind in KINDS:
            found = self.matches(kind, self.comp.rules.get(kind, []))
            if kind != "quote":
                # "Is the truce holding?", "Who fired on Barda?": what a question asks is no claim
                # ("Three truces failed, what now?" still says its first clause)
                found = [r for r in found if _ASKED.match(self.art.text, r.end) is None]
            found.sort(key=lambda r: (r.order, r.start))
            kept: list[RawClaim] = []
            for r in found:
                if any(r.anchor[0] < k.anchor[1] and k.anchor[0] < r.anchor[1] for k in kept):
                    continue
                kept.append(r)
            if kind == "quote":
                for r in kept:
                    self.carry_open_quote(r)
            raws += kept
        raws.sort(key=lambda r: (r.start, KINDS.index(r.kind)))
        attributor = Attributor(self.art, self.comp, self.warnings)
        claims = []
        for n, r in enumerate(raws, 1):
            claims.append(self.finish(r, n, attributor))
        # a claim inside quoted words is the quoted speaker's: '"... who just agreed to a cease
        # fire. Many lives will be saved," Trump wrote' is Trump's agreed event
        quotes = [(r.anchor, c) for r, c in zip(raws, claims) if r.kind == "quote" and c["party"] is not None]
        for r, c in zip(raws, claims):
            if r.kind == "quote" or c["party"] is not None:
                continue
            for (qs, qe), q in quotes:
                if qs <= r.start and r.end <= qe:
                    c["party"], c["speaker"] = q["party"], q["speaker"]
                    break
        blocks = attribute_statements(self.art, self.comp, attributor, raws, claims)
        # a report that quotes a statement in full ("Statement of X - FULL TEXT ¶ APA presents the
        # statement: ¶ "...""): the quotation is the statement, and the rest of the text reports
        owner = self.transcript_speaker() if not blocks else None
        if owner is None:
            # an interview in questions and answers: what an answer says is the interviewee's
            answers = interview_answers(self.art, self.comp, attributor)
            if answers and self.art.title is not None:
                # the headline quotes the interviewee: '«Мы воюем не с Азербайджаном, а с коалицией»'
                answers.append((self.art.title.start, self.art.title.end, answers[0][2]))
            for lo, hi, who in answers:
                for r, c in zip(raws, claims):
                    if c["party"] is None and lo <= r.start < hi:
                        c["speaker"], c["party"] = who
        if owner is not None:
            # a transcript or statement published by its speaker ("Sergey Lavrov's remarks ..."):
            # no quote claims, and what the text says in its own voice is the speaker's
            claims = [c for c in claims if c["kind"] != "quote"]
            for c in claims:
                if c["party"] is None:
                    c["speaker"], c["party"] = owner
        return claims

    def carry_open_quote(self, r: RawClaim) -> None:
        """A quotation that runs over paragraphs: in wire copy a paragraph that ends inside a
        quotation leaves it open, and the next paragraph opens with a quotation mark again
        ('"We are facing a war. ¶ "The world must act," Pashinyan said.'). The claim of the
        paragraph that closes it takes in the open paragraphs before it: their words come first
        in its text, and its evidence starts where the quotation does."""
        art, text = self.art, self.art.text
        mark = r.anchor[0] - 1  # the opening mark, just before the quoted words
        para = self._paragraph_at(r.anchor[0])
        if para is None or mark < 0 or text[mark] not in OPENERS or first_char(text, art.paragraphs[para]) != mark:
            return
        parts = []
        while para > 0:
            prev = art.paragraphs[para - 1]
            opened = open_at_end(text, prev.start, prev.end)
            if opened is None:
                break
            parts.append(" ".join(text[opened + 1:prev.end].split()))
            r.start = opened  # the quotation, and so its evidence, starts in that paragraph
            para -= 1
            if opened != first_char(text, prev):
                break  # it opened mid-paragraph ('Pashinyan said: "We are ...'): it begins there
        if parts:
            r.anchor = (r.start + 1, r.anchor[1])
            r.fields["text"] = " ".join(parts[::-1] + [r.fields.get("text", "")])

    def _paragraph_at(self, pos: int) -> int | None:
        sents = self.art.sentences_between(pos, pos + 1)
        return self.art.sentence_para[sents[0]] if sents else None

    def transcript_speaker(self) -> tuple[str, str] | None:
        """(speaker, party) when the title says the whole text is one party's own words."""
        title = self.art.title
        if self.comp.transcript is None or title is None:
            return None
        m = self.comp.transcript.match(self.art.text, title.start, title.end)
        if not m or not m.groupdict().get("speaker"):
            return None
        party = self.party_of(m.group("speaker"))
        return (" ".join(m.group("speaker").split()), party) if party else None

    def finish(self, r: RawClaim, n: int, attributor: Attributor) -> dict:
        sents = self.art.sentences_between(r.start, r.end)
        if sents:
            ev = Span(self.art.sentences[sents[0]].start, self.art.sentences[sents[-1]].end)
        else:
            ev = Span(r.start, r.end)
        cue = None
        for idx in sents:  # '"A. B," X said.': the speech tag may sit in a later sentence of the claim
            cue = attributor.for_claim(idx, r.start, r.end, r.kind)
            if cue:
                break
        if cue is None and sents:
            cue = self.back_reference(sents[-1], attributor)
        party = cue.party if cue else None
        speaker = cue.speaker if cue else None
        claim = {"id": f"c{n}", "kind": r.kind, "party": party, "speaker": speaker}
        for k, v in r.fields.items():
            claim[k] = party if v == "@party" else v
        if "date" not in claim or claim["date"] is None:
            claim["date"] = self.sentence_date(ev) if self.comp.dates else None
            if claim["date"] is not None and claim["date"] == claim.get("since"):
                claim["date"] = None  # the only date in the sentence is where the count starts
        claim["rule"] = r.rule.id
        claim["_match"] = (r.start, r.end)
        claim["evidence"] = {"text": self.art.text[ev.start:ev.end], "start": ev.start, "end": ev.end}
        return claim

    def back_reference(self, last: int, attributor: Attributor):
        """The cue of a later sentence that names who said this one ("... . Об этом сообщило
        Минобороны Армении."): the next sentence, or a later one of the same paragraph with
        no speaker of its own in between."""
        art = self.art
        for j in range(last + 1, len(art.sentences)):
            if j > last + 1 and art.sentence_para[j] != art.sentence_para[last]:
                return None
            cue = attributor.back_reference(j)
            if cue is not None:
                return cue
            if any(c.resolved for c in attributor.cues[j]):
                return None
        return None

    def sentence_date(self, ev: Span) -> str | None:
        """The first date of the sentence that is not the start of a period ("sejak 27 September")."""
        key = (ev.start, ev.end)
        if key not in self._dates:  # claims of one sentence share its date: read it once
            self._dates[key] = self._sentence_date(ev)
        return self._dates[key]

    def _sentence_date(self, ev: Span) -> str | None:
        sentence = self.art.text[ev.start:ev.end]
        for m in self.comp.dates.find_all(sentence):
            if self.comp.since_marker and self.comp.since_marker.search(sentence, 0, m.start()):
                continue
            return iso(self.comp.dates.value(m, self.published))
        return None
