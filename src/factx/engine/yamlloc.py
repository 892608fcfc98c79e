"""Safe YAML loading that remembers where every node stands.

Rule files are data from strangers: only plain mappings, lists and scalars are
built (no tags, no anchors into objects), duplicate keys are errors, and every
value keeps its line and column so that a validation error can point at it as
`path:line:col`, the way pySigma and RenderCV report.
"""
from __future__ import annotations

from typing import Any

from ..plain import Plain

# PyYAML is imported where it is used: a run that takes its rule set from the disk cache
# (engine/cache.py) parses no YAML and should not pay for importing it.

Path_ = tuple  # a path into the data: ("rules", 3, "pattern")

# Plain classes, not dataclasses: cheaper to import (see plain.py).


class LocatedError(Plain):
    __slots__ = ("path", "line", "col", "message")

    def __init__(self, path: str, line: int, col: int, message: str):
        self.path = path
        self.line = line  # 1-based
        self.col = col  # 1-based
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class Located(Plain):
    __slots__ = ("data", "marks", "errors", "path")

    def __init__(self, data: Any, marks: dict[Path_, tuple[int, int]] | None = None,
                 errors: list[LocatedError] | None = None, path: str = ""):
        self.data = data
        self.marks = {} if marks is None else marks
        self.errors = [] if errors is None else errors
        self.path = path

    def where(self, loc: Path_) -> tuple[int, int]:
        """Line/col of the deepest node on `loc` that exists (a missing key points at its parent)."""
        loc = tuple(loc)
        while loc not in self.marks and loc:
            loc = loc[:-1]
        return self.marks.get(loc, (1, 1))

    def error(self, loc: Path_, message: str) -> LocatedError:
        line, col = self.where(loc)
        return LocatedError(self.path, line, col, message)


_scalar_loader: yaml.SafeLoader | None = None  # one instance, used only to convert resolved scalars


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:str" or node.style in ("'", '"', "|", ">"):
        return node.value
    global _scalar_loader
    if _scalar_loader is None:
        import yaml

        _scalar_loader = yaml.SafeLoader("")
    tag = node.tag
    if tag == "tag:yaml.org,2002:int":
        return _scalar_loader.construct_yaml_int(node)
    if tag == "tag:yaml.org,2002:float":
        return _scalar_loader.construct_yaml_float(node)
    if tag == "tag:yaml.org,2002:bool":
        return _scalar_loader.construct_yaml_bool(node)
    if tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def load_located(text: str, path: str) -> Located:
    import yaml

    try:  # libyaml's composer is ~10x faster; the pure-Python one gives the same nodes
        _Loader = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on the PyYAML build
        _Loader = yaml.SafeLoader

    out = Located(data=None, path=path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        msg = " ".join(str(x) for x in (e.context, e.problem) if x)
        out.errors.append(LocatedError(path, line, col, f"YAML syntax error: {msg}"))
        return out
    except yaml.YAMLError as e:
        out.errors.append(LocatedError(path, 1, 1, f"YAML error: {e}"))
        return out
    if root is None:
        out.data = {}
        return out

    def build(node: yaml.Node, loc: Path_) -> Any:
        out.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    out.errors.append(_at(path, key_node, "mapping keys must be plain scalars"))
                    continue
                key = _scalar(key_node)
                if key == "<<":
                    out.errors.append(_at(path, key_node, "merge keys (<<) are not supported in rule files"))
                    continue
                if key in result:
                    first = out.marks.get(loc + (key,), (0, 0))
                    out.errors.append(_at(path, key_node, f"duplicate key {key!r} (first at line {first[0]})"))
                    continue
                result[key] = build(value_node, loc + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag.startswith("!") or node.tag not in _PLAIN_TAGS:
            out.errors.append(_at(path, node, f"tag {node.tag} is not allowed in rule files"))
            return None
        return _scalar(node)

    out.data = build(root, ())
    return out


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


def _at(path: str, node: yaml.Node, message: str) -> LocatedError:
    return LocatedError(path, node.start_mark.line + 1, node.start_mark.column + 1, message)
