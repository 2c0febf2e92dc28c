"""Threads of a workspace: list, read, create, rename, delete, chat and clear."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._plan import Plan
from .._resource import M, Resource, chat_stream_operation, operation
from ..types import ChatMessage, ChatThread, OperationResult
from . import _chat_plans as plans
from ._chat_plans import AttachmentSource, ChatMode, Target


class WorkspaceThreadModule(Resource[M]):
    """Threads of a workspace: list, read, create, rename, delete, chat and clear.

    A thread is addressed by its ``slug`` inside a workspace (also addressed by slug). The same
    operations are on ``client.chat`` with the thread as an optional parameter.
    """

    @operation
    def list_threads(self, workspace_id: str) -> Plan[list[ChatThread]]:
        """The workspace's threads (``slug``, ``name``, ``user_id``) from ``GET /v1/workspaces``.

        The server has no thread-list route: the listing carries no dates or message counts. Raises
        NotFoundError when the workspace does not exist.
        """
        return (yield from plans.list_threads(workspace_id))

    @operation
    def get_thread(self, workspace_id: str, thread_id: str) -> Plan[ChatThread]:
        """One thread (``slug``, ``name``, ``user_id``, ``workspaceId``); NotFoundError if it does not exist.

        The server has no route for one thread: this reads the workspace listing (``GET /v1/workspaces``).
        Its messages come from :meth:`get_thread_messages`.
        """
        return (yield from plans.get_thread(Target.thread_of(workspace_id, thread_id)))

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

    @operation
    def get_thread_messages(self, workspace_id: str, thread_id: str) -> Plan[list[ChatMessage]]:
        """Every message of the thread since its last reset, oldest first (``role``, ``content``, ...)."""
        return (yield from plans.history(Target.thread_of(workspace_id, thread_id)))

    @operation
    def send_message(
        self,
        workspace_id: str,
        thread_id: str,
        message: str,
        system_prompt: str | None = None,
        temperature: float | None = None,
        include_sources: bool | None = None,
        *,
        mode: ChatMode | None = None,
        user_id: int | None = None,
        attachments: Sequence[AttachmentSource] | None = None,
        reset: bool = False,
    ) -> Plan[ChatMessage]:
        """Send ``message`` in a thread (``POST .../thread/{thread}/chat``) and return the whole answer.

        ``mode`` (``chat``, ``query``, ``automatic``) defaults to the workspace's chat mode; ``user_id``
        records the chat for that user; ``attachments`` are file paths (images, or documents the server
        parses) or ``{name, mime, contentString}`` dicts; ``reset=True`` forgets the earlier history
        first. Sources always come back; ``include_sources=False`` removes them from the result.

        A thread chat has no per-message system prompt or temperature on the server, and the
        OpenAI-compatible endpoint that has them cannot write to a thread: ``system_prompt`` and
        ``temperature`` raise UnsupportedOperationError (use ``client.chat.send_message`` without a
        thread, or change the workspace's temperature with ``client.workspaces.update``).
        """
        chat = plans.chat_input(
            Target.thread_of(workspace_id, thread_id),
            message,
            system_prompt=system_prompt,
            temperature=temperature,
            include_sources=include_sources,
            mode=mode,
            user_id=user_id,
            attachments=attachments,
            reset=reset,
        )
        return (yield from plans.send(chat))

    @chat_stream_operation
    def stream_message(
        self,
        workspace_id: str,
        thread_id: str,
        message: str,
        system_prompt: str | None = None,
        temperature: float | None = None,
        include_sources: bool | None = None,
        *,
        mode: ChatMode | None = None,
        user_id: int | None = None,
        attachments: Sequence[AttachmentSource] | None = None,
        reset: bool = False,
    ) -> Plan[Any]:
        """Send ``message`` in a thread and return the answer as it is generated (``.../stream-chat``).

        Returns a :class:`~anythingllm.streaming.ChatStream` (the async client: an awaitable of an
        :class:`~anythingllm.streaming.AsyncChatStream`): iterate its typed events or ``text_stream``,
        or call ``get_final_message()``. An ``abort`` from the server raises ChatAbortedError while
        reading. Parameters as in :meth:`send_message`; ``include_sources=False`` is refused because the
        streamed events always carry sources.
        """
        chat = plans.chat_input(
            Target.thread_of(workspace_id, thread_id),
            message,
            system_prompt=system_prompt,
            temperature=temperature,
            include_sources=include_sources,
            mode=mode,
            user_id=user_id,
            attachments=attachments,
            reset=reset,
            streaming=True,
        )
        return (yield from plans.stream(chat))

    @operation
    def clear_thread_messages(self, workspace_id: str, thread_id: str) -> Plan[OperationResult]:
        """Reset the thread's history (chat ``{reset: true}``): the chats stay stored but leave the history
        and the model's context."""
        return (yield from plans.clear(Target.thread_of(workspace_id, thread_id)))
