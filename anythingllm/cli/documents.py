"""``anythingllm documents list|upload|upload-link|raw-text|delete|folders|move``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from . import bulk_delete
from .errors import EXIT_INTERRUPTED, Failure, UsageProblem, describe
from .inputs import confirm_or_abort, read_piped_stdin
from .output import Column, Output, human_size, one_line
from .state import State, state_of
from .upload import (
    FileResult,
    Plan,
    Uploader,
    accepted_extensions,
    collect,
    document_locations,
    new_progress,
    new_removal_progress,
)

app = typer.Typer(
    help="Documents on the server: list, upload files and folders, links, raw text; delete, move.",
    no_args_is_help=True,
)

WorkspaceOption = Annotated[
    str | None, typer.Option("--workspace", "-w", help="Also embed the new document(s) into this workspace (slug).")
]

DOCUMENT_COLUMNS = (
    Column("Location", lambda d: d.get("path") or d.get("location") or d.get("name")),
    Column("Title", "title", max_width=40),
    Column("Words", "wordCount", justify="right"),
    Column("Tokens", "token_count_estimate", justify="right"),
)


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """List every document in the server's document store."""
    state = state_of(ctx)
    documents = state.client.documents.list()
    state.out.result(documents, lambda: state.out.table(documents, DOCUMENT_COLUMNS, empty="No documents yet."))


@app.command("folders")
def folders(ctx: typer.Context) -> None:
    """List the document folders."""
    state = state_of(ctx)
    found = state.client.documents.get_folders()
    columns = (
        Column("Folder", "name"),
        Column("Documents", lambda f: f.get("documentCount", len(f.get("items") or [])), justify="right"),
    )
    state.out.result(found, lambda: state.out.table(found, columns, empty="No folders."))


def _display(path: Path) -> str:
    """A path as the user named it (a file found in a folder: that folder's path joined with its name)."""
    return str(path)


def _show_results(out: Output, plan: Plan, results: list[FileResult]) -> None:
    def outcome(result: FileResult) -> Text:
        if result.ok:
            return Text("uploaded", style="green")
        if result.not_embedded is not None:
            return Text("not embedded", style="red")
        return Text("not sent" if result.cancelled else "failed", style="red" if result.failure else "yellow")

    def detail(result: FileResult) -> str:
        if result.failure is not None:
            return result.failure.message
        if result.not_embedded is not None:
            return ", ".join(result.documents) + f": {result.not_embedded}"
        return ", ".join(result.documents) or ("interrupted" if result.cancelled else "-")

    table = Table(header_style="bold")
    table.add_column("File", overflow="fold")
    table.add_column("Size", justify="right")
    table.add_column("Result")
    table.add_column("Document / error", overflow="fold")
    for r in results:
        table.add_row(Text(_display(r.path)), Text(human_size(r.size)), outcome(r), Text(detail(r)))
    out.console.print(table)
    uploaded = sum(r.uploaded for r in results)
    failed = sum(r.failure is not None for r in results)
    missed = sum(r.not_embedded is not None for r in results)
    summary = f"{uploaded} uploaded" + (f" ({missed} not embedded)" if missed else "") + f", {failed} failed"
    if plan.skipped:
        summary += f", {len(plan.skipped)} skipped (type not accepted by the server)"
    out.line(summary, style="bold red" if failed or missed else "bold green")


def _plan(state: State, paths: list[Path]) -> Plan:
    accepted = accepted_extensions(state.client.system.get_accepted_document_types())
    plan = collect(paths, accepted)
    if not plan.files:
        shown = ", ".join(sorted(accepted)) or "none"
        raise UsageProblem(
            f"no files to upload ({len(plan.skipped)} skipped: type not accepted by the server)",
            f"The server accepts: {shown}. Name a file directly to send it anyway.",
        )
    if plan.skipped:
        names = ", ".join(_display(p) for p in plan.skipped[:5]) + (" …" if len(plan.skipped) > 5 else "")
        state.out.note(f"Skipping {len(plan.skipped)} file(s) of types the server does not accept: {names}")
    if plan.unlisted:
        names = ", ".join(_display(p) for p in plan.unlisted)
        state.out.note(
            f"Sending {len(plan.unlisted)} file(s) named directly although the server does not list their type "
            f"as accepted (it may still read them as text): {names}",
            style="yellow",
        )
    return plan


@app.command("upload")
def upload(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            exists=True,
            readable=True,
            help=(
                "Files and folders. Folders are searched recursively for the file types the server accepts; "
                "a file of another type is only sent when named directly (with a warning)."
            ),
        ),
    ],
    workspace: WorkspaceOption = None,
    folder: Annotated[
        str | None, typer.Option("--folder", "-f", help="Store the documents in this folder (created if needed).")
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, max=16, help="How many files to upload at once.")
    ] = 4,
) -> None:
    """Upload files and folders, with a progress bar and a result per file.

    A failed file never stops the others; the exit status is 1 if any file failed. With --workspace the
    documents are embedded after the uploads, and one the server did not embed is reported as such.
    """
    state = state_of(ctx)
    client = state.client
    if workspace:
        client.workspaces.get(workspace)  # an unknown workspace fails now, not after every upload
    plan = _plan(state, paths)
    uploader = Uploader(
        client,
        workspace=workspace,
        folder=folder,
        concurrency=concurrency,
        explain=lambda exc: describe(exc, base_url=state.base_url, key_given=state.key_given),
    )
    out = state.out
    if out.json_mode:
        results, interrupted = uploader.run(plan)
        results = results if interrupted else uploader.embed(results)
    else:
        with new_progress(out.err) as progress:
            results, interrupted = uploader.run(plan, progress)
            if workspace and not interrupted:
                progress.update(progress.task_ids[0], description=f"Embedding into {workspace}")
                results = uploader.embed(results)
                progress.update(progress.task_ids[0], description="Done")
    failed = [r for r in results if not r.ok and not r.cancelled]
    data = {
        "uploaded": sum(r.uploaded for r in results),
        "not_embedded": sum(r.not_embedded is not None for r in results),
        "failed": sum(r.failure is not None for r in results),
        "skipped": [str(p) for p in plan.skipped],
        "interrupted": interrupted,
        "files": [r.to_json() for r in results],
    }
    out.result(data, lambda: _show_results(out, plan, results))
    if interrupted:  # the report above says what was done; exit as Ctrl-C does
        out.note("Interrupted.", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED)
    if failed:
        raise typer.Exit(1)


