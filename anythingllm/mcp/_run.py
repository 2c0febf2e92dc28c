"""The two transports: stdio (the default) and streamable HTTP on an address (loopback unless told)."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from ._server import AnythingLLMServer

if TYPE_CHECKING:
    import uvicorn

LOOPBACK = "127.0.0.1"
PATH = "/mcp"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def parse_address(value: str) -> tuple[str, int]:
    """``HOST:PORT``, ``[IPv6]:PORT``, ``:PORT`` or ``PORT`` as ``(host, port)``; a bare port is on loopback."""
    text = value.strip()
    host, _, port_text = text.rpartition(":")
    if not _:
        host, port_text = "", text
    host = host.strip("[]") or LOOPBACK
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise ValueError(f"--http takes HOST:PORT or PORT (0-65535), got {value!r}")
    return host, int(port_text)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only."""
    return host in _LOOPBACK_HOSTS or host.startswith("127.")


async def serve_stdio(server: AnythingLLMServer) -> None:
    """Serve one client over this process's stdin and stdout until it closes them."""
    from mcp.server.stdio import stdio_server

    async with stdio_server() as (read, write):
        await server.server.run(read, write, server.server.create_initialization_options())


def http_server(server: AnythingLLMServer, host: str, port: int) -> uvicorn.Server:
    """A uvicorn server of the streamable HTTP endpoint ``http://HOST:PORT/mcp`` (``await .serve()`` runs it).

    On a loopback host the SDK's DNS-rebinding protection accepts only loopback Host and Origin headers.
    """
    import uvicorn

    app = server.server.streamable_http_app(streamable_http_path=PATH, host=host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    return uvicorn.Server(config)


def bound_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free one), for :func:`http_server`'s ``serve``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock
