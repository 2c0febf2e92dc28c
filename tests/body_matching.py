"""Match a request to a recording by its body too: JSON by value, multipart uploads part by part.

httpx picks a random multipart boundary for every upload, so a multipart body is compared as its parts
(each part's headers and content), whatever the boundary; a JSON body is compared as the value it
encodes (key order and spacing aside); any other body byte for byte.
"""

from __future__ import annotations

import json
import re
from typing import Any

MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "same_body")
_BOUNDARY = re.compile(r"boundary=\"?([^\";]+)\"?")


def _header(request: Any, name: str) -> str:
    for key, value in request.headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) else value)
    return ""


def _raw(request: Any) -> bytes:
    content = request.body
    if content is None:
        return b""
    if isinstance(content, str):
        return content.encode("utf-8", "surrogateescape")
    return bytes(content)


def body_key(request: Any) -> Any:
    """What must be equal for two requests' bodies to match."""
    raw = _raw(request)
    content_type = _header(request, "content-type")
    found = _BOUNDARY.search(content_type)
    if content_type.startswith("multipart/") and found:
        boundary = b"--" + found.group(1).encode()
        parts = []
        for chunk in raw.split(boundary)[1:-1]:
            head, _, content = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
            parts.append((sorted(head.lower().split(b"\r\n")), content))
        return ("multipart", parts)
    if raw and "json" in content_type:
        try:
            return ("json", json.loads(raw))
        except ValueError:
            pass
    return ("bytes", raw)


def same_body(first: Any, second: Any) -> None:
    """A VCR matcher: the two requests carry the same body (see the module docstring)."""
    assert body_key(first) == body_key(second)
