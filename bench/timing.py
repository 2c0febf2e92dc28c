"""Paired rounds: every variant is timed in every round, in rotating order, after a warm-up.

A figure is the median over rounds of ``candidate time / baseline time`` within the same round, so
a slow patch of the (noisy, shared) machine slows both sides of a ratio alike. Per-call medians are
kept alongside for the table's detail column.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field


@dataclass
class Rounds:
    """Per-round seconds per call of each variant."""

    seconds: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, per_call: float) -> None:
        """Note one round of ``name``."""
        self.seconds.setdefault(name, []).append(per_call)

    def median_us(self, name: str) -> float:
        """Median microseconds per call of ``name``."""
        return statistics.median(self.seconds[name]) * 1e6

    def ratio(self, candidate: str, baseline: str) -> float:
        """Median over rounds of candidate/baseline (rounds paired by position)."""
        pairs = zip(self.seconds[candidate], self.seconds[baseline], strict=True)
        return statistics.median(c / b for c, b in pairs)


def _order(names: list[str], round_number: int) -> list[str]:
    shift = round_number % len(names)
    return names[shift:] + names[:shift]


def run_sync(
    variants: Mapping[str, Callable[[], object]],
    *,
    calls: int,
    rounds: int,
    warmup: int,
    clock: Callable[[], float] = time.perf_counter,
) -> Rounds:
    """Time each variant ``calls`` times per round for ``rounds`` rounds, after ``warmup`` untimed calls.

    ``clock`` is wall time by default; pure in-process work is better timed with ``time.process_time``
    (the CPU time of this process), which time spent waiting for the other processes does not inflate.
    """
    for call in variants.values():
        for _ in range(warmup):
            call()
    out = Rounds()
    names = list(variants)
    for number in range(rounds):
        for name in _order(names, number):
            call = variants[name]
            started = clock()
            for _ in range(calls):
                call()
            out.add(name, (clock() - started) / calls)
    return out


async def run_async(
    variants: Mapping[str, Callable[[], Awaitable[object]]], *, calls: int, rounds: int, warmup: int
) -> Rounds:
    """:func:`run_sync` for coroutine functions (each call awaited before the next)."""
    for call in variants.values():
        for _ in range(warmup):
            await call()
    out = Rounds()
    names = list(variants)
    for number in range(rounds):
        for name in _order(names, number):
            call = variants[name]
            started = time.perf_counter()
            for _ in range(calls):
                await call()
            out.add(name, (time.perf_counter() - started) / calls)
    return out
