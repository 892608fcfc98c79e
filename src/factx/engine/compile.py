"""Expand {placeholders} and compile every rule of a language once per process.

`{name}` expands a vocab term (non-capturing), a vocab class (captured under the
class name, the matched words mapped back to the class key) or a built-in
(`count`, `number`, `date`, `party`, `place`, `place_list`, `quote`).
`{name:field}` captures the expansion under `field` instead.
"""
from __future__ import annotations

from typing import TYPE_CHECKING
import unicodedata

import regex

from ..lexicon.dates import DateGrammar
from ..lexicon.gazetteer import Gazetteer, party_gazetteer, place_gazetteer, place_names
from ..lexicon.numbers import NumberGrammar
from . import cache
from .alternation import by_first_char
from .hoist import hoist
from .prefilter import LiteralIndex, gate
from .compiled import TIMEOUT, CompiledLang, CompiledRule, ExampleView, RuleView  # noqa: F401 - re-exported
from .yamlloc import LocatedError

if TYPE_CHECKING:  # compiling needs the rule-file models; running what the cache holds does not
    from .loader import LoadedRule, RuleSet

FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0
# not the braces of \p{L}, \P{Lu}, \N{...}: those are regex syntax, not placeholders
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
PLACEHOLDER = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_]\w*)(?::([A-Za-z_]\w*))?\}")
# built-in placeholder -> the group it captures by default (None: not captured)
BUILTINS = {"count": "count", "number": None, "date": "date", "party": None, "place": None,
            "place_list": "locations", "quote": "text"}
SPEECH_GROUPS = {"speaker"}
# mixed pairs last: scraped and retyped copy opens with one mark and closes with another
# („...", ''...")
QUOTES = [("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("‘", "’"), ('"', '"'), ("''", "''"), ("‹", "›"),
          ("„", '"'), ("''", '"')]


def _unaccent(s: str) -> str:
    """'Mingəçevir' -> 'Mingecevir', case kept: texts often drop the diacritics a lexicon name has."""
    out = []
    for c in s:
        if "\u00c0" <= c <= "\u024f" or c in "əƏ":
            c = {"ə": "e", "Ə": "E", "ı": "i"}.get(c) or unicodedata.normalize("NFKD", c)[:1] or c
        out.append(c)
    return "".join(out)


def _alt(items) -> str:
    parts = []
    items = list(items)
    # longest first; ties by text, so the expansion (and the pattern cache key) is the same in every run
    for s in sorted({*items, *map(_unaccent, items)}, key=lambda s: (-len(s), s)):
        s = s.strip()
        if not s:
            continue
        stem = s.endswith("*")
        s = s.rstrip("*")
        body = regex.escape(s).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]")
        if s.isupper() and len(s) <= 5:
            body = f"(?-i:{body})"
        elif " " not in s and "-" not in s and s[:1].isupper() and not stem:
            body = f"(?-i:{regex.escape(s[0])}){regex.escape(s[1:])}"  # proper names keep their capital
        parts.append(body + (r"\w*" if stem else ""))
    return by_first_char(parts) or "(?!)"


def quote_re() -> str:
    alts = []
    for o, c in QUOTES:
        eo, ec = regex.escape(o), regex.escape(c)
        # possessive: the run stops at the first closing mark (or line end), and giving back
        # characters can never put a closing mark after it, so the matches are the same and a
        # rule that fails after the quotation does not retry it one character shorter at a time
        if len(c) > 1:
            inner = f"(?:(?!{ec})[^\\n])++"
        elif len(o) > 1:
            inner = f"[^{ec}\\n]++"  # ''...": an apostrophe inside is no mark
        else:
            inner = f"[^{ec}{eo}\\n]++"
        if o == c:
            # a mark that both opens and closes ("): it opens before a word, closes after one,
            # so scraped text with a stray mark does not pair every later quotation wrongly
            alts.append(f"(?<![\\p{{L}}\\p{{N}}]){eo}(?=\\S)(?P<text>{inner})(?<=\\S){ec}(?-i:(?![\\p{{Ll}}\\p{{N}}]))")
        else:
            alts.append(f"{eo}(?P<text>{inner}){ec}")
    return "(?:" + "|".join(alts) + ")"


