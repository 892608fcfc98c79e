"""The CLI's plain-data output path (factx/record.py) against the pydantic models."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DEV, SEED

import factx
from factx import record
from factx.api import extract_record
from factx.models import CLAIM_MODELS, Count, Document, Evidence, Location


def _layout(model) -> list[tuple[str, object]]:
    out = []
    for name, f in model.model_fields.items():
        if f.is_required():
            out.append((name, record._REQUIRED))
        else:
            out.append((name, f.get_default(call_default_factory=True)))
    return out


def test_layout_is_what_the_models_declare():
    models = {"evidence": Evidence, "count": Count, "location": Location, "document": Document, **CLAIM_MODELS}
    for name, model in models.items():
        want = _layout(model)
        got = record.LAYOUT[name]
        if name in CLAIM_MODELS:  # each claim model narrows `kind` to a default; the extractor always sets it
            want = [(n, record._REQUIRED if n == "kind" else d) for n, d in want]
        assert got == want, name
    assert set(record.LAYOUT) == set(models)
    assert record.KINDS == tuple(CLAIM_MODELS)


def _articles():
    paths = [SEED] + (sorted(DEV.glob("*.txt")) if DEV.is_dir() else [])
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.parametrize("text", _articles() + ["", "   ", "Ceci n'est pas un article.",
                                                 "Armenia said 5 soldiers were killed in Ganja on 3 October."])
def test_plain_record_is_the_models_json_with_the_same_key_order(text):
    rec = extract_record(text, source="x.txt", warnings=["note"])
    via_models = Document.model_validate(rec).model_dump(mode="json")
    assert json.dumps(rec, ensure_ascii=False) == json.dumps(via_models, ensure_ascii=False)
    assert factx.extract(text, source="x.txt", warnings=["note"]).model_dump(mode="json") == rec


def test_record_refuses_what_the_models_would_refuse():
    with pytest.raises(ValueError, match="unknown field"):
        record.document({"source": "-", "lang": None, "published": None, "title": None, "bogus": 1})
    with pytest.raises(ValueError, match="missing"):
        record.document({"source": "-", "lang": None, "published": None})


def test_a_warm_cli_run_imports_neither_pydantic_nor_the_rule_file_schema():
    # pydantic alone costs ~45 ms a run: the CLI path builds its JSON as plain data (record.py)
    SEED_ARG = str(SEED)
    code = ("import sys, runpy; sys.argv = ['factx', 'extract', %r]\n"
            "from factx.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m in ('pydantic', 'factx.models', 'factx.engine.schema',"
            " 'factx.engine.loader', 'factx.engine.compile')), file=sys.stderr)") % SEED_ARG
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # warms the cache
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"
