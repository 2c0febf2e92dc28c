"""Knowledge-base sync: make a workspace's documents match a local folder, incrementally.

Where the content hash lives
----------------------------
The server drops upload metadata keys it does not know: on v1.16.0 a ``metadata`` of
``{"title": ..., "docSource": ..., "contentHash": ..., "custom": ...}`` sent with ``POST
/v1/document/upload`` comes back from the upload, from ``GET /v1/document/{name}``, from ``GET
/v1/documents`` and in the workspace's documents (``GET /v1/workspace/{slug}``, each document's
``metadata`` JSON) with ``title`` and ``docSource`` intact and ``contentHash``/``custom`` gone (checked
on a live server; the collector's converters copy only ``title``, ``docAuthor``, ``description``,
``docSource`` and ``chunkSource``). ``chunkSource`` has a meaning to the server (``link://`` and
similar prefixes make a document watchable), ``docSource`` has none beyond being shown. So each file
is uploaded with ``title`` = its path relative to the folder and ``docSource`` = a marker

    anythingllm-sync:v1 sha256=<hex digest of the file> path=<relative path>

and the workspace's own document list is the manifest: no separate manifest document is needed, and
it can never disagree with what the workspace really holds. Documents without the marker are not the
sync's and are never touched.

What a run does
---------------
1. ``GET /v1/document/accepted-file-types`` and ``GET /v1/workspace/{slug}`` (what the workspace holds).
2. Local files are walked (hidden files and folders left out) and hashed; a file whose type the server
   does not accept is ``skipped`` (the rule of ``documents upload`` for files found in folders).
3. A file with no marked document is ``added``; one whose hash differs is ``updated``; the same hash is
   ``unchanged``. A marked document whose file is gone is ``removed`` with ``delete=True``, else left
   (``stale``). With ``dry_run=True`` the run stops here and reports what it would do.
4. Uploads (``POST /v1/document/upload[/{folder}]``, embedded into the workspace by ``addToWorkspaces``),
   ``concurrency`` at a time; into a workspace without documents they go one by one until one is in
   (concurrent first embeddings collide on the server's vector table). A failed file never stops the
   others.
5. ``GET /v1/workspace/{slug}`` again: a file counts as added or updated only if its new document is
   really embedded (the server does not report failed embeddings).
6. ``DELETE /v1/system/remove-documents`` for the files' old documents (the old version of an updated
   file, a removed file's, an upload that did not embed), whole files packed into batches of at most
   :data:`REMOVE_BATCH` documents, one batch after the other. The friendly ``remove_documents`` reads
   the document listing (``GET /v1/documents``) before each call, so a sync of 500 changed files sends
   20 deletions and 20 listings, not 500 of each. The server deletes one document after the other
   whatever the number of calls (it visits every workspace and the vector database for each), about
   0.7 s a document in a workspace of 500 on a live v1.16.0: concurrent calls only make each one
   slower (four batches of 25 at once ran past the 60 s read timeout there), one at a time each answers
   in 13 to 20 s, and progress and failures come per batch of files. A document found already gone
   (deleted meanwhile, or purged by the server after a failed embedding) is not a failure: its batch
   goes again without it (see :func:`_remove`). The sync owns the documents it uploaded, so these go for
   good (file, vectors and workspace links), not only out of this workspace.

A second run with no change sends only the two reads of step 1: zero uploads.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from .._validate import require_bool, require_slug
from ..errors import NotFoundError
from ..types import WorkspaceDocument
from ._flow import Batch, Flow, Outcome, ask, check_limit, local
from ._report import Entry, Report, fields_of

MARKER = "anythingllm-sync:v1"
_MARKED = re.compile(r"^anythingllm-sync:v1 sha256=(?P<sha>[0-9a-f]{64}) path=(?P<path>.+)$")
_CHUNK = 1 << 20
REMOVE_BATCH = 25
"""Old documents deleted per ``DELETE /v1/system/remove-documents`` at most (whole files; see step 6)."""

Status = Literal["added", "updated", "unchanged", "removed", "stale", "skipped", "failed"]


def marker(path: str, sha256: str) -> str:
    """The ``docSource`` text that ties a document to the file ``path`` with that content hash."""
    return f"{MARKER} sha256={sha256} path={path}"


def read_marker(value: object) -> tuple[str, str] | None:
    """``(path, sha256)`` from a document's ``docSource``, or ``None`` when it is not a sync marker."""
    found = _MARKED.match(value) if isinstance(value, str) else None
    return (found["path"], found["sha"]) if found else None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while piece := stream.read(_CHUNK):
            digest.update(piece)
    return digest.hexdigest()


