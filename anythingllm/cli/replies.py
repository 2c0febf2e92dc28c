"""Sending one chat message and showing the reply: streamed token by token, then its sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.text import Text

from ..resources._chat_plans import ChatMode
from .output import Output, one_line
from .state import State


@dataclass(frozen=True)
class ChatRequest:
    """How to send each message of a chat (the same for every turn of the interactive chat)."""

    thread: str | None = None
    mode: ChatMode | None = None
    session_id: str | None = None
    attachments: list[Path] = field(default_factory=list)
    stream: bool = True


def reply_text(message: Mapping[str, Any]) -> str:
    """The answer's text from a chat message (``content``, else ``textResponse``)."""
    text = message.get("content")
    if text is None:
        text = message.get("textResponse")
    return "" if text is None else str(text)


def show_sources(out: Output, sources: Sequence[Mapping[str, Any]]) -> None:
    """List the documents an answer drew on, with their scores when the server gave one."""
    if not sources:
        return
    out.console.print(Text("Sources:", style="bold"), soft_wrap=True)
    for number, source in enumerate(sources, start=1):
        title = one_line(str(source.get("title") or source.get("url") or source.get("id") or "untitled"), 80)
        line = Text(f"  [{number}] {title}")
        score = source.get("score")
        if isinstance(score, (int, float)):
            line.append(f"  (score {score:.2f})", style="dim")
        out.console.print(line, soft_wrap=True)


def send(state: State, workspace: str, message: str, request: ChatRequest) -> None:
    """Send ``message`` and show the reply: streamed as it arrives (unless ``--no-stream``), then sources.

    In ``--json`` mode the whole reply is printed as one JSON document at the end. Ctrl-C while the
    answer streams closes the stream and raises :class:`KeyboardInterrupt` to the caller.
    """
    chat = state.client.chat
    attachments = [str(path) for path in request.attachments] or None
    out = state.out
    if not request.stream:
        reply = chat.send_message(
            workspace,
            message,
            request.thread,
            mode=request.mode,
            session_id=request.session_id,
            attachments=attachments,
        )
        out.result(reply, lambda: _show_whole(out, reply))
        return
    opened = chat.stream_message(
        workspace, message, request.thread, mode=request.mode, session_id=request.session_id, attachments=attachments
    )
    with opened as stream:
        if out.json_mode:
            out.json(stream.get_final_message())
            return
        ended_with_newline = True
        try:
            for delta in stream.text_stream:
                out.write(delta)
                ended_with_newline = delta.endswith("\n")
            final = stream.get_final_message()
        except BaseException:  # Ctrl-C or a failed stream: what follows (the error) starts on its own line
            if not ended_with_newline:
                out.write("\n")
            raise
        if not ended_with_newline:
            out.write("\n")
    show_sources(out, final.get("sources") or [])


def _show_whole(out: Output, reply: Mapping[str, Any]) -> None:
    out.write(reply_text(reply).rstrip("\n") + "\n")
    show_sources(out, reply.get("sources") or [])
