"""Pure functions that turn server JSON into the documented TypedDicts of :mod:`anythingllm.types`.

Rules: every server field is kept with its name and value (the only exceptions are two JSON-encoded
strings that are decoded in place: ``Invite.workspaceIds`` and ``WorkspaceDocument.metadata``); the
documented name is added next to it when the reference names the same thing differently; a documented
field with no server counterpart stays absent. An alias never overwrites a key the server sent. No I/O.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, cast

from .types import (
    ApiKey,
    ApiStatus,
    AuthToken,
    ChatCompletion,
    ChatMessage,
    ChatThread,
    Document,
    DocumentFolder,
    DocumentPage,
    EmbedChat,
    EmbedConfig,
    EmbeddingModel,
    EmbeddingResult,
    HealthStatus,
    ImageGenerationResult,
    Invite,
    LLMModel,
    LoginResult,
    MultiUserStatus,
    OpenAIModel,
    OperationResult,
    Prompt,
    SetupStatus,
    SystemSettings,
    TokenValidation,
    UpdateEnvResult,
    UploadResult,
    User,
    VectorDatabase,
    VectorSearchResult,
    VectorStore,
    Workspace,
    WorkspaceChatLog,
    WorkspaceChatPage,
    WorkspaceDocument,
    WorkspaceUser,
)

__all__ = [
    "api_key",
    "api_status",
    "auth_token",
    "chat_completion",
    "chat_message",
    "chat_message_from_completion",
    "document_from_picker",
    "document_from_upload",
    "document_page",
    "documents_from_listing",
    "embed_chat",
    "embed_config",
    "embedding_model",
    "embedding_result",
    "folder",
    "folders_from_listing",
    "health_status",
    "history_message",
    "image_generation_result",
    "invite",
    "llm_model",
    "login_result",
    "multi_user_status",
    "openai_model",
    "operation_result",
    "prompt",
    "setup_status",
    "system_preferences",
    "system_settings",
    "thread",
    "token_validation",
    "unix_to_iso",
    "update_env_result",
    "upload_result",
    "user",
    "vector_database",
    "vector_search_result",
    "vector_store",
    "workspace",
    "workspace_chat_log",
    "workspace_chat_page",
    "workspace_document",
    "workspace_user",
]


# --- helpers -------------------------------------------------------------------------------------


def _alias(out: dict[str, Any], name: str, source: str) -> None:
    """Add ``name`` with the value of ``source`` when the server sent ``source`` and not ``name``."""
    if source in out and name not in out:
        out[name] = out[source]


def _add(out: dict[str, Any], name: str, value: Any) -> None:
    """Add ``name`` unless the server already sent a key of that name."""
    if name not in out:
        out[name] = value


def _folder_of(path: Any) -> str | None:
    """The folder part of a storage location ``folder/file.json`` (``None`` without a folder)."""
    if isinstance(path, str) and "/" in path:
        return path.rpartition("/")[0]
    return None


_decode = json.JSONDecoder().decode  # json.loads without its per-call argument handling


def _decode_json(value: Any, expected: type) -> Any:
    """Decode a JSON-encoded string into ``expected``; anything else is returned unchanged."""
    if isinstance(value, str):
        try:
            decoded = _decode(value)
        except ValueError:
            return value
        if isinstance(decoded, expected):
            return decoded
    return value


def _mappings(items: Any) -> Iterable[Mapping[str, Any]]:
    """The mapping items of a server list (a non-list yields nothing)."""
    if isinstance(items, list):
        yield from (item for item in items if isinstance(item, Mapping))


def unix_to_iso(seconds: int | float) -> str:
    """Unix seconds -> ISO-8601 UTC in the server's own style, e.g. ``2026-11-21T07:10:47.000Z``."""
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


# --- workspaces and threads ----------------------------------------------------------------------


def workspace(raw: Mapping[str, Any]) -> Workspace:
    """A workspace row (``workspace``, an item of ``workspaces`` or of ``GET /v1/workspace/{slug}``).

    Adds ``temperature`` <- ``openAiTemp``, ``updatedAt`` <- ``lastUpdatedAt``, ``includeSources`` = True;
    shapes nested ``documents`` (:func:`workspace_document`) and ``threads`` (:func:`thread`).
    """
    out = dict(raw)
    _alias(out, "temperature", "openAiTemp")
    _alias(out, "updatedAt", "lastUpdatedAt")
    _add(out, "includeSources", True)
    if isinstance(raw.get("documents"), list):
        out["documents"] = [workspace_document(d) for d in _mappings(raw["documents"])]
    slug = raw.get("slug")
    if isinstance(raw.get("threads"), list):
        ws = slug if isinstance(slug, str) else None
        out["threads"] = [thread(t, workspace=ws) for t in _mappings(raw["threads"])]
    return cast(Workspace, out)


