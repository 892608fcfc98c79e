"""Statements printed in full inside a report: in one quotation over paragraphs, announced by a
paragraph that ends with a colon and signed by a short line that names their author, or under a
heading that names it ("Statement of the Ministry ...") up to a separator line or a dateline.
What a statement says in its own voice is its author's.
"""
from __future__ import annotations

import regex

from .article import Article
from .attribution import Attributor
from .engine.cache import own_pattern
from .engine.compiled import CompiledLang
from .quotes import quoted_blocks

_CLOSING_MARKS = "\"”»“.!?"  # what ends a statement's signature line
_LOWER_LEAD = own_pattern(r"^(?:(?-i:\p{Ll})[\p{Ll}-]*\s+)+")
_MAX_SIGNED = 15  # paragraphs a statement with no quotation marks may run over before its signature
_BY = own_pattern(r"^\s*(?:of|by|from|dari|oleh)?\s*", regex.I)
_MAX_HEADING = 16  # words of a heading that names a statement's author
_SEPARATOR = own_pattern(r"[\s*#=_~•·–—-]{3,}")  # "***", "---": a line that sets a printed text apart


def attribute_statements(art: Article, comp: CompiledLang, attributor: Attributor, raws: list, claims: list[dict]):
    """Give the claims of no side inside a statement its author's side; returns the statements'
    (first, last) paragraphs."""
    blocks = quoted_blocks(art.text, art.paragraphs)
    signed = signed_blocks(art, comp, attributor) + headed_blocks(art, comp, attributor)
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


def headed_blocks(art: Article, comp: CompiledLang, attributor: Attributor) -> list[tuple[int, int, tuple[str, str]]]:
    """Statements printed in full under a heading that names their author ("*** ¶ Statement of
    the Ministry of Foreign Affairs of the Republic of Artsakh ¶ ... ¶ Stepanakert, November 1,
    2020 ¶ ***"): the heading follows a separator line or a paragraph that announces the
    statement, and the statement runs to the next separator line or to its dateline."""
    text, rx, paras = art.text, comp.statement, art.paragraphs
    out = []
    if rx is None:
        return out
    for h in range(1, len(paras) - 1):
        head = paras[h]
        line = text[head.start:head.end]
        if "\n" in line or len(line.split()) > _MAX_HEADING or line.rstrip().endswith((".", "!", "?", ":", ";", ",")) \
                or not rx.search(line):
            continue
        before = text[paras[h - 1].start:paras[h - 1].end]
        if not (_SEPARATOR.fullmatch(before) or rx.search(before)):
            continue
        got = attributor.speaker_in(head.start, head.end, names_only=True)
        if got is None or not got.party or got.media:
            continue
        for j in range(h + 1, min(len(paras), h + 1 + _MAX_SIGNED)):
            body = text[paras[j].start:paras[j].end]
            if _SEPARATOR.fullmatch(body):
                last = j - 1
            elif "\n" not in body and len(body.split()) <= 8 and any(c.isdigit() for c in body) \
                    and not body.rstrip().endswith((".", "!", "?")):
                last = j  # "Stepanakert, November 1, 2020": the dateline that closes it
            else:
                continue
            if last > h:
                named = rx.match(line)  # "Statement of the Ministry ...": the ministry
                name = _BY.sub("", line[named.end():]) if named else line
                out.append((h + 1, last, (" ".join(name.split()) or got.text, got.party)))
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
    said = text[art.sentences[sents[-1]].start:art.sentences[sents[-1]].end].rstrip()
    if not (said.endswith(":") or comp.statement is not None and comp.statement.search(said)):
        return None
    # the announcing sentence names the author, or an earlier one of its paragraph does ("МИД России
    # распространил заявление ... «Российская газета» публикует документ полностью.")
    for i in reversed(sents):
        sent = art.sentences[i]
        if i != sents[-1] and (comp.statement is None or not comp.statement.search(text, sent.start, sent.end)):
            continue
        got = _announcer(art, comp, attributor, i)
        if got is not None:
            return got
    return None


def _announcer(art: Article, comp: CompiledLang, attributor: Attributor, i: int) -> tuple[str, str] | None:
    """The side sentence `i`, which announces a statement, names as its author."""
    text, sent = art.text, art.sentences[i]
    cues = [c for c in attributor.cues[i] if c.resolved and c.party]
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
