"""Typed streams over an open ``/stream-chat`` or OpenAI-compatible streaming response.

The caller sends the request with ``client.send(request, stream=True)`` (its read timeout is the idle
timeout) and wraps the response::

    with ChatStream(response, workspace="my-ws") as stream:
        for delta in stream.text_stream:
            print(delta, end="")
        message = stream.get_final_message()

:class:`AsyncChatStream` is the same with ``async with`` / ``async for`` / ``await``;
:class:`CompletionStream` and :class:`AsyncCompletionStream` read ``/v1/openai/chat/completions``.

Everything except the two small read loops (``_pump``) lives in :class:`_StreamCore` and the pure
decoders/accumulators, so the sync and async classes behave identically.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from types import TracebackType
from typing import Any, Generic, NoReturn, Protocol, TypeVar

import httpx
import httpx_sse

from anythingllm._sse_accumulate import ChatAccumulator, CompletionAccumulator
from anythingllm._sse_events import (
    Abort,
    AgentThought,
    ChatCompletionChunk,
    ChatEvent,
    FileDownload,
    FinalResponse,
    TextChunk,
    TextResponse,
    UnknownEvent,
    UsageMetrics,
    decode_chat_event,
    decode_completion_chunk,
)
from anythingllm.errors import (
    ApiError,
    InvalidResponseError,
    StreamConnectionError,
    StreamInterruptedError,
    StreamTimeoutError,
    abort_error,
)
from anythingllm.types import ChatCompletion, ChatMessage

__all__ = [
    "Abort",
    "AgentThought",
    "AsyncChatStream",
    "AsyncCompletionStream",
    "ChatAccumulator",
    "ChatCompletionChunk",
    "ChatEvent",
    "ChatStream",
    "CompletionAccumulator",
    "CompletionStream",
    "ErrorMapper",
    "FileDownload",
    "FinalResponse",
    "TextChunk",
    "TextResponse",
    "UnknownEvent",
    "UsageMetrics",
    "decode_chat_event",
    "decode_completion_chunk",
]

EventT = TypeVar("EventT")
EventT_contra = TypeVar("EventT_contra", contravariant=True)

ErrorMapper = Callable[[httpx.Response], ApiError]
"""Turns a non-stream error response (body already read) into the error to raise."""


class _Accumulator(Protocol[EventT_contra]):
    """What the core needs from :class:`ChatAccumulator` / :class:`CompletionAccumulator`."""

    @property
    def complete(self) -> bool: ...

    @property
    def text(self) -> str: ...

    @property
    def events(self) -> int: ...

    def add(self, event: EventT_contra) -> str: ...

    def interrupted(
        self, reason: str, cls: type[StreamInterruptedError] = ..., *, hint: str = "", **kwargs: Any
    ) -> ApiError: ...


class _EventSource(httpx_sse.EventSource):
    """httpx-sse's parser without its Content-Type check.

    The server's thread-stream bug answers HTTP 200 with no Content-Type and one ``data:`` abort line;
    that body is still SSE. :meth:`_StreamCore.is_event_stream` decides what to parse instead.
    """

    def _check_content_type(self) -> None:
        return None


_decode_json = json.JSONDecoder().decode  # json.loads without its per-call argument handling
_NOTHING_SENT = (
    ", without sending any event. The server does that when the answer fails before it starts, for "
    "example when its LLM provider is not running or cannot be reached; the AnythingLLM server log has the cause"
)


class _StreamCore(Generic[EventT]):
    """Everything a stream does except reading: decoding, accumulating, and the error rules."""

    def __init__(
        self,
        response: httpx.Response,
        decode: Callable[[dict[str, Any]], EventT],
        accumulator: _Accumulator[EventT],
        *,
        idle_timeout: float | None,
        error_mapper: ErrorMapper | None,
    ) -> None:
        self.response = response
        self.decode = decode
        self.accumulator = accumulator
        self.idle_timeout = idle_timeout if idle_timeout is not None else _read_timeout(response)
        self.error_mapper = error_mapper
        self.delta = ""
        """The text the last event added to the answer ("" if none)."""

    def _where(self) -> dict[str, Any]:
        """``method``/``path``/``content_type`` for the errors raised about this response."""
        try:
            request = self.response.request
        except RuntimeError:  # a response built by hand has no request
            return {"content_type": self.response.headers.get("content-type")}
        return {
            "method": request.method,
            "path": request.url.path,
            "content_type": self.response.headers.get("content-type"),
        }

    @property
    def is_event_stream(self) -> bool:
        """2xx with ``text/event-stream``, or with no Content-Type at all (the thread-stream bug)."""
        content_type = self.response.headers.get("content-type", "").partition(";")[0].strip().lower()
        return self.response.is_success and content_type in ("text/event-stream", "")

    def event_source(self) -> httpx_sse.EventSource:
        """The SSE parser over the response."""
        return _EventSource(self.response)

    def reject(self) -> NoReturn:
        """Raise for a response that is not an event stream (its body must have been read)."""
        response = self.response
        try:
            payload: Any = json.loads(response.content)
        except ValueError:
            payload = None
        if isinstance(payload, dict) and payload.get("type") == "abort":
            raise self._aborted(payload)
        if self.error_mapper is not None:
            raise self.error_mapper(response)
        body = payload if payload is not None else response.text
        where = self._where()
        if response.is_success:
            kind = where["content_type"] or "no content type"
            raise InvalidResponseError(
                response.status_code, f"expected an event stream, got {kind}", body=body, **where
            )
        raise ApiError(response.status_code, response.reason_phrase or "request failed", body=body, **where)

    def _aborted(self, payload: dict[str, Any]) -> ApiError:
        """ChatAbortedError, or NotFoundError for an abort that says the workspace or thread is unknown."""
        return abort_error(self.response, payload, self.accumulator.text)

    def feed(self, sse: httpx_sse.ServerSentEvent) -> EventT | None:
        """Decode one SSE event (None for an empty one; raises on ``abort``); its text is :attr:`delta`."""
        data = sse.data
        if not data or data.isspace():
            return None
        try:
            payload = _decode_json(data)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            raise InvalidResponseError(
                self.response.status_code,
                "a stream event is not a JSON object",
                details={"data": sse.data, "partial_text": self.accumulator.text},
                body=sse.data,
                **self._where(),
            )
        if payload.get("type") == "abort":
            raise self._aborted(payload)
        event = self.decode(payload)
        self.delta = self.accumulator.add(event)
        return event

    def transport_failed(self, exc: httpx.TransportError) -> None:
        """Raise for a read that failed (unless the message had already arrived): a StreamTimeoutError when
        the stream went silent, else a StreamConnectionError; both carry the text so far."""
        if self.accumulator.complete:
            return
        where = {**self._where(), "status_code": self.response.status_code}
        if isinstance(exc, httpx.TimeoutException):
            waited = f"{self.idle_timeout:g} s" if self.idle_timeout is not None else "the read timeout"
            reason = f"no event received for {waited}"
            raise self.accumulator.interrupted(reason, StreamTimeoutError, **where) from exc
        reason = f"the connection broke ({exc or type(exc).__name__})"
        raise self.accumulator.interrupted(reason, StreamConnectionError, **where) from exc

    def finish(self) -> None:
        """At the end of the body: raise :class:`StreamInterruptedError` if the message is not whole."""
        if not self.accumulator.complete:
            where = {**self._where(), "status_code": self.response.status_code}
            hint = "" if self.accumulator.events else _NOTHING_SENT
            raise self.accumulator.interrupted("the stream ended", hint=hint, **where)


def _read_timeout(response: httpx.Response) -> float | None:
    """The read timeout the request was sent with (the stream's idle timeout)."""
    try:
        timeout = response.request.extensions.get("timeout")
    except RuntimeError:
        return None
    read = timeout.get("read") if isinstance(timeout, dict) else None
    return float(read) if isinstance(read, (int, float)) else None


class _Stream(Generic[EventT]):
    """What every stream holds: the shared core over the response."""

    def __init__(self, core: _StreamCore[EventT]) -> None:
        self._core = core

    @property
    def response(self) -> httpx.Response:
        """The underlying HTTP response."""
        return self._core.response


class _SyncStream(_Stream[EventT]):
    """The blocking read loop and iteration API of :class:`ChatStream` and :class:`CompletionStream`."""

    def __init__(self, core: _StreamCore[EventT]) -> None:
        super().__init__(core)
        self._items = self._pump()

    def _pump(self) -> Generator[EventT, None, None]:
        core = self._core
        try:
            if not core.is_event_stream:
                core.response.read()
                core.reject()
            for sse in core.event_source().iter_sse():
                if (event := core.feed(sse)) is not None:
                    yield event
        except httpx.TransportError as exc:
            core.transport_failed(exc)
        finally:
            core.response.close()
        core.finish()

    def __iter__(self) -> Iterator[EventT]:
        return self._items

    @property
    def text_stream(self) -> Iterator[str]:
        """The answer's text as it arrives (only non-empty deltas); shares the position with ``iter``."""
        core = self._core
        return (core.delta for _ in self._items if core.delta)

    def _drain(self) -> None:
        for _ in self._items:
            pass

    def close(self) -> None:
        """Stop reading and close the response."""
        self._items.close()
        self._core.response.close()

    def __enter__(self) -> _SyncStream[EventT]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _AsyncStream(_Stream[EventT]):
    """The async read loop and iteration API shared by the async chat and completion streams."""

    def __init__(self, core: _StreamCore[EventT]) -> None:
        super().__init__(core)
        self._items = self._pump()

    async def _pump(self) -> AsyncGenerator[EventT, None]:
        core = self._core
        try:
            if not core.is_event_stream:
                await core.response.aread()
                core.reject()
            async for sse in core.event_source().aiter_sse():
                if (event := core.feed(sse)) is not None:
                    yield event
        except httpx.TransportError as exc:
            core.transport_failed(exc)
        finally:
            await core.response.aclose()
        core.finish()

    def __aiter__(self) -> AsyncIterator[EventT]:
        return self._items

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The answer's text as it arrives (only non-empty deltas); shares the position with ``aiter``."""
        core = self._core
        return (core.delta async for _ in self._items if core.delta)

    async def _drain(self) -> None:
        async for _ in self._items:
            pass

    async def aclose(self) -> None:
        """Stop reading and close the response."""
        await self._items.aclose()
        await self._core.response.aclose()

    async def __aenter__(self) -> _AsyncStream[EventT]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


class _ChatParts(_Stream[ChatEvent]):
    """What the chat streams add: the accumulator and the conversions of the final message."""

    def __init__(
        self,
        response: httpx.Response,
        *,
        workspace: str | None = None,
        thread: str | None = None,
        idle_timeout: float | None = None,
        error_mapper: ErrorMapper | None = None,
    ) -> None:
        self._accumulator = ChatAccumulator()
        self._workspace, self._thread = workspace, thread
        core = _StreamCore(
            response, decode_chat_event, self._accumulator, idle_timeout=idle_timeout, error_mapper=error_mapper
        )
        super().__init__(core)  # the sync or async stream next in the MRO

    @property
    def accumulator(self) -> ChatAccumulator:
        """What has arrived so far (text, sources, metrics, thoughts...)."""
        return self._accumulator

    def _message(self) -> ChatMessage:
        return self._accumulator.to_chat_message(workspace=self._workspace, thread=self._thread)


class ChatStream(_ChatParts, _SyncStream[ChatEvent]):
    """A ``/stream-chat`` response (workspace or thread) read as typed :data:`ChatEvent` objects.

    Iterating yields every event; ``abort`` raises :class:`ChatAbortedError`, an early end raises
    :class:`StreamInterruptedError`, a silent server :class:`APITimeoutError`.
    """

    def __enter__(self) -> ChatStream:
        return self

    def final_response(self) -> dict[str, Any]:
        """Read the rest; the whole message in the non-streaming ``/chat`` shape (``ChatResponse``)."""
        self._drain()
        return self._accumulator.result()

    def get_final_message(self) -> ChatMessage:
        """Read the rest; the whole message as a :class:`~anythingllm.types.ChatMessage`."""
        self._drain()
        return self._message()


class AsyncChatStream(_ChatParts, _AsyncStream[ChatEvent]):
    """The async :class:`ChatStream`: ``async for``, ``async with``, ``await get_final_message()``."""

    async def __aenter__(self) -> AsyncChatStream:
        return self

    async def final_response(self) -> dict[str, Any]:
        """Read the rest; the whole message in the non-streaming ``/chat`` shape (``ChatResponse``)."""
        await self._drain()
        return self._accumulator.result()

    async def get_final_message(self) -> ChatMessage:
        """Read the rest; the whole message as a :class:`~anythingllm.types.ChatMessage`."""
        await self._drain()
        return self._message()


class _CompletionParts(_Stream[ChatCompletionChunk]):
    """What the completion streams add: the accumulator."""

    def __init__(
        self, response: httpx.Response, *, idle_timeout: float | None = None, error_mapper: ErrorMapper | None = None
    ) -> None:
        self._accumulator = CompletionAccumulator()
        core = _StreamCore(
            response, decode_completion_chunk, self._accumulator, idle_timeout=idle_timeout, error_mapper=error_mapper
        )
        super().__init__(core)  # the sync or async stream next in the MRO

    @property
    def accumulator(self) -> CompletionAccumulator:
        """What has arrived so far (content, finish reason, usage)."""
        return self._accumulator


class CompletionStream(_CompletionParts, _SyncStream[ChatCompletionChunk]):
    """A streaming ``/v1/openai/chat/completions`` response read as :class:`ChatCompletionChunk` frames."""

    def __enter__(self) -> CompletionStream:
        return self

    def get_final_completion(self) -> ChatCompletion:
        """Read the rest; the whole answer as the non-streaming endpoint returns it."""
        self._drain()
        return self._accumulator.to_chat_completion()


class AsyncCompletionStream(_CompletionParts, _AsyncStream[ChatCompletionChunk]):
    """The async :class:`CompletionStream`."""

    async def __aenter__(self) -> AsyncCompletionStream:
        return self

    async def get_final_completion(self) -> ChatCompletion:
        """Read the rest; the whole answer as the non-streaming endpoint returns it."""
        await self._drain()
        return self._accumulator.to_chat_completion()
