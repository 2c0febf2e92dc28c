"""``anythingllm sync PATH WORKSPACE``: make a workspace's documents match a local folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .output import Output, human_size
from .state import state_of
from .workflow_options import DryRunOption, YesOption, concurrency_option, confirm_destructive

if TYPE_CHECKING:
    from ..workflows import FileSync, SyncReport

STYLES = {
    "added": "green",
    "updated": "cyan",
    "unchanged": "dim",
    "removed": "magenta",
    "stale": "yellow",
    "skipped": "yellow",
    "failed": "bold red",
}


def _detail(entry: FileSync) -> str:
    if entry.error is not None:
        return f"{entry.error}" + (f" ({entry.note})" if entry.note else "")
    shown = entry.documents or entry.replaced
    return ", ".join(shown) + (f" ({entry.note})" if entry.note else "") if shown else (entry.note or "-")


def show(out: Output, report: SyncReport, everything: bool) -> None:
    """The per-file table (unchanged files only with ``everything``) and a summary line."""
    rows = [f for f in report.files if everything or f.status != "unchanged"]
    if rows:
        table = Table(header_style="bold")
        for header in ("File", "Size", "Result", "Document / note / error"):
            table.add_column(header, justify="right" if header == "Size" else "left", overflow="fold")
        for entry in rows:
            status = (
                f"would be {entry.status}"
                if report.dry_run and entry.status in ("added", "updated", "removed")
                else entry.status
            )
            size = "-" if entry.size is None else human_size(entry.size)
            table.add_row(Text(entry.path), Text(size), Text(status, style=STYLES[entry.status]), Text(_detail(entry)))
        out.console.print(table)
    counts = ", ".join(f"{n} {status}" for status, n in report.counts.items() if n)
    prefix = "Dry run, nothing changed: " if report.dry_run else ""
    hidden = "" if everything or not report.count("unchanged") else " (unchanged files not listed; --all lists them)"
    out.line(f"{prefix}{counts or 'no files'}{hidden}", style="bold red" if not report.ok else "bold green")


def sync(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="PATH", exists=True, file_okay=False, help="The local folder to mirror.")
    ],
    workspace: Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug.")],
    folder: Annotated[
        str | None, typer.Option("--folder", "-f", help="Server folder for the documents (created if needed).")
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Also delete the documents of files that are gone from PATH.")
    ] = False,
    dry_run: DryRunOption = False,
    concurrency: Annotated[int, concurrency_option("files to upload")] = 4,
    everything: Annotated[bool, typer.Option("--all", help="List unchanged files too.")] = False,
    yes: YesOption = False,
) -> None:
    """Upload new and changed files (by content hash), replace old versions, with --delete remove the gone.

    Files of types the server does not accept are skipped. A second run without changes uploads nothing.
    A failed file never stops the others; the exit status is 1 if any file failed.
    """
    state = state_of(ctx)
    if delete and not dry_run:
        confirm_destructive(state, f"Delete the documents of files gone from {path} out of {workspace!r}?", yes)
    out = state.out
    workflows = state.client.workflows
    if out.json_mode:
        report = workflows.sync_folder(path, workspace, folder, delete, dry_run, concurrency=concurrency)
    else:
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, TextColumn("files"), TimeElapsedColumn(), console=out.err) as progress:
            task = progress.add_task("Reading", total=None)

            def planned(plan: SyncReport) -> None:  # every file, gone ones included, is one step
                progress.update(task, description="Syncing", total=len(plan.files))

            report = workflows.sync_folder(
                path,
                workspace,
                folder,
                delete,
                dry_run,
                concurrency=concurrency,
                on_file=lambda entry: progress.advance(task),
                on_plan=planned,
            )
            progress.update(task, description="Done")
    out.result(report.to_dict(), lambda: show(out, report, everything))
    if not report.ok:
        raise typer.Exit(1)
