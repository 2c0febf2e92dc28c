"""``anythingllm status``: is the server reachable, is the key valid, which mode and models it runs."""

from __future__ import annotations

from typing import Any

import typer

from ..errors import InvalidResponseError, NotFoundError
from .errors import NotAnythingLLM
from .state import state_of

SUMMARY_FIELDS: tuple[tuple[str, str], ...] = (
    ("LLM provider", "LLMProvider"),
    ("LLM model", "LLMModel"),
    ("Embedder", "EmbeddingEngine"),
    ("Embedding model", "EmbeddingModelPref"),
    ("Vector database", "VectorDB"),
)


def status(ctx: typer.Context) -> None:
    """Check the connection: server reachable, API key valid, multi-user mode, server settings."""
    state = state_of(ctx)
    client = state.client
    try:
        api = client.get_api_status()
    except (NotFoundError, InvalidResponseError) as exc:  # a 404 or a body no AnythingLLM sends (HTML, "OK")
        raise NotAnythingLLM(client.base_url, exc) from exc
    mode = client.admin.is_multi_user_mode()
    settings = client.system.get_settings()
    multi_user = bool(mode.get("isMultiUser", mode.get("multiUserMode", settings.get("MultiUserMode"))))
    summary: dict[str, Any] = {key: settings.get(key) for _, key in SUMMARY_FIELDS}
    data = {
        "base_url": client.base_url,
        "reachable": True,
        "authenticated": bool(api.get("authenticated", True)),
        "multi_user_mode": multi_user,
        "settings": summary,
    }

    def render() -> None:
        out = state.out
        out.done(f"AnythingLLM server at {client.base_url} is reachable and accepts the API key")
        rows: list[tuple[str, Any]] = [("Multi-user mode", "on" if multi_user else "off")]
        rows += [(label, summary.get(key)) for label, key in SUMMARY_FIELDS]
        out.record(dict(rows), [(label, label) for label, _ in rows])

    state.out.result(data, render)
