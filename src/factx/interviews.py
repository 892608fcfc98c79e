"""Interviews printed in question-and-answer form. The answers carry no speech cue ("How many
have been killed? ¶ We do not keep our own count. Azerbaijan now says ..."), yet what they say
in their own voice is the interviewee's: the person a label before the answer names ("Martin
Schüepp: ..."), or the one the introduction says was interviewed ("DW spoke to him", "...,
Радио Свобода рассказал руководитель делегации МККК").
"""
from __future__ import annotations

import regex

from .article import Article, lines
from .attribution import Attributor
from .engine.cache import own_pattern
from .engine.compiled import CompiledLang
from .lexicon.gazetteer import BODY, PERSON

_DASH = own_pattern(r"[–—-]\s*")  # "— Сколько людей ...?": a line of a dialogue
# "Martin Schüepp: ...", "DW: ...", "Q: ...", "Вопрос: ...": a short label that ends in a colon
_LABEL = own_pattern(r"((?-i:\p{Lu})[^\s:.?!,;\"“”«»]*(?:\s+[^\s:.?!,;\"“”«»]+){0,4}?)\s*:\s+")
_ANSWER = own_pattern(r"A|Answer|О|Ответ|J|Jawab(?:an)?", regex.I)  # an answer's label: no name, the interviewee
_ASK = own_pattern(r"Q|Question|В|Вопрос|T|Tanya|Pertanyaan", regex.I)
_ANSWERS = ("", "")  # who answers after an answer's label: the interviewee
_QUESTION_END = own_pattern(r"\?[\s\"”»’)]*$")
_MAX_QUESTION = 600  # characters: a question is a line or two, not a paragraph of argument
_AFTER_VERB = 60  # characters after the interview word where the one interviewed is named
_MIN_QUESTIONS = 2  # one question in a report is rhetoric; two that are answered are an interview


class _Line:
    __slots__ = ("start", "end", "dash", "label", "who", "question")

    def __init__(self, start: int, end: int, dash: bool, label: tuple[int, int] | None, who, question: bool):
        self.start, self.end, self.dash, self.label, self.who, self.question = start, end, dash, label, who, question


def interview_answers(art: Article, comp: CompiledLang, attributor: Attributor) -> list[tuple[int, int, tuple[str, str]]]:
    """(start, end, (speaker, party)) of each answer of an interview in question-and-answer form;
    no answers when the text is not one, or when no side can be named for them."""
    if "?" not in art.text:
        return []  # most reports: no line of theirs needs reading (an outlet's label may ask without one)
    units = _lines(art, attributor)
    questions = [i for i, u in enumerate(units) if u.question and i > 0]
    answered = [i for i in questions if i + 1 < len(units) and not units[i + 1].question]
    if len(answered) < _MIN_QUESTIONS:
        return []
    interviewee = _interviewee(art, comp, attributor, units[questions[0]].start)
    out: list[tuple[int, int, tuple[str, str]]] = []
    for k, q in enumerate(questions):
        last = questions[k + 1] if k + 1 < len(questions) else None
        first = units[q + 1] if q + 1 < len(units) else None
        if first is None or first.question:
            continue
        who = interviewee
        for i in range(q + 1, last if last is not None else len(units)):
            u = units[i]
            if last is None and i > q + 1 and not (u.dash and first.dash or u.label and first.label):
                break  # after the last answer the report goes on in its own voice
            if u.label is not None and u.who is not _ANSWERS:
                if u.who is None:
                    break  # "DW: ..." with no question mark: the interviewer again
                who = interviewee = u.who  # and the one the later answers with no label are by
            if who is not None:
                out.append((u.start, u.end, who))
    return out


