"""The rule author's toolkit from the outside: `factx rules check|test|list`, user packs on
`extract`, the editor schema and the time budget. The CLI runs as a subprocess, in a
temporary folder, so the paths it prints are the short ones a user sees.

Each class of error sits in its own small file of one broken pack, checked in one run;
every test then asserts the exact `path:line:col` of its error.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factx.engine import backtrack

ROOT = Path(__file__).resolve().parents[1]


def factx(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("factx")
    argv = [exe, *args] if exe else [sys.executable, "-m", "factx.cli", *args]
    clean = {k: v for k, v in os.environ.items() if k != "FACTX_RULES"}
    return subprocess.run(argv, cwd=cwd, env={**clean, **(env or {})}, capture_output=True, text=True,
                          timeout=600)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- rules check: one broken pack, one file per class of error ------------------------------------

BROKEN = {
    "syntax.yaml": 'kind: casualty\nlang: id\nrules:\n  - id: id.casualty.syntax\n    pattern: "{count} tewas\n',
    "dupkey.yaml": ('kind: casualty\nlang: id\nrules:\n  - id: id.casualty.dupkey\n'
                    '    pattern: "{count} tewas"\n    pattern: "{count} gugur"\n'),
    "fields.yaml": 'kind: casualty\nlang: id\nrules:\n  - id: id.casualty.typo\n    patern: "{count} tewas"\n',
    "types.yaml": ('kind: casualty\nlang: id\nrules:\n  - id: id.casualty.wrongtype\n'
                   '    pattern: "{count} tewas"\n    scope: [sentence]\n'),
    "twin_a.yaml": 'kind: casualty\nlang: id\nrules:\n  - id: id.casualty.twin\n    pattern: "{count} tewas"\n',
    "twin_b.yaml": ('kind: casualty\nlang: id\nrules:\n  - id: id.casualty.other\n    pattern: "{count} gugur"\n'
                    '  - id: id.casualty.twin\n    pattern: "{count} hilang"\n'),
    "patterns.yaml": r"""kind: casualty
lang: id
rules:
  - id: id.casualty.placeholder
    pattern: '{count}\s+{kiled}'
  - id: id.casualty.regex
    pattern: '{count}\s+(tewas'
  - id: id.casualty.group
    pattern: '{count}\s+tewas\s+oleh\s+(?P<weapon>\w+)'
  - id: id.casualty.nested-plus
    pattern: '(a+)+{count}'
  - id: id.casualty.nested-star
    pattern: '{count}\s+(a*)*'
  - id: id.casualty.words
    pattern: '(\w+\s?)+{count}\s+tewas'
  - id: id.casualty.branches
    pattern: '{count}\s+(?:\w|\d)+\s+tewas'
  - id: id.casualty.values
    pattern: '{count}\s+tentara\s+tewas'
    fields: {outcome: dead, victim_party: armenian}
""",
    "kind.yaml": "kind: casualties\nlang: id\nrules: []\n",
    "lang.yaml": "kind: casualty\nlang: xx\nrules: []\n",
    "tag.yaml": ('kind: casualty\nlang: id\nrules:\n  - id: id.casualty.tag\n'
                 '    pattern: !!python/object:os.system "{count} tewas"\n'),
    "parties.yaml": """kind: parties
parties:
  - id: armenia
    name: Armenia
extend:
  - party: armenian
    people:
      - name: Tigran Balayan
""",
    "places.yaml": """kind: places
places:
  - id: madagiz-sugovushan
    type: village
    area: nagorno-karabakh
  - id: madagiz-sugovushan
    type: village
    area: nagorno-karabakh
extend:
  - place: ganjaa
    indonesian: [Gandja]
