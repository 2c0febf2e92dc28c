"""client.workflows.sync_folder: recorded from a real server on both clients (four runs over one folder)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.workflows import FileSync, SyncReport
from anythingllm.workflows import sync as sync_module
from anythingllm.workflows.sync import marker
from tests.conftest import RECORDED_BASE_URL, RECORDED_KEY, body, calls, resolve
from tests.faultserver import FaultServer, Reply
from tests.recordings import load_interactions
from tests.workflow_cassettes import workflow_replay

pytestmark = pytest.mark.anyio

TYPES = ("GET", "/api/v1/document/accepted-file-types")
UPLOAD = ("POST", "/api/v1/document/upload")
REMOVE = ("DELETE", "/api/v1/system/remove-documents")
LISTING = ("GET", "/api/v1/documents")  # remove_documents checks the names in it first


def folder(tmp_path: Path) -> Path:
    """A knowledge base: two good files, one empty (the server cannot read it), one of an unknown type, hidden ones."""
    root = tmp_path / "kb"
    (root / "guide").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "notes.txt").write_text("Otters hold hands while they sleep.\n")
    (root / "guide" / "setup.md").write_text("# Setup\n\nRun the installer, then restart.\n")
    (root / "empty.txt").write_text("")
    (root / "photo.xyz").write_bytes(b"not a type the server takes")
    (root / ".hidden.txt").write_text("hidden files stay home")
    (root / ".git" / "config.txt").write_text("so do hidden folders")
    return root


def uploaded(sent: list[httpx.Request]) -> dict[str, dict[str, Any]]:
    """file name -> the metadata sent with it, for every upload request."""
    found = {}
    for request in sent:
        if (request.method, request.url.path) == UPLOAD:
            raw = request.read()
            name = re.search(rb'filename="([^"]+)"', raw)
            meta = re.search(rb'name="metadata"\r\n(?:Content-Type: [^\r]*\r\n)?\r\n([^\r]*)\r\n', raw)
            assert name and meta
            found[name.group(1).decode()] = json.loads(meta.group(1))
    return found


def statuses(report: SyncReport) -> Any:
    return {f.path: f.status for f in report.files}


async def test_sync_uploads_what_changed_replaces_old_versions_and_then_nothing(
    client: Any, sent: list[httpx.Request], tmp_path: Path
) -> None:
    root = folder(tmp_path)
    told: list[FileSync] = []
    plans: list[list[str]] = []
    with workflow_replay("workflow_sync") as cassette:
        ws = (await resolve(client.workspaces.create("WF Sync")))["slug"]
        start = len(sent)
        first = await resolve(
            client.workflows.sync_folder(root, ws, on_file=told.append, on_plan=lambda r: plans.append(statuses(r)))
        )
        run1 = sent[start:]
        (root / "empty.txt").unlink()

        start = len(sent)
        second = await resolve(client.workflows.sync_folder(root, ws))
        run2 = sent[start:]

        (root / "notes.txt").write_text("Otters hold hands while they sleep, and sea otters use tools.\n")
        (root / "guide" / "setup.md").unlink()
        (root / "guide" / "faq.md").write_text("# FAQ\n\nAsk the team channel first.\n")
        start = len(sent)
        preview = await resolve(client.workflows.sync_folder(root, ws, delete=True, dry_run=True))
        run3 = sent[start:]
        start = len(sent)
        told_third: list[FileSync] = []
        third = await resolve(client.workflows.sync_folder(root, ws, delete=True, on_file=told_third.append))
        run4 = sent[start:]
        start = len(sent)
        fourth = await resolve(client.workflows.sync_folder(root, ws, delete=True))
        run5 = sent[start:]

        in_workspace = await resolve(client.workspaces.get_documents(ws))
        stored = await resolve(client.documents.list())
        faq = next(d["docpath"] for d in in_workspace if d["docpath"].startswith("custom-documents/faq.md-"))
        await resolve(client.workspaces.remove_document(ws, faq))  # its answer serves a fault test below
        await resolve(client.workspaces.delete(ws))
        await resolve(client.system.remove_documents(sorted(d["docpath"] for d in in_workspace)))
        assert cassette.all_played or cassette.record_mode != "none"

    # 1. two files added, the empty one failed (the server's own reason), the unknown type skipped
    assert statuses(first) == {
        "empty.txt": "failed",
        "guide/setup.md": "added",
        "notes.txt": "added",
        "photo.xyz": "skipped",
    }
    assert not first.ok and first.counts["added"] == 2
    failed = next(f for f in first.files if f.path == "empty.txt")
    assert "No text content found" in str(failed.error)
    assert sorted(f.path for f in told) == ["empty.txt", "guide/setup.md", "notes.txt", "photo.xyz"]  # once each
    planned = {"empty.txt": "added", "guide/setup.md": "added", "notes.txt": "added", "photo.xyz": "skipped"}
    assert plans == [planned]  # before anything was sent
    assert calls(run1)[:2] == [TYPES, ("GET", f"/api/v1/workspace/{ws}")]
    assert sorted(calls(run1)[2:5]) == [UPLOAD] * 3 and calls(run1)[5:] == [("GET", f"/api/v1/workspace/{ws}")]
    sent_meta = uploaded(run1)
    notes_sha = hashlib.sha256(b"Otters hold hands while they sleep.\n").hexdigest()
    assert sent_meta["notes.txt"] == {"title": "notes.txt", "docSource": marker("notes.txt", notes_sha)}
    assert sent_meta["setup.md"]["title"] == "guide/setup.md"
    assert all(re.search(rb'name="addToWorkspaces"', r.read()) for r in run1 if (r.method, r.url.path) == UPLOAD)

    # 2. nothing changed: two reads, zero uploads
    assert calls(run2) == [TYPES, ("GET", f"/api/v1/workspace/{ws}")]
    assert statuses(second) == {"guide/setup.md": "unchanged", "notes.txt": "unchanged", "photo.xyz": "skipped"}
    assert second.ok

    # 3. the dry run says what would happen and sends only the two reads
    assert calls(run3) == [TYPES, ("GET", f"/api/v1/workspace/{ws}")]
    expected = {"guide/faq.md": "added", "guide/setup.md": "removed", "notes.txt": "updated", "photo.xyz": "skipped"}
    assert statuses(preview) == expected and preview.dry_run

    # 4. the real run: the edit and the new file uploaded, then the old version and the gone file deleted
    #    in one call (one batch), after the one listing remove_documents checks the names in
    assert statuses(third) == expected and third.ok
    assert sorted(f.path for f in told_third) == sorted(expected)  # each file once, the removed one too
    assert calls(run4)[:2] == [TYPES, ("GET", f"/api/v1/workspace/{ws}")]
    assert sorted(calls(run4)[2:4]) == [UPLOAD] * 2
    assert calls(run4)[4:] == [("GET", f"/api/v1/workspace/{ws}"), LISTING, REMOVE]
    updated = next(f for f in third.files if f.path == "notes.txt")
    removed = next(f for f in third.files if f.path == "guide/setup.md")
    old_notes = next(f for f in first.files if f.path == "notes.txt").documents
    assert updated.replaced == old_notes and updated.documents != old_notes
    assert body(run4[-1])["names"] == sorted(old_notes + removed.replaced)

    # 5. and again nothing to do
    assert calls(run5) == [TYPES, ("GET", f"/api/v1/workspace/{ws}")]
    assert fourth.counts == {
        "added": 0, "updated": 0, "unchanged": 2, "removed": 0, "stale": 0, "skipped": 1, "failed": 0
    }  # fmt: skip

    # the server holds exactly the two current files, nothing of the old versions
    now = sorted(d["docpath"] for d in in_workspace)
    assert now == sorted(
        next(f for f in third.files if f.path == p).documents[0] for p in ("guide/faq.md", "notes.txt")
    )
    stored_paths = {d["path"] for d in stored}
    assert set(now) <= stored_paths and not (set(old_notes + removed.replaced) & stored_paths)


async def test_sync_into_a_server_folder_and_without_delete_keeps_gone_files(
    client: Any, sent: list[httpx.Request], tmp_path: Path
) -> None:
    root = tmp_path / "kb"
    root.mkdir()
    (root / "alpha.txt").write_text("Alpha means the first letter.\n")
    (root / "beta.txt").write_text("Beta means the second letter.\n")
    with workflow_replay("workflow_sync_folder") as cassette:
        ws = (await resolve(client.workspaces.create("WF Sync Folder")))["slug"]
        first = await resolve(client.workflows.sync_folder(root, ws, folder="wf-sync-docs"))
        (root / "beta.txt").unlink()
        second = await resolve(client.workflows.sync_folder(root, ws, folder="wf-sync-docs"))
        await resolve(client.workspaces.delete(ws))
        await resolve(client.documents.delete_folder("wf-sync-docs"))
        assert cassette.all_played or cassette.record_mode != "none"
    assert statuses(first) == {"alpha.txt": "added", "beta.txt": "added"}
    assert all(d.startswith("wf-sync-docs/") for f in first.files for d in f.documents)
    assert ("POST", "/api/v1/document/upload/wf-sync-docs") in calls(sent)
    assert statuses(second) == {"alpha.txt": "unchanged", "beta.txt": "stale"}  # gone, but kept without delete
    assert (
        next(f for f in second.files if f.path == "beta.txt").documents
        == next(f for f in first.files if f.path == "beta.txt").documents
    )
    assert REMOVE not in calls(sent)


async def test_sync_arguments_are_checked_before_any_request(client: Any, tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    with workflow_replay("workflow_sync") as cassette:
        with pytest.raises(NotADirectoryError):
            await resolve(client.workflows.sync_folder(tmp_path / "file.txt", "ws"))
        with pytest.raises(NotADirectoryError):
            await resolve(client.workflows.sync_folder(tmp_path / "missing", "ws"))
        with pytest.raises(ValueError, match="workspace must be a single path segment"):
            await resolve(client.workflows.sync_folder(tmp_path, "a/b"))
        with pytest.raises(ValueError, match="concurrency"):
            await resolve(client.workflows.sync_folder(tmp_path, "ws", concurrency=0))
        assert cassette.play_count == 0


NOTES_V2 = "Otters hold hands while they sleep, and sea otters use tools.\n"


class Recorded:
    """The interactions of the recorded sync runs, found by what they are (not by position)."""

    def __init__(self) -> None:
        self.all = load_interactions("workflow_sync")

    def _where(self, method: str, suffix: str) -> list[dict[str, Any]]:
        return [i for i in self.all if i["request"]["method"] == method and i["request"]["uri"].endswith(suffix)]

    def reply(self, method: str, suffix: str, nth: int = 0) -> Reply:
        return Reply.recorded(self._where(method, suffix)[nth])

    def upload(self, file_name: str, nth: int = 0) -> tuple[Reply, str]:
        """The recorded answer to the ``nth`` upload of ``file_name``, and the location it gave."""
        found = [
            i for i in self._where("POST", "/document/upload") if f'filename="{file_name}"' in str(i["request"]["body"])
        ]
        text = found[nth]["response"]["body"]["string"]
        return Reply.recorded(found[nth]), json.loads(text)["documents"][0]["location"]


async def _sync_on(server: FaultServer, kind: str, root: Path, **options: Any) -> SyncReport:
    if kind == "sync":
        with AnythingLLMClient(server.base_url, "KEY", max_retries=0) as client:
            return client.workflows.sync_folder(root, "wf-sync", **options)
    async with AsyncAnythingLLMClient(server.base_url, "KEY", max_retries=0) as aclient:
        return await aclient.workflows.sync_folder(root, "wf-sync", **options)


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_an_upload_the_server_did_not_embed_fails_and_keeps_the_old_version(kind: str, tmp_path: Path) -> None:
    """The server answers the upload 200 but its workspace does not hold the new document (as when its
    embedding fails): the file is failed, the stray upload deleted, the old version left in place."""
    root = tmp_path / "kb"
    (root / "guide").mkdir(parents=True)
    (root / "notes.txt").write_text(NOTES_V2)
    (root / "guide" / "setup.md").write_text("# Setup\n\nRun the installer, then restart.\n")
    recorded = Recorded()
    notes_reply, notes_v2 = recorded.upload("notes.txt", 1)
    with FaultServer() as server:
        server.script("GET", "/api/v1/document/accepted-file-types", recorded.reply("GET", "/accepted-file-types"))
        before = recorded.reply("GET", "/workspace/wf-sync", 2)  # run 2: notes.txt (first version) and setup.md
        server.script("GET", "/api/v1/workspace/wf-sync", before, before)  # before and after the upload: the same
        server.script("POST", "/api/v1/document/upload", notes_reply)
        server.script("GET", "/api/v1/documents", recorded.reply("GET", "/api/v1/documents"))  # run 4's: it holds it
        server.script("DELETE", "/api/v1/system/remove-documents", recorded.reply("DELETE", "/remove-documents"))
        report = await _sync_on(server, kind, root)
        removed = [json.loads(r.body) for r in server.requests if r.method == "DELETE"]
        assert server.unexpected == []
    notes = next(f for f in report.files if f.path == "notes.txt")
    assert notes.status == "failed" and "did not embed" in str(notes.note) and notes.replaced == []
    assert removed == [{"names": [notes_v2]}]  # the stray upload; the old version stays
    assert next(f for f in report.files if f.path == "guide/setup.md").status == "unchanged"
    assert not report.ok


def run_four(tmp_path: Path, server: FaultServer, recorded: Recorded, *more_workspace_reads: Reply) -> Path:
    """The folder of the recorded run 4 (notes.txt edited, guide/faq.md new, setup.md gone), and the
    server's answers to it up to the deletions: the types, the workspace before and after, the uploads."""
    root = tmp_path / "kb"
    (root / "guide").mkdir(parents=True)
    (root / "notes.txt").write_text(NOTES_V2)
    (root / "guide" / "faq.md").write_text("# FAQ\n\nAsk the team channel first.\n")
    server.script("GET", "/api/v1/document/accepted-file-types", recorded.reply("GET", "/accepted-file-types"))
    before, after = recorded.reply("GET", "/workspace/wf-sync", 4), recorded.reply("GET", "/workspace/wf-sync", 5)
    server.script("GET", "/api/v1/workspace/wf-sync", before, after, *more_workspace_reads)
    server.script("POST", "/api/v1/document/upload", recorded.upload("faq.md")[0], recorded.upload("notes.txt", 1)[0])
    return root  # the uploads in path order: faq, notes


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_failed_delete_of_old_versions_fails_those_files_only(kind: str, tmp_path: Path) -> None:
    recorded = Recorded()
    notes_v2 = recorded.upload("notes.txt", 1)[1]
    with FaultServer() as server:
        root = run_four(tmp_path, server, recorded)
        server.script("GET", "/api/v1/documents", recorded.reply("GET", "/api/v1/documents"))  # run 4's listing
        server.script("DELETE", "/api/v1/system/remove-documents", Reply.text("Internal Server Error", status=500))
        report = await _sync_on(server, kind, root, delete=True, concurrency=1)
        assert server.unexpected == [] and server.count(*REMOVE) == 1  # both old versions in one batch
    assert statuses(report) == {"guide/faq.md": "added", "guide/setup.md": "failed", "notes.txt": "failed"}
    notes = next(f for f in report.files if f.path == "notes.txt")
    assert "could not be deleted" in str(notes.note) and type(notes.error).__name__ == "ServerError"
    assert notes.documents == [notes_v2]  # the new version is in; the report says the old one is too


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_an_old_version_no_longer_stored_but_still_linked_is_unlinked(kind: str, tmp_path: Path) -> None:
    """The server's storage lost the old version of notes.txt while the workspace still links it: the
    deletion names it and removes nothing, so the sync removes the link instead (update-embeddings)."""
    recorded = Recorded()
    with FaultServer() as server:
        root = run_four(tmp_path, server, recorded, recorded.reply("GET", "/workspace/wf-sync", 4))  # still links it
        server.script("GET", "/api/v1/documents", recorded.reply("GET", "/api/v1/documents", 1))  # after run 4
        server.script(
            "POST", "/api/v1/workspace/wf-sync/update-embeddings", recorded.reply("POST", "/update-embeddings")
        )
        report = await _sync_on(server, kind, root, concurrency=1)
        assert server.unexpected == [] and server.count(*REMOVE) == 0
        unlinked = next(json.loads(r.body) for r in server.requests if r.path.endswith("/update-embeddings"))
    notes = next(f for f in report.files if f.path == "notes.txt")
    assert report.ok and statuses(report) == {
        "guide/faq.md": "added",
        "guide/setup.md": "stale",
        "notes.txt": "updated",
    }
    assert notes.note == "some of its old documents were already gone from the server's storage"
    assert unlinked == {"adds": [], "deletes": notes.replaced}


