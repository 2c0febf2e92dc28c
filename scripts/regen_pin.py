"""The pinned upstream spec: what spec/openapi.lock.json names, found locally or downloaded and verified.

The lock is the pin and nothing else: the upstream tag, the URL of ``server/swagger/openapi.json`` at
that tag, and the file's sha256. Regen never rewrites it; the provenance of the last generation lives
in the generated package. With no ``--file``/``--url`` regen takes the first local copy whose digest
matches (``spec/openapi.json``, then the development copy in ``../shared``), and otherwise downloads
the locked URL, verifies the digest and keeps the file as ``spec/openapi.json``.

``ANYTHINGLLM_SPEC_URL`` replaces the locked URL (a mirror, or a local stand-in in the tests); the
digest is verified all the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
from regen_source import RawSpec, SpecSourceError, read_file

URL_ENV = "ANYTHINGLLM_SPEC_URL"


@dataclass(frozen=True)
class Pin:
    """The pinned spec as the lock file states it."""

    tag: str
    url: str
    sha256: str

    @property
    def server_version(self) -> str:
        """The release the tag names, without the ``v``."""
        return self.tag.removeprefix("v")


def load_pin(lock: Path) -> Pin:
    """Read spec/openapi.lock.json."""
    try:
        data = json.loads(lock.read_text())
        return Pin(tag=str(data["tag"]), url=str(data["url"]), sha256=str(data["sha256"]).lower())
    except OSError as exc:
        raise SpecSourceError(f"cannot read {lock}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise SpecSourceError(f"{lock} does not name a pinned spec (tag, url, sha256): {exc}") from None


def digest(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def local_copy(pin: Pin, candidates: Iterable[Path]) -> Path | None:
    """The first of ``candidates`` whose bytes have the pinned digest."""
    for path in candidates:
        try:
            if digest(path.read_bytes()) == pin.sha256:
                return path
        except OSError:
            continue
    return None


def _unavailable(url: str, pin: Pin, why: str) -> SpecSourceError:
    return SpecSourceError(
        f"cannot get the pinned spec {pin.tag} from {url} ({why}; expected sha256 {pin.sha256}); "
        "generate from your own server with --url http://localhost:3001 or from a spec file with --file PATH"
    )


def download(pin: Pin, cache: Path, *, timeout: float = 30.0) -> RawSpec:
    """Fetch the pinned spec (``ANYTHINGLLM_SPEC_URL`` or the locked URL), verify it, keep it in ``cache``."""
    url = os.environ.get(URL_ENV) or pin.url
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise _unavailable(url, pin, str(exc) or type(exc).__name__) from None
    if response.status_code != 200:
        raise _unavailable(url, pin, f"HTTP {response.status_code}")
    got = digest(response.content)
    if got != pin.sha256:
        raise _unavailable(url, pin, f"the download has sha256 {got}")
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_name(f".{cache.name}.partial-{os.getpid()}")
    partial.write_bytes(response.content)
    partial.replace(cache)
    print(f"downloaded the pinned spec {pin.tag} from {url} into {cache.parent.name}/{cache.name}")
    return _as_pinned(read_file(cache), pin)


def _as_pinned(raw: RawSpec, pin: Pin) -> RawSpec:
    raw.server_version = pin.server_version
    raw.source = f"pin:{pin.tag} ({raw.source.removeprefix('file:')})"
    return raw


def pinned_spec(pin: Pin, candidates: Iterable[Path], cache: Path) -> RawSpec:
    """The pinned spec from the first matching local copy, or downloaded into ``cache``."""
    found = local_copy(pin, candidates)
    if found is not None:
        return _as_pinned(read_file(found), pin)
    return download(pin, cache)
