"""``anythingllm chat WORKSPACE [MESSAGE]``: one message (or piped text), or an interactive chat."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import repl
from .errors import UsageProblem
from .inputs import MODES, ChatMode, compose, read_piped_stdin, stdin_is_terminal
from .replies import ChatRequest, send
from .state import State, state_of


def titled_thread(state: State, workspace: str, title: str, thread: str | None, session_id: str | None) -> str:
    """The slug of the workspace's thread named ``title``, created when there is none (conversation by title)."""
    from ..workflows import AmbiguousThreadError

    if thread is not None or session_id is not None:
        raise UsageProblem("--title picks the thread by its name: leave out --thread and --session-id")
    try:
        conversation = state.client.workflows.conversation(workspace, title)
    except AmbiguousThreadError as exc:
        raise UsageProblem(
            str(exc), "Rename one of them (`anythingllm threads rename`), or pass --thread SLUG."
        ) from None
    if conversation.created:
        state.out.note(f"Started thread {conversation.slug} ({title!r})")
    return conversation.slug


def chat(
    ctx: typer.Context,
    workspace: Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug (see `workspaces list`).")],
    message: Annotated[
        str | None,
        typer.Argument(metavar="MESSAGE", help="What to say (piped stdin is sent before it)."),
    ] = None,
    thread: Annotated[str | None, typer.Option("--thread", "-t", help="Chat in this thread (its slug).")] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Chat in the thread named TITLE (created if there is none).")
    ] = None,
    mode: Annotated[
        ChatMode | None, typer.Option("--mode", "-m", help="chat, query (documents only) or automatic (agent).")
    ] = None,
    session_id: Annotated[
        str | None, typer.Option("--session-id", help="Keep a separate history under this session id.")
    ] = None,
    attach: Annotated[
        list[Path] | None,
        typer.Option(
            "--attach",
            "-a",
            exists=True,
            dir_okay=False,
            readable=True,
            help=(
                "Attach a file (repeat for more). The server keeps a parsed copy of each attached document in its "
                "direct-uploads folder, which the API cannot remove; the server's own cleanup deletes such "
                "copies (every 12 hours). Do not attach what must not stay on the server."
            ),
        ),
    ] = None,
    no_stream: Annotated[bool, typer.Option("--no-stream", help="Wait for the whole answer instead.")] = False,
) -> None:
    """Chat with a workspace: the answer streams in as it is written, then its sources are listed.

    Piped text is sent before MESSAGE: cat notes.md | anythingllm chat my-ws "summarize"

    With neither, in a terminal, an interactive chat starts (history; Ctrl-C stops an answer, Ctrl-D leaves).

    --title "Q3 planning" continues the thread of that name (or starts it), in any later run too.
    """
    state = state_of(ctx)
    if title is not None:
        thread = titled_thread(state, workspace, title, thread, session_id)
    request = ChatRequest(
        thread=thread,
        mode=None if mode is None else MODES[mode],
        session_id=session_id,
        attachments=list(attach or []),
        stream=not no_stream,
    )
    text = compose(read_piped_stdin(), message)
    if text is not None:
        send(state, workspace, text, request)
        return
    if stdin_is_terminal() and not state.out.json_mode:
        repl.run(state, workspace, request)
        return
    raise UsageProblem(
        "nothing to send: the message is empty",
        "Give a MESSAGE, pipe text into the command, or run it in a terminal for the interactive chat.",
    )
