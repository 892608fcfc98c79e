"""What a compiled language is made of: plain data and compiled patterns, nothing else.

Unpickled from the disk cache on every warm run, so it imports only what running
needs (no rule-file models, no compiler, no pattern analysis).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from ..lexicon.dates import DateGrammar
from ..lexicon.gazetteer import Gazetteer
from ..lexicon.numbers import NumberGrammar
from .yamlloc import LocatedError

if TYPE_CHECKING:
    from . import schema

TIMEOUT = 0.25  # seconds per rule per segment: a slow user pattern cannot hang an extraction


@dataclass(frozen=True)
class ExampleView:
    text: str
    expect: dict[str, Any] | str
    note: str | None = None


@dataclass(frozen=True)
class RuleView:
    """What running and testing a rule needs from its definition, as plain data: a language
    loaded from the disk cache then needs neither pydantic nor the rule-file models."""

    id: str
    pattern: str
    fields: dict[str, Any]
    scope: str = "sentence"
    side: str | None = None
    anaphor: bool = False
    examples: tuple[ExampleView, ...] = ()

    @classmethod
    def of(cls, rule: "schema.Rule") -> "RuleView":
        return cls(rule.id, rule.pattern, dict(rule.fields), rule.scope, rule.side, rule.anaphor,
                   tuple(ExampleView(e.text, e.expect, e.note) for e in rule.examples))


@dataclass
class CompiledRule:
    id: str
    kind: str
    lang: str
    rule: RuleView
    regex: regex.Pattern
    antipatterns: list[regex.Pattern]
    origin: str
    folder: str


@dataclass
class CompiledLang:
    lang: str
    numbers: NumberGrammar | None
    dates: DateGrammar | None
    parties: Gazetteer
    places: Gazetteer
    classes: dict[str, list[tuple[str, regex.Pattern]]]
    rules: dict[str, list[CompiledRule]]
    speech: list[CompiledRule]
    line_rules: list[regex.Pattern]
    cut_rules: list[regex.Pattern]
    abbreviations: set[str]
    anaphors: Gazetteer
    errors: list[LocatedError] = field(default_factory=list)
    place_prefix: regex.Pattern | None = None  # "kota", "the town of": stripped from place names
    clause_break: regex.Pattern | None = None  # commas and "and": where a speaker's noun phrase ends
    since_marker: regex.Pattern | None = None  # "sejak", "since": a date that starts a period
    continuation: regex.Pattern | None = None  # "Selain itu,": a sentence that goes on with the last speaker
    transcript: regex.Pattern | None = None  # a title naming the speaker of the whole text ("X's remarks")

    def map_class(self, name: str, text: str) -> str | None:
        for key, rx in self.classes.get(name, []):
            if rx.fullmatch(text.strip()):
                return key
        return None
