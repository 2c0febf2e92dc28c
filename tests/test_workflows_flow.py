"""The workflow engine: one flow, two drivers; batches run concurrently with a limit, in order, per item."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from anythingllm.workflows._flow import Batch, Flow, Outcome, ask, check_limit, local, run_async, run_sync

pytestmark = pytest.mark.anyio


class Gauge:
    """Counts calls in flight and the most seen at once (thread-safe)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = self.calls = 0

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.calls += 1
            self.most = max(self.most, self.now)

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


def sync_method(gauge: Gauge) -> Callable[[int], int]:
    def method(value: int) -> int:
        gauge.enter()
        time.sleep(0.02)
        gauge.leave()
        if value < 0:
            raise ValueError(f"negative: {value}")
        return value * 10

    return method


def async_method(gauge: Gauge) -> Callable[[int], Any]:
    async def method(value: int) -> int:
        gauge.enter()
        await asyncio.sleep(0.02)
        gauge.leave()
        if value < 0:
            raise ValueError(f"negative: {value}")
        return value * 10

    return method


def flow(method: Callable[..., Any], seen: list[tuple[int, Outcome]]) -> Flow[dict[str, Any]]:
    """A flow that uses every kind of step: one ask, a failing ask caught, a batch, a local step."""
    first = yield ask(method, 1)
    try:
        yield ask(method, -1)
    except ValueError as exc:
        caught = str(exc)
    outcomes = yield Batch(
        [ask(method, v) for v in (3, -4, 5, 6, 7, 8)], limit=2, on_each=lambda i, o: seen.append((i, o))
    )
    thread = yield local(lambda: threading.current_thread().name)
    return {"first": first, "caught": caught, "outcomes": outcomes, "thread": thread}


def check(result: dict[str, Any], gauge: Gauge, seen: list[tuple[int, Outcome]]) -> None:
    assert result["first"] == 10
    assert result["caught"] == "negative: -1"
    values = [(o.value, type(o.error).__name__ if o.error else None) for o in result["outcomes"]]
    assert values == [(30, None), (None, "ValueError"), (50, None), (60, None), (70, None), (80, None)]
    assert all(o.seconds > 0 for o in result["outcomes"])
    assert sorted(i for i, _ in seen) == [0, 1, 2, 3, 4, 5]  # every outcome told once, as it arrived
    assert gauge.calls == 8
    assert gauge.most == 2  # the batch ran two at a time, never more


def test_the_sync_driver_runs_a_batch_on_threads_two_at_a_time() -> None:
    gauge, seen = Gauge(), []
    result = run_sync(flow(sync_method(gauge), seen))
    check(result, gauge, seen)
    assert result["thread"] == threading.current_thread().name  # a local step runs in place on the sync client


async def test_the_async_driver_runs_the_same_flow_as_tasks_two_at_a_time() -> None:
    gauge, seen = Gauge(), []
    result = await run_async(flow(async_method(gauge), seen))
    check(result, gauge, seen)
    assert result["thread"] != threading.current_thread().name  # a local step never blocks the event loop


def test_an_uncaught_failure_leaves_the_flow_and_closes_it() -> None:
    closed = []

    def failing() -> Flow[None]:
        try:
            yield ask(sync_method(Gauge()), -2)
        finally:
            closed.append(True)

    with pytest.raises(ValueError, match="negative: -2"):
        run_sync(failing())
    assert closed == [True]


def test_an_empty_batch_gives_an_empty_list() -> None:
    def empty() -> Flow[list[Outcome]]:
        return (yield Batch([]))

    assert run_sync(empty()) == []


async def test_an_empty_batch_gives_an_empty_list_async() -> None:
    def empty() -> Flow[list[Outcome]]:
        return (yield Batch([]))

    assert await run_async(empty()) == []


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "2"])
def test_a_concurrency_limit_must_be_a_positive_int(bad: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="concurrency"):
        check_limit("concurrency", bad)