""",
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> subprocess.CompletedProcess:
    base = tmp_path_factory.mktemp("check")
    for name, text in BROKEN.items():
        write(base / "broken", name, text)
    return factx("rules", "check", "broken", "--rules", "missing", cwd=base)


def lines(proc: subprocess.CompletedProcess) -> list[str]:
    return proc.stdout.splitlines()


def has(proc: subprocess.CompletedProcess, prefix: str) -> bool:
    return any(line.startswith(prefix) for line in lines(proc))


def test_check_reports_all_problems_located_and_exits_2(broken):
    assert broken.returncode == 2, broken.stderr
    assert lines(broken), broken.stderr
    for line in lines(broken):
        assert re.match(r"^[^:\s]+:\d+:\d+: \S", line), line
    # every file of the pack has its problem reported: nothing stops at the first error
    assert {line.split(":")[0] for line in lines(broken)} >= {f"broken/{n}" for n in BROKEN if "twin_a" not in n}
    assert "problem(s) in" in broken.stderr


def test_yaml_syntax_error(broken):
    assert has(broken, "broken/syntax.yaml:6:1: YAML syntax error: while scanning a quoted scalar")


def test_duplicate_key(broken):
    assert has(broken, "broken/dupkey.yaml:6:5: duplicate key 'pattern' (first at line 5)")


def test_unknown_and_missing_fields(broken):
    assert has(broken, "broken/fields.yaml:5:13: rules.0.patern: Extra inputs are not permitted")
    assert has(broken, "broken/fields.yaml:4:5: rules.0.pattern: Field required")


def test_wrong_type(broken):
    assert has(broken, "broken/types.yaml:6:12: rules.0.scope: Input should be 'sentence' or 'paragraph'")


def test_duplicate_rule_id_across_files_of_one_pack(broken):
    assert has(broken, "broken/twin_b.yaml:6:9: duplicate rule id 'id.casualty.twin' (first in broken/twin_a.yaml:4)")


def test_unknown_placeholder(broken):
    assert has(broken, "broken/patterns.yaml:5:14: unknown placeholder {kiled}")


def test_regex_syntax_error_points_into_the_pattern_as_written(broken):
    assert has(broken, "broken/patterns.yaml:7:14: regex error: missing ) at offset 16")


def test_named_group_that_maps_to_no_claim_field(broken):
    assert has(broken, "broken/patterns.yaml:9:14: named group 'weapon' maps to no casualty field")


def test_unknown_kind(broken):
    assert has(broken, "broken/kind.yaml:1:7: unknown kind 'casualties'")


def test_invalid_language(broken):
    assert has(broken, "broken/lang.yaml:2:7: unknown language 'xx': use an ISO 639-1 code")


def test_yaml_tags_are_refused_once(broken):
    tag_lines = [line for line in lines(broken) if line.startswith("broken/tag.yaml")]
    assert len(tag_lines) == 1
    assert tag_lines[0].startswith("broken/tag.yaml:5:14: tag tag:yaml.org,2002:python/object:os.system is not allowed")


def test_lexicon_ids_defined_twice(broken):
    assert has(broken, "broken/parties.yaml:3:9: duplicate party id 'armenia' (first in ")
    assert has(broken, "broken/places.yaml:6:9: duplicate place id 'madagiz-sugovushan' (first in broken/places.yaml:3)")


def test_lexicon_references_to_missing_parties_and_places(broken):
    assert has(broken, "broken/parties.yaml:6:12: extend: no party with id 'armenian' (did you mean 'armenia'?)")
    assert has(broken, "broken/places.yaml:10:12: extend: no place with id 'ganjaa' (did you mean 'ganja'?)")


def test_rule_fields_must_be_claim_values_and_known_parties(broken):
    assert has(broken, "broken/patterns.yaml:20:23: field 'outcome': 'dead' is not a valid casualty value")
    assert has(broken, "broken/patterns.yaml:20:43: field 'victim_party': no party with id 'armenian'")


@pytest.mark.parametrize("line, group", [(11, "(a+)+"), (13, "(a*)*"), (15, r"(\w+\s?)+"), (17, r"(?:\w|\d)+")])
def test_catastrophic_patterns_are_rejected(broken, line, group):
    assert has(broken, f"broken/patterns.yaml:{line}:14: pattern can backtrack catastrophically: ")
    assert f"`{group}`" in next(x for x in lines(broken) if x.startswith(f"broken/patterns.yaml:{line}:"))


def test_missing_rule_folder(broken):
    assert has(broken, "missing:1:1: rule folder does not exist")


# -- the static backtracking check, unit by unit (no process, no timing) ------------------------

@pytest.mark.parametrize("pattern", [
    r"(a+)+", r"(a*)*", r"(\w+\s?)+", r"(x+x+)+y", r"(?:\w+\s?){1,30}x", r"(a|a)*", r"(\w|\d)+", r"(?:a|aa)+",
    r"(?:\w|[a-z])+", r"(?:\d+\.?)+", r"(?:\s*\w+)+", r"(?:a+\w*c+)+", r"(?P<x>\w+,?)+", r"(?:.*a)+", r"(a+){2,}",
])
def test_backtracking_risks(pattern):
    assert backtrack.risk(pattern) is not None


@pytest.mark.parametrize("pattern", [
    r"(?:\s+\w+)+", r"(?:,\s*\w+)*", r"(?:\w+\s+)+", r"(?:(?:telah|sudah)\s+){0,2}", r"(?:\s+\w+){0,30}\s+\d",
    r"(?>\w+\s?)+", r"(?:\w++\s?)+", r"(?:tentara|tank)+", r"[(a+)+]", r"\(a+\)+", r"(?:\d{1,3}\.)+",
    r"(?:(?:was|continued\s+to\s+be)\s+){1,4}", r"\p{Lu}[\p{L}']+(?:-[\p{L}']+)?",
])
def test_safe_patterns_pass(pattern):
    assert backtrack.risk(pattern) is None


# -- user packs: override one shipped rule, add one new rule --------------------------------------

ARTICLE = """Presiden Prancis Emmanuel Macron menyerukan gencatan senjata segera.

