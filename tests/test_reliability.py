"""Reliability end to end: both clients against the local fault-injection server.

Every case runs once with the sync and once with the async client, asserts the exact error type and
counts what reached the server. Retry waits are recorded instead of slept (``sleeps``), so no case
depends on the wall clock; a stall or delay on the server side is longer than the client's timeout,
so the only way to get the expected timeout error is for the client's timeout to fire first.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import types
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from anythingllm import _transport
from anythingllm._client import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    ChatAbortedError,
    InvalidResponseError,
    NotFoundError,
    ServerError,
    StreamConnectionError,
    StreamInterruptedError,
    StreamTimeoutError,
    WrongEndpointError,
)
from anythingllm.streaming import AsyncChatStream, AsyncCompletionStream, ChatStream
from tests.conftest import RECORDED_KEY, resolve
from tests.faultserver import MAX_PAUSE, FaultServer, Reply, closed_port, fault_server, unaccepting_port
from tests.recordings import load_interactions, response_body

__all__ = ["fault_server"]

pytestmark = pytest.mark.anyio

Client = AnythingLLMClient | AsyncAnythingLLMClient
Factory = Callable[[str], Client]

LIST, NEW = "/api/v1/workspaces", "/api/v1/workspace/new"
CHAT, STREAM = "/api/v1/workspace/ws/chat", "/api/v1/workspace/ws/stream-chat"


def _recorded(cassette: str, number: int) -> dict[str, Any]:
    return load_interactions(cassette)[number - 1]


LIST_OK = Reply.recorded(_recorded("workspace_lifecycle", 4))  # GET /v1/workspaces -> 200 {"workspaces": [...]}
NO_WORKSPACE = Reply.recorded(_recorded("errors_workspace", 2))  # GET /v1/workspace/no-such-ws -> {"workspace": []}
STREAMED = _recorded("workspace_stream_chat", 2)  # "Stream hello to me" in chat mode, 7 events
EVENTS = [line[len("data: ") :] for line in response_body(STREAMED).decode().splitlines() if line.startswith("data: ")]
ABORT = response_body(_recorded("errors_chat", 13)).decode().strip()[len("data: ") :]  # an abort event in a 200
WEB_APP = "<!doctype html><html><head><title>AnythingLLM</title></head><body><div id=root></div></body></html>"
UNAVAILABLE = Reply.text("Service Unavailable", status=503)


# --- fixtures -------------------------------------------------------------------------------------------


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every retry wait of the transport, recorded instead of slept (sync and async drivers)."""
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    clock = types.SimpleNamespace(monotonic=time.monotonic, sleep=waits.append)
    monkeypatch.setattr(_transport, "time", clock)
    monkeypatch.setattr(_transport, "_async_sleep", async_sleep)
    return waits


@pytest.fixture(params=["sync", "async"])
async def make_client(
    request: pytest.FixtureRequest, sent: list[httpx.Request], sleeps: list[float]
) -> AsyncIterator[Factory]:
    """Build a client of one kind (default max_retries=2) for a base URL; ``sent`` notes every attempt."""
    pools: list[httpx.Client | httpx.AsyncClient] = []

    async def note(attempt: httpx.Request) -> None:
        sent.append(attempt)

    def build(base_url: str) -> Client:
        if request.param == "sync":
            http = httpx.Client(event_hooks={"request": [sent.append]})
            pools.append(http)
            return AnythingLLMClient(base_url, RECORDED_KEY, http_client=http)
        ahttp = httpx.AsyncClient(event_hooks={"request": [note]})
        pools.append(ahttp)
        return AsyncAnythingLLMClient(base_url, RECORDED_KEY, http_client=ahttp)

    yield build
    for pool in pools:
        if isinstance(pool, httpx.Client):
            pool.close()
        else:
            await pool.aclose()


@pytest.fixture
def client(make_client: Factory, fault_server: FaultServer) -> Client:
    """A client of each kind for the fault server (overrides the cassette client of conftest)."""
    return make_client(fault_server.base_url)


