"""The errors this client raises. Every one is an :class:`ApiError`.

:func:`error_from_response` turns a finished HTTP response into the right error,
:func:`check_response` decides whether a response is usable at all, and
:func:`error_from_transport` maps connection and timeout failures. Messages say what happened and
what to do, quote the server's own words, and never contain the API key or request headers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import httpx

from anythingllm._logging import redact_text, safe_url, secrets_from_headers


class ApiError(Exception):
    """An API call failed. ``status_code`` is 0 when no HTTP response was received."""

    def __init__(
        self,
        status_code: int,
        message: str,
        details: dict[str, Any] | None = None,
        *,
        method: str | None = None,
        path: str | None = None,
        body: Any = None,
        content_type: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.details = details or {}
        self.method = method
        self.path = path
        self.body = body
        self.content_type = content_type

    @property
    def server_message(self) -> str:
        """The server's own words: its JSON ``error``/``message``, else its text body; "" if it gave none."""
        for key in ("error", "message"):
            value = self.details.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        if isinstance(self.body, str) and self.body.strip():
            return self.body.strip()
        return ""

    def __str__(self) -> str:
        where = f" ({self.method} {self.path})" if self.method and self.path else ""
        status = f"{self.status_code}: " if self.status_code else ""
        return f"{status}{self.message}{where}"


class AuthenticationError(ApiError):
    """The API key (or session token) is missing, wrong or revoked."""


class PermissionDeniedError(ApiError):
    """The key is valid but the server refuses this action (other 403s)."""


class MultiUserModeRequiredError(ApiError):
    """The endpoint only works when the server is in multi-user mode."""


class NotFoundError(ApiError):
    """The workspace, thread, document, user, invite, embed or other object does not exist.

    Raised whatever the server answered for it (a 404, or its quirks: a bare 400, an empty 500, a 200
    with nothing in it); ``status_code`` is the status the server really sent.
    """


class BadRequestError(ApiError):
    """The server rejected the request as malformed (400)."""


class UnprocessableError(ApiError):
    """The server understood the request but refused its content (422)."""


class ServerError(ApiError):
    """The server failed while handling the request (5xx, or a 404 from a service behind it)."""


class ChatAbortedError(ApiError):
    """The server aborted a chat: an ``abort`` body, or an ``abort`` event mid-stream."""


