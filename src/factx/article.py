"""Bytes -> text -> article body -> paragraphs -> sentences, all as offsets into the decoded text.

Offsets are code points into the text after decoding and BOM removal; line ends are
not normalised, so every span satisfies `text[start:end] == span text`.
"""
from __future__ import annotations

import bisect
import codecs

import regex

from .engine.cache import own_pattern
from .engine.fold import _WHITE_CHARS
from .plain import Frozen, Plain


class InputError(Exception):
    """An input that cannot be read as an article (binary, undecodable)."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Text of `data` and the warnings decoding produced. UTF-8 (BOM or not), UTF-16 with BOM;
    UTF-16 without BOM when its NUL pattern is unmistakable; else cp1252 with a warning."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), warnings
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16"), warnings
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return _strict(data, "utf-32"), warnings
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") >= len(sample) // 3:
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        enc = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
        if enc:
            try:
                text = data.decode(enc)
                warnings.append(f"no byte-order mark: read as {enc.upper()}")
                return text, warnings
            except UnicodeDecodeError:
                pass
        raise InputError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _looks_binary(sample):
            raise InputError("binary file, not text") from None
        text = data.decode("cp1252", errors="replace")
        warnings.append("not valid UTF-8: read as cp1252 (Windows Latin-1)")
    if "\x00" in text:
        if text.count("\x00") > max(8, len(text) // 100):
            raise InputError("binary file (NUL bytes), not text")
        warnings.append("NUL bytes in the text were ignored")
    return text, warnings


def _strict(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise InputError(f"invalid {enc.upper()} despite its byte-order mark: {e.reason}") from None


def _looks_binary(sample: bytes) -> bool:
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


# Plain classes, not dataclasses: cheaper to import (see plain.py).


class Span(Frozen):
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end


class Article(Plain):
    __slots__ = ("text", "title", "paragraphs", "sentences", "sentence_para", "_starts")

    def __init__(self, text: str, title: Span | None = None, paragraphs: list[Span] | None = None,
                 sentences: list[Span] | None = None, sentence_para: list[int] | None = None,
                 _starts: list[int] | None = None):
        self.text = text
        self.title = title
        self.paragraphs = [] if paragraphs is None else paragraphs
        self.sentences = [] if sentences is None else sentences
        self.sentence_para = [] if sentence_para is None else sentence_para  # paragraph index of each sentence
        self._starts = _starts

    def sentences_between(self, start: int, end: int) -> list[int]:
        """Indices of the sentences that overlap [start, end) (sentences are sorted, disjoint)."""
        if self._starts is None or len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.sentences) and self.sentences[i].start < end:
            if start < self.sentences[i].end:
                out.append(i)
            i += 1
        return out

    def bounds(self, scope: str) -> tuple[list[int], list[int]]:
        """(starts, ends) of the sentences, or of the paragraphs when `scope` is "paragraph"."""
        segs = self.paragraphs if scope == "paragraph" else self.sentences
        return [s.start for s in segs], [s.end for s in segs]


# Compiled patterns from the disk cache (engine/cache.py): the regex parser is slow to start.
_LINE = own_pattern(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# a sentence ends at a full stop before a capital, or at a line that opens with a bullet ("- ",
# "• "): the items of a "what we know" list are sentences of their own even with no full stop
_BOUNDARY = own_pattern(
    r"""(?<=[.!?…]["”’»)\]]*)(?:\s+(?=["“‘«(\[-]?\p{Lu})|(?=["“«]?\p{Lu}(?:\p{Ll}|\p{Lu}*\s)|-\s))"""
    r"""|[ \t]*(?:\r\n|\r|\n)\s*(?=[-•*–—▪►][ \t])""", regex.V1)
_WHITE = frozenset(map(chr, _WHITE_CHARS))  # what `\s` matches
_TEASER_WORDS = 20  # a teaser headline after a label line is at most this long


def _last_token(text: str) -> str:
    """The run of non-space characters that ends `text` (which does not end in white space)."""
    i = len(text)
    while i and text[i - 1] not in _WHITE:
        i -= 1
    return text[i:]


_QUOTED_HEADLINE = own_pattern(r"[\"“«„][^\"“”«»„\n]+[\"”»]\s*[.!?]")  # '"...".': only a quotation
_INITIALS = own_pattern(r"(?:\p{L}\.)*\p{L}")  # "U.S.", "J."
_WORDLIKE = own_pattern(r"[\p{L}\p{N}]")


def lines(text: str):
    """(start, end) of every line, without its line end."""
    for m in _LINE.finditer(text):
        if m.start() == len(text) and not m.group(0):
            break
        body = m.group(0).rstrip("\r\n")
        yield m.start(), m.start() + len(body)


def build(text: str, line_rules=(), cut_rules=(), abbreviations=frozenset(), label_rules=()) -> Article:
    art = Article(text=text)
    title_text = None
    teaser = False  # the line after a label ("Читайте также:") is a teaser headline
    more = False  # a teaser headline was dropped: the next lines up to a blank one may be teasers too
    block: list[tuple[int, int]] = []
    blocks: list[list[tuple[int, int]]] = []
    for s, e in lines(text):
        raw = text[s:e]
        stripped = raw.strip()
        if not stripped:
            if block:
                blocks.append(block)
                block = []
            if more:
                teaser = more = False
            continue
        if any(r.match(stripped) for r in cut_rules):
            break
        after_label, teaser = teaser, False
        if after_label and len(stripped.split()) <= _TEASER_WORDS and not stripped.endswith((".", "!", "?", ":")):
            dropped = teaser = more = True  # the teaser headlines a label introduced ("Baca Juga:" and two titles)
        else:
            teaser, more = any(r.fullmatch(stripped) for r in label_rules), False
            dropped = teaser or any(r.fullmatch(stripped) for r in line_rules)
        if dropped:
            if block:
                blocks.append(block)
                block = []
            continue
        ls = s + (len(raw) - len(raw.lstrip()))
        le = s + len(raw.rstrip())
        if title_text is None:
            title_text = stripped
            art.title = Span(ls, le)
        elif stripped == title_text:
            continue  # scraped pages repeat the headline
        block.append((ls, le))
    if block:
        blocks.append(block)
    for blk in blocks:
        p = Span(blk[0][0], blk[-1][1])
        art.paragraphs.append(p)
        for s, e in split_sentences(text, p.start, p.end, abbreviations):
            if art.title is not None and len(art.sentences) == 1 and s < art.title.end and \
                    _QUOTED_HEADLINE.fullmatch(text, art.sentences[0].start, art.sentences[0].end):
                # '"Люди ждут известия". Красный Крест о пленных': a headline's quotation and the
                # speaker after it are one sentence
                art.sentences[0] = Span(art.sentences[0].start, e)
                continue
            art.sentences.append(Span(s, e))
            art.sentence_para.append(len(art.paragraphs) - 1)
    return art


def split_sentences(text: str, start: int, end: int, abbreviations=frozenset()):
    chunk = text[start:end]
    pos = 0
    for m in _BOUNDARY.finditer(chunk):
        cut = m.start()
        before = chunk[pos:cut].rstrip()
        if before:
            word = _last_token(before).rstrip(".!?…\"”’»)]").lower()
            if word in abbreviations or _INITIALS.fullmatch(word) and len(word.replace(".", "")) <= 2:
                continue  # "Dr.", "U.S.", "J." do not end a sentence
        if before and not _WORDLIKE.search(before):
            continue  # only a quotation mark since the last cut ("...conflict.\"We are"): it opens this sentence
        if chunk[cut:cut + 1] == '"' and before.count('"') % 2:
            continue  # a straight quotation is open in this sentence: the mark that follows closes it
        if before:
            yield start + pos, start + pos + len(before)
        pos = m.end()
    rest = chunk[pos:].rstrip()
    if rest:
        yield start + pos, start + pos + len(rest)