def static_risk(pattern: str, exp: "Expander") -> str | None:
    """Why `pattern` can backtrack catastrophically, pointing into the pattern as written; else None.

    Vocab terms and classes are expanded (a `+` inside a term counts); built-in
    placeholders stand for one token, since their own regexes are ours and vetted.
    """
    pieces: list[str] = []
    spans: list[tuple[int, int, str | None]] = []  # (start in the expansion, start in the pattern, placeholder)
    pos = size = 0
    for m in [*PLACEHOLDER.finditer(pattern), None]:
        lit = pattern[pos:m.start() if m else len(pattern)]
        spans.append((size, pos, None))
        pieces.append(lit)
        size += len(lit)
        if m is None:
            break
        name = m.group(1)
        words = exp.classes.get(name, {}).values()
        body = "|".join(w for ws in words for w in ws) if name in exp.classes else "|".join(exp.terms.get(name, ["X"]))
        spans.append((size, m.start(), m.group(0)))
        pieces.append(f"(?:{body})")
        size += len(pieces[-1])
        pos = m.end()
    from . import backtrack  # only when compiling: a run served by the cache never needs it

    found = backtrack.risk("".join(pieces))
    if found is None:
        return None
    start, end, reason = found

    def where(offset: int) -> tuple[int, str | None]:
        e_start, p_start, placeholder = [s for s in spans if s[0] <= offset][-1]
        return (p_start if placeholder else p_start + offset - e_start), placeholder

    u_start, inside = where(start)
    if inside:
        return f"pattern can backtrack catastrophically: {reason}; it comes from the words of {inside}"
    u_end = where(max(start, end - 1))[0] + 1
    snippet = pattern[u_start:max(u_end, u_start + 1)]
    return (f"pattern can backtrack catastrophically: {reason}; at offset {u_start}: `{snippet}` "
            "(end each turn with a required separator like \\s+, allow at most {0,3} turns, "
            "or make it possessive: \\w++, (?>...))")


