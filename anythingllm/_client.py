"""AnythingLLMClient and AsyncAnythingLLMClient: one connection pool each, the same modules."""

from __future__ import annotations

import types
from typing import Any, Generic

import httpx

from . import __version__
from ._config import DEFAULT, resolve_api_key, resolve_base_url
from ._logging import setup_from_env
from ._options import RequestOptions, TimeoutLike
from ._plan import Runtime
from ._resource import Async, M, Sync
from .resources.workspaces import WorkspacesModule

_GENERATED = types.SimpleNamespace(raise_on_unexpected_status=False)


class _ClientCore(Generic[M]):
    """What both clients share: settings, the runtime and the modules."""

    workspaces: WorkspacesModule[M]

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        timeout: TimeoutLike,
        *,
        max_retries: int,
        http_client: httpx.Client | httpx.AsyncClient | None,
        is_async: bool,
    ) -> None:
        setup_from_env()
        self.base_url = resolve_base_url(base_url)
        self._api_key = resolve_api_key(api_key)
        self._owns_http = http_client is None
        http: httpx.Client | httpx.AsyncClient
        if http_client is not None:
            http = http_client
        elif is_async:
            http = httpx.AsyncClient(follow_redirects=False)
        else:
            http = httpx.Client(follow_redirects=False)
        headers = {"User-Agent": f"anythingllm-python/{__version__}", "Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        self._runtime = Runtime(
            http=http,
            api_root=f"{self.base_url}/api",
            headers=headers,
            options=RequestOptions.create(timeout, max_retries=max_retries),
            generated=_GENERATED,
        )
        self.workspaces = WorkspacesModule(self._runtime, is_async)

    @property
    def api_key_set(self) -> bool:
        """Whether a key was given or found in the environment (the key itself is never shown)."""
        return bool(self._api_key)

    def __repr__(self) -> str:
        key = "set" if self._api_key else "missing"
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key=<{key}>)"


class AnythingLLMClient(_ClientCore[Sync]):
    """Blocking client. ``with AnythingLLMClient(api_key=...) as client: client.workspaces.list()``."""

    def __init__(
        self,
        base_url: str = DEFAULT,
        api_key: str | None = None,
        timeout: int = 60,
        *,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(base_url, api_key, timeout, max_retries=max_retries, http_client=http_client, is_async=False)

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            assert isinstance(self._runtime.http, httpx.Client)
            self._runtime.http.close()

    def __enter__(self) -> AnythingLLMClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncAnythingLLMClient(_ClientCore[Async]):
    """Async client: the same modules, every method awaitable."""

    def __init__(
        self,
        base_url: str = DEFAULT,
        api_key: str | None = None,
        timeout: int = 60,
        *,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(base_url, api_key, timeout, max_retries=max_retries, http_client=http_client, is_async=True)

    async def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            assert isinstance(self._runtime.http, httpx.AsyncClient)
            await self._runtime.http.aclose()

    async def __aenter__(self) -> AsyncAnythingLLMClient:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()
