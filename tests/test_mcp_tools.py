"""Every MCP tool called through the SDK's client, against recordings of the real v1.16.0 server.

Each scenario is one cassette (``mcp_*.yaml``, recorded through these very tests with ``make record``)
and runs over the in-process memory streams and over streamable HTTP on a loopback port. The SDK's
client checks every structured result against the tool's output schema, so the TypedDicts are held to
what the server really sends.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from anythingllm.mcp import TOOLS
from tests.conftest import RECORDED_PASSWORD
from tests.mcp_support import RECORDING, call, fails, mcp_replay, session

pytestmark = pytest.mark.anyio

SCENARIOS: dict[str, tuple[str, ...]] = {
    "mcp_workspaces": (
        "check_auth",
        "create_workspace",
        "list_workspaces",
        "get_workspace",
        "update_workspace",
        "list_models",
        "list_vector_stores",
        "get_system_settings",
        "get_vector_count",
        "is_multi_user_mode",
        "get_accepted_file_types",
        "get_document_metadata_schema",
        "list_embeds",
        "export_chats",
        "delete_workspace",
    ),
    "mcp_chat": (
        "create_workspace",
        "chat",
        "create_thread",
        "list_threads",
        "get_thread",
        "rename_thread",
        "get_thread_history",
        "get_chat_history",
        "clear_chat_history",
        "openai_chat_completion",
        "create_embeddings",
        "delete_thread",
        "delete_workspace",
    ),
    "mcp_documents": (
        "create_workspace",
        "create_folder",
        "upload_file",
        "upload_text",
        "upload_link",
        "list_documents",
        "get_document",
        "list_folders",
        "list_folder",
        "embed_documents",
        "search_workspace",
        "pin_document",
        "remove_document_from_workspace",
        "move_documents",
        "delete_documents",
        "delete_folder",
        "delete_workspace",
    ),
    "mcp_multi_user": (
        "is_multi_user_mode",
        "create_workspace",
        "create_user",
        "list_users",
        "get_user",
        "update_user",
        "add_workspace_members",
        "list_workspace_members",
        "set_workspace_members",
        "delete_user",
        "delete_workspace",
    ),
}


class Calls:
    """Calls tools through a client and notes which ones were called."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.names: set[str] = set()

    async def __call__(self, name: str, arguments: dict[str, Any] | None = None, **kw: Any) -> Any:
        self.names.add(name)
        return await call(self.client, name, arguments, **kw)


def test_the_scenarios_call_every_tool() -> None:
    called = set().union(*SCENARIOS.values())
    assert called == {spec.name for spec in TOOLS}


@pytest.fixture(params=["memory", "http"])
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_workspaces_and_system(transport: str) -> None:
    with mcp_replay("mcp_workspaces"):
        async with session(transport) as client:
            tool = Calls(client)
            assert await tool("check_auth") == {"authenticated": True}
            created = await tool(
                "create_workspace",
                {"name": "MCP Tools WS", "chat_mode": "query", "top_n": 3, "system_prompt": "Answer briefly."},
            )
            slug = created["slug"]
            assert (slug, created["chatMode"], created["topN"]) == ("mcp-tools-ws", "query", 3)
            assert slug in [w["slug"] for w in (await tool("list_workspaces"))["result"]]
            got = await tool("get_workspace", {"workspace_id": slug})
            assert (got["name"], got["openAiPrompt"], got["documents"]) == ("MCP Tools WS", "Answer briefly.", [])
            updated = await tool(
                "update_workspace", {"workspace_id": slug, "name": "MCP Tools WS 2", "temperature": 0.3}
            )
            assert (updated["name"], updated["openAiTemp"], updated["slug"]) == ("MCP Tools WS 2", 0.3, slug)
            assert slug in [m["id"] for m in (await tool("list_models"))["result"]]
            assert isinstance((await tool("list_vector_stores"))["result"], list)
            settings = await tool("get_system_settings")
            assert settings["LLMProvider"] == "generic-openai" and settings["MultiUserMode"] is False
            assert isinstance((await tool("get_vector_count"))["result"], int)
            assert (await tool("is_multi_user_mode"))["isMultiUser"] is False
            assert ".txt" in (await tool("get_accepted_file_types"))["result"]
            assert "title" in await tool("get_document_metadata_schema")
            assert isinstance((await tool("list_embeds"))["result"], list)
            assert isinstance((await tool("export_chats", {"type": "json"}))["result"], str)
            assert (await tool("delete_workspace", {"workspace_id": slug}))["success"] is True
            text, error = await fails(client, "get_workspace", {"workspace_id": slug})
            assert error["type"] == "NotFoundError" and text.startswith("Error: 404: workspace 'mcp-tools-ws'")
    assert tool.names == set(SCENARIOS["mcp_workspaces"])


