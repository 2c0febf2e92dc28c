"""Streaming layer: decoders, accumulators and the sync/async streams over recorded SSE bodies.

Server data comes from the v1.16.0 cassettes (replayed through ``httpx.MockTransport``); connection
faults (silence, a dropped connection, an abort in the middle) come from a local fault-injection
server on 127.0.0.1 that sends recorded events. Every stream test runs once per mode, sync and async.
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from anythingllm.errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    ChatAbortedError,
    NotFoundError,
    StreamConnectionError,
    StreamInterruptedError,
    StreamTimeoutError,
)
from anythingllm.streaming import (
    AsyncChatStream,
    AsyncCompletionStream,
    ChatAccumulator,
    ChatCompletionChunk,
    ChatStream,
    CompletionAccumulator,
    CompletionStream,
    FinalResponse,
    TextChunk,
    TextResponse,
    UnknownEvent,
    UsageMetrics,
    decode_chat_event,
    decode_completion_chunk,
)
from tests.sse_recordings import Recorded, find, recorded, replay_transport

STREAM = "workspace_stream_chat"
THREAD = "thread_lifecycle"
OPENAI = "openai_compatible"
ERRORS = "errors_chat"


def ws_chat() -> Recorded:
    return find(STREAM, "/stream-chat", mode="chat", message="Stream hello to me")


def ws_query_sources() -> Recorded:
    return find(STREAM, "/stream-chat", mode="query", message="zebras love crunchy purple carrots")


def ws_query_refusal() -> Recorded:
    return find(STREAM, "/stream-chat", mode="query", message="What do zebras love?")


def ws_automatic() -> Recorded:
    return find(STREAM, "/stream-chat", mode="automatic")


def ws_reset() -> Recorded:
    return find(STREAM, "/stream-chat", reset=True)


def openai_stream() -> Recorded:
    return find(OPENAI, "/chat/completions", stream=True)


# --- how a test reaches a stream: replayed recording or the local fault server ---------------------


@dataclass
class Target:
    """Where a stream request goes, and which stream class reads the answer."""

    url: str
    request_json: Any
    transport: httpx.MockTransport | None = None
    read_timeout: float = 5.0
    completion: bool = False
    workspace: str | None = None
    thread: str | None = None
    error_mapper: Any = None
    seen: list[Any] = field(default_factory=list)
    """The events read so far (filled in by the mode, kept when the stream raises)."""


def replay(rec: Recorded, *, body: bytes | None = None, piece: int | None = 16, **kw: Any) -> Target:
    """Serve ``rec`` (or ``body`` in its place) with its recorded status and headers."""
    return Target(
        url=rec.url,
        request_json=rec.request_json,
        transport=replay_transport(rec, body=body, piece=piece),
        completion=rec.path.endswith("/chat/completions"),
        **kw,
    )


class SyncMode:
    """Runs the stream operations with ``httpx.Client`` and the sync stream classes."""

    name = "sync"

    def _open(self, client: httpx.Client, target: Target) -> Any:
        timeout = httpx.Timeout(5.0, read=target.read_timeout)
        request = client.build_request("POST", target.url, json=target.request_json, timeout=timeout)
        response = client.send(request, stream=True)
        if target.completion:
            return CompletionStream(response, error_mapper=target.error_mapper)
        return ChatStream(response, workspace=target.workspace, thread=target.thread, error_mapper=target.error_mapper)

    def _final(self, stream: Any) -> Any:
        return stream.get_final_completion() if target_is_completion(stream) else stream.final_response()

    async def events(self, target: Target) -> tuple[list[Any], Any]:
        """Iterate every event, then return them and the final response."""
        with httpx.Client(transport=target.transport) as client, self._open(client, target) as stream:
            for event in stream:
                target.seen.append(event)
            return target.seen, self._final(stream)

    async def text(self, target: Target) -> tuple[list[str], Any]:
        """Read ``text_stream`` to the end, then return the deltas and the final response."""
        with httpx.Client(transport=target.transport) as client, self._open(client, target) as stream:
            deltas = list(stream.text_stream)
            return deltas, self._final(stream)

    async def message(self, target: Target) -> Any:
        """``get_final_message()`` without iterating first."""
        with httpx.Client(transport=target.transport) as client, self._open(client, target) as stream:
            return stream.get_final_message()

    async def close_after(self, target: Target, count: int) -> tuple[list[Any], Any]:
        """Take ``count`` events, close the stream, and return the events and the (closed) stream."""
        with httpx.Client(transport=target.transport) as client:
            stream = self._open(client, target)
            seen = [event for _, event in zip(range(count), stream, strict=False)]
            stream.close()
            return seen, stream

    async def final(self, stream: Any) -> Any:
        """The final response of a stream (reads what is left)."""
        return self._final(stream)


class AsyncMode:
    """Runs the same operations with ``httpx.AsyncClient`` and the async stream classes."""

    name = "async"

    async def _open(self, client: httpx.AsyncClient, target: Target) -> Any:
        timeout = httpx.Timeout(5.0, read=target.read_timeout)
        request = client.build_request("POST", target.url, json=target.request_json, timeout=timeout)
        response = await client.send(request, stream=True)
        if target.completion:
            return AsyncCompletionStream(response, error_mapper=target.error_mapper)
        return AsyncChatStream(
            response, workspace=target.workspace, thread=target.thread, error_mapper=target.error_mapper
        )

    async def _final(self, stream: Any) -> Any:
        if target_is_completion(stream):
            return await stream.get_final_completion()
        return await stream.final_response()

    async def events(self, target: Target) -> tuple[list[Any], Any]:
        async with httpx.AsyncClient(transport=target.transport) as client, await self._open(client, target) as stream:
            async for event in stream:
                target.seen.append(event)
            return target.seen, await self._final(stream)

    async def text(self, target: Target) -> tuple[list[str], Any]:
        async with httpx.AsyncClient(transport=target.transport) as client, await self._open(client, target) as stream:
            deltas = [delta async for delta in stream.text_stream]
            return deltas, await self._final(stream)

    async def message(self, target: Target) -> Any:
        async with httpx.AsyncClient(transport=target.transport) as client, await self._open(client, target) as stream:
            return await stream.get_final_message()

    async def close_after(self, target: Target, count: int) -> tuple[list[Any], Any]:
        async with httpx.AsyncClient(transport=target.transport) as client:
            stream = await self._open(client, target)
            seen = []
            async for event in stream:
                seen.append(event)
                if len(seen) == count:
                    break
            await stream.aclose()
            return seen, stream

    async def final(self, stream: Any) -> Any:
        return await self._final(stream)


def target_is_completion(stream: Any) -> bool:
    return isinstance(stream, (CompletionStream, AsyncCompletionStream))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> SyncMode | AsyncMode:
    return SyncMode() if request.param == "sync" else AsyncMode()


# --- local fault-injection server -------------------------------------------------------------------


class _FaultHandler(socketserver.BaseRequestHandler):
    """Answers one request with recorded SSE events in HTTP/1.1 chunks, then ends as the plan says."""

    server: FaultServer

    def handle(self) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            data += self.request.recv(65536)
        head, _, rest = data.partition(b"\r\n\r\n")
        length = next(
            (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")),
            0,
        )
        while len(rest) < length:
            rest += self.request.recv(65536)
        plan = self.server.plan
        lines = [b"HTTP/1.1 200 OK"] + [f"{k}: {v}".encode() for k, v in plan["headers"]]
        self.request.sendall(b"\r\n".join([*lines, b"transfer-encoding: chunked", b"", b""]))
        for part in plan["parts"]:
            self.request.sendall(b"%x\r\n%s\r\n" % (len(part), part))
        if plan["end"] == "stall":
            self.server.release.wait(10)
        elif plan["end"] == "drop":  # announce a chunk, send half of it, hang up
            self.request.sendall(b"40\r\ndata: {")
        elif plan["end"] == "eof":
            self.request.sendall(b"0\r\n\r\n")
        # "unterminated": close after the last chunk without the final zero-length chunk
        self.request.shutdown(socket.SHUT_RDWR)


class FaultServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _FaultHandler)
        self.plan: dict[str, Any] = {}
        self.release = threading.Event()

    def target(self, rec: Recorded, parts: list[bytes], end: str, **kw: Any) -> Target:
        """Serve ``parts`` (pieces of recorded bodies) with ``rec``'s headers, then ``end``."""
        self.plan = {"headers": rec.framing_free_headers(), "parts": parts, "end": end}
        port = self.server_address[1]
        return Target(url=f"http://127.0.0.1:{port}{rec.path}", request_json=rec.request_json, **kw)


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def events_of(rec: Recorded) -> list[bytes]:
    """The recorded body split into its ``data:`` events (each with its blank line)."""
    return [b"data:" + part for part in rec.body.split(b"data:")[1:]]


