"""Uploading many files: collect them, send them in parallel with a progress bar, report each one.

One failed file never stops the others: every file ends as a :class:`FileResult`, uploaded or failed.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from .._client import AnythingLLMClient
from ..errors import ApiError
from .errors import Failure


@dataclass(frozen=True)
class Plan:
    """The files to upload, and those left out because the server does not accept their type.

    One rule decides both: a file whose type the server does not list is ``skipped`` when found in a
    folder, and sent but listed in ``unlisted`` (to warn about) when named directly.
    """

    files: list[Path]
    skipped: list[Path] = field(default_factory=list)
    unlisted: list[Path] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        """The size of all files to upload."""
        return sum(_size(path) for path in self.files)


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: its document locations when uploaded, the failure otherwise."""

    path: Path
    size: int
    documents: list[str] = field(default_factory=list)
    failure: Failure | None = None
    cancelled: bool = False
    not_embedded: str | None = None  # why a document uploaded for a workspace is not in it

    @property
    def uploaded(self) -> bool:
        """Whether the file was stored on the server."""
        return self.failure is None and not self.cancelled

    @property
    def ok(self) -> bool:
        """Whether the file was uploaded (and, with ``--workspace``, embedded)."""
        return self.uploaded and self.not_embedded is None

    def to_json(self) -> dict[str, Any]:
        """The file's entry in ``--json`` output."""
        entry: dict[str, Any] = {"path": str(self.path), "size": self.size, "ok": self.ok}
        if self.documents:
            entry["documents"] = self.documents
        if self.failure is not None:
            entry["error"] = self.failure.to_json()["error"]
        if self.cancelled:
            entry["cancelled"] = True
        if self.not_embedded is not None:
            entry["uploaded"], entry["embedded"], entry["embed_error"] = True, False, self.not_embedded
        return entry


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def accepted_extensions(types: Any) -> set[str]:
    """File extensions (``.txt``) from the server's accepted types: extensions, MIME types or a mapping."""
    entries: list[str] = []
    if isinstance(types, Mapping):
        for mime, listed in types.items():
            entries.append(str(mime))
            entries.extend(str(e) for e in (listed or []))
    elif isinstance(types, Iterable) and not isinstance(types, str):
        entries.extend(str(t) for t in types)
    extensions: set[str] = set()
    for entry in entries:
        if entry.startswith("."):
            extensions.add(entry.lower())
        elif "/" in entry:
            extensions.update(e.lower() for e in mimetypes.guess_all_extensions(entry))
    return extensions


def _walk(directory: Path) -> Iterable[Path]:
    """Every regular file under ``directory``, sorted, skipping hidden files and folders."""
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                path = Path(root) / name
                if path.is_file():
                    yield path


def collect(paths: Sequence[Path], accepted: set[str] | None) -> Plan:
    """The files to send: a file of a type not in ``accepted`` is skipped in a folder, sent (and listed in
    ``unlisted``) when named directly; ``None`` accepts every type."""
    files: list[Path] = []
    skipped: list[Path] = []
    unlisted: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path, *targets: list[Path]) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            for target in targets:
                target.append(path)

    def accepts(path: Path) -> bool:
        return accepted is None or path.suffix.lower() in accepted

    for path in paths:
        if path.is_dir():
            for found in _walk(path):
                add(found, files if accepts(found) else skipped)
        elif accepts(path):
            add(path, files)
        else:
            add(path, files, unlisted)
    return Plan(files, skipped, unlisted)


def new_progress(console: Console) -> Progress:
    """The progress bar: files done out of total, bytes sent, rate and time left."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[done]}/{task.fields[count]} files"),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def new_removal_progress(console: Console, count: int) -> Progress:
    """The progress bar of a bulk delete: documents done out of ``count``, and time left."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn(f"{{task.completed:.0f}}/{count} documents"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


EMBED_BATCH = 25
"""Documents embedded per ``update-embeddings`` request (the server embeds them before it answers)."""


