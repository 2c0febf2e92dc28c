"""The MCP server as a client sees it: tools, schemas, annotations, selection, streaming, stdio, secrets."""

from __future__ import annotations

import inspect
import json
import logging
import subprocess
import sys
from collections.abc import Awaitable, Coroutine, Generator
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError

from anythingllm import AsyncAnythingLLMClient
from anythingllm.mcp import TOOLS, Effect, _docs, _schema, build_server, parse_address, select
from anythingllm.mcp._tools import Tool
from anythingllm.types import ChatMessage, Workspace
from scripts import mcp_docs
from tests.mcp_support import (
    CANARY_KEY,
    KEY,
    RECORDING,
    TRANSPORTS,
    anythingllm,
    call,
    connect,
    mcp_replay,
    session,
    stdio_params,
)

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[1]

# --- the tool list, generated from the code -------------------------------------------------------------


def test_the_snapshot_and_the_readme_table_are_what_the_code_generates() -> None:
    readme, snapshot = mcp_docs.generated()
    assert (ROOT / "tests" / "snapshots" / "mcp_tools.json").read_text(encoding="utf-8") == snapshot, (
        "the MCP tools changed: run make mcp-docs and review the snapshot diff"
    )
    assert (ROOT / "README.md").read_text(encoding="utf-8") == readme, "run make mcp-docs"
    assert mcp_docs.main(["--check"]) == 0


async def test_tools_list_is_the_snapshot_over_every_transport() -> None:
    expected = json.loads((ROOT / "tests" / "snapshots" / "mcp_tools.json").read_text(encoding="utf-8"))
    for transport in TRANSPORTS:
        async with session(transport) as client:
            listed = (await client.list_tools()).tools
            templates = (await client.list_resource_templates()).resource_templates
        got = [tool.model_dump(mode="json", by_alias=True, exclude_none=True) for tool in listed]
        assert got == expected["tools"], transport
        assert [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in templates] == expected[
            "resourceTemplates"
        ]


def test_every_input_schema_is_the_signature_of_its_friendly_method() -> None:
    client = AsyncAnythingLLMClient("http://127.0.0.1:3001", None)
    for name, tool in build_server(client).tools.items():
        spec = tool.spec
        signature = inspect.signature(tool.method).parameters
        named = {p for p in signature if signature[p].kind is not inspect.Parameter.VAR_KEYWORD}
        for excluded in (*spec.exclude, *spec.fixed, *spec.types, *spec.required):
            assert excluded in named, f"{name}: {excluded} is not a parameter of {spec.method}"
        properties = tool.input_schema.get("properties", {})
        settings = set(spec.settings.__annotations__) if spec.settings else set()
        assert set(properties) == (named - set(spec.exclude) - set(spec.fixed)) | (settings - set(spec.exclude)), name
        required = {p for p in named - set(spec.exclude) - set(spec.fixed) if signature[p].default is inspect._empty}
        assert set(tool.input_schema.get("required", [])) == required | set(spec.required), name
        assert tool.input_schema["additionalProperties"] is False
        assert tool.output_schema["type"] == "object"


def test_a_result_typeddict_is_the_output_schema() -> None:
    client = AsyncAnythingLLMClient("http://127.0.0.1:3001", None)
    tools = build_server(client).tools
    workspace = tools["get_workspace"].output_schema
    assert workspace["title"] == "Workspace"
    assert set(workspace["properties"]) == set(Workspace.__annotations__)
    listed = tools["list_workspaces"].output_schema
    assert listed["required"] == ["result"] and listed["properties"]["result"]["type"] == "array"
    assert tools["chat"].output_schema["title"] == "ChatMessage"
    assert set(tools["chat"].output_schema["properties"]) == set(ChatMessage.__annotations__)


def test_schemas_come_from_a_plan_a_coroutine_function_or_an_awaitable_alike() -> None:
    def plan(self: Any, workspace_id: str, top_n: int | None = None) -> Generator[Any, Any, list[Workspace]]:
        raise NotImplementedError

    async def coroutine(self: Any, workspace_id: str, top_n: int | None = None) -> list[Workspace]:
        raise NotImplementedError

    def awaitable(self: Any, workspace_id: str, top_n: int | None = None) -> Awaitable[list[Workspace]]:
        raise NotImplementedError

    def coroutine_type(self: Any, workspace_id: str, top_n: int | None = None) -> Coroutine[Any, Any, list[Workspace]]:
        raise NotImplementedError

    schemas = set()
    for function in (plan, coroutine, awaitable, coroutine_type):
        bound = function.__get__(object())
        assert _schema.result_type(bound) == list[Workspace]
        model = _schema.arguments_model("Args", _schema.parameters(bound))
        schemas.add(json.dumps([_schema.input_schema(model), _schema.output_schema("R", _schema.result_type(bound))]))
    assert len(schemas) == 1


