"""Archive by age: export the chats older than N days to a JSONL file, verify it, then (only then) delete them.

What is archived
----------------
The server deletes chats in two ways only, so those are the units of an archive:

- a **thread** (``DELETE /v1/workspace/{slug}/thread/{thread}`` deletes it with its chats);
- a workspace's **default history** (the chats outside threads and API sessions), which the server
  cannot delete but can *reset* (``POST /v1/workspace/{slug}/chat {"reset": true}``): the chats stay in
  its database and its chat export, but leave the history and the model's context.

A unit goes when its newest message is older than the cutoff (``now - older_than_days``); a unit with a
newer message stays whole. A reset covers the whole workspace, threads included (checked on a live
v1.16.0 server: after a workspace reset its threads' histories read empty), so a default history is
only archived when every thread of the workspace that has messages goes too. Empty threads stay.

How
---
1. ``GET /v1/workspaces``, then each unit's history (``GET .../chats``, ``GET .../thread/{t}/chats``),
   ``concurrency`` at a time. With ``dry_run`` (the default) the report lists what would go; nothing is
   written and nothing deleted.
2. ``GET /v1/system/export-chats?type=json``: the server's own export, joined to the history entries by
   chat id (it adds the user name, the rating and the exact time).
3. The file is written next to ``out`` and moved into place (an existing ``out`` is never overwritten),
   then **read back and compared** with what was meant to be written (:func:`read_archive`). Any
   difference raises :class:`ArchiveVerificationError` and nothing is deleted.
4. With ``delete=True``: each unit's history is read again; a unit that changed since it was exported is
   kept (``failed``). Then the threads are deleted, then the default histories reset (a workspace's only
   if all its archived threads are gone). ``delete_thread`` checks the thread in ``GET /v1/workspaces``
   first (the server answers OK for a thread it does not have), so each thread costs a read, a listing
   and its delete. A thread or workspace found gone at any of these steps (NotFoundError: deleted
   meanwhile) is archived and off the server: ``deleted`` or ``cleared``, with a note, not a failure.

The file: a header line ``{"type": "anythingllm-archive", "version": 1, ...}`` with the counts, then one
line per unit (``{"type": "thread" | "workspace", "workspace": {...}, "thread": {...} | null,
"lastMessageAt": ..., "messages": [...], "chats": [...]}``). :func:`read_archive` reads it back.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from .._validate import check_number, require_bool
from ..errors import NotFoundError
from ..types import ChatMessage
from ._flow import Batch, Flow, Outcome, ask, check_limit, local
from ._report import Report, fields_of
from .errors import ArchiveVerificationError

FORMAT = "anythingllm-archive"
VERSION = 1
HISTORY_LIMIT = 100_000
"""Exchanges read from a workspace's history at most; a history that long is never archived (it may hold more)."""

UnitStatus = Literal["selected", "exported", "deleted", "cleared", "kept", "failed"]


@dataclass
class ArchiveUnit:
    """A thread, or a workspace's default history (``thread`` is ``None``), and what happened to it.

    ``selected``: older than the cutoff (what a dry run reports); ``exported``: written to the file;
    ``deleted`` (threads) / ``cleared`` (default histories): exported, then removed from the server (or
    found already gone, as ``note`` says);
    ``kept``: not archived (``note`` says why); ``failed``: exported but not removed (``error``/``note``).
    """

    workspace: str
    workspace_name: str
    thread: str | None
    thread_name: str | None
    messages: list[ChatMessage] = field(default_factory=list)
    status: UnitStatus = "kept"
    note: str | None = None
    error: Exception | None = None

    @property
    def kind(self) -> str:
        """``"thread"`` or ``"workspace"`` (the default history)."""
        return "workspace" if self.thread is None else "thread"

    @property
    def last_sent(self) -> int | None:
        """When its newest message was sent (unix seconds), ``None`` when it has none."""
        times = [m["sentAt"] for m in self.messages if isinstance(m.get("sentAt"), int)]
        return max(times) if times else None

    @property
    def chat_ids(self) -> list[int]:
        """The ids of its chats (an exchange of a question and its answer), in order."""
        return list(dict.fromkeys(m["chatId"] for m in self.messages if isinstance(m.get("chatId"), int)))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the report's view, with counts instead of the messages (the file holds those)."""
        return fields_of(
            self,
            skip=("messages",),
            kind=self.kind,
            chats=len(self.chat_ids),
            messages=len(self.messages),
            lastMessageAt=_iso(self.last_sent),
        )