@dataclass
class FileSync(Entry):
    """What happened to one file (``path`` is relative to the folder, with ``/``).

    ``documents`` are the storage locations of its documents in the workspace afterwards (what a dry run
    would leave unchanged, for one); ``replaced`` the old ones that were (or would be) deleted.
    """

    path: str
    status: Status
    size: int | None = None
    sha256: str | None = None
    documents: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    error: Exception | None = None
    note: str | None = None


@dataclass
class SyncReport(Report):
    """The whole run: one :class:`FileSync` per file, in path order. ``ok`` is false if any file failed."""

    ITEMS = "files"

    workspace: str
    folder: str | None
    root: str
    dry_run: bool
    delete: bool
    files: list[FileSync] = field(default_factory=list)

    def count(self, status: Status) -> int:
        """How many files ended with ``status``."""
        return sum(1 for f in self.files if f.status == status)

    @property
    def counts(self) -> dict[str, int]:
        """Files per status (every status, zeros included)."""
        statuses: tuple[Status, ...] = ("added", "updated", "unchanged", "removed", "stale", "skipped", "failed")
        return {status: self.count(status) for status in statuses}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the fields, ``ok`` and ``counts``."""
        return fields_of(self, ok=self.ok, counts=self.counts)


@dataclass(frozen=True)
class SyncInput:
    """A checked sync request."""

    root: Path
    workspace: str
    folder: str | None
    delete: bool
    dry_run: bool
    concurrency: int

    @classmethod
    def of(
        cls, path: object, workspace: object, folder: object, delete: object, dry_run: object, concurrency: object
    ) -> SyncInput:
        """Check everything before any request: an existing folder, a slug, a folder name, flags, a limit."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be a folder path, got {type(path).__name__}")
        root = Path(path)
        if not root.is_dir():
            raise NotADirectoryError(f"not a folder: {str(root)!r}")
        return cls(
            root,
            require_slug("workspace", workspace),
            None if folder is None else require_slug("folder", folder),
            require_bool("delete", delete),
            require_bool("dry_run", dry_run),
            check_limit("concurrency", concurrency),
        )


def local_files(root: Path) -> list[tuple[str, Path]]:
    """Every regular file under ``root`` as ``(relative posix path, path)``, sorted; hidden ones left out."""
    found: list[tuple[str, Path]] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if not name.startswith(".") and path.is_file():
                found.append((PurePosixPath(path.relative_to(root).as_posix()).as_posix(), path))
    return sorted(found)


def remote_index(documents: list[WorkspaceDocument], folder: str | None) -> dict[str, dict[str, str]]:
    """The sync's documents in the workspace: ``{relative path: {location: sha256}}`` (only ``folder``'s)."""
    index: dict[str, dict[str, str]] = {}
    for document in documents:
        metadata = document.get("metadata")
        location = str(document.get("docpath") or "")
        tied = read_marker(metadata.get("docSource")) if isinstance(metadata, Mapping) else None
        if tied is None or not location or (folder is not None and not location.startswith(f"{folder}/")):
            continue
        index.setdefault(tied[0], {})[location] = tied[1]
    return index


def _uploaded(outcome: Outcome) -> str:
    value = outcome.value if isinstance(outcome.value, Mapping) else {}
    return str(value.get("location") or value.get("path") or "")


def _classify(
    job: SyncInput, files: list[tuple[str, Path]], accepted: set[str], before: dict[str, dict[str, str]]
) -> Flow[tuple[list[FileSync], list[tuple[FileSync, Path]]]]:
    """Hash the files the server accepts and decide each file's fate; the entries and the files to send."""
    wanted = [(rel, path) for rel, path in files if path.suffix.lower() in accepted]
    entries = {rel: FileSync(rel, "skipped", note="type not accepted by the server") for rel, _ in files}
    hashes: list[Outcome] = yield Batch([local(_size_and_hash, path) for _, path in wanted], job.concurrency)
    uploads: list[tuple[FileSync, Path]] = []
    for (rel, path), hashed in zip(wanted, hashes, strict=True):
        entry = entries[rel]
        entry.note = None
        if hashed.error is not None:
            entry.status, entry.error = "failed", hashed.error
            continue
        entry.size, entry.sha256 = hashed.value
        old = before.get(rel, {})
        if old and set(old.values()) == {entry.sha256}:
            entry.status, entry.documents = "unchanged", sorted(old)
        else:
            entry.status, entry.replaced = ("updated" if old else "added"), sorted(old)
            uploads.append((entry, path))
    for rel, old in sorted(before.items()):
        if rel not in entries:
            gone = FileSync(rel, "removed", replaced=sorted(old))
            if not job.delete:
                gone = FileSync(rel, "stale", documents=sorted(old))
                gone.note = "file gone; kept in the workspace (delete=True removes it)"
            entries[rel] = gone
    return [entries[rel] for rel in sorted(entries)], uploads


