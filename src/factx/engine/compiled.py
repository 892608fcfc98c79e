"""What a compiled language is made of: plain data and compiled patterns, nothing else.

Unpickled from the disk cache on every warm run, so it imports only what running
needs (no rule-file models, no compiler, no pattern analysis).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from ..lexicon.dates import DateGrammar
from ..lexicon.gazetteer import Gazetteer
from ..lexicon.numbers import NumberGrammar
from ..plain import Frozen, Plain
from .yamlloc import LocatedError

if TYPE_CHECKING:
    from . import schema

TIMEOUT = 0.25  # seconds per rule per segment: a slow user pattern cannot hang an extraction


# Plain classes, not dataclasses: cheaper to import (see plain.py). The fields of each are
# its __slots__, in order; the pickles in the disk cache are keyed on the code, so a change
# here is never read back from an older one.


class ExampleView(Frozen):
    __slots__ = ("text", "expect", "note")

    def __init__(self, text: str, expect: dict[str, Any] | str, note: str | None = None):
        self.text = text
        self.expect = expect
        self.note = note


class RuleView(Frozen):
    """What running and testing a rule needs from its definition, as plain data: a language
    loaded from the disk cache then needs neither pydantic nor the rule-file models."""

    __slots__ = ("id", "pattern", "fields", "scope", "side", "anaphor", "examples")

    def __init__(self, id: str, pattern: str, fields: dict[str, Any], scope: str = "sentence",
                 side: str | None = None, anaphor: bool | str = False, examples: tuple[ExampleView, ...] = ()):
        self.id = id
        self.pattern = pattern
        self.fields = fields
        self.scope = scope
        self.side = side
        self.anaphor = anaphor
        self.examples = examples

    @classmethod
    def of(cls, rule: "schema.Rule") -> "RuleView":
        return cls(rule.id, rule.pattern, dict(rule.fields), rule.scope, rule.side, rule.anaphor,
                   tuple(ExampleView(e.text, e.expect, e.note) for e in rule.examples))


class CompiledRule(Plain):
    __slots__ = ("id", "kind", "lang", "rule", "regex", "antipatterns", "origin", "folder")

    def __init__(self, id: str, kind: str, lang: str, rule: RuleView, regex: regex.Pattern,
                 antipatterns: list[regex.Pattern], origin: str, folder: str):
        self.id = id
        self.kind = kind
        self.lang = lang
        self.rule = rule
        self.regex = regex
        self.antipatterns = antipatterns
        self.origin = origin
        self.folder = folder


class CompiledLang(Plain):
    __slots__ = ("lang", "numbers", "dates", "parties", "places", "classes", "rules", "speech", "line_rules", "label_rules",
                 "cut_rules", "abbreviations", "anaphors", "errors", "place_prefix", "place_run", "clause_break",
                 "since_marker", "continuation", "transcript", "speaker_end", "bystander", "back_reference",
                 "country_ref", "states", "areas", "statement", "local_official", "interview", "agentless", "title", "topic", "exceed", "home_body")

    def __init__(
        self,
        lang: str,
        numbers: NumberGrammar | None,
        dates: DateGrammar | None,
        parties: Gazetteer,
        places: Gazetteer,
        classes: dict[str, list[tuple[str, regex.Pattern]]],
        rules: dict[str, list[CompiledRule]],
        speech: list[CompiledRule],
        line_rules: list[regex.Pattern],
        cut_rules: list[regex.Pattern],
        abbreviations: set[str],
        anaphors: Gazetteer,
        errors: list[LocatedError] | None = None,
        place_prefix: regex.Pattern | None = None,
        place_run: regex.Pattern | None = None,
        clause_break: regex.Pattern | None = None,
        since_marker: regex.Pattern | None = None,
        continuation: regex.Pattern | None = None,
        transcript: regex.Pattern | None = None,
        speaker_end: regex.Pattern | None = None,
        bystander: regex.Pattern | None = None,
        label_rules: list[regex.Pattern] | None = None,
        back_reference: regex.Pattern | None = None,
        country_ref: regex.Pattern | None = None,
        states: frozenset[str] = frozenset(),
        areas: dict[str, str] | None = None,
        statement: regex.Pattern | None = None,
        local_official: regex.Pattern | None = None,
        interview: regex.Pattern | None = None,
        agentless: regex.Pattern | None = None,
        title: regex.Pattern | None = None,
        topic: regex.Pattern | None = None,
        exceed: regex.Pattern | None = None,
        home_body: regex.Pattern | None = None,
    ):
        self.lang = lang
        self.numbers = numbers
        self.dates = dates
        self.parties = parties
        self.places = places
        self.classes = classes
        self.rules = rules
        self.speech = speech
        self.line_rules = line_rules
        self.cut_rules = cut_rules
        self.abbreviations = abbreviations
        self.anaphors = anaphors
        self.errors = [] if errors is None else errors
        self.place_prefix = place_prefix  # "kota", "the town of": stripped from place names
        self.place_run = place_run  # "the villages of A, B and C": a list of places, some unknown
        self.clause_break = clause_break  # commas and "and": where a speaker's noun phrase ends
        self.since_marker = since_marker  # "sejak", "since": a date that starts a period
        self.continuation = continuation  # "Selain itu,": a sentence that goes on with the last speaker
        self.transcript = transcript  # a title naming the speaker of the whole text ("X's remarks")
        self.speaker_end = speaker_end  # "pada Selasa", "on Monday", "(...)": words after a speaker's name
        self.bystander = bystander  # "an analyst", "a resident": someone only located by the place that follows
        self.label_rules = [] if label_rules is None else label_rules  # "Читайте также:" + a teaser line
        self.back_reference = back_reference  # "Об этом сообщило X.": a sentence naming who said the last one
        self.country_ref = country_ref  # "the country's", "страны": a body of the state named last
        self.states = states  # the parties that are states (they have bodies and an adjective)
        self.areas = {} if areas is None else areas  # place id -> the state it lies in
        self.statement = statement  # "the full text of the statement": a quoted statement follows
        self.local_official = local_official  # "the mayor of", "глава района": a place's own official
        self.interview = interview  # "spoke to", "в интервью": an introduction to questions and answers
        self.agentless = agentless  # "по официальным данным", "dilaporkan": a report that names no source
        self.exceed = exceed  # "surpassed", "превысило": a count right after it is a minimum
        self.topic = topic  # "На вопрос о ...", "Asked about ...": a topic that opens a speaker's window, no speaker
        self.title = title  # "President", "Menteri", "Министр": a capitalised word before a name that is no first name
        self.home_body = home_body  # "the Ministry of Defense", "Минобороны": a state body of the article's home (home.py)

    def map_class(self, name: str, text: str) -> str | None:
        for key, rx in self.classes.get(name, []):
            if rx.fullmatch(text.strip()):
                return key
        return None
