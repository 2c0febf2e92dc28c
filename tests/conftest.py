"""Fixtures: a client of each kind (sync and async) replaying cassettes recorded from the real server."""

from __future__ import annotations

import inspect
import json
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import vcr
from vcr.persisters.filesystem import FilesystemPersister

import anythingllm
from anythingllm._client import AnythingLLMClient, AsyncAnythingLLMClient
from tests import upstream
from tests.pages_server import pages_server  # noqa: F401  (a fixture for the tests)

pytest_plugins = ["tests.release_under_test"]  # make test-releases: what an older release lacks must be refused

CASSETTES = Path(__file__).parent / "cassettes"
FROM_CHECKOUT = Path(anythingllm.__file__ or "").resolve().parents[1] == Path(__file__).resolve().parents[1]
"""Whether the package runs from this checkout's source (``make test``), not from an installed wheel."""
needs_checkout = pytest.mark.skipif(not FROM_CHECKOUT, reason="needs the package run from its source checkout")
RECORDED_TOKEN = "REDACTED-TOKEN"  # what the recordings hold in place of a login token
RECORDED_PASSWORD = "REDACTED-PASSWORD"  # ... and of a password sent
CANONICAL_ORIGIN = "http://127.0.0.1:3001"  # the origin every cassette holds, whatever port recorded it
RECORDED_BASE_URL = CANONICAL_ORIGIN
RECORDED_KEY = "REDACTED-API-KEY"  # what the recordings hold in place of the real key
if os.environ.get("ANYTHINGLLM_RECORD"):  # recording against a live server: its URL and real key
    RECORDED_BASE_URL = os.environ.get("ANYTHINGLLM_BASE_URL", RECORDED_BASE_URL).rstrip("/")
    RECORDED_KEY = os.environ["ANYTHINGLLM_API_KEY"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked ``pinned_spec``/``release_specs`` are skipped, from one line, without that data."""
    upstream.require(item)


RECORD_MODE = os.environ.get("ANYTHINGLLM_RECORD", "none")
"""``none`` in CI (replay only). ``make record`` sets ``new_episodes`` to record missing interactions."""

_JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")  # a login token in a recorded body
_KEY_SECRET = re.compile(r'("secret"\s*:\s*)"[^"]*"')  # API keys the server lists or creates
# Where the live server is installed shows in its answers (StorageDir, uploaded files' hotdir URLs); the
# recordings say /app/server and /app/collector (the paths of the official image) instead.
_INSTALL_PATH = re.compile(r"/(?:[\w.\-]+/)+?(server|collector)/(?=storage\b|hotdir\b)")
_LIVE_ROOT = re.compile(r"/(?:[^/\s\"'\\]+/)*anythingllm-live/[^/\s\"'\\]+/src/")  # the live recipe's install folder


def scrub_text(text: str) -> str:
    """A recorded body without the live key, login tokens, key secrets or the server's install path."""
    text = text.replace(RECORDED_KEY, "REDACTED-API-KEY")
    text = _KEY_SECRET.sub(r'\1"REDACTED-API-KEY"', _JWT.sub("REDACTED-TOKEN", text))
    return _LIVE_ROOT.sub("/app/", _INSTALL_PATH.sub(r"/app/\1/", text))


def _canonical_uri(uri: str) -> str:
    """``uri`` with the live server's origin replaced by :data:`CANONICAL_ORIGIN`.

    A server recorded on another loopback port (a second instance, an older release beside the pinned
    one) is stored, and matched while recording, as if it answered at the canonical origin, so the
    replaying clients need one base URL.
    """
    live = RECORDED_BASE_URL.split("/api", 1)[0]
    return CANONICAL_ORIGIN + uri[len(live) :] if live != CANONICAL_ORIGIN and uri.startswith(live) else uri


def _scrub_request(request: Any) -> Any:
    request.uri = _canonical_uri(request.uri)
    for name in [k for k in request.headers if k.lower() == "host"]:
        request.headers[name] = CANONICAL_ORIGIN.split("//", 1)[1]  # the Host header names the origin too
    if "authorization" in {k.lower() for k in request.headers}:
        token = request.headers.get("Authorization", request.headers.get("authorization", ""))
        placeholder = "REDACTED-TOKEN" if token.count(".") == 2 else "REDACTED-API-KEY"
        request.headers["Authorization"] = f"Bearer {placeholder}"
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    body = response.get("body", {})
    if isinstance(body.get("string"), bytes):
        body["string"] = scrub_text(body["string"].decode("utf-8", "replace")).encode()
        for name, values in response.get("headers", {}).items():
            if name.lower() == "content-length":
                values[:] = [str(len(body["string"]))]
    return response


def replay(
    cassette: str,
    *,
    match_on: tuple[str, ...] | None = None,
    matchers: dict[str, Any] | None = None,
    ignore_hosts: tuple[str, ...] = (),
    repeats: bool = False,
) -> Any:
    """Replay ``tests/cassettes/<cassette>.yaml``; a request it does not hold fails the test.

    Under ``make record`` (``ANYTHINGLLM_RECORD=new_episodes``, a live server at ``ANYTHINGLLM_BASE_URL``)
    missing interactions are recorded instead, with keys and login tokens scrubbed before writing.
    ``match_on`` and ``matchers`` (name: function) choose how requests are matched (default: method and URI).
    Requests to ``ignore_hosts`` (e.g. ``localhost``, for a test's own loopback server) pass through;
    ``repeats=True`` lets a recorded answer serve the same request again (for tests that send it twice, or
    a check a newer client adds).
    """
    recorder = vcr.VCR(
        record_mode=RECORD_MODE,
        decode_compressed_response=True,
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        ignore_hosts=ignore_hosts,
    )
    for name, matcher in (matchers or {}).items():
        recorder.register_matcher(name, matcher)
    options: dict[str, Any] = {"allow_playback_repeats": repeats}
    if match_on is not None:
        options["match_on"] = match_on
    return recorder.use_cassette(str(CASSETTES / f"{cassette}.yaml"), **options)


class _Joined:
    """A VCR persister that loads ``a+b.yaml`` as the interactions of ``a.yaml`` followed by ``b.yaml``."""

    @classmethod
    def load_cassette(cls, cassette_path: str, serializer: Any) -> tuple[list[Any], list[Any]]:
        requests: list[Any] = []
        responses: list[Any] = []
        for name in Path(cassette_path).name.removesuffix(".yaml").split("+"):
            more_requests, more_responses = FilesystemPersister.load_cassette(CASSETTES / f"{name}.yaml", serializer)
            requests += more_requests
            responses += more_responses
        return requests, responses

    @staticmethod
    def save_cassette(cassette_path: str, cassette_dict: Any, serializer: Any) -> None:
        raise AssertionError("recorded cassettes are never written")


def replay_joined(*names: str) -> Any:
    """Replay several recorded cassettes of the same server as one (each interaction once, in order per URI).

    For a composed method whose calls were recorded in different sessions; nothing is written.
    """
    joined = vcr.VCR(record_mode="none", decode_compressed_response=True)
    joined.register_persister(_Joined)
    return joined.use_cassette(str(CASSETTES / ("+".join(names) + ".yaml")))


def calls(sent: list[httpx.Request]) -> list[tuple[str, str]]:
    """``(method, path)`` of each request sent."""
    return [(r.method, r.url.path) for r in sent]


def body(request: httpx.Request) -> Any:
    """A sent request's JSON body."""
    return json.loads(request.content)


async def resolve(value: Any) -> Any:
    """The result of a client call, whether the client is sync (a value) or async (an awaitable)."""
    return await value if inspect.isawaitable(value) else value


async def read_to_end(stream: Any) -> None:
    """Read an open stream of the client (chat or completion, sync or async) to its end, or to its error."""
    if hasattr(stream, "__aiter__"):
        async with stream:
            async for _ in stream:
                pass
    else:
        with stream:
            for _ in stream:
                pass


@pytest.fixture
def sent() -> list[httpx.Request]:
    """Every request the ``client`` fixture sends, in order (to check a composed method's calls)."""
    return []


@pytest.fixture(params=["sync", "async"])
async def client(
    request: pytest.FixtureRequest, sent: list[httpx.Request]
) -> AsyncIterator[AnythingLLMClient | AsyncAnythingLLMClient]:
    """The same test runs against the sync and the async client."""
    if request.param == "sync":
        http = httpx.Client(event_hooks={"request": [sent.append]})
        with AnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, max_retries=0, http_client=http) as sync_client:
            yield sync_client
        http.close()
    else:

        async def note(sent_request: httpx.Request) -> None:
            sent.append(sent_request)

        ahttp = httpx.AsyncClient(event_hooks={"request": [note]})
        async with AsyncAnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, max_retries=0, http_client=ahttp) as aclient:
            yield aclient
        await ahttp.aclose()
