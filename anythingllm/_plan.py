"""Sans-I/O plans: each friendly method is written once as a generator of :class:`Call`\\s.

A plan yields a ``Call`` (a generated operation plus its arguments) and receives the parsed result, or
has the call's typed error thrown into it. Two small drivers run plans: :func:`run_sync` over an
``httpx.Client`` and :func:`run_async` over an ``httpx.AsyncClient``. Requests are built and responses
parsed by the generated modules (``_get_kwargs`` / ``_parse_response``); this module is the one place
that reaches those names.
"""

from __future__ import annotations

import importlib
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, TypeVar

import httpx

from ._options import RequestOptions
from ._transport import send_async, send_sync
from .errors import ApiError, InvalidResponseError

T = TypeVar("T")
Plan = Generator["Call", Any, T]


@dataclass(frozen=True)
class Call:
    """One call of a generated endpoint: ``endpoint`` is ``"<tag>.<operation_id>"``."""

    endpoint: str
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    expect_json: bool = True

    def module(self) -> ModuleType:
        """The generated endpoint module, imported on first use."""
        return importlib.import_module(f"anythingllm_api.api.{self.endpoint}")

    def request(self, runtime: Runtime) -> httpx.Request:
        """Build the HTTP request with the generated ``_get_kwargs``."""
        kwargs = dict(self.module()._get_kwargs(**self.kwargs))
        headers = {**runtime.headers, **kwargs.pop("headers", {})}
        url = runtime.api_root + kwargs.pop("url")
        return runtime.build_request(url=url, headers=headers, **kwargs)

    def parse(self, runtime: Runtime, response: httpx.Response) -> Any:
        """Parse a successful response with the generated ``_parse_response``."""
        try:
            return self.module()._parse_response(client=runtime.generated, response=response)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InvalidResponseError(
                response.status_code,
                f"the server's answer does not have the documented shape ({type(exc).__name__}: {exc})",
                method=response.request.method,
                path=response.request.url.path,
                content_type=response.headers.get("content-type"),
            ) from None


@dataclass
class Runtime:
    """What the drivers need: the httpx client, where the API is, auth headers and request options."""

    http: httpx.Client | httpx.AsyncClient
    api_root: str
    headers: Mapping[str, str]
    options: RequestOptions
    generated: Any

    def build_request(self, **kwargs: Any) -> httpx.Request:
        """An ``httpx.Request`` built by the client (so its defaults and cookies apply)."""
        return self.http.build_request(**kwargs)


def _step(plan: Plan[T], outcome: Any, error: ApiError | None) -> Call:
    """Hand the plan its call's result (or throw the call's error into it); return its next call."""
    return plan.throw(error) if error is not None else plan.send(outcome)


def run_sync(plan: Plan[T], runtime: Runtime) -> T:
    """Drive ``plan`` to completion with blocking I/O."""
    assert isinstance(runtime.http, httpx.Client)
    try:
        call = next(plan)
        while True:
            result: Any = None
            error: ApiError | None = None
            try:
                response = send_sync(runtime.http, call.request(runtime), runtime.options, expect_json=call.expect_json)
                result = call.parse(runtime, response)
            except ApiError as exc:
                error = exc
            call = _step(plan, result, error)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def run_async(plan: Plan[T], runtime: Runtime) -> T:
    """Drive ``plan`` to completion with async I/O."""
    assert isinstance(runtime.http, httpx.AsyncClient)
    try:
        call = next(plan)
        while True:
            result: Any = None
            error: ApiError | None = None
            try:
                request = call.request(runtime)
                response = await send_async(runtime.http, request, runtime.options, expect_json=call.expect_json)
                result = call.parse(runtime, response)
            except ApiError as exc:
                error = exc
            call = _step(plan, result, error)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
