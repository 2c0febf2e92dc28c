"""Workspaces: list, read, create, change and delete them, and manage their documents."""

from __future__ import annotations

import builtins
from typing import Any, NoReturn

from .. import _shape
from .._plan import Call, Plan
from .._resource import M, Resource, operation
from .._validate import CHAT_MODES, check_number, require_list, require_slug, require_text
from ..errors import ApiError, NotFoundError, ServerError, UnsupportedOperationError, not_found
from ..types import OperationResult, VectorSearchResult, Workspace, WorkspaceDocument


def workspace_row(slug: str) -> Plan[dict[str, Any]]:
    """The server's row of workspace ``slug`` (``GET /v1/workspace/{slug}``); its 200 ``[]`` is NotFoundError."""
    parsed = yield Call("workspaces.workspace_get", {"slug": slug})
    if not parsed["workspace"]:
        raise NotFoundError(404, f"workspace {slug!r} does not exist", method="GET", path=f"/api/v1/workspace/{slug}")
    row: dict[str, Any] = parsed["workspace"][0]
    return row


def unless_workspace_missing(slug: str, error: ApiError) -> Plan[NoReturn]:
    """Raise NotFoundError if workspace ``slug`` does not exist, else ``error``.

    For answers this server also gives for an unknown workspace (an empty 500...): one
    ``GET /v1/workspace/{slug}`` tells which it is.
    """
    try:
        yield from workspace_row(slug)
    except NotFoundError:
        raise not_found(error, f"workspace {slug!r} does not exist.") from error
    raise error


