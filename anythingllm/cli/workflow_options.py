"""What the workflow commands share: their common options, and confirmation for those that delete.

A command that deletes asks in a terminal and refuses without ``--yes`` elsewhere.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .errors import UsageProblem
from .inputs import stdin_is_terminal
from .state import State

YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Go ahead without asking (needed without a terminal).")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", "-n", help="Only show what would be done.")]


def concurrency_option(what: str) -> object:
    """The ``--concurrency/-j`` option (1 to 16, default 4): how many ``what`` at once."""
    return typer.Option("--concurrency", "-j", min=1, max=16, help=f"How many {what} at once.")


def confirm_destructive(state: State, question: str, yes: bool) -> None:
    """Go on with ``--yes``; ask in a terminal; without a terminal (a script, a pipe, ``--json``) refuse.

    A refusal is a usage error (exit status 2) that names ``--yes``; a "no" at the prompt exits with 1.
    """
    if yes:
        return
    if state.out.json_mode or not stdin_is_terminal():
        raise UsageProblem(
            f"refusing to delete without confirmation: {question}",
            "stdin is not a terminal, so nobody can be asked: add --yes to go ahead (try --dry-run first).",
        )
    if not typer.confirm(question, default=False, err=True):
        state.out.note("Cancelled: nothing was deleted.", style="yellow")
        raise typer.Exit(1)
