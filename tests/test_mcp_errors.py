"""Every error class reaches the MCP client as a tool error with the command line's message and hint.

For each case the tool is called through the SDK's client, then the same friendly method is called
directly with the same arguments against the same server; the tool's text must be exactly what the CLI
prints for that exception (``Error: ...`` / ``Hint: ...``, from ``describe()``). Errors the real server
gives on demand come from its recording (``mcp_errors.yaml``); transport failures, broken streams and
answers it never gives come from the local fault-injection server, replaying recorded bodies where the
server has one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from anythingllm import AsyncAnythingLLMClient
from anythingllm._failure import describe
from anythingllm.mcp import build_server
from anythingllm.mcp._server import error_text
from tests.conftest import RECORDED_BASE_URL
from tests.faultserver import FaultServer, Reply, closed_port, fault_server, json_text
from tests.mcp_support import KEY, RECORDING, connect, mcp_replay
from tests.recordings import load_interactions

__all__ = ["fault_server"]

pytestmark = pytest.mark.anyio

Direct = Callable[[AsyncAnythingLLMClient], Awaitable[Any]]


@dataclass(frozen=True)
class Case:
    """A tool call that fails with ``error``, and the same call made on the friendly client."""

    error: str
    tool: str
    arguments: dict[str, Any]
    direct: Direct | None  # None: the call is refused by the tool's schema, which the CLI does not have
    key: str | None = KEY
    sends: bool = True  # whether any request reaches the server
    script: tuple[tuple[str, str, Reply], ...] = field(default=())  # fault-server replies (method, path, reply)


def _recorded(cassette: str, method: str, path: str) -> dict[str, Any]:
    return next(
        i
        for i in load_interactions(cassette)
        if i["request"]["method"] == method and i["request"]["uri"].endswith(path)
    )


def _stream_events() -> list[str]:
    """The events of a recorded stream-chat answer, without its final one."""
    body = _recorded("workspace_stream_chat", "POST", "/api/v1/workspace/vcr-stream-ws/stream-chat")["response"]
    data = body["body"]["string"]
    events = [line[len("data: ") :] for line in data.splitlines() if line.startswith("data: ")]
    return [e for e in events if '"finalizeResponseStream"' not in e]


RECORDED_CASES = [
    Case("AuthenticationError", "check_auth", {}, lambda c: c.get_api_status(), key="WRONG-KEY-0000000"),
    Case(
        "NotFoundError",
        "get_workspace",
        {"workspace_id": "mcp-no-such-ws"},
        lambda c: c.workspaces.get("mcp-no-such-ws"),
    ),
    Case("MultiUserModeRequiredError", "list_users", {}, lambda c: c.users.list()),
    Case(
        "ServerError",
        "create_folder",
        {"name": "mcp-errors-folder"},
        lambda c: c.documents.create_folder("mcp-errors-folder"),
    ),
    Case(  # the server aborts the stream; an abort for an unknown workspace is NotFoundError
        "NotFoundError",
        "chat",
        {"workspace_id": "mcp-no-such-ws", "thread_id": "mcp-no-such-thread", "message": "hi", "mode": "chat"},
        lambda c: _stream(c, "mcp-no-such-ws", "hi", thread_id="mcp-no-such-thread", mode="chat"),
    ),
]


async def _stream(client: AsyncAnythingLLMClient, *args: Any, **kwargs: Any) -> Any:
    stream = await client.chat.stream_message(*args, **kwargs)
    async with stream:
        return await stream.get_final_message()


LOCAL_CASES = [
    Case(
        "UnsupportedOperationError",
        "chat",
        {"workspace_id": "ws", "thread_id": "t", "session_id": "s", "message": "hi"},
        lambda c: _stream(c, "ws", "hi", thread_id="t", session_id="s"),
        sends=False,
    ),
    Case("UsageError", "chat", {"workspace_id": "ws", "message": " "}, lambda c: _stream(c, "ws", " "), sends=False),
    Case("UsageError", "search_workspace", {"workspace_id": "ws", "query": 5}, None, sends=False),
    Case("UsageError", "get_workspace", {}, None, sends=False),
    Case("UsageError", "list_workspaces", {"surprise": True}, None, sends=False),
]

FAULT_CASES = [
    Case(  # the real server's 400 for this route, recorded with another export type
        "BadRequestError",
        "export_chats",
        {"type": "json"},
        lambda c: c.system.export_chats("json"),
        script=(
            ("GET", "/api/v1/system/export-chats", Reply.recorded(_recorded("system", "GET", "export-chats?type=xml"))),
        ),
    ),
    Case(
        "UnprocessableError",
        "upload_text",
        {"text": "Some text", "title": "A title"},
        lambda c: c.documents.raw_text("Some text", "A title"),
        script=(
            (
                "POST",
                "/api/v1/document/raw-text",
                Reply.recorded(_recorded("errors_documents", "POST", "/api/v1/document/raw-text")),
            ),
        ),
    ),
    Case(
        "PermissionDeniedError",
        "list_users",
        {},
        lambda c: c.users.list(),
        script=(
            (
                "GET",
                "/api/v1/admin/users",
                Reply.recorded(_recorded("admin_multi_user", "GET", "/api/v1/users/5/issue-auth-token")),
            ),
        ),
    ),
    Case(
        "WrongEndpointError",
        "list_workspaces",
        {},
        lambda c: c.workspaces.list(),
        script=(
            ("GET", "/api/v1/workspaces", Reply.html("<!doctype html><title>AnythingLLM</title><div id=root></div>")),
            # The client then asks once whether the API answers here at all (the probe): the web app again.
            ("GET", "/api/v1/auth", Reply.html("<!doctype html><title>AnythingLLM</title><div id=root></div>")),
        ),
    ),
    Case(
        "InvalidResponseError",
        "list_workspaces",
        {},
        lambda c: c.workspaces.list(),
        script=(("GET", "/api/v1/workspaces", Reply.json(json_text({"workspace": []}))),),
    ),
    Case(  # the real server's stream with its LLM provider down: an abort event, "Connection error."
        "ChatAbortedError",
        "chat",
        {"workspace_id": "hint-ws", "message": "Hello", "mode": "chat"},
        lambda c: _stream(c, "hint-ws", "Hello", mode="chat"),
        script=(
            (
                "POST",
                "/api/v1/workspace/hint-ws/stream-chat",
                Reply.recorded(_recorded("hints_llm_down_chat_stream_message", "POST", "/stream-chat")),
            ),
        ),
    ),
    Case(
        "StreamInterruptedError",
        "chat",
        {"workspace_id": "vcr-stream-ws", "message": "Stream hello to me", "mode": "chat"},
        lambda c: _stream(c, "vcr-stream-ws", "Stream hello to me", mode="chat"),
        script=(("POST", "/api/v1/workspace/vcr-stream-ws/stream-chat", Reply.sse(_stream_events())),),
    ),
    Case(
        "APITimeoutError",
        "get_workspace",
        {"workspace_id": "slow-ws"},
        lambda c: c.workspaces.get("slow-ws"),
        script=(("GET", "/api/v1/workspace/slow-ws", Reply.text("late", delay=2.0)),),
    ),
]


async def _compare(case: Case, client: AsyncAnythingLLMClient, transport: str = "memory") -> None:
    async with connect(build_server(client), transport) as mcp_client:
        result = await mcp_client.call_tool(case.tool, case.arguments)
    assert result.is_error
    (content,) = result.content
    error = (result.meta or {})["anythingllm/error"]
    assert error["type"] == case.error
    assert content.text.startswith("Error: ") and "\n" not in content.text.split("\nHint: ")[0]  # type: ignore[union-attr]
    if case.direct is None:
        assert content.text.startswith(f"Error: invalid arguments for {case.tool}: ")  # type: ignore[union-attr]
        return
    with pytest.raises(Exception) as raised:
        await case.direct(client)
    cli = describe(raised.value, base_url=client.base_url, key_given=client.api_key_set)
    assert cli.kind == case.error
    assert content.text == error_text(cli)  # type: ignore[union-attr]
    assert error == cli.to_json()["error"]


@pytest.fixture
async def existing_folder() -> AsyncIterator[None]:
    """While recording, the folder of the ServerError case exists beforehand (made outside the recording)."""
    if not RECORDING:
        yield
        return
    async with AsyncAnythingLLMClient(RECORDED_BASE_URL, KEY) as client:
        await client.documents.create_folder("mcp-errors-folder")
        yield
        await client.documents.delete_folder("mcp-errors-folder")


@pytest.mark.parametrize("case", RECORDED_CASES, ids=lambda c: f"{c.error}-{c.tool}")
async def test_errors_of_the_real_server(case: Case, existing_folder: None) -> None:
    with mcp_replay("mcp_errors", repeats=True):  # the tool and the direct call send the same request
        async with AsyncAnythingLLMClient(RECORDED_BASE_URL, case.key, max_retries=0) as client:
            await _compare(case, client)


@pytest.mark.parametrize("case", LOCAL_CASES, ids=lambda c: f"{c.error}-{c.tool}")
async def test_errors_found_before_any_request(case: Case) -> None:
    sent: list[httpx.Request] = []

    async def note(request: httpx.Request) -> None:
        sent.append(request)

    http = httpx.AsyncClient(event_hooks={"request": [note]})
    async with AsyncAnythingLLMClient(
        f"http://127.0.0.1:{closed_port()}", KEY, max_retries=0, http_client=http
    ) as client:
        await _compare(case, client)
    await http.aclose()
    assert sent == []


@pytest.mark.parametrize("case", FAULT_CASES, ids=lambda c: c.error)
async def test_errors_of_failing_servers(case: Case, fault_server: FaultServer) -> None:
    for method, path, reply in case.script:
        fault_server.script(method, path, reply, reply)
    async with AsyncAnythingLLMClient(fault_server.base_url, KEY, max_retries=0, timeout=0.5) as client:
        await _compare(case, client)


@pytest.mark.parametrize("transport", ["memory", "http"])
async def test_an_unreachable_server_is_a_connection_error_with_the_cli_hint(transport: str) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}"
    case = Case("APIConnectionError", "check_auth", {}, lambda c: c.get_api_status())
    async with AsyncAnythingLLMClient(base_url, KEY, max_retries=0) as client:
        await _compare(case, client, transport)