class WorkspacesModule(Resource[M]):
    """Workspaces (``client.workspaces``). A workspace is addressed by its slug."""

    @operation
    def list(self) -> Plan[list[Workspace]]:
        """Every workspace, each with its threads."""
        parsed = yield Call("workspaces.workspace_list")
        return [_shape.workspace(w) for w in parsed["workspaces"]]

    @operation
    def get(self, workspace_id: str) -> Plan[Workspace]:
        """One workspace with its documents; raises NotFoundError when there is none."""
        return _shape.workspace((yield from workspace_row(require_slug("workspace_id", workspace_id))))

    @operation
    def create(
        self,
        /,
        name: str,
        description: str | None = None,
        vector_db: str | None = None,
        **settings: Any,
    ) -> Plan[Workspace]:
        """Create a workspace. The server has no per-workspace description or vector database.

        Keyword ``settings`` are set at creation: ``temperature``, ``chat_model``, ``chat_provider``,
        ``system_prompt``, ``chat_mode``, ``history_length``, ``top_n``, ``similarity_threshold``,
        ``query_refusal_response``, ``agent_provider``, ``agent_model``, ``vector_search_mode``.
        """
        from anythingllm_api.models.workspace_create_body import WorkspaceCreateBody

        if not isinstance(name, str) or not name.strip():
            raise ValueError("name must be a non-empty string")
        _unsupported_fields(description=description, vector_db=vector_db)
        body = WorkspaceCreateBody.from_dict({"name": name, **_settings_fields(settings)})
        parsed = yield Call("workspaces.workspace_create", {"body": body})
        return _shape.workspace(parsed["workspace"])

    @operation
    def update(
        self,
        /,
        workspace_id: str,
        name: str | None = None,
        description: str | None = None,
        vector_db: str | None = None,
        embedding_model: str | None = None,
        chat_model: str | None = None,
        temperature: float | None = None,
        include_sources: bool | None = None,
        prompt_id: str | None = None,
        **settings: Any,
    ) -> Plan[Workspace]:
        """Change a workspace: ``name``, ``chat_model`` (chatModel), ``temperature`` (openAiTemp), and more.

        ``prompt_id`` names a saved prompt (``client.system.get_prompts()``); its text becomes the
        workspace's system prompt (openAiPrompt). Keyword ``settings`` are those of :meth:`create`.
        Sources always come back with an answer (``include_sources=False`` cannot be honoured), and the
        embedding model and vector database are server-wide (``client.system.update_settings``).
        """
        from anythingllm_api.models.workspace_settings import WorkspaceSettings

        from .system import _presets, _prompt_id

        slug = require_slug("workspace_id", workspace_id)
        _unsupported_fields(description=description, vector_db=vector_db, embedding_model=embedding_model)
        if include_sources is False:
            raise UnsupportedOperationError(
                0, "the server always returns sources with an answer; include_sources=False cannot be honoured"
            )
        fields: dict[str, Any] = {}
        if name is not None:
            fields["name"] = require_text("name", name)
        fields.update(_settings_fields({"chat_model": chat_model, "temperature": temperature, **settings}))
        wanted = _prompt_id(prompt_id) if prompt_id is not None else None
        if not fields and wanted is None:
            raise ValueError("update needs at least one field to change (name, chat_model, temperature, prompt_id...)")
        if wanted is not None:
            presets = yield from _presets()
            preset = next((p for p in presets if p.get("id") == wanted), None)
            if preset is None or not isinstance(preset.get("prompt"), str):
                raise NotFoundError(404, f"no saved prompt has id {wanted} (client.system.get_prompts() lists them)")
            fields["openAiPrompt"] = preset["prompt"]
        parsed = yield Call("workspaces.workspace_update", {"slug": slug, "body": WorkspaceSettings.from_dict(fields)})
        return _shape.workspace(parsed["workspace"])

    @operation
    def delete(self, workspace_id: str) -> Plan[OperationResult]:
        """Delete a workspace with its chats, vectors and document links."""
        slug = require_slug("workspace_id", workspace_id)
        yield Call("workspaces.workspace_delete", {"slug": slug}, expect_json=False)
        return {"success": True, "message": f"workspace {slug!r} deleted"}

    @operation
    def get_documents(self, workspace_id: str) -> Plan[builtins.list[WorkspaceDocument]]:
        """The documents embedded in a workspace."""
        row = yield from workspace_row(require_slug("workspace_id", workspace_id))
        return [_shape.workspace_document(d) for d in row.get("documents") or []]

    @operation
    def add_documents(self, workspace_id: str, document_ids: builtins.list[str]) -> Plan[Workspace]:
        """Embed documents (their locations, ``folder/file.json``) into a workspace; the workspace after.

        The server skips documents it cannot embed without saying so. When one is missing from the
        answer, the document listing (one more call) tells why: NotFoundError for a location that holds
        no document, ServerError for one the server failed to embed. The others are embedded then.
        """
        adds = require_list("document_ids", document_ids)
        workspace = yield from _update_embeddings(workspace_id, adds=adds)
        embedded = {d.get("docpath") for d in workspace.get("documents") or []}
        skipped = [location for location in adds if location not in embedded]
        if skipped:
            yield from _not_embedded(workspace["slug"], skipped)
        return workspace

    @operation
    def remove_document(self, workspace_id: str, document_id: str) -> Plan[Workspace]:
        """Remove one document from a workspace; the file itself stays.

        ``document_id`` is its location ``folder/file.json`` (the workspace document's ``docpath``) or its
        file name. The server answers alike whether or not the document was embedded, so the workspace is
        read first (``GET /v1/workspace/{slug}``, one extra call): NotFoundError when it does not hold it.
        """
        slug = require_slug("workspace_id", workspace_id)
        wanted = require_text("document_id", document_id)
        if "/" not in wanted:
            wanted = require_slug("document_id", wanted)
        row = yield from workspace_row(slug)
        paths = [str(d.get("docpath")) for d in row.get("documents") or []]
        matches = [p for p in paths if wanted in (p, p.rpartition("/")[2])]
        if not matches:
            raise NotFoundError(
                404,
                f"workspace {slug!r} has no document {wanted!r} embedded (workspaces.get_documents() lists them)",
                method="GET",
                path=f"/api/v1/workspace/{slug}",
            )
        return (yield from _update_embeddings(slug, deletes=matches[:1]))

    @operation
    def search(
        self,
        workspace_id: str,
        query: str,
        top_n: int | None = None,
        score_threshold: float | None = None,
    ) -> Plan[builtins.list[VectorSearchResult]]:
        """The chunks of a workspace's documents closest to ``query``, best first (no LLM involved).

        ``top_n`` (at least 1) and ``score_threshold`` (0 to 1) default to the workspace's own ``topN``
        and ``similarityThreshold``. A workspace without embeddings gives ``[]``; an unknown one raises
        NotFoundError.
        """
        from anythingllm_api.models.workspace_vector_search_body import WorkspaceVectorSearchBody

        slug = require_slug("workspace_id", workspace_id)
        fields: dict[str, Any] = {"query": require_text("query", query)}
        if top_n is not None:
            fields["topN"] = check_number("top_n", top_n, minimum=1, integer=True)
        if score_threshold is not None:
            fields["scoreThreshold"] = check_number("score_threshold", score_threshold)
            if fields["scoreThreshold"] > 1:
                raise ValueError(f"score_threshold must be a number from 0 to 1, got {score_threshold!r}")
        body = WorkspaceVectorSearchBody.from_dict(fields)
        parsed = yield Call("workspaces.workspace_vector_search", {"slug": slug, "body": body})
        return [_shape.vector_search_result(hit) for hit in parsed["results"]]

    @operation
    def pin_document(self, workspace_id: str, document_path: str, pinned: bool = True) -> Plan[OperationResult]:
        """Pin (or with ``pinned=False`` unpin) a document of a workspace: a pinned document is given to the
        LLM whole with every chat. ``document_path`` is its location ``folder/file.json``; a document that is
        not in the workspace raises NotFoundError."""
        from anythingllm_api.models.workspace_update_pin_body import WorkspaceUpdatePinBody

        slug = require_slug("workspace_id", workspace_id)
        path = require_text("document_path", document_path)
        if "/" not in path:
            raise ValueError(f"document_path must be a location 'folder/file.json', got {document_path!r}")
        if not isinstance(pinned, bool):
            raise TypeError(f"pinned must be a bool, got {type(pinned).__name__}")
        body = WorkspaceUpdatePinBody(doc_path=path, pin_status=pinned)
        try:
            parsed = yield Call("workspaces.workspace_update_pin", {"slug": slug, "body": body})
        except NotFoundError as error:  # its bare 404: the workspace holds no such document
            message = f"workspace {slug!r} holds no document {path!r} (workspaces.get_documents() lists them)."
            raise not_found(error, message) from error
        except ServerError as error:  # its empty 500, also for an unknown workspace
            yield from unless_workspace_missing(slug, error)
        return {"success": True, "message": parsed.get("message")}