async def _raises(cls: type[ApiError], method: Callable[..., Any], *args: Any, **kwargs: Any) -> ApiError:
    """Call ``method`` (a client method or coroutine function); return its error, exactly of type ``cls``."""
    with pytest.raises(ApiError) as caught:
        await resolve(method(*args, **kwargs))
    assert type(caught.value) is cls, f"{type(caught.value).__name__}: {caught.value}"
    return caught.value


async def _read(stream: ChatStream | AsyncChatStream) -> list[str]:
    """The text deltas of a chat stream, read to its end (or to the error)."""
    if isinstance(stream, AsyncChatStream):
        async with stream:
            return [delta async for delta in stream.text_stream]
    with stream:
        return list(stream.text_stream)


def _attempts(sent: list[httpx.Request]) -> list[tuple[str, str]]:
    return [(r.method, r.url.path) for r in sent]


# --- retries: idempotent methods only, never a POST that may have arrived ---------------------------------


async def test_get_succeeds_after_one_503(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("GET", LIST, UNAVAILABLE, LIST_OK)
    workspaces = await resolve(client.workspaces.list())
    assert workspaces and all("slug" in w for w in workspaces)
    assert fault_server.count("GET", LIST) == 2
    assert len(sleeps) == 1 and 0.0 <= sleeps[0] <= 0.5  # jittered backoff of the first retry


async def test_get_gives_up_after_max_retries(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("GET", LIST, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE)
    error = await _raises(ServerError, client.workspaces.list)
    assert error.status_code == 503 and "Service Unavailable" in error.message
    assert fault_server.count("GET", LIST) == 3
    assert len(sleeps) == 2


async def test_create_is_not_retried_after_503(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("POST", NEW, UNAVAILABLE)
    error = await _raises(ServerError, client.workspaces.create, "Retry WS")
    assert (error.status_code, error.method, error.path) == (503, "POST", NEW)
    assert fault_server.count("POST", NEW) == 1
    assert sleeps == []


async def test_chat_is_not_retried_after_503(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("POST", CHAT, UNAVAILABLE)
    await _raises(ServerError, client.chat.send_message, "ws", "Hello there")
    assert [(r.method, r.path) for r in fault_server.requests] == [("POST", CHAT)]
    assert sleeps == []


async def test_stream_chat_is_not_retried_after_503(
    client: Client, fault_server: FaultServer, sleeps: list[float]
) -> None:
    fault_server.script("POST", STREAM, UNAVAILABLE)
    await _raises(ServerError, client.chat.stream_message, "ws", "Hello there")
    assert fault_server.count("POST", STREAM) == 1
    assert sleeps == []


async def test_post_is_not_retried_after_429(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("POST", NEW, Reply.text("Too Many Requests", status=429, headers=(("Retry-After", "1"),)))
    error = await _raises(ApiError, client.workspaces.create, "Busy WS")
    assert error.status_code == 429 and "Too many requests" in error.message
    assert fault_server.count("POST", NEW) == 1
    assert sleeps == []


async def test_post_is_retried_when_nothing_listens(
    make_client: Factory, sent: list[httpx.Request], sleeps: list[float]
) -> None:
    # Connection refused: not one byte of the request left the client, so sending it again is safe.
    client = make_client(f"http://127.0.0.1:{closed_port()}")
    error = await _raises(APIConnectionError, client.workspaces.create, "Never Sent")
    assert "is the server running on that port?" in error.message
    assert _attempts(sent) == [("POST", NEW)] * 3
    assert len(sleeps) == 2


async def test_post_is_retried_after_a_connect_timeout(
    make_client: Factory, sent: list[httpx.Request], sleeps: list[float]
) -> None:
    with unaccepting_port() as port:
        client = make_client(f"http://127.0.0.1:{port}")
        quick_connect = client.with_options(timeout=httpx.Timeout(30.0, connect=0.2))
        error = await _raises(APITimeoutError, quick_connect.chat.send_message, "ws", "Hello there")
    assert error.message.startswith("Timed out after 0.2 s connecting to")
    assert _attempts(sent) == [("POST", CHAT)] * 3
    assert len(sleeps) == 2


# --- Retry-After ---------------------------------------------------------------------------------------------


def _too_many(retry_after: str) -> Reply:
    return Reply.text("Too Many Requests", status=429, headers=(("Retry-After", retry_after),))


async def test_retry_after_is_honoured(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("GET", LIST, _too_many("1"), LIST_OK)
    assert await resolve(client.workspaces.list())
    assert sleeps == [1.0]
    assert fault_server.count("GET", LIST) == 2


@pytest.mark.parametrize(
    "retry_after",
    ["86400", format_datetime(datetime.now(UTC) + timedelta(days=2), usegmt=True)],
    ids=["seconds", "http-date"],
)
async def test_a_huge_retry_after_is_capped(
    client: Client, fault_server: FaultServer, sleeps: list[float], retry_after: str
) -> None:
    fault_server.script("GET", LIST, _too_many(retry_after), LIST_OK)
    assert await resolve(client.workspaces.list())
    assert sleeps == [30.0]
    assert fault_server.count("GET", LIST) == 2


# --- broken connections ---------------------------------------------------------------------------------------


async def test_post_dropped_mid_body_is_not_retried(
    client: Client, fault_server: FaultServer, sleeps: list[float]
) -> None:
    fault_server.script("POST", NEW, Reply.truncated(b'{"workspace":{"id":', 4000))
    error = await _raises(APIConnectionError, client.workspaces.create, "Half Answered")
    assert "broke during POST /api/v1/workspace/new" in error.message
    assert fault_server.count("POST", NEW) == 1
    assert sleeps == []


async def test_post_hung_up_on_is_not_retried(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("POST", CHAT, Reply.hang_up_now())
    await _raises(APIConnectionError, client.chat.send_message, "ws", "Hello there")
    assert fault_server.count("POST", CHAT) == 1
    assert sleeps == []


async def test_get_dropped_mid_body_is_retried(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    dropped = Reply.truncated(b'{"workspaces":[', 4000)
    fault_server.script("GET", LIST, dropped, Reply.hang_up_now(), LIST_OK)
    assert await resolve(client.workspaces.list())
    assert fault_server.count("GET", LIST) == 3
    assert len(sleeps) == 2


# --- streams ----------------------------------------------------------------------------------------------------


def _sse_events(cassette: str, number: int) -> list[str]:
    """The ``data:`` payloads of a recorded event stream."""
    body = response_body(_recorded(cassette, number)).decode()
    return [line[len("data: ") :] for line in body.splitlines() if line.startswith("data: ")]


THREAD_STREAM = "/api/v1/workspace/ws/thread/t/stream-chat"
OPENAI_CHAT = "/api/v1/openai/chat/completions"
# Every kind of stream: (route, recorded events, how the client opens it, the text of all but the last event).
STREAM_KINDS = {
    "chat": (
        STREAM,
        EVENTS,
        lambda c: c.chat.stream_message("ws", "Stream hello to me"),
        "STUB-REPLY: Stream hello to me",
    ),
    "thread": (
        THREAD_STREAM,
        _sse_events("thread_lifecycle", 13),  # "Thread stream hello" in chat mode
        lambda c: c.workspace_thread.stream_message("ws", "t", "Thread stream hello"),
        "STUB-REPLY: Thread stream hello",
    ),
    "completion": (
        OPENAI_CHAT,
        _sse_events("openai_compatible", 4),  # "Stream this answer please", stream=True
        lambda c: c.openai.create_chat_completion(
            model="ws", messages=[{"role": "user", "content": "Stream this answer please"}], stream=True
        ),
        "STUB-REPLY: Stream this answer please",
    ),
}


def _text_of(events: list[str]) -> str:
    """The answer text the recorded ``events`` carry (chat chunks, or completion deltas)."""
    text = ""
    for event in map(json.loads, events):
        if "choices" in event:
            text += event["choices"][0].get("delta", {}).get("content") or ""
        elif event.get("type") == "textResponseChunk":
            text += event["textResponse"]
    return text


async def _read_any(stream: Any) -> list[str]:
    """The text deltas of any stream (chat or completion, sync or async), read to its end or to the error."""
    if isinstance(stream, (AsyncChatStream, AsyncCompletionStream)):
        async with stream:
            return [delta async for delta in stream.text_stream]
    with stream:
        return list(stream.text_stream)


@pytest.mark.parametrize("kind", list(STREAM_KINDS))
async def test_stream_ended_before_its_final_event(client: Client, fault_server: FaultServer, kind: str) -> None:
    route, events, open_stream, text = STREAM_KINDS[kind]
    fault_server.script("POST", route, Reply.sse(events[:-1]))  # a clean end, without the final event
    stream = await resolve(open_stream(client))
    error = await _raises(StreamInterruptedError, _read_any, stream)
    assert error.partial_text == text and error.details["partial_text"] == text
    assert not isinstance(error, APIConnectionError)  # the connection did not break
    assert error.status_code == 200 and error.path == route
    assert fault_server.count("POST", route) == 1


@pytest.mark.parametrize("kind", list(STREAM_KINDS))
async def test_stream_whose_connection_breaks(client: Client, fault_server: FaultServer, kind: str) -> None:
    route, events, open_stream, _ = STREAM_KINDS[kind]
    fault_server.script("POST", route, Reply.sse(events[:3], complete=False))  # no final chunk, connection closed
    stream = await resolve(open_stream(client))
    error = await _raises(StreamConnectionError, _read_any, stream)
    assert isinstance(error, StreamInterruptedError) and isinstance(error, APIConnectionError)
    assert not isinstance(error, APITimeoutError)
    assert error.partial_text == _text_of(events[:3]) != ""
    assert error.message.startswith("the connection broke (")
    assert fault_server.count("POST", route) == 1


@pytest.mark.parametrize("kind", list(STREAM_KINDS))
async def test_stream_that_goes_silent(client: Client, fault_server: FaultServer, kind: str) -> None:
    # The server stalls for MAX_PAUSE after the first event; the client gives up after 0.5 s of silence.
    route, events, open_stream, _ = STREAM_KINDS[kind]
    fault_server.script("POST", route, Reply.sse(events[:2], stall=MAX_PAUSE))
    stream = await resolve(open_stream(client.with_options(stream_idle_timeout=0.5)))
    error = await _raises(StreamTimeoutError, _read_any, stream)
    assert isinstance(error, StreamInterruptedError) and isinstance(error, APITimeoutError)
    assert error.message.startswith("no event received for 0.5 s before")
    assert error.partial_text == error.details["partial_text"] == _text_of(events[:2]) != ""
    assert fault_server.count("POST", route) == 1


@pytest.mark.parametrize("kind", [AnythingLLMClient, AsyncAnythingLLMClient])
async def test_stream_idle_timeout_given_to_the_constructor(kind: type[Client], fault_server: FaultServer) -> None:
    fault_server.script("POST", STREAM, Reply.sse(EVENTS[:1], stall=MAX_PAUSE))
    client = kind(fault_server.base_url, RECORDED_KEY, stream_idle_timeout=0.5)
    stream = await resolve(client.chat.stream_message("ws", "Stream hello"))
    error = await _raises(StreamTimeoutError, _read, stream)
    assert error.message.startswith("no event received for 0.5 s")
    assert error.partial_text == "STUB-REPLY: "
    await resolve(client.close())


async def test_abort_event_mid_stream(client: Client, fault_server: FaultServer) -> None:
    fault_server.script("POST", STREAM, Reply.sse([*EVENTS[:2], ABORT, EVENTS[-1]]))
    stream = await resolve(client.chat.stream_message("ws", "Stream hello to me"))
    error = await _raises(ChatAbortedError, _read, stream)
    assert error.server_message == "Cannot read properties of null (reading 'id')"
    assert error.details["partial_text"] == "STUB-REPLY: Stream "
    assert error.status_code == 200
    assert fault_server.count("POST", STREAM) == 1


# --- answers that are not what was asked for ------------------------------------------------------------------------


async def test_html_with_200_is_a_wrong_endpoint(client: Client, fault_server: FaultServer) -> None:
    # A base URL that misses the API: every path answers the web app's page, GET /v1/auth included.
    fault_server.script("GET", LIST, Reply.html(WEB_APP))
    fault_server.script("GET", "/api/v1/auth", Reply.html(WEB_APP))
    fault_server.script("POST", CHAT, Reply.html(WEB_APP))
    fault_server.script("POST", STREAM, Reply.html(WEB_APP))
    for error in (
        await _raises(WrongEndpointError, client.workspaces.list),
        await _raises(WrongEndpointError, client.chat.send_message, "ws", "Hello there"),
    ):
        assert "base_url" in error.message and "<" not in str(error.body)
    await _raises(WrongEndpointError, client.chat.stream_message, "ws", "Hello there")
    # Whether the API answers on this base URL is asked once (after the first page), then known.
    expected = [("GET", LIST), ("GET", "/api/v1/auth"), ("POST", CHAT), ("POST", STREAM)]
    assert [(r.method, r.path) for r in fault_server.requests] == expected


async def test_malformed_json_is_an_invalid_response(client: Client, fault_server: FaultServer) -> None:
    fault_server.script("GET", LIST, Reply.json('{"workspaces": [{"id": 1, "slug": "a"'))
    error = await _raises(InvalidResponseError, client.workspaces.list)
    assert "not valid JSON" in error.message
    assert fault_server.count("GET", LIST) == 1


async def test_json_of_the_wrong_shape_is_an_invalid_response(client: Client, fault_server: FaultServer) -> None:
    # Valid JSON, but a null where the workspace should be: the plan cannot read it, the caller gets a typed error.
    fault_server.script("GET", "/api/v1/workspace/ws", Reply.json('{"workspace": [null]}'))
    error = await _raises(InvalidResponseError, client.workspaces.get, "ws")
    assert error.message.startswith("the server's answer does not have the documented shape")
    assert isinstance(error.__cause__, (LookupError, TypeError, AttributeError))  # kept for debugging
    assert fault_server.count("GET", "/api/v1/workspace/ws") == 1


@pytest.mark.parametrize(
    ("status", "content_type", "expected"),
    [(500, "text/html; charset=utf-8", ServerError), (200, "text/html; charset=utf-8", WrongEndpointError)],
)
async def test_huge_body_is_not_read_whole(
    client: Client, fault_server: FaultServer, status: int, content_type: str, expected: type[ApiError]
) -> None:
    fault_server.script("GET", LIST, Reply.huge(megabytes=50, status=status, content_type=content_type))
    if status == 200:  # then the client asks whether the API answers here at all: not on this base URL
        fault_server.script("GET", "/api/v1/auth", Reply.html(WEB_APP))
    tracemalloc.start()
    try:
        error = await _raises(expected, client.workspaces.list)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # the 50 MB page was never held in memory
    assert isinstance(error.body, str) and 0 < len(error.body) <= 2000
    assert len(str(error)) < 1000
    assert fault_server.count("GET", LIST) == 1
    assert fault_server.abandoned("GET", LIST) == 1  # the client hung up instead of reading 50 MB


# --- path parameters never reach another route -----------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["../admin", "a/b", "..", "ws?x=1", "ws#top"])
async def test_a_hostile_slug_is_refused_before_sending(client: Client, fault_server: FaultServer, slug: str) -> None:
    with pytest.raises(ValueError, match="workspace_id"):
        await resolve(client.workspaces.get(slug))
    with pytest.raises(ValueError, match="workspace_id"):
        await resolve(client.chat.send_message(slug, "Hello there"))
    with pytest.raises(ValueError, match="thread_id"):
        await resolve(client.chat.send_message("ws", "Hello there", thread_id=slug))
    assert fault_server.requests == []


async def test_other_characters_are_percent_encoded(client: Client, fault_server: FaultServer) -> None:
    # A slug holding an already-encoded '/' (%2F), a space, ';' and '%': each is encoded once more.
    fault_server.script("GET", "/api/v1/workspace/..%252Fadmin%20x%3By%25", NO_WORKSPACE)
    with pytest.raises(NotFoundError):
        await resolve(client.workspaces.get("..%2Fadmin x;y%"))
    assert [r.path for r in fault_server.requests] == ["/api/v1/workspace/..%252Fadmin%20x%3By%25"]


async def test_raw_paths_with_dot_segments_are_refused(client: Client, fault_server: FaultServer) -> None:
    with pytest.raises(ValueError, match="path"):
        await resolve(client.http_client.get("/v1/workspace/../admin/users"))
    assert fault_server.requests == []


# --- per-call options ------------------------------------------------------------------------------------------------


async def test_max_retries_per_call(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    fault_server.script("GET", LIST, UNAVAILABLE, UNAVAILABLE, LIST_OK)
    await _raises(ServerError, client.with_options(max_retries=0).workspaces.list)
    assert fault_server.count("GET", LIST) == 1 and sleeps == []
    assert await resolve(client.workspaces.list())  # the client itself still retries
    assert fault_server.count("GET", LIST) == 3


async def test_read_timeout_per_call(client: Client, fault_server: FaultServer, sleeps: list[float]) -> None:
    late = Reply.recorded(_recorded("workspace_lifecycle", 4), delay=MAX_PAUSE)
    fault_server.script("GET", LIST, late)
    quick = client.with_options(timeout=httpx.Timeout(30.0, read=0.3), max_retries=0)
    error = await _raises(APITimeoutError, quick.workspaces.list)
    assert error.message.startswith("The server sent nothing after 0.3 s (GET /api/v1/workspaces)")
    assert fault_server.count("GET", LIST) == 1 and sleeps == []


async def test_a_post_that_timed_out_reading_is_not_retried(
    client: Client, fault_server: FaultServer, sleeps: list[float]
) -> None:
    # The server may be creating the workspace while the client stopped waiting: never send it twice.
    fault_server.script("POST", NEW, Reply.recorded(_recorded("workspace_lifecycle", 1), delay=MAX_PAUSE))
    quick = client.with_options(timeout=httpx.Timeout(30.0, read=0.3))
    await _raises(APITimeoutError, quick.workspaces.create, "Slow WS")
    assert quick.options.max_retries == 2
    assert fault_server.count("POST", NEW) == 1 and sleeps == []


async def test_timeouts_reach_each_request(
    client: Client, fault_server: FaultServer, sent: list[httpx.Request]
) -> None:
    fault_server.script("GET", LIST, LIST_OK, LIST_OK)
    fault_server.script("POST", STREAM, Reply.sse(EVENTS))
    await resolve(client.workspaces.list())
    await resolve(client.with_options(timeout=httpx.Timeout(30.0, connect=2.0)).workspaces.list())
    stream = await resolve(client.with_options(stream_idle_timeout=7.0).chat.stream_message("ws", "Stream hello"))
    assert "".join(await _read(stream)) == "STUB-REPLY: Stream hello to me"
    assert [r.extensions["timeout"] for r in sent] == [
        {"connect": 10.0, "read": 60.0, "write": 60.0, "pool": 60.0},  # the documented timeout=60
        {"connect": 2.0, "read": 30.0, "write": 30.0, "pool": 30.0},
        {"connect": 10.0, "read": 7.0, "write": 60.0, "pool": 60.0},  # a stream reads with its idle timeout
    ]
