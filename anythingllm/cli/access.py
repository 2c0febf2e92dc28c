"""``anythingllm access grant|revoke USER… --workspaces PATTERN``: workspace membership in bulk (multi-user)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from .errors import UsageProblem
from .output import Output
from .state import State, state_of
from .workflow_options import DryRunOption, YesOption, confirm_destructive

if TYPE_CHECKING:
    from ..workflows import AccessReport

app = typer.Typer(help="Add or remove users across many workspaces at once (multi-user mode).", no_args_is_help=True)

UsersArg = Annotated[list[str], typer.Argument(metavar="USER...", help="User names (or numeric ids).")]
PatternOption = Annotated[
    str,
    typer.Option("--workspaces", "-w", metavar="PATTERN", help="Workspace slugs or names: team-*, *-docs, exact-slug."),
]
STYLES = {"changed": "green", "unchanged": "dim", "would-change": "cyan", "failed": "red"}


def _users(names: list[str]) -> list[str | int]:
    return [int(n) if n.isdigit() else n for n in names]


def show(out: Output, report: AccessReport) -> None:
    """One row per matching workspace: who changed, who needed nothing, the members afterwards."""
    verb = "Added" if report.action == "grant" else "Removed"
    table = Table(header_style="bold")
    for header in ("Workspace", "Result", verb, "Nothing to do", "Members now"):
        table.add_column(header, overflow="fold")
    for w in report.workspaces:
        result = w.status + (f": {w.error}" if w.error is not None else "")
        table.add_row(
            w.workspace,
            Text(result, style=STYLES[w.status]),
            ", ".join(w.changed) or "-",
            ", ".join(w.already) or "-",
            ", ".join(w.members) or "-",
        )
    out.console.print(table)
    changed = sum(w.status in ("changed", "would-change") for w in report.workspaces)
    prefix = "Dry run: would change" if report.dry_run else "Changed"
    out.line(f"{prefix} {changed} of {len(report.workspaces)} workspaces.", style="bold" if report.ok else "bold red")


def _finish(state: State, report: AccessReport) -> None:
    if not report.workspaces:
        raise UsageProblem(f"no workspace matches {report.pattern!r}", "`anythingllm workspaces list` shows the slugs.")
    state.out.result(report.to_dict(), lambda: show(state.out, report))
    if not report.ok:
        raise typer.Exit(1)


@app.command("grant")
def grant(ctx: typer.Context, users: UsersArg, workspaces: PatternOption, dry_run: DryRunOption = False) -> None:
    """Make USERs members of every workspace matching PATTERN (workspaces they are in already stay as they are)."""
    state = state_of(ctx)
    _finish(state, state.client.workflows.grant(_users(users), workspaces, dry_run=dry_run))


@app.command("revoke")
def revoke(
    ctx: typer.Context,
    users: UsersArg,
    workspaces: PatternOption,
    dry_run: DryRunOption = False,
    yes: YesOption = False,
) -> None:
    """Remove USERs from every workspace matching PATTERN."""
    state = state_of(ctx)
    if not dry_run:
        confirm_destructive(state, f"Remove {', '.join(users)} from every workspace matching {workspaces!r}?", yes)
    _finish(state, state.client.workflows.revoke(_users(users), workspaces, dry_run=dry_run))
