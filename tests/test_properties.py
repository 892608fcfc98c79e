"""Property tests: whatever the text, `factx.extract` returns a document whose evidence
spans are exact slices of the text and whose counts are non-negative integers; and the
speed-ups of the engine (pre-filter, grouped alternations) never change a match.

Fixed seed and example budget (`derandomize=True`), so CI runs the same cases every time,
in well under a minute.
"""
from __future__ import annotations

import functools
import string
import sys

import regex
from conftest import DEV, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factx
from factx.article import build
from factx.engine import compile as compile_mod
from factx.engine import prefilter
from factx.engine.compile import FLAGS, TIMEOUT, get_compiled
from factx.engine.loader import get_ruleset
from factx.engine import fold as fold_mod
from factx.engine import needs
from factx.engine.fold import fold, fold_text
from factx.engine.needs import required_literals

FAST = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(FAST, max_examples=60)

SOURCES = [SEED] + (sorted(DEV.glob("*.txt")) if DEV.is_dir() else [])
ARTICLES = [p.read_text(encoding="utf-8") for p in SOURCES]
LANGS = get_ruleset(()).languages()

QUOTES = "\"'“”„‟«»‹›‘’‚`"
CONTROLS = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85]))
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


# -- what every document must satisfy ------------------------------------------------------------


def check_document(text: str, doc) -> None:
    for claim in doc.claims:
        ev = claim.evidence
        assert 0 <= ev.start <= ev.end <= len(text), (ev.start, ev.end, len(text))
        assert text[ev.start:ev.end] == ev.text
        if claim.kind == "casualty":
            for value in (claim.count.value, claim.count.min, claim.count.max):
                assert value is None or (type(value) is int and value >= 0), claim.count
        if claim.kind == "ceasefire":
            assert claim.count is None or (type(claim.count) is int and claim.count >= 0), claim.count
    doc.model_dump_json()  # and it serialises


# -- mutations of real articles ------------------------------------------------------------------


def _insert(draw, text: str, pieces: str, most: int = 20) -> str:
    inserts = draw(st.lists(st.tuples(st.integers(0, len(text)), st.sampled_from(pieces)), max_size=most))
    for pos, piece in sorted(inserts, reverse=True):
        text = text[:pos] + piece + text[pos:]
    return text


def shuffle_sentences(draw, text: str) -> str:
    sentences = regex.split(r"(?<=[.!?])\s+", text)
    return " ".join(draw(st.permutations(sentences)))


def stray_quotes(draw, text: str) -> str:
    return _insert(draw, text, QUOTES)


def glue_numbers(draw, text: str) -> str:
    text = regex.sub(r"(\d) (\p{L})|(\p{L}) (\d)", lambda m: m.group(0).replace(" ", ""), text)
    return _insert(draw, text, "0123456789", most=10)


def many_commas(draw, text: str) -> str:
    pos = draw(st.integers(0, len(text)))
    return text[:pos] + "," * 10_000 + text[pos:]


def control_chars(draw, text: str) -> str:
    return _insert(draw, text, CONTROLS)


def bidi_marks(draw, text: str) -> str:
    return _insert(draw, text, BIDI)


def zero_width(draw, text: str) -> str:
    return _insert(draw, text, ZERO_WIDTH, most=40)


def line_ends(draw, text: str) -> str:
    return text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n\n", "\u2028"])))


MUTATIONS = [shuffle_sentences, stray_quotes, glue_numbers, many_commas, control_chars, bidi_marks,
             zero_width, line_ends]


@st.composite
def mutated_articles(draw, size: int | None = None) -> str:
    text = draw(st.sampled_from(ARTICLES))
    if size:
        text = text[:size]
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        text = mutate(draw, text)
    return text


# -- factx.extract --------------------------------------------------------------------------------


@FAST
@given(text=st.text(max_size=3000), lang=st.sampled_from([None, *LANGS]))
def test_any_text_gives_a_document(text, lang):
    check_document(text, factx.extract(text, lang=lang))


@FAST
@given(text=st.text(st.characters(exclude_categories=()), max_size=500), lang=st.sampled_from(LANGS))
def test_any_code_points_even_lone_surrogates_give_a_document(text, lang):
    doc = factx.extract(text, lang=lang)
    for claim in doc.claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text


