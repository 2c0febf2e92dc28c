"""Client-side checks of method arguments, run before any request is sent.

Each check raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, bad value) with a
message that starts with the parameter name, e.g. ``"temperature must be a number >= 0, got -1"``.
All functions are pure apart from :func:`check_file_source`, which looks at the file system.
"""

from __future__ import annotations

import io
import math
import os
import stat
from collections.abc import Mapping
from typing import Any, BinaryIO, TypeVar, overload

__all__ = [
    "CHAT_MODES",
    "check_file_source",
    "check_mode",
    "check_number",
    "require_bool",
    "require_list",
    "require_slug",
    "require_text",
    "type_name",
]

T = TypeVar("T")

CHAT_MODES: tuple[str, ...] = ("automatic", "chat", "query")
"""The chat modes the server accepts."""

_SLUG_FORBIDDEN = ("/", "?", "#", "\\")


def type_name(value: object) -> str:
    """The name of ``value``'s type, for error messages about it."""
    return type(value).__name__


def require_text(name: str, value: object) -> str:
    """``value`` must be a ``str`` with at least one non-whitespace character; returned unchanged."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type_name(value)}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty or only whitespace")
    return value


def check_mode(mode: object) -> str:
    """``mode`` must be one of ``automatic``, ``chat``, ``query``."""
    if not isinstance(mode, str):
        raise TypeError(f"mode must be a str, got {type_name(mode)}")
    if mode not in CHAT_MODES:
        raise ValueError(f"mode must be one of {', '.join(CHAT_MODES)}, got {mode!r}")
    return mode


def check_file_source(file_path: str | os.PathLike[str] | None, file_obj: BinaryIO | None) -> str | BinaryIO:
    """Exactly one of ``file_path`` and ``file_obj`` must be given.

    A path must name an existing regular file (returned as a ``str``); a file object must be
    readable and opened in binary mode (returned as is).
    """
    if file_path is not None and file_obj is not None:
        raise ValueError("pass either file_path or file_obj, not both")
    if file_path is None and file_obj is None:
        raise ValueError("file_path or file_obj is required")
    if file_obj is None:
        return _check_path(file_path)
    if not callable(getattr(file_obj, "read", None)):
        raise TypeError(f"file_obj must be a readable binary file object, got {type_name(file_obj)}")
    if isinstance(file_obj, io.TextIOBase):
        raise TypeError("file_obj must be opened in binary mode ('rb'), got a text stream")
    return file_obj


def _check_path(file_path: object) -> str:
    # A str, not a pathlib.Path: building one costs more than the rest of this check (uploads are hot).
    path = os.fspath(file_path) if isinstance(file_path, (str, os.PathLike)) else None
    if not isinstance(path, str):
        raise TypeError(f"file_path must be a str or path, got {type_name(file_path)}")
    if not path.strip():
        raise ValueError("file_path must not be empty")
    try:
        mode = os.stat(path).st_mode  # one system call answers both questions
    except (OSError, ValueError):
        mode = 0
    if stat.S_ISDIR(mode):
        raise ValueError(f"file_path is a directory, not a file: {path!r}")
    if not stat.S_ISREG(mode):
        raise ValueError(f"file_path does not exist or is not a regular file: {path!r}")
    return path


def check_number(name: str, value: object, *, minimum: int | float = 0, integer: bool = False) -> int | float:
    """``value`` must be a finite number (an ``int`` when ``integer``) not below ``minimum``.

    ``bool`` is rejected although it is an ``int`` subclass.
    """
    what = "an integer" if integer else "a number"
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
        raise TypeError(f"{name} must be {what} >= {minimum}, got {value!r} ({type_name(value)})")
    if not math.isfinite(value) or value < minimum:
        raise ValueError(f"{name} must be {what} >= {minimum}, got {value!r}")
    return value


def require_bool(name: str, value: object) -> bool:
    """``value`` must be ``True`` or ``False`` (not a truthy stand-in such as ``1`` or ``"yes"``)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {value!r} ({type_name(value)})")
    return value


@overload
def require_list(name: str, value: object) -> list[str]: ...


@overload
def require_list(name: str, value: object, item_type: type[T]) -> list[T]: ...


def require_list(name: str, value: object, item_type: type[Any] = str) -> list[Any]:
    """``value`` must be a list, tuple or set whose items are all ``item_type``; returned as a new list.

    A ``str`` (or bytes, or a mapping) is refused instead of being iterated item by item. ``bool`` items are
    refused when ``item_type`` is ``int``.
    """
    wanted = item_type.__name__
    if isinstance(value, (str, bytes, bytearray, Mapping)):
        raise TypeError(f"{name} must be a list of {wanted}, got a {type_name(value)}")
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise TypeError(f"{name} must be a list of {wanted}, got {type_name(value)}")
    items = list(value)
    for index, item in enumerate(items):
        if not isinstance(item, item_type) or (isinstance(item, bool) and item_type is not bool):
            raise TypeError(f"{name}[{index}] must be a {wanted}, got {item!r} ({type_name(item)})")
    return items


def require_slug(name: str, value: object) -> str:
    """``value`` must be a non-empty ``str`` usable as one URL path segment (a workspace or thread slug)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type_name(value)}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    if value in (".", "..") or any(ch in value for ch in _SLUG_FORBIDDEN):
        raise ValueError(f"{name} must be a single path segment (no '/', '?', '#', '\\'), got {value!r}")
    return value
