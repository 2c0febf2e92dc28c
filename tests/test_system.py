"""client.system against the real server's recorded answers (sync and async).

Session calls carry the recorded login token (``REDACTED-TOKEN``), set with ``auth.use_token``; they must
never carry the API key. The model lists read the provider with the API key (``system.yaml``) and then ask
the session API (``session_system.yaml``): both recordings of the same server are replayed together.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from anythingllm.errors import (
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableError,
    UnsupportedOperationError,
)
from anythingllm.resources.system import _env_values
from tests.conftest import RECORDED_KEY, RECORDED_TOKEN, body, calls, replay, replay_joined, resolve

pytestmark = pytest.mark.anyio

TOKEN = RECORDED_TOKEN
KEY_HEADER = f"Bearer {RECORDED_KEY}"
TOKEN_HEADER = f"Bearer {TOKEN}"


def _auth(sent: list[httpx.Request]) -> list[str | None]:
    return [r.headers.get("authorization") for r in sent]


# --- health and settings -------------------------------------------------------------------------


async def test_get_health_needs_no_credentials(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_auth"):
        assert await resolve(client.system.get_health()) == {"online": True}
    assert calls(sent) == [("GET", "/api/ping")]
    assert _auth(sent) == [None]


async def test_get_settings_adds_the_documented_names(client: Any, sent: list[httpx.Request]) -> None:
    with replay("system"):
        settings = await resolve(client.system.get_settings())
    assert _auth(sent) == [KEY_HEADER]
    assert settings["defaultLLMProvider"] == settings["LLMProvider"] == "generic-openai"
    assert settings["defaultEmbeddingProvider"] == "generic-openai"
    assert settings["defaultVectorDB"] == "lancedb"
    assert settings["GenericOpenAiKey"] is True  # a secret, reported as set
    assert settings["customSettings"]["GenericOpenAiMaxTokens"] == "1024"
    assert "serverDescription" not in settings


async def test_update_settings_writes_then_rereads(client: Any, sent: list[httpx.Request]) -> None:
    with replay("system") as cassette:
        before = await resolve(client.system.get_settings())
        assert before["GenericOpenAiMaxTokens"] == "1024"

        after = await resolve(client.system.update_settings({"GenericOpenAiMaxTokens": 1000}))
        assert after["GenericOpenAiMaxTokens"] == "1000"
        assert calls(sent[1:]) == [("POST", "/api/v1/system/update-env"), ("GET", "/api/v1/system")]
        assert body(sent[1]) == {"GenericOpenAiMaxTokens": "1000"}  # numbers are sent as text

        # The recording restored the value next; replay that through the raw client.
        await resolve(client.http_client.post("/v1/system/update-env", json_data={"GenericOpenAiMaxTokens": "1024"}))

        with pytest.raises(UnprocessableError, match="Invalid VectorDB type") as refused:
            await resolve(client.system.update_settings({"defaultVectorDB": "not-a-real-db"}))
        assert body(sent[-1]) == {"VectorDB": "not-a-real-db"}
        assert refused.value.details["newValues"] == {}
        assert "Nothing was changed" in str(refused.value)

        with pytest.raises(UnprocessableError, match="ignored") as ignored:
            await resolve(client.system.update_settings({"NotARealSetting": "x"}))
        assert "NotARealSetting" in str(ignored.value)
        assert cassette.play_count == 6
    # A refused or ignored update is not followed by a re-read.
    assert [r.url.path for r in sent].count("/api/v1/system") == 2
    assert set(_auth(sent)) == {KEY_HEADER}


async def test_update_settings_checks_its_argument_before_any_request(client: Any) -> None:
    with replay("system") as cassette:
        with pytest.raises(TypeError, match="settings"):
            await resolve(client.system.update_settings([("VectorDB", "lancedb")]))
        with pytest.raises(ValueError, match="settings must not be empty"):
            await resolve(client.system.update_settings({}))
        with pytest.raises(TypeError, match="'LLMModel'"):
            await resolve(client.system.update_settings({"LLMModel": None}))
        with pytest.raises(TypeError, match="'GenericOpenAiTokenLimit'"):
            await resolve(client.system.update_settings({"customSettings": {"GenericOpenAiTokenLimit": [4096]}}))
        with pytest.raises(ValueError, match="'GenericOpenAiTokenLimit'"):
            await resolve(client.system.update_settings({"GenericOpenAiTokenLimit": float("nan")}))
        with pytest.raises(ValueError, match="two different values"):
            await resolve(client.system.update_settings({"VectorDB": "lancedb", "defaultVectorDB": "chroma"}))
        with pytest.raises(UnsupportedOperationError, match="custom_app_name"):
            await resolve(client.system.update_settings({"serverName": "My LLM"}))
        with pytest.raises(UnsupportedOperationError, match="allowUserSignup"):
            await resolve(client.system.update_settings({"allowUserSignup": True}))
        assert cassette.play_count == 0


def test_setting_values_become_the_text_the_server_stores() -> None:
    values = _env_values({"DisableTelemetry": True, "customSettings": {"GenericOpenAiTokenLimit": 4096, "X": 0.5}})
    assert values == {"DisableTelemetry": "true", "GenericOpenAiTokenLimit": "4096", "X": "0.5"}
    assert _env_values({"defaultLLMProvider": "ollama", "LLMProvider": "ollama"}) == {"LLMProvider": "ollama"}


# --- models, vector databases, document types -----------------------------------------------------


async def test_get_llm_models_of_the_configured_provider(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    with replay_joined("system", "session_system"):
        models = await resolve(client.system.get_llm_models())
    assert calls(sent) == [("GET", "/api/v1/system"), ("POST", "/api/system/custom-models")]
    assert _auth(sent) == [KEY_HEADER, TOKEN_HEADER]
    assert body(sent[1]) == {"provider": "generic-openai"}
    assert [m["id"] for m in models] == ["stub-chat", "stub-embed"]
    assert all(m["provider"] == "generic-openai" and m["organization"] == "stub" for m in models)


async def test_get_embedding_models_of_the_configured_engine(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    with replay_joined("system", "session_system"):
        models = await resolve(client.system.get_embedding_models())
    assert calls(sent) == [("GET", "/api/v1/system"), ("POST", "/api/system/custom-models")]
    assert _auth(sent) == [KEY_HEADER, TOKEN_HEADER]
    # generic-openai embeds through its own base path, which the settings name.
    assert body(sent[1]) == {"provider": "generic-openai", "basePath": "http://127.0.0.1:8089/v1"}
    assert "stub-embed" in [m["id"] for m in models]
    assert all(m["provider"] == "generic-openai" for m in models)


async def test_model_lists_of_named_providers(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    with replay("session_system"):
        llms = await resolve(client.system.get_llm_models(provider="generic-openai"))
        embedders = await resolve(client.system.get_embedding_models(provider="native"))
        with pytest.raises(UnsupportedOperationError, match="Invalid provider for custom models"):
            await resolve(client.system.get_llm_models(provider="not-a-provider"))
    assert [body(r) for r in sent] == [
        {"provider": "generic-openai"},
        {"provider": "native-embedder"},
        {"provider": "not-a-provider"},
    ]
    assert _auth(sent) == [TOKEN_HEADER] * 3
    assert len(llms) == 2
    assert embedders[0]["id"] == "Xenova/all-MiniLM-L6-v2"
    assert embedders[0]["provider"] == "native"
    assert embedders[0]["lang"] == "English"


async def test_model_lists_need_an_admin(client: Any) -> None:
    client.auth.use_token(TOKEN)  # the recording's token of a default-role user
    with replay("session_non_admin"), pytest.raises(PermissionDeniedError):
        await resolve(client.system.get_llm_models(provider="generic-openai"))


async def test_single_user_server_needs_no_token(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_single_user"):
        models = await resolve(client.system.get_llm_models(provider="generic-openai"))
        status = await resolve(client.system.is_multi_user_mode())
    assert [m["id"] for m in models] == ["stub-chat", "stub-embed"]
    assert status == {"multiUserMode": False}
    assert _auth(sent) == [None, None]


async def test_get_vector_dbs_is_the_configured_one(client: Any) -> None:
    with replay("system"):
        assert await resolve(client.system.get_vector_dbs()) == [
            {"id": "lancedb", "name": "lancedb", "provider": "lancedb"}
        ]


async def test_get_accepted_document_types_lists_extensions_once(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        extensions = await resolve(client.system.get_accepted_document_types())
    assert calls(sent) == [("GET", "/api/v1/document/accepted-file-types")]
    assert extensions[:3] == [".txt", ".md", ".org"]
    assert {".pdf", ".docx", ".m4a", ".jpg"} <= set(extensions)
    assert len(extensions) == len(set(extensions))  # .m4a and .jpg are listed under two MIME types each


# --- prompts (slash-command presets) -------------------------------------------------------------


async def test_prompt_lifecycle(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    with replay("session_system"):
        assert await resolve(client.system.get_prompts()) == []

        created = await resolve(
            client.system.create_prompt("vcr-preset", "Summarise the text in one line.", "VCR preset")
        )
        assert body(sent[-1]) == {
            "command": "/vcr-preset",
            "prompt": "Summarise the text in one line.",
            "description": "VCR preset",
        }
        assert created["id"] == 1
        assert created["title"] == created["command"] == "/vcr-preset"
        assert created["content"] == "Summarise the text in one line."
        assert created["updatedAt"] == created["lastUpdatedAt"]

        with pytest.raises(BadRequestError, match="matches a system command"):
            await resolve(client.system.create_prompt("/reset", "x", "x"))

        # Only two fields given: the third is read first, since the server rewrites all three.
        first = len(sent)
        two_lines, new_description = "Summarise the text in two lines.", "VCR preset (updated)"
        updated = await resolve(client.system.update_prompt("1", content=two_lines, description=new_description))
        assert calls(sent[first:]) == [
            ("GET", "/api/system/slash-command-presets"),
            ("POST", "/api/system/slash-command-presets/1"),
        ]
        assert body(sent[-1]) == {
            "command": "/vcr-preset",
            "prompt": "Summarise the text in two lines.",
            "description": "VCR preset (updated)",
        }
        assert updated["content"] == "Summarise the text in two lines."
        assert updated["description"] == "VCR preset (updated)"

        # All three given: no read first.
        first = len(sent)
        with pytest.raises(NotFoundError, match="Preset not found"):
            await resolve(client.system.update_prompt(999999, title="vcr-nope", content="x", description="x"))
        assert calls(sent[first:]) == [("POST", "/api/system/slash-command-presets/999999")]

        assert await resolve(client.system.delete_prompt("1")) == {"success": True, "message": "prompt 1 deleted"}
        with pytest.raises(NotFoundError, match="Failed to delete preset"):
            await resolve(client.system.delete_prompt(1))
    assert set(_auth(sent)) == {TOKEN_HEADER}


async def test_update_of_an_unknown_prompt_stops_after_the_read(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_single_user"), pytest.raises(NotFoundError, match="no prompt with id 5"):
        await resolve(client.system.update_prompt("5", title="renamed"))
    assert calls(sent) == [("GET", "/api/system/slash-command-presets")]


async def test_prompt_arguments_are_checked_before_any_request(client: Any) -> None:
    with replay("session_system") as cassette:
        with pytest.raises(ValueError, match="prompt_id"):
            await resolve(client.system.update_prompt("abc", title="x"))
        with pytest.raises(TypeError, match="prompt_id"):
            await resolve(client.system.delete_prompt(True))
        with pytest.raises(ValueError, match="at least one"):
            await resolve(client.system.update_prompt("1"))
        with pytest.raises(ValueError, match="title"):
            await resolve(client.system.create_prompt("  ", "content"))
        with pytest.raises(ValueError, match="title"):
            await resolve(client.system.create_prompt("/", "content"))
        with pytest.raises(TypeError, match="description"):
            await resolve(client.system.create_prompt("t", "content", description=5))
        assert cassette.play_count == 0


# --- extras ---------------------------------------------------------------------------------------


async def test_is_multi_user_mode_needs_no_credentials(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_auth"):
        assert await resolve(client.system.is_multi_user_mode()) == {"multiUserMode": True}
    assert calls(sent) == [("GET", "/api/system/multi-user-mode")]
    assert _auth(sent) == [None]


async def test_env_dump_and_vector_count(client: Any) -> None:
    with replay("system"):
        assert await resolve(client.system.get_env_dump()) == {"success": True, "message": "OK"}
        assert await resolve(client.system.get_vector_count()) == 2


async def test_export_chats_in_each_format(client: Any, sent: list[httpx.Request]) -> None:
    with replay("system") as cassette:
        jsonl = await resolve(client.system.export_chats())
        as_json = await resolve(client.system.export_chats("json"))
        csv = await resolve(client.system.export_chats(type="csv"))
        alpaca = await resolve(client.system.export_chats("jsonAlpaca"))
        with pytest.raises(ValueError, match="type must be one of"):
            await resolve(client.system.export_chats("xml"))
        assert cassette.play_count == 4
    assert [r.url.params["type"] for r in sent] == ["jsonl", "json", "csv", "jsonAlpaca"]
    assert all("messages" in json.loads(line) for line in jsonl.splitlines() if line.strip())
    assert json.loads(as_json)[0]["prompt"] == "hello world"
    assert csv.splitlines()[0] == "id,workspace,prompt,response,sent_at,username,rating"
    assert set(json.loads(alpaca)[0]) == {"instruction", "input", "output"}


async def test_remove_documents_checks_its_names_before_any_request(client: Any) -> None:
    name = "custom-documents/raw-vcr-zebras-5aa2f3bb-d48d-4780-b094-cdad60fbdb3d.json"
    with replay("workspace_chat_modes") as cassette:
        with pytest.raises(TypeError, match="names"):
            await resolve(client.system.remove_documents(name))
        with pytest.raises(ValueError, match="names"):
            await resolve(client.system.remove_documents([]))
        assert cassette.play_count == 0  # removing them, after a look at the listing: tests/test_deletes.py