class Expander:
    def __init__(self, ruleset: RuleSet, lang: str):
        self.lang = lang
        self.terms: dict[str, list[str]] = {}
        self.classes: dict[str, dict[str, list[str]]] = {}
        self.abbreviations: set[str] = set()
        self.anaphors: list[str] = []
        for vocab, _ in ruleset.vocab.get(lang, []):
            for k, v in vocab.terms.items():
                self.terms.setdefault(k, []).extend(v)
            for k, groups in vocab.classes.items():
                for key, words in groups.items():
                    self.classes.setdefault(k, {}).setdefault(key, []).extend(words)
            self.abbreviations |= {a.lower() for a in vocab.abbreviations}
            self.anaphors += vocab.anaphors
        self.numbers = NumberGrammar(ruleset.numbers[lang][0]) if lang in ruleset.numbers else None
        self.dates = DateGrammar(ruleset.dates[lang][0]) if lang in ruleset.dates else None
        parties = [p for p, _ in ruleset.parties.values()]
        places = [p for p, _ in ruleset.places.values()]
        # {party} inside a pattern names a side ("Armenian", "Azerbaijan's", "separatist"): the
        # names, adjectives and generic words of this language (and English, which every press
        # borrows). Officials and institutions are found by the gazetteer when attributing; as
        # regex alternatives they made the patterns 60 kB long and the slowest part of a run.
        langs = {lang, "en"}
        self.party_re = _alt(
            n for p in parties for group in (p.names, p.adjectives, p.generic)
            for code, names in (("en", group.en), ("id", group.id), ("ru", group.ru)) if code in langs
            for n in names)
        # Countries are left out of {place}: "pasukan Armenia diserang" is about troops, not the country.
        # A place's Cyrillic spellings only matter in Russian text.
        names = _alt(n for p in places if p.type != "country" for n, _ in place_names(p)
                     if lang == "ru" or not _CYRILLIC.search(n))
        prefix = "|".join(f"(?:{t})" for t in self.terms.get("place_prefix", [])) or "(?!)"
        word = r"(?-i:\p{Lu})[\p{L}'’]+(?:-[\p{L}'’]+)?"
        # "the Artsakh Information Center", "Ganja State University": a name inside a body's name
        inside = "|".join(self.terms.get("name_continuation", []))
        not_part = rf"(?!\s+(?:{inside})\b)" if inside else ""
        # the lookbehind runs only where a capital begins: it is costly, and {word} needs one there
        self.place_re = (rf"(?:(?:{prefix})\s+)?(?:(?:{names})(?!\w){not_part}|(?=(?-i:\p{{Lu}}))(?<=(?:{prefix})\s+){word}"
                         rf"(?:\s+{word})?)"
                         if places else rf"(?:{prefix})\s+{word}")
        joiner = "|".join(self.terms.get("list_and", [])) or "and"
        # a later item is no possessor: "Stepanakert, Karabakh's presidency said" lists one place
        # "Stepanakert, the region's main city, and the town of Martuni": an aside after an item
        aside = "|".join(f"(?:{t})" for t in self.terms.get("list_aside", []))
        aside = rf"(?:\s*,\s*(?:{aside})(?=\s*,\s*(?:{joiner})\s))?" if aside else ""
        self.place_list_re = (rf"{self.place_re}(?:{aside}(?:\s*,\s*(?:(?:{joiner})\s+)?|\s+(?:{joiner})\s+)"
                              rf"{self.place_re}(?!['’]s\b))*")
        # "the villages of Aghdam, Kuropatkino and Shikharkh": after a place word, a list that
        # closes with "and" names places the lexicon may not know, each one or two capitalised
        # words (not a possessive: "and Azerbaijan's army said"; not a title before a name:
        # "and President Arayik Harutyunyan said"), and ends at the item after "and" (", Baku
        # said" is no item). extractor.py widens a rule's list to it.
        bare = r"(?-i:\p{Lu})\p{L}+(?:-\p{L}+)?(?!['’\w-])"
        item = (rf"(?:(?:{prefix})\s+)?(?:(?:{names})(?!\w){not_part}|{bare}(?:\s+{bare})?(?!\s+(?-i:\p{{Lu}})))"
                rf"(?!['’]s\b)")
        self.place_run_re = (rf"(?=(?-i:\p{{Lu}}))(?<=(?:{prefix})\s+)"
                             rf"(?P<items>{item}(?:\s*,\s*{item})*(?:\s*,)?\s+(?:{joiner})\s+{item})" if places else None)
        self.parties = parties
        self.places = places

    def builtin(self, name: str) -> str | None:
        if name == "count":
            return self.numbers.count_re if self.numbers else None
        if name == "number":
            return self.numbers.number_re if self.numbers else None
        if name == "date":
            return self.dates.span_re if self.dates else None
        if name == "party":
            return self.party_re
        if name == "place":
            return self.place_re
        if name == "place_list":
            return self.place_list_re
        if name == "quote":
            return quote_re()
        return None

    def expand(self, pattern: str) -> tuple[str, list[str]]:
        """The expanded regex and the list of unknown placeholders."""
        unknown: list[str] = []

        def sub(m: regex.Match) -> str:
            name, alias = m.group(1), m.group(2)
            if name in self.classes:
                body = "|".join(w for ws in self.classes[name].values() for w in ws)
                return f"(?P<{alias or name}>{body})"
            if name in self.terms:
                body = "|".join(self.terms[name])
                return f"(?P<{alias}>{body})" if alias else f"(?:{body})"
            if name in BUILTINS:
                body = self.builtin(name)
                if body is None:
                    unknown.append(f"{name} (no {name} lexicon for language {self.lang!r})")
                    return "(?!)"
                group = alias or BUILTINS[name]
                if name == "quote":
                    body = body.replace("(?P<text>", f"(?P<{group}>") if group != "text" else body
                    return body
                return f"(?P<{group}>{body})" if group else f"(?:{body})"
            unknown.append(name)
            return "(?!)"

        return PLACEHOLDER.sub(sub, pattern), unknown


def _as_written(pattern: str, error: Exception) -> str:
    """A regex error with its offset in the pattern as written, not in its (long) expansion."""
    stub = PLACEHOLDER.sub(lambda m: "X" * len(m.group(0)), pattern)  # same length: offsets carry over
    try:
        regex.compile(stub, FLAGS)
    except regex.error as e:
        return f"{e.msg} at offset {e.pos}" if e.pos is not None else e.msg
    return f"{error} (in the expansion of its placeholders)"


