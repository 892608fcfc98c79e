"""The output contract as plain data: field order and defaults of every output model.

`factx.extract()` returns pydantic models (models.py). The CLI needs only their JSON,
so it shapes the extractor's dicts here instead, and a warm `factx extract` never
imports pydantic. tests/test_record.py holds the two to each other: LAYOUT must be
what the models declare, and `document()` must equal
`Document.model_validate(d).model_dump(mode="json")`, key order included.
"""
from __future__ import annotations

KINDS: tuple[str, ...] = ("casualty", "attack", "ceasefire", "quote")

_REQUIRED = object()  # a field with no default: the extractor always fills it

# every model's fields in declaration order, with its default (or _REQUIRED)
_CLAIM = [("id", _REQUIRED), ("kind", _REQUIRED), ("party", _REQUIRED), ("speaker", _REQUIRED),
          ("evidence", _REQUIRED), ("rule", _REQUIRED), ("date", None)]
LAYOUT: dict[str, list[tuple[str, object]]] = {
    "evidence": [("text", _REQUIRED), ("start", _REQUIRED), ("end", _REQUIRED)],
    "count": [("value", None), ("min", None), ("max", None), ("approximate", False)],
    "location": [("name", _REQUIRED), ("place", None), ("naming", None)],
    "casualty": _CLAIM + [("count", _REQUIRED), ("outcome", _REQUIRED), ("victims", "unspecified"),
                          ("victim_party", None), ("since", None)],
    "attack": _CLAIM + [("locations", _REQUIRED), ("attacker", None), ("weapon", None)],
    "ceasefire": _CLAIM + [("event", _REQUIRED), ("count", None), ("accused", None)],
    "quote": _CLAIM + [("text", _REQUIRED), ("direct", True)],
    "document": [("source", _REQUIRED), ("lang", _REQUIRED), ("published", _REQUIRED), ("title", _REQUIRED),
                 ("claims", []), ("warnings", [])],
}


def _shape(d: dict, layout: str) -> dict:
    out = {}
    for name, default in LAYOUT[layout]:
        if name in d:
            out[name] = d[name]
        elif default is _REQUIRED:
            raise ValueError(f"{layout}: {name} is missing")
        else:
            out[name] = list(default) if isinstance(default, list) else default
    extra = set(d) - set(out)
    if extra:
        raise ValueError(f"{layout}: unknown field(s) {', '.join(sorted(extra))}")
    return out


def claim(c: dict) -> dict:
    out = _shape(c, c["kind"])
    out["evidence"] = _shape(out["evidence"], "evidence")
    if c["kind"] == "casualty":
        out["count"] = _shape(out["count"], "count")
    elif c["kind"] == "attack":
        out["locations"] = [_shape(loc, "location") for loc in out["locations"]]
    return out


def document(d: dict) -> dict:
    """`d` (an extraction's plain dict) in the output models' field order, defaults filled."""
    out = _shape(d, "document")
    out["claims"] = [claim(c) for c in out["claims"]]
    out["warnings"] = list(out["warnings"])
    return out
