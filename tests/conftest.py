"""Fixtures: a client of each kind (sync and async) replaying cassettes recorded from the real server."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import vcr

from anythingllm._client import AnythingLLMClient, AsyncAnythingLLMClient

CASSETTES = Path(__file__).parent / "cassettes"
RECORDED_BASE_URL = "http://127.0.0.1:3001"
RECORDED_KEY = "REDACTED-API-KEY"  # what the recordings hold in place of the real key


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def replay(cassette: str) -> Any:
    """Replay ``tests/cassettes/<cassette>.yaml``; a request it does not hold fails the test."""
    return vcr.VCR(record_mode="none", decode_compressed_response=True).use_cassette(
        str(CASSETTES / f"{cassette}.yaml")
    )


async def resolve(value: Any) -> Any:
    """The result of a client call, whether the client is sync (a value) or async (an awaitable)."""
    return await value if inspect.isawaitable(value) else value


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
