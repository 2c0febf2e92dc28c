"""Typed events of the two streaming endpoints, and the pure decoders that build them.

``/stream-chat`` (workspace and thread) sends one JSON object per SSE ``data:`` line. Two wire
formats share that endpoint: the LLM path (chat/query mode: chunks keyed ``uuid``, ``error: false``)
and the agent path (automatic mode or ``@agent``: chunks keyed ``id``, ``error: null``, plus
``agentThought``, ``fileDownload``, ``usageMetrics`` and ``textResponse`` events, and a
``finalizeResponseStream`` keyed ``uuid`` that carries ``thoughts``/``outputs``). One decoder reads both.

``/v1/openai/chat/completions`` with ``stream: true`` sends ``object: "chat.completion"`` frames
(not ``chat.completion.chunk``) and no ``[DONE]`` line; :func:`decode_completion_chunk` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

__all__ = [
    "Abort",
    "AgentThought",
    "ChatCompletionChunk",
    "ChatEvent",
    "FileDownload",
    "FinalResponse",
    "TextChunk",
    "TextResponse",
    "UnknownEvent",
    "UsageMetrics",
    "decode_chat_event",
    "decode_completion_chunk",
]


@dataclass(slots=True)
class TextChunk:
    """A piece of the answer as it is generated (``textResponseChunk``)."""

    type: Literal["textResponseChunk"] = field(default="textResponseChunk", init=False)
    text: str
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class AgentThought:
    """An agent status or reasoning line (``agentThought``)."""

    type: Literal["agentThought"] = field(default="agentThought", init=False)
    thought: str
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class FileDownload:
    """An agent created a file; fetch it by ``storage_filename`` (``fileDownload``)."""

    type: Literal["fileDownload"] = field(default="fileDownload", init=False)
    filename: str | None
    storage_filename: str | None
    file_size: int | None
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class UsageMetrics:
    """Token counts and timings of an agent run (``usageMetrics``)."""

    type: Literal["usageMetrics"] = field(default="usageMetrics", init=False)
    metrics: dict[str, Any]
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class TextResponse:
    """A whole text response (``textResponse``): reset, query refusal, or an agent's message.

    An agent may put an object (e.g. a chart) in ``text`` instead of a string.
    """

    type: Literal["textResponse"] = field(default="textResponse", init=False)
    text: str | dict[str, Any] | None
    sources: list[dict[str, Any]]
    close: bool
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class FinalResponse:
    """The last event of a chat (``finalizeResponseStream``).

    ``thoughts``/``outputs``/``text`` are only sent on the agent path; ``chat_id`` only on the LLM path.
    """

    type: Literal["finalizeResponseStream"] = field(default="finalizeResponseStream", init=False)
    chat_id: int | None
    sources: list[dict[str, Any]] | None
    metrics: dict[str, Any] | None
    thoughts: list[str] | None
    outputs: list[dict[str, Any]] | None
    text: str | None
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class Abort:
    """The server gave up on the chat (``abort``); ``error`` is its message."""

    type: Literal["abort"] = field(default="abort", init=False)
    error: str | None
    id: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(slots=True)
class UnknownEvent:
    """An event type this client does not know (kept whole in ``raw``)."""

    type: str
    raw: dict[str, Any] = field(repr=False, compare=False)


ChatEvent: TypeAlias = (
    TextChunk | AgentThought | FileDownload | UsageMetrics | TextResponse | FinalResponse | Abort | UnknownEvent
)
"""Any event of ``/stream-chat``."""


@dataclass(slots=True)
class ChatCompletionChunk:
    """One frame of the OpenAI-compatible stream (the first choice's delta, flattened)."""

    type: Literal["chat.completion"] = field(default="chat.completion", init=False)
    id: str | None
    model: str | None
    created: int | None
    content: str | None
    role: str | None
    finish_reason: str | None
    usage: dict[str, Any]
    raw: dict[str, Any] = field(repr=False, compare=False)


def _event_id(payload: dict[str, Any]) -> str | None:
    """The per-request id: LLM and finalize events use ``uuid``, the others ``id``."""
    value = payload.get("uuid")
    if value is None:
        value = payload.get("id")
    return value if isinstance(value, str) else None


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _dict_or_none(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _list_or_none(value: Any) -> list[Any] | None:
    return value if isinstance(value, list) else None


def decode_chat_event(payload: dict[str, Any]) -> ChatEvent:
    """Turn one ``/stream-chat`` payload (either wire format) into a typed event."""
    kind = payload.get("type")
    if kind == "textResponseChunk":  # nearly every event of a stream: kept short (_event_id inlined)
        text, event_id = payload.get("textResponse"), payload.get("uuid")
        if event_id is None:
            event_id = payload.get("id")
        return TextChunk(
            text if isinstance(text, str) else "", event_id if isinstance(event_id, str) else None, payload
        )  # positional: cheaper
    event_id = _event_id(payload)
    if kind == "textResponse":
        text = payload.get("textResponse")
        return TextResponse(
            text=text if isinstance(text, (str, dict)) else None,
            sources=_list_or_none(payload.get("sources")) or [],
            close=payload.get("close") is True,
            id=event_id,
            raw=payload,
        )
    if kind == "finalizeResponseStream":
        return FinalResponse(
            chat_id=_int_or_none(payload.get("chatId")),
            sources=_list_or_none(payload.get("sources")),
            metrics=_dict_or_none(payload.get("metrics")),
            thoughts=_list_or_none(payload.get("thoughts")),
            outputs=_list_or_none(payload.get("outputs")),
            text=_str_or_none(payload.get("textResponse")),
            id=event_id,
            raw=payload,
        )
    if kind == "agentThought":
        return AgentThought(thought=_str_or_none(payload.get("thought")) or "", id=event_id, raw=payload)
    if kind == "usageMetrics":
        return UsageMetrics(metrics=_dict_or_none(payload.get("metrics")) or {}, id=event_id, raw=payload)
    if kind == "fileDownload":
        info = _dict_or_none(payload.get("fileDownload")) or {}
        return FileDownload(
            filename=_str_or_none(info.get("filename")),
            storage_filename=_str_or_none(info.get("storageFilename")),
            file_size=_int_or_none(info.get("fileSize")),
            id=event_id,
            raw=payload,
        )
    if kind == "abort":
        return Abort(error=_str_or_none(payload.get("error")), id=event_id, raw=payload)
    return UnknownEvent(type=kind if isinstance(kind, str) else "", raw=payload)


def decode_completion_chunk(payload: dict[str, Any]) -> ChatCompletionChunk:
    """Turn one OpenAI-compatible stream frame into a :class:`ChatCompletionChunk`."""
    choices = _list_or_none(payload.get("choices")) or [{}]
    choice = _dict_or_none(choices[0]) or {}
    delta = _dict_or_none(choice.get("delta")) or {}
    return ChatCompletionChunk(
        id=_str_or_none(payload.get("id")),
        model=_str_or_none(payload.get("model")),
        created=_int_or_none(payload.get("created")),
        content=_str_or_none(delta.get("content")),
        role=_str_or_none(delta.get("role")),
        finish_reason=_str_or_none(choice.get("finish_reason")),
        usage=_dict_or_none(payload.get("usage")) or {},
        raw=payload,
    )
