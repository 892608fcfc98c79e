"""Who says it: speech cues ("X mengatakan", "kata X", '"...," he said', "according to X")
found by the speech rules, the speaker's words looked up in the party lexicon,
pronouns and "katanya" carried to the last named speaker.
"""
from __future__ import annotations

from typing import Any

import regex

from .article import Article
from .engine.cache import own_pattern
from .engine.compiled import TIMEOUT, CompiledLang, CompiledRule
from .clauses import _AFTER_END, _DASH, Clauses
from .plain import Plain
from .speakers import Speaker, _trim

# Compiled patterns from the disk cache (engine/cache.py): the regex parser is slow to start.
# Where a before-speaker cannot start: a clause break that is not an appositive comma.
_HARD_BREAK = own_pattern(r"[;”\"»]|(?<!\d):(?!\d)|\s[–—-]\s|\(|\)")  # " - " ends a dateline: "BAKU, KOMPAS.com - X"
_QUOTE_ONLY = own_pattern(r"""\s*["“«„‘][^"“”«»„]{2,}["”»“’][.!?]?\s*""")
_AFTER_CLAIM = own_pattern(r"[,;(”\"»]|(?<!\d):(?!\d)|\s[–—-]\s")
_REACH = 300
# "... was hours old when both sides said": the subject of a verb in a subordinate clause
# stands after its conjunction (unless an aside between commas follows it)
_SUBORDINATE = own_pattern(r"\b(?:when|whenever|while|after|before|because|since|until|once|although|though|whereas|that|"
                           r"(?<!\b(?:such|well|so|just)\s)(?-i:[Aa]s)(?!\s+(?:well|many|much|long|far|soon|part|of|a\s+result|"
                           r"usual|expected)\b)|"
                           r"ketika|saat|sewaktu|setelah|sesudah|sebelum|karena|meskipun|walaupun|padahal|"
                           r"когда|поскольку|хотя|пока)\s+(?=[^,]*$)", regex.I)
# "he said" means one person: not a group named last ("Azerbaijani officials")
_SINGULAR = own_pattern(r"\b(?-i:he|she|He|She)\b")
_PLURAL = own_pattern(r"\b(?:officials|authorities|forces|sources|residents|troops|separatists|rebels|leaders|"
                      r"diplomats|governments|ministries|people)$", regex.I)
_THEN_RELATIVE = own_pattern(r"\s*,\s*(?:who|whom|whose|which|where|yang|котор\w+)\b[^,;]*$", regex.I)
# "..., with Armenia accusing Azerbaijani forces of ...": an absolute clause after the claim
# says what its subject said next; it does not source the claim before it
_ABSOLUTE = own_pattern(r"\s*,\s*(?:with|dengan)\s+(?:[\p{L}'’.-]+\s+){0,6}$", regex.I)
_AND_SUBJECT = own_pattern(r"\s*,?\s+(?:and|dan)\s+(?:[\p{L}'’.-]+\s+){0,6}$", regex.I)
_CONTRAST = own_pattern(r"[^\p{L}\p{N}]{0,4}(?:while|whereas|but|although|though|sementara(?:\s+itu)?|namun|tetapi|padahal|"
                        r"а|но|однако|тогда\s+как|в\s+то\s+время\s+как)\s", regex.I)
_ASIDE = own_pattern(r"\([^()\n;:\"“”]{1,40}\)")
_CLOSING = "”\"»’'"  # a quotation's last mark: what follows it names who said it
# "Turkey rejected calls for a truce and said ...": a verb joined to the last by "and" shares its subject
_JOINED = own_pattern(r"(?:^|\s)(?:and|but|then|while|dan|serta|tetapi|namun|lalu|kemudian|sambil|seraya|и|но|а\s+также)\s*$", regex.I)


# Plain classes, not dataclasses: cheaper to import (see plain.py).


