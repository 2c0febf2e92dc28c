"""The two I/O drivers against the local fault server; every case runs once sync and once async."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import anyio
import httpx
import pytest

from anythingllm._options import RequestOptions
from anythingllm._retry import RetryEvent, RetryPolicy
from anythingllm._transport import send_async, send_sync, stream_errors
from anythingllm.errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    InvalidResponseError,
    NotFoundError,
    ServerError,
    WrongEndpointError,
)
from tests.faultserver import FaultServer, Reply, fault_server
from tests.recordings import load_interactions, response_body

__all__ = ["fault_server"]

AUTH_OK = load_interactions("auth")[0]  # GET /v1/auth -> 200 {"authenticated":true}
WORKSPACE_NEW_OK = load_interactions("workspace_lifecycle")[0]  # POST /v1/workspace/new -> 200
STREAM_OK = load_interactions("workspace_stream_chat")[1]  # POST /v1/workspace/{slug}/stream-chat -> SSE
SSE_EVENTS = [
    line.removeprefix("data: ") for line in response_body(STREAM_OK).decode().splitlines() if line.startswith("data: ")
]
AUTH, NEW, CHAT = "/api/v1/auth", "/api/v1/workspace/new", "/api/v1/workspace/vcr-stream-ws/stream-chat"
FAST = RequestOptions.create(5.0)


@dataclass
class Result:
    """What a driver call produced: the response and, for streams, the text read from it."""

    response: httpx.Response
    text: str = ""


@dataclass
class Driver:
    """Runs :func:`send_sync` or :func:`send_async` (inside ``anyio.run``) with the same arguments."""

    mode: str
    retries: list[RetryEvent] = field(default_factory=list)

    def policy(self) -> RetryPolicy:
        return RetryPolicy(random=lambda: 0.0, on_retry=self.retries.append)

    def call(
        self,
        method: str,
        url: str,
        *,
        options: RequestOptions = FAST,
        stream: bool = False,
        expect_json: bool = True,
        **build: Any,
    ) -> Result:
        """Send once; a streamed response is read to the end (errors mapped) and closed."""
        kwargs: dict[str, Any] = {"stream": stream, "expect_json": expect_json, "policy": self.policy()}
        if self.mode == "sync":
            with httpx.Client() as client:
                response = send_sync(client, client.build_request(method, url, **build), options, **kwargs)
                with stream_errors(response):
                    text = "".join(response.iter_text()) if stream else ""
                response.close()
                return Result(response, text)

        async def run() -> Result:
            async with httpx.AsyncClient() as client:
                request = client.build_request(method, url, **build)
                response = await send_async(client, request, options, **kwargs)
                with stream_errors(response):
                    text = "".join([part async for part in response.aiter_text()]) if stream else ""
                await response.aclose()
                return Result(response, text)

        return anyio.run(run)


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> Driver:
    return Driver(request.param)


def _raises(cls: type[ApiError], call: Callable[[], Any]) -> ApiError:
    with pytest.raises(cls) as caught:
        call()
    return caught.value


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_get_succeeds_after_503(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("GET", AUTH, Reply.text("Service Unavailable", status=503), Reply.recorded(AUTH_OK))
    result = driver.call("GET", fault_server.url(AUTH))
    assert result.response.json() == {"authenticated": True}
    assert fault_server.count("GET", AUTH) == 2
    assert [(e.attempt, e.status) for e in driver.retries] == [(1, 503)]


def test_post_is_not_retried_on_503(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("POST", NEW, Reply.text("Service Unavailable", status=503))
    error = _raises(ServerError, lambda: driver.call("POST", fault_server.url(NEW), json={"name": "x"}))
    assert error.status_code == 503
    assert "Service Unavailable" in error.message
    assert fault_server.count("POST", NEW) == 1
    assert driver.retries == []


def test_post_is_retried_when_the_connection_is_refused(driver: Driver) -> None:
    url = f"http://127.0.0.1:{_closed_port()}{NEW}"
    error = _raises(APIConnectionError, lambda: driver.call("POST", url, json={"name": "x"}))
    assert "is the server running on that port?" in error.message
    assert [e.attempt for e in driver.retries] == [1, 2]
    assert all(isinstance(e.error, httpx.ConnectError) for e in driver.retries)


def test_429_retry_after_is_honoured(driver: Driver, fault_server: FaultServer) -> None:
    too_many = Reply.text("Too Many Requests", status=429, headers=(("Retry-After", "1"),))
    fault_server.script("GET", AUTH, too_many, Reply.recorded(AUTH_OK))
    result = driver.call("GET", fault_server.url(AUTH))  # the sleep itself: test_reliability records it
    assert result.response.status_code == 200
    assert [(e.status, e.delay) for e in driver.retries] == [(429, 1.0)]


@pytest.mark.parametrize(("method", "path", "attempts"), [("GET", AUTH, 3), ("POST", NEW, 1)])
def test_connection_dropped_mid_body(
    driver: Driver, fault_server: FaultServer, method: str, path: str, attempts: int
) -> None:
    fault_server.script(method, path, *[Reply.truncated(b'{"authenticated":', 1000)] * attempts)
    error = _raises(APIConnectionError, lambda: driver.call(method, fault_server.url(path)))
    assert "broke" in error.message
    assert fault_server.count(method, path) == attempts
    assert len(driver.retries) == attempts - 1


def test_get_recovers_from_a_dropped_body_and_a_hang_up(driver: Driver, fault_server: FaultServer) -> None:
    dropped = Reply.truncated(b'{"authenticated":', 1000)
    fault_server.script("GET", AUTH, dropped, Reply.hang_up_now(), Reply.recorded(AUTH_OK))
    assert driver.call("GET", fault_server.url(AUTH)).response.json() == {"authenticated": True}
    assert fault_server.count("GET", AUTH) == 3


def test_malformed_json_is_an_invalid_response(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("GET", AUTH, Reply.json('{"authenticated": tru'))
    error = _raises(InvalidResponseError, lambda: driver.call("GET", fault_server.url(AUTH)))
    assert "not valid JSON" in error.message
    assert fault_server.count("GET", AUTH) == 1


@pytest.mark.parametrize("stream", [False, True])
def test_html_200_is_a_wrong_endpoint(driver: Driver, fault_server: FaultServer, stream: bool) -> None:
    page = "<!doctype html><html><head><title>AnythingLLM</title></head><body><div id=root></div></body></html>"
    fault_server.script("POST", CHAT, Reply.html(page))
    error = _raises(WrongEndpointError, lambda: driver.call("POST", fault_server.url(CHAT), stream=stream))
    assert "base_url" in error.message
    assert "<" not in str(error.body)


def test_huge_error_body_is_not_read_whole(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("GET", AUTH, Reply.huge(megabytes=20))
    error = _raises(ServerError, lambda: driver.call("GET", fault_server.url(AUTH)))
    assert error.status_code == 500
    assert isinstance(error.body, str) and 100 < len(error.body) <= 2000
    assert len(error.message) < 600
    assert fault_server.abandoned("GET", AUTH) == 1  # the client hung up instead of reading 20 MB


def test_recorded_error_through_the_wire(driver: Driver, fault_server: FaultServer) -> None:
    missing = load_interactions("errors_chat")[16]  # GET thread chats of an unknown thread -> 404 JSON
    path = httpx.URL(missing["request"]["uri"]).path
    fault_server.script("GET", path, Reply.recorded(missing))
    error = _raises(NotFoundError, lambda: driver.call("GET", fault_server.url(path)))
    assert '"Thread not found"' in error.message
    assert error.details == {"message": "Thread not found"}


def test_stream_is_returned_open_and_read_to_the_end(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("POST", CHAT, Reply.sse(SSE_EVENTS))
    result = driver.call("POST", fault_server.url(CHAT), stream=True, json={"message": "hi"})
    assert result.text == "".join(f"data: {event}\n\n" for event in SSE_EVENTS)


def test_stalled_stream_times_out(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("POST", CHAT, Reply.sse(SSE_EVENTS[:1], stall=4.0))
    options = FAST.replace(stream_idle_timeout=0.3)
    started = time.monotonic()
    error = _raises(APITimeoutError, lambda: driver.call("POST", fault_server.url(CHAT), options=options, stream=True))
    assert time.monotonic() - started < 2.5
    assert "stream_idle_timeout" in error.message
    assert fault_server.count("POST", CHAT) == 1


def test_stream_cut_before_its_final_chunk(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("POST", CHAT, Reply.sse(SSE_EVENTS[:2], complete=False))
    error = _raises(APIConnectionError, lambda: driver.call("POST", fault_server.url(CHAT), stream=True))
    assert "broke" in error.message
    assert fault_server.count("POST", CHAT) == 1


def test_the_request_carries_the_options_timeout(driver: Driver, fault_server: FaultServer) -> None:
    fault_server.script("POST", CHAT, Reply.sse(SSE_EVENTS[:1]), Reply.recorded(WORKSPACE_NEW_OK))
    options = RequestOptions.create(12.0, stream_idle_timeout=3.0)
    streamed = driver.call("POST", fault_server.url(CHAT), options=options, stream=True).response
    plain = driver.call("POST", fault_server.url(CHAT), options=options).response
    assert streamed.request.extensions["timeout"] == {"connect": 10.0, "read": 3.0, "write": 12.0, "pool": 12.0}
    assert plain.request.extensions["timeout"] == {"connect": 10.0, "read": 12.0, "write": 12.0, "pool": 12.0}