# --- annotations ----------------------------------------------------------------------------------------

PEER_TOOLS = {
    # andreperez/anythingllm-mcp, its 34 tools over /api/v1 -> ours
    "anythingllm_check_auth": "check_auth",
    "anythingllm_list_workspaces": "list_workspaces",
    "anythingllm_get_workspace": "get_workspace",
    "anythingllm_create_workspace": "create_workspace",
    "anythingllm_update_workspace": "update_workspace",
    "anythingllm_delete_workspace": "delete_workspace",
    "anythingllm_chat": "chat",
    "anythingllm_get_chat_history": "get_chat_history",
    "anythingllm_create_thread": "create_thread",
    "anythingllm_delete_thread": "delete_thread",
    "anythingllm_update_thread": "rename_thread",
    "anythingllm_chat_in_thread": "chat",
    "anythingllm_get_thread_chats": "get_thread_history",
    "anythingllm_list_documents": "list_documents",
    "anythingllm_get_accepted_file_types": "get_accepted_file_types",
    "anythingllm_upload_link": "upload_link",
    "anythingllm_upload_file": "upload_file",
    "anythingllm_upload_raw_text": "upload_text",
    "anythingllm_upload_file_to_folder": "upload_file",
    "anythingllm_list_documents_in_folder": "list_folder",
    "anythingllm_get_document": "get_document",
    "anythingllm_get_document_metadata_schema": "get_document_metadata_schema",
    "anythingllm_create_folder": "create_folder",
    "anythingllm_remove_folder": "delete_folder",
    "anythingllm_move_files": "move_documents",
    "anythingllm_update_embeddings": "embed_documents",  # adds; deletes: remove_document_from_workspace
    "anythingllm_update_pin": "pin_document",
    "anythingllm_search": "search_workspace",
    "anythingllm_get_system_settings": "get_system_settings",
    "anythingllm_get_vector_count": "get_vector_count",
    "anythingllm_export_chats": "export_chats",
    "anythingllm_remove_documents": "delete_documents",
    "anythingllm_list_embeds": "list_embeds",
    "anythingllm_list_models": "list_models",
}


def test_everything_the_peers_offer_is_a_tool() -> None:
    assert len(PEER_TOOLS) == 34
    names = {spec.name for spec in TOOLS}
    assert set(PEER_TOOLS.values()) <= names
    # ... and what the issue asks beyond them: streaming chat, clearing history, OpenAI chat and
    # embeddings, users and workspace members.
    assert {"clear_chat_history", "openai_chat_completion", "create_embeddings", "list_users"} <= names
    assert {"add_workspace_members", "set_workspace_members", "list_workspace_members"} <= names


def test_annotations_follow_what_each_tool_does() -> None:
    for spec in TOOLS:
        hints = spec.hints()
        assert hints["readOnlyHint"] is (spec.effect is Effect.READ), spec.name
        if spec.effect is Effect.READ:
            assert (hints["destructiveHint"], hints["idempotentHint"]) == (False, True), spec.name
        if spec.name.startswith(("delete_", "remove_", "clear_", "set_", "update_", "rename_")):
            assert hints["destructiveHint"] is True, spec.name
        if spec.name.startswith(("list_", "get_", "search_", "check_", "is_")):
            assert hints["readOnlyHint"] is True, spec.name
    by_name = {spec.name: spec.hints() for spec in TOOLS}
    assert by_name["embed_documents"]["idempotentHint"] is False  # the server embeds a document twice
    assert by_name["chat"] == {
        "readOnlyHint": False,
        "destructiveHint": False,
        "idempotentHint": False,
        "openWorldHint": True,
    }
    assert [name for name, hints in by_name.items() if hints["openWorldHint"]] == ["chat", "upload_link"]


# --- which tools a server offers ------------------------------------------------------------------------


