"""Read the recordings of the real server (the VCR cassettes in tests/cassettes) as plain data.

The cassettes are unchanged copies of the shared v1.16.0 recordings, so CI never needs ../shared for
them; only the pinned upstream spec (never committed) is read: from spec/openapi.json (which
``make regen`` downloads) or ../shared, whichever has the sha256 of spec/openapi.lock.json.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import regen
import yaml
from regen_pin import local_copy

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "anythingllm"
RECORDINGS = ROOT / "tests" / "cassettes"

PIN = regen.load_pin(regen.LOCK)
_FOUND = local_copy(PIN, regen.pinned_candidates(PIN))
PINNED_SPEC = _FOUND or SHARED / "openapi" / f"{PIN.tag}.json"
"""The pinned upstream spec: a local copy with the locked sha256 (see :func:`available`)."""


@dataclass(frozen=True)
class Interaction:
    """One recorded request and the server's answer."""

    cassette: str
    index: int
    method: str
    uri: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        """The URL path, e.g. /api/v1/workspaces."""
        return urlsplit(self.uri).path

    @property
    def content_type(self) -> str:
        """The response media type without parameters ('' when the server sent none)."""
        return self.headers.get("content-type", "").split(";")[0].strip()

    def json(self) -> Any:
        """The response body as JSON."""
        return json.loads(self.body)

    def to_httpx(self) -> httpx.Response:
        """The recorded answer as an httpx response, with its request attached."""
        request = httpx.Request(self.method, self.uri, headers=self.request_headers, content=self.request_body)
        headers = {k: v for k, v in self.headers.items() if k not in ("content-encoding", "transfer-encoding")}
        return httpx.Response(self.status, headers=headers, content=self.body, request=request)


def _text(value: Any) -> bytes:
    if isinstance(value, dict):
        value = value.get("string", "")
    if value is None:
        return b""
    return value if isinstance(value, bytes) else str(value).encode()


def _headers(raw: dict[str, list[str]] | None) -> dict[str, str]:
    return {k.lower(): (v[0] if isinstance(v, list) else str(v)) for k, v in (raw or {}).items()}


@functools.cache
def load(cassette: str) -> tuple[Interaction, ...]:
    """Every interaction of ``cassette`` (a file name with or without .yaml), in recorded order."""
    name = cassette if cassette.endswith(".yaml") else f"{cassette}.yaml"
    data = yaml.safe_load((RECORDINGS / name).read_text())
    out = []
    for n, item in enumerate(data["interactions"], 1):
        req, res = item["request"], item["response"]
        out.append(
            Interaction(
                cassette=name,
                index=n,
                method=req["method"].upper(),
                uri=req["uri"],
                request_headers=_headers(req.get("headers")),
                request_body=_text(req.get("body")),
                status=int(res["status"]["code"]),
                headers=_headers(res.get("headers")),
                body=_text(res.get("body", res.get("content"))),
            )
        )
    return tuple(out)


OLDER_RELEASE = re.compile(r"^v\d+_\d+_\d+_")
"""Cassettes of an older server release are named after it (``v1_12_0_*.yaml``)."""


def cassettes() -> list[str]:
    """Names of every cassette recorded from the pinned server (not those of older releases)."""
    return sorted(p.name for p in RECORDINGS.glob("*.yaml") if not OLDER_RELEASE.match(p.name))


def all_interactions() -> list[Interaction]:
    """Every interaction of every cassette."""
    return [i for name in cassettes() for i in load(name)]


def available() -> bool:
    """Whether a copy of the pinned upstream spec is here (the cassettes always are)."""
    return RECORDINGS.is_dir() and _FOUND is not None


# Raw (dict-level) access, for tests that rebuild httpx objects from the YAML as recorded.


@functools.cache
def _raw(name: str) -> tuple[dict[str, Any], ...]:
    path = RECORDINGS / f"{name.removesuffix('.yaml')}.yaml"
    with path.open(encoding="utf-8") as handle:
        return tuple(yaml.safe_load(handle)["interactions"])


def cassette_names() -> list[str]:
    """The names (without ``.yaml``) of every cassette recorded from the pinned server."""
    return [name.removesuffix(".yaml") for name in cassettes()]


def load_interactions(name: str) -> list[dict[str, Any]]:
    """The raw interactions of cassette ``name`` (``auth`` or ``auth.yaml``), in recorded order."""
    return list(_raw(name))


def _pairs(headers: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(key, value) for key, values in headers.items() for value in values]


def response_body(interaction: dict[str, Any]) -> bytes:
    """The recorded response body of a raw interaction, as bytes."""
    response = interaction["response"]
    raw = response["content"] if "content" in response else response["body"]["string"]
    return raw.encode() if isinstance(raw, str) else bytes(raw)


def to_httpx_request(interaction: dict[str, Any]) -> httpx.Request:
    """The recorded request of a raw interaction as an :class:`httpx.Request`."""
    request = interaction["request"]
    body = request.get("body") or b""
    content = body.encode() if isinstance(body, str) else bytes(body)
    return httpx.Request(request["method"], request["uri"], headers=_pairs(request["headers"]), content=content)


def to_httpx_response(interaction: dict[str, Any]) -> httpx.Response:
    """The recorded response of a raw interaction as a read :class:`httpx.Response`, request attached."""
    response = interaction["response"]
    return httpx.Response(
        response["status"]["code"],
        headers=_pairs(response["headers"]),
        content=response_body(interaction),
        request=to_httpx_request(interaction),
    )