def _lines(art: Article, attributor: Attributor) -> list[_Line]:
    """The text's lines (a paragraph of several lines is several), marked as questions or not."""
    text, out = art.text, []
    for p in art.paragraphs:
        for s, e in lines(text[p.start:p.end]):
            s, e = p.start + s, p.start + e
            while s < e and text[s].isspace():
                s += 1
            if s >= e:
                continue
            body = s
            dash = _DASH.match(text, s, e)
            if dash is not None:
                body = dash.end()
            label = _LABEL.match(text, body, e)
            who, asks = None, False
            if label is not None and _ANSWER.fullmatch(text, *label.span(1)):
                who = _ANSWERS  # "A: ...": the interviewee answers, whom the introduction names
            elif label is not None:
                got = attributor.speaker_in(label.start(1), label.end(1), names_only=True)
                if got is not None and got.party and not got.media:
                    who = (" ".join(label.group(1).split()), got.party)
                # "BBC: Armenia says it is your army that is attacking.": the outlet's label asks,
                # even where no question mark ends what it puts to the interviewee; so does "Q:"
                asks = got is not None and got.media or _ASK.fullmatch(text, *label.span(1)) is not None
            question = who is None and e - s <= _MAX_QUESTION and (
                asks or _QUESTION_END.search(text, s, e) is not None)
            out.append(_Line(s, e, dash is not None, label.span(1) if label else None, who, question))
    return out


def _interviewee(art: Article, comp: CompiledLang, attributor: Attributor, before: int) -> tuple[str, str] | None:
    """Who the introduction, before the first question, says was interviewed: the speaker of a
    sentence that names the interview ("DW spoke to him", "в интервью ..."), a person or body of a
    side named in it, the speaker of the introduction's first sentence with one of a side, or
    the first person of a side it names ("Советник президента НКР Давид Бабаян – о потерях")."""
    rx = comp.interview
    if rx is None:
        return None
    intro = [i for i in art.sentences_between(0, before) if art.sentences[i].end <= before]
    told = [i for i in intro if rx.search(art.text, art.sentences[i].start, art.sentences[i].end)]
    if not told:
        return None
    title = [i for i in told if art.title is not None and art.sentences[i].start < art.title.end]
    told = [i for i in told if i not in title] + title  # "An interview with the ICRC" names it last
    def cue(i):
        return _cue_of_a_side(attributor, i)

    tries = ((told, cue), (told, lambda i: _named(art, comp, i, BODY)),
             (told, lambda i: _interviewed(art, rx, attributor, i)), (intro, cue),
             (intro, lambda i: _named(art, comp, i, PERSON)))
    return next((who for sents, find in tries for i in sents if (who := find(i)) is not None), None)


def _interviewed(art: Article, rx, attributor: Attributor, i: int) -> tuple[str, str] | None:
    """The side of the one named right after the interview word: "Media Indonesia mewawancarai
    Duta Besar Azerbaijan untuk Indonesia, Elnur Sultanov" (an envoy the lexicon does not know,
    named by the side he serves)."""
    sent = art.sentences[i]
    m = rx.search(art.text, sent.start, sent.end)
    if m is None:
        return None
    s, e = m.end(), min(sent.end, m.end() + _AFTER_VERB)
    comp = attributor.comp
    places = [(p.start, p.end) for p in comp.places.find(art.text, s, e)]
    if not any((n.start, n.end) not in places for n in comp.parties.find(art.text, s, e)):
        return None  # "Беседовала Елена Иванова, Степанакерт": a city where the interviewer was
    got = attributor.speaker_in(s, e, names_only=True)
    return (got.text, got.party) if got is not None and got.party and not got.media else None


def _cue_of_a_side(attributor: Attributor, i: int) -> tuple[str, str] | None:
    """(speaker, party) of the first speech cue of sentence `i` that speaks for a side."""
    cue = next((c for c in attributor.cues[i] if c.resolved and c.party and c.speaker), None)
    return None if cue is None else (cue.speaker, cue.party)


def _named(art: Article, comp: CompiledLang, i: int, tier: int) -> tuple[str, str] | None:
    """The first person (or, with tier BODY, person or body) of a side that sentence `i` names:
    not a city that stands for its side ("Беседовала Елена Костюченко, Степанакерт")."""
    sent = art.sentences[i]
    for m in comp.parties.find(art.text, sent.start, sent.end):
        if m.tier <= tier:
            return art.text[m.start:m.end], m.key
    return None
