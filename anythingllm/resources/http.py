"""HttpClient: raw calls to any server route, with the client's connection pool, auth and errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, BinaryIO

from .._config import DEFAULT
from .._options import DEFAULT_MAX_RETRIES, DEFAULT_STREAM_IDLE_TIMEOUT
from .._plan import Plan, RawCall, Runtime, SessionCall
from .._resource import M, Resource, operation


def _call(method: str, path: str, *, session: bool, **fields: Any) -> RawCall:
    if not isinstance(path, str) or not path.strip():
        raise ValueError("path must be a non-empty string such as '/v1/workspaces'")
    kind = SessionCall if session else RawCall
    return kind(method, path, **fields, expect_json=False)  # the answer decides: JSON, text or None


class HttpClient(Resource[M]):
    """The escape hatch for routes the modules do not cover: ``client.http_client.get("/v1/auth")``.

    ``path`` is relative to ``/api`` (``/v1/...`` for the developer API). JSON answers come back as
    Python data, other answers as text, an empty body as ``None``; failures raise the same typed
    :class:`~anythingllm.errors.ApiError` subclasses as the modules. ``session=True`` sends the
    session API's login token (from ``client.auth.login``) instead of the API key.

    ``HttpClient(base_url, api_key, timeout)`` also works on its own, as a small blocking client (with the
    same ``max_retries`` and ``stream_idle_timeout`` options as :class:`~anythingllm.AnythingLLMClient`).
    """

    def __init__(
        self,
        base_url: str = DEFAULT,
        api_key: str | None = None,
        timeout: int = 60,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
        stream_idle_timeout: float = DEFAULT_STREAM_IDLE_TIMEOUT,
        runtime: Runtime | None = None,
        is_async: bool = False,
    ) -> None:
        self._owned: Any = None
        if runtime is None:
            from .._client import AnythingLLMClient

            self._owned = AnythingLLMClient(
                base_url, api_key, timeout, max_retries=max_retries, stream_idle_timeout=stream_idle_timeout
            )
            runtime, is_async = self._owned._runtime, False
        super().__init__(runtime, is_async)

    def close(self) -> None:
        """Close the pool of a standalone HttpClient (one taken from a client closes with the client)."""
        if self._owned is not None:
            self._owned.close()

    def __enter__(self) -> HttpClient[M]:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @operation
    def get(self, path: str, params: dict[str, Any] | None = None, *, session: bool = False) -> Plan[Any]:
        """GET ``path`` with query ``params``; returns the parsed answer."""
        return (yield _call("GET", path, params=params, session=session))

    @operation
    def post(
        self,
        path: str,
        data: dict[str, Any] | None = None,
        json_data: dict[str, Any] | None = None,
        files: Mapping[str, BinaryIO | tuple[str, BinaryIO] | tuple[str, BinaryIO, str]] | None = None,
        *,
        session: bool = False,
    ) -> Plan[Any]:
        """POST form ``data``, a JSON body ``json_data`` or multipart ``files`` (streamed, not read whole)."""
        if json_data is not None and (data is not None or files is not None):
            raise ValueError("pass json_data, or data and/or files, not both kinds of body")
        return (yield _call("POST", path, data=data, json=json_data, files=files, session=session))

    @operation
    def put(self, path: str, json_data: dict[str, Any], *, session: bool = False) -> Plan[Any]:
        """PUT a JSON body (the server's only PUT route is a session route: pass ``session=True``)."""
        return (yield _call("PUT", path, json=json_data, session=session))

    @operation
    def delete(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        *,
        json_data: dict[str, Any] | None = None,
        session: bool = False,
    ) -> Plan[Any]:
        """DELETE ``path``; some server routes read a JSON body (``json_data``), e.g. remove-documents."""
        return (yield _call("DELETE", path, params=params, json=json_data, session=session))