# --- pure decoding and accumulation -------------------------------------------------------------------


def test_decode_llm_path_events() -> None:
    events = [decode_chat_event(p) for p in ws_chat().payloads()]
    assert [type(e) for e in events] == [TextChunk] * 6 + [FinalResponse]
    assert [e.text for e in events[:6] if isinstance(e, TextChunk)] == [
        "STUB-REPLY: ",
        "Stream ",
        "hello ",
        "to ",
        "me",
        "",
    ]
    final = events[-1]
    assert isinstance(final, FinalResponse)
    assert (final.chat_id, final.thoughts, final.outputs, final.text) == (32, None, None, None)
    assert final.metrics is not None and final.metrics["completion_tokens"] == 5
    assert {e.id for e in events if not isinstance(e, UnknownEvent)} == {"d6dc460c-5178-49bb-adb2-939d947806ea"}


def test_decode_agent_path_events() -> None:
    payloads = ws_automatic().payloads()
    events = [decode_chat_event(p) for p in payloads]
    assert [type(e) for e in events] == [TextChunk] * 6 + [UsageMetrics, TextResponse, FinalResponse]
    assert "uuid" not in payloads[0] and payloads[0]["error"] is None  # agent chunks: `id`, error null
    usage, full, final = events[-3:]
    assert isinstance(usage, UsageMetrics) and usage.metrics["prompt_tokens"] == 77
    assert isinstance(full, TextResponse) and full.close and full.text == "STUB-REPLY: Say hi in automatic mode"
    assert isinstance(final, FinalResponse)
    assert (final.thoughts, final.outputs, final.chat_id) == ([], [], None)
    assert final.text == "STUB-REPLY: Say hi in automatic mode"
    assert final.raw is payloads[-1]


