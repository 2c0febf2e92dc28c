"""Client settings from arguments and the environment."""

from __future__ import annotations

import os

DEFAULT_BASE_URL = "http://localhost:3001"
API_KEY_ENV = ("ANYTHINGLLM_API_KEY", "ANYTHING_LLM_API_KEY")
BASE_URL_ENV = "ANYTHINGLLM_BASE_URL"


class _Default(str):
    """The documented default base URL, distinguishable from the same text passed explicitly."""

    __slots__ = ()


DEFAULT = _Default(DEFAULT_BASE_URL)


def resolve_base_url(base_url: str | None) -> str:
    """The server root (scheme://host:port[/prefix]) without /api or /api/v1; env var when not given."""
    if base_url is None or base_url is DEFAULT:
        base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must be an http:// or https:// URL, got {base_url!r}")
    root = base_url.rstrip("/")
    for suffix in ("/api/v1", "/api"):
        if root.endswith(suffix):
            root = root[: -len(suffix)]
            break
    return root


def resolve_api_key(api_key: str | None) -> str | None:
    """The key given, else ANYTHINGLLM_API_KEY, else the official CLI's ANYTHING_LLM_API_KEY."""
    if api_key is not None:
        if not isinstance(api_key, str):
            raise TypeError(f"api_key must be a str, got {type(api_key).__name__}")
        return api_key
    for name in API_KEY_ENV:
        value = os.environ.get(name)
        if value:
            return value
    return None
