"""Drive ``anythingllm mcp`` with the MCP SDK's own client: in process (memory streams or the direct
dispatcher), over streamable HTTP on a loopback port, or over stdio as a subprocess of the real CLI.

The AnythingLLM client under the server replays the cassettes of the real server (``replay``); under
``make record`` it talks to the live server and the missing interactions are recorded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
from mcp import Client, StdioServerParameters

from anythingllm import AsyncAnythingLLMClient
from anythingllm.mcp import AnythingLLMServer, build_server
from anythingllm.mcp._run import bound_socket, http_server
from tests.conftest import RECORDED_BASE_URL, RECORDED_KEY, replay

ROOT = Path(__file__).resolve().parents[1]
RECORDING = bool(os.environ.get("ANYTHINGLLM_RECORD"))
CANARY_KEY = "mcp-canary-key-5f2e9b71c4d8"
"""The key of every replayed test: no tool result, error or log may ever show it."""
KEY = RECORDED_KEY if RECORDING else CANARY_KEY
TRANSPORTS = ("memory", "direct", "http")
"""memory: JSON-RPC over the SDK's memory streams; direct: the SDK's in-process dispatcher; http: a
loopback port served by uvicorn."""
HTTP_HOST = "localhost"
"""The name the HTTP transport's client uses for the loopback MCP endpoint: the cassettes let it through
(the AnythingLLM server is 127.0.0.1), since VCR patches the MCP SDK's HTTP client too."""


def mcp_replay(cassette: str, *, repeats: bool = False) -> Any:
    """:func:`replay` of ``cassette`` that lets the MCP HTTP transport's own traffic through."""
    return replay(cassette, ignore_hosts=(HTTP_HOST,), repeats=repeats)


Progress = Callable[[float, float | None, str | None], Awaitable[None]]


@asynccontextmanager
async def anythingllm(
    key: str | None = KEY, base_url: str = RECORDED_BASE_URL
) -> AsyncIterator[AsyncAnythingLLMClient]:
    """The async client the server is built on (no retries, so a recorded answer is used once)."""
    async with AsyncAnythingLLMClient(base_url, key, max_retries=0) as client:
        yield client


@asynccontextmanager
async def connect(server: AnythingLLMServer, transport: str) -> AsyncIterator[Client]:
    """An MCP client session with ``server`` over ``transport`` (one of :data:`TRANSPORTS`)."""
    if transport == "memory":
        async with Client(server.server, mode="legacy") as client:
            yield client
    elif transport == "direct":
        async with Client(server.server) as client:
            yield client
    elif transport == "http":
        sock = bound_socket("127.0.0.1", 0)
        port = sock.getsockname()[1]
        web = http_server(server, "127.0.0.1", port)
        async with anyio.create_task_group() as group:
            group.start_soon(web.serve, [sock])
            with anyio.fail_after(10):
                while not web.started:
                    await anyio.sleep(0.01)
            try:
                async with Client(f"http://{HTTP_HOST}:{port}/mcp") as client:
                    yield client
            finally:
                web.should_exit = True
    else:
        raise ValueError(transport)


@asynccontextmanager
async def session(transport: str = "memory", **options: Any) -> AsyncIterator[Client]:
    """A client session with a server (``build_server(**options)``) over a replaying AnythingLLM client."""
    async with anythingllm() as client, connect(build_server(client, **options), transport) as mcp_client:
        yield mcp_client


async def call(client: Client, name: str, arguments: dict[str, Any] | None = None, **kw: Any) -> Any:
    """The structured result of a successful tool call (the SDK checked it against the output schema)."""
    result = await client.call_tool(name, arguments or {}, **kw)
    assert not result.is_error, f"{name} failed: {result.content}"
    return result.structured_content


async def fails(client: Client, name: str, arguments: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The text and ``_meta`` error of a failed tool call."""
    result = await client.call_tool(name, arguments or {})
    assert result.is_error, f"{name} did not fail: {result.structured_content}"
    (content,) = result.content
    assert content.type == "text"
    meta = result.meta or {}
    return content.text, meta.get("anythingllm/error", {})


def stdio_params(cassette: str, *cli_args: str, env: dict[str, str] | None = None) -> StdioServerParameters:
    """``python -m tests.mcp_stdio_replay CASSETTE -- <cli args>``: the real CLI over stdio, replaying a cassette."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ANYTHINGLLM_") or RECORDING}
    environment.update({"ANYTHINGLLM_BASE_URL": RECORDED_BASE_URL, "ANYTHINGLLM_API_KEY": KEY, **(env or {})})
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), environment.get("PYTHONPATH", "")) if p)
    return StdioServerParameters(
        command=sys.executable, args=["-m", "tests.mcp_stdio_replay", cassette, *cli_args], env=environment, cwd=ROOT
    )
