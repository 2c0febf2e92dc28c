"""The errors this client raises. Every one is an :class:`ApiError`.

:func:`error_from_response` turns a finished HTTP response into the right error,
:func:`check_response` decides whether a response is usable at all, and
:func:`error_from_transport` maps connection and timeout failures. Messages say what happened and
what to do, quote the server's own words, and never contain the API key or request headers.
"""

from __future__ import annotations

import html
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
    """The workspace, thread, document, user or other object does not exist."""


class BadRequestError(ApiError):
    """The server rejected the request as malformed (400)."""


class UnprocessableError(ApiError):
    """The server understood the request but refused its content (422)."""


class ServerError(ApiError):
    """The server failed while handling the request (5xx)."""


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


class InvalidResponseError(ApiError):
    """The server answered with a body this client cannot read (e.g. malformed JSON)."""


class WrongEndpointError(InvalidResponseError):
    """HTML came back where JSON was expected: the base URL likely points at the web app."""


class StreamInterruptedError(ApiError):
    """A stream ended before its final event. ``partial_text`` holds what arrived."""

    def __init__(self, message: str, partial_text: str = "", **kwargs: Any) -> None:
        super().__init__(kwargs.pop("status_code", 200), message, **kwargs)
        self.partial_text = partial_text


class APIConnectionError(ApiError):
    """The server could not be reached, or the connection broke."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(0, message, **kwargs)


class APITimeoutError(APIConnectionError):
    """A connect, read or stream-idle timeout expired."""


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
# Empty 500 bodies this server is known to send, by path suffix: what the cause usually is.
_EMPTY_500_HINTS = (
    ("/openai/chat/completions", "This server does that when `messages` is empty or missing."),
    ("/openai/embeddings", "This server does that when `input` is empty or not text."),
    ("/update-pin", "This server does that when the workspace does not exist."),
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
        return _abort(status, said)
    if status in (401, 403):
        has_credentials = request is not None and "authorization" in request.headers
        return _refused(status, path, body, said, has_credentials)
    if status == 404:
        return NotFoundError, f"Not found{said}. Check the slug, id or name in the request."
    if status == 400:
        return BadRequestError, _bad_request_message(path, body, said, request)
    if status == 422:
        return UnprocessableError, f"The server refused the request content{said}. Fix what it names."
    if status >= 500:
        return ServerError, _server_error_message(status, path, body, said)
    advice = {408: " Try again.", 429: " Too many requests: wait a moment and try again."}.get(status, "")
    return ApiError, f"The server answered {status} {_phrase(status)}{said}.{advice}"


def _abort(status: int, said: str) -> tuple[type[ApiError], str]:
    if status == 404 or _UNKNOWN_TARGET.search(said):
        return NotFoundError, f"Not found: the server aborted the chat{said}. Check the workspace and thread."
    return ChatAbortedError, f"The server aborted the chat{said}. Nothing was answered."


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
        f"The server refused this action{said}. The credentials are valid, but the server's settings or "
        "the user's role do not allow it."
    )


def _bad_request_message(path: str, body: _Body, said: str, request: httpx.Request | None) -> str:
    sent_json = request is not None and "json" in request.headers.get("content-type", "").lower()
    if body.is_html and (sent_json or "json" in body.text.lower()):
        return (
            f"The server could not parse the request body{said}. It must be valid JSON when sent as application/json."
        )
    if body.text.strip() == "Bad Request" and "/workspace/" in path:
        return (
            f"The server rejected the request{said}. This server answers a bare 'Bad Request' when the "
            "workspace or thread slug does not exist: check the slug."
        )
    return f"The server rejected the request{said}."


def _server_error_message(status: int, path: str, body: _Body, said: str) -> str:
    if not body.text.strip():
        hint = next((h for suffix, h in _EMPTY_500_HINTS if path.endswith(suffix)), _CHECK_LOG)
        return f"The server failed with {status} {_phrase(status)} and gave no detail (empty body). {hint}"
    if status in (502, 503, 504):
        return f"The server (or a proxy in front of it) is unavailable{said}. Try again later."
    generic = body.server_text() in ("", _phrase(status))
    return f"The server failed while handling the request{said}." + (f" {_CHECK_LOG}" if generic else "")


def _unusable_success(status: int, body: _Body) -> tuple[type[ApiError], str]:
    """A 2xx whose body cannot be used: HTML (web app), an abort body, or JSON that does not parse."""
    if body.is_html:
        return (
            WrongEndpointError,
            f"Expected JSON but the server sent an HTML page{_said(body.excerpt())}. {_BASE_URL_ADVICE}",
        )
    if (body.mapping or {}).get("type") == "abort":
        return _abort(status, _said(body.server_text()))
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
        cls, message = _unusable_success(status, decoded)
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


JSON_EXTENSION = "anythingllm.json"
"""Where :func:`check_response` leaves the decoded JSON in ``response.extensions`` (decoded once per call)."""


def check_response(response: httpx.Response, *, expect_json: bool) -> None:
    """Raise the matching :class:`ApiError` unless ``response`` (already read) is usable.

    Any non-2xx raises. With ``expect_json`` a 2xx must carry parseable JSON that is not a chat
    ``abort`` body: HTML raises :class:`WrongEndpointError`, anything else unreadable
    :class:`InvalidResponseError`. The decoded JSON is kept in ``response.extensions[JSON_EXTENSION]``.
    """
    if not 200 <= response.status_code < 300:
        raise error_from_response(response)
    if not expect_json:
        return
    # The success path of every call: one json.loads of the bytes, no text decoding or redaction
    # (those are only needed to word an error, which error_from_response does itself).
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = _raw_body(response, None)
    if media_type == "text/html" or not ("json" in media_type or raw.lstrip()[:1] in (b"{", b"[")):
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
            f"The connection to {origin} broke during {where} ({reason}): the server closed it before the "
            "response was complete. Try again; if it persists, check the server (or proxy) logs.",
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
    "MultiUserModeRequiredError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServerError",
    "StreamInterruptedError",
    "UnprocessableError",
    "UnsupportedOperationError",
    "WrongEndpointError",
    "check_response",
    "error_from_response",
    "error_from_transport",
    "html_excerpt",
]
