"""Section 7: async concurrency against raw ``httpx.AsyncClient``, and connection reuse.

2,000 ``workspaces.list`` calls with 100 in flight (100 workers, each awaiting its calls in turn) over
the loopback server; the baseline does the same with a default ``httpx.AsyncClient`` and
``json.loads``. Connection reuse: 100 sequential calls of a fresh client, counted on the server.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from .config import Config
from .recordings import API_KEY, operation
from .report import Row
from .server import LoopbackServer
from .timing import run_async

AsyncCall = Callable[[], Awaitable[Any]]


async def _batch(call: AsyncCall, total: int, in_flight: int) -> None:
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    await asyncio.gather(*(worker() for _ in range(in_flight)))


async def _concurrency(config: Config, server: LoopbackServer) -> list[Row]:
    from anythingllm import AsyncAnythingLLMClient

    total, in_flight = config.async_calls, config.async_in_flight
    name = f"workspaces.list async: {total:,} calls, {in_flight} in flight"
    url = server.url + operation("workspaces.list").path
    headers = {"Authorization": f"Bearer {API_KEY}"}
    async with httpx.AsyncClient() as raw_http, AsyncAnythingLLMClient(server.url, API_KEY) as client:

        async def raw() -> Any:
            return json.loads((await raw_http.get(url, headers=headers)).content)

        variants: dict[str, AsyncCall] = {
            "raw": lambda: _batch(raw, total, in_flight),
            "ours": lambda: _batch(client.workspaces.list, total, in_flight),
        }
        if not await client.workspaces.list():
            return [Row("7", name, "loopback", "raw httpx.AsyncClient", goal=1.2, status="error: empty answer")]
        timing = await run_async(variants, calls=1, rounds=config.async_rounds, warmup=0 if config.smoke else 1)
        rate = {v: total / (timing.median_us(v) / 1e6) for v in variants}
        detail = f"{rate['ours']:,.0f} vs {rate['raw']:,.0f} calls/s"
        return [
            Row("7", name, "loopback", "raw httpx.AsyncClient", timing.ratio("ours", "raw"), goal=1.2, detail=detail)
        ]


def concurrency(config: Config, server: LoopbackServer) -> list[Row]:
    """Ours against raw httpx.AsyncClient with many calls in flight."""
    return asyncio.run(_concurrency(config, server))


async def _sequential_async(server: LoopbackServer, calls: int) -> None:
    from anythingllm import AsyncAnythingLLMClient

    async with AsyncAnythingLLMClient(server.url, API_KEY) as client:
        for _ in range(calls):
            await client.workspaces.list()


def connection_reuse(config: Config, server: LoopbackServer) -> list[Row]:
    """TCP connections the server saw for 100 sequential calls of a new client (sync, then async)."""
    from anythingllm import AnythingLLMClient

    rows = []
    calls = config.reuse_calls
    for kind in ("sync", "async"):
        name = f"workspaces.list {kind}: {calls} sequential calls"
        server.reset()
        if kind == "sync":
            with AnythingLLMClient(server.url, API_KEY) as client:
                for _ in range(calls):
                    client.workspaces.list()
        else:
            asyncio.run(_sequential_async(server, calls))
        stats = server.stats()
        if stats["requests"] != calls:
            status = f"error: the server saw {stats['requests']} requests"
            rows.append(
                Row("7", name, "loopback", "server count", unit="conn", goal=1, goal_kind="exact", status=status)
            )
            continue
        detail = f"{stats['requests']} requests on {stats['connections']} TCP connection(s), counted by the server"
        rows.append(
            Row(
                "7",
                name,
                "loopback",
                "server count",
                stats["connections"],
                unit="conn",
                goal=1,
                goal_kind="exact",
                detail=detail,
            )
        )
    return rows