@SLOW
@given(text=mutated_articles(), lang=st.sampled_from([None, *LANGS]))
def test_mutated_articles_give_exact_evidence_and_sane_counts(text, lang):
    check_document(text, factx.extract(text, lang=lang))


def test_each_mutation_keeps_the_seed_article_readable():
    """The mutations are hostile, not destructive: under a mild dose of each, the seed
    article still gives claims (so the properties above are tested on real extractions)."""
    seed = SEED.read_text(encoding="utf-8")
    for mutate in MUTATIONS:
        text = mutate(_MildDraw(), seed)
        doc = factx.extract(text, lang="id")
        check_document(text, doc)
        assert doc.claims, mutate.__name__


class _MildDraw:
    """Stands in for hypothesis' `draw` with fixed, mild choices."""

    def __call__(self, strategy):
        r = repr(strategy)
        if r.startswith("integers("):
            return 0
        if r.startswith("lists("):
            return [(0, "\u200b")]
        if r.startswith("sampled_from("):
            return "\r\n"
        if r.startswith("permutations("):
            return list(reversed(strategy.wrapped_strategy.values if hasattr(strategy, "wrapped_strategy") else []))
        raise AssertionError(r)


# -- the engine's speed-ups never change a match ---------------------------------------------------


def test_safe_characters_fold_like_every_character_regex_matches_them_to():
    """What the pre-filter and the grouped alternations rely on (engine/fold.py)."""
    universe, cased = fold_mod._cased()
    bad = [(a, m.group()) for a in universe if fold_mod.safe(a)
           for m in regex.finditer(regex.escape(a), universe, FLAGS) if fold(a) != fold(m.group())]
    assert not bad, bad[:20]
    # a character without case matches only itself, so it is safe
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    any_cased = regex.compile("[" + "".join(regex.escape(c) for c in universe) + "]", FLAGS)
    assert set(any_cased.findall(every)) <= cased
    assert all(len(fold(c)) == 1 for c in universe)


def test_the_alphabets_of_the_packs_are_safe():
    letters = (string.ascii_letters + "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßəƏıİğĞşŞçÇöÖüÜ"
               + "".join(map(chr, range(0x400, 0x460))) + "’'-.")
    assert [c for c in letters if not fold_mod.safe(c)] == []


def test_nearly_every_shipped_rule_is_pre_filtered():
    ruleset = get_ruleset(())
    unfiltered, total = [], 0
    for lang in ruleset.languages():
        comp = get_compiled(ruleset, lang)
        for rule in [r for kind in comp.rules.values() for r in kind] + list(comp.speech):
            total += 1
            if rule.regex.key is None:
                unfiltered.append(rule.id)
    assert len(unfiltered) <= total // 10, unfiltered


NAME_CHARS = "aAiIıİsSſkKKßẞəƏσςΣжЖ.'’ -"


@settings(FAST, max_examples=60)
@given(names=st.lists(st.text(NAME_CHARS, min_size=1, max_size=8), min_size=24, max_size=60, unique=True),
       filler=st.lists(st.text(NAME_CHARS + "xyz,", max_size=12), min_size=1, max_size=30),
       stems=st.booleans())
def test_grouped_alternation_matches_like_the_flat_one(names, filler, stems):
    names = [n + "*" if stems and i % 3 == 0 else n for i, n in enumerate(names)]
    grouped = compile_mod._alt(names)
    real = compile_mod.by_first_char
    compile_mod.by_first_char = "|".join
    try:
        flat = compile_mod._alt(names)
    finally:
        compile_mod.by_first_char = real
    text = " ".join(f + " " + n.rstrip("*").swapcase() if i % 2 else f + n.rstrip("*")
                    for i, (f, n) in enumerate(zip(filler * len(names), names)))
    for tail in ("", r"(?!\w)", r"\s"):
        got = [m.span() for m in regex.finditer(f"(?:{grouped}){tail}", text, FLAGS)]
        want = [m.span() for m in regex.finditer(f"(?:{flat}){tail}", text, FLAGS)]
        assert got == want