class Cue(Plain):
    __slots__ = ("start", "end", "side", "anaphor", "rule", "speaker", "party", "resolved", "speaker_span")

    def __init__(self, start: int, end: int, side: str, anaphor: bool, rule: str, speaker: str | None = None,
                 party: str | None = None, resolved: bool = False, speaker_span: tuple[int, int] | None = None):
        self.start = start
        self.end = end
        self.side = side
        self.anaphor = anaphor
        self.rule = rule
        self.speaker = speaker
        self.party = party
        self.resolved = resolved  # a speaker (or an anaphor's antecedent) was found
        self.speaker_span = speaker_span  # the rule named the speaker itself


class Attributor(Clauses):
    def __init__(self, art: Article, comp: CompiledLang, warnings: list[str]):
        self.art = art
        self.comp = comp
        self.warnings = warnings
        self.cues: list[list[Cue]] = []
        last: Speaker | None = None
        self._source: Speaker | None = None  # the last speaker that is not a news outlet
        self._named: list[Speaker] = []  # every speaker named so far, in order
        self._back: dict[int, Cue | None] = {}  # back_reference(i), by sentence
        prev_resolved = False
        starts, ends = art.bounds("sentence")
        # the speech rules' matches, by sentence, in rule order (each rule runs once over the text)
        self._found: list[list[tuple[CompiledRule, Any]]] = [[] for _ in starts]
        for rule in comp.speech:
            found, cut = rule.regex.run(art.text, starts, ends, TIMEOUT)
            for i, m in found:
                self._found[i].append((rule, m))
            warning = f"rule {rule.id} ({rule.origin}) exceeded its time budget and was cut off"
            if cut and warning not in self.warnings:  # the rule's budget for this article is spent: warn once
                self.warnings.append(warning)
        for i, sent in enumerate(art.sentences):
            cues = self._find_cues(i, sent.start, sent.end)
            if not cues and prev_resolved and self._continues(sent.start, sent.end):
                # "Selain itu, ..." / a sentence that is only a quotation: the last speaker goes on
                cues = [Cue(sent.start, sent.start, "before", True, "continuation")]
            elif prev_resolved and self._agentless(i, cues):
                # "Армия обороны опубликовала список. По официальным данным, погибли 604": a report
                # that names no source goes on with the source of the sentence before it
                cues = [Cue(sent.start, sent.start, "before", True, "agentless")] + cues
            prev_resolved = any(c.resolved for c in cues) if cues else False
            prev_end = sent.start
            prev: Cue | None = None
            for j, cue in enumerate(cues):
                # a speaker named after its cue ends where the next cue begins: "a spokeswoman
                # for the Karabakh army said, citing ..." is the army's, not "the army said"
                hi = cues[j + 1].start if cue.side == "after" and j + 1 < len(cues) else sent.end
                last = self._resolve(cue, prev_end, hi, last, prev)
                prev_end, prev = cue.end, cue
                if last is not None and not last.media:
                    self._source = last
            if not cues:
                # "Aliyev addressed the nation on Sunday. '...,' he said": a person who opens a
                # sentence is who a following "he said" means, not an earlier speaker; a line
                # that is only a body's name ("Минобороны Азербайджана") heads what it wrote
                named = self._heading(sent.start, sent.end) or self._subject_person(sent.start, sent.end)
                if named is not None:
                    last = self._source = named
                else:
                    # "A hospital doctor, Karen, treated five wounded. '...,' he says": a named
                    # bystander who opens a sentence is who "he says" means; he speaks for no side
                    last = self._subject_bystander(sent.start, sent.end) or last
            self.cues.append(cues)
            prev_resolved = any(c.resolved for c in cues)

    def _continues(self, start: int, end: int) -> bool:
        text = self.art.text
        if self.comp.continuation is not None and self.comp.continuation.match(text, start, end):
            return True
        return _QUOTE_ONLY.fullmatch(text, start, end) is not None

    def _agentless(self, i: int, cues: list[Cue]) -> bool:
        """Does sentence `i` report with no source named ("по официальным данным", "menurut data
        terbaru", vocab term `agentless`), in the paragraph of the sentence before it and with no
        speech cue of its own that names a speaker?"""
        rx, sent = self.comp.agentless, self.art.sentences[i]
        if rx is None or i == 0 or self.art.sentence_para[i] != self.art.sentence_para[i - 1]:
            return False
        if rx.search(self.art.text, sent.start, sent.end) is None:
            return False
        return not any(c.anaphor or c.speaker_span or self.speaker_in(*self._window(c, sent.start, sent.end))
                       for c in cues)

    def _find_cues(self, i: int, start: int, end: int) -> list[Cue]:
        found: list[Cue] = []
        text = self.art.text
        for rule, m in self._found[i]:
            if any(overlaps(a, text, m.start(), m.end(), start, end) for a in rule.antipatterns):
                continue
            cue = Cue(m.start(), m.end(), rule.rule.side or "before", rule.rule.anaphor, rule.id)
            # an empty `speaker` group is a cue that names no side ("accused each other")
            if "speaker" in rule.regex.groupindex and m.group("speaker") is not None:
                cue.speaker_span = m.span("speaker")
            found.append(cue)
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        out: list[Cue] = []
        for c in found:
            if out and c.start < out[-1].end:
                continue
            out.append(c)
        return out

    def _window(self, cue: Cue, lo: int, hi: int) -> tuple[int, int]:
        text = self.art.text
        if cue.speaker_span:
            return cue.speaker_span
        if cue.side == "before":
            # a speaker's noun phrase is short: look no further back than _REACH characters
            s = max(lo, cue.start - _REACH)
            # a short aside in brackets is no break: "Kementerian Pertahanan Armenia pada Selasa
            # (29/9/2020) mengatakan ..."
            asides = [m.span() for m in _ASIDE.finditer(text, s, cue.start)]
            breaks = [m for m in _HARD_BREAK.finditer(text, s, cue.start)
                      if not any(a <= m.start() < b for a, b in asides)]
            if len(breaks) >= 2 and not text[breaks[-1].end():cue.start].strip() \
                    and _DASH.fullmatch(breaks[-1].group()) and _DASH.fullmatch(breaks[-2].group()):
                # "Hikmet Hajiyev - an aide to President Aliyev - said": an aside between dashes;
                # the speaker stands before it
                first = breaks[-2]
                s = breaks[-3].end() if len(breaks) >= 3 else s
                return s, first.start()
            if breaks:
                s = breaks[-1].end()
            for m in _SUBORDINATE.finditer(text, s, cue.start):
                s = m.end()
            return s, cue.start
        hi = min(hi, cue.end + _REACH)
        e = hi
        m = _AFTER_END.search(text, cue.end, hi)
        if m:
            e = m.start()
        return cue.end, e

    def _resolve(self, cue: Cue, lo: int, hi: int, last: Speaker | None, prev: Cue | None = None) -> Speaker | None:
        """Who speaks at `cue`, looked for between `lo` (the end of the sentence's previous cue,
        `prev`, or its start) and `hi`; returns the last speaker named so far."""
        if cue.anaphor == "subject" and prev is None:
            # "Aliyev defended the offensive, saying ...": the clause's subject goes on speaking
            got = self._clause_subject(lo, cue.start)
            if got is not None:
                cue.speaker, cue.party, cue.resolved = got.text, got.party, True
                self._named.append(got)
                return got
        if cue.anaphor:
            who = self._antecedent(last)
            if who is not None and _SINGULAR.search(self.art.text, cue.start, cue.end) and _PLURAL.search(who.text):
                # "... an attack that Azerbaijani officials say killed nine. '...,' he said": "he"
                # is the last one person, not a group
                who = next((n for n in reversed(self._named) if not _PLURAL.search(n.text)), who)
            if who is not None and (found := self.comp.anaphors.find(self.art.text, cue.start, cue.end)):
                who = self._same_kind(found[-1], who)  # "the ministry said" after a bystander spoke
            if who is None:
                who = self.home_speaker(cue.start, cue.end)  # no one named before: the home side's body
            if who:
                cue.speaker, cue.party, cue.resolved = who.text, who.party, True
            return last
        if cue.speaker_span and cue.speaker_span[0] == cue.speaker_span[1]:
            cue.resolved = True  # "accused each other": the claim is reported, by neither side
            return last
        if cue.side == "after" and not cue.speaker_span and self._apposition_before(cue, lo, hi) \
                and not self._name_ends(cue.end, hi):
            cue.side = "before"
        s, e = self._window(cue, lo, hi)
        got = None
        if cue.side == "before" and not cue.speaker_span and self._trailing(cue, lo, hi):
            # "..., the Syrian Observatory said." ends the sentence: the speaker is the last
            # clause before the verb, not a place or party named earlier in the report
            got = self._last_clause_speaker(s, e)
        if got is None:
            got = self.speaker_in(s, e)
            if got is None and cue.side == "after" and not cue.speaker_span:
                got = self._named_after(s, e, hi) or self.one_name(s, e)
        if got is not None and got.media and cue.side == "after":
            # "X, an adviser, told the BBC: ..." — the outlet is who heard it; look before the verb.
            # Not when the outlet closes a sentence that states the claim ("Stepanakert was
            # shelled, according to an AFP correspondent"): what stands before is the claim.
            bs, be = self._window(Cue(cue.start, cue.end, "before", False, cue.rule), lo, hi)
            after_quote = bs > lo and self.art.text[bs - 1] in _CLOSING
            if after_quote or not self._trailing_at(e, hi):
                before = self.speaker_in(bs, be)
                if before is not None:
                    got = before
        if cue.side == "before" and not cue.speaker_span and prev is not None and prev.resolved and prev.party and (
                got is None and not self.art.text[prev.end:cue.start].strip() or _JOINED.search(self.art.text, lo, cue.start)):
            # "Turkey rejected calls for a ceasefire and said it would ...": two cue words in a row
            # are one phrase ("calls for" is a noun here), and a verb joined to the last by "and"
            # shares its subject: the same speaker, even past what the first verb reported ("HRW
            # said Azerbaijan used cluster munitions, and accused Armenia of ...")
            cue.speaker, cue.party, cue.resolved = prev.speaker, prev.party, True
            return last
        if got is None and cue.side == "before" and not _trim(self.art.text[s:e]):
            # "..., said Dmitry Trenin" read as before fails: try the other side once; not when
            # someone the lexicon does not know stands before ("Karabkah officials said Azerbaijani ...")
            alt = Cue(cue.start, cue.end, "after", False, cue.rule)
            s2, e2 = self._window(alt, lo, hi)
            got = self.speaker_in(s2, e2, names_only=True)
        if got is None and self._refers_back(self.art.text, s, e):
            # "Azerbaijan ..., the country's defence ministry said": the state named last
            got = self._of_country(Speaker(_trim(self.art.text[s:e]), None), s)
            if got.party is None:
                got = None
        if got is None:
            who = self._antecedent(last)
            anaphors = self.comp.anaphors.find(self.art.text, s, e)
            if anaphors and who:
                who = self._same_kind(anaphors[-1], who)
                cue.speaker, cue.party, cue.resolved = who.text, who.party, True
                return last
            if who is None and (body := self.home_speaker(s, e)) is not None:
                # "Минобороны сообщило" with no one named before: the home side's ministry
                cue.speaker, cue.party, cue.resolved = body.text, body.party, True
                self._named.append(body)
                return body
            return last
        got = self._of_country(got, e if cue.side == "before" else cue.start)
        got = self._introduced(got)
        cue.speaker, cue.party, cue.resolved = got.text, got.party, True
        self._named.append(got)
        return got

    def _antecedent(self, last: Speaker | None) -> Speaker | None:
        """Who "he said" / "katanya" refers to: the last speaker, unless that was only a news
        outlet ("Aliyev told the BBC's Orla Guerin ... 'Their opportunities ...,' he said"):
        then the last one before it who speaks for a side."""
        if last is not None and last.media and self._source is not None:
            return self._source
        return last

    def back_reference(self, i: int) -> Cue | None:
        """The speaker a sentence names for what came before it: "Об этом сообщило Минобороны
        Армении.", "Demikian disampaikan Pusat Informasi Armenia.", "That is according to X."
        (vocab term `back_reference`: the opening up to where the speaker may stand)."""
        if i in self._back:
            return self._back[i]  # each claim of a sentence asks again: read it once
        self._back[i] = cue = self._back_reference(i)
        return cue

    def _back_reference(self, i: int) -> Cue | None:
        rx = self.comp.back_reference
        if rx is None:
            return None
        sent = self.art.sentences[i]
        m = rx.match(self.art.text, sent.start, sent.end)
        if m is None:
            return None
        text, end = self.art.text, sent.end
        while end > m.end() and text[end - 1] in " \t\r\n.!?…":
            end -= 1
        got = self.speaker_in(m.end(), end)
        if got is None:
            return None
        return Cue(m.start(), m.end(), "after", False, "back-reference", got.text, got.party, True)

    def _not_absolute(self, after: list[Cue], end: int) -> list[Cue]:
        """The cues of `after` (those after a claim ending at `end`) that are not in an absolute
        clause: "..., with Armenia accusing Azerbaijani forces of ..., and Azerbaijan saying ...":
        what the clause's subjects said next, not the source of the claim before them."""
        text, kept, absolute = self.art.text, [], False
        for c in after:
            if _ABSOLUTE.search(text, end, c.start) or absolute and _AND_SUBJECT.search(text, end, c.start):
                absolute = True
                continue
            kept.append(c)
        return kept

    def for_claim(self, sent_idx: int, start: int, end: int, kind: str) -> Cue | None:
        cues = [c for c in self.cues[sent_idx] if c.resolved]
        if not cues:
            return None
        before = [c for c in cues if c.end <= start]
        after = [c for c in cues if c.start >= end]
        if kind != "quote":
            # "21 killed, the ministry said" reports the claim; "40 injured in an attack Aliyev
            # described as ..." does not: a speaker after the claim stands past a clause break
            after = [c for c in after if c.side == "after" or _AFTER_CLAIM.search(self.art.text, end, c.start)]
            # "... around Hadrut, which Azerbaijan said it captured": a relative clause's speaker
            # speaks about the place, not the claim
            after = [c for c in after if not _THEN_RELATIVE.match(self.art.text, end, c.start)]
            after = self._not_absolute(after, end)
        else:
            # '... were "put out of action", while Armenia's ministry has said ...': a speaker past a
            # contrasting conjunction says something else; the quotation is the clause's before it
            after = [c for c in after if not _CONTRAST.match(self.art.text, end, c.start)]
        inside = [c for c in cues if c.start >= start and c.end <= end]
        # a claim that begins with its own speech verb ("[urged the sides to ...], and Borrell
        # said ..."): that verb's speaker, before one later in the sentence
        # ... or ends inside it: "He [urged both sides to honour the truce]" begins within "He urged"
        own = [c for c in inside if c.start == start and c.side == "before"] + \
              [c for c in cues if c.start < start < c.end and c.side == "before"]
        order = (inside, after, before[::-1]) if kind == "quote" else (before[::-1], own, after, inside)
        for group in order:
            for cue in group:
                if group is after and cue.side == "before" and not cue.anaphor and not cue.speaker_span:
                    # "Stepanakert came under fire, an AFP correspondent reported": a trailing
                    # speaker stands after the claim, never inside it
                    got = self._last_clause_speaker(end, cue.start) or self.speaker_in(end, cue.start)
                    if got is None and self._refers_back(self.art.text, end, cue.start):
                        got = Speaker(_trim(self.art.text[end:cue.start]), None)  # "..., the country's office said"
                    if got is None:
                        continue
                    got = self._of_country(got, cue.start)
                    if got.party is None:
                        # "..., APA reports citing the Ministry of Defense": the outlet passes on
                        # what the source it cites said
                        cited = next((c for c in after if c.start >= cue.end and c.side == "after" and c.party
                                      and len(self.art.text[cue.end:c.start].split()) <= 2), None)
                        if cited is not None:
                            return cited
                    return Cue(cue.start, cue.end, cue.side, False, cue.rule, got.text, got.party, True)
                return cue
        return None


def overlaps(anti: regex.Pattern, text: str, ms: int, me: int, start: int, end: int) -> bool:
    """Does a match of `anti` inside [start, end) overlap [ms, me)?"""
    for a in anti.finditer(text, start, end, timeout=TIMEOUT):
        if a.start() < me and ms < a.end():
            return True
    return False
