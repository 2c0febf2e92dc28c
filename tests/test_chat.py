"""client.chat against the real server's recorded answers (sync and async).

The helpers :func:`collect` (iterate a sync or async stream) and :func:`assert_sent_as_recorded` (the
client sent exactly the recorded requests, bodies included) are shared with test_workspace_thread.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from anythingllm import AsyncAnythingLLMClient
from anythingllm._shape import unix_to_iso
from anythingllm.errors import NotFoundError, UnsupportedOperationError
from anythingllm.resources._chat_plans import chat_body
from anythingllm.streaming import AsyncChatStream, ChatStream, FinalResponse, TextChunk, TextResponse, UsageMetrics
from tests.conftest import replay, resolve

pytestmark = pytest.mark.anyio

# The 1x1 PNG the recordings attached (its data URL is in the recorded request bodies).
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PIXEL_B64 = base64.b64encode(PIXEL_PNG).decode()


async def collect(items: Any) -> list[Any]:
    """Everything a sync or an async iterable yields (a chat stream, its ``text_stream``...)."""
    if hasattr(items, "__aiter__"):
        return [item async for item in items]
    return list(items)


def _request_key(method: str, url: str, body: bytes | str | None) -> tuple[str, str, list[tuple[str, str]], str]:
    parts = urlsplit(url)
    text = body.decode() if isinstance(body, bytes) else (body or "")
    payload = json.dumps(json.loads(text), sort_keys=True) if text else ""
    return method.upper(), parts.path, sorted(parse_qsl(parts.query)), payload


def assert_sent_as_recorded(cassette: Any, sent: list[httpx.Request]) -> None:
    """The client sent exactly the requests whose recorded answers were played: methods, paths, queries
    and JSON bodies."""
    played = [cassette.data[index][0] for index, count in cassette.play_counts.items() if count]
    recorded = sorted(_request_key(r.method, r.uri, r.body) for r in played)
    actual = sorted(_request_key(r.method, str(r.url), r.content) for r in sent)
    assert actual == recorded


@pytest.fixture
def pixel(tmp_path: Path) -> Path:
    path = tmp_path / "pixel.png"
    path.write_bytes(PIXEL_PNG)
    return path


async def test_send_message_in_every_mode_then_history_and_clear(
    client: Any, sent: list[httpx.Request], pixel: Path
) -> None:
    ws = "vcr-chat-ws"
    with replay("workspace_chat_modes") as cassette:
        hello = await resolve(client.chat.send_message(ws, "Hello there, stub!", mode="chat"))
        assert hello["content"] == hello["textResponse"] == "STUB-REPLY: Hello there, stub!"
        assert (hello["role"], hello["chatId"], hello["sources"]) == ("assistant", 18, [])
        assert (hello["workspaceId"], hello["threadId"]) == (ws, None)
        assert hello["metrics"]["total_tokens"] == 59

        refused = await resolve(client.chat.send_message(ws, "What do zebras love?", mode="query"))
        assert refused["content"].startswith("There is no relevant information")
        assert "chatId" not in refused

        found = await resolve(client.chat.send_message(ws, "zebras love crunchy purple carrots", mode="query"))
        assert [s["title"] for s in found["sources"]] == ["vcr-zebras.txt"]

        # The server sent one source with this answer; include_sources=False leaves it out.
        quiet = await resolve(client.chat.send_message(ws, "zebras purple carrots", mode="chat", include_sources=False))
        assert quiet["content"] == "STUB-REPLY: zebras purple carrots"
        assert "sources" not in quiet

        agent = await resolve(client.chat.send_message(ws, "Say hi in automatic mode", mode="automatic"))
        assert (agent["thoughts"], agent["outputs"]) == ([], [])
        assert "chatId" not in agent

        session = await resolve(
            client.chat.send_message(ws, "Remember me by session", mode="chat", session_id="vcr-session-0001")
        )
        assert session["chatId"] == 23

        image = await resolve(client.chat.send_message(ws, "What is in this image?", mode="chat", attachments=[pixel]))
        assert image["content"] == "STUB-REPLY: What is in this image?"

        default = await resolve(client.chat.send_message(ws, "No mode given, uses workspace default"))
        assert "thoughts" in default  # the new workspace's default mode is automatic: the agent path

        cleared = await resolve(client.chat.clear_history(ws, session_id="vcr-session-0001"))
        assert cleared == {"success": True, "message": "Chat history was reset!"}

        history = await resolve(client.chat.get_history(ws))
        assert [m["role"] for m in history] == ["user", "assistant"] * 4
        assert history[0]["content"] == "Hello there, stub!"
        assert history[0]["createdAt"] == unix_to_iso(history[0]["sentAt"])
        assert {(m["workspaceId"], m["threadId"]) for m in history} == {(ws, None)}

        by_session = await resolve(client.chat.get_history(ws, session_id="vcr-session-0001", limit=5, order_by="desc"))
        assert [m["content"] for m in by_session] == ["Remember me by session", "STUB-REPLY: Remember me by session"]

        assert cassette.play_count == 11
    assert_sent_as_recorded(cassette, sent)
    bodies = [json.loads(r.content) for r in sent if r.method == "POST"]
    assert bodies[6]["attachments"] == [
        {"name": "pixel.png", "mime": "image/png", "contentString": "data:image/png;base64," + PIXEL_B64}
    ]
    assert bodies[7] == {"message": "No mode given, uses workspace default"}
    assert bodies[8] == {"reset": True, "sessionId": "vcr-session-0001"}


async def test_system_prompt_and_temperature_go_through_the_openai_compatible_chat(
    client: Any, sent: list[httpx.Request]
) -> None:
    with replay("openai_compatible") as cassette:
        answer = await resolve(
            client.chat.send_message(
                "vcr-openai-ws", "Hi from the OpenAI endpoint", system_prompt="You are a test bot.", temperature=0.7
            )
        )
        assert cassette.play_count == 1
    assert_sent_as_recorded(cassette, sent)
    assert [(r.method, r.url.path) for r in sent] == [("POST", "/api/v1/openai/chat/completions")]
    assert answer["content"] == answer["textResponse"] == "STUB-REPLY: Hi from the OpenAI endpoint"
    assert (answer["role"], answer["type"], answer["workspaceId"], answer["threadId"]) == (
        "assistant",
        "textResponse",
        "vcr-openai-ws",
        None,
    )
    assert answer["metrics"] == answer["usage"]
    assert (answer["sources"], answer["close"], answer["error"]) == ([], True, None)  # the keys of a /chat answer
    assert "chatId" not in answer  # that endpoint stores no chat id it could return


async def test_stream_message_in_both_wire_formats(client: Any, sent: list[httpx.Request], pixel: Path) -> None:
    ws = "vcr-stream-ws"
    with replay("workspace_stream_chat") as cassette:
        stream = await resolve(client.chat.stream_message(ws, "Stream hello to me", mode="chat"))
        assert isinstance(stream, AsyncChatStream if isinstance(client, AsyncAnythingLLMClient) else ChatStream)
        assert "".join(await collect(stream.text_stream)) == "STUB-REPLY: Stream hello to me"
        hello = await resolve(stream.get_final_message())
        assert (hello["content"], hello["workspaceId"], hello["threadId"]) == (
            "STUB-REPLY: Stream hello to me",
            ws,
            None,
        )
        assert isinstance(hello["chatId"], int)

        stream = await resolve(client.chat.stream_message(ws, "What do zebras love?", mode="query"))
        events = await collect(stream)
        assert [type(e) for e in events] == [TextResponse]
        assert (await resolve(stream.get_final_message()))["content"].startswith("There is no relevant information")

        stream = await resolve(client.chat.stream_message(ws, "zebras love crunchy purple carrots", mode="query"))
        events = await collect(stream)
        assert [type(e) for e in events] == [TextChunk] * 7 + [FinalResponse]
        found = await resolve(stream.get_final_message())
        assert [s["title"] for s in found["sources"]] == ["vcr-zebras-stream.txt"]

        # The agent path: chunks keyed `id`, usage metrics, the whole text, then the final event.
        stream = await resolve(client.chat.stream_message(ws, "Say hi in automatic mode", mode="automatic"))
        events = await collect(stream)
        assert [type(e) for e in events] == [TextChunk] * 6 + [UsageMetrics, TextResponse, FinalResponse]
        agent = await resolve(stream.get_final_message())
        assert agent["content"] == "STUB-REPLY: Say hi in automatic mode"
        assert (agent["thoughts"], agent["metrics"]["total_tokens"]) == ([], 83)

        stream = await resolve(
            client.chat.stream_message(ws, "Streaming with a session", mode="chat", session_id="vcr-stream-session-01")
        )
        assert (await resolve(stream.get_final_message()))["content"] == "STUB-REPLY: Streaming with a session"

        stream = await resolve(
            client.chat.stream_message(ws, "Describe this picture", mode="chat", attachments=[pixel])
        )
        await _first_event_then_close(stream)
        assert stream.response.is_closed

        latest = await resolve(client.chat.get_history(ws, limit=3, order_by="desc"))
        assert [m["content"] for m in latest[:2]] == ["Describe this picture", "STUB-REPLY: Describe this picture"]

        assert cassette.play_count == 7
    assert_sent_as_recorded(cassette, sent)


async def _first_event_then_close(stream: Any) -> Any:
    """Read one event inside the stream's context manager (sync or async), which closes it."""
    if isinstance(stream, AsyncChatStream):
        async with stream as opened:
            return await opened.__aiter__().__anext__()
    with stream as opened:
        return next(iter(opened))


