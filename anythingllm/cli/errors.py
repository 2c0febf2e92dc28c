"""How a failure ends a command: its exit code, one red line, and a hint saying what to do next.

Exit codes: 0 ok, 1 server or API error, 2 usage error (bad arguments, bad input, nothing to do),
130 interrupted (Ctrl-C). In ``--json`` mode the error is printed as ``{"error": {...}}`` on stdout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from ..errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    MultiUserModeRequiredError,
    NotFoundError,
    WrongEndpointError,
)
from ..resources.documents import LinkFetchError
from .output import Output, one_line

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


class NotAnythingLLM(Exception):
    """The address answers, but not as an AnythingLLM server does (exit code 1)."""

    def __init__(self, base_url: str, answer: ApiError) -> None:
        status = f"{answer.status_code} " if answer.status_code else ""
        said = f' ("{one_line(answer.server_message, 80)}")' if answer.server_message else ""
        what = "an HTML page" if isinstance(answer, WrongEndpointError) else f"a {status}answer{said}"
        message = (
            f"{base_url} is not an AnythingLLM server, or not its address: GET /api/v1/auth, which every "
            f"AnythingLLM server answers, gave {what}"
        )
        super().__init__(message)
        self.message = message


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
        return not_found_hint(exc)
    if isinstance(exc, LinkFetchError):
        return (
            "The server fetches the page itself: check that the link opens from the server's machine, "
            "and that it is the page you want, not an error page."
        )
    return None


# What to run to see the objects of a kind.
_LISTS = {
    "thread": "`anythingllm threads list WORKSPACE` shows the thread slugs of a workspace",
    "folder": "`anythingllm documents folders` shows the folders",
    "document": "`anythingllm documents list` shows the document locations (folder/file.json)",
    "embed": "`anythingllm embeds list` shows the chat widgets and their uuids",
    "invite": "`anythingllm admin invites list` shows the invitations and their ids",
    "user": "`anythingllm admin users list` shows the users and their ids",
    "model": "`anythingllm openai models` shows the models (each workspace slug is one)",
    "workspace": "`anythingllm workspaces list` shows the workspace slugs",
}
# The kind a NotFoundError is about, tried in order on its message, then on its request path: a message
# names the missing object first ("thread 'x' does not exist in workspace 'y'" is about the thread).
_KIND_IN_MESSAGE = (
    ("thread", r"\bthread"),
    ("folder", r"no folder named|folder \S+ (does not exist|not found)"),
    ("document", r"\bdocument"),
    ("embed", r"\bembed"),
    ("invite", r"\binvit"),
    ("user", r"\buser\b"),
    ("model", r"\bmodel\b"),
    ("workspace", r"\bworkspace"),
)
_KIND_IN_PATH = (
    ("thread", "/thread/"),
    ("document", "/document"),
    ("embed", "/embed"),
    ("invite", "/admin/invite"),
    ("user", "/admin/users"),
    ("model", "/openai/"),
    ("workspace", "/workspace"),
)


def not_found_hint(exc: ApiError) -> str:
    """Where to look up the object a NotFoundError is about: the list command of its kind."""
    message = exc.message.lower()
    kind = next((k for k, pattern in _KIND_IN_MESSAGE if re.search(pattern, message)), None)
    if kind is None:
        kind = next((k for k, part in _KIND_IN_PATH if part in (exc.path or "")), None)
    if kind is None:
        return "Check the name or id: the `list` command of that kind of object shows what exists."
    return f"{_LISTS[kind]}; names are case-sensitive."


# The client's parameter names as this command line spells them (arguments in capitals, options as flags).
CLI_NAMES = {
    "api_key": "--api-key",
    "base_url": "--base-url",
    "workspace_id": "WORKSPACE",
    "workspace_ids": "--workspace-id",
    "thread_id": "THREAD",
    "embed_id": "EMBED_UUID",
    "user_id": "USER_ID",
    "user_ids": "USER_ID",
    "invite_id": "INVITE_ID",
    "document_id": "DOCUMENT",
    "document_ids": "DOCUMENT",
    "names": "DOCUMENT",
    "from_path": "FROM",
    "to_path": "TO",
    "link": "URL",
    "folder_name": "--folder",
    "add_to_workspaces": "--workspace",
    "session_id": "--session-id",
    "attachments": "--attach",
    "top_n": "--top-n",
    "score_threshold": "--score-threshold",
    "system_prompt": "--system-prompt",
    "chat_mode": "--chat-mode",
    "chat_model": "--chat-model",
    "chat_provider": "--chat-provider",
    "history_length": "--history-length",
    "similarity_threshold": "--similarity-threshold",
    "allowlist_domains": "--allow-domain",
    "max_chats_per_day": "--max-chats-per-day",
    "max_chats_per_session": "--max-chats-per-session",
    "accept_error_page=True": "--accept-error-page",
}
_NAME = re.compile("|".join(re.escape(n) for n in sorted(CLI_NAMES, key=len, reverse=True)))
_CLI_NAME = re.compile(rf"(?<![\w.-])(?:{_NAME.pattern})(?:\[\d*\])?(?![\w-])")
# Plain words name an argument only where a check of it begins ("title must not be empty").
_LEADING_NAMES = {"model": "MODEL", "input_text": "TEXT", "texts": "TEXT", "title": "--title", "query": "QUERY"}
_LEADING = re.compile(rf"^({'|'.join(_LEADING_NAMES)})(?= must )")
# The client's methods that have a command; parentheses naming any other method are left out.
CLI_COMMANDS = {
    "documents.list()": "`anythingllm documents list`",
    "documents.create_folder": "`anythingllm documents upload --folder NAME`",
    "users.list()": "`anythingllm admin users list`",
    "workspaces.get_documents()": "`anythingllm workspaces get WORKSPACE`",
    "workspaces.list()": "`anythingllm workspaces list`",
}
_METHOD = re.compile(r"\b(?:client\.)?[a-z_]+\.[a-z_]+(?:\(\))?")
_PYTHON_ASIDE = re.compile(r"\s*\(([^()]*?\b[a-z_]+\.[a-z_]+(?:\(\))?[^()]*)\)")


def cli_words(text: str) -> str:
    """A client message in this command line's words: its flags and commands, not Python names."""

    def aside(found: re.Match[str]) -> str:
        inner = found.group(1)
        methods = _METHOD.findall(inner)
        if all(m.removeprefix("client.") in CLI_COMMANDS for m in methods):
            for method in methods:
                inner = inner.replace(method, CLI_COMMANDS[method.removeprefix("client.")])
            return f" ({inner})"
        return ""

    text = _PYTHON_ASIDE.sub(aside, text)
    text = _LEADING.sub(lambda m: _LEADING_NAMES[m.group(1)], text)
    return _CLI_NAME.sub(lambda m: CLI_NAMES[re.sub(r"\[\d*\]$", "", m.group(0))], text)