@settings(SLOW, max_examples=12)
@given(text=mutated_articles(size=1500))
def test_pre_filtered_rules_match_exactly_like_their_patterns(text):
    """A segment is skipped only where the rule's regex finds nothing, and the anchored
    search finds the very matches (spans and groups) of the pattern's own finditer."""
    ruleset = get_ruleset(())
    for lang in ruleset.languages():
        comp = get_compiled(ruleset, lang)
        art = build(text, comp.line_rules, comp.cut_rules, comp.abbreviations)
        rules = [r for kind in comp.rules.values() for r in kind] + list(comp.speech)
        for rule in rules:
            segments = art.paragraphs if rule.rule.scope == "paragraph" else art.sentences
            starts, ends = art.bounds(rule.rule.scope)
            for pattern in (rule.regex, *rule.antipatterns):
                through = set(pattern.candidates(text, starts, ends))
                for i, seg in enumerate(segments):
                    want = [(m.span(), m.groupdict()) for m in pattern.pattern.finditer(text, seg.start, seg.end)]
                    got = [(m.span(), m.groupdict()) for m in pattern.finditer(text, seg.start, seg.end)]
                    assert got == want, (rule.id, text[seg.start:seg.end])
                    # as the extractor runs it: only the segments the pre-filter lets through, anchored
                    got = [(m.span(), m.groupdict()) for m in pattern.scan(text, seg.start, seg.end, TIMEOUT)] \
                        if i in through else []
                    assert got == want, (rule.id, text[seg.start:seg.end])


@settings(FAST, max_examples=100)
@given(words=st.lists(st.text("abcıİK ", min_size=1, max_size=6), min_size=1, max_size=6),
       text=st.text("abcıİKk AB", max_size=40))
def test_required_literals_occur_in_every_match(words, text):
    pattern = "(?:" + "|".join(regex.escape(w) for w in words) + r")\w*"
    literals = required_literals(pattern, FLAGS)
    if any(not w.strip(" ") for w in words):
        assert literals is None  # a word of white space only would hit at every space: no filter
        return
    assert literals is not None
    for m in regex.finditer(pattern, text, FLAGS):
        assert any(lit in fold_text(m.group()) for lit in literals), (literals, m.group())


@functools.lru_cache(maxsize=1)
def _hoisted_pairs():
    """(rule id, pattern as expanded, the same with its first item hoisted) of the shipped rules."""
    from factx.engine import cache
    from factx.engine.compile import Expander
    from factx.engine.hoist import hoist

    ruleset = get_ruleset(())
    pairs = []
    for lang in ruleset.languages():
        exp = Expander(ruleset, lang)
        for lr in ruleset.rules.values():
            if lr.lang != lang:
                continue
            src = exp.expand(lr.rule.pattern)[0]
            faster = hoist(src, FLAGS)
            if faster:
                pairs.append((lr.rule.id, lang, cache.patterns().compile(src, FLAGS),
                              cache.patterns().compile(faster, FLAGS)))
    return pairs


def test_hoisting_applies_only_to_the_shapes_it_knows():
    from factx.engine.hoist import hoist

    assert hoist(r"(?<!x\w{0,4}?|y)\b(?:cease|truce)s?\b", FLAGS) == \
        r"(?=\b(?:cease|truce))(?<!x\w{0,4}?|y)\b(?:cease|truce)s?\b"
    assert hoist(r"(?<!a\s*|b)(?P<n>\d+)x", FLAGS) is None  # no word in the first item
    assert hoist(r"(?<!a\s*|b)(?P<n>foo)(?P=n)", FLAGS) == r"(?=(?:foo))(?<!a\s*|b)(?P<n>foo)(?P=n)"
    for unchanged in (r"(?<![,;])\bfoo",  # a cheap lookbehind
                      r"foo(?<!a\s*|b)",  # none in front
                      r"(?<!a\s*|b)(?:foo)?bar",  # an optional first item
                      r"(?<!a\s*|b)x|y",  # an alternation at the top
                      r"(?i)(?<!a\s*|b)foo"):  # inline flags
        assert hoist(unchanged, FLAGS) is None, unchanged