def test_decode_unknown_type_keeps_payload() -> None:
    payload = dict(ws_chat().payloads()[0], type="somethingNewer")
    event = decode_chat_event(payload)
    assert isinstance(event, UnknownEvent)
    assert (event.type, event.raw) == ("somethingNewer", payload)


def test_decode_completion_frames() -> None:
    chunks = [decode_completion_chunk(p) for p in openai_stream().payloads()]
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert [c.finish_reason for c in chunks] == [None] * 6 + ["stop"]
    assert {c.role for c in chunks} == {"assistant"}
    assert chunks[0].usage == {} and chunks[-1].usage["total_tokens"] == 64
    assert (chunks[0].model, chunks[0].created) == ("vcr-openai-ws", 1795245060)


@pytest.mark.parametrize(
    ("stream_rec", "sync_number"),
    [(ws_chat, 2), (ws_query_refusal, 3), (ws_query_sources, 5), (ws_automatic, 7), (ws_reset, 11)],
)
def test_accumulated_response_has_the_sync_chat_shape(stream_rec: Any, sync_number: int) -> None:
    # The same request answered by the non-streaming /chat (workspace_chat_modes) has these keys.
    sync_keys = set(recorded_json("workspace_chat_modes", sync_number))
    acc = ChatAccumulator()
    for payload in stream_rec().payloads():
        acc.add(decode_chat_event(payload))
    assert acc.complete
    result = acc.result()
    assert set(result) == sync_keys
    assert (result["type"], result["close"], result["error"]) == ("textResponse", True, None)


def recorded_json(cassette: str, number: int) -> dict[str, Any]:
    """The decoded JSON body of a recorded (non-streaming) response."""
    body = json.loads(recorded(cassette, number).body)
    assert isinstance(body, dict)
    return body


@pytest.mark.parametrize("drop", [[2], [2, 7]], ids=["chunk", "chunk+textResponse"])
def test_agent_final_text_wins_over_chunks(drop: list[int]) -> None:
    # Lose recorded events: the chunks' concatenation is now wrong, the agent's final text is not
    # (with the full `textResponse` gone too, the finalize event alone still gives it).
    payloads = [p for i, p in enumerate(ws_automatic().payloads()) if i not in drop]
    acc = ChatAccumulator()
    deltas = [acc.add(decode_chat_event(p)) for p in payloads]
    assert "".join(deltas) == "STUB-REPLY: Say in automatic mode"  # the live view lags...
    assert acc.result()["textResponse"] == "STUB-REPLY: Say hi in automatic mode"  # ...the result does not