class UnsupportedOperationError(ApiError):
    """The server (or the client's generated code) has no way to do what this method asks.

    When a route is concerned: ``route`` (``"POST /v1/openai/images/generations"``), ``since`` (the first
    AnythingLLM release that has it, or the parameter or field asked for) and ``generated_from`` (the
    release the client's generated code comes from); ``None`` when unknown.
    """

    def __init__(
        self,
        status_code: int,
        message: str,
        details: dict[str, Any] | None = None,
        *,
        route: str | None = None,
        since: str | None = None,
        generated_from: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(status_code, message, details, **kwargs)
        self.route = route
        self.since = since
        self.generated_from = generated_from


class LinkFetchError(ApiError):
    """The server could not fetch a link (unreachable host, empty page), or fetched an HTTP error page.

    ``page_status`` is the status the error page shows (``404``), or ``None`` when nothing was fetched.
    Nothing of it stays stored: an error page the server stored is removed again.
    """

    def __init__(self, status_code: int, message: str, *args: Any, page_status: int | None = None, **kw: Any) -> None:
        super().__init__(status_code, message, *args, **kw)
        self.page_status = page_status


class InvalidResponseError(ApiError):
    """The server answered with a body this client cannot read (e.g. malformed JSON)."""


class WrongEndpointError(InvalidResponseError):
    """HTML came back where JSON was expected: the base URL likely points at the web app."""


class APIConnectionError(ApiError):
    """The server could not be reached, or the connection broke."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(kwargs.pop("status_code", 0), message, **kwargs)


class APITimeoutError(APIConnectionError):
    """A connect, read or stream-idle timeout expired."""


class StreamInterruptedError(ApiError):
    """A stream ended before its final event; ``partial_text`` holds the text that arrived.

    Raised for every kind of stream (chat, thread chat, OpenAI-compatible), however it ended: when the
    server closed it cleanly this class itself; when the connection broke :class:`StreamConnectionError`,
    when it went silent :class:`StreamTimeoutError`, which are also :class:`APIConnectionError` (and
    :class:`APITimeoutError`). ``status_code`` is the stream's HTTP status (200).
    """

    def __init__(self, message: str, partial_text: str = "", **kwargs: Any) -> None:
        ApiError.__init__(self, kwargs.pop("status_code", 200), message, **kwargs)
        self.partial_text = partial_text


class StreamConnectionError(StreamInterruptedError, APIConnectionError):
    """A stream whose connection broke before its final event (``partial_text``: what arrived).

    Both a :class:`StreamInterruptedError` and an :class:`APIConnectionError`, so ``except
    APIConnectionError`` still handles every broken connection.
    """


class StreamTimeoutError(StreamConnectionError, APITimeoutError):
    """A stream that sent nothing for ``stream_idle_timeout`` seconds before its final event.

    A :class:`StreamInterruptedError` (``partial_text``) and an :class:`APITimeoutError`.
    """


# --------------------------------------------------------------------------------------------
# Mapping a response to an error
# --------------------------------------------------------------------------------------------

EXCERPT_CHARS = 300
BODY_CHARS = 2000

_NO_JSON: Any = object()
_HTML_DROP = re.compile(r"<(head|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_UNKNOWN_TARGET = re.compile(r"is not a valid workspace|not found|is not valid", re.IGNORECASE)
# /v1/workspace/{slug}[/thread/{thread}]...: the objects a workspace route names.
_WORKSPACE_ROUTE = re.compile(r"/v1/workspace/(?P<workspace>[^/]+)(?:/thread/(?P<thread>[^/]+))?")
# What a Node HTTP client says when it cannot reach a host (the server's LLM or embedding provider).
_UNREACHABLE = re.compile(
    r"connection error|ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|fetch failed|socket hang up",
    re.IGNORECASE,
)
_NULL_READ = "cannot read properties of null"
_COLLECTOR_DOWN = "document processing api is not online"
_MULTI_USER_OFF = re.compile(r"multi-user mode is not enabled|not in multi-user mode", re.IGNORECASE)
_API_KEY_REFUSED = "no valid api key found"
_CHECK_LOG = "The AnythingLLM server log has the cause."
_KEY_ADVICE = (
    "Pass a valid key as api_key (or set ANYTHINGLLM_API_KEY); keys are created in the AnythingLLM "
    "settings under Developer API. A session login token is not an API key."
)
_MULTI_USER_ADVICE = "Enable multi-user mode on the server (AnythingLLM settings) to use it."
_BASE_URL_ADVICE = (
    "The base URL probably points at the AnythingLLM web app instead of its API: check base_url "
    "(the server address, e.g. http://localhost:3001, under which the API answers at /api/v1)."
)
_PROVIDER_ADVICE = (
    "its LLM provider (or, for a workspace with embedded documents, its embedding provider) is not "
    "running, not reachable at the address in the server's settings, or failing"
)
_COLLECTOR_ADVICE = (
    "The server's document collector (the separate service that reads uploaded files and links) is not "
    "running or not reachable from the server: start it. The server log shows the address it tries."
)


@dataclass(frozen=True)
class _Body:
    """A response body decoded once: text (secrets scrubbed), parsed JSON if any, HTML flag."""

    text: str
    data: Any
    is_html: bool

    @property
    def mapping(self) -> dict[str, Any] | None:
        return self.data if isinstance(self.data, dict) else None

    def excerpt(self, limit: int = EXCERPT_CHARS) -> str:
        text = _html_text(self.text) if self.is_html else _SPACE.sub(" ", self.text).strip()
        return _shorten(text, limit)

    def server_text(self) -> str:
        """The server's own words: JSON ``error``/``message``, else the (short) text or HTML excerpt."""
        if self.mapping is not None:
            for key in ("error", "message"):
                value = self.mapping.get(key)
                if isinstance(value, str) and value.strip():
                    return _shorten(value.strip(), EXCERPT_CHARS)
            return ""
        if isinstance(self.data, str):
            return _shorten(self.data.strip(), EXCERPT_CHARS)
        return self.excerpt()

    def stored(self) -> Any:
        """What goes into ``ApiError.body``: parsed JSON, else a bounded excerpt, else ``None``."""
        if self.data is not _NO_JSON:
            return self.data
        if not self.text.strip():
            return None
        return self.excerpt(EXCERPT_CHARS if self.is_html else BODY_CHARS)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _html_text(markup: str) -> str:
    import html  # only an HTML error page needs it (importing it costs about a millisecond)

    text = _HTML_TAG.sub(" ", _HTML_DROP.sub(" ", markup))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def html_excerpt(markup: str, limit: int = EXCERPT_CHARS) -> str:
    """The readable text of an HTML page: tags stripped, whitespace collapsed, at most ``limit`` chars."""
    return _shorten(_html_text(markup), limit)


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        return None


def _raw_body(response: httpx.Response, body: bytes | None) -> bytes:
    if body is not None:
        return body
    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""


def _decode(response: httpx.Response, raw: bytes, secrets: list[str]) -> _Body:
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        text = raw.decode(response.charset_encoding or "utf-8", errors="replace")
    except LookupError:
        text = raw.decode("utf-8", errors="replace")
    text = redact_text(text, secrets)
    stripped = text.lstrip()
    data: Any = _NO_JSON
    if "json" in media_type or stripped[:1] in ("{", "["):
        try:
            data = json.loads(text)
        except ValueError:
            data = _NO_JSON
    head = stripped[:15].lower()
    sniffed = not media_type and (head.startswith("<!doctype html") or head.startswith("<html"))
    return _Body(text, data, media_type == "text/html" or sniffed)


def _said(server: str) -> str:
    return f' (server said: "{server}")' if server else ""


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown Status"


def _is_v1(path: str) -> bool:
    return "/v1/" in path or path.endswith("/v1")


def _classify(status: int, path: str, body: _Body, request: httpx.Request | None) -> tuple[type[ApiError], str]:
    """The error class and message for a non-2xx response (the heart of the mapping)."""
    said = _said(body.server_text())
    mapping = body.mapping or {}
    if mapping.get("type") == "abort":
        return _abort(status, path, body.server_text(), untyped=False)
    if status in (401, 403):
        has_credentials = request is not None and "authorization" in request.headers
        return _refused(status, path, body, said, has_credentials)
    if status == 404:
        if path.endswith("/v1/document/accepted-file-types"):  # the server's collector did not answer
            return ServerError, (
                f"The server could not get the accepted file types from its document collector{said}. "
                f"{_COLLECTOR_ADVICE}"
            )
        return NotFoundError, f"Not found{said}. Check the slug, id or name in the request."
    if status == 400:
        unknown = _unknown_object(path, body)
        if unknown:
            return NotFoundError, f"Not found{said}: {unknown}"
        return BadRequestError, _bad_request_message(body, said, request)
    if status == 422:
        return UnprocessableError, f"The server refused the request content{said}. Fix what it names."
    if status >= 500:
        return ServerError, _server_error_message(status, path, body, said, request)
    advice = {408: " Try again.", 429: " Too many requests: wait a moment and try again."}.get(status, "")
    return ApiError, f"The server answered {status} {_phrase(status)}{said}.{advice}"


def _workspace_route(path: str) -> tuple[str, str | None] | None:
    """The workspace slug (and thread slug) a ``/v1/workspace/{slug}/...`` path names, else None."""
    match = _WORKSPACE_ROUTE.search(path)
    if match is None or match["workspace"] == "new":
        return None
    thread = match["thread"]
    return match["workspace"], None if thread in (None, "new") else thread


def _unknown_object(path: str, body: _Body) -> str:
    """For a 400 that this server sends only for an unknown workspace or thread: what does not exist."""
    route = _workspace_route(path)
    if body.mapping is not None:
        if not _UNKNOWN_TARGET.search(body.server_text()):
            return ""
        return _missing(route) + "." if route else "check the slug, id or name in the request."
    if route is None or body.is_html or body.text.strip() != "Bad Request":
        return ""
    # The workspace routes answer a bare 400 (sendStatus) only when the workspace, or on older
    # releases the thread, named in the path is not there (server/endpoints/api/workspace*).
    either = "an unknown workspace" if route[1] is None else "an unknown workspace or thread"
    return f"{_missing(route)}; this server answers a bare 400 for {either}."


def _missing(route: tuple[str, str | None]) -> str:
    workspace, thread = route
    if thread is None:
        return f"workspace {workspace!r} does not exist"
    return f"workspace {workspace!r} or its thread {thread!r} does not exist"


def _abort(status: int, path: str, server: str, *, untyped: bool, answered: bool = False) -> tuple[type[ApiError], str]:
    """An abort (a JSON body, or an event of a stream) whose ``error`` is ``server``.

    ``untyped`` is the thread-stream quirk: a 200 without a Content-Type, sent when the chat failed
    before the stream started. ``answered``: part of the answer had already been streamed.
    """
    said = _said(server)
    route = _workspace_route(path)
    if status == 404 or _UNKNOWN_TARGET.search(server):
        return NotFoundError, f"Not found: the server aborted the chat{said}. Check the workspace and thread."
    if untyped and route is not None and route[1] is not None and _NULL_READ in server.lower():
        # The thread stream reads the workspace's id before checking that the workspace exists.
        return NotFoundError, (
            f"Not found: the server aborted the chat{said}: workspace {route[0]!r} does not exist (its thread "
            "stream fails this way, before streaming, when the workspace is unknown)."
        )
    if _UNREACHABLE.search(server):
        return ChatAbortedError, (
            f"The server aborted the chat{said}: it could not reach a service the chat needs. Most likely "
            f"{_PROVIDER_ADVICE}. The AnythingLLM server log has the details."
        )
    if answered:
        return ChatAbortedError, (
            f"The server aborted the chat{said} in the middle of its answer; the text received so far is "
            "in details['partial_text']."
        )
    return ChatAbortedError, f"The server aborted the chat{said}. Nothing was answered."


def abort_error(response: httpx.Response, payload: dict[str, Any], partial_text: str = "") -> ApiError:
    """The error for an ``abort`` event read from a stream (``payload`` is the event's JSON object)."""
    request = _request_of(response)
    path = request.url.path if request is not None else ""
    content_type = response.headers.get("content-type")
    error = payload.get("error")
    server = error.strip() if isinstance(error, str) else ""
    cls, message = _abort(response.status_code, path, server, untyped=not content_type, answered=bool(partial_text))
    details = dict(payload)
    if partial_text:
        details["partial_text"] = partial_text
    return cls(
        response.status_code,
        message,
        details,
        method=request.method if request is not None else None,
        path=path or None,
        body=payload,
        content_type=content_type,
    )


def _refused(status: int, path: str, body: _Body, said: str, has_credentials: bool) -> tuple[type[ApiError], str]:
    """401 and 403: wrong key or token, multi-user mode off, unknown OpenAI model, or plain refusal."""
    server = body.server_text()
    if _API_KEY_REFUSED in server.lower():
        what = "The API key was refused" if has_credentials else "No API key was sent"
        return AuthenticationError, f"{what}{said}. {_KEY_ADVICE}"
    if _MULTI_USER_OFF.search(server) or (status == 401 and "/v1/admin/" in path):
        return MultiUserModeRequiredError, (
            f"This endpoint only works when the server is in multi-user mode, and it is not{said}. {_MULTI_USER_ADVICE}"
        )
    if status == 401 and path.endswith("/openai/chat/completions") and not body.text.strip():
        return NotFoundError, (
            "Unknown model: the OpenAI-compatible endpoint answered 401 with an empty body, which this "
            "server does when `model` is not the slug of an existing workspace. Pass a workspace slug as "
            "model (GET /v1/openai/models lists them)."
        )
    if status == 401 and not _is_v1(path):
        if body.mapping is not None:
            return AuthenticationError, (
                f"The session token was refused{said}. Log in again for a fresh token; an API key "
                "does not work on the session API."
            )
        return PermissionDeniedError, (
            f"The session API refused this call{said}: the logged-in user's role may not use it, or the "
            "route is not available in the server's current single-/multi-user mode."
        )
    if status == 401:
        return AuthenticationError, f"Authentication failed{said}. {_KEY_ADVICE}"
    return PermissionDeniedError, (
        f"The server refused this action{said}: its settings, the user's role or the state of the account "
        "(suspended, deleted) do not allow it."
    )


def _bad_request_message(body: _Body, said: str, request: httpx.Request | None) -> str:
    sent_json = request is not None and "json" in request.headers.get("content-type", "").lower()
    if body.is_html and (sent_json or "json" in body.text.lower()):
        return (
            f"The server could not parse the request body{said}. It must be valid JSON when sent as application/json."
        )
    return f"The server rejected the request{said}."


def _sent_json(request: httpx.Request | None) -> Any:
    """The JSON body of a sent request (None when there is none or it cannot be read)."""
    if request is None:
        return None
    try:
        return json.loads(request.content) if request.content else None
    except (httpx.RequestNotRead, ValueError, UnicodeDecodeError):
        return None


def _empty_500_hint(path: str, request: httpx.Request | None) -> str:
    """Why this server sends an empty 500 on ``path``: the one cause the request shows, else the likely ones."""
    sent = _sent_json(request)
    fields = sent if isinstance(sent, dict) else {}
    if path.endswith("/openai/chat/completions"):
        messages = fields.get("messages")
        if not isinstance(messages, list) or not messages:
            return "This server does that when `messages` is empty or missing."
        return f"The request had its messages, so the chat itself failed: most likely {_PROVIDER_ADVICE}. {_CHECK_LOG}"
    if path.endswith("/openai/embeddings"):
        given = fields.get("input")
        texts = given if isinstance(given, list) else [given]
        if not given or not all(isinstance(text, str) and text for text in texts):
            return "This server does that when `input` is empty or not text."
        return (
            "The input was text, so embedding it failed: most likely the server's embedding provider is not "
            f"running, not reachable or failing. {_CHECK_LOG}"
        )
    if path.endswith("/update-pin"):
        return f"This server does that when the workspace does not exist, or when the update fails. {_CHECK_LOG}"
    return _CHECK_LOG


def _server_error_message(status: int, path: str, body: _Body, said: str, request: httpx.Request | None) -> str:
    if not body.text.strip():
        hint = _empty_500_hint(path, request)
        return f"The server failed with {status} {_phrase(status)} and gave no detail (empty body). {hint}"
    if status in (502, 503, 504):
        return f"The server (or a proxy in front of it) is unavailable{said}. Try again later."
    if _COLLECTOR_DOWN in body.server_text().lower():
        return f"The server could not process the document{said}. {_COLLECTOR_ADVICE}"
    generic = body.server_text() in ("", _phrase(status))
    return f"The server failed while handling the request{said}." + (f" {_CHECK_LOG}" if generic else "")


def _unusable_success(status: int, path: str, body: _Body) -> tuple[type[ApiError], str]:
    """A 2xx whose body cannot be used: HTML (web app), an abort body, or JSON that does not parse."""
    if body.is_html:
        return (
            WrongEndpointError,
            f"Expected JSON but the server sent an HTML page{_said(body.excerpt())}. {_BASE_URL_ADVICE}",
        )
    if (body.mapping or {}).get("type") == "abort":
        return _abort(status, path, body.server_text(), untyped=False)
    if not body.text.strip():
        reason = "the body is empty"
    else:
        try:
            json.loads(body.text)
            reason = "unexpected content"
        except ValueError as exc:
            reason = f"not valid JSON: {exc}"
    return InvalidResponseError, (
        f"The server answered {status} with a body this client cannot read ({reason})"
        f"{_said(body.excerpt())}. The server, or a proxy in between, sent something unexpected."
    )


def error_from_response(response: httpx.Response, body: bytes | None = None) -> ApiError:
    """The typed error for a finished non-2xx response, or for a 2xx whose body is unusable.

    ``body`` is the (possibly capped) body when the response was streamed; otherwise the read
    ``response.content`` is used. Method and path come from ``response.request``.
    """
    request = _request_of(response)
    secrets = secrets_from_headers(request.headers) if request is not None else []
    decoded = _decode(response, _raw_body(response, body), secrets)
    method = request.method if request is not None else ""
    path = request.url.path if request is not None else ""
    status = response.status_code
    if 200 <= status < 300:
        cls, message = _unusable_success(status, path, decoded)
    else:
        cls, message = _classify(status, path, decoded, request)
    return cls(
        status,
        message,
        decoded.mapping,
        method=method or None,
        path=path or None,
        body=decoded.stored(),
        content_type=response.headers.get("content-type"),
    )


def not_found(error: ApiError, message: str) -> NotFoundError:
    """``error``, a server quirk that a check showed to mean "no such object", as a :class:`NotFoundError`.

    Status, method, path and body of the server's answer are kept; ``error`` should be its ``__cause__``.
    """
    return NotFoundError(
        error.status_code,
        f"Not found{_said(error.server_message)}: {message}",
        error.details,
        method=error.method,
        path=error.path,
        body=error.body,
        content_type=error.content_type,
    )


JSON_EXTENSION = "anythingllm.json"
"""Where :func:`check_response` leaves the decoded JSON in ``response.extensions`` (decoded once per call)."""


def media_type_of(response: httpx.Response) -> str:
    """The response's media type: its Content-Type without parameters, lower case ("" if none)."""
    value: str = response.headers.get("content-type", "")
    return value.split(";")[0].strip().lower()


def check_response(response: httpx.Response, *, expect_json: bool, media_type: str | None = None) -> None:
    """Raise the matching :class:`ApiError` unless ``response`` (already read) is usable.

    Any non-2xx raises. With ``expect_json`` a 2xx must carry parseable JSON that is not a chat
    ``abort`` body: HTML raises :class:`WrongEndpointError`, anything else unreadable
    :class:`InvalidResponseError`. The decoded JSON is kept in ``response.extensions[JSON_EXTENSION]``.
    ``media_type`` is the response's (:func:`media_type_of`) when the caller has already looked it up.
    """
    if not 200 <= response.status_code < 300:
        raise error_from_response(response)
    if not expect_json:
        return
    # The success path of every call: one json.loads of the bytes, no text decoding or redaction
    # (those are only needed to word an error, which error_from_response does itself).
    kind = media_type_of(response) if media_type is None else media_type
    raw = _raw_body(response, None)
    if kind == "text/html" or not ("json" in kind or raw.lstrip()[:1] in (b"{", b"[")):
        raise error_from_response(response)
    try:
        data = json.loads(raw)
    except ValueError:
        raise error_from_response(response) from None
    if isinstance(data, dict) and data.get("type") == "abort":
        raise error_from_response(response)
    response.extensions[JSON_EXTENSION] = data


# --------------------------------------------------------------------------------------------
# Mapping a transport failure to an error
# --------------------------------------------------------------------------------------------


def _timeout_of(exc: httpx.HTTPError, kind: str) -> str:
    try:
        value = exc.request.extensions.get("timeout", {}).get(kind)
    except RuntimeError:
        value = None
    return f" after {value:g} s" if isinstance(value, (int, float)) else ""


def error_from_transport(
    exc: httpx.HTTPError, method: str, url: httpx.URL | str
) -> APIConnectionError | APITimeoutError:
    """The error for a request that got no (complete) response: connect failure, timeout, broken link."""
    url = httpx.URL(url)
    origin = safe_url(url.copy_with(path="/", query=None, fragment=None)).rstrip("/")
    where = f"{method} {url.path}"
    try:
        secrets = secrets_from_headers(exc.request.headers)
    except RuntimeError:
        secrets = []
    reason = redact_text(str(exc) or type(exc).__name__, secrets)
    kw: dict[str, Any] = {"method": method, "path": url.path}
    if isinstance(exc, httpx.ConnectTimeout):
        return APITimeoutError(
            f"Timed out{_timeout_of(exc, 'connect')} connecting to {origin}: is the server running and "
            "reachable at that address? Check base_url, or raise the connect timeout.",
            **kw,
        )
    if isinstance(exc, httpx.ReadTimeout):
        return APITimeoutError(
            f"The server sent nothing{_timeout_of(exc, 'read')} ({where}). It may be busy (a slow model?): "
            "raise the timeout (timeout= for replies, stream_idle_timeout for streams) or try again.",
            **kw,
        )
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"The request timed out ({where}): {reason}. Try again.", **kw)
    if isinstance(exc, httpx.ConnectError):
        return APIConnectionError(
            f"Could not connect to {origin} ({reason}): is the server running on that port? Check base_url.",
            **kw,
        )
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError)):
        return APIConnectionError(
            f"The connection to {origin} broke during {where} ({reason}): it was closed before the response "
            "was complete, by the server, a proxy or the network. Try again; if it persists, check the server "
            "(or proxy) logs.",
            **kw,
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return APIConnectionError(
            f"Cannot send to {safe_url(url)} ({reason}): base_url must start with http:// or https://.", **kw
        )
    return APIConnectionError(f"The request failed ({where}): {reason}.", **kw)


__all__ = [
    "JSON_EXTENSION",
    "APIConnectionError",
    "APITimeoutError",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ChatAbortedError",
    "InvalidResponseError",
    "LinkFetchError",
    "MultiUserModeRequiredError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServerError",
    "StreamConnectionError",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "UnprocessableError",
    "UnsupportedOperationError",
    "WrongEndpointError",
    "abort_error",
    "check_response",
    "error_from_response",
    "error_from_transport",
    "html_excerpt",
    "not_found",
]
