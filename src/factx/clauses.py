"""What a sentence's clauses say about its speaker: who opens it as subject, who closes it
as a trailing tag ("..., the ministry said."), a name and an aside between commas before a
verb, a title followed by a name, and "the country's" bodies given the state named last.
(A mixin of attribution.Attributor, above home.Home and speakers.Speakers.)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .engine.cache import own_pattern
from .lexicon.gazetteer import MEDIA, PERSON
from .home import Home
from .speakers import _NAME, Speaker, _trim

if TYPE_CHECKING:
    from .attribution import Cue

# Compiled patterns from the disk cache (engine/cache.py): the regex parser is slow to start.
_COMMA = own_pattern(r"\s*[,;]\s*|\s[–—]\s|[”\"»]\s*")
_IN_BODY = own_pattern(r"\s*(?:в|во)\s+", regex.I)  # "заявили в Баку": the speaker is the body in a place
_COUNTRY_REACH = 300  # how far back "the country's" looks for the country
_SUBJECT_REACH = 80  # how far into a sentence its subject may be named
_ASIDE_WORDS = 8  # a clause of a speaker's name, or an aside after it ("citing intelligence"), is short
_FRONTED_WORDS = 4  # a time or place set before the subject by a comma ("On Thursday, ...")
_SUBJECT_WORDS = 6  # and after how many words of title ("Министр иностранных дел Армении Зограб Мнацаканян")
_RELATIVE = own_pattern(r"\s*(?:who|whom|whose|which|where|yang|(?:[\p{L}-]+\s+){0,2}котор\w+)\b", regex.I)
_THAT = own_pattern(r"(?:что|чтобы|that|bahwa)\b", regex.I)
_AFTER_END = own_pattern(r"[,;.!?”\"»()]|(?<!\d):(?!\d)|\s[–—]\s")
_OPEN_QUOTE = own_pattern(r"[\"“«„]")
_DIGIT = own_pattern(r"\d")
_DASH = own_pattern(r"\s[–—-]\s")
# anaphors that stand for whoever spoke last, not for a kind of speaker
_PRONOUNS = frozenset("he she it they him her them we ia dia mereka beliau pihaknya он она оно они его ее её их там".split())
_CAPITAL_WORD = own_pattern(r"(?<=\s)(?-i:\p{Lu})\p{Ll}+\b")


class Clauses(Home):
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
        if len(words) < 2 and words[0] in _PRONOUNS:
            return who  # "he", "she", "they": the last speaker
        if len(words) >= 2:
            head = words[-1]
            for named in reversed(self._named):
                if head in named.text.lower().split():  # a word of it: "minister" is no "ministry"
                    return named
        if who.party is None:
            # "..., уточнили в ведомстве" after a correspondent or a resident spoke: a body speaks
            # for a side, the last one named ("ведомство" is any ministry or agency: no word match)
            return next((n for n in reversed(self._named) if n.party is not None and not n.media), who)
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

    def _introduced(self, got: Speaker) -> Speaker:
        """A surname alone ("Menurut Stepanyan", "kata Sargsyan") is the one the article introduced
        by that surname last, with a first name ("Ombudsman Karabakh Gegham Stepanyan"), and speaks
        for that one's side (none for a resident "Karen Harutyunyan"), not for an official of the
        lexicon who shares the surname."""
        words = _trim(got.text).split()
        if len(words) != 1 or got.media:
            return got
        surname = words[0].lower()
        for named in reversed(self._named):
            names = _trim(named.text).lower().split()
            if len(names) >= 2 and names[-1] == surname:
                return got if named.party == got.party else Speaker(got.text, named.party)
        return got

    def _heading(self, s: int, e: int) -> Speaker | None:
        """A line that is only the name of a side's speaker ("Минобороны Азербайджана", "Armenia's
        Defence Ministry:"): the heading of a round-up section, whose "the ministry wrote" it means."""
        text = self.art.text
        if not (s == 0 or text[s - 1] == "\n") or (e < len(text) and text[e] not in "\r\n" and text[e:e + 1].strip()):
            return None
        while e > s and text[e - 1] in " \t\r:":
            e -= 1
        found = self.comp.parties.find(text, s, e)
        if len(found) != 1 or found[0].tier == MEDIA or _trim(text[found[0].start:found[0].end]) != _trim(text[s:e]):
            return None
        return Speaker(_trim(text[s:e]), found[0].key)

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
