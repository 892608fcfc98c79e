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
from .lexicon.gazetteer import MEDIA, PERSON
from .plain import Plain
from .speakers import _NAME, Speaker, Speakers, _trim

# Compiled patterns from the disk cache (engine/cache.py): the regex parser is slow to start.
# Where a before-speaker cannot start: a clause break that is not an appositive comma.
_HARD_BREAK = own_pattern(r"[;”\"»]|(?<!\d):(?!\d)|\s[–—-]\s|\(|\)")  # " - " ends a dateline: "BAKU, KOMPAS.com - X"
_QUOTE_ONLY = own_pattern(r"""\s*["“«„‘][^"“”«»„]{2,}["”»“’][.!?]?\s*""")
_AFTER_CLAIM = own_pattern(r"[,;(”\"»]|(?<!\d):(?!\d)|\s[–—-]\s")
_COMMA = own_pattern(r"\s*[,;]\s*|\s[–—]\s|[”\"»]\s*")
_REACH = 300
# "... was hours old when both sides said": the subject of a verb in a subordinate clause
# stands after its conjunction (unless an aside between commas follows it)
_SUBORDINATE = own_pattern(r"\b(?:when|whenever|while|after|before|because|since|until|once|although|though|whereas|that|"
                           r"(?<!\b(?:such|well|so|just)\s)(?-i:[Aa]s)(?!\s+(?:well|many|much|long|far|soon|part|of|a\s+result|"
                           r"usual|expected)\b)|"
                           r"ketika|saat|sewaktu|setelah|sesudah|sebelum|karena|meskipun|walaupun|padahal|"
                           r"когда|поскольку|хотя|пока)\s+(?=[^,]*$)", regex.I)
_IN_BODY = own_pattern(r"\s*(?:в|во)\s+", regex.I)  # "заявили в Баку": the speaker is the body in a place
_COUNTRY_REACH = 300  # how far back "the country's" looks for the country
_SUBJECT_REACH = 80  # how far into a sentence its subject may be named
_ASIDE_WORDS = 8  # a clause of a speaker's name, or an aside after it ("citing intelligence"), is short
# "he said" means one person: not a group named last ("Azerbaijani officials")
_SINGULAR = own_pattern(r"\b(?-i:he|she|He|She)\b")
_PLURAL = own_pattern(r"\b(?:officials|authorities|forces|sources|residents|troops|separatists|rebels|leaders|"
                      r"diplomats|governments|ministries|people)$", regex.I)
_FRONTED_WORDS = 4  # a time or place set before the subject by a comma ("On Thursday, ...")
_SUBJECT_WORDS = 6  # and after how many words of title ("Министр иностранных дел Армении Зограб Мнацаканян")
_RELATIVE = own_pattern(r"\s*(?:who|whom|whose|which|where|yang|(?:[\p{L}-]+\s+){0,2}котор\w+)\b", regex.I)
_THAT = own_pattern(r"(?:что|чтобы|that|bahwa)\b", regex.I)
_THEN_RELATIVE = own_pattern(r"\s*,\s*(?:who|whom|whose|which|where|yang|котор\w+)\b[^,;]*$", regex.I)
_ASIDE = own_pattern(r"\([^()\n;:\"“”]{1,40}\)")
_AFTER_END = own_pattern(r"[,;.!?”\"»()]|(?<!\d):(?!\d)|\s[–—]\s")
_CLOSING = "”\"»’'"  # a quotation's last mark: what follows it names who said it
_OPEN_QUOTE = own_pattern(r"[\"“«„]")
# "Turkey rejected calls for a truce and said ...": a verb joined to the last by "and" shares its subject
_JOINED = own_pattern(r"(?:^|\s)(?:and|but|then|while|dan|serta|tetapi|namun|lalu|kemudian|sambil|seraya|и|но|а\s+также)\s*$", regex.I)
_DIGIT = own_pattern(r"\d")
_DASH = own_pattern(r"\s[–—-]\s")
_CAPITAL_WORD = own_pattern(r"(?<=\s)(?-i:\p{Lu})\p{Ll}+\b")


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