def _not_embedded(slug: str, skipped: list[str]) -> Plan[NoReturn]:
    """Raise for documents the server left out of workspace ``slug``: unknown ones, else failed embeds."""
    from .documents import stored_documents

    stored, _ = yield from stored_documents()
    unknown = [location for location in skipped if location not in stored]
    path = f"/api/v1/workspace/{slug}/update-embeddings"
    if unknown:
        raise NotFoundError(
            404,
            f"no document is stored at {', '.join(map(repr, unknown))} (documents.list() shows the locations); "
            "the other documents were added",
            {"not_stored": unknown},
            method="POST",
            path=path,
        )
    raise ServerError(
        200,
        f"The server did not embed {', '.join(map(repr, skipped))} in workspace {slug!r} although "
        "the documents exist, and did not say why: most likely its embedding provider is not running, not "
        "reachable or failing, or its vector database failed. The AnythingLLM server log has the cause.",
        {"not_embedded": skipped},
        method="POST",
        path=path,
    )


def _update_embeddings(
    workspace_id: str, adds: list[str] | None = None, deletes: list[str] | None = None
) -> Plan[Workspace]:
    from anythingllm_api.models.workspace_update_embeddings_body import WorkspaceUpdateEmbeddingsBody

    slug = require_slug("workspace_id", workspace_id)
    body = WorkspaceUpdateEmbeddingsBody.from_dict({"adds": adds or [], "deletes": deletes or []})
    parsed = yield Call("workspaces.workspace_update_embeddings", {"slug": slug, "body": body})
    return _shape.workspace(parsed["workspace"])


_SETTINGS = {
    "temperature": "openAiTemp",
    "chat_model": "chatModel",
    "chat_provider": "chatProvider",
    "system_prompt": "openAiPrompt",
    "chat_mode": "chatMode",
    "history_length": "openAiHistory",
    "top_n": "topN",
    "similarity_threshold": "similarityThreshold",
    "query_refusal_response": "queryRefusalResponse",
    "agent_provider": "agentProvider",
    "agent_model": "agentModel",
    "vector_search_mode": "vectorSearchMode",
}
_NUMBERS: dict[str, dict[str, Any]] = {
    "temperature": {},
    "history_length": {"integer": True},
    "top_n": {"integer": True, "minimum": 1},
}


def _settings_fields(settings: dict[str, Any]) -> dict[str, Any]:
    """Documented snake_case workspace settings as the server's fields, checked; ``None`` values are left out."""
    unknown = sorted(set(settings) - set(_SETTINGS))
    if unknown:
        raise TypeError(f"unknown workspace setting(s) {', '.join(unknown)}; known: {', '.join(_SETTINGS)}")
    fields: dict[str, Any] = {}
    for key, value in settings.items():
        if value is None:
            continue
        if key in _NUMBERS:
            value = check_number(key, value, **_NUMBERS[key])
        elif key == "similarity_threshold":
            value = check_number(key, value)
            if value > 1:
                raise ValueError(f"similarity_threshold must be between 0 and 1, got {value!r}")
        elif not isinstance(value, str):
            raise TypeError(f"{key} must be a str, got {type(value).__name__}")
        elif key == "chat_mode" and value not in CHAT_MODES:
            raise ValueError(f"chat_mode must be one of {', '.join(CHAT_MODES)}, got {value!r}")
        fields[_SETTINGS[key]] = value
    return fields


def _unsupported_fields(**values: Any) -> None:
    given = [name for name, value in values.items() if value is not None]
    if given:
        raise UnsupportedOperationError(
            0,
            f"the server has no per-workspace {', '.join(given)}: vector database and embedding model are "
            "server-wide (client.system.update_settings), and the system prompt is set as text on the workspace",
        )