@dataclass
class ArchiveReport(Report):
    """The run: every non-empty unit read, the cutoff, the file and whether it was verified."""

    ITEMS = "units"

    out: str
    cutoff: datetime
    dry_run: bool
    delete: bool
    units: list[ArchiveUnit] = field(default_factory=list)
    verified: bool = False
    sha256: str | None = None

    @property
    def archived(self) -> list[ArchiveUnit]:
        """The units that are (or, in a dry run, would be) in the file."""
        return [u for u in self.units if u.status != "kept"]


@dataclass(frozen=True)
class Archive:
    """An archive file read back: its header and one record per unit."""

    header: dict[str, Any]
    units: list[dict[str, Any]]


def _iso(seconds: int | None) -> str | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC).isoformat()


def read_archive(path: str | os.PathLike[str]) -> Archive:
    """Read an archive file; ValueError when it is not one, is cut short or its counts do not add up."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")  # not splitlines(): chats may hold U+2028
    records = [json.loads(line) for line in lines if line.strip()]
    if not records or not isinstance(records[0], dict) or records[0].get("type") != FORMAT:
        raise ValueError(f"{os.fspath(path)!r} is not an {FORMAT} file")
    header, units = records[0], records[1:]
    if header.get("version") != VERSION:
        raise ValueError(f"{os.fspath(path)!r}: unknown archive version {header.get('version')!r}")
    messages = sum(len(u.get("messages") or []) for u in units)
    if header.get("units") != len(units) or header.get("messages") != messages:
        raise ValueError(
            f"{os.fspath(path)!r} is incomplete: its header announces {header.get('units')} units and "
            f"{header.get('messages')} messages, the file holds {len(units)} and {messages}"
        )
    return Archive(header, units)


def _write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, which must not exist yet: a side file, flushed to disk, then linked in."""
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    try:
        try:
            os.link(partial, path)  # fails if path exists: an earlier archive is never overwritten
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            if path.exists():
                raise FileExistsError(f"{str(path)!r} exists") from None
            os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_and_verify(path: Path, records: list[dict[str, Any]]) -> str:
    """Write the archive and read it back; its SHA-256, or ArchiveVerificationError (nothing deleted)."""
    data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode()
    _write_new(path, data)
    try:
        back = read_archive(path)
        raw = path.read_bytes()
    except (OSError, ValueError) as exc:
        raise ArchiveVerificationError(f"the archive {str(path)!r} does not read back: {exc}") from exc
    if raw != data or [back.header, *back.units] != json.loads(json.dumps(records)):
        raise ArchiveVerificationError(f"the archive {str(path)!r} does not read back as written")
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class ArchiveInput:
    """A checked archive request."""

    cutoff: datetime
    days: float
    workspaces: tuple[str, ...] | None
    out: Path
    delete: bool
    dry_run: bool
    concurrency: int

    @classmethod
    def of(
        cls,
        older_than_days: object,
        workspaces: object,
        out: object,
        delete: object,
        dry_run: object,
        concurrency: object,
        now: object,
    ) -> ArchiveInput:
        """Check everything before any request; an existing ``out`` is refused unless this is a dry run."""
        days = float(check_number("older_than_days", older_than_days))
        if now is None:
            moment = datetime.now(UTC)
        elif isinstance(now, datetime):
            moment = now if now.tzinfo else now.replace(tzinfo=UTC)
        else:
            raise TypeError(f"now must be a datetime, got {type(now).__name__}")
        patterns: tuple[str, ...] | None = None
        if workspaces is not None:
            listed = [workspaces] if isinstance(workspaces, str) else workspaces
            if not isinstance(listed, Sequence) or not all(isinstance(p, str) and p for p in listed):
                raise TypeError("workspaces must be a slug pattern or a list of them")
            patterns = tuple(listed)
        if not isinstance(out, (str, os.PathLike)):
            raise TypeError(f"out must be a file path, got {type(out).__name__}")
        job = cls(
            moment - timedelta(days=days),
            days,
            patterns,
            Path(out),
            require_bool("delete", delete),
            require_bool("dry_run", dry_run),
            check_limit("concurrency", concurrency),
        )
        if not job.dry_run:
            if job.out.exists():
                raise FileExistsError(f"{str(job.out)!r} exists: an archive is never overwritten; choose a new name")
            if not job.out.parent.is_dir():
                raise FileNotFoundError(f"no folder {str(job.out.parent)!r} to write the archive in")
        return job

    def wants(self, workspace: Mapping[str, Any]) -> bool:
        """Whether the workspace (slug or name) matches the patterns (all do without patterns)."""
        if self.workspaces is None:
            return True
        names = [str(workspace.get("slug") or ""), str(workspace.get("name") or "")]
        return any(fnmatch.fnmatchcase(n.lower(), p.lower()) for p in self.workspaces for n in names)