@app.command("upload-link")
def upload_link(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The web page to scrape and store.")],
    workspace: WorkspaceOption = None,
    accept_error_page: Annotated[
        bool,
        typer.Option("--accept-error-page", help="Keep the page even if it reads like an HTTP error page (404 …)."),
    ] = False,
) -> None:
    """Scrape a web page into a document (the server fetches it).

    An unreachable host, an empty page or an HTTP error page ("404 Not Found") is an error, and nothing
    is kept: the server stores error pages like any page, so the stored copy is removed again.
    """
    state = state_of(ctx)
    result = state.client.documents.upload_link(
        url, add_to_workspaces=[workspace] if workspace else None, accept_error_page=accept_error_page
    )
    locations = document_locations(result)
    state.out.result(result, lambda: state.out.done(f"Stored {url} as {', '.join(locations) or 'a document'}"))


@app.command("raw-text")
def raw_text(
    ctx: typer.Context,
    title: Annotated[str, typer.Option("--title", help="Title of the new document.")],
    text: Annotated[str | None, typer.Argument(help="The text. Without it, the text is read from stdin.")] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Store text as a document (give TEXT, or pipe it in)."""
    state = state_of(ctx)
    content = text if text is not None else read_piped_stdin()
    if content is None or not content.strip():
        raise UsageProblem("no text to store", "Give TEXT as an argument or pipe it in: cat notes.txt | anythingllm …")
    result = state.client.documents.raw_text(content, title, add_to_workspaces=[workspace] if workspace else None)
    locations = document_locations(result)
    state.out.result(result, lambda: state.out.done(f"Stored {title!r} as {', '.join(locations) or 'a document'}"))


@app.command("delete")
def delete(
    ctx: typer.Context,
    documents: Annotated[
        list[str],
        typer.Argument(
            metavar="DOCUMENT...", help="Document locations (custom-documents/x.json) or file names (x.json)."
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete documents with their embeddings in every workspace.

    Every document is reported: deleted, not found or failed. A failure never stops the others; the
    exit status is 1 if any document was not deleted. They are removed in batches, with a progress bar.
    """
    state = state_of(ctx)
    out = state.out
    confirm_or_abort(state, f"Delete {len(documents)} document(s) from the server and every workspace?", yes)

    def explain(exc: BaseException) -> Failure:
        return describe(exc, base_url=state.base_url, key_given=state.key_given)

    batch = bulk_delete.BATCH_SIZE
    if out.json_mode or len(documents) <= batch:  # one batch: no progress to show
        results, interrupted = bulk_delete.remove(state.client, documents, explain=explain, batch_size=batch)
    else:
        with new_removal_progress(out.err, len(documents)) as progress:
            task = progress.add_task("Deleting", total=len(documents))
            results, interrupted = bulk_delete.remove(
                state.client,
                documents,
                explain=explain,
                advance=lambda n: progress.advance(task, n),
                batch_size=batch,
            )
            progress.update(task, completed=len(documents))
    counts = {kind: sum(r.outcome == kind for r in results) for kind in ("deleted", "not found", "failed")}
    data = {
        "deleted": counts["deleted"],
        "not_found": counts["not found"],
        "failed": len(results) - counts["deleted"] - counts["not found"],
        "interrupted": interrupted,
        "documents": [r.to_json() for r in results],
    }
    out.result(data, lambda: _show_removals(out, results))
    if interrupted:
        out.note("Interrupted.", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED)
    if counts["deleted"] < len(results):
        raise typer.Exit(1)


def _show_removals(out: Output, results: list[bulk_delete.Removal]) -> None:
    for removal in results:
        if removal.outcome == "deleted":
            out.done(f"Deleted {one_line(removal.location or removal.document)}")
            continue
        why = f": {removal.reason}" if removal.reason else ""
        out.line(f"✗ {removal.outcome.capitalize()}: {one_line(removal.document)}{why}", style="red")
    deleted = sum(r.outcome == "deleted" for r in results)
    missing = sum(r.outcome == "not found" for r in results)
    failed = len(results) - deleted - missing
    summary = f"{deleted} deleted, {missing} not found, {failed} failed"
    out.line(summary, style="bold green" if deleted == len(results) else "bold red")


@app.command("move")
def move(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="Current location, e.g. custom-documents/x.json.")],
    target: Annotated[str, typer.Argument(metavar="TO", help="New location, e.g. my-folder/x.json.")],
) -> None:
    """Move a document to another folder (the folder must exist: `documents folders` lists them).

    The server does not move a document that is embedded in a workspace: remove it from the workspaces
    first. The exit status is 1 when the document was not moved.
    """
    state = state_of(ctx)
    result = state.client.documents.move(source, target)
    said = str(result.get("message") or "")
    if "not moved" in said:
        state.out.result(result, lambda: state.out.line(f"✗ Not moved: {source} ({said})", style="red"))
        raise typer.Exit(1)
    state.out.result(result, lambda: state.out.done(f"Moved {source} to {target}" + (f": {said}" if said else "")))
