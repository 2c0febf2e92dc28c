"""System: health, settings, models, vector databases, document types and prompt presets.

Settings, vector databases, document types and the extras (env dump, vector count, chat export,
document removal) use the developer API and the client's API key. Health, the model lists, the
prompts and the multi-user flag use the server's session API: the model lists need an admin login in
multi-user mode, the prompts a login of any user (see :meth:`AuthModule.login
<anythingllm.resources.auth.AuthModule.login>`); a single-user server without a password needs none.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Mapping
from typing import Any, Literal

from .. import _shape
from .._plan import Call, Plan, SessionCall
from .._resource import M, Resource, operation
from .._validate import require_list, require_text
from ..errors import (
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnprocessableError,
    UnsupportedOperationError,
)
from ..types import (
    EmbeddingModel,
    HealthStatus,
    LLMModel,
    MultiUserStatus,
    OperationResult,
    Prompt,
    SystemSettings,
    VectorDatabase,
)
from .auth import json_object, server_words
from .documents import stored_locations

ExportType = Literal["json", "csv", "jsonl", "jsonAlpaca"]
EXPORT_TYPES: tuple[str, ...] = ("json", "csv", "jsonl", "jsonAlpaca")

_PRESETS = "/system/slash-command-presets"
_CUSTOM_MODELS = "/system/custom-models"
_UPDATE_ENV = "/api/v1/system/update-env"
# Documented setting names -> the server's setting keys.
_SETTING_ALIASES = {
    "defaultLLMProvider": "LLMProvider",
    "defaultEmbeddingProvider": "EmbeddingEngine",
    "defaultVectorDB": "VectorDB",
}
_NO_SETTING = {
    "serverName": (
        "the app name is a system preference, not a setting: use "
        "client.admin.update_system_preferences({'custom_app_name': ...})"
    ),
    "serverDescription": "the server has no description setting",
    "allowUserSignup": "users join by invitation only (client.admin.create_invite)",
    "allowAnonymousUsers": "the server has no anonymous access setting; chat widgets are client.embed's business",
}
# Embedding engines (setting EmbeddingEngine) whose model list has its own key at /system/custom-models.
_EMBEDDER_KEYS = {
    "native": "native-embedder",
    "cohere": "cohere-embedder",
    "openrouter": "openrouter-embedder",
    "lemonade": "lemonade-embedder",
}
# Embedding engines that reach their models at EmbeddingBasePath (sent so the right server is asked).
_BASE_PATH_ENGINES = frozenset({"generic-openai", "localai", "ollama", "lmstudio", "litellm", "lemonade"})
_DEFAULT_VECTOR_DB = "lancedb"  # what the server uses when VectorDB is unset


class SystemModule(Resource[M]):
    """System (``client.system``): health, settings, models, vector database, document types, prompts."""

    @operation
    def get_health(self) -> Plan[HealthStatus]:
        """Whether the server is up: ``{"online": True}`` (``GET /ping``, no credentials needed)."""
        answer = yield SessionCall("GET", "/ping")
        return _shape.health_status(json_object(answer, "GET", "/ping"))

    @operation
    def get_settings(self) -> Plan[SystemSettings]:
        """The system settings (``GET /v1/system``): every server key, secrets as booleans, plus the
        documented names ``defaultLLMProvider``, ``defaultEmbeddingProvider``, ``defaultVectorDB`` and
        ``customSettings``."""
        return _shape.system_settings((yield from _settings()))

    @operation
    def update_settings(self, settings: dict[str, Any]) -> Plan[SystemSettings]:
        """Change system settings (``POST /v1/system/update-env``), then return them re-read.

        Keys are the server's setting names (``LLMProvider``, ``GenericOpenAiModelPref``, ``VectorDB``...,
        as :meth:`get_settings` shows them) or the documented ``defaultLLMProvider``,
        ``defaultEmbeddingProvider``, ``defaultVectorDB``; ``customSettings`` may hold more of them. The
        server stores text: ``bool`` becomes ``"true"``/``"false"``, numbers their decimal text; other
        values raise ``TypeError``. The server answers 200 even when it refuses: a refused value, or a key
        it ignored (unknown name, or a masked ``******`` value), raises :class:`UnprocessableError` whose
        ``details`` hold the server's ``newValues`` (what it did write before stopping) and ``error``.
        """
        from anythingllm_api.models.system_update_env_body import SystemUpdateEnvBody

        values = _env_values(settings)
        answer = yield Call("system.system_update_env", {"body": SystemUpdateEnvBody.from_dict(values)})
        written = answer.get("newValues") if isinstance(answer.get("newValues"), Mapping) else {}
        done = f" It wrote {sorted(written)} before stopping." if written else " Nothing was changed."
        error = answer.get("error")
        if isinstance(error, str) and error.strip():
            raise UnprocessableError(
                200,
                f'The server refused the settings (server said: "{error.strip()}").{done}',
                answer,
                method="POST",
                path=_UPDATE_ENV,
            )
        ignored = [key for key in values if key not in written]
        if ignored:
            done = f" It wrote {sorted(written)}." if written else " Nothing was changed."
            raise UnprocessableError(
                200,
                f"The server ignored {ignored}: not setting names it knows (see get_settings() for them), "
                f"or masked values ('******').{done}",
                answer,
                method="POST",
                path=_UPDATE_ENV,
            )
        return _shape.system_settings((yield from _settings()))

    @operation
    def get_llm_models(self, provider: str | None = None) -> Plan[builtins.list[LLMModel]]:
        """The chat models the LLM provider offers (session ``POST /system/custom-models``).

        ``provider`` defaults to the configured one (setting ``LLMProvider``, read with ``GET /v1/system``);
        each model gets ``provider``. Needs an admin login in multi-user mode. A provider whose models
        the server cannot list raises :class:`UnsupportedOperationError`.
        """
        if provider is None:
            provider = _configured((yield from _settings()), "LLMProvider", "an LLM provider")
        else:
            provider = require_text("provider", provider)
        models = yield from _custom_models(provider, provider, None)
        return [_shape.llm_model(m, provider=provider) for m in models]

    @operation
    def get_embedding_models(self, provider: str | None = None) -> Plan[builtins.list[EmbeddingModel]]:
        """The models the embedding engine offers (session ``POST /system/custom-models``).

        ``provider`` (an engine name such as ``native`` or ``ollama``) defaults to the configured one
        (setting ``EmbeddingEngine``; the engine's ``EmbeddingBasePath`` is sent along); each model gets
        ``provider``. Engines that share their provider's model list (``generic-openai``, ``ollama``...)
        list every model of it, chat models included. Needs an admin login in multi-user mode; an engine
        whose models the server cannot list raises :class:`UnsupportedOperationError`.
        """
        base_path = None
        if provider is None:
            settings = yield from _settings()
            provider = settings.get("EmbeddingEngine") or "native"
            path = settings.get("EmbeddingBasePath")
            if provider in _BASE_PATH_ENGINES and isinstance(path, str) and path.strip():
                base_path = path
        else:
            provider = require_text("provider", provider)
        key = _EMBEDDER_KEYS.get(str(provider), str(provider))
        models = yield from _custom_models(key, str(provider), base_path)
        return [_shape.embedding_model(m, provider=str(provider)) for m in models]

    @operation
    def get_vector_dbs(self) -> Plan[builtins.list[VectorDatabase]]:
        """The vector database in use (setting ``VectorDB``, ``lancedb`` when unset), as a one-item list.

        The server has one vector database at a time and no list of the supported ones; switch with
        ``update_settings({"VectorDB": ...})`` (chroma, chromacloud, pinecone, lancedb, weaviate, qdrant,
        milvus, zilliz, astra, pgvector on v1.16).
        """
        settings = yield from _settings()
        key = settings.get("VectorDB")
        return [_shape.vector_database(key if isinstance(key, str) and key else _DEFAULT_VECTOR_DB)]

    @operation
    def get_accepted_document_types(self) -> Plan[builtins.list[str]]:
        """The file extensions the server can ingest, such as ``".pdf"`` (``GET /v1/document/accepted-file-types``).

        Each extension appears once, in the server's order (its answer maps MIME types to extensions).
        """
        parsed = yield Call("documents.document_accepted_file_types")
        types = parsed.get("types")
        extensions: dict[str, None] = {}
        for values in (types or {}).values():
            for extension in values if isinstance(values, list) else []:
                extensions.setdefault(str(extension), None)
        return list(extensions)

    @operation
    def get_prompts(self) -> Plan[builtins.list[Prompt]]:
        """The logged-in user's prompt presets (the server's slash commands, ``GET /system/slash-command-presets``).

        ``title`` is the command (``/name``), ``content`` the prompt text. Any logged-in user has their own
        presets; a single-user server has one shared set.
        """
        return [_shape.prompt(p) for p in (yield from _presets())]

    @operation
    def create_prompt(self, title: str, content: str, description: str | None = None) -> Plan[Prompt]:
        """Create a prompt preset: ``title`` becomes the slash command (``/title``; the server lowercases it
        and turns characters other than letters, digits, ``_`` and ``-`` into ``-``).

        A title of a built-in command (``/reset``...) raises :class:`BadRequestError`. A title the user
        already has raises :class:`UnprocessableError` (the server keeps the old preset; change it with
        :meth:`update_prompt`).
        """
        command = _command(title)
        content = require_text("content", content)
        description = _description(description)
        answer = yield SessionCall(
            "POST", _PRESETS, json={"command": command, "prompt": content, "description": description}
        )
        preset = _preset_of(answer, "POST", _PRESETS)
        if preset.get("prompt") != content or preset.get("description") != description:
            raise UnprocessableError(
                201,
                f"A prompt titled {preset.get('command', command)!r} already exists (id {preset.get('id')}); the "
                "server kept it unchanged. Change it with update_prompt.",
                preset,
                method="POST",
                path=f"/api{_PRESETS}",
            )
        return _shape.prompt(preset)

    @operation
    def update_prompt(
        self,
        prompt_id: str,
        title: str | None = None,
        content: str | None = None,
        description: str | None = None,
    ) -> Plan[Prompt]:
        """Change a prompt preset (``POST /system/slash-command-presets/{id}``).

        The server rewrites title, content and description together, so when one of them is not given its
        current value is read first (``GET /system/slash-command-presets``). Unknown ids, and presets of
        other users, raise :class:`NotFoundError`.
        """
        number = _prompt_id(prompt_id)
        if title is None and content is None and description is None:
            raise ValueError("update_prompt needs at least one of title, content or description")
        fields = {
            "command": None if title is None else _command(title),
            "prompt": None if content is None else require_text("content", content),
            "description": None if description is None else _description(description),
        }
        if None in fields.values():
            current = next((p for p in (yield from _presets()) if p.get("id") == number), None)
            if current is None:
                raise NotFoundError(
                    404, f"no prompt with id {number} among this user's prompts", method="GET", path=f"/api{_PRESETS}"
                )
            fields = {key: (current.get(key) or "") if value is None else value for key, value in fields.items()}
        path = f"{_PRESETS}/{number}"
        return _shape.prompt(_preset_of((yield SessionCall("POST", path, json=fields)), "POST", path))

    @operation
    def delete_prompt(self, prompt_id: str) -> Plan[OperationResult]:
        """Delete a prompt preset (``DELETE /system/slash-command-presets/{id}``).

        Unknown ids, and presets of other users, raise :class:`NotFoundError`.
        """
        number = _prompt_id(prompt_id)
        path = f"{_PRESETS}/{number}"
        try:
            yield SessionCall("DELETE", path, expect_json=False)
        except PermissionDeniedError as exc:
            raise NotFoundError(
                exc.status_code,
                f'No prompt with id {number} belongs to this user (server said: "{server_words(exc)}").',
                exc.details,
                method="DELETE",
                path=f"/api{path}",
            ) from None
        return OperationResult(success=True, message=f"prompt {number} deleted")

    @operation
    def is_multi_user_mode(self) -> Plan[MultiUserStatus]:
        """Whether the server runs in multi-user mode: ``{"multiUserMode": bool}`` (session
        ``GET /system/multi-user-mode``, no credentials needed, so it tells how to log in)."""
        answer = yield SessionCall("GET", "/system/multi-user-mode")
        return _shape.multi_user_status(json_object(answer, "GET", "/system/multi-user-mode"))

    @operation
    def get_env_dump(self) -> Plan[OperationResult]:
        """Ask the server to write its settings to its ``.env`` file (``GET /v1/system/env-dump``; a
        production server writes it, others do nothing and answer the same)."""
        text = yield Call("system.system_env_dump", expect_json=False)
        return OperationResult(success=True, message=str(text or "OK"))

    @operation
    def get_vector_count(self) -> Plan[int]:
        """How many vectors the vector database holds, over all workspaces (``GET /v1/system/vector-count``)."""
        parsed = yield Call("system.system_vector_count")
        return int(parsed["vectorCount"])

    @operation
    def export_chats(self, type: ExportType = "jsonl") -> Plan[str]:
        """Every chat of the server as a file's text (``GET /v1/system/export-chats``).

        ``type``: ``jsonl`` (one ``{"messages": [...]}`` line per workspace, fine-tuning style),
        ``json`` (a list of chats), ``csv`` or ``jsonAlpaca`` (instruction/input/output records).
        """
        if not isinstance(type, str):
            raise TypeError(f"type must be a str, got {builtins.type(type).__name__}")
        if type not in EXPORT_TYPES:
            raise ValueError(f"type must be one of {', '.join(EXPORT_TYPES)}, got {type!r}")
        text = yield Call("system.system_export_chats", {"type_": type}, expect_json=False)
        return str(text)

    @operation
    def remove_documents(self, names: builtins.list[str]) -> Plan[OperationResult]:
        """Delete stored documents for good: file, vectors and every workspace link
        (``DELETE /v1/system/remove-documents``, one request for all). ``names`` are locations
        ``folder/file.json``.

        The server skips unknown names without a word, so the document listing is read first
        (``GET /v1/documents``, one extra call): if any name is not stored, NotFoundError names them all
        and nothing is removed."""
        from anythingllm_api.models.system_remove_documents_body import SystemRemoveDocumentsBody

        locations = require_list("names", names)
        if not locations:
            raise ValueError("names must not be empty")
        for index, location in enumerate(locations):
            require_text(f"names[{index}]", location)
        stored = stored_locations((yield Call("documents.document_list")).get("localFiles") or {})
        missing = [n for n in locations if n.partition("/")[2] not in stored.get(n.partition("/")[0], set())]
        if missing:
            shown = ", ".join(repr(n) for n in missing[:10]) + (
                f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            )
            raise NotFoundError(
                404,
                f"{len(missing)} of {len(locations)} document(s) are not stored: {shown} (nothing was removed; "
                "names are locations 'folder/file.json' as documents.list() shows them)",
                {"missing": missing},
                method="GET",
                path="/api/v1/documents",
            )
        parsed = yield Call("system.system_remove_documents", {"body": SystemRemoveDocumentsBody(names=locations)})
        return _shape.operation_result(parsed)


def _settings() -> Plan[dict[str, Any]]:
    """The raw ``settings`` of ``GET /v1/system``."""
    parsed = yield Call("system.system_get_settings")
    return dict(parsed["settings"])


def _configured(settings: Mapping[str, Any], key: str, what: str) -> str:
    value = settings.get(key)
    if not isinstance(value, str) or not value:
        raise UnsupportedOperationError(
            0,
            f"the server has no {what} configured (setting {key} is unset): "
            f"set one with update_settings({{{key!r}: ...}}) or pass provider=",
        )
    return value


def _custom_models(key: str, provider: str, base_path: str | None) -> Plan[list[dict[str, Any]]]:
    """The ``models`` of session ``POST /system/custom-models`` for one provider key."""
    body = {"provider": key} if base_path is None else {"provider": key, "basePath": base_path}
    answer = json_object((yield SessionCall("POST", _CUSTOM_MODELS, json=body)), "POST", _CUSTOM_MODELS)
    error = answer.get("error")
    if error:
        said = f' (server said: "{error}")'
        if "invalid provider" in str(error).lower():
            raise UnsupportedOperationError(
                0,
                f"The server cannot list the models of {provider!r}{said}. Its configured model is in "
                "get_settings() (LLMModel / EmbeddingModelPref).",
                answer,
                method="POST",
                path=f"/api{_CUSTOM_MODELS}",
            )
        raise ServerError(
            200,
            f"The server could not list the models of {provider!r}{said}. Check the provider's settings.",
            answer,
            method="POST",
            path=f"/api{_CUSTOM_MODELS}",
        )
    models = answer.get("models")
    if not isinstance(models, list):
        raise InvalidResponseError(
            200, "the model list has no 'models' list", method="POST", path=f"/api{_CUSTOM_MODELS}"
        )
    return [dict(m) for m in models if isinstance(m, Mapping)]


def _presets() -> Plan[list[dict[str, Any]]]:
    answer = json_object((yield SessionCall("GET", _PRESETS)), "GET", _PRESETS)
    presets = answer.get("presets")
    if not isinstance(presets, list):
        raise InvalidResponseError(200, "the prompt list has no 'presets' list", method="GET", path=f"/api{_PRESETS}")
    return [dict(p) for p in presets if isinstance(p, Mapping)]


def _preset_of(answer: Any, method: str, path: str) -> dict[str, Any]:
    preset = json_object(answer, method, path).get("preset")
    if not isinstance(preset, Mapping):
        raise InvalidResponseError(200, "the answer has no 'preset' object", method=method, path=f"/api{path}")
    return dict(preset)


def _command(title: object) -> str:
    """The slash command for a prompt title: the title with a leading ``/``."""
    command = require_text("title", title).strip()
    command = command if command.startswith("/") else f"/{command}"
    if len(command) < 2:
        raise ValueError("title must have a character after '/'")
    return command


def _description(description: object) -> str:
    if description is None:
        return ""
    if not isinstance(description, str):
        raise TypeError(f"description must be a str, got {type(description).__name__}")
    return description


def _prompt_id(prompt_id: object) -> int:
    """A prompt id (the preset's integer id, as ``int`` or digits)."""
    if isinstance(prompt_id, bool) or not isinstance(prompt_id, (int, str)):
        raise TypeError(f"prompt_id must be a str or int, got {type(prompt_id).__name__}")
    text = str(prompt_id).strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"prompt_id must be a positive integer id, got {prompt_id!r}")
    return int(text)


