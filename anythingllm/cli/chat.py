"""``anythingllm chat WORKSPACE [MESSAGE]``: one message (or piped text), or an interactive chat."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import typer

from . import repl
from .errors import UsageProblem
from .inputs import read_piped_stdin, stdin_is_terminal
from .replies import ChatRequest, send
from .state import state_of


class ChatMode(str, Enum):
    """The server's chat modes."""

    automatic = "automatic"
    chat = "chat"
    query = "query"


MODES: dict[ChatMode, Literal["automatic", "chat", "query"]] = {
    ChatMode.automatic: "automatic",
    ChatMode.chat: "chat",
    ChatMode.query: "query",
}


def compose(piped: str | None, message: str | None) -> str | None:
    """The message to send: piped text, then the MESSAGE argument (``cat notes.md | ... "summarize"``)."""
    parts = [part.strip("\n") for part in (piped, message) if part is not None and part.strip()]
    return "\n\n".join(parts) if parts else None


def chat(
    ctx: typer.Context,
    workspace: Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug (see `workspaces list`).")],
    message: Annotated[
        str | None,
        typer.Argument(metavar="MESSAGE", help="What to say (piped stdin is sent before it)."),
    ] = None,
    thread: Annotated[str | None, typer.Option("--thread", "-t", help="Chat in this thread (its slug).")] = None,
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
    """
    state = state_of(ctx)
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