def workspace_document(raw: Mapping[str, Any]) -> WorkspaceDocument:
    """A ``workspace_documents`` row: decodes ``metadata``; adds ``name`` <- ``filename``, ``path`` <-
    ``docpath``, ``folderId`` <- its folder, ``updatedAt`` <- ``lastUpdatedAt``."""
    out = dict(raw)
    if "metadata" in out:
        out["metadata"] = _decode_json(out["metadata"], dict)
    _alias(out, "name", "filename")
    _alias(out, "path", "docpath")
    folder_id = _folder_of(raw.get("docpath"))
    if folder_id is not None:
        _add(out, "folderId", folder_id)
    _alias(out, "updatedAt", "lastUpdatedAt")
    return cast(WorkspaceDocument, out)


def thread(raw: Mapping[str, Any], *, workspace: str | None = None, message_count: int | None = None) -> ChatThread:
    """A thread row or a ``{user_id, slug, name}`` thread reference.

    Adds ``workspaceId`` <- ``workspace`` (the slug the thread belongs to), ``updatedAt`` <-
    ``lastUpdatedAt`` and ``messageCount`` <- ``message_count`` when given.
    """
    out = dict(raw)
    if workspace is not None:
        _add(out, "workspaceId", workspace)
    _alias(out, "updatedAt", "lastUpdatedAt")
    if message_count is not None:
        _add(out, "messageCount", message_count)
    return cast(ChatThread, out)


# --- chat --------------------------------------------------------------------------------------------


def _place(out: dict[str, Any], workspace: str | None, thread: str | None) -> None:
    if workspace is not None:
        _add(out, "workspaceId", workspace)
        _add(out, "threadId", thread)
    elif thread is not None:
        _add(out, "threadId", thread)


def chat_message(
    response: Mapping[str, Any], *, workspace: str | None = None, thread: str | None = None
) -> ChatMessage:
    """A chat answer (sync ``/chat`` body or a stream's aggregated response) as a :class:`ChatMessage`.

    Adds ``id`` <- ``uuid`` when only ``uuid`` is present, ``role`` = ``"assistant"``, ``content`` <-
    ``textResponse`` (when it is text), ``workspaceId``/``threadId`` <- the slugs given.
    """
    out = dict(response)
    _alias(out, "id", "uuid")
    _add(out, "role", "assistant")
    text = response.get("textResponse")
    if isinstance(text, str):
        _add(out, "content", text)
    _place(out, workspace, thread)
    return cast(ChatMessage, out)


def chat_message_from_completion(completion: Mapping[str, Any], *, workspace: str) -> ChatMessage:
    """A ``chat.completion`` answer of ``/v1/openai/chat/completions`` as a :class:`ChatMessage`.

    Adds ``textResponse`` and ``content`` <- the first choice's ``message.content`` (when it is text),
    ``role`` = ``"assistant"``, ``metrics`` <- ``usage``, ``type`` = ``"textResponse"``, ``close`` = True,
    ``error`` = None, ``sources`` = [] (that endpoint sends none, and no ``chatId``, as on the agent path)
    and ``workspaceId``/``threadId`` (``None``), so the message has the keys of a ``/chat`` answer.
    """
    out = dict(completion)
    choices = completion.get("choices")
    first = choices[0] if isinstance(choices, list) and choices and isinstance(choices[0], Mapping) else {}
    message = first.get("message")
    text = message.get("content") if isinstance(message, Mapping) else None
    if isinstance(text, str):
        _add(out, "textResponse", text)
        _add(out, "content", text)
    _add(out, "role", "assistant")
    _add(out, "type", "textResponse")
    _add(out, "close", True)
    _add(out, "error", None)
    _add(out, "sources", [])
    _alias(out, "metrics", "usage")
    _place(out, workspace, None)
    return cast(ChatMessage, out)