@settings(SLOW, max_examples=10)
@given(text=mutated_articles(size=2000))
def test_hoisted_patterns_match_and_capture_exactly_like_the_rules_as_written(text):
    ruleset = get_ruleset(())
    for rule_id, lang, written, hoisted in _hoisted_pairs():
        comp = get_compiled(ruleset, lang)
        art = build(text, comp.line_rules, comp.cut_rules, comp.abbreviations)
        for seg in art.sentences + art.paragraphs:
            want = [(m.span(), m.groupdict()) for m in written.finditer(text, seg.start, seg.end)]
            got = [(m.span(), m.groupdict()) for m in hoisted.finditer(text, seg.start, seg.end)]
            assert got == want, (rule_id, text[seg.start:seg.end])


PIECES = ["said", "told", "killed", "Ganja", r"\s+", r"\s*", r"[\s-]+", r"\w+", r"\w{0,3}", r"\d+", r"\b",
          r"(?<!the\s)", r"(?:the\s+)?", r"(?:Armenian|Azeri)", r"(?:forces\s+)?", r"[^.,]{0,12}?", ",", "-",
          # what starts.py reads: a lookahead naming the first word, a start only after a non-word character
          r"(?=said|Ganja)", r"(?=\w)", r"(?<!\w)", r"(?<![\w]|\d[.,])", "a", r"a\s+", r"\ba",
          # what windows.after_of reads: a lookbehind naming the word a match follows
          r"(?<=said\s)", r"(?<=(?:the|Ganja)\s+)", r"(?<=[,.]\s{1,2}(?:told|a)\s+)", r"(?<=killed)",
          # white space as a literal (fold.fold_text): one `\s`, `[\s-]`, a word list followed by a run
          r"\s", r"[\s-]", r"(?:an|a|about)\s+", r"said[\s-]+a",
          # a set of a few characters as a literal: an optional opening quote, a capital or not
          r'["“]?', r"[Tt]old", r"[,.]"]
ANCHOR_TEXT = "said told killed Ganja the Armenian Azeri forces 12 , . -\n a 1.5 aa"


@settings(FAST, max_examples=150)
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=7),
       alt=st.lists(st.sampled_from(PIECES), max_size=4),
       words=st.lists(st.sampled_from(ANCHOR_TEXT.split(" ") + ["  ", "   ", "\t", "x", "Told", "\xa0", "a\u2003said", "said-a", '"said', "“Told"]), max_size=40))
