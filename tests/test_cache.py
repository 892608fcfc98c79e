"""The disk cache of rule sets and compiled languages (engine/cache.py): the same claims
with it, without it and from it; never stale, even after an edit that keeps a rule
file's size and modification time; never trusted when damaged or not private.

Each run is a fresh process with its own cache folder, as a shell loop would start it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import SEED

RUN = """
import json, sys
import factx
doc = factx.extract(open(sys.argv[1], encoding="utf-8").read(), lang="id", rules=sys.argv[2:])
print(json.dumps(doc.model_dump()))
"""

PACK = """kind: casualty
lang: id
rules:
  - id: id.casualty.user-word
    pattern: '{count}\\s+ekor\\s+kambing'
    fields: {outcome: killed}
"""

ARTICLE = "Kementerian Pertahanan Armenia mengatakan lima ekor kambing tewas di desa itu.\n"


def extract(cache_dir, *args: str, **env_extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "FACTX_NO_CACHE"}
    env.update(FACTX_CACHE_DIR=str(cache_dir), **env_extra)
    proc = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("factx-cache")


def test_claims_are_the_same_from_the_cache_without_it_and_in_process(cache_dir):
    import factx

    cold = extract(cache_dir, str(SEED))
    assert sorted(p.name.split("-")[0] for p in cache_dir.iterdir()) == ["lang", "outline", "ownpatterns",
                                                                         "patterns", "rules"]
    warm = extract(cache_dir, str(SEED))
    off = extract(cache_dir, str(SEED), FACTX_NO_CACHE="1")
    here = factx.extract(SEED.read_text(encoding="utf-8"), lang="id").model_dump()
    assert cold == warm == off == json.loads(json.dumps(here))
    assert cold["claims"]


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(cache_dir, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = pack / "casualty.yaml"
    rule.write_text(PACK, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    first = extract(cache_dir, str(article), str(pack))
    assert [c["rule"] for c in first["claims"]] == ["id.casualty.user-word"]

    stat = rule.stat()
    rule.write_text(PACK.replace("kambing", "domba__"), encoding="utf-8")  # same length
    os.utime(rule, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert rule.stat().st_size == stat.st_size and rule.stat().st_mtime_ns == stat.st_mtime_ns
    second = extract(cache_dir, str(article), str(pack))
    assert [c["rule"] for c in second["claims"]] == []  # 'kambing' no longer matches


def test_a_damaged_entry_is_a_miss(cache_dir):
    for entry in cache_dir.iterdir():
        if entry.name.startswith(("rules-", "lang-", "ownpatterns-")):
            entry.write_bytes(b"not a pickle")
    assert extract(cache_dir, str(SEED))["claims"]


def test_a_folder_others_can_write_to_is_never_used(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    doc = extract(shared, str(SEED))
    assert doc["claims"]
    assert list(shared.iterdir()) == []


def test_no_cache_folder_at_all_still_works(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert extract(blocker / "cache", str(SEED))["claims"]