def history_message(entry: Mapping[str, Any], *, workspace: str, thread: str | None = None) -> ChatMessage:
    """An entry of ``history`` (``.../chats``): adds ``createdAt`` <- ``sentAt`` (unix seconds) as ISO-8601
    UTC and ``workspaceId``/``threadId`` <- the slugs given."""
    out = dict(entry)
    sent = entry.get("sentAt")
    if isinstance(sent, (int, float)) and not isinstance(sent, bool):
        with contextlib.suppress(OverflowError, OSError, ValueError):  # not a representable time: left out
            _add(out, "createdAt", unix_to_iso(sent))
    _place(out, workspace, thread)
    return cast(ChatMessage, out)


# --- documents ---------------------------------------------------------------------------------------


def document_from_picker(raw: Mapping[str, Any], *, folder: str | None = None) -> Document:
    """A document of a listing (``localFiles`` items, ``documents`` of a folder page, ``document``).

    Adds ``folderId`` <- ``folder`` and ``path`` <- ``folder/name`` when the folder is known, and
    ``tokens`` <- ``token_count_estimate``.
    """
    out = dict(raw)
    if folder is not None:
        _add(out, "folderId", folder)
        name = raw.get("name")
        if isinstance(name, str):
            _add(out, "path", f"{folder}/{name}")
    _alias(out, "tokens", "token_count_estimate")
    return cast(Document, out)


def document_from_upload(raw: Mapping[str, Any]) -> Document:
    """A collector document (``documents`` of an upload, upload-link or raw-text answer).

    Adds ``path`` <- ``location``, ``folderId`` <- its folder, ``name`` <- its file part (when the server
    sent no ``name``) and ``tokens`` <- ``token_count_estimate``.
    """
    out = dict(raw)
    location = raw.get("location")
    _alias(out, "path", "location")
    folder_id = _folder_of(location)
    if folder_id is not None:
        _add(out, "folderId", folder_id)
    if isinstance(location, str) and location:
        _add(out, "name", location.rpartition("/")[2])
    _alias(out, "tokens", "token_count_estimate")
    return cast(Document, out)


def folder(raw: Mapping[str, Any]) -> DocumentFolder:
    """A folder of ``localFiles.items``: adds ``id`` and ``path`` <- ``name``, ``documentCount`` <- the
    number of ``items``; ``items`` are shaped with :func:`document_from_picker`."""
    out = dict(raw)
    _alias(out, "id", "name")
    _alias(out, "path", "name")
    name = raw.get("name")
    items = raw.get("items")
    if isinstance(items, list):
        where = name if isinstance(name, str) else None
        out["items"] = [document_from_picker(d, folder=where) for d in _mappings(items)]
        _add(out, "documentCount", len(items))
    return cast(DocumentFolder, out)


def folders_from_listing(local_files: Mapping[str, Any]) -> list[DocumentFolder]:
    """The folders of ``GET /v1/documents`` → ``localFiles`` (its ``items`` of type ``folder``)."""
    return [folder(item) for item in _mappings(local_files.get("items")) if item.get("type", "folder") == "folder"]


def documents_from_listing(local_files: Mapping[str, Any]) -> list[Document]:
    """Every document of ``GET /v1/documents`` → ``localFiles``, flattened over its folders."""
    return [doc for f in folders_from_listing(local_files) for doc in f.get("items", [])]


def document_page(raw: Mapping[str, Any]) -> DocumentPage:
    """A folder page (``{folder, documents, totalCount, hasMore}``); ``documents`` shaped with the folder."""
    out = dict(raw)
    name = raw.get("folder")
    if isinstance(raw.get("documents"), list):
        where = name if isinstance(name, str) else None
        out["documents"] = [document_from_picker(d, folder=where) for d in _mappings(raw["documents"])]
    return cast(DocumentPage, out)


def upload_result(raw: Mapping[str, Any]) -> UploadResult:
    """An upload answer ``{success, error, documents}``; ``documents`` shaped with
    :func:`document_from_upload`."""
    out = dict(raw)
    if isinstance(raw.get("documents"), list):
        out["documents"] = [document_from_upload(d) for d in _mappings(raw["documents"])]
    return cast(UploadResult, out)


def vector_search_result(raw: Mapping[str, Any]) -> VectorSearchResult:
    """An item of a vector search's ``results`` (``{id, text, metadata, distance?, score}``), unchanged."""
    return cast(VectorSearchResult, dict(raw))


