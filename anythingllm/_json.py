"""``loads``: ``json.loads`` for the hot paths, by json's C scanner directly when the text is one bare value.

A stream event's ``data`` and a document's ``metadata`` are nearly always exactly one JSON value; the
scanner that ``json.loads`` itself ends in reads it without the Python layers around it (argument
checks, ``decode``, ``raw_decode`` and two whitespace matches: most of the cost for short texts).
Anything else (padding, trailing data, not JSON) goes through the full decoder, so what is accepted
and what is refused (``ValueError``) is exactly what ``json.loads`` accepts and refuses.
"""

from __future__ import annotations

import json
from typing import Any

_decoder = json.JSONDecoder()
_scan = _decoder.scan_once  # type: ignore[attr-defined]  # the C scanner under json.loads (not in typeshed)


def loads(text: str) -> Any:
    """``json.loads(text)`` for a ``str``, faster when it is one bare JSON value."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:  # no value at the first character (leading whitespace, or not JSON)
        return _decoder.decode(text)
    if end != len(text):
        return _decoder.decode(text)
    return value
