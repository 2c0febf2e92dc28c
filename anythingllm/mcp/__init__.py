"""An MCP server for AnythingLLM on the typed client: ``anythingllm mcp`` (``pip install 'anythingllm[mcp]'``).

Its tools are the rows of one table (:data:`TOOLS`), each a friendly method of
:class:`~anythingllm.AsyncAnythingLLMClient` whose signature is the tool's input schema and whose
TypedDict result is its output schema; each workspace's documents are resources.

    async with AsyncAnythingLLMClient() as client:
        await serve_stdio(build_server(client, read_only=True))
"""

from ._run import http_server, parse_address, serve_stdio
from ._server import AnythingLLMServer, build_server
from ._table import TOOLS, Effect, ToolSpec
from ._tools import ArgumentsError, Tool, select

__all__ = [
    "TOOLS",
    "AnythingLLMServer",
    "ArgumentsError",
    "Effect",
    "Tool",
    "ToolSpec",
    "build_server",
    "http_server",
    "parse_address",
    "select",
    "serve_stdio",
]
