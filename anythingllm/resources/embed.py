"""Embeddings of text, and the server's chat-widget embeds.

The two documented methods embed text (``POST /v1/openai/embeddings``, the same plan as
``client.openai.create_embedding``). The ``/v1/embed`` routes are something else: chat widgets that a web
site embeds to chat with a workspace; the ``*_embed*`` methods manage them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import _shape
from .._plan import Call, Plan
from .._resource import M, Resource, operation
from .._validate import check_number, require_list, require_slug, require_text, type_name
from ..errors import NotFoundError, ServerError
from ..types import EmbedChat, EmbedConfig, EmbeddingResult, OperationResult
from .openai import check_embedding_input, embeddings_plan

__all__ = ["EmbedModule"]

_EMBED_CHAT_MODES = ("chat", "query")


def _widget_settings(
    *,
    chat_mode: str | None,
    allowlist_domains: Sequence[str] | None,
    allow_model_override: bool | None,
    allow_temperature_override: bool | None,
    allow_prompt_override: bool | None,
    max_chats_per_day: int | None,
    max_chats_per_session: int | None,
    message_limit: int | None,
    enabled: bool | None = None,
) -> dict[str, Any]:
    """The server's fields for the settings given (``None`` = not given), checked."""
    fields: dict[str, Any] = {}
    if chat_mode is not None:
        if not isinstance(chat_mode, str):
            raise TypeError(f"chat_mode must be a str, got {type_name(chat_mode)}")
        if chat_mode not in _EMBED_CHAT_MODES:
            raise ValueError(f"chat_mode must be 'chat' or 'query' (embeds have no automatic mode), got {chat_mode!r}")
        fields["chat_mode"] = chat_mode
    if allowlist_domains is not None:
        domains = require_list("allowlist_domains", allowlist_domains)
        for index, domain in enumerate(domains):
            if not domain.strip() or "," in domain:
                raise ValueError(f"allowlist_domains[{index}] must be one domain or URL without commas, got {domain!r}")
        # The server takes one comma-separated string (a JSON list is silently dropped, allowing every origin).
        fields["allowlist_domains"] = ",".join(domain.strip() for domain in domains)
    flags = {
        "allow_model_override": allow_model_override,
        "allow_temperature_override": allow_temperature_override,
        "allow_prompt_override": allow_prompt_override,
        "enabled": enabled,
    }
    for name, flag in flags.items():
        if flag is not None:
            if not isinstance(flag, bool):
                raise TypeError(f"{name} must be a bool, got {flag!r} ({type_name(flag)})")
            fields[name] = flag
    limits = {
        "max_chats_per_day": max_chats_per_day,
        "max_chats_per_session": max_chats_per_session,
        "message_limit": message_limit,
    }
    for name, limit in limits.items():
        if limit is not None:
            fields[name] = check_number(name, limit, integer=True)
    return fields


def _failed(what: str, answer: dict[str, Any], method: str, path: str) -> ServerError:
    """The error for a 200 answer that reports a failure (``embed: null`` or ``success: false``)."""
    error = answer.get("error")
    said = f' (server said: "{error}")' if isinstance(error, str) and error else ""
    return ServerError(
        200,
        f"The server could not {what}{said}. The AnythingLLM server log has the cause.",
        method=method,
        path=path,
        body=answer,
    )


