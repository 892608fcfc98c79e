"""The library entry point: `factx.extract(text, lang=None, published=None, rules=None)`.

The CLI is a thin layer over this; other Python code calls it the same way:

    >>> import factx
    >>> doc = factx.extract("Kementerian Pertahanan Armenia mengatakan 5 tentara tewas.")
    >>> doc.claims[0].count.value
    5
"""
from __future__ import annotations

import datetime as dt

from .article import build, decode
from .engine.compile import get_compiled
from .engine.loader import RuleError, get_ruleset
from .extractor import Extractor
from .langdetect import detect
from .models import Document


def _as_date(published: str | dt.date | None) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published
    return dt.date.fromisoformat(published)


def extract(
    text: str,
    lang: str | None = None,
    published: str | dt.date | None = None,
    rules: list[str] | tuple[str, ...] | None = None,
    source: str = "-",
    warnings: list[str] | None = None,
) -> Document:
    """Claims of one article.

    text: the decoded article. lang: ISO 639-1 code, or None/"auto" to detect among the
    languages with rule packs (and Russian). published: ISO date or date; otherwise read
    from the text. rules: extra rule folders (user packs) on top of the shipped ones.
    Raises RuleError when the rule files are broken.
    """
    warnings = list(warnings or [])
    ruleset = get_ruleset(tuple(rules or ()))
    if ruleset.errors:
        raise RuleError(ruleset.errors)
    pub = _as_date(published)
    if not text.strip():
        warnings.append("empty article: no text to extract from")
        return Document(source=source, lang=None if lang in (None, "auto") else lang,
                        published=pub.isoformat() if pub else None, title=None, warnings=warnings)
    if lang in (None, "auto"):
        lang = detect(text)
        if lang is None:
            warnings.append("could not tell the language of the article: no claims extracted (give --lang)")
            return Document(source=source, lang=None, published=pub.isoformat() if pub else None,
                            title=None, warnings=warnings)
    if lang not in ruleset.languages():
        warnings.append(f"no rule pack for language {lang!r}: no claims extracted")
        return Document(source=source, lang=lang, published=pub.isoformat() if pub else None,
                        title=None, warnings=warnings)
    comp = get_compiled(ruleset, lang)
    if comp.errors:
        raise RuleError(comp.errors)
    art = build(text, comp.line_rules, comp.cut_rules, comp.abbreviations)
    if pub is None and comp.dates is not None:
        head = art.paragraphs[:3]
        if head:
            pub = comp.dates.find_first(text[head[0].start:head[-1].end], None, need_year=True)
    claims = Extractor(art, comp, pub, warnings).run()
    for c in claims:
        c.pop("_match", None)
    title = text[art.title.start:art.title.end] if art.title else None
    return Document.model_validate({
        "source": source, "lang": lang, "published": pub.isoformat() if pub else None,
        "title": title, "claims": claims, "warnings": warnings,
    })


def extract_bytes(data: bytes, **kwargs) -> Document:
    """Decode (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252 with a warning) and extract."""
    text, warnings = decode(data)
    return extract(text, warnings=warnings, **kwargs)
