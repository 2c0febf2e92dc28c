"""Section 5: streaming. Parse throughput of a 10,000-event stream, and the time to the first event.

The long stream is the recorded ``/stream-chat`` answer stretched with its own recorded chunks
(:func:`bench.recordings.long_stream`), served in process in 16 KiB pieces. The baseline is the bare
loop a user would write without the client: httpx's stream, httpx-sse's ``iter_sse`` and ``json.loads``
per event. Time to first event is measured over loopback, from a server that sends the first event
at once and the rest ``stream_delay`` later.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx
import httpx_sse

from .config import Config
from .recordings import API_KEY, BASE_URL, long_stream, operation
from .replay import ReplayTransport
from .report import Row, skipped
from .server import LoopbackServer
from .timing import run_sync

METHOD = "chat.stream_message"


def _request() -> tuple[str, str, dict[str, Any]]:
    recorded = operation("chat.stream")
    body = recorded.request_json()
    return recorded.path, recorded.path.split("/")[-2], body


def _raw(http: httpx.Client, url: str, body: dict[str, Any], first: list[float] | None = None) -> int:
    """Read the whole stream with httpx + httpx-sse + json.loads; note when the first event came."""
    events = 0
    with http.stream("POST", url, headers={"Authorization": f"Bearer {API_KEY}"}, json=body) as response:
        for sse in httpx_sse.EventSource(response).iter_sse():
            json.loads(sse.data)
            if first is not None and not events:
                first.append(time.perf_counter())
            events += 1
    return events


def _ours(client: Any, slug: str, body: dict[str, Any], first: list[float] | None = None) -> int:
    """Read the whole stream with ``client.chat.stream_message``; note when the first event came."""
    events = 0
    with client.chat.stream_message(slug, body["message"], mode=body.get("mode")) as stream:
        for _ in stream:
            if first is not None and not events:
                first.append(time.perf_counter())
            events += 1
    return events


def _has_method(client: Any) -> bool:
    return getattr(getattr(client, "chat", None), "stream_message", None) is not None


def throughput(config: Config) -> list[Row]:
    """Parse a long recorded stream in process: ours against the bare httpx-sse loop."""
    from anythingllm import AnythingLLMClient

    path, slug, body = _request()
    stretched = long_stream(config.stream_events)
    name = f"{METHOD}: parse {config.stream_events:,} events"
    against = "httpx-sse loop + json.loads"
    transport = ReplayTransport({stretched.key: stretched})
    with httpx.Client(transport=transport) as raw_http, httpx.Client(transport=transport) as ours_http:
        client = AnythingLLMClient(BASE_URL, API_KEY, http_client=ours_http)
        if not _has_method(client):
            return [skipped("5", name, "in-process", against, "method missing", goal=1.1)]
        variants: dict[str, Callable[[], int]] = {
            "raw": lambda: _raw(raw_http, BASE_URL + path, body),
            "ours": lambda: _ours(client, slug, body),
        }
        counts = {variant: call() for variant, call in variants.items()}
        if set(counts.values()) != {config.stream_events}:
            return [Row("5", name, "in-process", against, goal=1.1, status=f"error: events read {counts}")]
        timing = run_sync(
            variants, calls=1, rounds=config.stream_rounds, warmup=0 if config.smoke else 1, clock=time.process_time
        )
    rate = {v: config.stream_events / (timing.median_us(v) / 1e6) for v in variants}
    detail = f"{rate['ours']:,.0f} vs {rate['raw']:,.0f} events/s"
    return [Row("5", name, "in-process", against, timing.ratio("ours", "raw"), goal=1.1, detail=detail)]


def first_event(config: Config, server: LoopbackServer) -> list[Row]:
    """Added time to the first event over loopback (ours minus raw, median of paired rounds)."""
    from anythingllm import AnythingLLMClient

    path, slug, body = _request()
    name = f"{METHOD}: time to first event"
    against = "httpx-sse loop"
    with httpx.Client() as raw_http, AnythingLLMClient(server.url, API_KEY) as client:
        if not _has_method(client):
            return [skipped("5", name, "loopback", against, "method missing", goal=1.0, unit="ms")]
        variants: dict[str, Callable[[list[float] | None], int]] = {
            "raw": lambda first: _raw(raw_http, server.url + path, body, first),
            "ours": lambda first: _ours(client, slug, body, first),
        }
        for call in variants.values():  # warm-up: connection, imports
            call(None)
        waits: dict[str, list[float]] = {"raw": [], "ours": []}
        for number in range(config.ttfe_rounds):
            for variant in ("raw", "ours") if number % 2 else ("ours", "raw"):
                first: list[float] = []
                started = time.perf_counter()
                variants[variant](first)
                waits[variant].append(first[0] - started)
    added = statistics.median(o - r for o, r in zip(waits["ours"], waits["raw"], strict=True)) * 1e3
    ours_ms, raw_ms = (statistics.median(waits[v]) * 1e3 for v in ("ours", "raw"))
    detail = f"{ours_ms:.2f} ms vs {raw_ms:.2f} ms; the rest follows {config.stream_delay * 1e3:.0f} ms later"
    return [Row("5", name, "loopback", against, added, unit="ms", goal=1.0, detail=detail)]
