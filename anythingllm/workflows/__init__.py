"""Workflows built on the friendly layer: compare, conversations by title, folder sync, archive, bulk access.

``client.workflows`` (or ``Workflows(client)``) offers them on the sync and the async client alike:
each is written once as a flow of friendly calls (:mod:`._flow`) that one of two drivers runs, with
threads on the sync client and tasks on the async one where calls go out together.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, overload

from .._resource import Async, M, Sync
from ..resources._chat_plans import ChatMode
from ._flow import Driven, Flow, workflow
from .access import AccessInput, AccessReport, WorkspaceAccess, access_flow
from .archive import Archive, ArchiveInput, ArchiveReport, ArchiveUnit, archive_flow, read_archive
from .compare import CompareInput, CompareResult, WorkspaceDone, compare_flow, stream_async, stream_sync
from .conversation import Conversation, ConversationReply, open_flow
from .errors import AmbiguousThreadError, ArchiveVerificationError, UnknownUsersError, WorkflowError
from .suggest import followups_flow
from .sync import FileSync, SyncInput, SyncReport, sync_flow

if TYPE_CHECKING:
    from .._client import _ClientCore

__all__ = [
    "AccessReport",
    "AmbiguousThreadError",
    "Archive",
    "ArchiveReport",
    "ArchiveUnit",
    "ArchiveVerificationError",
    "CompareResult",
    "Conversation",
    "ConversationReply",
    "FileSync",
    "SyncReport",
    "UnknownUsersError",
    "WorkflowError",
    "Workflows",
    "WorkspaceAccess",
    "WorkspaceDone",
    "read_archive",
]


class Workflows(Driven[M]):
    """The workflows of one client (``client.workflows``): every method works on both clients.

    On :class:`~anythingllm.AnythingLLMClient` a method returns its result; on
    :class:`~anythingllm.AsyncAnythingLLMClient` an awaitable of it (``compare_stream`` an async iterator).
    """

    def __init__(self, client: _ClientCore[M]) -> None:
        super().__init__(client)  # the client this object calls: client.workflows is Workflows(client)

    def __repr__(self) -> str:
        return f"<Workflows {'async' if self._is_async else 'sync'}>"

    @workflow
    def compare(
        self, message: str, workspaces: list[str], mode: ChatMode | None = None, concurrency: int = 4
    ) -> Flow[list[CompareResult]]:
        """Send ``message`` to every workspace at once (``concurrency`` at a time); one result each.

        Each :class:`CompareResult` has the ``answer``, ``sources``, ``metrics`` (tokens, duration, model,
        provider), ``seconds`` and ``error``; one workspace failing never stops the others.
        """
        return (yield from compare_flow(self._client, CompareInput.of(message, workspaces, mode, concurrency)))

    @overload
    def compare_stream(
        self: Workflows[Sync], message: str, workspaces: list[str], mode: ChatMode | None = None, concurrency: int = 4
    ) -> Iterator[tuple[str, Any]]: ...
    @overload
    def compare_stream(
        self: Workflows[Async], message: str, workspaces: list[str], mode: ChatMode | None = None, concurrency: int = 4
    ) -> AsyncIterator[tuple[str, Any]]: ...
    def compare_stream(
        self, message: str, workspaces: list[str], mode: ChatMode | None = None, concurrency: int = 4
    ) -> Iterator[tuple[str, Any]] | AsyncIterator[tuple[str, Any]]:
        """The streamed :meth:`compare`: ``(workspace, event)`` pairs as they arrive, from every workspace.

        Events are the chat stream's (``TextChunk``, ``FinalResponse``...); each workspace ends with one
        :class:`WorkspaceDone` holding its :class:`CompareResult` (its error, if it failed). Iterate it
        with ``for`` (sync client) or ``async for`` (async client); leaving early closes every stream.
        """
        request = CompareInput.of(message, workspaces, mode, concurrency)
        return stream_async(self._client, request) if self._is_async else stream_sync(self._client, request)

    @workflow
    def conversation(
        self, workspace: str, title: str | None = None, *, thread: str | None = None, auto_title: bool = False
    ) -> Flow[Conversation[M]]:
        """The thread named ``title`` in ``workspace`` as a :class:`Conversation`, created if there is none.

        Several threads of that name raise :class:`AmbiguousThreadError` (listing their slugs);
        ``thread=<slug>`` picks one by slug. ``auto_title=True`` renames a thread this call creates
        after its first exchange (one extra completion call); without ``title`` it always starts a new
        thread (named ``"New conversation"`` until then).
        """
        return (yield from open_flow(self._client, workspace, title, thread, auto_title))

    @workflow
    def suggest_followups(
        self, workspace: str, answer: str, n: int = 3, *, question: str | None = None
    ) -> Flow[list[str]]:
        """Up to ``n`` follow-up questions about ``answer``, asked of the workspace (OpenAI-compatible endpoint).

        One ``POST /v1/openai/chat/completions`` (the server stores it in the workspace's history). A
        reply without usable questions (one that only echoes the request, say) gives ``[]``.
        """
        return (yield from followups_flow(self._client, workspace, answer, n, question))

    @workflow
    def sync_folder(
        self,
        path: str | os.PathLike[str],
        workspace: str,
        folder: str | None = None,
        delete: bool = False,
        dry_run: bool = False,
        *,
        concurrency: int = 4,
        on_file: Callable[[FileSync], None] | None = None,
        on_plan: Callable[[SyncReport], None] | None = None,
    ) -> Flow[SyncReport]:
        """Make ``workspace``'s documents match the files under ``path``; a :class:`SyncReport` per file.

        New files are uploaded, changed ones (by SHA-256, kept in each document's ``docSource``)
        re-uploaded and their old version deleted; ``delete=True`` also removes the documents of files
        that are gone. ``folder`` is the server folder to store them in. ``dry_run=True`` only reports.
        ``concurrency`` files are uploaded at once; old documents are deleted 25 per call, one call at a
        time (the server deletes them one by one anyway). A second run without changes uploads nothing.
        ``on_plan`` hears of the planned report before anything is sent, ``on_file`` of each file as it
        is done (for progress bars).
        """
        job = SyncInput.of(path, workspace, folder, delete, dry_run, concurrency)
        return (yield from sync_flow(self._client, job, on_file, on_plan))

    @workflow
    def archive(
        self,
        older_than_days: float = 30,
        workspaces: str | list[str] | None = None,
        out: str | os.PathLike[str] = "chats.jsonl",
        delete: bool = False,
        dry_run: bool = True,
        *,
        concurrency: int = 4,
        now: datetime | None = None,
    ) -> Flow[ArchiveReport]:
        """Export threads and default chat histories whose newest message is older than ``older_than_days``.

        ``dry_run=True`` (the default) only reports what would go. Otherwise the chats are written to
        ``out`` (JSONL; never overwritten) and read back; only then, with ``delete=True``, are the
        threads deleted and the default histories reset. ``workspaces``: slug or name patterns
        (``"team-*"``); ``now``: the moment ages are counted from (default: now).
        """
        job = ArchiveInput.of(older_than_days, workspaces, out, delete, dry_run, concurrency, now)
        return (yield from archive_flow(self._client, job))

    @workflow
    def grant(
        self, users: list[str | int], workspaces: str, *, dry_run: bool = False, concurrency: int = 4
    ) -> Flow[AccessReport]:
        """Make ``users`` (names or ids) members of every workspace whose slug or name matches ``workspaces``.

        Multi-user mode only. Reports per workspace who was added and who already was a member.
        """
        return (yield from access_flow(self._client, AccessInput.of("grant", users, workspaces, dry_run, concurrency)))

    @workflow
    def revoke(
        self, users: list[str | int], workspaces: str, *, dry_run: bool = False, concurrency: int = 4
    ) -> Flow[AccessReport]:
        """Remove ``users`` (names or ids) from every workspace whose slug or name matches ``workspaces``."""
        return (yield from access_flow(self._client, AccessInput.of("revoke", users, workspaces, dry_run, concurrency)))