def _env_values(settings: object) -> dict[str, str]:
    """``settings`` as the ``{key: text}`` body of update-env (aliases resolved, values converted)."""
    if not isinstance(settings, Mapping):
        raise TypeError(f"settings must be a dict, got {type(settings).__name__}")
    flat: dict[str, Any] = {}
    for key, value in settings.items():
        if key == "customSettings":
            if not isinstance(value, Mapping):
                raise TypeError(f"settings['customSettings'] must be a dict, got {type(value).__name__}")
            items = list(value.items())
        else:
            items = [(key, value)]
        for name, item in items:
            if not isinstance(name, str) or not name.strip():
                raise TypeError(f"settings keys must be non-empty str, got {name!r}")
            if name in _NO_SETTING:
                raise UnsupportedOperationError(0, f"settings[{name!r}] cannot be set: {_NO_SETTING[name]}")
            server_key = _SETTING_ALIASES.get(name, name)
            text = _env_text(name, item)
            if server_key in flat and flat[server_key] != text:
                raise ValueError(f"settings give {server_key} two different values ({flat[server_key]!r}, {text!r})")
            flat[server_key] = text
    if not flat:
        raise ValueError("settings must not be empty")
    return flat


def _env_text(name: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(f"settings[{name!r}] must be a finite number, got {value!r}")
        return str(value)
    raise TypeError(f"settings[{name!r}] must be a str, bool or number, got {type(value).__name__}")