class EmbedModule(Resource[M]):
    """Text embeddings and chat-widget embeds (``client.embed``).

    Widget settings: ``chat_mode`` ``"chat"`` or ``"query"``; ``allowlist_domains``, the sites allowed to
    use the widget (an empty list removes the allowlist: every site may); ``allow_model_override``,
    ``allow_temperature_override``, ``allow_prompt_override``, whether the widget may choose those;
    ``max_chats_per_day``, ``max_chats_per_session``, ``message_limit``, where 0 means no limit.
    An embed is addressed by its ``uuid``.
    """

    @operation
    def get_text_embedding(self, text: str) -> Plan[EmbeddingResult]:
        """The embedding of one text: ``data[0]["embedding"]``, made by the server's embedder (``model``)."""
        return (yield from embeddings_plan(require_text("text", text)))

    @operation
    def get_batch_embeddings(self, texts: list[str]) -> Plan[EmbeddingResult]:
        """The embeddings of several texts in one call: ``data[i]`` belongs to ``texts[i]``."""
        if isinstance(texts, str):
            raise TypeError("texts must be a list of str, got a str (use get_text_embedding for one text)")
        return (yield from embeddings_plan(check_embedding_input("texts", texts)))

    @operation
    def list_embeds(self) -> Plan[list[EmbedConfig]]:
        """Every chat-widget embed with its workspace (``{id, name}``) and ``chat_count``."""
        parsed = yield Call("embeds.embed_list")
        return [_shape.embed_config(item) for item in parsed["embeds"]]

    @operation
    def create_embed(
        self,
        workspace_id: str,
        *,
        chat_mode: str | None = None,
        allowlist_domains: Sequence[str] | None = None,
        allow_model_override: bool | None = None,
        allow_temperature_override: bool | None = None,
        allow_prompt_override: bool | None = None,
        max_chats_per_day: int | None = None,
        max_chats_per_session: int | None = None,
        message_limit: int | None = None,
    ) -> Plan[EmbedConfig]:
        """Create an (enabled) chat widget for the workspace ``workspace_id`` (its slug).

        Settings not given take the server's defaults: ``chat_mode`` ``"query"``, no allowlist (every site
        may use the widget), no overrides, no limits. An unknown workspace raises NotFoundError.
        """
        from anythingllm_api.models.embed_create_body import EmbedCreateBody

        slug = require_slug("workspace_id", workspace_id)
        fields = _widget_settings(
            chat_mode=chat_mode,
            allowlist_domains=allowlist_domains,
            allow_model_override=allow_model_override,
            allow_temperature_override=allow_temperature_override,
            allow_prompt_override=allow_prompt_override,
            max_chats_per_day=max_chats_per_day,
            max_chats_per_session=max_chats_per_session,
            message_limit=message_limit,
        )
        raw = yield Call("embeds.embed_create", {"body": EmbedCreateBody.from_dict({"workspace_slug": slug, **fields})})
        if not raw.get("embed"):
            raise _failed("create the embed", raw, "POST", "/api/v1/embed/new")
        return _shape.embed_config(raw["embed"])

    @operation
    def update_embed(
        self,
        embed_id: str,
        *,
        enabled: bool | None = None,
        chat_mode: str | None = None,
        allowlist_domains: Sequence[str] | None = None,
        allow_model_override: bool | None = None,
        allow_temperature_override: bool | None = None,
        allow_prompt_override: bool | None = None,
        max_chats_per_day: int | None = None,
        max_chats_per_session: int | None = None,
        message_limit: int | None = None,
    ) -> Plan[OperationResult]:
        """Change the settings given of the embed ``embed_id`` (its uuid); ``enabled=False`` turns it off.

        An unknown embed raises NotFoundError.
        """
        from anythingllm_api.models.embed_update_body import EmbedUpdateBody

        uuid = require_slug("embed_id", embed_id)
        fields = _widget_settings(
            enabled=enabled,
            chat_mode=chat_mode,
            allowlist_domains=allowlist_domains,
            allow_model_override=allow_model_override,
            allow_temperature_override=allow_temperature_override,
            allow_prompt_override=allow_prompt_override,
            max_chats_per_day=max_chats_per_day,
            max_chats_per_session=max_chats_per_session,
            message_limit=message_limit,
        )
        if not fields:
            raise ValueError("update_embed needs at least one setting to change")
        parsed = yield Call("embeds.embed_update", {"embed_uuid": uuid, "body": EmbedUpdateBody.from_dict(fields)})
        result = _shape.operation_result(parsed)
        if result.get("success") is not True:
            raise _failed("update the embed", dict(result), "POST", f"/api/v1/embed/{uuid}")
        return result

    @operation
    def delete_embed(self, embed_id: str) -> Plan[OperationResult]:
        """Delete the embed ``embed_id`` (its uuid) with its chats; an unknown embed raises NotFoundError."""
        uuid = require_slug("embed_id", embed_id)
        parsed = yield Call("embeds.embed_delete", {"embed_uuid": uuid})
        result = _shape.operation_result(parsed)
        if result.get("success") is not True:
            raise _failed("delete the embed", dict(result), "DELETE", f"/api/v1/embed/{uuid}")
        return result

    @operation
    def get_embed_chats(self, embed_id: str) -> Plan[list[EmbedChat]]:
        """The chats held through the embed ``embed_id`` (its uuid); NotFoundError for an unknown embed.

        Each chat's ``response`` and ``connection_information`` are JSON strings, as the server sends them.
        The server answers ``[]`` for an unknown embed too; an empty answer is checked against the embed list.
        """
        uuid = require_slug("embed_id", embed_id)
        parsed = yield Call("embeds.embed_list_chats", {"embed_uuid": uuid})
        if not parsed["chats"]:
            yield from _require_embed(uuid)
        return [_shape.embed_chat(item) for item in parsed["chats"]]

    @operation
    def get_embed_session_chats(self, embed_id: str, session_id: str) -> Plan[list[EmbedChat]]:
        """The chats of one visitor session of the embed ``embed_id`` (``[]`` for a session without chats).

        NotFoundError for an unknown embed (the server answers ``[]``; an empty answer is checked as in
        :meth:`get_embed_chats`).
        """
        uuid = require_slug("embed_id", embed_id)
        session = require_slug("session_id", session_id)
        parsed = yield Call("embeds.embed_list_session_chats", {"embed_uuid": uuid, "session_uuid": session})
        if not parsed["chats"]:
            yield from _require_embed(uuid)
        return [_shape.embed_chat(item) for item in parsed["chats"]]


def _require_embed(uuid: str) -> Plan[None]:
    """NotFoundError unless an embed with ``uuid`` exists (``GET /v1/embed``)."""
    parsed = yield Call("embeds.embed_list")
    if not any(item.get("uuid") == uuid for item in parsed["embeds"]):
        raise NotFoundError(
            404, f"embed {uuid!r} does not exist (embed.list_embeds() lists them)", method="GET", path="/api/v1/embed"
        )
