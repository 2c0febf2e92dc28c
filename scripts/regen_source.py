"""Where the raw spec comes from: a file, or a live AnythingLLM server's Swagger UI.

The server does not serve the spec as JSON. It serves Swagger UI at ``/api/docs``: in production
the document is embedded in ``/api/docs/swagger-ui-init.js``, in development in the HTML page
itself. A server started with ``DISABLE_SWAGGER_DOCS=true`` serves neither.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx


class SpecSourceError(Exception):
    """The raw spec could not be obtained; the message is one line for the user."""


@dataclass
class RawSpec:
    """The raw spec bytes as received, parsed, with where they came from."""

    data: bytes
    spec: dict[str, Any]
    source: str
    server_version: str

    @property
    def sha256(self) -> str:
        """Hex digest of the raw bytes."""
        return hashlib.sha256(self.data).hexdigest()


_VERSION_IN_NAME = re.compile(r"v?(\d+\.\d+\.\d+)")


def _check_spec(spec: Any, where: str) -> dict[str, Any]:
    if not isinstance(spec, dict) or not str(spec.get("openapi", "")).startswith("3."):
        raise SpecSourceError(f"{where} is not an OpenAPI 3 document (no 'openapi: 3.x' key)")
    if not isinstance(spec.get("paths"), dict):
        raise SpecSourceError(f"{where} has no 'paths' object")
    return spec


def read_file(path: Path, server_version: str | None = None) -> RawSpec:
    """Read a spec file; the server version defaults to one found in the file name (v1.16.0.json)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpecSourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        spec = json.loads(data)
    except ValueError as exc:
        raise SpecSourceError(f"{path} is not valid JSON: {exc}") from None
    if server_version is None:
        found = _VERSION_IN_NAME.search(path.name)
        server_version = found.group(1) if found else "unknown"
    return RawSpec(data, _check_spec(spec, str(path)), f"file:{path.name}", server_version)


def extract_embedded_spec(text: str) -> dict[str, Any] | None:
    """Find the OpenAPI document embedded in Swagger UI's init script or HTML page."""
    decoder = json.JSONDecoder()
    for candidate in (text, html.unescape(text)):
        marker = re.search(r'["\']?swaggerDoc["\']?\s*:\s*', candidate)
        starts = [marker.end()] if marker else []
        # Fallback: any object literal whose first key is "openapi".
        starts += [m.start() for m in re.finditer(r'\{\s*"openapi"\s*:', candidate)]
        for start in starts:
            try:
                value, _ = decoder.raw_decode(candidate, start)
            except ValueError:
                continue
            if isinstance(value, dict) and "openapi" in value:
                return value
    return None


def _api_root(url: str) -> str:
    root = url.rstrip("/")
    for suffix in ("/api/docs", "/api/v1", "/api"):
        if root.endswith(suffix):
            root = root[: -len(suffix)]
            break
    return root


def fetch_live(url: str, *, timeout: float = 20.0, server_version: str | None = None) -> RawSpec:
    """Pull the spec from a running server at ``url`` (e.g. http://localhost:3001)."""
    root = _api_root(url)
    pages = (f"{root}/api/docs/swagger-ui-init.js", f"{root}/api/docs/")
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True) as client:
            for page in pages:
                response = client.get(page)
                if response.status_code != 200:
                    continue
                spec = extract_embedded_spec(response.text)
                if spec is not None:
                    data = json.dumps(spec, indent=2, ensure_ascii=False).encode() + b"\n"
                    return RawSpec(data, _check_spec(spec, page), f"url:{root}/api/docs", server_version or "unknown")
    except httpx.HTTPError as exc:
        reason = str(exc) or type(exc).__name__
        raise SpecSourceError(f"cannot reach {root}: {reason} (is the server running on that port?)") from None
    raise SpecSourceError(
        f"{root}/api/docs serves no OpenAPI spec: neither swagger-ui-init.js nor the docs page embeds one "
        "(is this an AnythingLLM server? was it started with DISABLE_SWAGGER_DOCS=true?)"
    )
