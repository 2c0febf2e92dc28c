"""What commands read from the user: piped stdin and confirmations."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import typer

from .state import State


def stdin_is_terminal() -> bool:
    """Whether stdin is an interactive terminal (not a pipe, a file or closed)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def read_piped_stdin() -> str | None:
    """The text piped into the command, or ``None`` when stdin is a terminal or nothing was piped."""
    if sys.stdin is None or stdin_is_terminal():
        return None
    text = sys.stdin.read()
    return text if text.strip() else None


def compose(piped: str | None, message: str | None) -> str | None:
    """The message to send: piped text, then the MESSAGE argument (``cat notes.md | ... "summarize"``)."""
    parts = [part.strip("\n") for part in (piped, message) if part is not None and part.strip()]
    return "\n\n".join(parts) if parts else None


def confirm_or_abort(state: State, question: str, yes: bool) -> None:
    """Ask ``question`` on an interactive terminal unless ``--yes``; stop with exit code 1 on "no".

    Without a terminal (scripts, pipes) and in ``--json`` mode nothing is asked.
    """
    if yes or state.out.json_mode or not stdin_is_terminal():
        return
    if not typer.confirm(question, default=False, err=True):
        state.out.note("Cancelled.", style="yellow")
        raise typer.Exit(1)


def given_options(
    values: Mapping[str, Any], *, skip: Iterable[str] = (), rename: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The options a command was given, as client keyword arguments.

    ``values`` is the command's ``locals()`` taken first thing; options left at ``None`` and the names in
    ``skip`` (context, arguments) are dropped, choices (enums) become their values, and ``rename`` maps
    an option's name to the client's parameter name.
    """
    rename = rename or {}
    return {
        rename.get(name, name): value.value if isinstance(value, Enum) else value
        for name, value in values.items()
        if value is not None and name not in skip
    }