async def test_old_versions_go_in_batches_and_one_deleted_meanwhile_is_already_gone(
    client: Any, sent: list[httpx.Request], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six changed files and a gone one, three old documents per call at most: three deletions, each after
    the listing remove_documents reads (not seven of each). One old version is deleted by someone else
    once the sync has read the workspace: its batch names it and removes nothing, then goes again
    without it; the link it had is checked (none is left) and the file counts as updated."""
    monkeypatch.setattr(sync_module, "REMOVE_BATCH", 3)
    root = tmp_path / "kb"
    root.mkdir()
    names = [f"batch-{n}.txt" for n in range(7)]
    for n, name in enumerate(names):
        (root / name).write_text(f"Batch file {n}, first version.\n")
    ws_get = ("GET", "/api/v1/workspace/wf-sync-batches")
    with workflow_replay("workflow_sync_batches") as cassette:
        ws = (await resolve(client.workspaces.create("WF Sync Batches")))["slug"]
        first = await resolve(client.workflows.sync_folder(root, ws, concurrency=1))
        for n, name in enumerate(names[:6]):
            (root / name).write_text(f"Batch file {n}, second version.\n")
        (root / names[6]).unlink()
        early = next(f for f in first.files if f.path == "batch-1.txt").documents
        with AnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, max_retries=0) as someone:
            start = len(sent)
            second = await resolve(
                client.workflows.sync_folder(
                    root, ws, delete=True, concurrency=1, on_plan=lambda _: someone.system.remove_documents(early)
                )
            )
            run2 = sent[start:]
        start = len(sent)
        third = await resolve(client.workflows.sync_folder(root, ws, delete=True))
        run3 = sent[start:]
        held = await resolve(client.workspaces.get_documents(ws))
        stored = {d["path"] for d in await resolve(client.documents.list())}
        await resolve(client.workspaces.delete(ws))
        await resolve(client.system.remove_documents(sorted(d["docpath"] for d in held)))
        assert cassette.all_played or cassette.record_mode != "none"
    assert first.counts["added"] == 7 and first.ok
    assert statuses(second) == {**{name: "updated" for name in names[:6]}, "batch-6.txt": "removed"} and second.ok
    assert next(f for f in second.files if f.path == "batch-1.txt").note == (
        "some of its old documents were already gone from the server's storage"
    )
    checks = [LISTING, LISTING, REMOVE, LISTING, REMOVE, LISTING, REMOVE]  # the first batch: checked, not sent
    assert calls(run2) == [TYPES, ws_get, *[UPLOAD] * 6, ws_get, *checks, ws_get]  # then it again, and the link
    old = {f.path: f.documents for f in first.files}
    deleted = [body(r)["names"] for r in run2 if (r.method, r.url.path) == REMOVE]
    assert deleted == [  # the batches in order (the gone file's first, then by path), the first one again last
        sorted(old["batch-2.txt"] + old["batch-3.txt"] + old["batch-4.txt"]),
        old["batch-5.txt"],
        sorted(old["batch-6.txt"] + old["batch-0.txt"]),
    ]
    assert calls(run3) == [TYPES, ws_get] and third.counts["unchanged"] == 6
    new = sorted(d for f in second.files for d in f.documents)
    assert sorted(d["docpath"] for d in held) == new and set(new) <= stored
    assert not {d for docs in old.values() for d in docs} & stored  # every old version is gone


async def _in_flight(server: FaultServer, kind: str, root: Path, path: str, **options: Any) -> list[int]:
    """Sync ``root`` into wf-sync on ``server``; how many requests to ``path`` were in flight as each was sent."""
    counts: list[int] = []
    now = [0]

    def sent(request: httpx.Request) -> None:
        if request.url.path == path:
            now[0] += 1
            counts.append(now[0])

    def answered(response: httpx.Response) -> None:
        if response.request.url.path == path:
            now[0] -= 1

    if kind == "sync":
        with (
            httpx.Client(event_hooks={"request": [sent], "response": [answered]}) as http,
            AnythingLLMClient(server.base_url, "KEY", max_retries=0, http_client=http) as client,
        ):
            client.workflows.sync_folder(root, "wf-sync", **options)
        return counts

    async def asent(request: httpx.Request) -> None:
        sent(request)

    async def aanswered(response: httpx.Response) -> None:
        answered(response)

    async with (
        httpx.AsyncClient(event_hooks={"request": [asent], "response": [aanswered]}) as ahttp,
        AsyncAnythingLLMClient(server.base_url, "KEY", max_retries=0, http_client=ahttp) as aclient,
    ):
        await aclient.workflows.sync_folder(root, "wf-sync", **options)
    return counts


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_old_versions_are_deleted_one_batch_at_a_time_whatever_the_concurrency(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server deletes one document after the other: concurrent deletions would only make each call
    slower (past the read timeout, on a live server). Two batches, concurrency 4, each answered after
    0.2 s: never two deletions in flight."""
    monkeypatch.setattr(sync_module, "REMOVE_BATCH", 1)
    recorded = Recorded()
    with FaultServer() as server:
        root = run_four(tmp_path, server, recorded)
        listing = recorded.reply("GET", "/api/v1/documents")  # run 4's: it holds both old versions
        server.script("GET", "/api/v1/documents", listing, listing)
        slow = recorded.reply("DELETE", "/remove-documents")
        server.script("DELETE", REMOVE[1], *[Reply(slow.status, slow.headers, slow.chunks, delay=0.2)] * 2)
        in_flight = await _in_flight(server, kind, root, REMOVE[1], delete=True, concurrency=4)
        assert server.unexpected == []
    assert in_flight == [1, 1]


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_into_an_empty_workspace_the_first_upload_goes_alone_then_n_at_a_time(kind: str, tmp_path: Path) -> None:
    """Six new files, concurrency 3, each upload answered after 0.2 s: one request in flight until the
    first upload is in, then three at a time, never more (counted by the requests in flight)."""
    root = tmp_path / "kb"
    root.mkdir()
    for n in range(6):
        (root / f"file-{n}.txt").write_text(f"File number {n}.\n")
    recorded = Recorded()
    upload_reply, _ = recorded.upload("notes.txt")
    with FaultServer() as server:
        server.script("GET", "/api/v1/document/accepted-file-types", recorded.reply("GET", "/accepted-file-types"))
        empty = recorded.reply("GET", "/workspace/wf-sync", 0)  # run 1: the workspace holds no document
        server.script("GET", "/api/v1/workspace/wf-sync", empty, empty)
        server.answer_everything(Reply(upload_reply.status, upload_reply.headers, upload_reply.chunks, delay=0.2))
        in_flight = await _in_flight(server, kind, root, UPLOAD[1], concurrency=3)
        assert server.count("POST", "/api/v1/document/upload") == 6
    assert in_flight[0] == 1 and in_flight[1] == 1  # the second upload waited for the first
    assert max(in_flight) == 3  # then three at a time