Rusia mengusulkan jeda kemanusiaan di Karabakh.

Armenia mengatakan pihaknya menguburkan 12 tentara setelah pertempuran.
"""

OVERRIDE = r"""kind: ceasefire
lang: id
rules:
  - id: id.ceasefire.proposed
    description: "only a humanitarian pause (replaces the shipped rule)"
    pattern: 'mengusulkan\s+jeda\s+kemanusiaan'
    fields: {event: proposed}
    examples:
      - text: "Rusia [[mengusulkan jeda kemanusiaan]]."
        expect: {event: proposed}
      - text: "Macron menyerukan gencatan senjata."
        expect: none
"""

NEW_RULE = r"""kind: casualty
lang: id
rules:
  - id: id.casualty.lost-count
    description: "menguburkan N tentara: a side buried N of its own"
    pattern: 'menguburkan\s+{count}\s+{victims}'
    fields: {outcome: killed, victim_party: "@party"}
    examples:
      - text: "Armenia mengatakan pihaknya [[menguburkan 12 tentara]]."
        expect: {count: {value: 12}, outcome: killed, victims: military, party: armenia}
      - text: "Pasukan itu menguburkan 20 ranjau."
        expect: none
"""


@pytest.fixture(scope="module")
def user_pack(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("user")
    write(base / "pack", "ceasefire.yaml", OVERRIDE)
    write(base / "pack", "casualty.yaml", NEW_RULE)
    write(base, "article.txt", ARTICLE)
    return base


def claims(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["claims"]


def by_rule(found: list[dict], rule_id: str) -> list[dict]:
    return [c for c in found if c["rule"] == rule_id]


def test_extract_with_a_user_pack_overrides_and_adds(user_pack):
    shipped = claims(factx("extract", "--lang", "id", "article.txt", cwd=user_pack))
    assert [c["evidence"]["text"] for c in by_rule(shipped, "id.ceasefire.proposed")] == [
        "Presiden Prancis Emmanuel Macron menyerukan gencatan senjata segera."]
    assert by_rule(shipped, "id.casualty.lost-count") == []

    for env, extra in (({}, ["--rules", "pack"]), ({"FACTX_RULES": "pack"}, [])):
        found = claims(factx("extract", "--lang", "id", *extra, "article.txt", cwd=user_pack, env=env))
        proposed = by_rule(found, "id.ceasefire.proposed")
        assert [c["evidence"]["text"] for c in proposed] == ["Rusia mengusulkan jeda kemanusiaan di Karabakh."]
        lost = by_rule(found, "id.casualty.lost-count")
        assert len(lost) == 1
        assert lost[0]["count"]["value"] == 12 and lost[0]["party"] == "armenia"
        assert lost[0]["victim_party"] == "armenia" and lost[0]["outcome"] == "killed"


def test_rules_list_shows_where_each_rule_comes_from(user_pack):
    proc = factx("rules", "list", "--json", "--lang", "id", "--rules", "pack", cwd=user_pack)
    assert proc.returncode == 0, proc.stderr
    rows = {r["id"]: r for r in json.loads(proc.stdout)}
    assert rows["id.ceasefire.proposed"]["origin"] == "pack"
    assert rows["id.ceasefire.proposed"]["replaces"].endswith(os.path.join("rules", "id", "ceasefire.yaml"))
    assert rows["id.casualty.lost-count"] == {
        "id": "id.casualty.lost-count", "lang": "id", "kind": "casualty",
        "description": "menguburkan N tentara: a side buried N of its own",
        "origin": "pack", "path": os.path.join("pack", "casualty.yaml") + ":4", "replaces": None}
    assert rows["id.ceasefire.agreed"]["origin"] == "shipped"

    piped = factx("rules", "list", "--kind", "ceasefire", cwd=user_pack, env={"FACTX_RULES": "pack"})
    assert "id.ceasefire.proposed\tid\tceasefire\tpack (replaces shipped)\tonly a humanitarian pause" in piped.stdout
    assert "id.casualty.lost-count" not in piped.stdout


def test_rules_list_refuses_an_unknown_kind(user_pack):
    proc = factx("rules", "list", "--kind", "casualties", cwd=user_pack)
    assert proc.returncode == 2 and "--kind must be one of" in proc.stderr


# -- rules test: failures as a compact diff, and coverage ---------------------------------------

AUTHORING = r"""kind: casualty
lang: id
rules:
  - id: id.casualty.lost-count
    pattern: 'menguburkan\s+{count}\s+{victims}'
    fields: {outcome: killed}
    examples:
      - text: "Armenia mengatakan pihaknya [[menguburkan 12 tentara]]."
        expect: {count: {value: 12}, victims: military}
      - text: "Pasukan itu menguburkan 20 ranjau."
        expect: none
  - id: id.casualty.wrong-expectation
    pattern: '{count}\s+relawan\s+gugur'
    fields: {outcome: killed, victims: civilian}
    examples:
      - text: "Dia mengatakan 7 relawan gugur di Martuni."
        expect: {count: {value: 7}, victims: military}
      - text: "Relawan itu selamat."
        expect: none
  - id: id.casualty.no-negative
    pattern: '{count}\s+relawan\s+terluka'
    fields: {outcome: wounded}
    examples:
      - text: "Tujuh relawan terluka."
        expect: {count: {value: 7}}
  - id: id.casualty.never-fires
    pattern: '{count}\s+relawan\s+hilang'
    fields: {outcome: missing}
    examples:
      - text: "Relawan itu pulang."
        expect: none