def test_accumulator_refuses_an_incomplete_result() -> None:
    acc = ChatAccumulator()
    for payload in ws_chat().payloads()[:-1]:
        acc.add(decode_chat_event(payload))
    assert not acc.complete
    with pytest.raises(StreamInterruptedError) as info:
        acc.result()
    assert info.value.partial_text == "STUB-REPLY: Stream hello to me"


def test_completion_accumulator_matches_the_non_stream_shape() -> None:
    acc = CompletionAccumulator()
    for payload in openai_stream().payloads():
        acc.add(decode_completion_chunk(payload))
    result = acc.result()
    non_stream = recorded_json(OPENAI, 3)
    assert set(result) == set(non_stream)
    assert set(result["choices"][0]) == set(non_stream["choices"][0])
    assert result["choices"][0]["message"] == {
        "role": "assistant",
        "content": "STUB-REPLY: Stream this answer please",
    }


# --- streams over recorded bodies (sync and async) ------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("piece", [1, 16, None])
async def test_chat_mode_stream(mode: SyncMode | AsyncMode, piece: int | None) -> None:
    events, final = await mode.events(replay(ws_chat(), piece=piece))
    assert [type(e) for e in events] == [TextChunk] * 6 + [FinalResponse]
    assert final["textResponse"] == "STUB-REPLY: Stream hello to me"
    assert final["chatId"] == 32
    assert final["sources"] == []
    assert final["metrics"]["total_tokens"] == 61
    assert final["id"] == "d6dc460c-5178-49bb-adb2-939d947806ea"
    assert "thoughts" not in final


@pytest.mark.anyio
async def test_text_stream_yields_the_deltas(mode: SyncMode | AsyncMode) -> None:
    deltas, final = await mode.text(replay(ws_chat()))
    assert deltas == ["STUB-REPLY: ", "Stream ", "hello ", "to ", "me"]
    assert final["chatId"] == 32


@pytest.mark.anyio
async def test_query_mode_sources_arrive_with_the_final_event(mode: SyncMode | AsyncMode) -> None:
    deltas, final = await mode.text(replay(ws_query_sources()))
    assert "".join(deltas) == final["textResponse"] == "STUB-REPLY: zebras love crunchy purple carrots"
    assert [s["title"] for s in final["sources"]] == ["vcr-zebras-stream.txt"]
    assert final["chatId"] == 34


@pytest.mark.anyio
async def test_query_refusal_is_one_complete_event(mode: SyncMode | AsyncMode) -> None:
    refusal = "There is no relevant information in this workspace to answer your query."
    events, final = await mode.events(replay(ws_query_refusal()))
    assert [type(e) for e in events] == [TextResponse]
    assert final["textResponse"] == refusal
    assert "chatId" not in final and final["metrics"] == {}
    deltas, _ = await mode.text(replay(ws_query_refusal()))
    assert deltas == [refusal]


@pytest.mark.anyio
async def test_reset_is_one_complete_event(mode: SyncMode | AsyncMode) -> None:
    deltas, final = await mode.text(replay(ws_reset()))
    assert deltas == ["Chat history was reset!"]
    assert final["textResponse"] == "Chat history was reset!"


@pytest.mark.anyio
async def test_automatic_mode_agent_stream(mode: SyncMode | AsyncMode) -> None:
    events, final = await mode.events(replay(ws_automatic()))
    assert [type(e) for e in events] == [TextChunk] * 6 + [UsageMetrics, TextResponse, FinalResponse]
    assert final["textResponse"] == "STUB-REPLY: Say hi in automatic mode"
    assert (final["thoughts"], final["outputs"], final["sources"]) == ([], [], [])
    assert final["metrics"]["prompt_tokens"] == 77
    assert "chatId" not in final
    deltas, _ = await mode.text(replay(ws_automatic()))
    assert "".join(deltas) == "STUB-REPLY: Say hi in automatic mode"  # the full text adds nothing twice


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("chat_mode", "text", "chat_id"),
    [
        ("chat", "STUB-REPLY: Thread stream hello", 44),
        ("query", "STUB-REPLY: zebras love crunchy purple carrots", 45),
        ("automatic", "STUB-REPLY: Automatic stream thread", None),
    ],
)
async def test_thread_stream_final_message(
    mode: SyncMode | AsyncMode, chat_mode: str, text: str, chat_id: int | None
) -> None:
    rec = find(THREAD, "/stream-chat", mode=chat_mode)
    message = await mode.message(replay(rec, workspace="vcr-thread-ws", thread="vcr-thread-1"))
    assert message["content"] == message["textResponse"] == text
    assert message["role"] == "assistant"
    assert (message["workspaceId"], message["threadId"]) == ("vcr-thread-ws", "vcr-thread-1")
    assert message.get("chatId") == chat_id