class Attributor(Speakers):
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
                # sentence is who a following "he said" means, not an earlier speaker
                named = self._subject_person(sent.start, sent.end)
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
            return last
        got = self._of_country(got, e if cue.side == "before" else cue.start)
        cue.speaker, cue.party, cue.resolved = got.text, got.party, True
        self._named.append(got)
        return got

    def _named_after(self, s: int, e: int, hi: int) -> Speaker | None:
        """'kata juru bicara kementerian, Anna Naghdalyan, dalam ...': a title with no side, then
        between commas the name of one: that name's side."""
        text = self.art.text
        if e >= hi or text[e] != "," or not _trim(text[s:e]) or self.comp.anaphors.find(text, s, e):
            return None
        end = _AFTER_END.search(text, e + 1, hi)
        e2 = end.start() if end else hi
        if not self._only_a_name(e + 1, e2):
            return None  # "According to him, [Azerbaijani forces shelled ...]": the claim, not a name
        got = self.speaker_in(e + 1, e2, names_only=True)
        if got is None or not got.party or got.media:
            return None
        return Speaker(_trim(text[s:e2]), got.party)

    def _same_kind(self, anaphor, who: Speaker) -> Speaker:
        """"The ministry said" after Cavusoglu spoke: the last speaker that was a ministry, when
        the anaphor names a kind of speaker ("the ministry", "the ombudsman") and one was named."""
        words = self.art.text[anaphor.start:anaphor.end].lower().split()
        if len(words) < 2:
            return who  # "he", "she", "they": the last speaker
        head = words[-1]
        for named in reversed(self._named):
            if head in named.text.lower().split():  # a word of it: "minister" is no "ministry"
                return named
        return who

    def _name_ends(self, at: int, hi: int) -> bool:
        """Is text[at:hi] only a name, the sentence's last words ("..., kata Vahram Poghosyan.",
        "..., заявили в Баку.")?"""
        text = self.art.text
        m = _IN_BODY.match(text, at, hi)
        if m:
            at = m.end()
        while hi > at and text[hi - 1] in " \t\r\n.!?…":
            hi -= 1
        words = _trim(text[at:hi])
        if words and len(words.split()) <= 5 and self._refers_back(text, at, hi):
            return True  # "..., сообщила генпрокуратура страны."
        return bool(words) and (self._only_a_name(at, hi) or _NAME.fullmatch(words) is not None)

    def _apposition_before(self, cue: Cue, lo: int, hi: int) -> bool:
        """'Hikmet Hajiyev, an aide to President Ilham Aliyev, said Armenian forces ...',
        'Armenia, for its part, said ...': a name and an aside set off by commas stand before a
        verb that would otherwise open '“...,” said X': the name speaks, not what follows. So
        too after a claim, when the verb closes the sentence ('Shelling resumed, Artsrun
        Hovhannisyan, a ministry representative, told a briefing.')."""
        text = self.art.text
        head = text[lo:cue.start].rstrip()
        if not head.endswith(",") or _OPEN_QUOTE.search(head):
            return False
        second = head.rfind(",", 0, len(head) - 1)  # the comma that opens the aside
        if second < 0:
            return False
        third = head.rfind(",", 0, second)  # a comma before the name: a claim stands before it
        fronted = third >= 0 and head.rfind(",", 0, third) < 0 and len(head[:third].split()) <= _FRONTED_WORDS \
            and not self.comp.parties.find(text, lo, lo + third)  # "On Thursday, the U.N. rights chief, ..."
        if third >= 0 and not fronted and not self._trailing_at(cue.end, hi):
            return False
        begin = lo + third + 1 if third >= 0 else lo
        end = lo + second
        words, aside = _trim(text[begin:end]), head[second + 1:-1]
        # an aside is a short noun phrase: no count or date ("Sebanyak 60 warga sipil Armenia
        # tewas, sementara 150 lainnya terluka, kata X"), no dateline ("YEREVAN, KOMPAS.com - ...")
        if not words or len(words.split()) > 6 or len(aside.split()) > 10 or _DIGIT.search(text, begin, cue.start) \
                or _DASH.search(text, begin, cue.start):
            return False
        return bool(self.comp.parties.find(text, begin, end)) or _NAME.fullmatch(words) is not None

    def _subject_person(self, s: int, e: int) -> Speaker | None:
        """A person of the lexicon named at the start of the sentence (its subject), or None."""
        text = self.art.text
        for m in self.comp.parties.find(text, s, min(e, s + _SUBJECT_REACH)):
            if m.tier == PERSON and len(text[s:m.start].split()) <= _SUBJECT_WORDS:
                if _OPEN_QUOTE.search(text, s, m.start):
                    return None  # '"I congratulate Prime Minister Pashinyan ...': named inside a quotation
                return Speaker(_trim(text[m.start:m.end]), m.key)
        return None

    def _subject_bystander(self, s: int, e: int) -> Speaker | None:
        """A bystander named at the start of the sentence ("Врач районной больницы Карен", "Local
        resident Anahit Grigoryan"): the bystander word among its first words, and a name of no
        side after it, before any verb of speech or comma-free clause ends."""
        text, rx = self.art.text, self.comp.bystander
        if rx is None:
            return None
        m = rx.search(text, s, min(e, s + _SUBJECT_REACH))
        if m is None or len(text[s:m.start()].split()) > 2 or _OPEN_QUOTE.search(text, s, m.start()):
            return None
        for w in _CAPITAL_WORD.finditer(text, m.end(), min(e, m.end() + 40)):
            if self.comp.parties.find(text, w.start(), w.end()) or self.comp.places.find(text, w.start(), w.end()):
                return None  # "residents of Stepanakert": a place, not a name
            end = _COMMA.search(text, w.end(), e)
            return Speaker(_trim(text[s:end.start() if end else w.end()]), None)
        return None

    def _clause_subject(self, s: int, e: int) -> Speaker | None:
        """Who opens text[s:e] as its subject: a speaker of the lexicon among its first words,
        after a fronted phrase set off by a comma ("On Sunday, Aliyev ..."), or None."""
        text = self.art.text
        start = s
        comma = _COMMA.search(text, s, min(e, s + _SUBJECT_REACH))
        found = self.comp.parties.find(text, s, e)
        if not found:
            return None
        m = min(found, key=lambda m: m.start)
        if comma is not None and comma.end() <= m.start and "," in comma.group():
            start = comma.end()  # a fronted phrase: the subject follows it
        if len(text[start:m.start].split()) > _SUBJECT_WORDS or _DIGIT.search(text, start, m.start):
            return None
        end = m.end  # the name runs on over mentions a word or two apart ("Azerbaijani President Ilham Aliyev")
        for n in sorted(found, key=lambda n: n.start):
            if end <= n.start and len(text[end:n.start].split()) <= 2 and not _COMMA.search(text, end, n.start):
                end = n.end
        return self.speaker_in(start, end)

    def _refers_back(self, text: str, s: int, e: int) -> bool:
        """Does text[s:e] name a body by a state or place named before: "the country's ministry",
        "local authorities" (vocab terms country_ref, local_official)?"""
        return any(rx is not None and rx.search(text, s, e) for rx in (self.comp.country_ref, self.comp.local_official))

    def _of_country(self, got: Speaker, at: int) -> Speaker:
        """"..., the country's prosecutor general's office said", "Минобороны страны": a body of
        no side named, whose side is the state named last before `at` in its sentence or the
        one before (a state, or a place that lies in one)."""
        if got.party is not None or got.media or not self._refers_back(got.text, 0, len(got.text)):
            return got
        text, states, areas = self.art.text, self.comp.states, self.comp.areas
        lo = max(0, at - _COUNTRY_REACH)
        last = (-1, None)
        for m in self.comp.parties.find(text, lo, at):
            if m.key in states and m.tier != MEDIA and m.start > last[0]:
                last = (m.start, m.key)
        for m in self.comp.places.find(text, lo, at):
            if m.key in areas and m.start > last[0]:
                last = (m.start, areas[m.key])
        return got if last[1] is None else Speaker(got.text, last[1])

    def _antecedent(self, last: Speaker | None) -> Speaker | None:
        """Who "he said" / "katanya" refers to: the last speaker, unless that was only a news
        outlet ("Aliyev told the BBC's Orla Guerin ... 'Their opportunities ...,' he said"):
        then the last one before it who speaks for a side."""
        if last is not None and last.media and self._source is not None:
            return self._source
        return last

    def _trailing(self, cue: Cue, lo: int, hi: int) -> bool:
        """Does the cue close its sentence ("..., officials said on Sunday."), or a clause set
        off by commas ("65 were killed, the region's ombudsman said, and 150 injured")? `lo`:
        where the cue's part of the sentence begins."""
        if self._trailing_at(cue.end, hi):
            return True
        text = self.art.text
        comma = _COMMA.search(text, cue.end, hi)
        if comma is None or text[comma.start():comma.end()].strip() not in (",", ";"):
            return False
        if _THAT.match(text, comma.end(), hi):
            return False  # "Алиев, ..., сказал, что ...": what follows the comma is what he said
        # a short tag up to that comma, and a comma before it too
        return self._trailing_at(cue.end, comma.start()) and _COMMA.search(text, lo, cue.start) is not None

    def _trailing_at(self, at: int, hi: int) -> bool:
        rest = self.art.text[at:hi]
        return len(rest.split()) <= 5 and not _OPEN_QUOTE.search(rest)

    def _last_clause_speaker(self, s: int, e: int) -> Speaker | None:
        # only punctuation splits here: "Russia and the EU urged ..." is one subject
        text = self.art.text
        breaks = list(_COMMA.finditer(text, s, e))
        starts = [s] + [m.end() for m in breaks]
        if len(starts) < 2:
            return None
        # "X, who was also in Moscow, accused ...": a relative clause is about the speaker before it
        relative = {i for i in range(1, len(starts)) if _RELATIVE.match(text, starts[i])}
        tag = None  # the last clause: who closes the sentence
        for i in range(len(starts) - 1, -1, -1):
            if i in relative:
                continue
            stop = breaks[i].start() if i + 1 in relative else e
            words = _trim(text[starts[i]:stop])
            if tag is None:
                tag, tag_span = words, (starts[i], stop)
            elif len(words.split()) > _ASIDE_WORDS and 0 < len(tag.split()) <= _ASIDE_WORDS:
                # "Four civilians were killed when Armenian artillery pounded Tartar, the country's
                # prosecutor's office said": past a short aside lies the claim, never the speaker;
                # a body the lexicon does not know speaks for no side (unless it is a place's own
                # official: "..., the head of the Tartar district said")
                got = self.speaker_in(*tag_span)
                return got if got is not None and got.party else Speaker(tag, None)
            if self.comp.parties.find(text, starts[i], stop) or self.comp.anaphors.find(text, starts[i], stop):
                # "Russia, France and the US urged ...": a clause that is only a name is an
                # item of the same list of speakers, not the claim the speaker closes
                while i > 0 and self._only_a_name(starts[i - 1], breaks[i - 1].start()):
                    i -= 1
                return self.speaker_in(starts[i], stop)
        return None

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
                    return Cue(cue.start, cue.end, cue.side, False, cue.rule, got.text, got.party, True)
                return cue
        return None


def overlaps(anti: regex.Pattern, text: str, ms: int, me: int, start: int, end: int) -> bool:
    """Does a match of `anti` inside [start, end) overlap [ms, me)?"""
    for a in anti.finditer(text, start, end, timeout=TIMEOUT):
        if a.start() < me and ms < a.end():
            return True
    return False
