"""``anythingllm threads list|create|rename|delete|history``: the chat threads of a workspace."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from .inputs import confirm_or_abort
from .output import Column
from .replies import reply_text, show_sources
from .state import state_of

app = typer.Typer(help="Chat threads of a workspace: list, create, rename, delete, show history.", no_args_is_help=True)

WorkspaceArg = Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug.")]
ThreadArg = Annotated[str, typer.Argument(metavar="THREAD", help="Thread slug (see `threads list`).")]


@app.command("list")
def list_(ctx: typer.Context, workspace: WorkspaceArg) -> None:
    """List the threads of a workspace."""
    state = state_of(ctx)
    threads = state.client.workspace_thread.list_threads(workspace)
    columns = (Column("Slug", "slug"), Column("Name", "name"), Column("User", "user_id"))
    state.out.result(threads, lambda: state.out.table(threads, columns, empty="No threads in this workspace."))


@app.command("create")
def create(
    ctx: typer.Context, workspace: WorkspaceArg, name: Annotated[str, typer.Argument(help="Name of the thread.")]
) -> None:
    """Create a thread in a workspace."""
    state = state_of(ctx)
    thread = state.client.workspace_thread.create_thread(workspace, name)
    state.out.result(thread, lambda: state.out.done(f"Created thread {thread.get('slug')!s} ({thread.get('name')!s})"))


@app.command("rename")
def rename(
    ctx: typer.Context,
    workspace: WorkspaceArg,
    thread: ThreadArg,
    name: Annotated[str, typer.Argument(help="New name.")],
) -> None:
    """Rename a thread."""
    state = state_of(ctx)
    updated = state.client.workspace_thread.update_thread(workspace, thread, name=name)
    state.out.result(updated, lambda: state.out.done(f"Renamed thread {thread} to {name!r}"))


@app.command("delete")
def delete(
    ctx: typer.Context,
    workspace: WorkspaceArg,
    thread: ThreadArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a thread and its messages."""
    state = state_of(ctx)
    confirm_or_abort(state, f"Delete thread {thread!r} of {workspace!r}?", yes)
    result = state.client.workspace_thread.delete_thread(workspace, thread)
    state.out.result(result, lambda: state.out.done(f"Deleted thread {thread}"))


@app.command("history")
def history(ctx: typer.Context, workspace: WorkspaceArg, thread: ThreadArg) -> None:
    """Show the messages of a thread."""
    state = state_of(ctx)
    messages = state.client.workspace_thread.get_thread_messages(workspace, thread)

    def render() -> None:
        out = state.out
        if not messages:
            out.line("No messages in this thread.", style="dim")
        for message in messages:
            role = str(message.get("role") or "assistant")
            style = "bold cyan" if role == "user" else "bold green"
            out.console.print(Text(f"{role}:", style=style), soft_wrap=True)
            out.line(reply_text(message))
            if role != "user":
                show_sources(out, message.get("sources") or [])
            out.line()

    state.out.result(messages, render)
