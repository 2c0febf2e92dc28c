"""A client newer than its server: the friendly layer against recordings of a REAL v1.12.0 server.

Everything v1.12.0 has works through the friendly layer (sync and async); what it lacks gets an
UnsupportedOperationError naming the release that added it, never a wrong answer. The production
server answers a route it lacks with its web app's page and status 200; the client asks once whether
the API answers on its base URL (GET /v1/auth) to tell that from a wrong base URL.

Recorded with ``make record PYTEST_ARGS=tests/test_v1_12_0.py`` against a v1.12.0 server on another
port (../shared/live, ``TAG=v1.12.0 SERVER_PORT=3002``); conftest stores them at the canonical origin.
"""

from __future__ import annotations

import base64
import contextlib
import io
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from anythingllm._client import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.errors import (
    MultiUserModeRequiredError,
    NotFoundError,
    PermissionDeniedError,
    UnsupportedOperationError,
    WrongEndpointError,
)
from tests.conftest import RECORD_MODE, RECORDED_BASE_URL, RECORDED_KEY, RECORDED_PASSWORD, calls, replay, resolve

pytestmark = pytest.mark.anyio

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@contextlib.contextmanager
def recorded(cassette: str) -> Iterator[None]:
    """Replay a v1.12.0 cassette; the test must play every interaction in it (unless it is recording)."""
    with replay(cassette) as played:
        yield
        assert played.all_played or RECORD_MODE != "none"


async def collect(items: Any) -> list[Any]:
    """Everything a sync or an async iterable yields."""
    if hasattr(items, "__aiter__"):
        return [item async for item in items]
    return list(items)


async def text_of(stream: Any) -> str:
    return "".join(await collect(stream.text_stream))


async def test_workspaces_and_their_documents(client: Any) -> None:
    with recorded("v1_12_0_workspaces"):
        ws = await resolve(client.workspaces.create("V112 Workspace", temperature=0.4, top_n=5))
        slug = ws["slug"]
        assert (ws["openAiTemp"], ws["topN"]) == (0.4, 5)
        assert (await resolve(client.workspaces.get(slug)))["name"] == "V112 Workspace"
        assert slug in [w["slug"] for w in await resolve(client.workspaces.list())]
        renamed = await resolve(client.workspaces.update(slug, name="V112 Workspace Renamed", chat_mode="query"))
        assert (renamed["name"], renamed["chatMode"]) == ("V112 Workspace Renamed", "query")
        doc = await resolve(client.documents.raw_text("zebra stripes on the v112 server", "v112 zebra"))
        location = doc["location"]
        added = await resolve(client.workspaces.add_documents(slug, [location]))
        assert [d["docpath"] for d in added["documents"]] == [location]
        assert [d["docpath"] for d in await resolve(client.workspaces.get_documents(slug))] == [location]
        assert (await resolve(client.workspaces.pin_document(slug, location)))["success"] is True
        hits = await resolve(client.workspaces.search(slug, "zebra", score_threshold=0.1))
        assert hits and "zebra" in hits[0]["text"]
        removed = await resolve(client.workspaces.remove_document(slug, location))
        assert removed["documents"] == []
        await resolve(client.documents.delete(location))
        await resolve(client.workspaces.delete(slug))
        with pytest.raises(NotFoundError):
            await resolve(client.workspaces.get(slug))


async def test_documents_and_folders(client: Any) -> None:
    with recorded("v1_12_0_documents"):
        uploaded = await resolve(client.documents.upload(file_obj=io.BytesIO(b"v112 upload"), file_name="v112.txt"))
        in_folder = await resolve(
            client.documents.upload(file_obj=io.BytesIO(b"v112 folder"), file_name="v112f.txt", folder_name="v112-up")
        )
        assert in_folder["location"].startswith("v112-up/")
        linked = await resolve(client.documents.upload_link("http://127.0.0.1:8788/health"))  # the stub LLM's page
        assert linked["title"] == "127.0.0.1_health.html"
        await resolve(client.documents.delete(linked["location"]))
        assert (await resolve(client.documents.get(uploaded["location"])))["title"] == "v112.txt"
        assert uploaded["location"] in [d["path"] for d in await resolve(client.documents.list())]
        assert "v112-up" in [f["name"] for f in await resolve(client.documents.get_folders())]
        assert "title" in await resolve(client.documents.metadata_schema())
        created = await resolve(client.documents.create_folder("v112-made"))
        assert created["name"] == "v112-made"
        moved = "v112-made/" + uploaded["location"].split("/")[-1]
        assert (await resolve(client.documents.move(uploaded["location"], moved)))["success"] is True
        # A v1.12.0 folder listing has no paging (added in 1.16.0) and no totalCount/hasMore.
        page = await resolve(client.documents.list_folder("v112-made"))
        assert (page["totalCount"], page["hasMore"]) == (1, False)  # the whole folder: completed by the client
        assert [d["path"] for d in page["documents"]] == [moved]
        assert (await resolve(client.documents.list_folder("v112-made", offset=0, limit=5)))["totalCount"] == 1
        assert (await resolve(client.documents.list_folder("v112-made", limit="all")))["hasMore"] is False
        with pytest.raises(NotFoundError):
            await resolve(client.documents.list_folder("v112-no-such-folder"))
        await resolve(client.system.remove_documents([moved, in_folder["location"]]))
        assert (await resolve(client.documents.delete_folder("v112-made")))["success"] is True
        assert (await resolve(client.documents.delete_folder("v112-up")))["success"] is True


