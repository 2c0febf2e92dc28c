"""Record: the base of the client's small immutable value objects (calls, request options, retry policy).

A frozen dataclass compiles half a dozen methods from source when its class is made, about 0.4 ms a
class: for the classes built on this, more than the rest of importing the client. A record's methods
are written once, here: equality, hash and repr over its fields (its annotated ``__slots__``, base
classes' first, in annotation order; a ``_private`` slot is not a field), no assignment after
``__init__``, and :meth:`Record.replace_fields`. Fields named in ``_quiet`` are left out of the repr
and of comparisons.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")

_set = object.__setattr__


class Record:
    """An immutable object whose fields are its ``__slots__``; subclasses set them with :func:`init_fields`."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _quiet: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: list[str] = []
        for klass in reversed(cls.__mro__):  # in the order the fields are annotated (__slots__ may be sorted)
            slots = vars(klass).get("__slots__", ())
            annotated = vars(klass).get("__annotations__", {})
            names += [n for n in annotated if n in slots and n not in names and not n.startswith("_")]
        cls._fields = tuple(names)

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields if name not in self._quiet)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._quiet)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is immutable")

    def replace_fields(self: R, **changes: Any) -> R:
        """A copy with ``changes``, made by the class's ``__init__`` (so its checks run again)."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)


def init_fields(record: Record, **values: Any) -> None:
    """Set ``record``'s fields in its ``__init__`` (the only place they are ever set)."""
    for name, value in values.items():
        _set(record, name, value)
