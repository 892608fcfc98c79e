"""Quotation marks over paragraphs: where a quotation a paragraph leaves open begins, and
the statements printed in full inside one quotation over several paragraphs.
"""
from __future__ import annotations

from .article import Span

OPENERS = "“\"«„"
_CLOSERS = {"“": "”\"", "«": "»", "„": "“”\""}  # the curly and angle openers: what closes each


def first_char(text: str, para: Span) -> int:
    """Where the first character of `para` that is not white space is."""
    pos = para.start
    while pos < para.end and text[pos].isspace():
        pos += 1
    return pos


def open_at_end(text: str, start: int, end: int) -> int | None:
    """Where the quotation that text[start:end] (one paragraph) leaves open begins: its last
    opening mark with no closing mark after it, right before a word. None when every
    quotation there is closed."""
    body = text[start:end].rstrip()
    found = []
    if body.count('"') % 2 == 1:  # straight marks: an odd one out opens where a word follows a space
        i = body.rfind('"')
        while i > 0 and not (body[i - 1].isspace() or body[i - 1] in "(:—–-"):
            i = body.rfind('"', 0, i)  # a straight mark that closes ('... war," he said')
        found.append(i)
    for mark, closers in _CLOSERS.items():
        i = body.rfind(mark)
        if i < 0 or any(c in body[i + 1:] for c in closers):
            continue
        if mark == "“" and "„" in body[:i] and not any(c in body[body.rfind("„", 0, i):i] for c in "”\""):
            continue  # „...“: here “ closes
        found.append(i)
    found = [i for i in found if 0 <= i < len(body) - 1 and body[i + 1].isalnum()]
    return start + max(found) if found else None


_MAX_BLOCK = 15  # paragraphs one quoted statement may run over


def quoted_blocks(text: str, paragraphs: list[Span]) -> list[tuple[int, int]]:
    """(first, last) paragraph indices of each quotation that opens a paragraph and runs on
    over later ones until one closes it: a statement printed in full ('NEWS.am publishes the
    statement: ¶ "On 18 October ... ¶ ... ¶ The Foreign Ministry"'). A paragraph in between
    may have no marks at all (Russian style) or open again (wire style)."""
    blocks = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        first = first_char(text, p)
        if first >= p.end or text[first] not in OPENERS or open_at_end(text, p.start, p.end) != first:
            i += 1
            continue
        j = i + 1
        while j < len(paragraphs) and j - i <= _MAX_BLOCK:
            q = paragraphs[j]
            if _closes(text, q, text[first]):
                blocks.append((i, j))
                break
            j += 1
        else:
            j = i  # never closed: no block
        i = j + 1
    return blocks


def _closes(text: str, para: Span, opener: str) -> bool:
    """Does `para` close a quotation `opener` opened in an earlier paragraph? It may open it
    again first (wire style), and may hold quotations of its own ("... the «Grad» rockets ...")."""
    body = text[para.start:para.end].strip()
    again = body[:1] == opener
    if opener == '"':
        return body.count('"') % 2 == (0 if again else 1) and (again or '"' in body)
    closers = "»" if opener == "«" else "”" if opener == "“" else "“”"
    return sum(body.count(c) for c in closers) > body.count(opener) - again
