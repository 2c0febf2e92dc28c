"""The recorded server answers the benchmarks replay (real v1.16.0 cassettes, never invented bodies).

Cassettes are read from ``tests/cassettes`` (the project's copies), else from the shared recordings
next to the checkout. :data:`OPERATIONS` names the one interaction each benchmarked call replays.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEARCH_PATH = (ROOT / "tests" / "cassettes", ROOT.parent / "shared" / "anythingllm" / "recordings" / "v1.16.0")
BASE_URL = "http://127.0.0.1:3001"  # the recorded server; in-process replays keep its address
API_KEY = "REDACTED-API-KEY"  # what the recordings hold in place of the key
_FRAMING = frozenset({"content-length", "transfer-encoding", "connection", "keep-alive"})


@dataclass(frozen=True)
class Recorded:
    """One recorded interaction: the request line and body, and the server's answer."""

    cassette: str
    number: int
    method: str
    path: str
    query: str
    request_body: bytes
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def key(self) -> tuple[str, str]:
        """What a replay matches on: method and path (the query is ignored)."""
        return self.method, self.path

    def request_json(self) -> Any:
        """The recorded request body as JSON (None when there was none)."""
        return json.loads(self.request_body) if self.request_body else None

    def with_body(self, body: bytes) -> Recorded:
        """The same answer with another body (for the long stream assembled from recorded events)."""
        return Recorded(
            self.cassette, self.number, self.method, self.path, self.query, self.request_body,
            self.status, self.reason, self.headers, body,
        )  # fmt: skip


def _text(value: Any) -> bytes:
    if isinstance(value, dict):
        value = value.get("string", "")
    if value is None:
        return b""
    return value if isinstance(value, bytes) else str(value).encode()


def _find(cassette: str) -> Path:
    for folder in SEARCH_PATH:
        path = folder / f"{cassette}.yaml"
        if path.is_file():
            return path
    raise FileNotFoundError(f"cassette {cassette}.yaml is neither in tests/cassettes nor in the shared recordings")


@functools.cache
def load(cassette: str) -> tuple[Recorded, ...]:
    """Every interaction of ``cassette`` (its name without ``.yaml``), in recorded order."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(_find(cassette).read_text(encoding="utf-8"), Loader=loader)
    out = []
    for number, item in enumerate(data["interactions"], 1):
        request, response = item["request"], item["response"]
        url = urlsplit(request["uri"])
        headers = tuple(
            (name.lower(), value)
            for name, values in (response.get("headers") or {}).items()
            if name.lower() not in _FRAMING
            for value in (values if isinstance(values, list) else [values])
        )
        out.append(
            Recorded(
                cassette=cassette,
                number=number,
                method=request["method"].upper(),
                path=url.path,
                query=url.query,
                request_body=_text(request.get("body")),
                status=int(response["status"]["code"]),
                reason=str(response["status"].get("message") or ""),
                headers=headers,
                body=_text(response.get("body", response.get("content"))),
            )
        )
    return tuple(out)


def interaction(cassette: str, number: int) -> Recorded:
    """Interaction ``number`` (1-based, as in the recordings' INDEX.md) of ``cassette``."""
    return load(cassette)[number - 1]


OPERATIONS: dict[str, tuple[str, int]] = {
    "workspaces.list": ("workspace_lifecycle", 4),  # GET /v1/workspaces, 3 workspaces with threads
    "workspaces.get": ("documents_upload_and_embed", 21),  # GET /v1/workspace/vcr-docs-ws, 4 documents
    "chat.send_message": ("workspace_chat_modes", 2),  # POST /v1/workspace/vcr-chat-ws/chat, mode chat
    "documents.list": ("documents_upload_and_embed", 10),  # GET /v1/documents, the folder tree
    "openai.chat": ("openai_compatible", 3),  # POST /v1/openai/chat/completions, stream=false
    "openai.embeddings": ("openai_compatible", 6),  # POST /v1/openai/embeddings, one string
    "documents.upload": ("documents_upload_and_embed", 5),  # POST /v1/document/upload, multipart
    "chat.stream": ("workspace_stream_chat", 2),  # POST /v1/workspace/vcr-stream-ws/stream-chat, 7 events
}
"""Benchmarked call → the recorded interaction it replays (cassette, number)."""


def operation(name: str) -> Recorded:
    """The recorded interaction of a benchmarked call."""
    return interaction(*OPERATIONS[name])


def sse_events(body: bytes) -> list[bytes]:
    """The events of a recorded SSE body, each with its blank-line terminator."""
    return [event + b"\n\n" for event in body.split(b"\n\n") if event.strip()]


def long_stream(events: int) -> Recorded:
    """The recorded stream-chat answer stretched to ``events`` events.

    The recorded text chunks that leave the stream open are repeated in order; the recorded closing
    chunk and ``finalizeResponseStream`` event end it, so the stream is as valid as the recording.
    """
    recorded = operation("chat.stream")
    parts = sse_events(recorded.body)
    open_chunks = [p for p in parts if b'"close":false' in p]
    closing = [p for p in parts if b'"close":false' not in p]
    if events < len(closing) + 1:
        raise ValueError(f"a stream needs at least {len(closing) + 1} events")
    body = [open_chunks[i % len(open_chunks)] for i in range(events - len(closing))]
    return recorded.with_body(b"".join(body + closing))


def routes(*names: str) -> dict[tuple[str, str], Recorded]:
    """A replay table for the benchmarked calls ``names`` (all of them by default)."""
    table: dict[tuple[str, str], Recorded] = {}
    for name in names or tuple(OPERATIONS):
        recorded = operation(name)
        table[recorded.key] = recorded
    return table