async def test_read_only_offers_only_tools_that_change_nothing_and_refuses_the_others() -> None:
    async with session(read_only=True) as client:
        listed = (await client.list_tools()).tools
        assert listed and all(tool.annotations and tool.annotations.read_only_hint for tool in listed)
        assert {tool.name for tool in listed} == {spec.name for spec in TOOLS if spec.effect is Effect.READ}
        with pytest.raises(MCPError, match="unknown tool 'delete_workspace'"):
            await client.call_tool("delete_workspace", {"workspace_id": "test-ws"})


async def test_deny_and_allow_narrow_the_tools() -> None:
    async with session(deny=["chat", "delete_workspace"]) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert names == {spec.name for spec in TOOLS} - {"chat", "delete_workspace"}
        with pytest.raises(MCPError, match="unknown tool 'chat'"):
            await client.call_tool("chat", {"workspace_id": "test-ws", "message": "hi"})
    async with session(allow=["list_workspaces", "delete_workspace"], read_only=True) as client:
        assert [tool.name for tool in (await client.list_tools()).tools] == ["list_workspaces"]


def test_selection_names_only_known_tools_and_leaves_at_least_one() -> None:
    with pytest.raises(ValueError, match=r"unknown tool\(s\) nope; the tools are: check_auth, "):
        select(deny=["nope"])
    with pytest.raises(ValueError, match="no tool is left"):
        select(allow=["delete_workspace"], read_only=True)
    assert [s.name for s in select(allow=["chat", "list_workspaces"])] == ["list_workspaces", "chat"]


def test_http_addresses_default_to_loopback() -> None:
    assert parse_address("8000") == ("127.0.0.1", 8000)
    assert parse_address(":8000") == ("127.0.0.1", 8000)
    assert parse_address("0.0.0.0:9000") == ("0.0.0.0", 9000)
    assert parse_address("[::1]:9000") == ("::1", 9000)
    for wrong in ("", "host:", "host:http", "99999"):
        with pytest.raises(ValueError, match="--http takes HOST:PORT"):
            parse_address(wrong)


# --- streamed chat --------------------------------------------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_streamed_chat_sends_the_text_so_far_as_progress(transport: str) -> None:
    seen: list[tuple[float, str | None]] = []

    async def progress(value: float, total: float | None, message: str | None) -> None:
        seen.append((value, message))

    with mcp_replay("mcp_stream"):
        async with session(transport) as client:
            slug = (await call(client, "create_workspace", {"name": "MCP Stream WS"}))["slug"]
            reply = await call(
                client,
                "chat",
                {"workspace_id": slug, "message": "Stream hello to me", "mode": "chat"},
                progress_callback=progress,
            )
            quiet = await call(client, "chat", {"workspace_id": slug, "message": "No progress asked", "mode": "chat"})
            await call(client, "delete_workspace", {"workspace_id": slug})
    assert reply["content"] == "STUB-REPLY: Stream hello to me"
    assert reply["sources"] == [] and reply["metrics"]["total_tokens"] > 0 and reply["chatId"] > 0
    assert quiet["content"] == "STUB-REPLY: No progress asked"
    values = [value for value, _ in seen]
    assert values == sorted(set(values)) and len(values) >= 3  # one notification per event, increasing
    texts = [text or "" for _, text in seen]
    assert all(reply["content"].startswith(text) for text in texts)  # each the answer so far
    assert texts[-1] == reply["content"] and len(set(texts)) >= 3


# --- stdio: the real CLI as a subprocess -------------------------------------------------------------------


async def test_stdio_serves_the_cli_options_and_streams_progress() -> None:
    seen: list[str | None] = []

    async def progress(value: float, total: float | None, message: str | None) -> None:
        seen.append(message)

    params = stdio_params("mcp_stdio", "mcp", "--deny", "delete_workspace,update_workspace")
    async with Client(params) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert names == {spec.name for spec in TOOLS} - {"delete_workspace", "update_workspace"}
        slug = (await call(client, "create_workspace", {"name": "MCP Stdio WS"}))["slug"]
        reply = await call(
            client, "chat", {"workspace_id": slug, "message": "Over stdio", "mode": "chat"}, progress_callback=progress
        )
        assert reply["content"] == "STUB-REPLY: Over stdio" and seen[-1] == reply["content"]
        with pytest.raises(MCPError, match="unknown tool 'delete_workspace'"):
            await client.call_tool("delete_workspace", {"workspace_id": slug})
    async with Client(stdio_params("mcp_stdio", "mcp", "--read-only")) as client:
        tools = (await client.list_tools()).tools
        assert {t.name for t in tools} == {s.name for s in TOOLS if s.effect is Effect.READ}
        assert slug in [w["slug"] for w in (await call(client, "list_workspaces"))["result"]]
    if RECORDING:  # leave the live server as it was
        async with anythingllm() as cleanup:
            await cleanup.workspaces.delete(slug)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "anythingllm", *args], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env
    )