async def test_chat_threads_and_openai(transport: str) -> None:
    with mcp_replay("mcp_chat"):
        async with session(transport) as client:
            tool = Calls(client)
            slug = (await tool("create_workspace", {"name": "MCP Chat WS"}))["slug"]
            reply = await tool("chat", {"workspace_id": slug, "message": "Hello from MCP", "mode": "chat"})
            assert (reply["content"], reply["role"], reply["sources"]) == (
                "STUB-REPLY: Hello from MCP",
                "assistant",
                [],
            )
            thread = await tool("create_thread", {"workspace_id": slug, "name": "MCP Thread"})
            assert thread["name"] == "MCP Thread"
            assert thread["slug"] in [t["slug"] for t in (await tool("list_threads", {"workspace_id": slug}))["result"]]
            found = await tool("get_thread", {"workspace_id": slug, "thread_id": thread["slug"]})
            assert found["name"] == "MCP Thread"
            in_thread = await tool(
                "chat", {"workspace_id": slug, "thread_id": thread["slug"], "message": "In the thread", "mode": "chat"}
            )
            assert in_thread["content"] == "STUB-REPLY: In the thread"
            assert in_thread["threadId"] == thread["slug"]
            renamed = await tool(
                "rename_thread", {"workspace_id": slug, "thread_id": thread["slug"], "name": "Renamed"}
            )
            assert renamed["name"] == "Renamed"
            history = (await tool("get_thread_history", {"workspace_id": slug, "thread_id": thread["slug"]}))["result"]
            assert [(m["role"], m["content"]) for m in history] == [
                ("user", "In the thread"),
                ("assistant", "STUB-REPLY: In the thread"),
            ]
            chats = (await tool("get_chat_history", {"workspace_id": slug}))["result"]
            assert ("user", "Hello from MCP") in [(m["role"], m["content"]) for m in chats]
            cleared = await tool("clear_chat_history", {"workspace_id": slug})
            assert cleared["success"] is True
            completion = await tool(
                "openai_chat_completion",
                {
                    "model": slug,
                    "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hi"}],
                    "temperature": 0.2,
                },
            )
            assert completion["choices"][0]["message"]["content"].startswith("STUB-REPLY:")
            embeddings = await tool("create_embeddings", {"input_text": ["one", "two"]})
            assert [e["index"] for e in embeddings["data"]] == [0, 1]
            assert all(len(e["embedding"]) > 0 for e in embeddings["data"])
            deleted = await tool("delete_thread", {"workspace_id": slug, "thread_id": thread["slug"]})
            assert deleted["success"] is True
            text, error = await fails(client, "delete_thread", {"workspace_id": slug, "thread_id": thread["slug"]})
            assert error["type"] == "NotFoundError" and f"thread {thread['slug']!r} does not exist" in text  # gone
            text, error = await fails(client, "chat", {"workspace_id": "mcp-no-such-ws", "message": "hi"})
            assert error["type"] == "NotFoundError" and "mcp-no-such-ws" in text  # not an aborted chat
            await tool("delete_workspace", {"workspace_id": slug})
    assert tool.names == set(SCENARIOS["mcp_chat"])


@pytest.fixture
def web_page() -> Iterator[str]:
    """A page on a loopback port for the server to fetch while recording (replays never fetch it)."""
    if not RECORDING:
        yield "http://127.0.0.1:9/mcp-giraffes.html"
        return
    page = b"<html><head><title>MCP giraffes</title></head><body><p>Giraffes hum at night.</p></body></html>"

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/mcp-giraffes.html"
    finally:
        server.shutdown()