"""


@pytest.fixture(scope="module")
def authoring(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("authoring")
    write(base / "pack", "casualty.yaml", AUTHORING)
    return base


def test_rules_test_prints_each_failure_and_coverage_problems(authoring):
    proc = factx("rules", "test", "pack", "--coverage", cwd=authoring)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    path = os.path.join("pack", "casualty.yaml")
    assert (f"FAIL id.casualty.wrong-expectation ({path}:16)\n"
            "  text: Dia mengatakan 7 relawan gugur di Martuni.\n"
            "  victims: expected military, got civilian\n") in out
    assert f"{path}:20:9: rule id.casualty.no-negative has no negative example" in out
    assert f"{path}:26:9: rule id.casualty.never-fires has no positive example" in out
    assert f"{path}:26:9: rule id.casualty.never-fires never fires on its own examples" in out
    assert "FAIL id.casualty.lost-count" not in out
    assert "6 examples of 4 rules: 5 passed, 1 failed, 3 coverage problems" in out
    assert "id.casualty.says-killed-since" not in out  # with a PATH, only that pack's rules are tested


def test_rules_test_selects_rules_by_id(authoring):
    proc = factx("rules", "test", "pack", "--id", "id.casualty.lost-*", cwd=authoring)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "2 examples of 1 rule: 2 passed, 0 failed"


# -- the editor schema --------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["rules", "parties", "places"])
def test_committed_schema_is_current(target, tmp_path):
    proc = factx("schema", target, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    committed = (ROOT / "schema" / f"{target}.schema.json").read_text(encoding="utf-8")
    assert proc.stdout == committed, f"regenerate it: factx schema {target} > schema/{target}.schema.json"


def test_shipped_files_validate_against_the_committed_schema():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((ROOT / "schema" / "rules.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "rules").rglob("*.yaml"))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert not errors, f"{path}: {errors[:3]}"
    assert list(validator.iter_errors({"kind": "casualty", "lang": "id", "rules": [{"id": "id.casualty.x"}]}))


# -- the time budget: what the static check cannot see is cut off at run time ---------------------

SLOW = r"""kind: casualty
lang: id
rules:
  - id: id.casualty.slow
    description: "overlapping branches nested one level down: the static check does not see through them"
    pattern: '(?:a|(?:aa|ba))+\s+{count}\s+tewas'
    fields: {outcome: killed}
