"""Read the recorded VCR cassettes of the real server and turn interactions into httpx objects."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import httpx
import yaml

RECORDINGS = Path(__file__).resolve().parents[1].parent / "shared" / "anythingllm" / "recordings" / "v1.16.0"


def cassette_names() -> list[str]:
    """The names (without ``.yaml``) of every recorded cassette."""
    return sorted(path.stem for path in RECORDINGS.glob("*.yaml"))


@cache
def _load(name: str) -> tuple[dict[str, Any], ...]:
    path = RECORDINGS / f"{name.removesuffix('.yaml')}.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"no cassette {path} (the shared recordings sit next to the repository)")
    with path.open(encoding="utf-8") as handle:
        return tuple(yaml.safe_load(handle)["interactions"])


def load_interactions(name: str) -> list[dict[str, Any]]:
    """The interactions of cassette ``name`` (``auth`` or ``auth.yaml``), in recorded order."""
    return list(_load(name))


def _pairs(headers: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(key, value) for key, values in headers.items() for value in values]


def response_body(interaction: dict[str, Any]) -> bytes:
    """The recorded response body as bytes."""
    response = interaction["response"]
    raw = response["content"] if "content" in response else response["body"]["string"]
    return raw.encode() if isinstance(raw, str) else bytes(raw)


def to_httpx_request(interaction: dict[str, Any]) -> httpx.Request:
    """The recorded request as an :class:`httpx.Request`."""
    request = interaction["request"]
    body = request.get("body") or b""
    content = body.encode() if isinstance(body, str) else bytes(body)
    return httpx.Request(request["method"], request["uri"], headers=_pairs(request["headers"]), content=content)


def to_httpx_response(interaction: dict[str, Any]) -> httpx.Response:
    """The recorded response as a read :class:`httpx.Response`, with its request attached."""
    response = interaction["response"]
    return httpx.Response(
        response["status"]["code"],
        headers=_pairs(response["headers"]),
        content=response_body(interaction),
        request=to_httpx_request(interaction),
    )
