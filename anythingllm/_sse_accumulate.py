"""Pure accumulators: fold the typed events of a stream into the server's non-streaming response.

:class:`ChatAccumulator` builds the ``ChatResponse`` that ``/chat`` would have returned;
:class:`CompletionAccumulator` builds the ``chat.completion`` of the non-streaming OpenAI endpoint.
Both do no I/O and are shared by the sync and async streams.
"""

from __future__ import annotations

from typing import Any

from anythingllm._shape import chat_completion, chat_message
from anythingllm._sse_events import (
    AgentThought,
    ChatCompletionChunk,
    ChatEvent,
    FileDownload,
    FinalResponse,
    TextChunk,
    TextResponse,
    UsageMetrics,
)
from anythingllm.errors import StreamInterruptedError
from anythingllm.types import ChatCompletion, ChatMessage

__all__ = ["ChatAccumulator", "CompletionAccumulator"]


def _advance(seen: str, new_text: str) -> str:
    """The part of ``new_text`` a reader who has seen ``seen`` is missing ("" if they disagree)."""
    return new_text[len(seen) :] if new_text.startswith(seen) else ""


class _Accumulator:
    """What both accumulators share: the text so far, the events counted, and the error of a cut stream."""

    WHAT = "the response"  # what was not complete, in the error's message
    events: int

    @property
    def text(self) -> str:
        """The text so far (each accumulator keeps it its own way)."""
        raise NotImplementedError

    def interrupted(
        self, reason: str, cls: type[StreamInterruptedError] = StreamInterruptedError, *, hint: str = "", **kwargs: Any
    ) -> StreamInterruptedError:
        """The error (``cls``) for a stream that stopped before it was complete (carries the text so far)."""
        text = self.text
        return cls(
            f"{reason} before {self.WHAT} was complete{hint}",
            partial_text=text,
            details={"partial_text": text, "events": self.events},
            **kwargs,
        )


class ChatAccumulator(_Accumulator):
    """Collects the events of one ``/stream-chat`` response (either wire format).

    Feed every event to :meth:`add`; :attr:`complete` tells whether the message is whole, and
    :meth:`result` returns it in the shape of the server's non-streaming ``ChatResponse``. Agent
    responses whose ``textResponse`` is an object (a chart, a thread rename) are kept in :attr:`objects`.
    """

    WHAT = "the chat response"

    def __init__(self) -> None:
        self.id: str | None = None
        self.sources: list[dict[str, Any]] = []
        self.metrics: dict[str, Any] = {}
        self.chat_id: int | None = None
        self.thoughts: list[str] = []
        self.outputs: list[dict[str, Any]] = []
        self.file_downloads: list[FileDownload] = []
        self.objects: list[dict[str, Any]] = []
        self.agent = False
        self.complete = False
        self.events = 0
        self._pieces: list[str] = []  # joined on read: appending to one str is quadratic in the chunks

    @property
    def text(self) -> str:
        """The answer so far (the full answer once :attr:`complete`)."""
        if len(self._pieces) > 1:
            self._pieces = ["".join(self._pieces)]
        return self._pieces[0] if self._pieces else ""

    def _set_text(self, text: str) -> str:
        delta = _advance(self.text, text)
        self._pieces = [text]
        return delta

    def add(self, event: ChatEvent) -> str:
        """Record ``event``; return the text it adds to what has been shown so far ("" if none)."""
        if type(event) is TextChunk and self.id is not None:  # the common case, without the general checks
            self.events += 1
            raw = event.raw
            if raw.get("sources") or raw.get("metrics"):
                self._collect_extras(event)
            self._pieces.append(event.text)
            return event.text
        first = self.events == 0
        self.events += 1
        event_id = getattr(event, "id", None)
        if self.id is None and isinstance(event_id, str):
            self.id = event_id
        self._collect_extras(event)
        if isinstance(event, TextChunk):
            self._pieces.append(event.text)
            return event.text
        # Text rule. In chat/query mode only chunks carry text and their concatenation is the answer.
        # On the agent path the recordings show chunks, then a `textResponse` (close: true) with the
        # whole message, then `finalizeResponseStream` whose `textResponse` is that same string: the
        # one the server stores in the history and returns from the non-streaming /chat. The chunks
        # are only the live view (an agent that talks in several rounds streams them all), so when
        # they disagree the later full text replaces the concatenation: a full `textResponse` first,
        # then the finalize text, which wins.
        if isinstance(event, TextResponse):
            if isinstance(event.text, dict):
                self.objects.append(event.text)
                return ""
            # Reset and query refusal send a single close:true `textResponse` and nothing else.
            self.complete = self.complete or (first and event.close)
            return self._set_text(event.text) if isinstance(event.text, str) else ""
        if isinstance(event, FinalResponse):
            self.complete = True
            return self._set_text(event.text) if event.text is not None else ""
        return ""

    def _collect_extras(self, event: ChatEvent) -> None:
        """Sources, metrics, ids, thoughts and files, from whichever event carries them."""
        if isinstance(event, FinalResponse):
            self.chat_id = event.chat_id
            self.sources = event.sources if event.sources is not None else self.sources
            self.metrics = event.metrics or self.metrics
            if event.thoughts is not None or event.outputs is not None:
                self.agent = True
                self.thoughts = list(event.thoughts or [])
                self.outputs = list(event.outputs or [])
            return
        raw_sources = event.raw.get("sources")
        if isinstance(raw_sources, list) and raw_sources:
            self.sources = raw_sources  # a non-streaming provider's single chunk carries them
        raw_metrics = event.raw.get("metrics")
        if isinstance(event, UsageMetrics):
            self.metrics = event.metrics
        elif isinstance(raw_metrics, dict) and raw_metrics:
            self.metrics = raw_metrics
        if isinstance(event, AgentThought):
            self.agent = True
            self.thoughts.append(event.thought)
        elif isinstance(event, FileDownload):
            self.agent = True
            self.file_downloads.append(event)
            self.outputs.append(event.raw.get("fileDownload") or {})

    def result(self) -> dict[str, Any]:
        """The whole message as the non-streaming ``/chat`` returns it (a ``ChatResponse`` dict).

        Raises :class:`StreamInterruptedError` if the message is not :attr:`complete`.
        """
        if not self.complete:
            raise self.interrupted("the stream stopped")
        response: dict[str, Any] = {
            "id": self.id,
            "type": "textResponse",
            "textResponse": self.text,
            "sources": self.sources,
            "close": True,
            "error": None,
            "metrics": self.metrics,
        }
        if self.chat_id is not None:
            response["chatId"] = self.chat_id
        if self.agent:
            response["thoughts"] = self.thoughts
            response["outputs"] = self.outputs
        return response

    def to_chat_message(self, *, workspace: str | None = None, thread: str | None = None) -> ChatMessage:
        """The whole message as the documented ``ChatMessage`` (see :meth:`result`)."""
        return chat_message(self.result(), workspace=workspace, thread=thread)


