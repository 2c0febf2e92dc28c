"""The generated layer's client, built from the settings the friendly client reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._config import API_KEY_ENV, BASE_URL_ENV, resolve_api_key, resolve_base_url

if TYPE_CHECKING:
    from anythingllm_api import AuthenticatedClient


def generated_client(
    base_url: str | None = None, api_key: str | None = None, *, timeout: float = 60
) -> AuthenticatedClient:
    """An ``anythingllm_api.AuthenticatedClient`` for the generated endpoint functions.

    ``base_url`` and ``api_key`` are read as :class:`~anythingllm.AnythingLLMClient` reads them: the
    arguments, else ``ANYTHINGLLM_BASE_URL`` (default ``http://localhost:3001``; a trailing ``/``, ``/api``
    or ``/api/v1`` is fine) and ``ANYTHINGLLM_API_KEY`` (or ``ANYTHING_LLM_API_KEY``). ``timeout`` is in
    seconds. A missing key is a ValueError: the developer API refuses every call without one.
    """
    import httpx
    from anythingllm_api import AuthenticatedClient

    key = resolve_api_key(api_key)
    if not key:
        raise ValueError(f"no API key: pass api_key or set {' or '.join(API_KEY_ENV)} ({BASE_URL_ENV} sets the URL)")
    return AuthenticatedClient(base_url=f"{resolve_base_url(base_url)}/api", token=key, timeout=httpx.Timeout(timeout))