async def test_documents_and_resources(transport: str, tmp_path: Path, web_page: str) -> None:
    notes = tmp_path / "mcp-notes.txt"
    notes.write_text("Notes kept in a folder: zebras love crunchy purple carrots.\n")
    with mcp_replay("mcp_documents"):
        async with session(transport) as client:
            tool = Calls(client)
            slug = (await tool("create_workspace", {"name": "MCP Docs WS"}))["slug"]
            assert (await tool("create_folder", {"name": "mcp-folder"}))["name"] == "mcp-folder"
            filed = await tool("upload_file", {"file_path": str(notes), "folder_name": "mcp-folder"})
            assert filed["path"].startswith("mcp-folder/mcp-notes.txt-")
            text = await tool(
                "upload_text",
                {
                    "text": "Octopuses have three hearts and blue blood.",
                    "title": "MCP octopus facts",
                    "add_to_workspaces": [slug],
                    "metadata": {"docAuthor": "MCP tests"},
                },
            )
            assert text["path"].startswith("custom-documents/raw-mcp-octopus-facts-")
            linked = await tool("upload_link", {"link": web_page, "add_to_workspaces": [slug]})
            assert "mcp-giraffes" in linked["title"]
            stored = [d["path"] for d in (await tool("list_documents"))["result"]]
            assert {filed["path"], text["path"], linked["path"]} <= set(stored)
            document = await tool("get_document", {"document_id": text["path"]})
            assert document["docAuthor"] == "MCP tests"
            folders = {f["name"]: f for f in (await tool("list_folders"))["result"]}
            assert folders["mcp-folder"]["documentCount"] == 1
            page = await tool("list_folder", {"folder": "mcp-folder", "limit": "all"})
            assert (page["totalCount"], page["hasMore"]) == (1, False)
            embedded = await tool("embed_documents", {"workspace_id": slug, "document_ids": [filed["path"]]})
            assert filed["path"] in [d["docpath"] for d in embedded["documents"]]
            hits = await tool("search_workspace", {"workspace_id": slug, "query": "octopus three hearts", "top_n": 3})
            assert "Octopuses have three hearts" in " ".join(h["text"] for h in hits["result"])
            pinned = await tool("pin_document", {"workspace_id": slug, "document_path": text["path"]})
            assert pinned["success"] is True

            listed = {r.uri: r for r in (await client.list_resources()).resources}
            uri = f"anythingllm://workspace/{slug}/documents/{text['path']}"
            assert {uri, f"anythingllm://workspace/{slug}/documents/{filed['path']}"} <= set(listed)
            assert (listed[uri].title, listed[uri].mime_type) == (text["title"], "text/plain")
            (content,) = (await client.read_resource(uri)).contents
            assert content.text == "Octopuses have three hearts and blue blood."  # type: ignore[union-attr]
            templates = (await client.list_resource_templates()).resource_templates
            assert [t.uri_template for t in templates] == ["anythingllm://workspace/{slug}/documents/{+path}"]

            removed = await tool("remove_document_from_workspace", {"workspace_id": slug, "document_id": filed["path"]})
            assert filed["path"] not in [d["docpath"] for d in removed["documents"]]
            moved_to = "custom-documents/" + filed["path"].split("/", 1)[1]
            moved = await tool("move_documents", {"moves": [{"from": filed["path"], "to": moved_to}]})
            assert moved["success"] is True
            gone = await tool("delete_documents", {"names": [moved_to, text["path"], linked["path"]]})
            assert gone["success"] is True
            assert (await tool("delete_folder", {"folder_id": "mcp-folder"}))["success"] is True
            await tool("delete_workspace", {"workspace_id": slug})
    assert tool.names == set(SCENARIOS["mcp_documents"])


async def test_users_and_members(transport: str) -> None:
    with mcp_replay("mcp_multi_user"):
        async with session(transport) as client:
            tool = Calls(client)
            assert (await tool("is_multi_user_mode"))["isMultiUser"] is True
            slug = (await tool("create_workspace", {"name": "MCP Members WS"}))["slug"]
            user = await tool("create_user", {"username": "mcp-member", "password": RECORDED_PASSWORD})
            assert (user["username"], user["role"]) == ("mcp-member", "default")
            assert user["id"] in [u["id"] for u in (await tool("list_users"))["result"]]
            assert (await tool("get_user", {"user_id": user["id"]}))["username"] == "mcp-member"
            assert (await tool("update_user", {"user_id": user["id"], "role": "manager"}))["role"] == "manager"
            members = (await tool("add_workspace_members", {"workspace_id": slug, "user_ids": [user["id"]]}))["result"]
            assert [m["userId"] for m in members] == [user["id"]]
            listed = (await tool("list_workspace_members", {"workspace_id": slug}))["result"]
            assert [m["username"] for m in listed] == ["mcp-member"]
            assert (await tool("set_workspace_members", {"workspace_id": slug, "user_ids": []}))["result"] == []
            assert (await tool("delete_user", {"user_id": user["id"]}))["success"] is True
            await tool("delete_workspace", {"workspace_id": slug})
    assert tool.names == set(SCENARIOS["mcp_multi_user"])