@pytest.mark.anyio
async def test_thread_stream_unknown_workspace_abort_without_content_type(mode: SyncMode | AsyncMode) -> None:
    rec = find(ERRORS, "/no-such-ws/thread/no-such-thread/stream-chat")
    assert rec.status == 200 and "content-type" not in dict(rec.headers)
    with pytest.raises(NotFoundError) as info:  # the server fails reading the unknown workspace's id
        await mode.events(replay(rec))
    assert info.value.status_code == 200
    assert info.value.server_message == "Cannot read properties of null (reading 'id')"
    assert "workspace 'no-such-ws' does not exist" in info.value.message
    assert info.value.details == rec.payloads()[0]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "fields", "message", "cls"),
    [
        ("/no-such-ws/stream-chat", {"message": "hi"}, "Workspace no-such-ws is not a valid workspace.", NotFoundError),
        ("/test-ws/stream-chat", {"message": ""}, "Message is empty", ChatAbortedError),
        (
            "/vcr-errors-thread-ws/thread/no-such-thread/stream-chat",
            {},
            "Workspace vcr-errors-thread-ws or thread no-such-thread is not valid.",
            NotFoundError,
        ),
    ],
)
async def test_pre_stream_json_abort(
    mode: SyncMode | AsyncMode, path: str, fields: dict[str, Any], message: str, cls: type[ApiError]
) -> None:
    rec = find(ERRORS, path, **fields)
    with pytest.raises(ApiError) as info:
        await mode.events(replay(rec))
    assert type(info.value) is cls
    assert (info.value.status_code, info.value.server_message) == (400, message)
    assert f'(server said: "{message}")' in info.value.message
    assert info.value.details["type"] == "abort"
    assert info.value.path is not None and info.value.path.endswith(path)


@pytest.mark.anyio
async def test_openai_stream(mode: SyncMode | AsyncMode) -> None:
    deltas, completion = await mode.text(replay(openai_stream()))
    assert deltas == ["STUB-REPLY: ", "Stream ", "this ", "answer ", "please"]
    choice = completion["choices"][0]
    assert choice["message"]["content"] == "STUB-REPLY: Stream this answer please"
    assert choice["finish_reason"] == "stop"
    assert completion["usage"]["total_tokens"] == 64
    assert completion["usage"]["completion_tokens"] == 5
    assert (completion["object"], completion["model"]) == ("chat.completion", "vcr-openai-ws")
    events, _ = await mode.events(replay(openai_stream()))
    assert len(events) == 7 and events[-1].finish_reason == "stop"


@pytest.mark.anyio
async def test_pre_stream_error_without_body(mode: SyncMode | AsyncMode) -> None:
    # Unknown model: 401, no content type, empty body. Not an event stream, not an abort.
    rec = find("errors_openai", "/chat/completions", model="no-such-model")
    with pytest.raises(ApiError) as info:
        await mode.events(replay(rec))
    assert type(info.value) is ApiError and info.value.status_code == 401

    def mapper(response: httpx.Response) -> ApiError:
        return AuthenticationError(response.status_code, f"mapped {response.content!r}")

    with pytest.raises(AuthenticationError, match="mapped b''"):
        await mode.events(replay(rec, error_mapper=mapper))


# --- truncated bodies (recorded bytes cut short) -----------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("rec", "cut", "partial"),
    [
        (ws_chat, -1, "STUB-REPLY: Stream hello to me"),  # everything but finalizeResponseStream
        (ws_chat, 2, "STUB-REPLY: Stream "),
        (ws_chat, 0, ""),
        (ws_automatic, -1, "STUB-REPLY: Say hi in automatic mode"),
        (ws_query_sources, -2, "STUB-REPLY: zebras love crunchy purple carrots"),
        (openai_stream, -1, "STUB-REPLY: Stream this answer please"),
    ],
)
async def test_truncated_stream_raises_with_partial_text(
    mode: SyncMode | AsyncMode, rec: Any, cut: int, partial: str
) -> None:
    recording = rec()
    target = replay(recording, body=recording.cut_before(cut))
    with pytest.raises(StreamInterruptedError) as info:
        await mode.events(target)
    assert info.value.partial_text == partial
    assert info.value.status_code == 200
    assert info.value.message.startswith("the stream ended before")  # raised by the read, not later


