"""Statements printed in full inside a report: in one quotation over paragraphs, or announced
by a paragraph that ends with a colon and signed by a short line that names their author.
What a statement says in its own voice is its author's.
"""
from __future__ import annotations

from .article import Article
from .attribution import Attributor
from .engine.cache import own_pattern
from .engine.compiled import CompiledLang
from .quotes import quoted_blocks

_CLOSING_MARKS = "\"”»“.!?"  # what ends a statement's signature line
_LOWER_LEAD = own_pattern(r"^(?:(?-i:\p{Ll})[\p{Ll}-]*\s+)+")
_MAX_SIGNED = 15  # paragraphs a statement with no quotation marks may run over before its signature


def attribute_statements(art: Article, comp: CompiledLang, attributor: Attributor, raws: list, claims: list[dict]):
    """Give the claims of no side inside a statement its author's side; returns the statements'
    (first, last) paragraphs."""
    blocks = quoted_blocks(art.text, art.paragraphs)
    signed = signed_blocks(art, comp, attributor)
    authors = {(f, la): who for f, la, who in signed}
    blocks += [(f, la) for f, la, _ in signed]
    for first, last in blocks:
        lo, hi = art.paragraphs[first].start, art.paragraphs[last].end
        inside = [c for r, c in zip(raws, claims) if c["party"] is None and lo <= r.start and r.end <= hi]
        if not inside:
            continue
        who = authors.get((first, last)) or block_speaker(art, comp, first, last, attributor)
        for c in inside if who else ():
            c["speaker"], c["party"] = who
    return blocks


def signed_blocks(art: Article, comp: CompiledLang, attributor: Attributor) -> list[tuple[int, int, tuple[str, str]]]:
    """Statements printed in full with no quotation marks: announced by a paragraph that ends
    with a colon and names a statement ("Berikut isi lengkap pernyataan Kedutaan Besar
    Azerbaijan:"), and signed by a later short paragraph that is only a name of a side
    ("Kedutaan Besar Republik Azerbaijan ¶ Jakarta, 29 Oktober 2020"): (first, last, author)."""
    text, rx = art.text, comp.statement
    out = []
    if rx is None:
        return out
    paras = art.paragraphs
    for i, p in enumerate(paras[:-1]):
        head = text[p.start:p.end].rstrip()
        if not head.endswith(":") or not rx.search(head):
            continue
        for j in range(i + 2, min(len(paras), i + 2 + _MAX_SIGNED)):
            q = paras[j]
            line_end = text.find("\n", q.start, q.end)
            line_end = q.end if line_end < 0 else line_end
            while line_end > q.start and text[line_end - 1] in " \t\r":
                line_end -= 1
            line = text[q.start:line_end]
            if len(line.split()) > 8 or line.endswith((".", "!", "?", ":", ";", ",")) or any(c.isdigit() for c in line):
                continue  # a signature is a short line of a name, not a sentence
            got = attributor.speaker_in(q.start, line_end, names_only=True)
            # the side that signs is the one the announcement names (a subheading is no signature)
            if got is not None and got.party and not got.media and \
                    any(m.key == got.party for m in comp.parties.find(text, p.start, p.end)):
                out.append((i + 1, j, (" ".join(text[q.start:line_end].split()), got.party)))
            break
    return out


def block_speaker(art: Article, comp: CompiledLang, first: int, last: int, attributor: Attributor) -> tuple[str, str] | None:
    """Who a statement quoted over paragraphs `first`..`last` is by: the name that signs it
    (a last paragraph that is only a name, 'Министерство иностранных дел Республики Арцах"'),
    or the side the sentence before names when that sentence announces it ('... said in a
    statement:', 'NEWS.am публикует полный текст заявления МИД Арцаха.')."""
    text = art.text
    sign = art.paragraphs[last]
    end = sign.end
    while end > sign.start and (text[end - 1].isspace() or text[end - 1] in _CLOSING_MARKS):
        end -= 1
    if attributor._only_a_name(sign.start, end):
        got = attributor.speaker_in(sign.start, end, names_only=True)
        if got is not None and got.party and not got.media:
            return got.text, got.party
    if first == 0:
        return None
    sents = art.sentences_between(art.paragraphs[first - 1].start, art.paragraphs[first - 1].end)
    if not sents:
        return None
    sent = art.sentences[sents[-1]]
    said = text[sent.start:sent.end].rstrip()
    if not (said.endswith(":") or comp.statement is not None and comp.statement.search(said)):
        return None
    cues = [c for c in attributor.cues[sents[-1]] if c.resolved and c.party]
    if cues:
        return cues[-1].speaker, cues[-1].party
    named = sent.start  # "... the full text of the statement of [the Artsakh Foreign Ministry]."
    if comp.statement is not None:
        for m in comp.statement.finditer(text, sent.start, sent.end):
            named = m.end()
    got = attributor.speaker_in(named, sent.end)
    if got is None or not got.party or got.media:
        got = attributor.speaker_in(sent.start, sent.end)
    if got is None or not got.party or got.media:
        return None
    name = _LOWER_LEAD.sub("", got.text).rstrip(".!?…")  # "issued by the Prosecutor's Office ..."
    return name or got.text, got.party
