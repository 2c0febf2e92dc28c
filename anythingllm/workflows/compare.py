"""Compare workspaces: one message sent to several workspaces at once, one result per workspace.

In AnythingLLM the workspace is the unit of model, prompt and documents, so comparing workspaces is
comparing models (or prompts, or document sets). :func:`compare_flow` sends ``POST
/v1/workspace/{slug}/chat`` to each workspace, at most ``concurrency`` at a time; every workspace gets a
:class:`CompareResult` with its answer, sources, metrics and, if it failed, the error. A failure never
stops the others.

The streamed form (``compare_stream``) opens ``/stream-chat`` on each workspace and yields
``(workspace, event)`` pairs as they arrive, interleaved; each workspace ends with one
:class:`WorkspaceDone` event that carries its :class:`CompareResult`. On the sync client the streams are
read by threads, on the async client by tasks; both are driven by the same :class:`_Merge` bookkeeping.
"""

from __future__ import annotations

import asyncio
import queue
import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .._validate import check_mode, require_slug, require_text
from ..types import ChatMessage
from ._flow import Batch, Flow, Outcome, ask, check_limit
from ._report import fields_of

METRIC_KEYS = ("prompt_tokens", "completion_tokens", "total_tokens", "outputTps", "duration", "model", "provider")


@dataclass
class CompareResult:
    """One workspace's answer: ``answer``, ``sources``, ``metrics`` (tokens, duration, model, provider),
    ``seconds`` (the whole call, measured here), and ``error`` when it failed (then the rest is empty)."""

    workspace: str
    answer: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    error: Exception | None = None
    message: ChatMessage | None = None

    @property
    def ok(self) -> bool:
        """Whether the workspace answered."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the fields above (not the whole ``message``), the error summarized, and ``ok``."""
        return fields_of(self, skip=("message",), seconds=round(self.seconds, 3), ok=self.ok)


@dataclass(frozen=True)
class WorkspaceDone:
    """The last event of one workspace in a streamed comparison: its whole result (or its error)."""

    result: CompareResult


def result_of(
    workspace: str, message: Mapping[str, Any] | None, error: Exception | None, seconds: float
) -> CompareResult:
    """The :class:`CompareResult` of one workspace from its chat message (or the error it raised)."""
    if error is not None or message is None:
        return CompareResult(workspace, seconds=seconds, error=error)
    metrics = message.get("metrics") or {}
    return CompareResult(
        workspace,
        answer=message.get("content"),
        sources=list(message.get("sources") or []),
        metrics={k: metrics[k] for k in METRIC_KEYS if k in metrics},
        seconds=seconds,
        message=message,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class CompareInput:
    """A checked comparison request."""

    message: str
    workspaces: tuple[str, ...]
    mode: str | None
    concurrency: int

    @classmethod
    def of(cls, message: object, workspaces: object, mode: object, concurrency: object) -> CompareInput:
        """Check everything before any request: a message, two or more distinct slugs, a mode, a limit."""
        if isinstance(workspaces, str) or not isinstance(workspaces, Sequence):
            raise TypeError("workspaces must be a list of workspace slugs")
        slugs = tuple(require_slug(f"workspaces[{i}]", w) for i, w in enumerate(workspaces))
        if not slugs:
            raise ValueError("workspaces must name at least one workspace")
        if len(set(slugs)) != len(slugs):
            raise ValueError(f"workspaces must be distinct, got {list(slugs)}")
        return cls(
            require_text("message", message),
            slugs,
            None if mode is None else check_mode(mode),
            check_limit("concurrency", concurrency),
        )


def compare_flow(client: Any, request: CompareInput) -> Flow[list[CompareResult]]:
    """Send the message to every workspace (``concurrency`` at a time); the results in the order given."""
    asks = [ask(client.chat.send_message, ws, request.message, mode=request.mode) for ws in request.workspaces]
    outcomes: list[Outcome] = yield Batch(asks, request.concurrency)
    return [result_of(ws, o.value, o.error, o.seconds) for ws, o in zip(request.workspaces, outcomes, strict=True)]


class _Merge:
    """What both streamed comparisons share: opening each stream, timing it, ending it with its result."""

    def __init__(self, client: Any, request: CompareInput) -> None:
        self.client, self.request = client, request
        self.stopped = False  # the reader left early: the sync pumps stop at their next event

    def open(self, workspace: str) -> Any:
        """Open the workspace's stream (an awaitable of it on the async client)."""
        return self.client.chat.stream_message(workspace, self.request.message, mode=self.request.mode)

    @staticmethod
    def done(workspace: str, message: Any, error: Exception | None, started: float) -> tuple[str, WorkspaceDone]:
        """The closing pair of one workspace, from its final message (or the error it met)."""
        return workspace, WorkspaceDone(result_of(workspace, message, error, time.perf_counter() - started))


def stream_sync(client: Any, request: CompareInput) -> Iterator[tuple[str, Any]]:
    """The streamed comparison on the sync client: one thread per open stream."""
    merge = _Merge(client, request)
    pairs: queue.Queue[tuple[str, Any]] = queue.Queue()

    def pump(workspace: str) -> None:
        started, message, error = time.perf_counter(), None, None
        try:
            with merge.open(workspace) as stream:
                for event in stream:
                    if merge.stopped:
                        return
                    pairs.put((workspace, event))
                message = stream.get_final_message()
        except Exception as exc:  # this workspace's failure; the others go on
            error = exc
        pairs.put(merge.done(workspace, message, error, started))

    pool = ThreadPoolExecutor(max_workers=request.concurrency, thread_name_prefix="anythingllm-compare")
    for workspace in request.workspaces:
        pool.submit(pump, workspace)
    try:
        yield from _drain(pairs.get, len(request.workspaces))
    finally:
        merge.stopped = True
        pool.shutdown(wait=False, cancel_futures=True)


async def stream_async(client: Any, request: CompareInput) -> AsyncIterator[tuple[str, Any]]:
    """The streamed comparison on the async client: one task per workspace, ``concurrency`` streams open."""
    merge = _Merge(client, request)
    pairs: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
    gate = asyncio.Semaphore(request.concurrency)

    async def pump(workspace: str) -> None:
        async with gate:
            started, message, error = time.perf_counter(), None, None
            try:
                async with await merge.open(workspace) as stream:
                    async for event in stream:
                        await pairs.put((workspace, event))
                    message = await stream.get_final_message()
            except Exception as exc:  # this workspace's failure; the others go on
                error = exc
            await pairs.put(merge.done(workspace, message, error, started))

    tasks = [asyncio.ensure_future(pump(workspace)) for workspace in request.workspaces]
    try:
        finished = 0
        while finished < len(tasks):
            pair = await pairs.get()
            finished += isinstance(pair[1], WorkspaceDone)
            yield pair
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _drain(get: Any, count: int) -> Iterator[tuple[str, Any]]:
    """Pairs from ``get`` until ``count`` workspaces have sent their :class:`WorkspaceDone`."""
    finished = 0
    while finished < count:
        pair = get()
        finished += isinstance(pair[1], WorkspaceDone)
        yield pair
