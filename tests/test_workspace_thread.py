"""client.workspace_thread (and the thread side of client.chat) against the recorded server (sync and async)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from anythingllm.errors import NotFoundError, UnsupportedOperationError
from anythingllm.streaming import FinalResponse, TextChunk, TextResponse, UsageMetrics
from tests.conftest import replay, resolve
from tests.test_chat import PIXEL_PNG, assert_sent_as_recorded, collect

pytestmark = pytest.mark.anyio

WS, THREAD = "vcr-thread-ws", "vcr-thread-1"


class ThreadCalls:
    """The thread operations through ``client.workspace_thread`` or through ``client.chat`` (same plans)."""

    def __init__(self, client: Any, via: str) -> None:
        self.client, self.via = client, via

    def send(self, message: str, **options: Any) -> Any:
        if self.via == "chat":
            return self.client.chat.send_message(WS, message, THREAD, **options)
        return self.client.workspace_thread.send_message(WS, THREAD, message, **options)

    def stream(self, message: str, **options: Any) -> Any:
        if self.via == "chat":
            return self.client.chat.stream_message(WS, message, THREAD, **options)
        return self.client.workspace_thread.stream_message(WS, THREAD, message, **options)

    def messages(self) -> Any:
        if self.via == "chat":
            return self.client.chat.get_history(WS, THREAD)
        return self.client.workspace_thread.get_thread_messages(WS, THREAD)

    def clear(self) -> Any:
        if self.via == "chat":
            return self.client.chat.clear_history(WS, THREAD)
        return self.client.workspace_thread.clear_thread_messages(WS, THREAD)


@pytest.mark.parametrize("via", ["workspace_thread", "chat"])
async def test_thread_chat_stream_history_and_clear(
    client: Any, sent: list[httpx.Request], tmp_path: Path, via: str
) -> None:
    calls = ThreadCalls(client, via)
    pixel = tmp_path / "pixel.png"
    pixel.write_bytes(PIXEL_PNG)
    with replay("thread_lifecycle") as cassette:
        hello = await resolve(calls.send("Thread hello", mode="chat"))
        assert (hello["content"], hello["chatId"]) == ("STUB-REPLY: Thread hello", 38)
        assert (hello["workspaceId"], hello["threadId"]) == (WS, THREAD)

        refused = await resolve(calls.send("What do zebras love?", mode="query"))
        assert refused["content"].startswith("There is no relevant information")

        found = await resolve(calls.send("zebras love crunchy purple carrots", mode="query", include_sources=False))
        assert found["content"] == "STUB-REPLY: zebras love crunchy purple carrots"
        assert "sources" not in found  # the server sent one

        agent = await resolve(calls.send("Automatic thread hi", mode="automatic"))
        assert (agent["thoughts"], agent["outputs"]) == ([], [])

        as_user = await resolve(calls.send("As user 1", mode="chat", user_id=1))
        assert [s["title"] for s in as_user["sources"]] == ["vcr-zebras-thread.txt"]

        image = await resolve(calls.send("Thread image", mode="chat", attachments=[pixel]))
        assert image["content"] == "STUB-REPLY: Thread image"

        stream = await resolve(calls.stream("Thread stream hello", mode="chat"))
        assert "".join(await collect(stream.text_stream)) == "STUB-REPLY: Thread stream hello"
        streamed = await resolve(stream.get_final_message())
        assert (streamed["chatId"], streamed["workspaceId"], streamed["threadId"]) == (44, WS, THREAD)

        stream = await resolve(calls.stream("zebras love crunchy purple carrots", mode="query"))
        assert [type(e) for e in await collect(stream)] == [TextChunk] * 7 + [FinalResponse]
        assert len((await resolve(stream.get_final_message()))["sources"]) == 1

        stream = await resolve(calls.stream("Automatic stream thread", mode="automatic"))
        events = await collect(stream)
        assert [type(e) for e in events] == [TextChunk] * 4 + [UsageMetrics, TextResponse, FinalResponse]
        assert (await resolve(stream.get_final_message()))["content"] == "STUB-REPLY: Automatic stream thread"

        messages = await resolve(calls.messages())
        assert len(messages) == 14
        assert [m["content"] for m in messages[:2]] == ["Thread hello", "STUB-REPLY: Thread hello"]
        assert messages[6]["attachments"][0]["name"] == "pixel.png"
        assert {m["threadId"] for m in messages} == {THREAD}

        cleared = await resolve(calls.clear())
        assert cleared == {"success": True, "message": "Chat history was reset!"}
        assert await resolve(calls.messages()) == []
        assert cassette.play_count == 12
    assert_sent_as_recorded(cassette, sent)


async def test_create_and_rename_threads(client: Any, sent: list[httpx.Request]) -> None:
    threads = client.workspace_thread
    with replay("thread_lifecycle") as cassette:
        created = await resolve(threads.create_thread(WS, "VCR Thread", slug=THREAD))
        assert (created["slug"], created["name"], created["workspaceId"]) == (THREAD, "VCR Thread", WS)
        renamed = await resolve(threads.update_thread(WS, THREAD, "VCR Thread Renamed"))
        assert (renamed["id"], renamed["name"]) == (created["id"], "VCR Thread Renamed")
        assert cassette.play_count == 2
    assert_sent_as_recorded(cassette, sent)  # deleting threads: tests/test_deletes.py


async def test_list_and_get_threads_from_the_workspace_listing(client: Any, sent: list[httpx.Request]) -> None:
    with replay("workspace_lifecycle"):
        threads = await resolve(client.workspace_thread.list_threads("test-ws"))
    assert [t["name"] for t in threads] == ["Thread", "bobs"]
    with replay("workspace_lifecycle"):
        bobs = await resolve(client.workspace_thread.get_thread("test-ws", "ca9514c4-a232-4132-9c70-c019c9ba819c"))
    assert bobs == {
        "user_id": 2,
        "slug": "ca9514c4-a232-4132-9c70-c019c9ba819c",
        "name": "bobs",
        "workspaceId": "test-ws",
    }
    assert [(r.method, r.url.path) for r in sent] == [("GET", "/api/v1/workspaces")] * 2


@pytest.mark.parametrize(("workspace", "thread"), [("test-ws", "no-such-thread"), ("no-such-ws", "x")])
async def test_get_thread_that_does_not_exist_raises_not_found(
    client: Any, sent: list[httpx.Request], workspace: str, thread: str
) -> None:
    with replay("workspace_lifecycle"), pytest.raises(NotFoundError, match=f"{workspace}|{thread}"):
        await resolve(client.workspace_thread.get_thread(workspace, thread))
    assert [(r.method, r.url.path) for r in sent] == [("GET", "/api/v1/workspaces")]


async def test_thread_errors_are_typed(client: Any) -> None:
    threads = client.workspace_thread
    with replay("errors_chat") as cassette:
        with pytest.raises(NotFoundError, match="Thread no-such-thread not found"):
            await resolve(threads.send_message("vcr-errors-thread-ws", "no-such-thread", "hi", mode="chat"))
        with pytest.raises(NotFoundError, match="Workspace no-such-ws not found"):
            await resolve(threads.send_message("no-such-ws", "no-such-thread", "hi", mode="chat"))
        with pytest.raises(NotFoundError, match="is not valid"):
            await resolve(threads.stream_message("vcr-errors-thread-ws", "no-such-thread", "hi", mode="chat"))
        stream = await resolve(threads.stream_message("no-such-ws", "no-such-thread", "hi", mode="chat"))
        with pytest.raises(NotFoundError, match="workspace 'no-such-ws' does not exist"):
            await resolve(stream.get_final_message())
        created = await resolve(threads.create_thread("vcr-errors-thread-ws", "err"))
        assert created["name"] == "err"
        with pytest.raises(NotFoundError, match="Thread not found"):
            await resolve(threads.get_thread_messages("vcr-errors-thread-ws", "no-such-thread"))
        with pytest.raises(NotFoundError, match="Workspace not found"):
            await resolve(threads.get_thread_messages("no-such-ws", "no-such-thread"))
        with pytest.raises(NotFoundError, match="Thread not found"):
            await resolve(threads.update_thread("vcr-errors-thread-ws", "no-such-thread", "x"))
        assert cassette.play_count == 8  # deleting an unknown thread: tests/test_deletes.py


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"message": ""}, ValueError, "message"),
        ({"mode": "bogus"}, ValueError, "mode"),
        ({"temperature": -0.5}, ValueError, "temperature"),
        ({"user_id": 0}, ValueError, "user_id"),
        ({"reset": "yes"}, TypeError, "reset"),
        ({"system_prompt": "Be brief"}, UnsupportedOperationError, "thread"),
        ({"temperature": 0.2}, UnsupportedOperationError, "thread"),
    ],
)
@pytest.mark.parametrize("method", ["send_message", "stream_message"])
async def test_thread_messages_are_checked_before_any_request(
    client: Any, method: str, options: dict[str, Any], error: type[Exception], match: str
) -> None:
    arguments = {"message": "hi", **options}
    with replay("errors_chat") as cassette:
        with pytest.raises(error, match=match):
            await resolve(getattr(client.workspace_thread, method)("vcr-errors-thread-ws", "t", **arguments))
        with pytest.raises(ValueError, match="thread_id"):
            await resolve(getattr(client.workspace_thread, method)("vcr-errors-thread-ws", "", "hi"))
        assert cassette.play_count == 0
