"""Logging for the client: the ``anythingllm`` logger, opt-in via ``ANYTHINGLLM_LOG``, and redaction.

Nothing logged here may contain a credential: headers go through :func:`redact_headers` and any
free text that could echo one goes through :func:`redact_text`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping

import httpx

LOGGER_NAME = "anythingllm"
ENV_VAR = "ANYTHINGLLM_LOG"
REDACTED = "[REDACTED]"

logger = logging.getLogger(LOGGER_NAME)

_SENSITIVE_PARTS = ("authorization", "token", "key", "cookie", "secret", "password")
_AUTH_SCHEMES = frozenset({"bearer", "basic", "token", "digest"})
_MIN_SECRET_CHARS = 4
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}

HeadersLike = Mapping[str, str] | Iterable[tuple[str, str]]


def _header_items(headers: HeadersLike) -> Iterable[tuple[str, str]]:
    return headers.items() if isinstance(headers, Mapping) else headers


def is_sensitive_header(name: str) -> bool:
    """True for headers that may carry a credential (Authorization, cookies, anything *token*/*key*)."""
    lowered = name.lower()
    return any(part in lowered for part in _SENSITIVE_PARTS)


def redact_headers(headers: HeadersLike) -> dict[str, str]:
    """A copy of ``headers`` with every credential-bearing value replaced by ``[REDACTED]``."""
    return {name: REDACTED if is_sensitive_header(name) else value for name, value in _header_items(headers)}


def secrets_from_headers(headers: HeadersLike) -> list[str]:
    """The credential strings found in ``headers``: each sensitive value and the token after its scheme."""
    found: list[str] = []
    for name, value in _header_items(headers):
        if not is_sensitive_header(name):
            continue
        found.append(value.strip())
        found.extend(value.split())
    return [s for s in found if len(s) >= _MIN_SECRET_CHARS and s.lower() not in _AUTH_SCHEMES]


def redact_text(text: str, secrets: Iterable[str]) -> str:
    """``text`` with each secret (of at least 4 characters) replaced by ``[REDACTED]``."""
    for secret in sorted({s for s in secrets if len(s) >= _MIN_SECRET_CHARS}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def safe_url(url: httpx.URL) -> str:
    """The URL as text without any ``user:password@`` part."""
    return str(url.copy_with(userinfo=b"")) if url.userinfo else str(url)


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The stderr handler installed by :func:`setup_from_env` (a class of its own, so it is found again)."""


def setup_from_env(environ: Mapping[str, str] | None = None) -> logging.Handler | None:
    """Honour ``ANYTHINGLLM_LOG=debug|info|warning|error``: log to stderr at that level.

    Idempotent: calling it again adjusts the level of the one handler it installs. Returns that
    handler, or ``None`` when the variable is unset or not a known level.
    """
    value = (os.environ if environ is None else environ).get(ENV_VAR, "").strip().lower()
    level = _LEVELS.get(value)
    if level is None:
        return None
    handler = next((h for h in logger.handlers if isinstance(h, _EnvHandler)), None)
    if handler is None:
        handler = _EnvHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    handler.setLevel(level)
    logger.setLevel(level)
    return handler


def log_request(request: httpx.Request, attempt: int) -> None:
    """Log the request line (INFO on retries, else DEBUG) and, at DEBUG, its redacted headers."""
    level = logging.INFO if attempt > 1 else logging.DEBUG
    if logger.isEnabledFor(level):
        logger.log(level, "-> %s %s (attempt %d)", request.method, safe_url(request.url), attempt)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("   request headers: %s", redact_headers(request.headers))


def log_response(request: httpx.Request, response: httpx.Response, elapsed: float) -> None:
    """Log the status line with the elapsed time and, at DEBUG, the redacted response headers."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "<- %s %s %d %s (%.0f ms)",
            request.method,
            safe_url(request.url),
            response.status_code,
            response.reason_phrase,
            elapsed * 1000,
        )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("   response headers: %s", redact_headers(response.headers))


def log_retry(request: httpx.Request, attempt: int, delay: float, reason: str) -> None:
    """Log that a failed attempt will be retried after ``delay`` seconds."""
    logger.info(
        "retrying %s %s in %.2f s after attempt %d: %s",
        request.method,
        safe_url(request.url),
        delay,
        attempt,
        reason,
    )


__all__ = [
    "ENV_VAR",
    "LOGGER_NAME",
    "REDACTED",
    "is_sensitive_header",
    "log_request",
    "log_response",
    "log_retry",
    "logger",
    "redact_headers",
    "redact_text",
    "safe_url",
    "secrets_from_headers",
    "setup_from_env",
]
