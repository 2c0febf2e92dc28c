"""Shortcuts to recorded response bodies by cassette name and interaction number (1-based, as in INDEX.md)."""

from __future__ import annotations

import json
from typing import Any

from tests.recordings import Interaction, load


def interaction(cassette: str, number: int) -> Interaction:
    """Interaction ``number`` of ``cassette``."""
    return load(cassette)[number - 1]


def status(cassette: str, number: int) -> int:
    """The recorded HTTP status."""
    return interaction(cassette, number).status


def body_text(cassette: str, number: int) -> str:
    """The response body as text."""
    return interaction(cassette, number).body.decode("utf-8")


def request_line(cassette: str, number: int) -> tuple[str, str]:
    """``(method, uri)`` of the request."""
    item = interaction(cassette, number)
    return item.method, item.uri


def json_body(cassette: str, number: int) -> Any:
    """The decoded JSON response body; each call returns a fresh copy."""
    return json.loads(body_text(cassette, number))


def sse_payloads(cassette: str, number: int) -> list[dict[str, Any]]:
    """The JSON payloads of the ``data:`` lines of a recorded event stream."""
    lines = body_text(cassette, number).splitlines()
    return [json.loads(line[len("data:") :].strip()) for line in lines if line.startswith("data:")]
