"""``anythingllm archive --older-than 30d --out FILE [--delete]``: export old chats, then delete them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from .errors import UsageProblem
from .output import Output
from .state import state_of
from .workflow_options import YesOption, confirm_destructive

if TYPE_CHECKING:
    from ..workflows import ArchiveReport

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([hdw]?)\s*$", re.I)
_DAYS_PER_UNIT = {"h": 1 / 24, "d": 1.0, "": 1.0, "w": 7.0}
STYLES = {
    "selected": "cyan",
    "exported": "green",
    "deleted": "green",
    "cleared": "green",
    "kept": "dim",
    "failed": "red",
}


def parse_age(text: str) -> float:
    """``"30d"``, ``"12h"``, ``"2w"`` or a plain number of days, as days."""
    found = _AGE.match(text)
    if not found:
        raise typer.BadParameter(f"{text!r} is not an age such as 30d, 12h or 2w", param_hint="--older-than")
    return float(found[1]) * _DAYS_PER_UNIT[found[2].lower()]


def show(out: Output, report: ArchiveReport) -> None:
    """One row per thread or default history read, then what was done."""
    table = Table(header_style="bold")
    for header in ("Workspace", "Thread", "Chats", "Last message", "Result"):
        table.add_column(header, overflow="fold")
    for unit in report.units:
        status = "would go" if report.dry_run and unit.status == "selected" else unit.status
        note = f" ({unit.note})" if unit.note else ""
        error = f": {unit.error}" if unit.error is not None else ""
        last = (unit.to_dict()["lastMessageAt"] or "-")[:19].replace("T", " ")
        thread = "(default history)" if unit.thread is None else f"{unit.thread_name} [{unit.thread}]"
        table.add_row(
            unit.workspace,
            thread,
            str(len(unit.chat_ids)),
            last,
            Text(status + error + note, style=STYLES[unit.status]),
        )
    if report.units:
        out.console.print(table)
    going = len(report.archived)
    cutoff = report.cutoff.strftime("%Y-%m-%d %H:%M:%S UTC")
    if report.dry_run:
        out.line(f"Dry run: {going} of {len(report.units)} threads/histories would be archived (none since {cutoff}).")
        out.note(
            "Nothing was written or deleted. --delete writes the file, checks it, then deletes;"
            " --export-only only writes it."
        )
        return
    if report.verified:
        out.line(f"Wrote and verified {report.out} ({going} threads/histories, sha256 {report.sha256}).", style="green")
    else:
        out.line(f"Nothing older than {cutoff}: no file written.")
    if report.delete:
        done = sum(u.status in ("deleted", "cleared") for u in report.units)
        failed = sum(u.status == "failed" for u in report.units)
        out.line(f"Deleted {done}, failed {failed}.", style="bold red" if failed else "bold green")


def archive(
    ctx: typer.Context,
    older_than: Annotated[
        str,
        typer.Option("--older-than", metavar="AGE", help="Archive what has no message newer than this: 30d, 12h, 2w."),
    ],
    out_file: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="The JSONL file to write (must not exist).")
    ],
    workspaces: Annotated[
        list[str] | None,
        typer.Option(
            "--workspaces", "-w", metavar="PATTERN", help="Only these workspaces (slug or name; * and ? allowed)."
        ),
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="After the file is written and verified, delete what it holds.")
    ] = False,
    export_only: Annotated[
        bool, typer.Option("--export-only", help="Write and verify the file, delete nothing.")
    ] = False,
    yes: YesOption = False,
) -> None:
    """Export threads and chat histories older than AGE to FILE; with --delete, then delete them.

    Without --delete or --export-only this is a dry run that lists what would go. Deletion happens only
    after FILE was written and read back intact; a workspace's default history is reset (the server's
    only way to remove it), and only when all its threads go too.
    """
    from ..workflows import ArchiveVerificationError

    state = state_of(ctx)
    days = parse_age(older_than)
    if delete and export_only:
        raise UsageProblem("--delete and --export-only exclude each other", "--delete exports first anyway.")
    dry_run = not (delete or export_only)
    if delete:
        confirm_destructive(
            state, f"Delete every thread and history older than {older_than} once {out_file} is verified?", yes
        )
    try:
        report = state.client.workflows.archive(days, workspaces or None, out_file, delete, dry_run)
    except FileExistsError as exc:
        raise UsageProblem(str(exc), "Choose a new file name: an archive is never overwritten.") from None
    except ArchiveVerificationError as exc:
        state.out.note(f"{exc}: nothing was deleted.", style="bold red")
        raise typer.Exit(1) from None
    state.out.result(report.to_dict(), lambda: show(state.out, report))
    if not report.ok:
        raise typer.Exit(1)
