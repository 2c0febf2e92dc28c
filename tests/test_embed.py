"""client.embed against the real server's recorded answers (sync and async): text embeddings and widgets."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from anythingllm.errors import BadRequestError, NotFoundError, ServerError
from tests.conftest import replay, resolve
from tests.faultserver import FaultServer, Reply, fault_server
from tests.test_openai import fault_client

pytestmark = pytest.mark.anyio
__all__ = ["fault_client", "fault_server"]

EMBED = "d57d01e3-9da1-47a8-a48e-e51ecc2e065c"
SESSION = "6f1c8e9a-0b7d-4c2e-9f3a-5d4b3c2a1e0f"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


async def test_text_and_batch_embeddings_use_the_openai_embeddings_route(
    client: Any, sent: list[httpx.Request]
) -> None:
    with replay("openai_compatible") as cassette:
        one = await resolve(client.embed.get_text_embedding("embed this single string"))
        batch = await resolve(client.embed.get_batch_embeddings(["first string", "second string"]))
        assert cassette.play_count == 2
    assert [(r.method, r.url.path) for r in sent] == [("POST", "/api/v1/openai/embeddings")] * 2
    assert [body_of(r) for r in sent] == [
        {"input": "embed this single string"},
        {"input": ["first string", "second string"]},
    ]
    assert len(one["data"]) == 1 and len(one["data"][0]["embedding"]) == 384
    assert [item["index"] for item in batch["data"]] == [0, 1]
    assert batch["model"] == one["model"]


async def test_embed_widget_lifecycle(client: Any, sent: list[httpx.Request]) -> None:
    with replay("embed_lifecycle") as cassette:
        await resolve(client.workspaces.create("VCR Embed WS"))
        embed = await resolve(
            client.embed.create_embed(
                "vcr-embed-ws",
                chat_mode="chat",
                allowlist_domains=[],
                allow_model_override=False,
                allow_temperature_override=False,
                allow_prompt_override=False,
                max_chats_per_day=100,
                max_chats_per_session=10,
            )
        )
        assert embed["uuid"] == EMBED
        assert embed["enabled"] is True
        assert embed["chat_mode"] == "chat"
        assert embed["max_chats_per_day"] == 100 and embed["message_limit"] is None

        listed = await resolve(client.embed.list_embeds())
        assert [(e["uuid"], e["workspace"]["name"], e["chat_count"]) for e in listed] == [(EMBED, "VCR Embed WS", 0)]

        changed = await resolve(
            client.embed.update_embed(
                EMBED, enabled=True, chat_mode="query", max_chats_per_day=50, allowlist_domains=["https://example.com"]
            )
        )
        assert changed == {"success": True, "error": None}
        reset = await resolve(client.embed.update_embed(EMBED, chat_mode="chat", allowlist_domains=[]))
        assert reset["success"] is True

        chats = await resolve(client.embed.get_embed_chats(EMBED))
        assert [c["prompt"] for c in chats] == ["Widget hello", "Widget second question"]
        assert json.loads(chats[0]["response"])["text"] == "STUB-REPLY: Widget hello"  # a JSON string, as sent
        session = await resolve(client.embed.get_embed_session_chats(EMBED, SESSION))
        assert [c["session_id"] for c in session] == [SESSION, SESSION]

        again = await resolve(client.embed.list_embeds())
        assert again[0]["chat_count"] == 2

        deleted = await resolve(client.embed.delete_embed(EMBED))
        assert deleted == {"success": True, "error": None}
        assert cassette.play_count == 9  # an unknown embed or session: tests/test_not_found.py

    # The settings go out in the server's own field names; the allowlist as the comma-separated string it
    # reads (a JSON list would be dropped silently, opening the widget to every site).
    assert [(r.method, r.url.path.removeprefix("/api/v1")) for r in sent] == [
        ("POST", "/workspace/new"),
        ("POST", "/embed/new"),
        ("GET", "/embed"),
        ("POST", f"/embed/{EMBED}"),
        ("POST", f"/embed/{EMBED}"),
        ("GET", f"/embed/{EMBED}/chats"),
        ("GET", f"/embed/{EMBED}/chats/{SESSION}"),
        ("GET", "/embed"),
        ("DELETE", f"/embed/{EMBED}"),
    ]
    create, first_update, second_update = (body_of(sent[i]) for i in (1, 3, 4))
    assert create == {
        "workspace_slug": "vcr-embed-ws",
        "chat_mode": "chat",
        "allowlist_domains": "",
        "allow_model_override": False,
        "allow_temperature_override": False,
        "allow_prompt_override": False,
        "max_chats_per_day": 100,
        "max_chats_per_session": 10,
    }
    assert first_update == {
        "enabled": True,
        "chat_mode": "query",
        "max_chats_per_day": 50,
        "allowlist_domains": "https://example.com",
    }
    assert second_update == {"chat_mode": "chat", "allowlist_domains": ""}


async def test_unknown_workspace_and_unknown_embed_are_not_found(client: Any) -> None:
    with replay("embed_lifecycle") as cassette:
        await resolve(client.embed.create_embed("vcr-embed-ws", chat_mode="chat"))  # the first recorded create
        # The server's 400 for a missing slug, which create_embed cannot send (workspace_id is required).
        with pytest.raises(BadRequestError, match="Workspace slug is required"):
            await resolve(client.http_client.post("/v1/embed/new", json_data={"chat_mode": "chat"}))
        with pytest.raises(NotFoundError, match="Workspace not found"):
            await resolve(client.embed.create_embed("no-such-ws"))
        with pytest.raises(NotFoundError, match="Embed not found"):
            await resolve(client.embed.update_embed(UNKNOWN, enabled=False))
        with pytest.raises(NotFoundError, match="Embed not found") as caught:
            await resolve(client.embed.delete_embed(UNKNOWN))
        assert caught.value.status_code == 404
        assert cassette.play_count == 5


async def test_failures_reported_in_a_200_answer_raise(fault_client: Any, fault_server: FaultServer) -> None:
    # What the server's handlers send when the database write fails (embed: null / success: false).
    fault_server.script("POST", "/api/v1/embed/new", Reply.json('{"embed":null,"error":"Unique constraint failed"}'))
    fault_server.script("POST", f"/api/v1/embed/{EMBED}", Reply.json('{"success":false,"error":"Record not found"}'))
    fault_server.script(
        "DELETE", f"/api/v1/embed/{EMBED}", Reply.json('{"success":false,"error":"Failed to delete embed"}')
    )
    with pytest.raises(ServerError, match=r"could not create the embed.*Unique constraint failed"):
        await resolve(fault_client.embed.create_embed("vcr-embed-ws"))
    with pytest.raises(ServerError, match=r"could not update the embed.*Record not found"):
        await resolve(fault_client.embed.update_embed(EMBED, enabled=False))
    with pytest.raises(ServerError, match=r"could not delete the embed.*Failed to delete embed") as caught:
        await resolve(fault_client.embed.delete_embed(EMBED))
    assert caught.value.body == {"success": False, "error": "Failed to delete embed"}


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda e: e.get_text_embedding(""), ValueError, "text must not be empty"),
        (lambda e: e.get_text_embedding(["a"]), TypeError, "text must be a str"),
        (lambda e: e.get_batch_embeddings("one text"), TypeError, "texts must be a list of str, got a str"),
        (lambda e: e.get_batch_embeddings([]), ValueError, "texts must contain at least one text"),
        (lambda e: e.get_batch_embeddings(["ok", 3]), TypeError, r"texts\[1\]"),
        (lambda e: e.create_embed(""), ValueError, "workspace_id"),
        (lambda e: e.create_embed("ws", chat_mode="automatic"), ValueError, "chat_mode must be 'chat' or 'query'"),
        (lambda e: e.create_embed("ws", allowlist_domains="a.com"), TypeError, "allowlist_domains must be a list"),
        (lambda e: e.create_embed("ws", allowlist_domains=["a.com,b.com"]), ValueError, "without commas"),
        (lambda e: e.create_embed("ws", allow_model_override="yes"), TypeError, "allow_model_override must be a bool"),
        (lambda e: e.create_embed("ws", max_chats_per_day=-1), ValueError, "max_chats_per_day"),
        (lambda e: e.create_embed("ws", message_limit=2.5), TypeError, "message_limit must be an integer"),
        (lambda e: e.update_embed(EMBED), ValueError, "at least one setting"),
        (lambda e: e.update_embed(EMBED, enabled=1), TypeError, "enabled must be a bool"),
        (lambda e: e.delete_embed(7), TypeError, "embed_id must be a str"),
        (lambda e: e.get_embed_chats("a/b"), ValueError, "embed_id must be a single path segment"),
        (lambda e: e.get_embed_session_chats(EMBED, ""), ValueError, "session_id"),
    ],
)
async def test_arguments_are_checked_before_sending(client: Any, call: Any, error: type[Exception], match: str) -> None:
    with replay("embed_lifecycle") as cassette:
        with pytest.raises(error, match=match):
            await resolve(call(client.embed))
        assert cassette.play_count == 0
