"""How much each benchmark does: the full run (``make bench``) and the smoke run (CI, every benchmark once)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    """Calls per round, rounds, and untimed warm-up calls per variant."""

    calls: int
    rounds: int
    warmup: int


@dataclass(frozen=True)
class Config:
    """The sizes of every benchmark."""

    smoke: bool = False
    in_process: Sizes = Sizes(calls=300, rounds=15, warmup=100)
    loopback: Sizes = Sizes(calls=150, rounds=25, warmup=50)
    peers: Sizes = Sizes(calls=100, rounds=25, warmup=30)
    import_runs: int = 25
    startup_runs: int = 25
    stream_events: int = 10_000
    stream_rounds: int = 9
    ttfe_rounds: int = 41
    stream_delay: float = 0.02
    upload_bytes: int = 1 << 30
    async_calls: int = 2000
    async_in_flight: int = 100
    async_rounds: int = 7
    reuse_calls: int = 100


FULL = Config()
SMOKE = Config(
    smoke=True,
    in_process=Sizes(calls=2, rounds=1, warmup=1),
    loopback=Sizes(calls=2, rounds=1, warmup=1),
    peers=Sizes(calls=2, rounds=1, warmup=1),
    import_runs=1,
    startup_runs=1,
    stream_events=100,
    stream_rounds=1,
    ttfe_rounds=1,
    stream_delay=0.005,
    upload_bytes=8 << 20,
    async_calls=40,
    async_in_flight=10,
    async_rounds=1,
    reuse_calls=100,
)