class Uploader:
    """Uploads files with ``concurrency`` parallel requests through one client, then embeds them.

    With a workspace the files are uploaded without it and embedded afterwards, a batch per request:
    parallel uploads that each embed into a workspace without vectors yet race on the server (its log
    says "Table ... already exists"), and the server reports no embedding failure at all, so the
    workspace's answer is compared with what was sent.
    """

    def __init__(
        self,
        client: AnythingLLMClient,
        *,
        workspace: str | None,
        folder: str | None,
        concurrency: int,
        explain: Callable[[BaseException], Failure],
    ) -> None:
        self.client = client
        self.workspace = workspace
        self.folder = folder
        self.concurrency = max(1, concurrency)
        self.explain = explain

    def upload_one(self, path: Path) -> FileResult:
        """Upload one file; any failure is captured in the result, never raised."""
        size = _size(path)
        try:
            result = self.client.documents.upload(file_path=str(path), folder_name=self.folder)
        except Exception as exc:  # each file's failure is reported with the others
            return FileResult(path, size, failure=self.explain(exc))
        return FileResult(path, size, documents=document_locations(result))

    def run(self, plan: Plan, progress: Progress | None = None) -> tuple[list[FileResult], bool]:
        """Upload every file of ``plan``; the results in plan order, and whether Ctrl-C cut it short."""
        task: TaskID | None = None
        if progress is not None:
            task = progress.add_task("Uploading", total=plan.total_bytes or None, done=0, count=len(plan.files))
        results: dict[Path, FileResult] = {}
        executor = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="anythingllm-upload")
        futures: dict[Future[FileResult], Path] = {executor.submit(self.upload_one, p): p for p in plan.files}
        interrupted = False
        try:
            for future in as_completed(futures):
                outcome = future.result()
                results[futures[future]] = outcome
                if progress is not None and task is not None:
                    progress.update(task, advance=outcome.size, done=len(results))
        except KeyboardInterrupt:
            interrupted = True
            for future in futures:
                future.cancel()
        finally:
            executor.shutdown(wait=not interrupted, cancel_futures=True)
        if progress is not None and task is not None:
            progress.update(task, description="Interrupted" if interrupted else "Done")
        ordered = [results.get(p) or FileResult(p, _size(p), cancelled=True) for p in plan.files]
        return ordered, interrupted

    def embed(self, results: list[FileResult]) -> list[FileResult]:
        """Embed the uploaded documents into the workspace; a document the server left out is ``not_embedded``."""
        if not self.workspace:
            return results
        locations = [location for r in results if r.uploaded for location in r.documents]
        missed: dict[str, str] = {}
        for start in range(0, len(locations), EMBED_BATCH):
            batch = locations[start : start + EMBED_BATCH]
            try:
                self.client.workspaces.add_documents(self.workspace, batch)
            except ApiError as exc:  # the documents it names were left out; without names, the whole batch
                named = [*exc.details.get("not_embedded", []), *exc.details.get("not_stored", [])]
                why = f"uploaded, but the server did not embed it into {self.workspace} (its log says why)"
                reason = why if named else self.explain(exc).message
                missed.update(dict.fromkeys(named or batch, reason))
            except Exception as exc:  # reported per file, like an upload failure
                missed.update(dict.fromkeys(batch, self.explain(exc).message))
        return [_embedded(r, missed) for r in results]


def _embedded(result: FileResult, missed: Mapping[str, str]) -> FileResult:
    reasons = [missed[location] for location in result.documents if location in missed]
    return replace(result, not_embedded=reasons[0]) if reasons else result


def document_locations(result: Any) -> list[str]:
    """The storage locations (``folder/file.json``) of the documents an upload created."""
    if isinstance(result, Mapping):
        documents = result.get("documents")
        if isinstance(documents, list):
            return [loc for doc in documents if isinstance(doc, Mapping) for loc in document_locations(doc)]
        location = result.get("location") or result.get("path")
        return [str(location)] if location else []
    if isinstance(result, list):
        return [loc for item in result for loc in document_locations(item)]
    return []
