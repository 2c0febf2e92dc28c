"""Sans-I/O plans: each friendly method is written once as a generator of calls.

A plan yields a call and receives the parsed result, or has the call's typed error thrown into it.
Three kinds of call exist:

- :class:`Call`: a generated ``/api/v1`` operation. The generated module builds the request
  (``_get_kwargs``); a JSON answer comes back as the decoded data for the plan to reshape, any other
  answer through the generated ``_parse_response``; with ``stream=`` set, the answer is not read but
  handed back as an open typed stream.
- :class:`SessionCall`: a route of the server's session API (``/api/...``, not ``/api/v1``), which the
  developer spec does not describe; it carries the login token, never the API key.
- :class:`RawCall`: the :class:`~anythingllm.HttpClient` escape hatch, any path with the API key.

Two small drivers run plans: :func:`run_sync` over an ``httpx.Client`` and :func:`run_async` over an
``httpx.AsyncClient``. This module is the one place that reaches the generated private names.
"""

from __future__ import annotations

import dis
import functools
import importlib
import inspect
import json
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any, Literal, Protocol, TypeVar

import httpx

from ._compat import ApiProbe, check_call, missing_module, route_lacking
from ._options import RequestOptions
from ._record import Record, init_fields
from ._transport import send_async, send_sync
from .errors import JSON_EXTENSION, ApiError, InvalidResponseError, WrongEndpointError

T = TypeVar("T")
StreamKind = Literal["chat", "completion"]


class _Sendable(Protocol):
    """What the drivers need of a call."""

    @property
    def expect_json(self) -> bool: ...

    @property
    def stream(self) -> StreamKind | None: ...

    def request(self, runtime: Runtime) -> httpx.Request: ...

    def parse(self, runtime: Runtime, response: httpx.Response) -> Any: ...


Plan = Generator[_Sendable, Any, T]


def _unreadable(response: httpx.Response, exc: Exception) -> InvalidResponseError:
    return InvalidResponseError(
        response.status_code,
        f"the server's answer does not have the documented shape ({type(exc).__name__}: {exc})",
        method=response.request.method,
        path=response.request.url.path,
        content_type=response.headers.get("content-type"),
    )


_DOT_SEGMENTS = ("", ".", "..")
# What reading an answer that lacks the documented shape raises (see _misread).
_SHAPE_ERRORS = (LookupError, TypeError, AttributeError, ValueError)


@functools.cache
def _endpoint_module(endpoint: str) -> ModuleType:
    """The generated module of ``"<tag>.<operation_id>"``, imported on first use and then looked up."""
    return importlib.import_module(f"anythingllm_api.api.{endpoint}")


@functools.lru_cache(maxsize=1024)
def parsed_url(text: str) -> httpx.URL:
    """``httpx.URL(text)``, parsed once per distinct URL: parsing costs more than the rest of building a
    request, and the URLs a program calls repeat. An ``httpx.URL`` is immutable, so requests share it."""
    return httpx.URL(text)