async def test_paging_the_server_ignores_is_reported(client: Any) -> None:
    with recorded("v1_12_0_paging"):
        first = await resolve(client.documents.raw_text("page one", "v112 page one"))
        second = await resolve(client.documents.raw_text("page two", "v112 page two"))
        await resolve(client.documents.create_folder("v112-pages"))
        paths = [f"v112-pages/{d['location'].split('/')[-1]}" for d in (first, second)]
        await resolve(client.documents.move_files([(first["location"], paths[0]), (second["location"], paths[1])]))
        for offset, limit in ((0, 1), (1, None), (1, 1)):
            with pytest.raises(UnsupportedOperationError) as caught:
                await resolve(client.documents.list_folder("v112-pages", offset=offset, limit=limit))
            error = caught.value
            assert error.since == "1.16.0" and error.route == "GET /v1/documents/folder/{folderName}"
            assert error.message.startswith("The server ignored ")
            assert "added in AnythingLLM 1.16.0" in error.message and "all 2 documents" in error.message
            assert sorted(d["name"] for d in error.body["documents"]) == sorted(p.split("/")[1] for p in paths)
        await resolve(client.system.remove_documents(paths))
        await resolve(client.documents.delete_folder("v112-pages"))


async def test_chat_threads_and_history(client: Any) -> None:
    with recorded("v1_12_0_chat"):
        slug = (await resolve(client.workspaces.create("V112 Chat")))["slug"]
        reply = await resolve(client.chat.send_message(slug, "Hello v112", mode="chat", session_id="v112-s"))
        assert reply["content"] == "STUB-REPLY: Hello v112"
        data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
        image = {"name": "dot.png", "mime": "image/png", "contentString": data_url}
        with_image = await resolve(client.chat.send_message(slug, "What is this?", mode="chat", attachments=[image]))
        assert with_image["content"] == "STUB-REPLY: What is this?"
        stream = await resolve(client.chat.stream_message(slug, "Stream v112", mode="chat"))
        assert await text_of(stream) == "STUB-REPLY: Stream v112"
        history = await resolve(client.chat.get_history(slug))
        assert [m["content"] for m in history if m["role"] == "assistant"][-1] == "STUB-REPLY: Stream v112"
        assert len(await resolve(client.chat.get_history(slug, session_id="v112-s"))) == 2
        latest = await resolve(client.chat.get_history(slug, limit=1, order_by="desc"))  # limit counts exchanges
        assert [m["content"] for m in latest] == ["Stream v112", "STUB-REPLY: Stream v112"]
        thread = await resolve(client.chat.create_thread(slug, "V112 Thread"))
        tslug = thread["slug"]
        assert tslug in [t["slug"] for t in await resolve(client.chat.list_threads(slug))]
        assert (await resolve(client.chat.update_thread(slug, tslug, name="V112 Thread 2")))["name"] == "V112 Thread 2"
        said = await resolve(client.workspace_thread.send_message(slug, tslug, "In the thread", mode="chat"))
        assert said["content"] == "STUB-REPLY: In the thread"
        stream = await resolve(client.workspace_thread.stream_message(slug, tslug, "Thread stream", mode="chat"))
        assert await text_of(stream) == "STUB-REPLY: Thread stream"
        assert (await resolve(client.workspace_thread.get_thread(slug, tslug)))["name"] == "V112 Thread 2"
        assert len(await resolve(client.workspace_thread.get_thread_messages(slug, tslug))) == 4
        assert (await resolve(client.workspace_thread.clear_thread_messages(slug, tslug)))["success"] is True
        assert await resolve(client.chat.get_history(slug, tslug)) == []
        await resolve(client.chat.delete_thread(slug, tslug))
        other = await resolve(client.workspace_thread.create_thread(slug, "V112 Other"))
        renamed = await resolve(client.workspace_thread.update_thread(slug, other["slug"], name="V112 Other 2"))
        assert renamed["name"] == "V112 Other 2"
        await resolve(client.workspace_thread.delete_thread(slug, other["slug"]))
        assert await resolve(client.workspace_thread.list_threads(slug)) == []
        assert (await resolve(client.chat.clear_history(slug)))["success"] is True
        await resolve(client.workspaces.delete(slug))