def compile_rule(lr: LoadedRule, exp: Expander, errors: list[LocatedError]) -> CompiledRule | None:
    from ..models import claim_fields

    rule = lr.rule
    ok = True
    why = static_risk(rule.pattern, exp)
    if why:
        errors.append(lr.origin.error(why, ("pattern",)))
        ok = False
    src, unknown = exp.expand(rule.pattern)
    for name in unknown:
        errors.append(lr.origin.error(f"unknown placeholder {{{name}}}", ("pattern",)))
        ok = False
    try:
        rx = cache.patterns().compile(src, FLAGS)
    except (regex.error, OverflowError) as e:
        errors.append(lr.origin.error(f"regex error: {_as_written(rule.pattern, e)}", ("pattern",)))
        return None
    faster = hoist(src, FLAGS)  # the same matches, the first word checked before leading lookbehinds
    if faster:
        try:
            rx = cache.patterns().compile(faster, FLAGS)
        except (regex.error, OverflowError):
            pass
    allowed = SPEECH_GROUPS if lr.kind == "speech" else claim_fields(lr.kind)
    for group in rx.groupindex:
        if group not in allowed:
            errors.append(lr.origin.error(
                f"named group {group!r} maps to no {lr.kind} field (fields: {', '.join(sorted(allowed))})",
                ("pattern",)))
            ok = False
    if lr.kind != "speech":
        for key in rule.fields:
            if key not in claim_fields(lr.kind):
                errors.append(lr.origin.error(f"field {key!r} is not a {lr.kind} field", ("fields", key)))
                ok = False
    elif rule.side is None:
        errors.append(lr.origin.error("a speech cue needs `side: before` or `side: after`", ()))
        ok = False
    antis = []
    for i, a in enumerate(rule.antipatterns):
        try:
            antis.append(cache.patterns().compile(exp.expand(a)[0], FLAGS))
        except regex.error as e:
            errors.append(lr.origin.error(f"antipattern regex error: {e}", ("antipatterns", i)))
            ok = False
        why = static_risk(a, exp)
        if why:
            errors.append(lr.origin.error("anti" + why, ("antipatterns", i)))
            ok = False
    if not ok:
        return None
    return CompiledRule(rule.id, lr.kind, lr.lang, RuleView.of(rule), rx, antis, lr.origin.path, lr.origin.folder)


def _compile_text_patterns(items, exp: Expander, errors, path_key, origin) -> list[regex.Pattern]:
    out = []
    for i, item in enumerate(items):
        try:
            rx = regex.compile(exp.expand(item.pattern)[0], FLAGS)
        except regex.error as e:
            errors.append(origin.error(f"regex error: {e}", (path_key, i, "pattern")))
            continue
        why = static_risk(item.pattern, exp)  # boilerplate runs on every line, with no time budget
        if why:
            errors.append(origin.error(why, (path_key, i, "pattern")))
            continue
        out.append(rx)
    return out


