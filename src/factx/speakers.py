"""Who a stretch of text names as its speaker: the party lexicon's best mention there, or a
person's name the lexicon does not know; and how much of the text is the speaker's name.
(A mixin of attribution.Attributor, which finds the speech cues and the windows around them.)
"""
from __future__ import annotations

import regex

from .engine.cache import own_pattern
from .lexicon.gazetteer import ADJECTIVE, MEDIA, NAME, PERSON, fold
from .plain import Plain

# Compiled patterns from the disk cache (engine/cache.py): the regex parser is slow to start.
_BACKED = own_pattern(r"[-‐\s](?:backed|supported|allied|sponsored|aligned|funded|armed)\b", regex.I)
_BACKED_BY = own_pattern(r"\b(?:dukungan|didukung(?:\s+oleh)?|sokongan|disokong(?:\s+oleh)?|bentukan|binaan)\s+$",
                         regex.I)
_OUTLET = own_pattern(r"(?:\s+(?:state(?:-run|-owned)?|official|news|agency|broadcaster|television|TV|newspaper|daily|"
                      r"outlet|media|channel|kantor|berita|stasiun|televisi|surat|kabar|harian|resmi|milik|negara|"
                      r"агентство|информагентство|телеканал|газета|издание|государственное|государственный))*\s*,?\s+",
                      regex.I)
_OUTLET_NOUN = own_pattern(r"\b(?:kantor\s+berita|stasiun\s+televisi|televisi|surat\s+kabar|harian|media)\s+$", regex.I)
_LOCATED = own_pattern(r"\b(?:in|from|of|at|near|di|dari|asal|в|из)\s+(?:the\s+)?$", regex.I)
# "Armen Sargsyan, a resident of Stepanakert": an apposition that makes the person a bystander
_APPOSITION = own_pattern(r"\s*,\s*(?:(?:a|an|one|another|seorang|salah\s+seorang)\s+)?", regex.I)
# what may stand before a bystander's noun: "a (local) resident", "seorang saksi", "sejumlah pengamat"
_DETERMINER = own_pattern(r"(?:a|an|one|another|some|several|two|three|seorang|salah\s+seorang|sejumlah|beberapa|para|"
                          r"один|одна|одного|одной|несколько)\s+", regex.I)
_WORD_ON = own_pattern(r"[\p{L}-]+\s+")
_WHERE_FROM = own_pattern(r"\s+(?:(?:of|in|from|di|dari|asal|из|в)\b|(?-i:\p{Lu}))", regex.I)
_TRIM = " \t\r\n,;:–—-\"“”'‘’«»()"
_LEAD = own_pattern(r"^(?:\d{1,2}[:.]\d{2}|and|but|while|dan|tetapi|namun|sementara|juga|also|и|но|а|однако|ранее|накануне|также|"
                    r"кроме\s+того|между\s+тем|тем\s+временем|при\s+этом|в\s+свою\s+очередь|позднее|позже|затем)\s+", regex.I)
_CAPITALISED = own_pattern(r"(?-i:\p{Lu})\p{L}{5,}")  # a word that may be a misspelt name
_AGED = own_pattern(r"((?-i:\p{Lu}\p{Ll}+)(?:\s+(?-i:\p{Lu}\p{Ll}+))*),\s*\d{1,3}")  # "Gayane, 42": a person
_ONE_NAME = own_pattern(r"(?-i:\p{Lu}\p{Ll}{2,})")  # "Anahit": one capitalised word
_NAME = own_pattern(r"(?-i:\p{Lu}\p{Ll}+)(?:\s+(?-i:\p{Lu}\p{Ll}+))+")  # two or more capitalised words
# what stands before a word that then cannot be a first name: the start of a sentence or line,
# or a preposition ("в Твиттере Гаджиев", "di Kantor Aliyev")
_OPENS = own_pattern(r"(?:^|[.!?:;\n]\s*|(?<!\w)(?:in|on|at|from|to|by|of|with|for|di|ke|dari|pada|oleh|dengan|untuk|"
                     r"в|во|на|из|по|с|со|от|у|к|о|об|при|для|за)\s+)\Z")
