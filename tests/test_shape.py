"""Shape functions fed with real recorded server bodies: every server key survives, aliases are right."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from anythingllm import _shape
from tests.cassette_bodies import json_body, request_line, sse_payloads, status

# Documented fields that have no server counterpart: a shape function must never set them.
NEVER_SET = {
    "workspace": ("description", "vectorDb", "embeddingModel", "promptId"),
    "thread": ("description",),
    "document": ("size", "chunks", "createdAt", "updatedAt", "metadata", "workspaceIds"),
    "user": ("customization",),
    "api_key": ("expiresAt", "lastUsed"),
    "llm_model": ("tokenLimit", "available"),
    "embedding_model": ("dimensions", "available"),
    "settings": ("serverDescription", "allowUserSignup", "allowAnonymousUsers"),
}


def assert_kept(raw: Any, shaped: Any, *, decoded: tuple[str, ...] = (), where: str = "$") -> None:
    """Every key of ``raw`` is in ``shaped`` with an equal value, recursively (lists item by item).

    Keys named in ``decoded`` hold a JSON string in ``raw`` and its decoded value in ``shaped``.
    """
    if isinstance(raw, Mapping):
        assert isinstance(shaped, Mapping), where
        for key, value in raw.items():
            assert key in shaped, f"server key {where}.{key} was dropped"
            if key in decoded and isinstance(value, str):
                assert shaped[key] == json.loads(value), f"{where}.{key}"
            else:
                assert_kept(value, shaped[key], decoded=decoded, where=f"{where}.{key}")
    elif isinstance(raw, list):
        assert isinstance(shaped, list) and len(shaped) == len(raw), where
        for index, (a, b) in enumerate(zip(raw, shaped, strict=True)):
            assert_kept(a, b, decoded=decoded, where=f"{where}[{index}]")
    else:
        assert type(shaped) is type(raw) and shaped == raw, f"{where}: {shaped!r} != {raw!r}"


def assert_never_set(shaped: Mapping[str, Any], kind: str) -> None:
    for key in NEVER_SET[kind]:
        assert key not in shaped, f"{key} has no server counterpart but was set"


def body(cassette: str, number: int, method: str, path: str) -> Any:
    """A recorded 2xx JSON body, after checking the interaction is the expected call."""
    got_method, uri = request_line(cassette, number)
    assert (got_method, uri.split("/api", 1)[1]) == (method, path)
    code = status(cassette, number)
    assert 200 <= code < 300
    return json_body(cassette, number)


def pure(fn: Callable[..., Any], raw: Any, **kwargs: Any) -> Any:
    """Call a shape function and check it left its input untouched."""
    before = copy.deepcopy(raw)
    result = fn(raw, **kwargs)
    assert raw == before, "shape function mutated its input"
    assert result is not raw
    return result


# --- workspaces --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cassette", "number", "method", "path"),
    [
        ("workspace_lifecycle", 1, "POST", "/v1/workspace/new"),
        ("workspace_lifecycle", 3, "POST", "/v1/workspace/vcr-lifecycle-ws/update"),
        ("workspace_lifecycle", 8, "POST", "/v1/workspace/new"),
        ("session_chat_reset", 2, "POST", "/workspace/vcr-session-ws/update"),
    ],
)
def test_workspace_object(cassette: str, number: int, method: str, path: str) -> None:
    raw = body(cassette, number, method, path)["workspace"]
    ws = pure(_shape.workspace, raw)
    assert_kept(raw, ws)
    assert isinstance(ws["id"], int)
    assert ws["temperature"] == raw["openAiTemp"]
    assert ws["updatedAt"] == raw["lastUpdatedAt"]
    assert ws["includeSources"] is True
    assert_never_set(ws, "workspace")


def test_workspace_update_temperature_value() -> None:
    raw = body("workspace_lifecycle", 3, "POST", "/v1/workspace/vcr-lifecycle-ws/update")["workspace"]
    ws = _shape.workspace(raw)
    assert ws["temperature"] == 0.2
    assert ws["openAiTemp"] == 0.2
    assert ws["name"] == "VCR Lifecycle WS Renamed"


def test_workspace_list_threads_are_shaped() -> None:
    raw = body("workspace_lifecycle", 4, "GET", "/v1/workspaces")["workspaces"]
    shaped = [pure(_shape.workspace, w) for w in raw]
    assert_kept(raw, shaped)
    test_ws = next(w for w in shaped if w["slug"] == "test-ws")
    assert len(test_ws["threads"]) == 2
    for t in test_ws["threads"]:
        assert t["workspaceId"] == "test-ws"
        assert set(t) == {"user_id", "slug", "name", "workspaceId"}


@pytest.mark.parametrize(
    ("cassette", "number", "path"),
    [
        ("workspace_lifecycle", 2, "/v1/workspace/vcr-lifecycle-ws"),
        ("documents_upload_and_embed", 21, "/v1/workspace/vcr-docs-ws"),
        ("thread_lifecycle", 19, "/v1/workspace/vcr-thread-ws"),
    ],
)
def test_workspace_get_with_documents(cassette: str, number: int, path: str) -> None:
    raw = body(cassette, number, "GET", path)["workspace"][0]
    ws = pure(_shape.workspace, raw)
    assert_kept(raw, ws, decoded=("metadata",))
    for raw_doc, doc in zip(raw["documents"], ws["documents"], strict=True):
        assert doc["metadata"] == json.loads(raw_doc["metadata"])
        assert doc["name"] == raw_doc["filename"]
        assert doc["path"] == raw_doc["docpath"]
        assert doc["folderId"] == raw_doc["docpath"].split("/")[0]
        assert doc["updatedAt"] == raw_doc["lastUpdatedAt"]


def test_workspace_document_values() -> None:
    raw = body("documents_upload_and_embed", 21, "GET", "/v1/workspace/vcr-docs-ws")["workspace"][0]
    doc = _shape.workspace_document(raw["documents"][0])
    assert doc["folderId"] == "custom-documents"
    assert isinstance(doc["metadata"], dict)
    assert doc["metadata"]["title"] == "Octopus facts"
    assert isinstance(doc["id"], int)


def test_session_workspace_with_context_window() -> None:
    raw = body("session_chat_reset", 3, "GET", "/workspace/vcr-session-ws")["workspace"]
    ws = _shape.workspace(raw)
    assert_kept(raw, ws)
    assert ws["contextWindow"] == 4096
    assert ws["temperature"] == 0.3
    assert ws["documents"] == []


# --- threads ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cassette", "number", "path"),
    [
        ("thread_lifecycle", 2, "/v1/workspace/vcr-thread-ws/thread/new"),
        ("thread_lifecycle", 3, "/v1/workspace/vcr-thread-ws/thread/new"),
        ("thread_lifecycle", 5, "/v1/workspace/vcr-thread-ws/thread/vcr-thread-1/update"),
    ],
)
def test_thread(cassette: str, number: int, path: str) -> None:
    raw = body(cassette, number, "POST", path)["thread"]
    t = pure(_shape.thread, raw, workspace="vcr-thread-ws")
    assert_kept(raw, t)
    assert t["workspaceId"] == "vcr-thread-ws"
    assert t["updatedAt"] == raw["lastUpdatedAt"]
    assert isinstance(t["id"], int) and t["id"] == raw["id"]
    assert "messageCount" not in t
    assert_never_set(t, "thread")


def test_thread_message_count_and_session_list() -> None:
    raw = body("session_chat_reset", 15, "GET", "/workspace/vcr-session-ws/threads")["threads"]
    history = body(
        "session_chat_reset", 17, "GET", "/workspace/vcr-session-ws/thread/38f74d6f-b16f-4748-b286-cea32a3660af/chats"
    )["history"]
    t = _shape.thread(raw[0], workspace="vcr-session-ws", message_count=len(history))
    assert_kept(raw[0], t)
    assert t["messageCount"] == 2
    assert t["slug"] == "38f74d6f-b16f-4748-b286-cea32a3660af"


# --- chat ---------------------------------------------------------------------------------------------

THREAD_CHAT = "/v1/workspace/vcr-thread-ws/thread/vcr-thread-1/chat"
CHAT_RESPONSES = [
    # (cassette, number, path, workspace, thread, kind)
    ("workspace_chat_modes", 2, "/v1/workspace/vcr-chat-ws/chat", "vcr-chat-ws", None, "chat"),
    ("workspace_chat_modes", 3, "/v1/workspace/vcr-chat-ws/chat", "vcr-chat-ws", None, "refusal"),
    ("workspace_chat_modes", 5, "/v1/workspace/vcr-chat-ws/chat", "vcr-chat-ws", None, "query"),
    ("workspace_chat_modes", 7, "/v1/workspace/vcr-chat-ws/chat", "vcr-chat-ws", None, "agent"),
    ("workspace_chat_modes", 9, "/v1/workspace/vcr-chat-ws/chat", "vcr-chat-ws", None, "chat"),
    ("workspace_chat_modes", 11, "/v1/workspace/vcr-chat-ws/chat", "vcr-chat-ws", None, "reset"),
    ("thread_lifecycle", 6, THREAD_CHAT, "vcr-thread-ws", "vcr-thread-1", "chat"),
    ("thread_lifecycle", 9, THREAD_CHAT, "vcr-thread-ws", "vcr-thread-1", "query"),
    ("thread_lifecycle", 10, THREAD_CHAT, "vcr-thread-ws", "vcr-thread-1", "agent"),
]


@pytest.mark.parametrize(("cassette", "number", "path", "ws", "thread", "kind"), CHAT_RESPONSES)
def test_chat_message_from_sync_chat(
    cassette: str, number: int, path: str, ws: str, thread: str | None, kind: str
) -> None:
    raw = body(cassette, number, "POST", path)
    msg = pure(_shape.chat_message, raw, workspace=ws, thread=thread)
    assert_kept(raw, msg)
    assert msg["id"] == raw["id"]
    assert msg["role"] == "assistant"
    assert msg["content"] == raw["textResponse"]
    assert msg["sources"] == raw["sources"]
    assert msg["workspaceId"] == ws
    assert msg["threadId"] == thread
    assert "createdAt" not in msg
    if kind in ("chat", "query"):
        assert isinstance(msg["chatId"], int)
        assert msg["metrics"]["total_tokens"] > 0
    else:
        assert "chatId" not in msg
    if kind == "query":
        assert msg["sources"] and msg["sources"][0]["score"] > 0
    if kind == "agent":
        assert msg["thoughts"] == [] and msg["outputs"] == []
    if kind == "reset":
        assert msg["content"] == "Chat history was reset!"


def test_chat_message_without_slugs_adds_no_place() -> None:
    raw = body("workspace_chat_modes", 2, "POST", "/v1/workspace/vcr-chat-ws/chat")
    msg = _shape.chat_message(raw)
    assert "workspaceId" not in msg and "threadId" not in msg
    assert msg["content"] == "STUB-REPLY: Hello there, stub!"


def test_chat_message_from_stream_final_event_uses_uuid() -> None:
    final = sse_payloads("workspace_stream_chat", 2)[-1]
    assert final["type"] == "finalizeResponseStream"
    msg = _shape.chat_message(final, workspace="vcr-stream-ws")
    assert_kept(final, msg)
    assert msg["id"] == final["uuid"]
    assert msg["chatId"] == final["chatId"]
    assert "content" not in msg  # this event carries no text


def test_chat_message_abort_has_no_content() -> None:
    (abort,) = sse_payloads("errors_chat", 13)
    msg = _shape.chat_message(abort, workspace="no-such-ws", thread="no-such-thread")
    assert_kept(abort, msg)
    assert msg["textResponse"] is None
    assert "content" not in msg
    assert msg["error"] == abort["error"]


def test_alias_never_overwrites_server_key() -> None:
    history = body("workspace_chat_modes", 12, "GET", "/v1/workspace/vcr-chat-ws/chats")["history"]
    user_entry = history[0]
    assert user_entry["role"] == "user"
    msg = _shape.chat_message(user_entry, workspace="vcr-chat-ws")
    assert msg["role"] == "user"
    assert msg["content"] == user_entry["content"]


def _iso_to_unix(text: str) -> float:
    assert text.endswith("Z")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("cassette", "number", "path", "ws", "thread"),
    [
        ("workspace_chat_modes", 12, "/v1/workspace/vcr-chat-ws/chats", "vcr-chat-ws", None),
        ("thread_lifecycle", 16, THREAD_CHAT + "s", "vcr-thread-ws", "vcr-thread-1"),
        ("workspace_stream_chat", 9, "/v1/workspace/vcr-stream-ws/chats?orderBy=desc&limit=3", "vcr-stream-ws", None),
    ],
)
def test_history_messages(cassette: str, number: int, path: str, ws: str, thread: str | None) -> None:
    history = body(cassette, number, "GET", path)["history"]
    assert history
    for entry in history:
        msg = pure(_shape.history_message, entry, workspace=ws, thread=thread)
        assert_kept(entry, msg)
        assert msg["role"] in ("user", "assistant")
        assert msg["content"] == entry["content"]
        assert _iso_to_unix(msg["createdAt"]) == entry["sentAt"]
        assert msg["workspaceId"] == ws
        assert msg["threadId"] == thread
        assert "id" not in msg  # history entries have no message id


def test_history_created_at_format() -> None:
    history = body("workspace_chat_modes", 12, "GET", "/v1/workspace/vcr-chat-ws/chats")["history"]
    msg = _shape.history_message(history[0], workspace="vcr-chat-ws")
    assert history[0]["sentAt"] == 1795245047
    assert msg["createdAt"] == "2026-11-21T07:10:47.000Z"
    # same style as the server's own dates, e.g. a workspace's createdAt
    ws = body("workspace_chat_modes", 1, "POST", "/v1/workspace/new")["workspace"]
    assert len(msg["createdAt"]) == len(ws["createdAt"])


# --- documents ----------------------------------------------------------------------------------------


def test_documents_listing_tree() -> None:
    local_files = body("documents_upload_and_embed", 10, "GET", "/v1/documents")["localFiles"]
    folders = pure(_shape.folders_from_listing, local_files)
    assert_kept(local_files["items"], folders)
    assert folders
    for raw_folder, f in zip(local_files["items"], folders, strict=True):
        assert f["id"] == raw_folder["name"] == f["path"]
        assert f["documentCount"] == len(raw_folder["items"])
        for d in f["items"]:
            assert d["folderId"] == raw_folder["name"]
            assert d["path"] == f"{raw_folder['name']}/{d['name']}"
            assert d["tokens"] == d["token_count_estimate"]
            assert_never_set(d, "document")
    docs = _shape.documents_from_listing(local_files)
    assert len(docs) == sum(len(f["items"]) for f in local_files["items"])
    assert any(d["path"].startswith("vcr-folder/") for d in docs)


@pytest.mark.parametrize(
    ("number", "path"),
    [
        (11, "/v1/documents?folder=custom-documents&limit=2&offset=0"),
        (12, "/v1/documents/folder/vcr-folder"),
        (13, "/v1/documents/folder/custom-documents?limit=1&offset=1"),
    ],
)
def test_document_page(number: int, path: str) -> None:
    raw = body("documents_upload_and_embed", number, "GET", path)
    page = pure(_shape.document_page, raw)
    assert_kept(raw, page)
    for d in page["documents"]:
        assert d["folderId"] == raw["folder"]
        assert d["path"] == f"{raw['folder']}/{d['name']}"


def test_document_get_without_folder() -> None:
    raw = body(
        "documents_upload_and_embed",
        14,
        "GET",
        "/v1/document/raw-vcr-raw-note-6a80e94d-9e0c-43a6-bc3a-fca98181f362.json",
    )["document"]
    doc = pure(_shape.document_from_picker, raw)
    assert_kept(raw, doc)
    assert "path" not in doc and "folderId" not in doc
    assert doc["tokens"] == 9


@pytest.mark.parametrize(
    ("number", "path"),
    [
        (5, "/v1/document/upload"),
        (6, "/v1/document/upload/vcr-folder"),
        (7, "/v1/document/upload"),
        (8, "/v1/document/upload-link"),
        (9, "/v1/document/raw-text"),
    ],
)
def test_upload_result(number: int, path: str) -> None:
    raw = body("documents_upload_and_embed", number, "POST", path)
    result = pure(_shape.upload_result, raw)
    assert_kept(raw, result)
    assert result["success"] is True
    (doc,) = result["documents"]
    location = raw["documents"][0]["location"]
    assert doc["path"] == location
    assert doc["folderId"] == location.split("/")[0]
    assert doc["name"] == location.split("/")[1]
    assert doc["tokens"] == doc["token_count_estimate"]
    assert_never_set(doc, "document")


def test_upload_to_folder_keeps_server_name() -> None:
    raw = body("documents_upload_and_embed", 6, "POST", "/v1/document/upload/vcr-folder")["documents"][0]
    doc = _shape.document_from_upload(raw)
    assert doc["name"] == raw["name"]
    assert doc["folderId"] == "vcr-folder"


# --- users, invites, api keys, prompts -------------------------------------------------------------


def test_users() -> None:
    raw = body("admin_multi_user", 2, "GET", "/v1/admin/users")["users"]
    for r in raw:
        u = pure(_shape.user, r)
        assert_kept(r, u)
        assert u["updatedAt"] == r["lastUpdatedAt"]
        assert isinstance(u["id"], int)
        assert_never_set(u, "user")
    created = body("admin_multi_user", 3, "POST", "/v1/admin/users/new")["user"]
    assert _shape.user(created)["username"] == "vcr-user"


def test_short_users_get_no_invented_dates() -> None:
    raw = body("admin_multi_user", 31, "GET", "/v1/users")["users"]
    for r in raw:
        u = _shape.user(r)
        assert u == r  # nothing to alias: id, username, role only


def test_workspace_users() -> None:
    raw = body("admin_multi_user", 22, "POST", "/v1/admin/workspaces/vcr-admin-ws/manage-users")["users"]
    for r in raw:
        wu = pure(_shape.workspace_user, r)
        assert_kept(r, wu)
        assert wu["id"] == r["userId"]
        assert wu["updatedAt"] == r["lastUpdatedAt"]


def test_login_and_token_validation() -> None:
    login = body("session_auth", 7, "POST", "/request-token")
    result = pure(_shape.login_result, login)
    assert_kept(login, result)
    assert result["valid"] is True
    assert result["user"] is not None and result["user"]["updatedAt"] == login["user"]["lastUpdatedAt"]
    failed = body("session_auth", 5, "POST", "/request-token")
    assert _shape.login_result(failed) == failed
    refreshed = body("session_auth", 12, "GET", "/system/refresh-user")
    tv = pure(_shape.token_validation, refreshed)
    assert_kept(refreshed, tv)
    assert tv["user"] is not None and tv["user"]["updatedAt"] == refreshed["user"]["lastUpdatedAt"]
    auth = body("auth", 1, "GET", "/v1/auth")
    assert _shape.token_validation(auth) == auth == _shape.api_status(auth)
    assert _shape.api_status(auth)["authenticated"] is True


@pytest.mark.parametrize(
    ("number", "method", "path"), [(12, "GET", "/v1/admin/invites"), (14, "GET", "/v1/admin/invites")]
)
def test_invite_list(number: int, method: str, path: str) -> None:
    raw = body("admin_multi_user", number, method, path)["invites"]
    for r in raw:
        inv = pure(_shape.invite, r)
        assert_kept(r, inv, decoded=("workspaceIds",))
        assert isinstance(r["workspaceIds"], str)
        assert inv["workspaceIds"] == json.loads(r["workspaceIds"])
        assert all(isinstance(i, int) for i in inv["workspaceIds"])
        assert inv["updatedAt"] == r["lastUpdatedAt"]


def test_invite_created() -> None:
    raw = body("admin_multi_user", 13, "POST", "/v1/admin/invite/new")["invite"]
    inv = _shape.invite(raw)
    assert raw["workspaceIds"] == "[18]"
    assert inv["workspaceIds"] == [18]
    assert inv["status"] == "pending"


@pytest.mark.parametrize(
    ("cassette", "number", "method", "path", "key"),
    [
        ("session_api_keys", 1, "GET", "/admin/api-keys", "apiKeys"),
        ("session_api_keys", 2, "POST", "/admin/generate-api-key", "apiKey"),
        ("session_api_keys", 3, "GET", "/admin/api-keys", "apiKeys"),
        ("session_single_user", 6, "GET", "/system/api-keys", "apiKeys"),
        ("session_single_user", 7, "POST", "/system/generate-api-key", "apiKey"),
    ],
)
def test_api_keys(cassette: str, number: int, method: str, path: str, key: str) -> None:
    payload = body(cassette, number, method, path)[key]
    items = payload if isinstance(payload, list) else [payload]
    assert items
    for r in items:
        k = pure(_shape.api_key, r)
        assert_kept(r, k)
        assert k["key"] == r["secret"]
        assert_never_set(k, "api_key")


@pytest.mark.parametrize(
    ("number", "method", "path", "key"),
    [
        (23, "POST", "/system/slash-command-presets", "preset"),
        (25, "POST", "/system/slash-command-presets/1", "preset"),
        (27, "GET", "/system/slash-command-presets", "presets"),
    ],
)
def test_prompts_from_presets(number: int, method: str, path: str, key: str) -> None:
    payload = body("session_system", number, method, path)[key]
    items = payload if isinstance(payload, list) else [payload]
    for r in items:
        p = pure(_shape.prompt, r)
        assert_kept(r, p)
        assert p["title"] == r["command"] == "/vcr-preset"
        assert p["content"] == r["prompt"]
        assert p["description"] == r["description"]
        if "lastUpdatedAt" in r:
            assert p["updatedAt"] == r["lastUpdatedAt"]
        else:
            assert "updatedAt" not in p and "createdAt" not in p


# --- system ---------------------------------------------------------------------------------------------


def test_system_settings() -> None:
    raw = body("system", 1, "GET", "/v1/system")["settings"]
    s = pure(_shape.system_settings, raw)
    assert_kept(raw, s)
    assert s["defaultLLMProvider"] == raw["LLMProvider"] == "generic-openai"
    assert s["defaultEmbeddingProvider"] == raw["EmbeddingEngine"]
    assert s["defaultVectorDB"] == raw["VectorDB"] == "lancedb"
    assert s["customSettings"] == raw
    assert s["customSettings"] is not raw
    assert "serverName" not in s
    assert_never_set(s, "settings")


def test_setup_status_from_both_routes() -> None:
    v1 = body("system", 1, "GET", "/v1/system")["settings"]
    session = body("session_auth", 2, "GET", "/setup-complete")["results"]
    assert _shape.setup_status(v1) == v1
    status = _shape.setup_status(session)
    assert status == session and status["MultiUserMode"] is True


def test_system_preferences() -> None:
    raw = body(
        "session_system",
        1,
        "GET",
        "/admin/system-preferences-for?labels=custom_app_name%2Csupport_email%2Cfooter_data%2C"
        "text_splitter_chunk_size%2Ctext_splitter_chunk_overlap%2Cmax_embed_chunk_size%2C"
        "agent_search_provider%2Cdefault_agent_skills%2Cfeature_flags%2Cmemory_enabled%2Cnot_a_public_label",
    )["settings"]
    prefs = pure(_shape.system_preferences, raw)
    assert_kept(raw, prefs)
    assert "serverName" in prefs and prefs["serverName"] == raw["custom_app_name"]
    assert prefs["customSettings"] == raw
    assert "defaultLLMProvider" not in prefs


def test_models() -> None:
    llms = body("session_system", 9, "POST", "/system/custom-models")["models"]
    for r in llms:
        m = pure(_shape.llm_model, r, provider="generic-openai")
        assert_kept(r, m)
        assert m["provider"] == "generic-openai"
        assert_never_set(m, "llm_model")
    embedders = body("session_system", 10, "POST", "/system/custom-models")["models"]
    for r in embedders:
        e = pure(_shape.embedding_model, r, provider="native-embedder")
        assert_kept(r, e)
        assert e["provider"] == "native-embedder"
        assert_never_set(e, "embedding_model")
    assert "provider" not in _shape.llm_model(llms[0])


def test_vector_database_from_settings() -> None:
    raw = body("system", 1, "GET", "/v1/system")["settings"]
    vdb = _shape.vector_database(raw["VectorDB"])
    assert vdb == {"id": "lancedb", "name": "lancedb", "provider": "lancedb"}


@pytest.mark.parametrize(
    ("cassette", "number", "method", "path"),
    [
        ("admin_multi_user", 8, "POST", "/v1/admin/users/5"),
        ("admin_multi_user", 9, "POST", "/v1/admin/users/1"),
        ("admin_multi_user", 15, "DELETE", "/v1/admin/invite/4"),
        ("documents_upload_and_embed", 4, "POST", "/v1/document/create-folder"),
        ("documents_upload_and_embed", 29, "DELETE", "/v1/document/remove-folder"),
        ("documents_upload_and_embed", 31, "DELETE", "/v1/system/remove-documents"),
        ("embed_lifecycle", 10, "DELETE", "/v1/embed/d57d01e3-9da1-47a8-a48e-e51ecc2e065c"),
    ],
)
def test_operation_results_unchanged(cassette: str, number: int, method: str, path: str) -> None:
    raw = body(cassette, number, method, path)
    assert pure(_shape.operation_result, raw) == raw


def test_small_status_objects() -> None:
    assert _shape.health_status(body("session_auth", 1, "GET", "/ping")) == {"online": True}
    mu = body("admin_multi_user", 1, "GET", "/v1/admin/is-multi-user-mode")
    assert _shape.multi_user_status(mu)["isMultiUser"] is True
    session_mu = body("session_auth", 4, "GET", "/system/multi-user-mode")
    assert _shape.multi_user_status(session_mu)["multiUserMode"] is True
    changed = body("system", 11, "POST", "/v1/system/update-env")
    assert _shape.update_env_result(changed) == changed
    refused = body("system", 14, "POST", "/v1/system/update-env")
    assert _shape.update_env_result(refused)["error"] == refused["error"]
    assert refused["newValues"] == {}


# --- OpenAI-compatible and embeds ---------------------------------------------------------------------


def test_openai_objects() -> None:
    models = body("openai_compatible", 2, "GET", "/v1/openai/models")["data"]
    assert [pure(_shape.openai_model, m) for m in models] == models
    stores = body("openai_compatible", 8, "GET", "/v1/openai/vector_stores")["data"]
    shaped = [pure(_shape.vector_store, s) for s in stores]
    assert shaped == stores and shaped[0]["file_counts"]["total"] == 2
    completion = body("openai_compatible", 3, "POST", "/v1/openai/chat/completions")
    c = pure(_shape.chat_completion, completion)
    assert c == completion
    assert c["choices"][0]["message"]["content"] == "STUB-REPLY: Hi from the OpenAI endpoint"
    for number in (6, 7):
        emb = body("openai_compatible", number, "POST", "/v1/openai/embeddings")
        e = pure(_shape.embedding_result, emb)
        assert e == emb
        assert [d["index"] for d in e["data"]] == list(range(len(e["data"])))
        assert all(len(d["embedding"]) == 384 for d in e["data"])


def test_embeds() -> None:
    created = body("embed_lifecycle", 2, "POST", "/v1/embed/new")["embed"]
    assert pure(_shape.embed_config, created) == created
    listed = body("embed_lifecycle", 9, "GET", "/v1/embed")["embeds"]
    assert [_shape.embed_config(e) for e in listed] == listed
    assert listed[0]["chat_count"] == 2
    chats = body("embed_lifecycle", 6, "GET", "/v1/embed/d57d01e3-9da1-47a8-a48e-e51ecc2e065c/chats")["chats"]
    shaped = [pure(_shape.embed_chat, c) for c in chats]
    assert shaped == chats
    assert isinstance(shaped[0]["response"], str)  # kept as the server's JSON string


# --- helpers ----------------------------------------------------------------------------------------------


def test_unix_to_iso_round_trips_every_recorded_sent_at() -> None:
    history = body("thread_lifecycle", 16, "GET", "/v1/workspace/vcr-thread-ws/thread/vcr-thread-1/chats")["history"]
    for entry in history:
        text = _shape.unix_to_iso(entry["sentAt"])
        assert _iso_to_unix(text) == entry["sentAt"]
    assert _shape.unix_to_iso(1795245047.5).endswith(":47.500Z")
