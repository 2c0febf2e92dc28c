"""client.workspaces.search and pin_document against the real server's recorded answers (sync and async)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from anythingllm.errors import NotFoundError, ServerError
from tests.conftest import replay, resolve

pytestmark = pytest.mark.anyio

RAW_NOTE = "custom-documents/raw-vcr-raw-note-6a80e94d-9e0c-43a6-bc3a-fca98181f362.json"


async def test_search_with_and_without_options(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed") as cassette:
        narrow = await resolve(
            client.workspaces.search("vcr-docs-ws", "octopuses three hearts blue blood", top_n=2, score_threshold=0.1)
        )
        wide = await resolve(client.workspaces.search("vcr-docs-ws", "hummingbirds fly backwards"))
        assert cassette.play_count == 2
    assert [(r.method, r.url.path) for r in sent] == [("POST", "/api/v1/workspace/vcr-docs-ws/vector-search")] * 2
    assert json.loads(sent[0].content) == {
        "query": "octopuses three hearts blue blood",
        "topN": 2,
        "scoreThreshold": 0.1,
    }
    assert json.loads(sent[1].content) == {"query": "hummingbirds fly backwards"}

    assert len(narrow) == 2
    best = narrow[0]
    assert set(best) == {"id", "text", "metadata", "distance", "score"}
    assert "octopuses have three hearts" in best["text"]
    assert best["metadata"]["title"] == "Octopus facts"
    assert best["score"] == pytest.approx(1 - best["distance"])
    assert len(wide) == 4
    assert "hummingbirds" in wide[0]["text"]


async def test_search_unknown_workspace_is_not_found(client: Any) -> None:
    with replay("errors_workspace"), pytest.raises(NotFoundError, match="no-such-ws") as info:
        await resolve(client.workspaces.search("no-such-ws", "anything"))
    assert info.value.status_code == 400  # what the server sent
    assert info.value.path == "/api/v1/workspace/no-such-ws/vector-search"


async def test_search_checks_its_arguments_before_any_request(client: Any) -> None:
    with replay("errors_workspace") as cassette:
        with pytest.raises(ValueError, match="query"):
            await resolve(client.workspaces.search("test-ws", ""))
        with pytest.raises(ValueError, match="top_n"):
            await resolve(client.workspaces.search("test-ws", "q", top_n=0))
        with pytest.raises(TypeError, match="top_n"):
            await resolve(client.workspaces.search("test-ws", "q", top_n=2.5))
        with pytest.raises(ValueError, match="score_threshold"):
            await resolve(client.workspaces.search("test-ws", "q", score_threshold=1.5))
        with pytest.raises(ValueError, match="workspace_id"):
            await resolve(client.workspaces.search("a/b", "q"))
        assert cassette.play_count == 0


async def test_pin_unpin_and_pin_a_document_not_in_the_workspace(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        pinned = await resolve(client.workspaces.pin_document("vcr-docs-ws", RAW_NOTE))
        unpinned = await resolve(client.workspaces.pin_document("vcr-docs-ws", RAW_NOTE, pinned=False))
        with pytest.raises(NotFoundError):
            await resolve(client.workspaces.pin_document("vcr-docs-ws", "custom-documents/not-embedded.json"))
    assert pinned == unpinned == {"success": True, "message": "Pin status updated successfully"}
    assert [json.loads(r.content) for r in sent] == [
        {"docPath": RAW_NOTE, "pinStatus": True},
        {"docPath": RAW_NOTE, "pinStatus": False},
        {"docPath": "custom-documents/not-embedded.json", "pinStatus": True},
    ]
    assert {r.url.path for r in sent} == {"/api/v1/workspace/vcr-docs-ws/update-pin"}


async def test_pin_in_unknown_workspace_is_not_found(client: Any, sent: list[httpx.Request]) -> None:
    # The server answers an empty 500; the workspace lookup that follows shows there is no such workspace.
    with replay("notfound_workspaces_pin_document"), pytest.raises(NotFoundError) as caught:
        await resolve(client.workspaces.pin_document("nf-missing-ws", "custom-documents/nf-missing.json"))
    assert caught.value.status_code == 500 and "workspace 'nf-missing-ws' does not exist" in caught.value.message
    assert isinstance(caught.value.__cause__, ServerError)
    assert [(r.method, r.url.path) for r in sent] == [
        ("POST", "/api/v1/workspace/nf-missing-ws/update-pin"),
        ("GET", "/api/v1/workspace/nf-missing-ws"),
    ]


async def test_pin_checks_its_arguments_before_any_request(client: Any) -> None:
    with replay("documents_upload_and_embed") as cassette:
        with pytest.raises(TypeError, match="pinned"):
            await resolve(client.workspaces.pin_document("vcr-docs-ws", RAW_NOTE, pinned="yes"))
        with pytest.raises(ValueError, match="document_path"):
            await resolve(client.workspaces.pin_document("vcr-docs-ws", "no-folder.json"))
        with pytest.raises(TypeError, match="document_path"):
            await resolve(client.workspaces.pin_document("vcr-docs-ws", None))
        assert cassette.play_count == 0