# --- users, invites, keys, prompts --------------------------------------------------------------------


def user(raw: Mapping[str, Any]) -> User:
    """A user row: adds ``updatedAt`` <- ``lastUpdatedAt``."""
    out = dict(raw)
    _alias(out, "updatedAt", "lastUpdatedAt")
    return cast(User, out)


def workspace_user(raw: Mapping[str, Any]) -> WorkspaceUser:
    """A workspace member ``{userId, username, role, lastUpdatedAt}``: adds ``id`` <- ``userId`` and
    ``updatedAt`` <- ``lastUpdatedAt``."""
    out = dict(raw)
    _alias(out, "id", "userId")
    _alias(out, "updatedAt", "lastUpdatedAt")
    return cast(WorkspaceUser, out)


def invite(raw: Mapping[str, Any]) -> Invite:
    """An invite row: decodes ``workspaceIds`` (a JSON string) into a list; adds ``updatedAt``."""
    out = dict(raw)
    if "workspaceIds" in out:
        out["workspaceIds"] = _decode_json(out["workspaceIds"], list)
    _alias(out, "updatedAt", "lastUpdatedAt")
    return cast(Invite, out)


def workspace_chat_log(raw: Mapping[str, Any]) -> WorkspaceChatLog:
    """A chat of the admin chat log: decodes ``response`` (a JSON string) into a dict."""
    out = dict(raw)
    if "response" in out:
        out["response"] = _decode_json(out["response"], dict)
    return cast(WorkspaceChatLog, out)


def workspace_chat_page(raw: Mapping[str, Any]) -> WorkspaceChatPage:
    """``POST /v1/admin/workspace-chats`` answer ``{chats, hasPages}``; ``chats`` shaped with
    :func:`workspace_chat_log`."""
    out = dict(raw)
    if isinstance(raw.get("chats"), list):
        out["chats"] = [workspace_chat_log(c) for c in _mappings(raw["chats"])]
    return cast(WorkspaceChatPage, out)


def auth_token(raw: Mapping[str, Any]) -> AuthToken:
    """``GET /v1/users/{id}/issue-auth-token`` answer ``{token, loginPath}``, unchanged."""
    return cast(AuthToken, dict(raw))


def api_key(raw: Mapping[str, Any]) -> ApiKey:
    """An API key row: adds ``key`` <- ``secret``."""
    out = dict(raw)
    _alias(out, "key", "secret")
    return cast(ApiKey, out)


def prompt(raw: Mapping[str, Any]) -> Prompt:
    """A slash-command preset: adds ``title`` <- ``command``, ``content`` <- ``prompt``, ``updatedAt`` <-
    ``lastUpdatedAt``."""
    out = dict(raw)
    _alias(out, "title", "command")
    _alias(out, "content", "prompt")
    _alias(out, "updatedAt", "lastUpdatedAt")
    return cast(Prompt, out)


# --- system ---------------------------------------------------------------------------------------------


def llm_model(raw: Mapping[str, Any], *, provider: str | None = None) -> LLMModel:
    """A model of ``POST /system/custom-models`` → ``models``: adds ``provider`` when given."""
    out = dict(raw)
    if provider is not None:
        _add(out, "provider", provider)
    return cast(LLMModel, out)


def embedding_model(raw: Mapping[str, Any], *, provider: str | None = None) -> EmbeddingModel:
    """An embedder model of ``POST /system/custom-models`` → ``models``: adds ``provider`` when given."""
    out = dict(raw)
    if provider is not None:
        _add(out, "provider", provider)
    return cast(EmbeddingModel, out)


def vector_database(key: str) -> VectorDatabase:
    """The configured vector database from the system setting ``VectorDB`` (e.g. ``"lancedb"``)."""
    return VectorDatabase(id=key, name=key, provider=key)


def system_settings(raw_settings: Mapping[str, Any]) -> SystemSettings:
    """``GET /v1/system`` → ``settings``: adds ``defaultLLMProvider`` <- ``LLMProvider``,
    ``defaultEmbeddingProvider`` <- ``EmbeddingEngine``, ``defaultVectorDB`` <- ``VectorDB`` and
    ``customSettings`` <- a copy of every server key."""
    out = dict(raw_settings)
    _alias(out, "defaultLLMProvider", "LLMProvider")
    _alias(out, "defaultEmbeddingProvider", "EmbeddingEngine")
    _alias(out, "defaultVectorDB", "VectorDB")
    _add(out, "customSettings", dict(raw_settings))
    return cast(SystemSettings, out)


