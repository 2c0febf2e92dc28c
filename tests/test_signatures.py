"""Every method of the documented friendly API exists with the documented parameters and defaults.

DOCUMENTED is the reference's method list (module → method → parameters in order, with the documented
default, or REQUIRED). Our methods may add parameters after those, but only optional ones, so every call
written against the reference works unchanged, on the sync and on the async client.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.errors import ApiError
from anythingllm.resources.http import HttpClient

REQUIRED = inspect.Parameter.empty
ID = ("workspace_id", REQUIRED)
THREAD = ("thread_id", REQUIRED)

DOCUMENTED: dict[str, dict[str, list[tuple[str, Any]]]] = {
    "": {"get_api_status": []},
    "http_client": {
        "get": [("path", REQUIRED), ("params", None)],
        "post": [("path", REQUIRED), ("data", None), ("json_data", None), ("files", None)],
        "put": [("path", REQUIRED), ("json_data", REQUIRED)],
        "delete": [("path", REQUIRED), ("params", None)],
    },
    "auth": {
        "login": [("username", REQUIRED), ("password", REQUIRED)],
        "validate_token": [("token", None)],
        "check_setup": [],
    },
    "workspaces": {
        "list": [],
        "get": [ID],
        "create": [("name", REQUIRED), ("description", None), ("vector_db", None)],
        "update": [
            ID,
            ("name", None),
            ("description", None),
            ("vector_db", None),
            ("embedding_model", None),
            ("chat_model", None),
            ("temperature", None),
            ("include_sources", None),
            ("prompt_id", None),
        ],
        "delete": [ID],
        "get_documents": [ID],
        "add_documents": [ID, ("document_ids", REQUIRED)],
        "remove_document": [ID, ("document_id", REQUIRED)],
    },
    "documents": {
        "list": [],
        "get": [("document_id", REQUIRED)],
        "upload": [("file_path", None), ("file_obj", None), ("add_to_workspaces", None), ("folder_name", None)],
        "delete": [("document_id", REQUIRED)],
        "sync": [],
        "get_folders": [],
        "create_folder": [("name", REQUIRED)],
        "delete_folder": [("folder_id", REQUIRED)],
    },
    "chat": {
        "send_message": [
            ID,
            ("message", REQUIRED),
            ("thread_id", None),
            ("system_prompt", None),
            ("temperature", None),
            ("include_sources", None),
        ],
        "get_history": [ID, ("thread_id", None)],
        "clear_history": [ID, ("thread_id", None)],
        "list_threads": [ID],
        "create_thread": [ID, ("name", REQUIRED), ("description", None)],
        "update_thread": [ID, THREAD, ("name", None), ("description", None)],
        "delete_thread": [ID, THREAD],
    },
    "system": {
        "get_health": [],
        "get_settings": [],
        "update_settings": [("settings", REQUIRED)],
        "get_llm_models": [],
        "get_embedding_models": [],
        "get_vector_dbs": [],
        "get_accepted_document_types": [],
        "get_prompts": [],
        "create_prompt": [("title", REQUIRED), ("content", REQUIRED), ("description", None)],
        "update_prompt": [("prompt_id", REQUIRED), ("title", None), ("content", None), ("description", None)],
        "delete_prompt": [("prompt_id", REQUIRED)],
    },
    "users": {
        "list": [],
        "get": [("user_id", REQUIRED)],
        "create": [("username", REQUIRED), ("password", REQUIRED), ("role", "user"), ("customization", None)],
        "update": [
            ("user_id", REQUIRED),
            ("username", None),
            ("password", None),
            ("role", None),
            ("customization", None),
        ],
        "delete": [("user_id", REQUIRED)],
        "get_api_keys": [],
        "create_api_key": [("name", REQUIRED), ("expires_at", None)],
        "delete_api_key": [("key_id", REQUIRED)],
    },
    "embed": {
        "get_text_embedding": [("text", REQUIRED)],
        "get_batch_embeddings": [("texts", REQUIRED)],
    },
    "admin": {
        "is_multi_user_mode": [],
        "create_user": [("username", REQUIRED), ("password", REQUIRED), ("role", "default")],
        "update_user": [("user_id", REQUIRED), ("username", None), ("password", None), ("role", None)],
        "delete_user": [("user_id", REQUIRED)],
        "create_invite": [("workspace_ids", None)],
        "get_invites": [],
        "delete_invite": [("invite_id", REQUIRED)],
        "get_system_preferences": [],
        "update_system_preferences": [("preferences", REQUIRED)],
    },
    "openai": {
        "list_models": [],
        "create_chat_completion": [
            ("model", REQUIRED),
            ("messages", REQUIRED),
            ("temperature", None),
            ("stream", False),
            ("max_tokens", None),
            ("top_p", None),
            ("frequency_penalty", None),
            ("presence_penalty", None),
        ],
        "list_vector_stores": [],
        "create_embedding": [("input_text", REQUIRED), ("model", None)],
    },
    "workspace_thread": {
        "list_threads": [ID],
        "get_thread": [ID, THREAD],
        "create_thread": [ID, ("name", REQUIRED), ("description", None)],
        "update_thread": [ID, THREAD, ("name", None), ("description", None)],
        "delete_thread": [ID, THREAD],
        "get_thread_messages": [ID, THREAD],
        "send_message": [
            ID,
            THREAD,
            ("message", REQUIRED),
            ("system_prompt", None),
            ("temperature", None),
            ("include_sources", None),
        ],
        "clear_thread_messages": [ID, THREAD],
    },
}

CASES = [(module, method) for module, methods in DOCUMENTED.items() for method in methods]


def _check(signature: inspect.Signature, documented: list[tuple[str, Any]], where: str) -> None:
    params = list(signature.parameters.values())
    names = [p.name for p in params[: len(documented)]]
    assert names == [name for name, _ in documented], f"{where}: parameters {names}"
    for param, (name, default) in zip(params, documented, strict=False):
        assert param.kind in (param.POSITIONAL_OR_KEYWORD, param.POSITIONAL_ONLY), f"{where}: {name} is keyword-only"
        if default is not REQUIRED:
            assert param.default == default, f"{where}: {name} defaults to {param.default!r}, documented {default!r}"
    for extra in params[len(documented) :]:
        assert extra.default is not REQUIRED or extra.kind is extra.VAR_KEYWORD, f"{where}: extra {extra.name} required"


@pytest.mark.parametrize("client_class", [AnythingLLMClient, AsyncAnythingLLMClient])
@pytest.mark.parametrize(("module", "method"), CASES, ids=[f"{m or 'client'}.{f}" for m, f in CASES])
def test_documented_method_exists_with_documented_parameters(client_class: type, module: str, method: str) -> None:
    client = client_class("http://127.0.0.1:3001", api_key="k")
    owner = getattr(client, module) if module else client
    function = getattr(owner, method, None)
    assert callable(function), f"{module}.{method} is missing"
    _check(inspect.signature(function), DOCUMENTED[module][method], f"{module}.{method}")
    assert function.__doc__, f"{module}.{method} has no docstring"


def test_client_and_helpers_constructors_match_the_reference() -> None:
    for cls in (AnythingLLMClient, AsyncAnythingLLMClient):
        _check(
            inspect.signature(cls), [("base_url", "http://localhost:3001"), ("api_key", None), ("timeout", 60)], "init"
        )
    _check(inspect.signature(HttpClient), [("base_url", REQUIRED), ("api_key", REQUIRED), ("timeout", 60)], "Http")
    error = ApiError(404, "gone", {"error": "x"})
    assert (error.status_code, error.message, error.details) == (404, "gone", {"error": "x"})
    _check(inspect.signature(ApiError), [("status_code", REQUIRED), ("message", REQUIRED), ("details", None)], "err")