class CompletionAccumulator(_Accumulator):
    """Collects the frames of one OpenAI-compatible stream into a ``chat.completion`` dict."""

    WHAT = "the completion"

    def __init__(self) -> None:
        self.id: str | None = None
        self.model: str | None = None
        self.created: int | None = None
        self.role = "assistant"
        self.finish_reason: str | None = None
        self.usage: dict[str, Any] = {}
        self.events = 0
        self._parts: list[str] = []
        self._has_content = False

    @property
    def complete(self) -> bool:
        """True once a frame with a ``finish_reason`` arrived (the server sends no ``[DONE]``)."""
        return self.finish_reason is not None

    @property
    def text(self) -> str:
        """The content so far."""
        return "".join(self._parts)

    def add(self, chunk: ChatCompletionChunk) -> str:
        """Record ``chunk``; return its content delta ("" if none)."""
        self.events += 1
        self.id = self.id or chunk.id
        self.model = self.model or chunk.model
        self.created = self.created if self.created is not None else chunk.created
        self.role = chunk.role or self.role
        self.finish_reason = chunk.finish_reason or self.finish_reason
        self.usage = chunk.usage or self.usage
        if chunk.content is None:
            return ""
        self._has_content = True
        self._parts.append(chunk.content)
        return chunk.content

    def result(self) -> dict[str, Any]:
        """The completion as the non-streaming endpoint returns it (``object: "chat.completion"``).

        ``content`` is None when no frame carried text (e.g. ``finish_reason: "streaming_disabled"``).
        Raises :class:`StreamInterruptedError` if no frame with a ``finish_reason`` arrived.
        """
        if not self.complete:
            raise self.interrupted("the stream stopped")
        return {
            "id": self.id,
            "object": "chat.completion",
            "created": self.created,
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": self.role, "content": self.text if self._has_content else None},
                    "logprobs": None,
                    "finish_reason": self.finish_reason,
                }
            ],
            "usage": self.usage,
        }

    def to_chat_completion(self) -> ChatCompletion:
        """The completion as the documented ``ChatCompletion`` (see :meth:`result`)."""
        return chat_completion(self.result())
