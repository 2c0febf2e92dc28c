"""Conversations by title: a workspace thread found (or created) by its name, resumable from any process.

``client.workflows.conversation("my-ws", "Q3 planning")`` reads the workspace's threads
(``GET /v1/workspaces``) and picks the one named exactly ``"Q3 planning"``; when there is none it creates
it (``POST .../thread/new``); when several share the name it raises :class:`AmbiguousThreadError`
listing their slugs. The thread lives on the server, so a later process asking for the same title
continues it. ``thread="<slug>"`` picks a thread by slug instead.

With ``auto_title=True`` a thread this call creates is renamed after its first exchange: one extra
``POST /v1/openai/chat/completions`` asks the workspace for a short title (see :mod:`.suggest`), then
``POST .../thread/{slug}/update`` renames it. Without ``title`` it starts a new thread every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._resource import M
from .._validate import require_slug, require_text
from ..errors import ApiError
from ..resources._chat_plans import AttachmentSource, ChatMode
from ..types import ChatMessage, ChatThread
from ._flow import Ask, Driven, Flow, ask, chat_stream_workflow, workflow
from .errors import AmbiguousThreadError
from .suggest import followups_flow, title_flow

PLACEHOLDER_TITLE = "New conversation"
"""The name a thread started with ``auto_title`` and no title has until its first exchange."""


class ConversationReply(ChatMessage, total=False):
    """The answer of :meth:`Conversation.send`: a :class:`~anythingllm.types.ChatMessage`, plus the
    follow-up questions when they were asked for (``followups``; ``followupsError`` says why there are
    none when that request failed)."""

    followups: list[str]
    followupsError: str


class Conversation(Driven[M]):
    """One workspace thread as a conversation: :meth:`send`, :meth:`stream`, :meth:`history`.

    ``workspace`` and ``slug`` address it; ``title`` is its current name; ``created`` says whether this
    process created it; ``titled_by`` is ``"model"`` or ``"fallback"`` once an automatic title was set.
    """

    def __init__(self, client: Any, workspace: str, thread: ChatThread, *, created: bool, auto_title: bool) -> None:
        super().__init__(client)
        self.workspace = workspace
        self.slug = str(thread["slug"])
        self.title = str(thread.get("name") or "")
        self.created = created
        self.titled_by: str | None = None
        self._title_pending = created and auto_title

    def __repr__(self) -> str:
        return f"<Conversation {self.workspace}/{self.slug} {self.title!r}>"

    def _say(self, how: str, message: str, mode: ChatMode | None, attachments: Any) -> Ask:
        """The thread's ``send_message`` or ``stream_message`` call for ``message``."""
        method = getattr(self._client.workspace_thread, how)
        return ask(method, self.workspace, self.slug, message, mode=mode, attachments=attachments)

    def _retitle(self, message: str, answer: str | None) -> Flow[None]:
        title, by_model = yield from title_flow(self._client, self.workspace, message, answer)
        self._title_pending = False
        renamed: ChatThread = yield ask(self._client.workspace_thread.update_thread, self.workspace, self.slug, title)
        self.title = str(renamed.get("name") or title)
        self.titled_by = "model" if by_model else "fallback"

    @workflow
    def send(
        self,
        message: str,
        *,
        mode: ChatMode | None = None,
        attachments: Sequence[AttachmentSource] | None = None,
        followups: int = 0,
    ) -> Flow[ConversationReply]:
        """Send ``message`` in the thread and return the whole answer.

        ``followups=n`` also asks the workspace for ``n`` follow-up questions (one more call, see
        :meth:`Workflows.suggest_followups`); they are in the answer's ``followups``. A failure of that
        extra call keeps the answer (``followups`` is then ``[]`` and ``followupsError`` says why).
        """
        if not isinstance(followups, int) or isinstance(followups, bool) or not 0 <= followups <= 10:
            raise ValueError(f"followups must be an int from 0 to 10, got {followups!r}")
        reply: ConversationReply = yield self._say("send_message", message, mode, attachments)
        answer = reply.get("content") or ""
        if self._title_pending:
            yield from self._retitle(message, answer)
        if followups:
            try:
                reply["followups"] = yield from followups_flow(self._client, self.workspace, answer, followups, message)
            except (ApiError, ValueError) as exc:  # the answer is kept; the reason is reported with it
                reply["followups"], reply["followupsError"] = [], str(exc)
        return reply

    @chat_stream_workflow
    def stream(
        self,
        message: str,
        *,
        mode: ChatMode | None = None,
        attachments: Sequence[AttachmentSource] | None = None,
    ) -> Flow[Any]:
        """Send ``message`` and return the answer as it streams (a ``ChatStream``; ``AsyncChatStream`` awaited).

        With ``auto_title`` on a new thread the title is asked first, from the message alone (the
        answer is not known before it streams).
        """
        if self._title_pending:
            require_text("message", message)
            yield from self._retitle(message, None)
        return (yield self._say("stream_message", message, mode, attachments))

    @workflow
    def history(self) -> Flow[list[ChatMessage]]:
        """Every message of the thread since its last reset, oldest first."""
        messages: list[ChatMessage] = yield ask(
            self._client.workspace_thread.get_thread_messages, self.workspace, self.slug
        )
        return messages


def open_flow(
    client: Any, workspace: str, title: str | None, thread: str | None, auto_title: bool
) -> Flow[Conversation[Any]]:
    """Find the thread (by slug, or by exact title), or create it; the :class:`Conversation` over it."""
    slug = require_slug("workspace", workspace)
    if not isinstance(auto_title, bool):
        raise TypeError(f"auto_title must be a bool, got {type(auto_title).__name__}")
    if thread is not None:
        if title is not None:
            raise ValueError("give a title or a thread slug, not both")
        found: ChatThread = yield ask(client.workspace_thread.get_thread, slug, require_slug("thread", thread))
        return Conversation(client, slug, found, created=False, auto_title=False)
    if title is None:
        if not auto_title:
            raise ValueError("a conversation needs a title (or thread=<slug>, or auto_title=True for a new one)")
        created: ChatThread = yield ask(client.workspace_thread.create_thread, slug, PLACEHOLDER_TITLE)
        return Conversation(client, slug, created, created=True, auto_title=True)
    name = require_text("title", title)
    threads: list[ChatThread] = yield ask(client.workspace_thread.list_threads, slug)
    named = [t for t in threads if t.get("name") == name]
    if len(named) > 1:
        raise AmbiguousThreadError(slug, name, [{"slug": t.get("slug"), "name": t.get("name")} for t in named])
    if named:
        return Conversation(client, slug, named[0], created=False, auto_title=False)
    made: ChatThread = yield ask(client.workspace_thread.create_thread, slug, name)
    return Conversation(client, slug, made, created=True, auto_title=auto_title)
