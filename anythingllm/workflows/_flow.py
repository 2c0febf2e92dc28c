"""Flows: each workflow is written once, as a generator of friendly-layer calls, and run by two drivers.

A flow does no I/O itself. It yields a :class:`Step` and receives its result:

- :class:`Ask`: one method of the client's friendly modules (``client.chat.send_message`` ...). The
  driver calls it; on the sync client that returns the result, on the async client an awaitable that
  the driver awaits. A failure is thrown into the flow at its ``yield``.
  ``blocking=True`` marks a plain local function instead (hashing a file...): the sync driver calls
  it, the async driver runs it in a worker thread so the event loop never blocks.
- :class:`Batch`: several asks at once, at most ``limit`` in flight (threads on the sync client, tasks
  on the async one). The flow receives one :class:`Outcome` per ask, in the order given, whatever the
  order they finished in; one failure never stops the others. ``on_each`` hears of each outcome as it
  arrives (for progress bars), in the driver's thread.

:func:`run_sync` and :func:`run_async` are the two drivers; everything between their sends is shared
(:func:`_advance`). A :class:`Driven` object is a friendly module whose ``_run`` drives flows, so the
friendly layer's own ``operation`` descriptor (the :func:`workflow` decorator) makes each flow method a
method of both clients: on a ``Driven[Sync]`` it returns the result, on a ``Driven[Async]`` an awaitable.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Generator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from .._resource import M, Resource, chat_stream_operation, operation

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Ask:
    """One call of a friendly method, ``method(*args, **kwargs)``, made by the driver."""

    method: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    blocking: bool = False


def ask(method: Callable[..., Any], *args: Any, **kwargs: Any) -> Ask:
    """The step that calls ``method(*args, **kwargs)`` (a bound method of the client's modules)."""
    return Ask(method, args, kwargs)


def local(function: Callable[..., Any], *args: Any) -> Ask:
    """The step that runs the blocking local ``function(*args)`` (in a worker thread on the async client)."""
    return Ask(function, args, blocking=True)


@dataclass(frozen=True)
class Outcome:
    """What one ask of a :class:`Batch` gave: its ``value``, or the ``error`` it raised, and how long it took."""

    value: Any = None
    error: Exception | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.error is None


@dataclass(frozen=True)
class Batch:
    """Several asks run concurrently (at most ``limit`` at a time); the flow gets ``list[Outcome]``."""

    asks: Sequence[Ask]
    limit: int = 4
    on_each: Callable[[int, Outcome], None] | None = None

    def tell(self, index: int, outcome: Outcome) -> Outcome:
        """Pass one finished outcome to ``on_each`` (if any) and return it."""
        if self.on_each is not None:
            self.on_each(index, outcome)
        return outcome


Step = Ask | Batch
Flow = Generator[Step, Any, T]
"""A workflow written once: yields steps, receives their results, returns its report."""


def check_limit(name: str, value: object) -> int:
    """A concurrency limit: an ``int`` of at least 1."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


def _advance(flow: Flow[Any], step: Step, outcome: Outcome) -> Step:
    """Hand ``flow`` the result of ``step`` (a batch gets the list of outcomes); return its next step."""
    if isinstance(step, Batch) or outcome.error is None:
        return flow.send(outcome.value)
    return flow.throw(outcome.error)


# --- the blocking driver --------------------------------------------------------------------------------


def _call_sync(step: Ask) -> Outcome:
    start = time.perf_counter()
    try:
        value = step.method(*step.args, **step.kwargs)
    except Exception as exc:  # handed to the flow, which decides what a failure means
        return Outcome(error=exc, seconds=time.perf_counter() - start)
    return Outcome(value, seconds=time.perf_counter() - start)


def _batch_sync(batch: Batch) -> Outcome:
    """Run the batch on a thread pool; ``on_each`` is called here, in the calling thread."""
    outcomes: dict[int, Outcome] = {}
    if batch.asks:
        pool = ThreadPoolExecutor(max_workers=min(batch.limit, len(batch.asks)), thread_name_prefix="anythingllm")
        pending: dict[Future[Outcome], int] = {pool.submit(_call_sync, a): i for i, a in enumerate(batch.asks)}
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    outcomes[index] = batch.tell(index, future.result())
        finally:  # on Ctrl-C (or a failing on_each) nothing more starts, and nothing waits for the rest
            pool.shutdown(wait=not pending, cancel_futures=True)
    return Outcome([outcomes[i] for i in range(len(batch.asks))])


def run_sync(flow: Flow[T]) -> T:
    """Drive ``flow`` to its end with blocking calls."""
    try:
        step = next(flow)
        while True:
            outcome = _batch_sync(step) if isinstance(step, Batch) else _call_sync(step)
            step = _advance(flow, step, outcome)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    finally:
        flow.close()


# --- the async driver -----------------------------------------------------------------------------------


async def _call_async(step: Ask) -> Outcome:
    start = time.perf_counter()
    try:
        if step.blocking:
            value = await asyncio.to_thread(step.method, *step.args, **step.kwargs)
        else:
            value = await step.method(*step.args, **step.kwargs)
    except Exception as exc:  # handed to the flow, which decides what a failure means
        return Outcome(error=exc, seconds=time.perf_counter() - start)
    return Outcome(value, seconds=time.perf_counter() - start)


async def _batch_async(batch: Batch) -> Outcome:
    """Run the batch as tasks, at most ``limit`` calls in flight."""
    gate = asyncio.Semaphore(batch.limit)

    async def one(index: int, step: Ask) -> Outcome:
        async with gate:
            outcome = await _call_async(step)
        return batch.tell(index, outcome)

    return Outcome(list(await asyncio.gather(*(one(i, a) for i, a in enumerate(batch.asks)))))


async def run_async(flow: Flow[T]) -> T:
    """Drive ``flow`` to its end with async calls."""
    try:
        step = next(flow)
        while True:
            outcome = await (_batch_async(step) if isinstance(step, Batch) else _call_async(step))
            step = _advance(flow, step, outcome)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    finally:
        flow.close()


# --- methods of both clients ----------------------------------------------------------------------------


class Driven(Resource[M]):
    """Base of the workflow objects: a friendly module whose plans are flows, run by the drivers above.

    Being a :class:`~anythingllm._resource.Resource`, its methods are the friendly layer's own
    ``operation`` descriptors (see :func:`workflow`): the sync object returns results, the async one
    awaitables, and the types say so.
    """

    def __init__(self, client: Any) -> None:
        super().__init__(client._runtime, bool(client._is_async))
        self._client: Any = client

    @property
    def client(self) -> Any:
        """The client the workflows call (an ``AnythingLLMClient`` or an ``AsyncAnythingLLMClient``)."""
        return self._client

    def _run(self, flow: Any) -> Any:
        return run_async(flow) if self._is_async else run_sync(flow)


def workflow(body: Callable[Concatenate[Any, P], Flow[T]]) -> operation[P, T]:
    """Decorator: a flow method, returning ``T`` on the sync object and ``Awaitable[T]`` on the async one."""
    return cast("operation[P, T]", operation(cast(Any, body)))


def chat_stream_workflow(body: Callable[Concatenate[Any, P], Flow[Any]]) -> chat_stream_operation[P]:
    """Decorator: a flow method returning an open chat stream (``ChatStream`` / awaitable ``AsyncChatStream``)."""
    return cast("chat_stream_operation[P]", chat_stream_operation(cast(Any, body)))