_WORD_BEFORE = own_pattern(r"(?<![\w.-])((?-i:\p{Lu}\p{Ll}+))[ \u00a0]+\Z")  # "Karen " right before a surname


class Speaker(Plain):
    __slots__ = ("text", "party", "media")

    def __init__(self, text: str, party: str | None, media: bool = False):
        self.text = text
        self.party = party
        self.media = media  # only a news outlet was named: a conduit, not a side


class Speakers:
    """speaker_in and its helpers; the host holds `art` (the Article) and `comp` (the CompiledLang)."""

    def home_speaker(self, s: int, e: int, anaphors=()) -> Speaker | None:
        return None  # a bare state body's side: home.Home knows the article's home

    def _only_a_name(self, s: int, e: int) -> bool:
        found = self.comp.parties.find(self.art.text, s, e)
        return len(found) == 1 and _trim(self.art.text[found[0].start:found[0].end]) == _trim(self.art.text[s:e])

    def speaker_in(self, s: int, e: int, names_only: bool = False) -> Speaker | None:
        text = self.art.text
        if e <= s:
            return None
        mentions = self.comp.parties.find(text, s, e)
        # "Yerevan-backed separatists": the backer is a modifier, the separatists speak
        # ... "separatis dukungan Armenia" / "yang didukung Armenia" say the same before the name
        mentions = [m for m in mentions if not _BACKED.match(text, m.end)
                    and not _BACKED_BY.search(text, max(s, m.start - 30), m.start)] or mentions
        topic = self.comp.topic.search(text, max(0, s - 16), min(e, s + 40)) if mentions and self.comp.topic else None
        if topic is not None and topic.start() <= s + 2:
            # "На вопрос о сирийских боевиках президент ответил", "Asked about Syrian fighters, the
            # president said": the topic names no speaker; the speaker ends the window, "the
            # president" (an anaphor, then the one named before) or a person of the lexicon
            anaphors = self.comp.anaphors.find(text, s, e)
            mentions = [m for m in mentions if m.start >= anaphors[-1].start] if anaphors else \
                [m for m in mentions if m.tier == PERSON]
            if not mentions:
                return None
        if mentions:
            best = min(mentions, key=lambda m: (m.tier, m.start))
            outlet = next((m for m in mentions if m.tier == MEDIA and m.start >= best.end), None)
            if outlet is not None and _OUTLET.fullmatch(text, best.end, outlet.start) and (
                    best.tier == ADJECTIVE or best.tier == NAME and _OUTLET_NOUN.search(text, s, best.start)):
                best = outlet  # "Russian news agency TASS", "kantor berita Rusia TASS": the outlet, no side
            if best.tier == NAME and _LOCATED.search(text, s, best.start):
                # "told AFP from a basement in Stepanakert": where the speaker was, not who spoke
                told = next((m for m in mentions if m.tier == MEDIA and m.end <= best.start), None)
                if told is not None:
                    best = told
            party = None if best.tier == MEDIA else best.key
            if party is not None and self.comp.bystander is not None and self._located(s, best.start, best.tier == NAME, e):
                party = None  # "one analyst in London", "a resident of Stepanakert": located there, no side
            if party is not None and best.tier == PERSON and self.namesake(best):
                if self.comp.anaphors.find(text, s, best.start):
                    return None  # "Представитель ведомства Анар Эйвазов": the body named last speaks, through him
                party = None  # a namesake of an official, set apart by the first name before it
            if party is not None and best.tier == PERSON and self._bystander_after(best.end, party):
                party = None  # a namesake of an official, set apart by what follows the name
            if best.tier == MEDIA and (body := self.home_speaker(s, e)) is not None:
                return body  # "APA reports, citing the Ministry of Defense": the home side's ministry
            if best.tier == MEDIA and self.comp.bystander is not None:
                who = self.comp.bystander.search(text, s, best.start)
                if who is not None:
                    # "an analyst told Reuters", "по оценке собеседника «Ведомостей»": the outlet
                    # heard it; the one who spoke is a bystander of no side, whom "he said" means
                    return Speaker(self._speaker_text(s, e, who.start(), who.end()), None)
            return Speaker(self._speaker_text(s, e, best.start, best.end), party, best.tier == MEDIA)
        official = self.comp.local_official
        if official is not None and official.search(text, s, e):
            # "the mayor of Stepanakert", "глава Тертерского района": a place's own official
            # speaks for the side the place lies in
            for p in self.comp.places.find(text, s, e):
                if p.key in self.comp.areas:
                    return Speaker(self._speaker_text(s, e, p.start, p.end), self.comp.areas[p.key])
        if names_only:
            return None
        for m in _CAPITALISED.finditer(text, s, e):
            near = self.comp.parties.near(m.group())
            if near is not None:  # "Karabkah officials said": a name misspelt by one letter
                return Speaker(self._speaker_text(s, e, m.start(), m.end()), near[0])
        anaphors = self.comp.anaphors.find(text, s, e)
        body = self.home_speaker(s, e, anaphors)
        if body is not None:
            return body  # "the Ministry of Defense" in a story from Baku: Azerbaijan's (home.py)
        if anaphors:
            return None  # "the ministry", "kementerian": the one named last, which the caller finds
        words = _trim(text[s:e])
        aged = _AGED.fullmatch(words)
        if aged:  # "Gayane, 42, told AFP": one name and an age are a person, who speaks for no party
            return Speaker(aged.group(1), None)
        # A named person the lexicon does not know ("Ulviyya Babayeva"): speaks for no party.
        if words and _NAME.search(words) and len(words.split()) <= 8:
            return Speaker(words, None)
        if words and len(words.split()) <= 8 and self.comp.bystander is not None:
            det = _DETERMINER.match(words)
            at = [0] if det is None else [det.end()] + [w.end() for w in [_WORD_ON.match(words, det.end())] if w]
            if any(self.comp.bystander.match(words, i) for i in at):
                # "a witness", "seorang saksi mata", "по оценке собеседника «Ведомостей»": no side,
                # but the one a following "he said" means
                return Speaker(words, None)
        return None

    def one_name(self, s: int, e: int) -> Speaker | None:
        """'"...," said Anahit, a nurse': one capitalised word after a speech verb, not a day or a
        month, is a person of no side, whom a following "she said" means."""
        words, dates = _trim(self.art.text[s:e]), self.comp.dates
        if not _ONE_NAME.fullmatch(words) or dates and (words.lower() in dates.months or words.lower() in dates.weekdays):
            return None
        if self.comp.anaphors.find(self.art.text, s, e):
            return None  # "по сообщению Минобороны": the body named last
        return Speaker(words, None)

    def _located(self, s: int, at: int, place: bool, e: int | None = None) -> bool:
        """Is the name at `at` only where a bystander is from: "one analyst in London", or, for
        a place name (`place`) with no preposition, "житель Степанакерта", "warga Stepanakert"
        (not "заявил журналистам Песков": a person after the word is the speaker)?"""
        text = self.art.text
        if _LOCATED.search(text, s, at):
            # "one analyst in London"; "Interviewed from Yerevan, political analyst X said": the
            # bystander may come after the place too
            return self.comp.bystander.search(text, s, at if e is None else e) is not None
        if not place:
            return False
        last = None
        for last in self.comp.bystander.finditer(text, max(s, at - 40), at):
            pass
        return last is not None and not text[last.end():at].strip()

    def namesake(self, m) -> bool:
        """Is the person mention `m`, a surname alone in the lexicon ("Harutyunyan"), preceded by
        another first name ("Karen Harutyunyan", "Ваге Арутюнян"): someone else of that name?
        Not when the word before is the official's own first name (inflected too: "Ильхама
        Алиева"), a title ("President", vocab term `title`), a side or place ("Armenia's"),
        a day or month, or a word the article also writes in lower case ("Meanwhile")."""
        if " " in m.surface.strip() or not m.extra:
            return False  # a full name, or a person known by one name only
        text = self.art.text
        w = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if w is None:
            return False
        word = w.group(1)
        if _OPENS.search(text, max(0, w.start(1) - 12), w.start(1)):
            return False  # "Menurut Aliyev", "Meanwhile Aliyev", "в Твиттере Гаджиев": no first name
        folded = fold(word)
        if any(folded[:3] == first[:3] or _latin(folded)[:3] == _latin(first)[:3] for first in m.extra.split("|")):
            return False  # his own first name, inflected or in the other script: "Ильхама", "Анар"
        comp, dates = self.comp, self.comp.dates
        if comp.title is not None and comp.title.fullmatch(word):
            return False
        if dates and (folded in dates.months or folded in dates.weekdays):
            return False
        if comp.parties.find(text, w.start(1), w.end(1)) or comp.places.find(text, w.start(1), w.end(1)):
            return False
        return regex.search(rf"(?<!\w){regex.escape(word.lower())}(?!\w)", text) is None

    def _bystander_after(self, at: int, party: str) -> bool:
        """Does an apposition after the name at `at` make its bearer a bystander: "Armen
        Sargsyan, a resident of Stepanakert", "..., warga Stepanakert", "..., житель Шуши"?
        (It may lie past the speaker's window, which a comma ends: "kata X, warga Y.")"""
        if self.comp.bystander is None:
            return False
        text = self.art.text
        e = min(len(text), at + 60)
        m = _APPOSITION.match(text, at, e)
        pos = m.end() if m else e
        for _ in range(3):  # "a resident", "a longtime resident", "a retired local teacher"
            b = self.comp.bystander.match(text, pos, e)
            if b is not None and _WHERE_FROM.match(text, b.end(), e):
                # "Olesya Vartanyan, an analyst of the Crisis Group": her own side, no bystander
                return all(m.key != party for m in self.comp.parties.find(text, b.end(), e))
            w = _WORD_ON.match(text, pos, e)
            if w is None:
                break
            pos = w.end()
        return False

    def _speaker_text(self, s: int, e: int, anchor: int, anchor_end: int) -> str:
        """The clause of the window that holds the speaker's name: "Aliyev", not
        "Aliyev, berbicara dalam pertemuan dengan ...". """
        text = self.art.text
        cs, ce = s, e
        if self.comp.clause_break is not None:
            for m in self.comp.clause_break.finditer(text, s, e):
                if m.end() <= anchor:
                    cs = m.end()
                elif m.start() >= anchor_end:
                    ce = m.start()
                    break
        if self.comp.speaker_end is not None:
            # "Kementerian Pertahanan Armenia pada Selasa (29/9) mengatakan": the name ends before the time
            m = self.comp.speaker_end.search(text, anchor_end, ce)
            if m:
                ce = m.start()
        words = _trim(text[cs:ce])
        if len(words.split()) > 12:
            words = " ".join(_trim(text[anchor:ce]).split()[:12])
        return words


_CYRILLIC = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюя", ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o",
                                                            "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch",
                                                            "", "y", "", "e", "yu", "ya"]))
_CYRILLIC["ж"] = "zh"


def _latin(folded: str) -> str:
    """A folded (lower-case) name in Latin letters: "анар" -> "anar"."""
    return "".join(_CYRILLIC.get(c, c) for c in folded)


def _trim(s: str) -> str:
    s = " ".join(s.split()).strip(_TRIM)
    s = _LEAD.sub("", s)
    return s.strip(_TRIM)
