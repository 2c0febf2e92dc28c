"""Target (a): an in-process httpx transport that answers with recorded responses, for pure client CPU cost.

The same transport object serves the raw httpx baseline, the generated layer and the friendly layer,
so whatever it costs is in every figure alike and cancels out of the ratios.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping

import httpx

from .recordings import Recorded


class _Pieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body handed out ``size`` bytes at a time."""

    def __init__(self, body: bytes, size: int) -> None:
        self.body, self.size = body, size

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), self.size):
            yield self.body[start : start + self.size]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece


class ReplayTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers each request with the recording for its method and path (query ignored); 404 otherwise."""

    def __init__(self, table: Mapping[tuple[str, str], Recorded], *, stream_chunk: int = 16 * 1024) -> None:
        self.table = dict(table)
        self.stream_chunk = stream_chunk
        self.misses: list[str] = []

    def _answer(self, request: httpx.Request) -> httpx.Response:
        recorded = self.table.get((request.method, request.url.path))
        if recorded is None:
            self.misses.append(f"{request.method} {request.url.path}")
            return httpx.Response(404, text=f"no recording for {request.method} {request.url.path}")
        if dict(recorded.headers).get("content-type", "").startswith("text/event-stream"):
            # An event stream arrives in pieces, as from a socket, not as one buffer.
            return httpx.Response(
                recorded.status, headers=recorded.headers, stream=_Pieces(recorded.body, self.stream_chunk)
            )
        return httpx.Response(recorded.status, headers=recorded.headers, content=recorded.body)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a sync request (its body, if streamed, is read and dropped)."""
        if not isinstance(request.stream, httpx.ByteStream):
            for _ in request.stream:  # type: ignore[union-attr]
                pass
        return self._answer(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer an async request."""
        if not isinstance(request.stream, httpx.ByteStream):
            async for _ in request.stream:  # type: ignore[union-attr]
                pass
        return self._answer(request)
