"""AnythingLLMClient and AsyncAnythingLLMClient: one connection pool each, the same modules."""

from __future__ import annotations

import types
from typing import Any, Generic, TypeVar

import httpx

from . import __version__, _shape
from ._config import DEFAULT, resolve_api_key, resolve_base_url
from ._logging import safe_url, setup_from_env
from ._options import DEFAULT_STREAM_IDLE_TIMEOUT, RequestOptions, TimeoutLike
from ._plan import Call, Plan, Runtime
from ._resource import Async, M, Resource, Sync, operation
from .resources.admin import AdminModule
from .resources.auth import AuthModule
from .resources.chat import ChatModule
from .resources.documents import DocumentsModule
from .resources.embed import EmbedModule
from .resources.http import HttpClient
from .resources.openai import OpenAIModule
from .resources.system import SystemModule
from .resources.users import UsersModule
from .resources.workspace_thread import WorkspaceThreadModule
from .resources.workspaces import WorkspacesModule
from .types import ApiStatus

_GENERATED = types.SimpleNamespace(raise_on_unexpected_status=False)


def build_runtime(
    base_url: str,
    api_key: str | None,
    timeout: TimeoutLike,
    *,
    max_retries: int,
    stream_idle_timeout: float = DEFAULT_STREAM_IDLE_TIMEOUT,
    http: httpx.Client | httpx.AsyncClient,
) -> Runtime:
    """The runtime of a new client: where the API is, its headers (with the key) and its options."""
    headers = {"User-Agent": f"anythingllm-python/{__version__}", "Accept": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    return Runtime(
        http=http,
        api_root=f"{base_url}/api",
        headers=headers,
        options=RequestOptions.create(timeout, max_retries=max_retries, stream_idle_timeout=stream_idle_timeout),
        generated=_GENERATED,
    )


_Client = TypeVar("_Client", bound="_ClientCore[Any]")


class _ClientCore(Resource[M], Generic[M]):
    """What both clients share: settings, the runtime and the modules."""

    auth: AuthModule[M]
    workspaces: WorkspacesModule[M]
    documents: DocumentsModule[M]
    chat: ChatModule[M]
    system: SystemModule[M]
    users: UsersModule[M]
    embed: EmbedModule[M]
    admin: AdminModule[M]
    openai: OpenAIModule[M]
    workspace_thread: WorkspaceThreadModule[M]
    http_client: HttpClient[M]

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        timeout: TimeoutLike,
        *,
        max_retries: int,
        stream_idle_timeout: float,
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
        runtime = build_runtime(
            self.base_url,
            self._api_key,
            timeout,
            max_retries=max_retries,
            stream_idle_timeout=stream_idle_timeout,
            http=http,
        )
        runtime.own_http = self._owns_http
        self._attach(runtime, is_async)

    def _attach(self, runtime: Runtime, is_async: bool) -> None:
        super().__init__(runtime, is_async)
        self.auth = AuthModule(runtime, is_async)
        self.workspaces = WorkspacesModule(runtime, is_async)
        self.documents = DocumentsModule(runtime, is_async)
        self.chat = ChatModule(runtime, is_async)
        self.system = SystemModule(runtime, is_async)
        self.users = UsersModule(runtime, is_async)
        self.embed = EmbedModule(runtime, is_async)
        self.admin = AdminModule(runtime, is_async)
        self.openai = OpenAIModule(runtime, is_async)
        self.workspace_thread = WorkspaceThreadModule(runtime, is_async)
        self.http_client = HttpClient(runtime=runtime, is_async=is_async)

    def with_options(
        self: _Client,
        *,
        timeout: TimeoutLike = None,
        max_retries: int | None = None,
        stream_idle_timeout: float | None = None,
    ) -> _Client:
        """A client sharing this one's pool and login, sending with other options (for one call or many).

        ``client.with_options(timeout=5, max_retries=0).chat.send_message(...)``; ``timeout`` is seconds
        or an ``httpx.Timeout`` (separate connect/read), ``stream_idle_timeout`` the longest silence
        tolerated inside a stream. Closing the copy never closes the shared pool.
        """
        options = self._runtime.options.replace(
            timeout=timeout, max_retries=max_retries, stream_idle_timeout=stream_idle_timeout
        )
        copy = object.__new__(type(self))
        copy.base_url, copy._api_key, copy._owns_http = self.base_url, self._api_key, False
        copy._attach(self._runtime.with_options(options), self._is_async)
        return copy

    @property
    def api_key_set(self) -> bool:
        """Whether a key was given or found in the environment (the key itself is never shown)."""
        return bool(self._api_key)

    @property
    def options(self) -> RequestOptions:
        """How this client sends: timeout, max_retries, stream_idle_timeout."""
        return self._runtime.options

    @operation
    def get_api_status(self) -> Plan[ApiStatus]:
        """Whether the server answers and accepts the API key (``GET /v1/auth``); raises if not."""
        parsed = yield Call("auth.auth_check")
        return _shape.api_status(parsed)

    def __repr__(self) -> str:
        key = "set" if self._api_key else "missing"
        return f"{type(self).__name__}(base_url={safe_url(httpx.URL(self.base_url))!r}, api_key=<{key}>)"


class AnythingLLMClient(_ClientCore[Sync]):
    """Blocking client. ``with AnythingLLMClient(api_key=...) as client: client.workspaces.list()``.

    ``timeout``, ``max_retries`` and ``stream_idle_timeout`` are the defaults of every request;
    ``with_options`` changes them for some calls only.
    """

    def __init__(
        self,
        base_url: str = DEFAULT,
        api_key: str | None = None,
        timeout: int = 60,
        *,
        max_retries: int = 2,
        stream_idle_timeout: float = DEFAULT_STREAM_IDLE_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            base_url,
            api_key,
            timeout,
            max_retries=max_retries,
            stream_idle_timeout=stream_idle_timeout,
            http_client=http_client,
            is_async=False,
        )

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
        stream_idle_timeout: float = DEFAULT_STREAM_IDLE_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            base_url,
            api_key,
            timeout,
            max_retries=max_retries,
            stream_idle_timeout=stream_idle_timeout,
            http_client=http_client,
            is_async=True,
        )

    async def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            assert isinstance(self._runtime.http, httpx.AsyncClient)
            await self._runtime.http.aclose()

    async def __aenter__(self) -> AsyncAnythingLLMClient:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()
