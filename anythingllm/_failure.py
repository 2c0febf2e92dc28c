"""What the user is told about a failure: its exit code, one line, and a hint saying what to do next.

Pure (no terminal, no typer or rich), so the command line and the MCP server tell the same thing.
Exit codes: 0 ok, 1 server or API error, 2 usage error (bad arguments, bad input, nothing to do),
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    MultiUserModeRequiredError,
    NotFoundError,
    WrongEndpointError,
)


def one_line(text: str, limit: int = 0) -> str:
    """``text`` on a single line (whitespace collapsed), cut to ``limit`` characters when given."""
    flat = " ".join(str(text).split())
    if limit and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "…"
    return flat


EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

KEY_PAGE = "Settings → Developer API"
_ENV_HINT = "pass --api-key or set ANYTHINGLLM_API_KEY"


class UsageProblem(Exception):
    """The command was called in a way it cannot work (exit code 2); ``hint`` says how to call it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Failure:
    """What the user is told about one error."""

    exit_code: int
    kind: str
    message: str
    hint: str | None = None
    status_code: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``{"error": {...}}`` document printed in ``--json`` mode."""
        body: dict[str, Any] = {"type": self.kind, "message": self.message, "exit_code": self.exit_code}
        if self.hint:
            body["hint"] = self.hint
        if self.status_code:
            body["status_code"] = self.status_code
        return {"error": body}


def _api_hint(exc: ApiError, base_url: str, key_given: bool) -> str | None:
    if isinstance(exc, AuthenticationError):
        if not key_given:
            return f"No API key was given: {_ENV_HINT}. Create one in the AnythingLLM UI under {KEY_PAGE}."
        return f"Check the key ({_ENV_HINT}), or create a new one in the AnythingLLM UI under {KEY_PAGE}."
    if isinstance(exc, MultiUserModeRequiredError):
        return (
            "This needs multi-user mode: an admin can turn it on in the AnythingLLM UI under Settings → Security. "
            "`anythingllm status` shows the current mode."
        )
    if isinstance(exc, WrongEndpointError):
        return (
            f"--base-url ({base_url}) answers with the web app, not the API: use the server's address only, "
            "e.g. http://localhost:3001 (the API lives under /api/v1 there)."
        )
    if isinstance(exc, APITimeoutError):
        return f"Is the server at {base_url} busy or unreachable? Try again, or allow more time with --timeout SECONDS."
    if isinstance(exc, APIConnectionError):
        return (
            f"Is the AnythingLLM server running at {base_url}? Start it, or point --base-url "
            "(or ANYTHINGLLM_BASE_URL) at the right host and port."
        )
    if isinstance(exc, NotFoundError):
        return "`anythingllm workspaces list` shows the workspace slugs; names are case-sensitive."
    return None


def describe(exc: BaseException, *, base_url: str, key_given: bool) -> Failure:
    """The exit code, message and hint for ``exc``."""
    if isinstance(exc, KeyboardInterrupt):
        return Failure(EXIT_INTERRUPTED, "Interrupted", "interrupted (Ctrl-C)")
    if isinstance(exc, UsageProblem):
        return Failure(EXIT_USAGE, "UsageError", exc.message, exc.hint)
    if isinstance(exc, ApiError):
        status = exc.status_code or None
        return Failure(
            EXIT_API_ERROR, type(exc).__name__, one_line(str(exc)), _api_hint(exc, base_url, key_given), status
        )
    if isinstance(exc, ValueError):  # the client's checks of the arguments, before any request
        return Failure(EXIT_USAGE, "UsageError", one_line(str(exc)))
    if isinstance(exc, (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError)):
        return Failure(EXIT_USAGE, "UsageError", one_line(str(exc)))
    if isinstance(exc, OSError):
        return Failure(EXIT_API_ERROR, type(exc).__name__, one_line(str(exc)))
    return Failure(
        EXIT_API_ERROR,
        type(exc).__name__,
        one_line(f"unexpected error: {type(exc).__name__}: {exc}"),
        "This is probably a bug in the client: run again with --debug for the traceback and report it.",
    )