async def test_chat_errors_are_typed(client: Any) -> None:
    with replay("errors_chat") as cassette:
        with pytest.raises(NotFoundError, match="no-such-ws is not a valid workspace"):
            await resolve(client.chat.send_message("no-such-ws", "hi", mode="chat"))
        with pytest.raises(NotFoundError, match="no-such-ws is not a valid workspace"):
            await resolve(client.chat.stream_message("no-such-ws", "hi", mode="chat"))
        with pytest.raises(NotFoundError, match="Thread no-such-thread not found"):
            await resolve(client.chat.send_message("vcr-errors-thread-ws", "hi", "no-such-thread", mode="chat"))
        with pytest.raises(NotFoundError, match="Workspace no-such-ws not found"):
            await resolve(client.chat.send_message("no-such-ws", "hi", "no-such-thread", mode="chat"))
        with pytest.raises(NotFoundError, match="thread no-such-thread is not valid"):
            await resolve(client.chat.stream_message("vcr-errors-thread-ws", "hi", "no-such-thread", mode="chat"))
        # An unknown workspace in a thread stream: HTTP 200, no content type, one abort event.
        stream = await resolve(client.chat.stream_message("no-such-ws", "hi", "no-such-thread", mode="chat"))
        with pytest.raises(NotFoundError, match="workspace 'no-such-ws' does not exist"):
            await collect(stream)
        with pytest.raises(NotFoundError, match="Thread not found"):
            await resolve(client.chat.get_history("vcr-errors-thread-ws", "no-such-thread"))
        with pytest.raises(NotFoundError, match="Workspace not found"):
            await resolve(client.chat.update_thread("no-such-ws", "x", name="x"))
        assert cassette.play_count == 8