def compile_lang(ruleset: RuleSet, lang: str) -> CompiledLang:
    exp = Expander(ruleset, lang)
    errors: list[LocatedError] = []
    by_kind: dict[str, list[CompiledRule]] = {k: [] for k in ("casualty", "attack", "ceasefire", "quote", "speech")}
    for lr in ruleset.rules.values():
        if lr.lang != lang:
            continue
        cr = compile_rule(lr, exp, errors)
        if cr:
            by_kind[lr.kind].append(cr)
    literals = LiteralIndex()  # a rule runs only on segments holding a word it needs (exact)
    store = cache.patterns()
    for cr in (cr for crs in by_kind.values() for cr in crs):
        cr.regex = gate(cr.regex, literals, store)
        cr.antipatterns = [gate(a, literals, store) for a in cr.antipatterns]
    store.flush()
    lines, cuts, labels = [], [], []
    for bp, origin in ruleset.boilerplate.get(lang, []):
        lines += _compile_text_patterns(bp.line, exp, errors, "line", origin)
        cuts += _compile_text_patterns(bp.cut, exp, errors, "cut", origin)
        labels += _compile_text_patterns(bp.label, exp, errors, "label", origin)
    classes = {name: [(key, regex.compile("(?:" + "|".join(words) + ")", FLAGS)) for key, words in groups.items()]
               for name, groups in exp.classes.items()}
    return CompiledLang(
        lang=lang, numbers=exp.numbers, dates=exp.dates,
        parties=_party_gazetteer(ruleset), places=_place_gazetteer(ruleset),
        classes=classes, rules={k: v for k, v in by_kind.items() if k != "speech"}, speech=by_kind["speech"],
        line_rules=lines, cut_rules=cuts, label_rules=labels, abbreviations=exp.abbreviations,
        anaphors=Gazetteer([(a, "anaphor", 0, None) for a in exp.anaphors]), errors=errors,
        place_prefix=_prefix_re(exp.terms.get("place_prefix", [])),
        place_run=regex.compile(exp.place_run_re, FLAGS) if exp.place_run_re else None,
        clause_break=regex.compile(
            # (at the start too: a list piece "as well as Mingachevir", split off at its comma)
            r"\s*[,;]\s*|\s[–—]\s|(?:^|\s+)(?:" + "|".join(exp.terms.get("list_and", []) or ["and"]) + r")\s+", FLAGS),
        since_marker=_term_re(exp, "since", r"(?:{})\s+$"),
        continuation=_term_re(exp, "continuation", r"\s*(?:{})\b"),
        transcript=_term_re(exp, "transcript", r"\s*(?:{})"),
        back_reference=_term_re(exp, "back_reference", r"\s*(?:{})\b"),
        country_ref=_term_re(exp, "country_ref", r"(?<!\w)(?:{})(?!\w)"), states=_states(ruleset),
        statement=_term_re(exp, "statement", r"\b(?:{})\b"),
        local_official=_term_re(exp, "local_official", r"\b(?:{})\b"),
        interview=_term_re(exp, "interview", r"\b(?:{})"),
        agentless=_term_re(exp, "agentless", r"\b(?:{})\b"),
        title=_term_re(exp, "title", r"(?:{})\.?"),
        topic=_term_re(exp, "topic", r"\s*(?:{})\b"),
        exceed=_term_re(exp, "exceed", r"(?<!\w)(?:{})\s+\Z"),
        home_body=_term_re(exp, "home_body", r"(?<![\w-])(?:{})(?![\w-])"),
        areas={p.id: p.area for p, _ in ruleset.places.values() if p.area in _states(ruleset)},
        speaker_end=regex.compile(r"\s*\(|\s+(?:" + "|".join(exp.terms["speaker_end"]) + r")\b", FLAGS)
        if exp.terms.get("speaker_end") else regex.compile(r"\s*\(", FLAGS),
        bystander=_term_re(exp, "bystander", r"\b(?:{})\b"))


def _term_re(exp, name: str, template: str) -> regex.Pattern | None:
    """The vocab term `name` as one pattern (its entries as alternatives in `template`), or None."""
    terms = exp.terms.get(name)
    return regex.compile(template.format("|".join(terms)), FLAGS) if terms else None


def _states(ruleset: RuleSet) -> frozenset[str]:
    """The parties that are states: those with bodies (ministries) and an adjective ("Armenian")."""
    return frozenset(p.id for p, _ in ruleset.parties.values()
                     if p.bodies and (p.adjectives.en or p.adjectives.id or p.adjectives.ru))


def _prefix_re(terms: list[str]) -> regex.Pattern | None:
    if not terms:
        return None
    return regex.compile("^(?:(?:" + "|".join(f"(?:{t})" for t in terms) + r")\s+)+", FLAGS)


_GAZ: dict[int, tuple[Gazetteer, Gazetteer]] = {}


def _party_gazetteer(ruleset: RuleSet) -> Gazetteer:
    key = id(ruleset)
    if key not in _GAZ:
        _GAZ[key] = (party_gazetteer([p for p, _ in ruleset.parties.values()]),
                     place_gazetteer([p for p, _ in ruleset.places.values()]))
    return _GAZ[key][0]


def _place_gazetteer(ruleset: RuleSet) -> Gazetteer:
    _party_gazetteer(ruleset)
    return _GAZ[id(ruleset)][1]


_COMPILED: dict[tuple[int, str], CompiledLang] = {}


def get_compiled(ruleset: RuleSet, lang: str) -> CompiledLang:
    """Compiled once per process per (rule set, language), and kept in the disk cache."""
    key = (id(ruleset), lang)
    if key not in _COMPILED:
        _COMPILED[key] = _compile_cached(ruleset, lang)
    return _COMPILED[key]


def _compile_cached(ruleset: RuleSet, lang: str) -> CompiledLang:
    # keyed by the content of the rule files the rule set was read from (engine/cache.py)
    fingerprint = getattr(ruleset, "fingerprint", None)
    name = f"lang-{fingerprint}-{lang}.pickle" if fingerprint else None
    got = name and cache.fetch(name, lambda c: isinstance(c, CompiledLang) and c.lang == lang)
    if got:
        return got
    comp = compile_lang(ruleset, lang)
    if name:
        cache.store(name, comp)
    return comp
