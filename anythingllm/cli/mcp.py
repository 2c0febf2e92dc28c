"""``anythingllm mcp``: serve the AnythingLLM server to MCP clients (stdio, or streamable HTTP with --http).

The MCP SDK is an optional extra: this module imports it only when the command runs, so importing the
command line never needs it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from .errors import EXIT_USAGE, UsageProblem
from .state import State, state_of

if TYPE_CHECKING:
    from ..mcp import AnythingLLMServer

INSTALL = "pip install 'anythingllm[mcp]'"


def _names(values: list[str] | None) -> list[str]:
    """Tool names from repeated options, each possibly a comma-separated list."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]


def _sdk_missing(exc: ImportError) -> bool:
    return (exc.name or "").split(".")[0] in {"mcp", "mcp_types", "pydantic", "pydantic_core", "uvicorn", "starlette"}


def mcp(
    ctx: typer.Context,
    http: Annotated[
        str | None,
        typer.Option(
            "--http",
            metavar="HOST:PORT",
            show_default=False,
            help="Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio (a bare PORT is on 127.0.0.1).",
        ),
    ] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Offer only the tools that change nothing.")] = False,
    allow: Annotated[
        list[str] | None,
        typer.Option("--allow", metavar="TOOL", show_default=False, help="Offer only these tools (repeat, or a,b)."),
    ] = None,
    deny: Annotated[
        list[str] | None,
        typer.Option("--deny", metavar="TOOL", show_default=False, help="Do not offer these tools (repeat, or a,b)."),
    ] = None,
    list_tools: Annotated[
        bool, typer.Option("--list-tools", help="Print the tools with their annotations and exit.")
    ] = False,
) -> None:
    """Serve this AnythingLLM server to AI assistants over the Model Context Protocol (stdio by default).

    Same connection settings as every command (--base-url, --api-key or the environment variables).

    The API key is never a tool argument, a result or a log line. Needs: pip install 'anythingllm\\[mcp]'
    """
    state = state_of(ctx)
    try:
        from .. import mcp as server_mcp
    except ImportError as exc:
        if not _sdk_missing(exc):
            raise
        typer.echo(f"Error: `anythingllm mcp` needs the MCP SDK, which is not installed: {INSTALL}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    address = None
    if http is not None:
        try:
            address = server_mcp.parse_address(http)
        except ValueError as exc:
            raise UsageProblem(str(exc), "e.g. --http 8000 or --http 127.0.0.1:8000") from None
    import anyio

    from .._client import AsyncAnythingLLMClient

    async def run() -> None:
        async with AsyncAnythingLLMClient(**state.client_options()) as root:
            idle = state.stream_idle_timeout
            client = root.with_options(stream_idle_timeout=idle) if idle else root
            try:
                server = server_mcp.build_server(client, read_only=read_only, allow=_names(allow), deny=_names(deny))
            except ValueError as exc:
                raise UsageProblem(str(exc), "`anythingllm mcp --list-tools` shows the tools") from None
            if list_tools:
                _print_tools(state, server)
            elif address is None:
                await server_mcp.serve_stdio(server)
            else:
                await _serve_http(server, *address)

    anyio.run(run)


def _print_tools(state: State, server: AnythingLLMServer) -> None:
    from ..mcp import _docs

    if state.out.json_mode:
        state.out.json(_docs.snapshot(server))
    else:
        typer.echo(_docs.tool_table(server))


async def _serve_http(server: AnythingLLMServer, host: str, port: int) -> None:
    from ..mcp import _run

    where = f"http://{f'[{host}]' if ':' in host else host}:{port}{_run.PATH}"
    print(f"AnythingLLM MCP server: {where} ({len(server.tools)} tools); Ctrl-C stops it.", file=sys.stderr)
    if not _run.is_loopback(host):
        print(
            f"Warning: {host} is reachable from other machines, and the endpoint has no authentication: anyone "
            "who reaches it uses AnythingLLM with this API key.",
            file=sys.stderr,
        )
    await _run.http_server(server, host, port).serve()