async def test_list_threads_reads_the_workspace_listing(client: Any, sent: list[httpx.Request]) -> None:
    with replay("workspace_lifecycle") as cassette:
        threads = await resolve(client.chat.list_threads("test-ws"))
        assert cassette.play_count == 1
    assert [(r.method, r.url.path) for r in sent] == [("GET", "/api/v1/workspaces")]
    assert [(t["slug"], t["name"], t["user_id"]) for t in threads] == [
        ("83ca3760-5437-44af-a2b5-852071d8d429", "Thread", None),
        ("ca9514c4-a232-4132-9c70-c019c9ba819c", "bobs", 2),
    ]
    assert {t["workspaceId"] for t in threads} == {"test-ws"}


async def test_list_threads_of_an_unknown_workspace_raises_not_found(client: Any, sent: list[httpx.Request]) -> None:
    with replay("workspace_lifecycle"), pytest.raises(NotFoundError, match="no-such-ws"):
        await resolve(client.chat.list_threads("no-such-ws"))
    assert [(r.method, r.url.path) for r in sent] == [("GET", "/api/v1/workspaces")]


async def test_create_and_rename_threads(client: Any, sent: list[httpx.Request]) -> None:
    ws = "vcr-thread-ws"
    with replay("thread_lifecycle") as cassette:
        created = await resolve(client.chat.create_thread(ws, "VCR Thread", slug="vcr-thread-1"))
        assert (created["id"], created["slug"], created["name"], created["workspaceId"]) == (
            4,
            "vcr-thread-1",
            "VCR Thread",
            ws,
        )
        assert created["updatedAt"] == created["lastUpdatedAt"]

        renamed = await resolve(client.chat.update_thread(ws, "vcr-thread-1", name="VCR Thread Renamed"))
        assert (renamed["id"], renamed["name"]) == (4, "VCR Thread Renamed")
        assert cassette.play_count == 2
    assert_sent_as_recorded(cassette, sent)  # deleting threads: tests/test_deletes.py


