"""Chat with a workspace or one of its threads, streamed or not, and manage history and threads."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from .._plan import Plan
from .._resource import M, Resource, chat_stream_operation, operation
from ..types import ChatMessage, ChatThread, OperationResult
from . import _chat_plans as plans
from ._chat_plans import AttachmentSource, ChatMode, Target


class ChatModule(Resource[M]):
    """Chat with a workspace or one of its threads, streamed or not, and manage history and threads.

    Workspaces and threads are addressed by slug. ``client.workspace_thread`` offers the same thread
    operations with the thread as a required parameter.
    """

    @operation
    def send_message(
        self,
        workspace_id: str,
        message: str,
        thread_id: str | None = None,
        system_prompt: str | None = None,
        temperature: float | None = None,
        include_sources: bool | None = None,
        *,
        mode: ChatMode | None = None,
        session_id: str | None = None,
        user_id: int | None = None,
        attachments: Sequence[AttachmentSource] | None = None,
        reset: bool = False,
    ) -> Plan[ChatMessage]:
        """Send ``message`` and return the whole answer (``content``, ``sources``, ``metrics``...).

        Goes to ``POST /v1/workspace/{slug}/chat``, or with ``thread_id`` to that thread's ``/chat``.
        ``mode`` (``chat``, ``query``, ``automatic``) defaults to the workspace's chat mode;
        ``session_id`` (workspace chats) keeps the chat in its own history; ``user_id`` (thread chats)
        records it for that user; ``attachments`` are file paths (images, or documents the server
        parses) or ``{name, mime, contentString}`` dicts; ``reset=True`` forgets the earlier history
        first.

        The server has no per-message system prompt or temperature: with ``system_prompt`` or
        ``temperature`` the message goes to the OpenAI-compatible ``/v1/openai/chat/completions``
        (model = the workspace), whose system message replaces the workspace prompt for this answer
        and which uses ``temperature`` (without it the server passes none, so the model's default
        applies). That route answers from the workspace's documents in its chat mode, without the
        earlier chat history, returns no ``sources`` or ``chatId``, and stores the exchange in the
        workspace history. It cannot be combined with ``thread_id``, ``mode``, ``session_id``,
        ``reset`` or document attachments (UnsupportedOperationError). Sources always come back;
        ``include_sources=False`` removes them from the result.
        """
        chat = plans.chat_input(
            Target.of(workspace_id, thread_id),
            message,
            system_prompt=system_prompt,
            temperature=temperature,
            include_sources=include_sources,
            mode=mode,
            session_id=session_id,
            user_id=user_id,
            attachments=attachments,
            reset=reset,
        )
        return (yield from plans.send(chat))

    @chat_stream_operation
    def stream_message(
        self,
        workspace_id: str,
        message: str,
        thread_id: str | None = None,
        system_prompt: str | None = None,
        temperature: float | None = None,
        include_sources: bool | None = None,
        *,
        mode: ChatMode | None = None,
        session_id: str | None = None,
        user_id: int | None = None,
        attachments: Sequence[AttachmentSource] | None = None,
        reset: bool = False,
    ) -> Plan[Any]:
        """Send ``message`` and return the answer as it is generated, from ``/stream-chat``.

        Returns a :class:`~anythingllm.streaming.ChatStream` (the async client: an awaitable of an
        :class:`~anythingllm.streaming.AsyncChatStream`): iterate its typed events or ``text_stream``,
        call ``get_final_message()``, and use it as a context manager to close it early. An ``abort``
        from the server raises ChatAbortedError while reading. Parameters as in :meth:`send_message`;
        ``system_prompt``/``temperature`` have no streaming route here (use
        ``client.openai.create_chat_completion(..., stream=True)``), and the streamed events always
        carry sources, so ``include_sources=False`` is refused too.
        """
        chat = plans.chat_input(
            Target.of(workspace_id, thread_id),
            message,
            system_prompt=system_prompt,
            temperature=temperature,
            include_sources=include_sources,
            mode=mode,
            session_id=session_id,
            user_id=user_id,
            attachments=attachments,
            reset=reset,
            streaming=True,
        )
        return (yield from plans.stream(chat))

    @operation
    def get_history(
        self,
        workspace_id: str,
        thread_id: str | None = None,
        *,
        session_id: str | None = None,
        limit: int | None = None,
        order_by: str | None = None,
    ) -> Plan[builtins.list[ChatMessage]]:
        """The messages of a workspace, or of one of its threads, as ``role``/``content`` entries.

        A workspace's history leaves out thread chats, chats sent with a ``session_id`` (pass it to read
        them) and chats before a reset. ``limit`` counts exchanges (default 100 on the server),
        ``order_by`` is ``"asc"`` (default) or ``"desc"``; both are for workspace histories only.
        """
        target = Target.of(workspace_id, thread_id)
        return (yield from plans.history(target, session_id=session_id, limit=limit, order_by=order_by))

    @operation
    def clear_history(
        self, workspace_id: str, thread_id: str | None = None, *, session_id: str | None = None
    ) -> Plan[OperationResult]:
        """Reset the history of a workspace (or thread, or a workspace's ``session_id``): chat ``{reset: true}``.

        The server keeps the chats but excludes them from the history and from the model's context.
        Without ``session_id`` a workspace reset covers all of the workspace's API chats.
        """
        return (yield from plans.clear(Target.of(workspace_id, thread_id), session_id))

    @operation
    def list_threads(self, workspace_id: str) -> Plan[builtins.list[ChatThread]]:
        """The workspace's threads (``slug``, ``name``, ``user_id``) from ``GET /v1/workspaces``.

        The server has no thread-list route: the listing carries no dates or message counts. Raises
        NotFoundError when the workspace does not exist.
        """
        return (yield from plans.list_threads(workspace_id))

    @operation
    def create_thread(
        self,
        workspace_id: str,
        name: str,
        description: str | None = None,
        *,
        slug: str | None = None,
        user_id: int | None = None,
    ) -> Plan[ChatThread]:
        """Create a thread named ``name``; ``slug`` chooses its slug (else a UUID), ``user_id`` its owner.

        The server stores no description (UnsupportedOperationError) and keeps ``user_id`` only in
        multi-user mode.
        """
        return (yield from plans.create_thread(workspace_id, name, description, slug=slug, user_id=user_id))

    @operation
    def update_thread(
        self, workspace_id: str, thread_id: str, name: str | None = None, description: str | None = None
    ) -> Plan[ChatThread]:
        """Rename a thread (its name is all the server can change; there is no description)."""
        return (yield from plans.update_thread(Target.thread_of(workspace_id, thread_id), name, description))

    @operation
    def delete_thread(self, workspace_id: str, thread_id: str) -> Plan[OperationResult]:
        """Delete a thread and its chats; NotFoundError when the workspace or the thread does not exist.

        The server answers OK for a thread that does not exist too, so the workspace listing is read
        first (``GET /v1/workspaces``, one extra call)."""
        return (yield from plans.delete_thread(Target.thread_of(workspace_id, thread_id)))