def test_the_cli_lists_the_tools_and_refuses_unknown_names() -> None:
    listed = _cli("mcp", "--read-only", "--list-tools")
    assert listed.returncode == 0, listed.stderr
    assert "| `list_workspaces` | `client.workspaces.list` | yes | – | yes | – |" in listed.stdout
    assert "`delete_workspace`" not in listed.stdout
    as_json = _cli("mcp", "--allow", "chat", "--list-tools", "--json")
    assert [tool["name"] for tool in json.loads(as_json.stdout)["tools"]] == ["chat"]
    wrong = _cli("mcp", "--deny", "nope")
    assert wrong.returncode == 2
    assert wrong.stderr.startswith("Error: unknown tool(s) nope; the tools are: check_auth,")
    assert "Hint: `anythingllm mcp --list-tools` shows the tools" in wrong.stderr
    bad_address = _cli("mcp", "--http", "somewhere:port")
    assert bad_address.returncode == 2 and "--http takes HOST:PORT" in bad_address.stderr


def test_without_the_extra_the_command_says_how_to_install_it(tmp_path: Path) -> None:
    blocker = tmp_path / "sitecustomize.py"  # makes `import mcp` fail as if the SDK were not installed
    blocker.write_text(
        "import sys\n"
        "class _NoMCP:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'mcp' or name.startswith('mcp.'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, _NoMCP())\n"
    )
    import os

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    result = _cli("mcp", env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Error: `anythingllm mcp` needs the MCP SDK, which is not installed: pip install 'anythingllm[mcp]'"
    ]
    assert _cli("--help", env=env).returncode == 0  # the rest of the command line never needs it


def test_importing_the_command_line_does_not_import_the_sdk() -> None:
    code = "import sys, anythingllm.cli; print(sorted(m for m in ('mcp', 'pydantic', 'uvicorn') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr


# --- the key ----------------------------------------------------------------------------------------------


async def test_the_api_key_is_in_no_tool_schema_result_error_or_log(caplog: pytest.LogCaptureFixture) -> None:
    assert KEY == CANARY_KEY or RECORDING
    caplog.set_level(logging.DEBUG)
    outputs: list[str] = []
    with mcp_replay("mcp_secrets"):
        async with session("http") as client:
            tools = (await client.list_tools()).tools
            outputs.append(json.dumps([t.model_dump(mode="json") for t in tools]))
            assert not any("key" in name.lower() for t in tools for name in t.input_schema.get("properties", {}))
            slug = (await call(client, "create_workspace", {"name": "MCP Secrets WS"}))["slug"]
            for name, arguments in (
                ("check_auth", {}),
                ("list_workspaces", {}),
                ("get_workspace", {"workspace_id": slug}),
                ("get_system_settings", {}),
                ("chat", {"workspace_id": slug, "message": "Keep it secret", "mode": "chat"}),
                ("get_workspace", {"workspace_id": "mcp-no-such-ws"}),
                ("list_users", {}),
                ("delete_workspace", {"workspace_id": slug}),
            ):
                result = await client.call_tool(name, arguments)
                outputs.append(result.model_dump_json())
    offline = AsyncAnythingLLMClient("http://127.0.0.1:9", KEY, max_retries=0)  # nothing listens there
    async with offline, connect(build_server(offline), "memory") as client:
        outputs.append((await client.call_tool("check_auth", {})).model_dump_json())
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records)
    assert caplog.records  # the request log and the server's log were captured
    for text in (*outputs, logged):
        assert KEY not in text


def test_a_bound_tool_never_holds_the_key_in_its_schemas() -> None:
    client = AsyncAnythingLLMClient("http://127.0.0.1:3001", CANARY_KEY)
    for tool in build_server(client).tools.values():
        assert isinstance(tool, Tool)
        assert CANARY_KEY not in json.dumps([tool.input_schema, tool.output_schema])
    assert CANARY_KEY not in json.dumps(_docs.snapshot(build_server(client)))
