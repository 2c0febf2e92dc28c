"""What commands read from the user: piped stdin and confirmations."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import typer
from typer.core import TyperOption

from .errors import UsageProblem
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


def confirm_or_abort(state: State, question: str, yes: bool) -> None:
    """Ask ``question`` on an interactive terminal unless ``--yes``; stop with exit code 1 on "no".

    Without a terminal (a script, a pipe, ``echo n | ...``) nothing can be asked, so a destructive
    command refuses to run (exit code 2) unless ``--yes`` is given; ``--json`` changes nothing here
    (the question goes to stderr).
    """
    if yes:
        return
    if not stdin_is_terminal():
        raise UsageProblem(
            f'not confirmed, so nothing was changed: stdin is not a terminal to ask "{question}" on. '
            "Pass --yes to confirm.",
            "Add --yes to run a destructive command from a script or a pipe.",
        )
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


def require_changes(ctx: typer.Context, changes: Mapping[str, Any]) -> None:
    """A usage error (exit code 2) when an update command was given nothing to change, naming its options."""
    if any(value is not None for value in changes.values()):
        return
    flags = [
        "/".join(o for o in (*param.opts, *param.secondary_opts) if o.startswith("--"))
        for param in ctx.command.params
        if isinstance(param, TyperOption) and param.name not in ("help", "yes")
    ]
    raise UsageProblem(
        "nothing to change: give at least one option",
        f"The options are {', '.join(f for f in flags if f)} (see --help).",
    )
