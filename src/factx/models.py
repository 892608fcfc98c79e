"""The output contract (shared/spec/claims.md) as pydantic models.

Field names here are the contract: add fields, never rename or drop one.
"""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from .record import KINDS  # noqa: F401 - one tuple of kinds for models and record alike

Kind = Literal["casualty", "attack", "ceasefire", "quote"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """The sentence(s) a claim comes from; `text == input[start:end]` in code points."""

    text: str
    start: int
    end: int


class Count(_Model):
    value: int | None = None
    min: int | None = None
    max: int | None = None
    approximate: bool = False


class Location(_Model):
    name: str = Field(description="the place as written in the text")
    place: str | None = Field(None, description="canonical gazetteer id, null if unknown")
    naming: Literal["armenian", "azerbaijani", "neutral"] | None = Field(
        None, description="whose name for the place the text used"
    )


class _Claim(_Model):
    id: str
    kind: Kind  # each claim model narrows it; declared here so that it prints second
    party: str | None = Field(description="canonical id of who makes the claim; null = the outlet's own voice")
    speaker: str | None = Field(description="the person or body that speaks, as the text names it")
    evidence: Evidence
    rule: str
    date: str | None = Field(None, description="ISO date of the event or statement")


class CasualtyClaim(_Claim):
    kind: Literal["casualty"] = "casualty"
    count: Count
    outcome: Literal["killed", "wounded", "missing", "captured", "casualties"]
    victims: Literal["military", "civilian", "unspecified"] = "unspecified"
    victim_party: str | None = None
    since: str | None = None


class AttackClaim(_Claim):
    kind: Literal["attack"] = "attack"
    locations: list[Location]
    attacker: str | None = None
    weapon: str | None = None


class CeasefireClaim(_Claim):
    kind: Literal["ceasefire"] = "ceasefire"
    event: Literal["agreed", "proposed", "violated", "collapsed", "rejected"]
    count: int | None = None
    accused: str | None = None


class QuoteClaim(_Claim):
    kind: Literal["quote"] = "quote"
    text: str
    direct: bool = True


Claim = Annotated[Union[CasualtyClaim, AttackClaim, CeasefireClaim, QuoteClaim], Field(discriminator="kind")]

CLAIM_MODELS: dict[str, type[_Claim]] = {
    "casualty": CasualtyClaim,
    "attack": AttackClaim,
    "ceasefire": CeasefireClaim,
    "quote": QuoteClaim,
}


class Document(_Model):
    source: str
    lang: str | None
    published: str | None
    title: str | None
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="what the tool noticed but could not do")


def claim_fields(kind: str) -> set[str]:
    """Every field a rule may fill for a claim of this kind."""
    return set(CLAIM_MODELS[kind].model_fields) - {"kind"}