def _message(exc: ApiError) -> str:
    """The error as one line; a 2xx status is left out (the answer began well, then something went wrong)."""
    text = str(exc)
    if 200 <= exc.status_code < 300:
        text = text.removeprefix(f"{exc.status_code}: ")
    return one_line(cli_words(text))


def describe(exc: BaseException, *, base_url: str, key_given: bool) -> Failure:
    """The exit code, message and hint for ``exc``."""
    if isinstance(exc, KeyboardInterrupt):
        return Failure(EXIT_INTERRUPTED, "Interrupted", "interrupted (Ctrl-C)")
    if isinstance(exc, UsageProblem):
        return Failure(EXIT_USAGE, "UsageError", exc.message, exc.hint)
    if isinstance(exc, NotAnythingLLM):
        hint = (
            "Point --base-url (or ANYTHINGLLM_BASE_URL) at the AnythingLLM server itself, e.g. "
            "http://localhost:3001, the address its web UI and API share (optionally with /api or /api/v1)."
        )
        return Failure(EXIT_API_ERROR, "NotAnythingLLM", exc.message, hint)
    if isinstance(exc, ApiError):
        status = exc.status_code or None
        return Failure(EXIT_API_ERROR, type(exc).__name__, _message(exc), _api_hint(exc, base_url, key_given), status)
    if isinstance(exc, ValueError):  # the client's checks of the arguments, before any request
        return Failure(EXIT_USAGE, "UsageError", one_line(cli_words(str(exc))))
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


def report(out: Output, failure: Failure) -> None:
    """Tell the user: JSON on stdout in ``--json`` mode, else one red line (and a hint) on stderr."""
    if out.json_mode:
        out.json(failure.to_json())
        return
    if failure.exit_code == EXIT_INTERRUPTED:
        out.err.print(Text("Interrupted.", style="yellow"), soft_wrap=True)
        return
    out.err.print(Text(f"Error: {failure.message}", style="bold red"), soft_wrap=True)
    if failure.hint:
        out.err.print(Text(f"Hint: {failure.hint}", style="yellow"), soft_wrap=True)