@pytest.mark.anyio
async def test_cut_inside_an_event_keeps_only_whole_events(mode: SyncMode | AsyncMode) -> None:
    recording = ws_chat()
    body = recording.cut_before(-1) + recording.body[len(recording.cut_before(-1)) :][:40]
    with pytest.raises(StreamInterruptedError) as info:
        await mode.text(replay(recording, body=body))
    assert info.value.partial_text == "STUB-REPLY: Stream hello to me"


@pytest.mark.anyio
async def test_close_early_closes_the_response(mode: SyncMode | AsyncMode) -> None:
    events, stream = await mode.close_after(replay(ws_chat()), 2)
    assert [e.text for e in events] == ["STUB-REPLY: ", "Stream "]
    assert stream.response.is_closed
    with pytest.raises(StreamInterruptedError) as info:
        await mode.final(stream)
    assert info.value.partial_text == "STUB-REPLY: Stream "


# --- connection faults (local fault-injection server sending recorded events) ---------------------


@pytest.mark.anyio
async def test_idle_timeout(mode: SyncMode | AsyncMode, fault_server: FaultServer) -> None:
    rec = ws_chat()
    target = fault_server.target(rec, events_of(rec)[:2], "stall", read_timeout=0.3)
    with pytest.raises(StreamTimeoutError) as info:
        await mode.events(target)
    assert isinstance(info.value, APITimeoutError)
    assert info.value.message == "no event received for 0.3 s before the chat response was complete"
    assert info.value.partial_text == info.value.details["partial_text"] == "STUB-REPLY: Stream "
    assert [e.text for e in target.seen] == ["STUB-REPLY: ", "Stream "]


@pytest.mark.anyio
async def test_dropped_connection(mode: SyncMode | AsyncMode, fault_server: FaultServer) -> None:
    rec = ws_chat()
    with pytest.raises(StreamConnectionError) as info:
        await mode.events(fault_server.target(rec, events_of(rec)[:3], "drop"))
    assert isinstance(info.value, APIConnectionError) and not isinstance(info.value, APITimeoutError)
    assert info.value.status_code == 200  # the stream's status: its headers had arrived
    assert info.value.partial_text == info.value.details["partial_text"] == "STUB-REPLY: Stream hello "


@pytest.mark.anyio
async def test_broken_close_after_the_final_event_is_harmless(
    mode: SyncMode | AsyncMode, fault_server: FaultServer
) -> None:
    rec = ws_query_sources()
    _, final = await mode.events(fault_server.target(rec, events_of(rec), "unterminated"))
    assert final["chatId"] == 34


@pytest.mark.anyio
async def test_chunked_fault_server_full_body(mode: SyncMode | AsyncMode, fault_server: FaultServer) -> None:
    rec = ws_automatic()
    deltas, final = await mode.text(fault_server.target(rec, events_of(rec), "eof"))
    assert "".join(deltas) == final["textResponse"] == "STUB-REPLY: Say hi in automatic mode"


@pytest.mark.anyio
async def test_abort_mid_stream_raises_at_the_abort(mode: SyncMode | AsyncMode, fault_server: FaultServer) -> None:
    # The LLM-path abort is followed by finalizeResponseStream; the stream must stop at the abort.
    chat = ws_chat()
    abort = find(ERRORS, "/no-such-ws/thread/no-such-thread/stream-chat")
    parts = events_of(chat)[:3] + events_of(abort) + events_of(chat)[-1:]
    target = fault_server.target(chat, parts, "eof")
    with pytest.raises(ChatAbortedError) as info:  # mid-stream, with a content type: not the lookup quirk
        await mode.events(target)
    assert info.value.server_message == "Cannot read properties of null (reading 'id')"
    assert info.value.details["partial_text"] == "STUB-REPLY: Stream hello "
    assert info.value.status_code == 200
    assert [type(e) for e in target.seen] == [TextChunk] * 3
