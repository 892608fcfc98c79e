"""Pydantic models of the rule and lexicon files (`extra="forbid"` everywhere).

Every YAML file under a rules folder declares `kind:`; the kind picks the model.
`factx schema rules` prints the JSON Schema generated from these models.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

CLAIM_KINDS = ("casualty", "attack", "ceasefire", "quote")


class _Strict(BaseModel):
    # defer_build: the validators are built on first use, so a run that takes the rule set
    # from the disk cache (engine/cache.py) never pays for them
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Example(_Strict):
    """A sentence the rule must handle. Mark the expected match with [[...]] (optional).

    `expect: none` means the rule must produce nothing on this text (a negative example);
    otherwise every key in `expect` must equal the claim's field (nested dicts compare
    only the keys given).
    """

    text: str
    expect: dict[str, Any] | Literal["none"]
    note: str | None = None


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z]{2,3}\.[a-z]+\.[a-z0-9][a-z0-9-]*$", description="<lang>.<kind>.<name>")
    description: str = ""
    pattern: str = Field(description="regex with {placeholders}; named groups fill claim fields")
    fields: dict[str, Any] = Field(default_factory=dict, description="constant claim fields; '@party' = the speaker's party")
    antipatterns: list[str] = Field(default_factory=list, description="a match overlapping one of these is dropped")
    scope: Literal["sentence", "paragraph"] = "sentence"
    side: Literal["before", "after"] | None = Field(None, description="speech cues: where the speaker stands")
    anaphor: bool | Literal["subject"] = Field(
        False, description="speech cues: the speaker is the last one named (katanya, he added); 'subject': the "
                           "subject that opens the clause the cue closes (', saying'), else the last one named")
    examples: list[Example] = Field(default_factory=list)


class RulePack(_Strict):
    kind: Literal["casualty", "attack", "ceasefire", "quote", "speech"]
    lang: str
    description: str = ""
    rules: list[Rule]


class Vocab(_Strict):
    """Words a language's patterns share: `{term}` in a pattern expands to the term's alternatives;
    a class (`{victims}`) captures its group and maps the matched words back to the class key."""

    kind: Literal["vocab"]
    lang: str
    terms: dict[str, list[str]] = Field(default_factory=dict)
    classes: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    abbreviations: list[str] = Field(default_factory=list, description="tokens ending in '.' that do not end a sentence")
    anaphors: list[str] = Field(default_factory=list, description="words that point back to the last speaker")


class Qualifiers(_Strict):
    min: list[str] = Field(default_factory=list)
    max: list[str] = Field(default_factory=list)
    approximate: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)


class NumberExample(_Strict):
    text: str
    value: int | None = None
    min: int | None = None
    max: int | None = None
    approximate: bool = False


class NumberRange(_Strict):
    before: list[str] = Field(description="words that open a range: between, antara, от")
    join: list[str] = Field(description="words between its two numbers: and, dan, hingga, до")


class Numbers(_Strict):
    kind: Literal["numbers"]
    lang: str
    digits: str = Field(description="regex of a written number; separators are removed before int()")
    thousands_separator: str
    decimal_separator: str | None = Field(
        default=None, description="'.' or ',': a decimal before a large multiplier reads as a number (1.5 million)")
    words: dict[str, int] = Field(description="words that add their value: two, dua, twenty")
    multipliers: dict[str, int] = Field(default_factory=dict, description="hundred, thousand, puluh, ribu")
    teens: dict[str, int] = Field(default_factory=dict, description="suffix words that add: belas (+10)")
    aliases: dict[str, str] = Field(default_factory=dict, description="seratus -> satu ratus, a dozen -> one dozen")
    connectors: list[str] = Field(default_factory=list, description="words allowed between number words: and")
    vague: dict[str, int] = Field(default_factory=dict, description="dozens: 24 (a minimum, approximate)")
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)
    ranges: list[NumberRange] = Field(default_factory=list, description=(
        "a count given as a range: 'between 20 and 30' -> min 20, max 30"))
    examples: list[NumberExample] = Field(default_factory=list)


class DatePattern(_Strict):
    id: str
    pattern: str = Field(description="regex with groups day, month, year, weekday, rel; {month}, {weekday}, {rel} expand")
    examples: list[dict[str, str | None]] = Field(default_factory=list, description="{text, published, expect}")


class Dates(_Strict):
    kind: Literal["dates"]
    lang: str
    order: Literal["DMY", "MDY", "YMD"] = "DMY"
    months: dict[str, int]
    weekdays: dict[str, int] = Field(default_factory=dict, description="monday=0")
    relative: dict[str, int] = Field(default_factory=dict, description="yesterday: -1 (days from publication)")
    patterns: list[DatePattern]


class TextPattern(_Strict):
    id: str
    pattern: str
    description: str = ""
    examples: list[str] = Field(default_factory=list, description="lines it must match")
    counterexamples: list[str] = Field(default_factory=list, description="lines it must not match")


class Boilerplate(_Strict):
    kind: Literal["boilerplate"]
    lang: str
    line: list[TextPattern] = Field(default_factory=list, description="drop a line that is only this")
    cut: list[TextPattern] = Field(default_factory=list, description="the body ends at a line that matches")
    label: list[TextPattern] = Field(default_factory=list, description=(
        "drop a line that is only this label, and the teaser headline on the line after it "
        "(a line of at most 20 words that does not end a sentence): 'Читайте также:', 'Baca Juga'"))


class LangNames(_Strict):
    en: list[str] = Field(default_factory=list)
    id: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)


class Person(_Strict):
    name: str
    role: str = ""
    variants: list[str] = Field(default_factory=list)


_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class _PartyLexicon(_Strict):
    """What names a party, shared by a party's definition and an extension of it."""

    names: LangNames = Field(default_factory=LangNames)
    adjectives: LangNames = Field(default_factory=LangNames)
    bodies: list[LangNames] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    media: list[str] = Field(default_factory=list)
    generic: LangNames = Field(default_factory=LangNames)