def test_anchored_search_finds_what_finditer_finds(pieces, alt, words):
    """Random patterns over a few words, whitespace runs and repeats: trying a pattern only
    near its anchor's hits gives the very matches, groups and order of a full finditer."""
    pattern = "".join(pieces) + (("|" + "".join(alt)) if alt else "")
    try:
        rx = regex.compile(f"(?P<g>{pattern})", FLAGS)
    except regex.error:
        return
    text = " ".join(words)
    gated = prefilter.gate(rx, prefilter.LiteralIndex())
    for s, e in ((0, len(text)), (len(text) // 3, len(text)), (0, len(text) // 2)):
        want = [(m.span(), m.groupdict()) for m in rx.finditer(text, s, e)]
        through = gated.candidates(text, [s], [e])
        got = [(m.span(), m.groupdict()) for m in gated.scan(text, s, e, TIMEOUT)] if through else []
        assert got == want, (pattern, text[s:e])


def test_the_anchor_reach_counts_runs_of_whitespace_word_characters_and_non_space():
    found = needs.requirements(r"(?:Armenian\s+)?(?:forces\s+)?\w{0,2}shelled\s+Ganja", FLAGS)
    assert found is not None and found.anchor is not None
    assert found.sets[found.anchor] == frozenset({"shelled "})  # the word and the first white space after it
    assert found.reach == (8 + 6 + 2, 2, 0, 0, 0)  # the words, two runs of whitespace
    gated = prefilter.gate(regex.compile(r"(?:Armenian\s+)?(?:forces\s+)?shelled\s+Ganja", FLAGS),
                           prefilter.LiteralIndex())
    text = "Yesterday   Armenian \t\t forces      shelled  Ganja."
    assert [m.group() for m in gated.scan(text, 0, len(text), TIMEOUT)] == \
        ["Armenian \t\t forces      shelled  Ganja"]
    assert needs.requirements(r"\w+\s+tewas", FLAGS).reach == (0, 1, 0, 1, 0)
    assert needs.requirements(r"[^\s,;]+\s+tewas", FLAGS).reach == (0, 1, 0, 0, 1)  # a run of non-space
    assert needs.requirements(r".+tewas", FLAGS).anchor is None  # no bound: searched as before


@settings(FAST, max_examples=300)
@given(text=st.text(" \t\n-ab1\u0301\u200d\x1c\x1f\xa0\u2003\u3000—.,", max_size=80))
def test_the_run_bounds_are_never_shorter_than_the_runs(text):
    """A reach is exact only if each bound is at least the longest run of its class."""
    exact = tuple(max(map(len, regex.findall(run + "+", text, FLAGS)), default=0) for run in needs._RUNS)
    assert all(bound >= run for bound, run in zip(needs.run_lengths(text), exact)), (exact, needs.run_lengths(text))
    if "\x1c" not in text and "\x1f" not in text:
        assert needs.run_lengths(text)[3] == exact[3]  # the longest run of non-space, exactly


def test_the_white_space_list_is_what_regex_calls_white_space():
    """A class without these characters never crosses a run of `\\S` (engine/needs.py)."""
    every = array_of_all_characters()
    assert [ord(m.group()) for m in regex.finditer(r"\s", every, FLAGS)] == fold_mod._WHITE_CHARS


def array_of_all_characters() -> str:
    import array

    return array.array("I", range(sys.maxunicode + 1)).tobytes().decode("utf-32-le", "surrogatepass")


def test_start_strings_are_where_every_match_begins():
    def starts(pattern):
        found = needs.requirements(pattern, FLAGS)
        return found.starts if found else None

    assert starts(r"(?<!the\s)\b(?:said|told)\b") == {"said", "told"}
    assert starts(r"(?:\bArmenian\s+)?(?:forces\s+)?(?:shelled|struck)\s+Ganja") == \
        {"armenian ", "forces ", "shelled ", "struck "}  # with the white space after the word
    assert starts(r"(?:(?-i:A)rmenia|Baku)n?\s+x") == {"armenia", "baku"}
    assert len(starts(r"\d+\s+tewas")) > 600 and {"0", "9", "٣"} <= starts(r"\d+\s+tewas")  # every Unicode digit
    assert starts(r"[0-9]+ orang") == set("0123456789")
    for unknown in (r"\w+\s+tewas", r"(?:the\s+)?\w*foo", r"[a-c]x", r".said"):
        assert starts(unknown) is None, unknown
    # a lookahead in front names how the text there begins, when what follows cannot
    assert starts(r"(?=(?:kota|desa)\s)\p{L}+\s+\p{Lu}\w+\s+diserang") == {"kota ", "desa "}
    # ... and the more selective of the two is kept: not the first letters of a hoisted list
    assert starts(r"(?=A|a)(?:Armenia|Azerbaijan)\s+shelled") == {"armenia ", "azerbaijan "}


def test_word_initial_starts_are_only_tried_after_a_non_word_character():
    def initial(pattern):
        found = needs.requirements(pattern, FLAGS)
        return found.initial if found else None

    assert initial(r"(?<![\w]|\d[.,])(?:a\s+dozen|two)\s+killed")
    assert initial(r"\b(?:said|told)")
    assert initial(r"(?P<count>(?<!\w)one|(?<!\w)two)\s+killed")
    for anywhere in (r"(?:x\s)?\bkilled", r"killed", r"\b-killed", r"(?<!\p{L})a\s+killed", r"(?<!\W)a\s+killed"):
        assert not initial(anywhere), anywhere
    gated = prefilter.gate(regex.compile(r"(?<!\w)a\s+dozen", FLAGS), prefilter.LiteralIndex())
    text = "Armenia said a dozen, and a  dozen more; banana dozen"
    assert [m.span() for m in gated.scan(text, 0, len(text), TIMEOUT)] == \
        [m.span() for m in regex.finditer(r"(?<!\w)a\s+dozen", text, FLAGS)] == [(13, 20), (26, 34)]
    # the start string is "a " (the word and the white space after it): "a" inside a word
    # ("said", "banana") or at its start ("Armenia", "and") is never tried
    assert gated.starts is not None and gated.index._sets[gated.starts] == (gated.index._ids["a "],)
    assert gated.index.spans(gated.starts, text)[0] == [13, 26]


def test_a_lookbehind_in_front_names_where_a_match_can_begin():
    """`(?<=(?:kota|desa)\\s+)\\p{Lu}\\w+`: a match begins within a run of white space after
    "kota" or "desa" (engine/windows.after_of), so it is tried only there, with the very
    matches of a search at every position."""
    found = needs.requirements(r"(?:desa\s+)?(?:Ganja|(?<=(?:ibu\s*kota|desa)\s+)(?-i:\p{Lu})\w+)\s+diserang", FLAGS)
    assert found is not None and found.starts is None
    begin, after, width = found.after
    assert begin == {"desa ", "ganja"} and after == {"kota", "desa"} and width == (0, 1, 0, 0, 0)
    pattern = r"(?:desa\s+)?(?:Ganja|(?<=(?:ibu\s*kota|desa)\s+)(?-i:\p{Lu})\w+)\s+diserang"
    gated = prefilter.gate(regex.compile(pattern, FLAGS), prefilter.LiteralIndex())
    text = ("Ibu kota  Stepanakert diserang, desa Karin diserang, Ganja diserang; Kota Baru diserang dan "
            "kotak Merah diserang, Desa\tTalish diserang.")
    rx = regex.compile(pattern, FLAGS)
    assert [m.group() for m in rx.finditer(text)] == \
        ["Stepanakert diserang", "desa Karin diserang", "Ganja diserang", "Desa\tTalish diserang"]
    for s, e in ((0, len(text)), (10, len(text)), (0, 40), (33, 60)):
        want = [(m.span(), m.group()) for m in rx.finditer(text, s, e)]
        got = [(m.span(), m.group()) for m in gated.scan(text, s, e, TIMEOUT)]
        assert got == want, (s, e)
    # a handful of places is tried (near "kota" and "desa", at "desa" and "ganja"), every match start among them
    places = gated._places_after(text, 0, len(text))
    assert len(places) * 6 < len(text) and {m.start() for m in rx.finditer(text)} <= set(places)


def test_start_strings_that_hold_unless_a_guard_word_is_there():
    """English `{place_list}`: a match begins at a place name, or in a phrase holding "town",
    or just after "town" (a lookbehind). In a sentence without "town" it is tried at the
    names only; with "town" anywhere near, as written. Same matches as finditer either way."""
    pattern = (r"(?:(?:the\s+)?(?:\w+\s+){0,2}?(?:town|city)\s+)?(?:Ganja|Barda|(?<=(?:town|city)\s+)(?-i:\p{Lu})\w+)"
               r"\s+was\s+shelled")
    found = needs.requirements(pattern, FLAGS)
    assert found.starts is None and found.after is None
    begin, guards = found.guarded
    assert begin == {"ganja", "barda", "the "} and [g[0] for g in guards] == [{"town ", "city "}, {"town", "city"}]
    rx = regex.compile(pattern, FLAGS)
    gated = prefilter.gate(rx, prefilter.LiteralIndex())
    texts = ["Ganja was shelled and Barda was shelled too, while Tovuz was shelled.",
             "The old town of Tovuz was shelled; the city Naftalan was shelled, and Ganja was shelled.",
             "It was in the town. Tovuz was shelled at dawn; Barda was shelled.",
             "the town\nTovuz was shelled"]
    for text in texts:
        for s, e in ((0, len(text)), (text.find(".") + 1 or 0, len(text)), (0, len(text) // 2)):
            want = [(m.span(), m.group()) for m in rx.finditer(text, s, e)]
            got = [(m.span(), m.group()) for m in gated.scan(text, s, e, TIMEOUT)]
            assert got == want, (text, s, e)
    # no guard word in the first text: only the two names are places to try
    first = texts[0]
    assert not gated._guarded_off(first, 0, len(first))
    assert gated._guarded_off(texts[1], 0, len(texts[1]))


@settings(FAST, max_examples=300)
@given(text=st.text(max_size=40) | st.text(string.printable, max_size=40))
def test_the_gazetteer_fold_of_ascii_text_is_its_per_character_fold(text):
    """gazetteer.fold takes a shortcut for ASCII text; it must give what folding each character does."""
    from factx.lexicon import gazetteer

    assert gazetteer.fold(text) == "".join(map(gazetteer._fold_char, text))
