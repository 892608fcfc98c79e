"""The library entry point: `factx.extract(text, lang=None, published=None, rules=None)`.

The CLI is a thin layer over this (through `extract_record`, the same document as plain
data, which spares it pydantic); other Python code calls it the same way:

    >>> import factx
    >>> doc = factx.extract("Kementerian Pertahanan Armenia mengatakan 5 tentara tewas.")
    >>> doc.claims[0].count.value
    5
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .article import build, decode
from .engine import deadline, runtime
from .engine.sources import RuleError
from .extractor import Extractor
from .langdetect import detect
from .record import document

if TYPE_CHECKING:
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
    from .models import Document

    return Document.model_validate(extract_record(text, lang, published, rules, source, warnings))


def extract_record(
    text: str,
    lang: str | None = None,
    published: str | dt.date | None = None,
    rules: list[str] | tuple[str, ...] | None = None,
    source: str = "-",
    warnings: list[str] | None = None,
) -> dict:
    """What `extract` returns, as the plain dict its `model_dump(mode="json")` would give."""
    warnings = list(warnings or [])
    dirs = runtime.folders(rules)
    outline = runtime.outline(dirs)
    if outline.errors:
        raise RuleError(outline.errors)
    pub = _as_date(published)

    def empty(lang: str | None) -> dict:
        return document({"source": source, "lang": lang, "published": pub.isoformat() if pub else None,
                         "title": None, "warnings": warnings})

    if not text.strip():
        warnings.append("empty article: no text to extract from")
        return empty(None if lang in (None, "auto") else lang)
    if lang in (None, "auto"):
        lang = detect(text)
        if lang is None:
            warnings.append("could not tell the language of the article: no claims extracted (give --lang)")
            return empty(None)
    if lang not in outline.languages:
        warnings.append(f"no rule pack for language {lang!r}: no claims extracted")
        return empty(lang)
    comp = runtime.compiled(dirs, lang)
    art = build(text, comp.line_rules, comp.cut_rules, comp.abbreviations, comp.label_rules)
    if pub is None and comp.dates is not None:
        head = art.paragraphs[:3]
        if head:
            pub = comp.dates.find_first(text[head[0].start:head[-1].end], None, need_year=True)
    with deadline.watch():  # rules cut off by a CPU ticker, not a clock read per call
        claims = Extractor(art, comp, pub, warnings).run()
    for c in claims:
        c.pop("_match", None)
    title = text[art.title.start:art.title.end] if art.title else None
    return document({"source": source, "lang": lang, "published": pub.isoformat() if pub else None,
                     "title": title, "claims": claims, "warnings": warnings})


def extract_bytes(data: bytes, **kwargs) -> Document:
    """Decode (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252 with a warning) and extract."""
    text, warnings = decode(data)
    return extract(text, warnings=warnings, **kwargs)