async def test_system_settings_prompts_and_exports(client: Any) -> None:
    with recorded("v1_12_0_system"):
        assert (await resolve(client.system.get_health()))["online"] is True
        settings = await resolve(client.system.get_settings())
        assert settings["LLMProvider"] == "generic-openai"
        updated = await resolve(client.system.update_settings({"GenericOpenAiMaxTokens": 1024}))
        assert updated["GenericOpenAiMaxTokens"] == "1024"  # the server keeps settings as text
        assert isinstance(await resolve(client.system.get_vector_count()), int)
        assert (await resolve(client.system.get_env_dump()))["success"] is True
        assert isinstance(await resolve(client.system.export_chats("jsonl")), str)
        assert ".txt" in await resolve(client.system.get_accepted_document_types())
        assert (await resolve(client.system.is_multi_user_mode()))["multiUserMode"] is False
        assert "lancedb" in [db["id"] for db in await resolve(client.system.get_vector_dbs())]
        prompt = await resolve(client.system.create_prompt("V112 Prompt", "Be brief."))
        assert prompt["id"] in [p["id"] for p in await resolve(client.system.get_prompts())]
        assert (await resolve(client.system.update_prompt(str(prompt["id"]), title="v112-p2")))["title"] == "/v112-p2"
        await resolve(client.system.delete_prompt(str(prompt["id"])))
        # v1.12.0 cannot list a generic-openai provider's models (v1.16.0 can): the server says so.
        with pytest.raises(UnsupportedOperationError, match="Invalid provider for custom models"):
            await resolve(client.system.get_llm_models())
        assert (await resolve(client.auth.check_setup()))["MultiUserMode"] is False
        assert (await resolve(client.auth.validate_token()))["authenticated"] is True
        assert (await resolve(client.get_api_status()))["authenticated"] is True


async def test_openai_compatible_and_embeds(client: Any) -> None:
    with recorded("v1_12_0_openai"):
        slug = (await resolve(client.workspaces.create("V112 OpenAI")))["slug"]
        assert slug in [m["id"] for m in await resolve(client.openai.list_models())]
        messages = [{"role": "user", "content": "Hi v112 completions"}]
        completion = await resolve(client.openai.create_chat_completion(slug, messages))
        assert completion["choices"][0]["message"]["content"] == "STUB-REPLY: Hi v112 completions"
        stream = await resolve(client.openai.create_chat_completion(slug, messages, stream=True))
        assert await text_of(stream) == "STUB-REPLY: Hi v112 completions"
        assert len((await resolve(client.openai.create_embedding(["a", "b"])))["data"]) == 2
        assert len((await resolve(client.embed.get_text_embedding("zebra")))["data"][0]["embedding"]) == 384
        assert len((await resolve(client.embed.get_batch_embeddings(["x", "y", "z"])))["data"]) == 3
        assert isinstance(await resolve(client.openai.list_vector_stores()), list)
        embed = await resolve(client.embed.create_embed(slug, chat_mode="chat", max_chats_per_day=5))
        uuid = embed["uuid"]
        assert uuid in [e["uuid"] for e in await resolve(client.embed.list_embeds())]
        assert (await resolve(client.embed.update_embed(uuid, enabled=False)))["success"] is True
        assert await resolve(client.embed.get_embed_chats(uuid)) == []
        assert await resolve(client.embed.get_embed_session_chats(uuid, "no-session")) == []
        assert (await resolve(client.embed.delete_embed(uuid)))["success"] is True
        await resolve(client.workspaces.delete(slug))