def system_preferences(raw_settings: Mapping[str, Any]) -> SystemSettings:
    """``/admin/system-preferences-for`` → ``settings`` (label -> value): adds ``serverName`` <-
    ``custom_app_name`` and ``customSettings`` <- a copy of every label."""
    out = dict(raw_settings)
    _alias(out, "serverName", "custom_app_name")
    _add(out, "customSettings", dict(raw_settings))
    return cast(SystemSettings, out)


def setup_status(raw: Mapping[str, Any]) -> SetupStatus:
    """Setup state: ``settings`` of ``GET /v1/system`` or ``results`` of ``/setup-complete``, unchanged."""
    return cast(SetupStatus, dict(raw))


def update_env_result(raw: Mapping[str, Any]) -> UpdateEnvResult:
    """``POST /v1/system/update-env`` answer ``{newValues, error}``, unchanged."""
    return cast(UpdateEnvResult, dict(raw))


def operation_result(raw: Mapping[str, Any]) -> OperationResult:
    """A write/delete answer (``{success, error}`` / ``{success, message}``), unchanged."""
    return cast(OperationResult, dict(raw))


def api_status(raw: Mapping[str, Any]) -> ApiStatus:
    """``GET /v1/auth`` answer ``{authenticated}``, unchanged."""
    return cast(ApiStatus, dict(raw))


def health_status(raw: Mapping[str, Any]) -> HealthStatus:
    """``GET /ping`` answer ``{online}``, unchanged."""
    return cast(HealthStatus, dict(raw))


def multi_user_status(raw: Mapping[str, Any]) -> MultiUserStatus:
    """``{isMultiUser}`` or ``{multiUserMode}``, unchanged."""
    return cast(MultiUserStatus, dict(raw))


def login_result(raw: Mapping[str, Any]) -> LoginResult:
    """``POST /request-token`` answer; ``user`` shaped with :func:`user` when present."""
    out = dict(raw)
    if isinstance(raw.get("user"), Mapping):
        out["user"] = user(raw["user"])
    return cast(LoginResult, out)


def token_validation(raw: Mapping[str, Any]) -> TokenValidation:
    """``GET /v1/auth`` or ``/system/refresh-user`` answer; ``user`` shaped with :func:`user` when present."""
    out = dict(raw)
    if isinstance(raw.get("user"), Mapping):
        out["user"] = user(raw["user"])
    return cast(TokenValidation, out)


# --- OpenAI-compatible and embeds -----------------------------------------------------------------------


def openai_model(raw: Mapping[str, Any]) -> OpenAIModel:
    """An item of ``GET /v1/openai/models`` → ``data``, unchanged."""
    return cast(OpenAIModel, dict(raw))


def vector_store(raw: Mapping[str, Any]) -> VectorStore:
    """An item of ``GET /v1/openai/vector_stores`` → ``data``, unchanged."""
    return cast(VectorStore, dict(raw))


def embedding_result(raw: Mapping[str, Any]) -> EmbeddingResult:
    """``POST /v1/openai/embeddings`` answer ``{object, data, model}``, unchanged."""
    return cast(EmbeddingResult, dict(raw))


def image_generation_result(raw: Mapping[str, Any]) -> ImageGenerationResult:
    """``POST /v1/openai/images/generations`` answer ``{data: [{b64_json}], notice?}``, unchanged."""
    return cast(ImageGenerationResult, dict(raw))


def chat_completion(raw: Mapping[str, Any]) -> ChatCompletion:
    """``POST /v1/openai/chat/completions`` answer (non-streaming), unchanged."""
    return cast(ChatCompletion, dict(raw))


def embed_config(raw: Mapping[str, Any]) -> EmbedConfig:
    """An embed widget config (``embed`` or an item of ``embeds``), unchanged."""
    return cast(EmbedConfig, dict(raw))


def embed_chat(raw: Mapping[str, Any]) -> EmbedChat:
    """An embed chat (an item of ``chats``), unchanged."""
    return cast(EmbedChat, dict(raw))
