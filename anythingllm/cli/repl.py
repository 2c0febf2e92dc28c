"""The interactive chat: a prompt with line editing and history, one streamed answer per line."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import ModuleType

from ..errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    MultiUserModeRequiredError,
    NotFoundError,
    WrongEndpointError,
)
from .errors import describe, report
from .replies import ChatRequest, send
from .state import State

HISTORY_LENGTH = 1000
EXIT_WORDS = frozenset({"/exit", "/quit"})
# Errors after which another message cannot do better: they end the chat (with exit code 1).
_FATAL = (AuthenticationError, WrongEndpointError, NotFoundError, MultiUserModeRequiredError)


def _is_fatal(exc: ApiError) -> bool:
    unreachable = isinstance(exc, APIConnectionError) and not isinstance(exc, APITimeoutError)
    return unreachable or isinstance(exc, _FATAL)


def history_path() -> Path:
    """Where typed lines are kept between sessions: ``$XDG_STATE_HOME/anythingllm/chat_history``."""
    state_home = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state_home) / "anythingllm" / "chat_history"


class LineHistory:
    """Line editing and up-arrow history through :mod:`readline` (when the platform has it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.readline: ModuleType | None
        try:
            import readline
        except ImportError:  # pragma: no cover - Windows without pyreadline
            self.readline = None
            return
        self.readline = readline
        readline.set_history_length(HISTORY_LENGTH)
        with contextlib.suppress(OSError):
            readline.read_history_file(str(path))

    def save(self) -> None:
        """Write the history back (silently skipped when the file cannot be written)."""
        if self.readline is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.readline.write_history_file(str(self.path))
        except OSError:
            pass


def run(state: State, workspace: str, request: ChatRequest) -> None:
    """Read messages until Ctrl-D or ``/exit``; Ctrl-C stops the current answer (or clears the line)."""
    out = state.out
    history = LineHistory(history_path())
    out.note(f"Chatting with {workspace}. Ctrl-C stops an answer; Ctrl-D or /exit leaves.")
    try:
        while True:
            try:
                line = input(f"{workspace}> ")
            except EOFError:
                out.write("\n")
                return
            except KeyboardInterrupt:
                out.write("\n")
                continue
            message = line.strip()
            if not message:
                continue
            if message in EXIT_WORDS:
                return
            try:
                send(state, workspace, message, request)
            except KeyboardInterrupt:
                out.note("Stopped.", style="yellow")
            except ApiError as exc:  # one failed answer does not end the conversation, unless it always will
                if _is_fatal(exc):
                    raise
                report(out, describe(exc, base_url=state.base_url, key_given=state.key_given))
    finally:
        history.save()
