"""Where rules come from: the rule folders of a run, their files, and the error a broken set raises.

Kept free of the rule-file models (pydantic), so that a run served by the disk cache
can find its rules and report on them without importing what validates them.
"""
from __future__ import annotations

import os
from pathlib import Path

from .yamlloc import LocatedError


class RuleError(Exception):
    """Rule files are broken; `errors` holds every problem found."""

    def __init__(self, errors: list[LocatedError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def shipped_rules_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_packdata" / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"  # a source checkout / editable install


def rule_dirs(extra: list[str] | None = None) -> list[Path]:
    dirs = [shipped_rules_dir()]
    env = os.environ.get("FACTX_RULES", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in (extra or [])]
    # A folder named twice (FACTX_RULES and --rules), or one inside a folder already read,
    # is read once: reading it again would define its parties and places twice.
    out: list[Path] = []
    for d in dirs:
        real = d.resolve()
        if not any(real == o.resolve() or o.resolve() in real.parents for o in out):
            out.append(d)
    return out


def rule_files(folder: Path) -> list[Path]:
    """The YAML files of a rule folder (or the file itself), in a stable order."""
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))
