"""A base for the small data classes of modules that every `factx extract` imports.

`@dataclass` writes and execs the source of `__init__`, `__eq__` and `__repr__` for each
class it decorates, which costs a cold start ~0.2 ms per class. These classes write their
`__init__` by hand and list their fields, in order, as `__slots__`; this base gives them
what the dataclass did: field-wise `==` (unhashable unless `Frozen`) and a field-wise repr.
Slotted objects pickle with protocol 2 and above, which is all the disk cache and
multiprocessing use.
"""
from __future__ import annotations


class Plain:
    __slots__ = ()

    def _astuple(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._astuple() == other._astuple()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass with eq

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"


class Frozen(Plain):
    """A value: hashable on its fields, like a frozen dataclass (not enforced: nothing assigns)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._astuple())