async def test_accounts_in_single_user_mode(client: Any) -> None:
    """The server runs single-user: the admin and user routes answer as v1.16.0's do in that mode."""
    with recorded("v1_12_0_accounts"):
        assert (await resolve(client.admin.is_multi_user_mode()))["isMultiUser"] is False
        for call in (
            client.admin.get_invites,
            client.users.list,
            client.users.list_basic,
            lambda: client.admin.create_user("v112user", RECORDED_PASSWORD),
            lambda: client.admin.update_user(1, role="admin"),
            lambda: client.admin.delete_user(99),
            client.admin.create_invite,
            lambda: client.admin.delete_invite(99),
            lambda: client.admin.get_workspace_users(1),
            lambda: client.admin.set_workspace_users(1, [1]),
            lambda: client.admin.manage_workspace_users("nope", [1]),
            # set_workspace_users checks the user list first; the route itself answers the same way
            lambda: client.http_client.post("/v1/admin/workspaces/1/update-users", json_data={"userIds": [1]}),
        ):
            with pytest.raises(MultiUserModeRequiredError):
                await resolve(call())
        assert (await resolve(client.admin.get_workspace_chats()))["hasPages"] is False
        preferences = await resolve(client.admin.update_system_preferences({"custom_app_name": "V112"}))
        assert preferences["custom_app_name"] == "V112"
        assert (await resolve(client.admin.get_system_preferences(["custom_app_name"])))["custom_app_name"] == "V112"
        with pytest.raises(PermissionDeniedError, match="Simple SSO is not enabled"):
            await resolve(client.users.issue_auth_token(1))
        key = await resolve(client.users.create_api_key("v112 key"))
        assert key["id"] in [k["id"] for k in await resolve(client.users.get_api_keys())]
        await resolve(client.users.delete_api_key(key["id"]))


async def test_routes_the_server_lacks_name_the_release_that_added_them(client: Any, sent: list[httpx.Request]) -> None:
    with recorded("v1_12_0_lacking"):
        with pytest.raises(UnsupportedOperationError) as image:
            await resolve(client.openai.generate_image("a red square"))
        with pytest.raises(UnsupportedOperationError) as download:
            await resolve(client.documents.download_generated_file("pdf-0b8a9c5e.pdf"))
        quick = client.with_options(timeout=5)  # a copy shares what the client learnt about its server
        with pytest.raises(UnsupportedOperationError) as raw:
            await resolve(quick.http_client.get("/v1/document/generated-files/pdf-0b8a9c5e.pdf"))
    assert image.value.message == (
        "The server does not serve POST /v1/openai/images/generations: it answered 200 with its web app's page, "
        "as AnythingLLM does for a route it lacks (its API does answer on this base URL). "
        "POST /v1/openai/images/generations was added in AnythingLLM 1.16.0: upgrade the server to 1.16.0 or "
        "newer to use it."
    )
    assert (image.value.route, image.value.since, image.value.status_code) == (
        "POST /v1/openai/images/generations",
        "1.16.0",
        200,
    )
    for error in (download.value, raw.value):  # a file download never returns the page as the file
        assert (error.route, error.since) == ("GET /v1/document/generated-files/{filename}", "1.13.0")
        assert "<" not in str(error.body)  # at most the page's visible text (this one has none), never its markup
        assert error.content_type == "text/html; charset=utf-8"
    # Whether the API answers here was asked once, after the first page, and never again.
    assert calls(sent) == [
        ("POST", "/api/v1/openai/images/generations"),
        ("GET", "/api/v1/auth"),
        ("GET", "/api/v1/document/generated-files/pdf-0b8a9c5e.pdf"),
        ("GET", "/api/v1/document/generated-files/pdf-0b8a9c5e.pdf"),
    ]


@pytest.fixture(params=["sync", "async"])
async def misdirected(request: pytest.FixtureRequest) -> AsyncIterator[AnythingLLMClient | AsyncAnythingLLMClient]:
    """A client whose base URL points into the web app, not at the server root."""
    base = f"{RECORDED_BASE_URL}/workspace"
    if request.param == "sync":
        with AnythingLLMClient(base, RECORDED_KEY, max_retries=0) as sync_client:
            yield sync_client
    else:
        async with AsyncAnythingLLMClient(base, RECORDED_KEY, max_retries=0) as async_client:
            yield async_client


async def test_a_wrong_base_url_still_says_so(misdirected: Any) -> None:
    with recorded("v1_12_0_wrong_base"):
        with pytest.raises(WrongEndpointError) as listing:
            await resolve(misdirected.workspaces.list())
        with pytest.raises(WrongEndpointError):
            await resolve(misdirected.openai.generate_image("a red square"))
    assert "base URL" in listing.value.message and "<" not in str(listing.value.body)