@functools.cache
def _path_parameters(endpoint: str) -> tuple[str, ...]:
    """The path parameters of a generated endpoint: the positional parameters of its ``_get_kwargs``."""
    module = _endpoint_module(endpoint)
    parameters = inspect.signature(module._get_kwargs).parameters.values()
    return tuple(p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _check_path_values(endpoint: str, kwargs: Mapping[str, Any]) -> None:
    """Refuse a path parameter that would change the route once URLs are normalized (``..``, ``.``, empty).

    Every other character is percent-encoded by the generated code, so ``a/b`` stays one segment.
    """
    for name in _path_parameters(endpoint):
        if name in kwargs and str(kwargs[name]) in _DOT_SEGMENTS:
            raise ValueError(f"{name} must not be empty, '.' or '..' (it would address another route)")


class Call(Record):
    """One call of a generated endpoint: ``endpoint`` is ``"<tag>.<operation_id>"``.

    ``stream`` asks for the open response wrapped in a typed stream (``"chat"`` for ``/stream-chat``,
    ``"completion"`` for the OpenAI-compatible stream); ``context`` is passed to that stream.
    """

    __slots__ = ("context", "endpoint", "expect_json", "kwargs", "stream")
    endpoint: str
    kwargs: Mapping[str, Any]
    expect_json: bool
    stream: StreamKind | None
    context: Mapping[str, Any]

    def __init__(
        self,
        endpoint: str,
        kwargs: Mapping[str, Any] | None = None,
        expect_json: bool = True,
        stream: StreamKind | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> None:
        init_fields(
            self,
            endpoint=endpoint,
            kwargs={} if kwargs is None else kwargs,
            expect_json=expect_json,
            stream=stream,
            context={} if context is None else context,
        )

    def module(self) -> ModuleType:
        """The generated endpoint module, imported on first use."""
        return _endpoint_module(self.endpoint)

    def request(self, runtime: Runtime) -> httpx.Request:
        """Build the HTTP request with the generated ``_get_kwargs``.

        For multipart bodies the generated ``Content-Type`` (which pins ``boundary=+++``, a line a file
        could contain) is dropped so httpx picks a random boundary; file objects stay streams. An
        operation, parameter or field the generated code's release lacks raises first (``_compat``).
        """
        check_call(self.endpoint, self.kwargs)
        _check_path_values(self.endpoint, self.kwargs)
        kwargs = dict(self.module()._get_kwargs(**self.kwargs))
        generated = kwargs.pop("headers", {})
        if "files" in kwargs:
            generated = {k: v for k, v in generated.items() if k.lower() != "content-type"}
        if not kwargs.get("params"):
            kwargs.pop("params", None)  # httpx re-parses the URL to merge even an empty dict (~15 µs)
        url = parsed_url(runtime.api_root + kwargs.pop("url"))
        return runtime.build_request(url=url, headers=runtime.api_headers(generated), **kwargs)

    def parse(self, runtime: Runtime, response: httpx.Response) -> Any:
        """The answer: decoded JSON (for the friendly layer to reshape), else the generated parse.

        A JSON answer was decoded, and checked to be JSON, once by the transport; the plans read it as
        plain data, which is what the generated models' ``to_dict()`` would give back (the conformance
        tests prove the round trip on every recorded answer) at a fraction of the cost. Other answers
        (text, files) go through the generated ``_parse_response``.
        """
        if self.expect_json:
            if JSON_EXTENSION in response.extensions:
                return response.extensions[JSON_EXTENSION]
            return _plain(response, True)
        try:
            return self.module()._parse_response(client=runtime.generated, response=response)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _unreadable(response, exc) from None


def _plain(response: httpx.Response, expect_json: bool) -> Any:
    """A response body as JSON when it is JSON (or must be), else as text; ``None`` when empty."""
    if JSON_EXTENSION in response.extensions:
        return response.extensions[JSON_EXTENSION]
    if not response.content:
        return None
    content_type = response.headers.get("content-type", "")
    if expect_json or "json" in content_type:
        try:
            return json.loads(response.content)
        except ValueError as exc:
            raise _unreadable(response, exc) from None
    return response.text


class RawCall(Record):
    """A request to any path under ``/api`` with the API key (the :class:`HttpClient` escape hatch).

    The answer is parsed as JSON when it is JSON, else returned as text.
    """

    __slots__ = ("data", "expect_json", "files", "json", "method", "params", "path", "stream")
    _expect_json = False  # the default of ``expect_json``
    method: str
    path: str
    params: Mapping[str, Any] | None
    json: Any
    data: Mapping[str, Any] | None
    files: Mapping[str, Any] | None
    expect_json: bool
    stream: StreamKind | None

    def __init__(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        expect_json: bool | None = None,
        stream: StreamKind | None = None,
    ) -> None:
        expect = self._expect_json if expect_json is None else expect_json
        fields = {"params": params, "json": json, "data": data, "files": files, "expect_json": expect, "stream": stream}
        init_fields(self, method=method, path=path, **fields)

    def url(self, runtime: Runtime) -> str:
        """The absolute URL: ``path`` is relative to ``/api`` (``/v1/...``); a leading ``/api`` is allowed."""
        path = "/" + self.path.lstrip("/")
        if path == "/api" or path.startswith("/api/"):
            path = path[len("/api") :]
        if any(segment in (".", "..") for segment in path.partition("?")[0].split("/")):
            raise ValueError(f"path must not contain '.' or '..' segments (it would address another route): {path!r}")
        return runtime.api_root + path

    def headers(self, runtime: Runtime) -> dict[str, str]:
        """The client's headers, with the API key."""
        return dict(runtime.headers)

    def request(self, runtime: Runtime) -> httpx.Request:
        """Build the request: JSON, form fields and files as httpx encodes them."""
        params = {k: v for k, v in (self.params or {}).items() if v is not None}
        return runtime.build_request(
            method=self.method,
            url=self.url(runtime),
            headers=self.headers(runtime),
            params=params or None,
            json=self.json,
            data=self.data,
            files=self.files,
        )

    def parse(self, runtime: Runtime, response: httpx.Response) -> Any:
        """JSON as Python data, other bodies as text, an empty body as ``None``."""
        return _plain(response, self.expect_json)


class SessionCall(RawCall):
    """A route of the session API (under ``/api``, not ``/api/v1``), which the developer spec lacks.

    It authenticates with the login token from :meth:`AuthModule.login` when there is one; it never
    sends the API key, which the session API does not accept. In single-user mode without a password
    the session API needs no token at all. ``expect_json`` defaults to True.
    """

    __slots__ = ()
    _expect_json = True

    def headers(self, runtime: Runtime) -> dict[str, str]:
        """The client's headers with the login token (or none) in place of the API key."""
        headers = {k: v for k, v in runtime.headers.items() if k.lower() != "authorization"}
        if runtime.session.token:
            headers["Authorization"] = f"Bearer {runtime.session.token}"
        return headers


@dataclass
class Session:
    """The session-API login, shared by a client and every copy made with ``with_options``."""

    token: str | None = None
    user: Mapping[str, Any] | None = None

    def __repr__(self) -> str:
        return f"Session(token={'<set>' if self.token else None}, user={self.user!r})"


@dataclass
class Runtime:
    """What the drivers need: the httpx client, where the API is, auth headers and request options."""

    http: httpx.Client | httpx.AsyncClient
    api_root: str
    headers: Mapping[str, str]
    options: RequestOptions
    generated: Any
    session: Session = field(default_factory=Session)
    own_http: bool = False
    _parsed_headers: dict[tuple[tuple[str, str], ...], httpx.Headers] = field(default_factory=dict, repr=False)
    probe: ApiProbe = field(default_factory=ApiProbe)

    def api_headers(self, extra: Mapping[str, str]) -> httpx.Headers:
        """The client's headers (with the API key) and ``extra``, as ``httpx.Headers`` made once per distinct
        ``extra`` (the request copies them; normalizing them is a tenth of the cost of a request)."""
        key = tuple(extra.items())
        found = self._parsed_headers.get(key)
        if found is None:
            if len(self._parsed_headers) >= 64:
                self._parsed_headers.clear()
            found = self._parsed_headers[key] = httpx.Headers({**self.headers, **extra})
        return found

    def build_request(self, **kwargs: Any) -> httpx.Request:
        """An ``httpx.Request`` built by the client, so a caller's ``http_client`` defaults and cookies apply.

        For the pool the client made itself (no defaults, no base URL; the API uses no cookies) the
        request is built directly, which skips httpx's merging (about a third of the cost of a request).
        """
        if self.own_http:
            return httpx.Request(**kwargs)
        return self.http.build_request(**kwargs)

    def with_options(self, options: RequestOptions) -> Runtime:
        """The same runtime (same pool, same login) sending with other options."""
        return replace(self, options=options)

    def __repr__(self) -> str:
        return f"Runtime(api_root={self.api_root!r}, options={self.options!r}, session={self.session!r})"


def _open_stream(call: _Sendable, response: httpx.Response, *, is_async: bool) -> Any:
    """Wrap an open streaming response in the typed stream the call asked for."""
    from . import streaming
    from .errors import error_from_response

    context = dict(getattr(call, "context", {}))
    if call.stream == "chat":
        chat = streaming.AsyncChatStream if is_async else streaming.ChatStream
        return chat(response, error_mapper=error_from_response, **context)
    completion = streaming.AsyncCompletionStream if is_async else streaming.CompletionStream
    return completion(response, error_mapper=error_from_response, **context)


def _outcome(
    call: _Sendable, runtime: Runtime, response: httpx.Response, *, is_async: bool
) -> tuple[Any, httpx.Response | None]:
    """What the plan receives for a sent call, and the parsed answer it came from (none for a stream)."""
    if call.stream is not None:
        return _open_stream(call, response, is_async=is_async), None
    return call.parse(runtime, response), response


def _misread(exc: Exception) -> bool:
    """Whether ``exc``, raised by a plan after it got a parsed answer, comes from reading that answer.

    A plan refuses bad arguments with a ``raise`` statement; an operation that fails on the answer
    instead (a missing key, ``None`` where an object was expected, ``int("")``) means the answer lacks
    what its documented shape promised. The innermost frame's instruction tells the two apart.
    """
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return False
    instructions = dis.get_instructions(tb.tb_frame.f_code)
    return not any(i.offset == tb.tb_lasti and i.opname == "RAISE_VARARGS" for i in instructions)


def _step(plan: Plan[T], outcome: Any, error: ApiError | None, answer: httpx.Response | None) -> _Sendable:
    """Hand the plan its call's result (or throw the call's error into it); return its next call.

    ``_step(plan, None, None, None)`` starts a plan. When the plan fails reading a parsed ``answer``
    (see :func:`_misread`), that is the server's answer not having the documented shape:
    :class:`InvalidResponseError`, the original error as its cause. A plan that cannot import the
    generated code it needs gets the :class:`~anythingllm.errors.UnsupportedOperationError` that says
    which operation the generated code lacks.
    """
    try:
        if error is not None:
            return plan.throw(error)
        return plan.send(outcome)
    except _SHAPE_ERRORS as exc:
        if answer is None or not _misread(exc):
            raise
        raise _unreadable(answer, exc) from exc
    except ModuleNotFoundError as exc:
        unsupported = missing_module(exc)
        if unsupported is None:
            raise
        raise unsupported from exc


_PROBE = "auth.auth_check"  # GET /v1/auth: answers JSON wherever the developer API is served


def _lacking_route(error: ApiError, call: _Sendable) -> bool:
    """Whether ``error`` is an HTML page answering a call other than the probe itself."""
    return isinstance(error, WrongEndpointError) and getattr(call, "endpoint", None) != _PROBE


def _explain_html(error: ApiError, call: _Sendable, probe: ApiProbe) -> Plan[ApiError]:
    """The error for an HTML page answering ``call``: a route the server lacks, or a wrong base URL.

    AnythingLLM answers a route it does not have with its web app's page and status 200; so does any
    path of the web app when the base URL misses the API. Whether the API answers on this base URL
    (``GET /v1/auth`` answers JSON, with or without a valid key) is asked once per client.
    """
    if probe.answers is None:
        try:
            yield Call(_PROBE)
            probe.answers = True
        except WrongEndpointError:
            probe.answers = False
        except ApiError as exc:
            if exc.details or isinstance(exc.body, (dict, list)):
                probe.answers = True  # a JSON refusal (e.g. of the key) is the API answering
    if not probe.answers:
        return error
    return route_lacking(error, getattr(call, "endpoint", "").partition(".")[2] or None)


def run_sync(plan: Plan[T], runtime: Runtime) -> T:
    """Drive ``plan`` to completion with blocking I/O."""
    assert isinstance(runtime.http, httpx.Client)
    try:
        call = _step(plan, None, None, None)
        while True:
            result: Any = None
            error: ApiError | None = None
            answer: httpx.Response | None = None
            try:
                request, stream = call.request(runtime), call.stream is not None
                response = send_sync(
                    runtime.http, request, runtime.options, stream=stream, expect_json=call.expect_json
                )
                result, answer = _outcome(call, runtime, response, is_async=False)
            except ApiError as exc:
                error = exc
                if _lacking_route(exc, call):
                    error = run_sync(_explain_html(exc, call, runtime.probe), runtime)
            call = _step(plan, result, error, answer)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    finally:
        plan.close()  # a plan left by any exception still runs its cleanup (closes files it opened) now


async def run_async(plan: Plan[T], runtime: Runtime) -> T:
    """Drive ``plan`` to completion with async I/O."""
    assert isinstance(runtime.http, httpx.AsyncClient)
    try:
        call = _step(plan, None, None, None)
        while True:
            result: Any = None
            error: ApiError | None = None
            answer: httpx.Response | None = None
            try:
                request, stream = call.request(runtime), call.stream is not None
                response = await send_async(
                    runtime.http, request, runtime.options, stream=stream, expect_json=call.expect_json
                )
                result, answer = _outcome(call, runtime, response, is_async=True)
            except ApiError as exc:
                error = exc
                if _lacking_route(exc, call):
                    error = await run_async(_explain_html(exc, call, runtime.probe), runtime)
            call = _step(plan, result, error, answer)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    finally:
        plan.close()  # a plan left by any exception still runs its cleanup (closes files it opened) now
