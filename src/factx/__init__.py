"""factx: who claims what in war reporting.

`factx.extract(text, lang=None, published=None, rules=None) -> Document`
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "extract_bytes", "Document", "__version__"]


def __getattr__(name: str):
    # Imported on first use so that `factx --version` and `--help` start fast.
    if name in ("extract", "extract_bytes"):
        from . import api

        return getattr(api, name)
    if name == "Document":
        from .models import Document

        return Document
    raise AttributeError(name)