def _reads(client: Any, units: list[ArchiveUnit], limit: int) -> Batch:
    def read(unit: ArchiveUnit) -> Any:
        if unit.thread is None:
            return ask(client.chat.get_history, unit.workspace, limit=HISTORY_LIMIT)
        return ask(client.workspace_thread.get_thread_messages, unit.workspace, unit.thread)

    return Batch([read(u) for u in units], limit)


def _select(units: list[ArchiveUnit], failed_reads: set[str], cutoff: float) -> None:
    """Mark the units older than ``cutoff`` ``selected``, a default history only with all its threads."""
    for unit in units:
        last = unit.last_sent
        if unit.status == "failed":
            continue
        if unit.thread is None and len(unit.chat_ids) >= HISTORY_LIMIT:
            unit.note = f"more than {HISTORY_LIMIT} chats: not archived"
        elif last is not None and last < cutoff:
            unit.status = "selected"
        else:
            unit.note = "has messages newer than the cutoff"
    for unit in units:
        if unit.thread is not None or unit.status != "selected":
            continue
        threads = [u for u in units if u.workspace == unit.workspace and u.thread is not None]
        if unit.workspace in failed_reads or any(t.status != "selected" for t in threads):
            unit.status = "kept"
            unit.note = "a thread of this workspace stays (or could not be read), and a reset would hide its chats"


def _record(unit: ArchiveUnit, ids: Mapping[str, Any], exported: Mapping[int, Any]) -> dict[str, Any]:
    return {
        "type": unit.kind,
        "workspace": {"slug": unit.workspace, "name": unit.workspace_name, "id": ids.get(unit.workspace)},
        "thread": None if unit.thread is None else {"slug": unit.thread, "name": unit.thread_name},
        "lastMessageAt": _iso(unit.last_sent),
        "messages": unit.messages,
        "chats": [exported[i] for i in unit.chat_ids if i in exported],
    }


