"""Recorded streaming responses of the v1.16.0 cassettes, and a transport that replays them.

The cassettes hold the real server's SSE bodies verbatim; :func:`find` picks one interaction by its
path and request body, and :func:`replay_transport` serves it back (status, headers, body bytes) to an
``httpx.Client`` or ``httpx.AsyncClient``, optionally in small pieces or cut short.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpx
import yaml

from tests.recordings import RECORDINGS

# Framing headers describe the recorded connection, not the body; httpx computes its own.
_FRAMING = {"content-length", "transfer-encoding", "connection", "keep-alive"}


@dataclass(frozen=True)
class Recorded:
    """One recorded interaction: the request line and body, and the response as the server sent it."""

    cassette: str
    number: int
    method: str
    url: str
    request_body: str | None
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def path(self) -> str:
        """The request path (``/api/v1/...``)."""
        return httpx.URL(self.url).path

    @property
    def request_json(self) -> Any:
        """The decoded JSON request body (None without one)."""
        return json.loads(self.request_body) if self.request_body else None

    def payloads(self) -> list[dict[str, Any]]:
        """The JSON objects of the body's ``data:`` lines, in order."""
        return [json.loads(line[len(b"data:") :]) for line in self.body.splitlines() if line.startswith(b"data:")]

    def cut_before(self, nth_event: int) -> bytes:
        """The body's bytes before its ``nth_event``-th (0-based; negative from the end) ``data:`` event."""
        starts = [i for i in range(len(self.body)) if self.body.startswith(b"data:", i)]
        return self.body[: starts[nth_event]]

    def framing_free_headers(self) -> list[tuple[str, str]]:
        """The recorded response headers without the framing ones."""
        return [(name, value) for name, value in self.headers if name.lower() not in _FRAMING]


@cache
def _interactions(cassette: str) -> list[dict[str, Any]]:
    path = RECORDINGS / f"{cassette}.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"recorded cassette not found: {path}")
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]
    assert isinstance(items, list)
    return items


def recorded(cassette: str, number: int) -> Recorded:
    """Interaction ``number`` (1-based, as in INDEX.md) of ``<cassette>.yaml``."""
    item = _interactions(cassette)[number - 1]
    request, response = item["request"], item["response"]
    body = response["body"]["string"]
    headers = tuple((name, value) for name, values in response["headers"].items() for value in values)
    return Recorded(
        cassette=cassette,
        number=number,
        method=request["method"],
        url=request["uri"],
        request_body=request.get("body"),
        status=response["status"]["code"],
        headers=headers,
        body=body.encode("utf-8") if isinstance(body, str) else bytes(body),
    )


def find(cassette: str, path_endswith: str, **request_fields: Any) -> Recorded:
    """The one interaction whose path ends with ``path_endswith`` and whose JSON request body has
    ``request_fields`` (e.g. ``mode="query"``)."""
    found = []
    for number in range(1, len(_interactions(cassette)) + 1):
        rec = recorded(cassette, number)
        body = rec.request_json if rec.request_body else {}
        if rec.path.endswith(path_endswith) and all(body.get(k) == v for k, v in request_fields.items()):
            found.append(rec)
    assert len(found) == 1, f"{cassette}: {len(found)} interactions match {path_endswith} {request_fields}"
    return found[0]


class _Pieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body delivered in ``size``-byte pieces, for sync and async clients alike."""

    def __init__(self, body: bytes, size: int | None) -> None:
        self._parts = [body[i : i + size] for i in range(0, len(body), size)] if size else [body]

    def __iter__(self) -> Iterator[bytes]:
        yield from self._parts

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self._parts:
            yield part


def replay_transport(rec: Recorded, *, body: bytes | None = None, piece: int | None = 16) -> httpx.MockTransport:
    """A transport answering the recorded request with the recorded status, headers and body.

    ``body`` replaces the body (e.g. a cut-short copy); ``piece`` splits it into pieces of that size.
    """

    def handle(request: httpx.Request) -> httpx.Response:
        assert (request.method, request.url.path) == (rec.method, rec.path), "not the recorded request"
        content = rec.body if body is None else body
        return httpx.Response(rec.status, headers=rec.framing_free_headers(), stream=_Pieces(content, piece))

    return httpx.MockTransport(handle)