def test_chat_body_sends_only_the_given_fields() -> None:
    assert chat_body("hi") == {"message": "hi"}
    assert chat_body("hi", mode="query", reset=True) == {"message": "hi", "mode": "query", "reset": True}
    assert chat_body(None, session_id="s", user_id=3) == {"sessionId": "s", "userId": 3}


BAD_CALLS: list[tuple[str, Callable[[Any, Path], Any], type[Exception], str]] = [
    ("empty", lambda c, _: c.chat.send_message("test-ws", "   "), ValueError, "message"),
    ("none", lambda c, _: c.chat.send_message("test-ws", None), TypeError, "message"),
    ("mode", lambda c, _: c.chat.send_message("test-ws", "hi", mode="bogus"), ValueError, "mode"),
    ("temp<0", lambda c, _: c.chat.send_message("test-ws", "hi", temperature=-1), ValueError, "temperature"),
    ("temp str", lambda c, _: c.chat.send_message("test-ws", "hi", temperature="hot"), TypeError, "temperature"),
    ("sources", lambda c, _: c.chat.send_message("test-ws", "hi", include_sources="no"), TypeError, "include_sources"),
    ("slug", lambda c, _: c.chat.send_message("a/b", "hi"), ValueError, "workspace_id"),
    ("attach str", lambda c, p: c.chat.send_message("test-ws", "hi", attachments=str(p)), TypeError, "attachments"),
    ("attach gone", lambda c, p: c.chat.send_message("test-ws", "hi", attachments=[p / "x"]), ValueError, "attach"),
    ("attach dict", lambda c, _: c.chat.send_message("t", "hi", attachments=[{"name": "a"}]), ValueError, "mime"),
    ("stream empty", lambda c, _: c.chat.stream_message("test-ws", ""), ValueError, "message"),
    ("stream mode", lambda c, _: c.chat.stream_message("test-ws", "hi", mode="fast"), ValueError, "mode"),
    ("limit", lambda c, _: c.chat.get_history("test-ws", limit=0), ValueError, "limit"),
    ("order", lambda c, _: c.chat.get_history("test-ws", order_by="up"), ValueError, "order_by"),
    ("no name", lambda c, _: c.chat.update_thread("test-ws", "t"), ValueError, "name"),
    ("thread name", lambda c, _: c.chat.create_thread("test-ws", ""), ValueError, "name"),
]

UNSUPPORTED_CALLS: list[tuple[str, Callable[[Any], Any], str]] = [
    ("thread prompt", lambda c: c.chat.send_message("w", "hi", "t", system_prompt="Be brief"), "thread"),
    ("stream temp", lambda c: c.chat.stream_message("w", "hi", temperature=0.2), "create_chat_completion"),
    ("prompt+mode", lambda c: c.chat.send_message("w", "hi", system_prompt="x", mode="chat"), "mode"),
    ("prompt+session", lambda c: c.chat.send_message("w", "hi", temperature=1, session_id="s"), "session_id"),
    ("thread session", lambda c: c.chat.send_message("w", "hi", "t", session_id="s"), "session"),
    ("user no thread", lambda c: c.chat.send_message("w", "hi", user_id=1), "user"),
    ("stream sources", lambda c: c.chat.stream_message("w", "hi", include_sources=False), "sources"),
    ("thread history", lambda c: c.chat.get_history("w", "t", limit=3), "limit"),
    ("clear thread session", lambda c: c.chat.clear_history("w", "t", session_id="s"), "session"),
    ("description", lambda c: c.chat.create_thread("w", "n", "about"), "description"),
    ("new description", lambda c: c.chat.update_thread("w", "t", "n", "about"), "description"),
]


@pytest.mark.parametrize(("case", "call", "error", "match"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
async def test_bad_arguments_fail_before_any_request(
    client: Any, tmp_path: Path, case: str, call: Callable[[Any, Path], Any], error: type[Exception], match: str
) -> None:
    with replay("errors_chat") as cassette:
        with pytest.raises(error, match=match):
            await resolve(call(client, tmp_path))
        assert cassette.play_count == 0


@pytest.mark.parametrize(("case", "call", "match"), UNSUPPORTED_CALLS, ids=[c[0] for c in UNSUPPORTED_CALLS])
async def test_what_the_server_lacks_is_refused_before_any_request(
    client: Any, case: str, call: Callable[[Any], Any], match: str
) -> None:
    with replay("errors_chat") as cassette:
        with pytest.raises(UnsupportedOperationError, match=match):
            await resolve(call(client))
        assert cassette.play_count == 0