"""

SLOW_ARTICLE = f"""Warga {'a' * 60} melaporkan bahwa tidak ada yang tewas di desa itu.

Kementerian Pertahanan Armenia mengatakan tiga tentara tewas.
"""


def test_a_slow_user_pattern_is_cut_off_and_the_other_claims_still_come_out(tmp_path):
    write(tmp_path / "slow", "casualty.yaml", SLOW)
    write(tmp_path, "article.txt", SLOW_ARTICLE)
    checked = factx("rules", "check", "slow", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    proc = factx("extract", "--lang", "id", "--rules", "slow", "article.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert any("id.casualty.slow" in w and "time budget" in w for w in doc["warnings"]), doc["warnings"]
    assert "id.casualty.slow" in proc.stderr
    counts = [c["count"]["value"] for c in doc["claims"] if c["kind"] == "casualty"]
    assert 3 in counts


SHADOWED = r"""kind: casualty
lang: id
rules:
  - id: id.casualty.buried
    description: "menguburkan N tentara: the general reading"
    pattern: 'menguburkan\s+{count}\s+{victims}'
    fields: {outcome: killed}
    examples:
      - text: "Armenia menguburkan 12 tentara."
        expect: {count: {value: 12}, outcome: killed}
      - text: "Pasukan itu menguburkan 20 ranjau."
        expect: none
  - id: id.casualty.buried-enemy
    description: "menguburkan N tentara <party>: the specific reading, listed after the general one"
    pattern: 'menguburkan\s+{count}\s+tentara\s+{party:victim_party}'
    fields: {outcome: killed}
    examples:
      - text: "Armenia menguburkan 12 tentara Azerbaijan."
        expect: {victim_party: azerbaijan}
      - text: "Armenia menguburkan 12 tentara."
        expect: none
"""


def test_rules_test_reports_an_example_the_whole_pack_shadows(tmp_path):
    """Each example holds for its rule alone, but with the whole pack running the general
    rule (listed first) takes the text: `rules test` says so and which rule took it."""
    write(tmp_path / "pack", "casualty.yaml", SHADOWED)
    proc = factx("rules", "test", "pack", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    path = os.path.join("pack", "casualty.yaml")
    assert (f"FAIL id.casualty.buried-enemy ({path}:18)\n"
            "  text: Armenia menguburkan 12 tentara Azerbaijan.\n"
            "  victim_party: expected azerbaijan, got null\n"
            "  holds for this rule alone, but not with the whole pack: id.casualty.buried (listed before it) "
            "takes the text; list the more specific rule first\n") in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "4 examples of 2 rules: 3 passed, 1 failed"
