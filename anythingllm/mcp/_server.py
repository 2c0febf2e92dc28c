"""The MCP server: the tools and document resources of one client, on the SDK's low-level ``Server``.

A tool call checks its arguments against the tool's input schema (nothing is sent when they do not
match), calls the friendly method and returns its result as structured content (and as JSON text). A
failure becomes a tool error whose text is the command line's: ``Error: <one line>`` and ``Hint: ...``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection
from typing import Any

import mcp_types as types
from mcp.server import Server
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError

from .. import __version__
from .._client import AsyncAnythingLLMClient
from .._failure import Failure, describe
from . import _resources
from ._table import TOOLS, ToolSpec
from ._tools import Tool, bind_all, select

logger = logging.getLogger("anythingllm.mcp")

INSTRUCTIONS = (
    "Tools for an AnythingLLM server: workspaces (a slug names each), chat with a workspace or thread, "
    "search its documents, upload documents and embed them into workspaces, threads, users. "
    "Each workspace's documents are also resources (anythingllm://workspace/{slug}/documents/{path})."
)


def failure_of(exc: BaseException, client: AsyncAnythingLLMClient) -> Failure:
    """What the command line would say about ``exc`` (message and hint), for this client's server."""
    return describe(exc, base_url=client.base_url, key_given=client.api_key_set)


def error_text(failure: Failure) -> str:
    """The command line's lines for a failure: ``Error: ...`` and, when there is one, ``Hint: ...``."""
    lines = [f"Error: {failure.message}"]
    if failure.hint:
        lines.append(f"Hint: {failure.hint}")
    return "\n".join(lines)


def tool_error(failure: Failure) -> types.CallToolResult:
    """A failed call as the model sees it: the CLI's text, plus the error's type in ``_meta``."""
    return types.CallToolResult(
        content=[types.TextContent(text=error_text(failure))],
        is_error=True,
        _meta={"anythingllm/error": failure.to_json()["error"]},
    )


def describe_tool(tool: Tool) -> types.Tool:
    """The tool as ``tools/list`` shows it: name, title, description, schemas and annotations."""
    spec = tool.spec
    hints = spec.hints()
    return types.Tool(
        name=spec.name,
        title=spec.title,
        description=spec.description,
        input_schema=tool.input_schema,
        output_schema=tool.output_schema,
        annotations=types.ToolAnnotations(
            title=spec.title,
            read_only_hint=hints["readOnlyHint"],
            destructive_hint=hints["destructiveHint"],
            idempotent_hint=hints["idempotentHint"],
            open_world_hint=hints["openWorldHint"],
        ),
    )


def resource_template() -> types.ResourceTemplate:
    """The template of the document resources."""
    return types.ResourceTemplate(
        uri_template=_resources.TEMPLATE,
        name="workspace-document",
        title="A workspace's document",
        description="A document embedded in a workspace: its text as the workspace holds it (path: folder/file.json).",
        mime_type=_resources.MIME_TYPE,
    )


class AnythingLLMServer:
    """The handlers of one MCP server over one :class:`AsyncAnythingLLMClient` (the caller opens and closes it)."""

    def __init__(self, client: AsyncAnythingLLMClient, specs: Collection[ToolSpec] = TOOLS) -> None:
        self.client = client
        self.tools = bind_all(client, specs)
        self.server: Server[Any] = Server(
            "anythingllm",
            version=__version__,
            title="AnythingLLM",
            instructions=INSTRUCTIONS,
            on_list_tools=self._list_tools,
            on_call_tool=self._call_tool,
            on_list_resources=self._list_resources,
            on_list_resource_templates=self._list_templates,
            on_read_resource=self._read_resource,
        )

    async def _list_tools(self, ctx: ServerRequestContext[Any], params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[describe_tool(tool) for tool in self.tools.values()])

    async def _call_tool(self, ctx: ServerRequestContext[Any], params: types.CallToolRequestParams) -> Any:
        tool = self.tools.get(params.name)
        if tool is None:
            raise MCPError(types.INVALID_PARAMS, f"unknown tool {params.name!r}; tools/list shows the tools")

        async def progress(events: int, text: str) -> None:
            await ctx.session.report_progress(events, None, text)

        try:
            result = await tool.call(params.arguments, progress)
        except Exception as exc:  # every failure becomes a tool error the model can read
            failure = failure_of(exc, self.client)
            logger.info("tool %s failed: %s %s", tool.name, failure.kind, failure.message)
            return tool_error(failure)
        return types.CallToolResult(
            content=[types.TextContent(text=json.dumps(result, ensure_ascii=False))],
            structured_content=result,
        )

    async def _list_resources(self, ctx: ServerRequestContext[Any], params: Any) -> types.ListResourcesResult:
        try:
            documents = await _resources.list_documents(self.client)
        except Exception as exc:
            raise MCPError(types.INTERNAL_ERROR, error_text(failure_of(exc, self.client))) from None
        return types.ListResourcesResult(
            resources=[
                types.Resource(
                    uri=d.uri, name=d.name, title=d.title, description=d.description, mime_type=_resources.MIME_TYPE
                )
                for d in documents
            ]
        )

    async def _list_templates(self, ctx: ServerRequestContext[Any], params: Any) -> types.ListResourceTemplatesResult:
        return types.ListResourceTemplatesResult(resource_templates=[resource_template()])

    async def _read_resource(
        self, ctx: ServerRequestContext[Any], params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        uri = str(params.uri)
        try:
            text = await _resources.read_document(self.client, uri)
        except Exception as exc:
            failure = failure_of(exc, self.client)
            code = types.INVALID_PARAMS if failure.kind in ("NotFoundError", "UsageError") else types.INTERNAL_ERROR
            raise MCPError(code, error_text(failure), {"uri": uri}) from None
        return types.ReadResourceResult(
            contents=[types.TextResourceContents(uri=uri, text=text, mime_type=_resources.MIME_TYPE)]
        )


def build_server(
    client: AsyncAnythingLLMClient,
    *,
    read_only: bool = False,
    allow: Collection[str] = (),
    deny: Collection[str] = (),
) -> AnythingLLMServer:
    """The MCP server of ``client`` with the tools chosen (ValueError for an unknown name or none left)."""
    return AnythingLLMServer(client, select(TOOLS, read_only=read_only, allow=allow, deny=deny))