def archive_flow(client: Any, job: ArchiveInput) -> Flow[ArchiveReport]:
    """Run one archive (see the module docstring)."""
    report = ArchiveReport(str(job.out), job.cutoff, job.dry_run, job.delete)
    listing: list[dict[str, Any]] = yield ask(client.workspaces.list)
    ids = {str(w.get("slug")): w.get("id") for w in listing}
    units: list[ArchiveUnit] = []
    for workspace in (w for w in listing if job.wants(w)):
        slug, name = str(workspace.get("slug")), str(workspace.get("name") or "")
        units.append(ArchiveUnit(slug, name, None, None))
        units += [ArchiveUnit(slug, name, str(t["slug"]), t.get("name")) for t in workspace.get("threads") or []]
    read: list[Outcome] = yield _reads(client, units, job.concurrency)
    failed_reads: set[str] = set()
    for unit, outcome in zip(units, read, strict=True):
        if outcome.error is not None:
            unit.status, unit.error, unit.note = "failed", outcome.error, "its history could not be read"
            failed_reads.add(unit.workspace)
        else:
            unit.messages = list(outcome.value)
    report.units = [u for u in units if u.messages or u.status == "failed"]
    _select(report.units, failed_reads, job.cutoff.timestamp())
    chosen = [u for u in report.units if u.status == "selected"]
    if job.dry_run or not chosen:
        return report

    export_text: str = yield ask(client.system.export_chats, "json")
    exported = {row["id"]: row for row in json.loads(export_text or "[]") if isinstance(row, dict) and "id" in row}
    records = [_record(u, ids, exported) for u in chosen]
    header = {
        "type": FORMAT,
        "version": VERSION,
        "createdAt": datetime.now(UTC).isoformat(),
        "cutoff": job.cutoff.isoformat(),
        "olderThanDays": job.days,
        "units": len(records),
        "messages": sum(len(r["messages"]) for r in records),
    }
    report.sha256 = yield local(write_and_verify, job.out, [header, *records])
    report.verified = True
    for unit in chosen:
        unit.status = "exported"
    if job.delete:
        yield from _delete(client, report, chosen, job.concurrency)
    return report


GONE = "already gone from the server (deleted meanwhile); its chats are in the archive"


def _done(unit: ArchiveUnit, outcome: Outcome) -> None:
    """Settle a unit by the outcome of its delete (or reset): NotFoundError means it was already gone."""
    if outcome.error is None or isinstance(outcome.error, NotFoundError):
        unit.status = "cleared" if unit.thread is None else "deleted"
        unit.error, unit.note = None, None if outcome.error is None else GONE
    else:
        unit.status, unit.error = "failed", outcome.error


def _delete(client: Any, report: ArchiveReport, chosen: list[ArchiveUnit], limit: int) -> Flow[None]:
    """Remove what was exported: threads first, then default histories, each unit only if unchanged.

    A unit whose thread or workspace is gone by then (NotFoundError on reading it again, deleting or
    resetting it) was deleted meanwhile: it is archived and off the server, so it counts as done.
    """
    again: list[Outcome] = yield _reads(client, chosen, limit)
    current: list[ArchiveUnit] = []
    for unit, outcome in zip(chosen, again, strict=True):
        if isinstance(outcome.error, NotFoundError):
            _done(unit, outcome)
        elif outcome.error is not None or [m.get("chatId") for m in outcome.value] != [
            m.get("chatId") for m in unit.messages
        ]:
            unit.status, unit.error = "failed", outcome.error
            unit.note = "changed since it was exported (or could not be read again): kept on the server"
        else:
            current.append(unit)
    threads = [u for u in current if u.thread is not None]
    gone: list[Outcome] = yield Batch(
        [ask(client.workspace_thread.delete_thread, u.workspace, u.thread) for u in threads], limit
    )
    for unit, outcome in zip(threads, gone, strict=True):
        _done(unit, outcome)
    defaults = [
        u
        for u in current
        if u.thread is None
        and all(t.status == "deleted" for t in chosen if t.workspace == u.workspace and t.thread is not None)
    ]
    for unit in (u for u in current if u.thread is None and u not in defaults):
        unit.status, unit.note = "failed", "a thread of this workspace could not be deleted, so its history stays"
    reset: list[Outcome] = yield Batch([ask(client.chat.clear_history, u.workspace) for u in defaults], limit)
    for unit, outcome in zip(defaults, reset, strict=True):
        _done(unit, outcome)