class Party(_PartyLexicon):
    id: str = Field(pattern=_ID)
    name: str


class PartyExtension(_PartyLexicon):
    """Names, bodies and people added to a party defined elsewhere (a user pack adding a spokesperson)."""

    party: str = Field(pattern=_ID, description="id of an existing party, e.g. armenia")


class Parties(_Strict):
    kind: Literal["parties"] = "parties"
    parties: list[Party] = Field(default_factory=list, description="new parties; an id may be defined once")
    extend: list[PartyExtension] = Field(default_factory=list, description="additions to existing parties")


class Place(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    type: Literal["city", "town", "village", "district", "region", "country", "mountain", "river"]
    area: str
    lat: float | None = None
    lon: float | None = None
    armenian: list[str] = Field(default_factory=list)
    azerbaijani: list[str] = Field(default_factory=list)
    neutral: list[str] = Field(default_factory=list)
    russian: list[str] = Field(default_factory=list)
    indonesian: list[str] = Field(default_factory=list)


class PlaceExtension(_Strict):
    """Spellings added to a place defined elsewhere."""

    place: str = Field(pattern=_ID, description="id of an existing place, e.g. ganja")
    armenian: list[str] = Field(default_factory=list)
    azerbaijani: list[str] = Field(default_factory=list)
    neutral: list[str] = Field(default_factory=list)
    russian: list[str] = Field(default_factory=list)
    indonesian: list[str] = Field(default_factory=list)


class Places(_Strict):
    kind: Literal["places"] = "places"
    places: list[Place] = Field(default_factory=list, description="new places; an id may be defined once")
    extend: list[PlaceExtension] = Field(default_factory=list, description="additions to existing places")


RuleFile = Annotated[
    Union[RulePack, Vocab, Numbers, Dates, Boilerplate, Parties, Places], Field(discriminator="kind")
]


class AnyRuleFile(_Strict):
    """The root of any rule or lexicon file."""

    file: RuleFile


def json_schema(target: str = "rules") -> dict[str, Any]:
    """JSON Schema for editors: 'rules' accepts any rule or lexicon file; 'parties' and 'places'
    only that lexicon. The committed copies live in schema/<target>.schema.json."""
    from pydantic import TypeAdapter

    model: Any = {"rules": RuleFile, "parties": Parties, "places": Places}[target]
    body = TypeAdapter(model).json_schema()
    title = {"rules": "factx rule or lexicon file", "parties": "factx parties lexicon",
             "places": "factx places lexicon"}[target]
    body.pop("title", None)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **body}