def sync_flow(
    client: Any,
    job: SyncInput,
    on_file: Callable[[FileSync], None] | None = None,
    on_plan: Callable[[SyncReport], None] | None = None,
) -> Flow[SyncReport]:
    """Run one sync (see the module docstring).

    ``on_plan`` hears of the report once every file's fate is decided, before anything is sent (its
    statuses are what the run means to do). ``on_file`` hears of each file once, when its part is done:
    at once for files with nothing to send, after its upload for a new file (which may still turn
    ``failed`` if the server did not embed it), after the deletion of its old documents for a changed
    or removed one.
    """
    report = SyncReport(job.workspace, job.folder, str(job.root), job.dry_run, job.delete)
    told: set[int] = set()

    def tell(entry: FileSync) -> None:  # each file once, when its part is done
        if id(entry) not in told:
            told.add(id(entry))
            if on_file is not None:
                on_file(entry)

    files = local_files(job.root)
    accepted = {str(e).lower() for e in (yield ask(client.system.get_accepted_document_types))}
    held: list[WorkspaceDocument] = yield ask(client.workspaces.get_documents, job.workspace)
    report.files, uploads = yield from _classify(job, files, accepted, remote_index(held, job.folder))
    if on_plan is not None:
        on_plan(report)
    later = {id(entry) for entry, _ in uploads} | {id(e) for e in report.files if e.status == "removed"}
    for entry in (e for e in report.files if job.dry_run or id(e) not in later):
        tell(entry)
    if job.dry_run:
        return report
    sent = yield from _send(client, job, uploads, first_ones_alone=not held, tell=tell)
    doomed: Doomed = [(e, e.replaced) for e in report.files if e.status == "removed"]
    if uploads:
        after = remote_index((yield ask(client.workspaces.get_documents, job.workspace)), job.folder)
        doomed += _verify(uploads, sent, after)
    yield from _remove(client, job, doomed, tell)
    for entry in report.files:
        tell(entry)
    return report


def _send(
    client: Any, job: SyncInput, uploads: list[tuple[FileSync, Path]], *, first_ones_alone: bool, tell: Any
) -> Flow[list[Outcome]]:
    """Upload the files, ``concurrency`` at a time; each file's outcome, in order."""

    def upload(entry: FileSync, path: Path) -> Any:
        metadata = {"title": entry.path, "docSource": marker(entry.path, entry.sha256 or "")}
        return ask(
            client.documents.upload,
            file_path=str(path),
            add_to_workspaces=[job.workspace],
            folder_name=job.folder,
            metadata=metadata,
        )

    def uploaded_from(start: int) -> Callable[[int, Outcome], None]:
        def uploaded(index: int, outcome: Outcome) -> None:
            entry = uploads[start + index][0]
            if outcome.error is not None:
                entry.status, entry.error, entry.replaced = "failed", outcome.error, []  # the old version stays
            if outcome.error is not None or entry.status == "added":  # an updated file: once its old one is gone
                tell(entry)

        return uploaded

    # A workspace's first embedding creates its vector table, and two first embeddings at once collide
    # on a live v1.16.0 server ("Table '<slug>' already exists": one file is not embedded, and the server
    # purges it). So into a workspace that holds no document yet, files go one at a time until one is in.
    steps = [upload(entry, path) for entry, path in uploads]
    sent: list[Outcome] = []
    while first_ones_alone and len(sent) < len(steps) and not any(o.ok for o in sent):
        sent += yield Batch(steps[len(sent) : len(sent) + 1], 1, on_each=uploaded_from(len(sent)))
    sent += yield Batch(steps[len(sent) :], job.concurrency, on_each=uploaded_from(len(sent)))
    return sent


Doomed = list[tuple[FileSync, list[str]]]
"""Files and the locations of their documents to delete."""


