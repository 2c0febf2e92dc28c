"""client.workspaces against the real server's recorded answers (sync and async)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from anythingllm.errors import NotFoundError, UnsupportedOperationError
from tests.conftest import replay, replay_joined, resolve

pytestmark = pytest.mark.anyio


async def test_lifecycle_create_get_update_list_delete(client: Any) -> None:
    with replay("workspace_lifecycle") as cassette:
        created = await resolve(client.workspaces.create("VCR Lifecycle WS"))
        assert created["slug"] == "vcr-lifecycle-ws"
        assert created["name"] == "VCR Lifecycle WS"
        assert created["chatMode"] == "automatic"

        fetched = await resolve(client.workspaces.get("vcr-lifecycle-ws"))
        assert fetched["id"] == created["id"]
        assert fetched["documents"] == []

        renamed = await resolve(client.workspaces.update("vcr-lifecycle-ws", name="VCR Lifecycle WS Renamed"))
        assert renamed["name"] == "VCR Lifecycle WS Renamed"
        assert renamed["updatedAt"] == renamed["lastUpdatedAt"]

        listed = await resolve(client.workspaces.list())
        assert "vcr-lifecycle-ws" in [w["slug"] for w in listed]
        assert all("threads" in w for w in listed)

        assert cassette.play_count == 4


async def test_get_unknown_workspace_raises_not_found(client: Any) -> None:
    with replay("errors_workspace"), pytest.raises(NotFoundError, match="no-such-ws"):
        await resolve(client.workspaces.get("no-such-ws"))


async def test_update_unknown_workspace_is_not_found(client: Any) -> None:
    with (
        replay("errors_workspace"),
        pytest.raises(NotFoundError, match="workspace 'no-such-ws' does not exist") as info,
    ):
        await resolve(client.workspaces.update("no-such-ws", name="x"))
    assert info.value.status_code == 400  # the server's bare 400 "Bad Request"
    assert info.value.path == "/api/v1/workspace/no-such-ws/update"


async def test_add_documents_of_an_unknown_location_is_not_found(client: Any, sent: list[httpx.Request]) -> None:
    missing = "custom-documents/nf-missing.json"
    with replay("notfound_workspaces_add_documents_document"):
        await resolve(client.workspaces.create("NF Home WS"))
        # The server answers 200 without the document; the document listing shows it does not exist.
        with pytest.raises(NotFoundError, match=f"no document is stored at '{missing}'"):
            await resolve(client.workspaces.add_documents("nf-home-ws", [missing]))
        await resolve(client.workspaces.delete("nf-home-ws"))
    assert [(r.method, r.url.path) for r in sent][1:3] == [
        ("POST", "/api/v1/workspace/nf-home-ws/update-embeddings"),
        ("GET", "/api/v1/documents"),
    ]
    assert json.loads(sent[1].content) == {"adds": [missing], "deletes": []}


async def test_unsupported_fields_fail_before_any_request(client: Any) -> None:
    with replay("errors_workspace") as cassette:
        with pytest.raises(UnsupportedOperationError, match="vector_db"):
            await resolve(client.workspaces.create("x", vector_db="lancedb"))
        with pytest.raises(TypeError, match="document_ids"):
            await resolve(client.workspaces.add_documents("test-ws", "custom-documents/a.json"))
        assert cassette.play_count == 0


async def test_create_with_settings_sends_the_server_fields(client: Any, sent: list[httpx.Request]) -> None:
    with replay("workspace_lifecycle") as cassette:
        await resolve(client.workspaces.create("VCR Lifecycle WS"))  # the cassette's first create
        created = await resolve(
            client.workspaces.create(
                "VCR Full Options WS",
                similarity_threshold=0.7,
                temperature=0.7,
                history_length=20,
                system_prompt="Custom prompt",
                query_refusal_response="Custom refusal",
                chat_mode="chat",
                top_n=4,
            )
        )
        assert cassette.play_count == 2
    assert json.loads(sent[1].content) == json.loads(cassette.requests[7].body)
    assert (created["openAiPrompt"], created["temperature"], created["topN"]) == ("Custom prompt", 0.7, 4)


async def test_update_with_a_saved_prompt_sets_its_text_as_system_prompt(
    client: Any, sent: list[httpx.Request]
) -> None:
    await resolve(client.auth.use_token("REDACTED-TOKEN"))
    with replay_joined("session_system", "workspace_lifecycle"):
        assert await resolve(client.system.get_prompts()) == []  # recorded before the prompt existed
        prompt = await resolve(
            client.system.create_prompt("vcr-preset", "Summarise the text in one line.", "VCR preset")
        )
        await resolve(client.workspaces.update("vcr-lifecycle-ws", prompt_id=prompt["id"]))
    assert [(r.method, r.url.path) for r in sent][-2:] == [
        ("GET", "/api/system/slash-command-presets"),
        ("POST", "/api/v1/workspace/vcr-lifecycle-ws/update"),
    ]
    # The text comes from the listing the server sent back (recorded after the prompt was edited).
    assert json.loads(sent[-1].content) == {"openAiPrompt": "Summarise the text in two lines."}


async def test_bad_settings_fail_before_any_request(client: Any) -> None:
    with replay("workspace_lifecycle") as cassette:
        with pytest.raises(TypeError, match="colour"):
            await resolve(client.workspaces.create("x", colour="red"))
        with pytest.raises(ValueError, match="chat_mode"):
            await resolve(client.workspaces.update("x", chat_mode="shout"))
        with pytest.raises(ValueError, match="top_n"):
            await resolve(client.workspaces.update("x", top_n=0))
        with pytest.raises(ValueError, match="prompt_id"):
            await resolve(client.workspaces.update("x", prompt_id="latest"))
        assert cassette.play_count == 0