def _verify(uploads: list[tuple[FileSync, Path]], sent: list[Outcome], after: dict[str, dict[str, str]]) -> Doomed:
    """Check each upload is embedded now; what to delete: old versions, and uploads that did not embed."""
    doomed: Doomed = []
    for (entry, _), outcome in zip(uploads, sent, strict=True):
        if outcome.error is not None:
            continue
        fresh = sorted(loc for loc, sha in after.get(entry.path, {}).items() if sha == entry.sha256)
        fresh = [loc for loc in fresh if loc not in entry.replaced]
        if fresh:
            entry.documents = fresh
            if entry.replaced:
                doomed.append((entry, entry.replaced))
            continue
        entry.status, entry.replaced = "failed", []
        entry.note = "uploaded, but the server did not embed it in the workspace (its log says why)"
        if location := _uploaded(outcome):
            doomed.append((entry, [location]))
    return doomed


def _batches(doomed: Doomed) -> list[Doomed]:
    """Whole files' old documents packed into batches of at most :data:`REMOVE_BATCH` (a bigger file alone)."""
    batches: list[Doomed] = []
    size = 0
    for item in doomed:
        if not batches or size + len(item[1]) > REMOVE_BATCH:
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += len(item[1])
    return batches


def _already_gone(error: Exception | None, sent: list[str]) -> set[str]:
    """The locations of ``sent`` that ``remove_documents`` found no longer stored (its NotFoundError names them)."""
    named = error.details.get("missing") if isinstance(error, NotFoundError) else None
    return set(named) & set(sent) if isinstance(named, list) else set()


def _fail(entry: FileSync, error: Exception, note: str) -> None:
    if entry.status != "failed":
        entry.status, entry.error, entry.note = "failed", error, note


def _removal_round(
    client: Any, job: SyncInput, batches: list[Doomed], pending: dict[int, list[str]], tell: Any
) -> Flow[dict[int, set[str]]]:
    """One ``remove_documents`` call per pending batch; the locations each one found already gone.

    A batch that went through, or failed otherwise, is done: its files are told at once (failed ones
    marked). One that named already-gone documents removed nothing and is left for the next round.
    """
    order = list(pending)

    def removed(index: int, outcome: Outcome) -> None:
        batch = order[index]
        if _already_gone(outcome.error, pending[batch]):
            return
        for entry, _ in batches[batch]:
            if outcome.error is not None:
                _fail(entry, outcome.error, "its old version(s) could not be deleted and are still in the workspace")
            tell(entry)

    asks = [ask(client.system.remove_documents, pending[batch]) for batch in order]
    sent: list[Outcome] = yield Batch(asks, 1, on_each=removed)  # one at a time: see step 6
    return {batch: _already_gone(outcome.error, pending[batch]) for batch, outcome in zip(order, sent, strict=True)}


def _remove(client: Any, job: SyncInput, doomed: Doomed, tell: Any) -> Flow[None]:
    """Delete the files' old documents, :data:`REMOVE_BATCH` at most per call, one call at a time.

    ``remove_documents`` reads the document listing once per call and removes nothing when a name is
    not stored. Such a document is already gone (deleted meanwhile, or purged by the server after a
    failed embedding): its batch is sent again without it, and the workspace's link to it, if one is
    left, is removed (``workspaces.remove_document``; NotFoundError there means there was none).
    """
    strays = {id(entry) for entry, _ in doomed if entry.status == "failed"}  # uploads never embedded
    batches = _batches(doomed)
    pending = {i: sorted(loc for _, locations in files for loc in locations) for i, files in enumerate(batches)}
    gone: set[str] = set()
    while pending:  # each round sends fewer names: a batch goes again only without those found gone
        found = yield from _removal_round(client, job, batches, pending, tell)
        gone.update(*found.values())
        again = {batch: [loc for loc in pending[batch] if loc not in gone] for batch in found if found[batch]}
        pending = {batch: locations for batch, locations in again.items() if locations}
    owners = {loc: entry for files in batches for entry, locations in files for loc in locations}
    linked = sorted(loc for loc in gone if id(owners[loc]) not in strays)
    if not linked:
        return
    unlinked: list[Outcome] = yield Batch(
        [ask(client.workspaces.remove_document, job.workspace, loc) for loc in linked], 1
    )
    for location, outcome in zip(linked, unlinked, strict=True):
        entry = owners[location]
        if outcome.error is not None and not isinstance(outcome.error, NotFoundError):
            note = f"the server no longer stores {location}, and its link in the workspace could not be removed"
            _fail(entry, outcome.error, note)
        elif entry.status != "failed":
            entry.note = "some of its old documents were already gone from the server's storage"


def _size_and_hash(path: Path) -> tuple[int, str]:
    return path.stat().st_size, file_sha256(path)
