"""client.workflows.archive: recorded from a real server on both clients; export, verify, only then delete."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.workflows import ArchiveVerificationError, read_archive
from anythingllm.workflows import archive as archive_module
from tests.conftest import RECORDED_BASE_URL, RECORDED_KEY, calls, resolve
from tests.faultserver import FaultServer, Reply
from tests.recordings import load_interactions
from tests.workflow_cassettes import pause_while_recording, workflow_replay

pytestmark = pytest.mark.anyio


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


async def test_archive_exports_verifies_the_file_and_only_then_deletes(
    client: Any, sent: list[httpx.Request], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "chats.jsonl"
    verified_at: list[int] = []
    original = archive_module.write_and_verify

    def noted(path: Path, records: list[dict[str, Any]]) -> str:
        digest = original(path, records)
        verified_at.append(len(sent))  # how many requests had gone out when the file was written and read back
        return digest

    monkeypatch.setattr(archive_module, "write_and_verify", noted)
    with workflow_replay("workflow_archive") as cassette:
        ws = (await resolve(client.workspaces.create("WF Archive")))["slug"]
        other = (await resolve(client.workspaces.create("WF Archive Other")))["slug"]
        old = (await resolve(client.workspace_thread.create_thread(ws, "Old thread")))["slug"]
        await resolve(client.workspace_thread.send_message(ws, old, "An old question", mode="chat"))
        await resolve(client.chat.send_message(ws, "An old default chat", mode="chat"))
        await resolve(client.chat.send_message(other, "Another workspace's chat", mode="chat"))
        pause_while_recording(2.2)
        new = (await resolve(client.workspace_thread.create_thread(ws, "New thread")))["slug"]
        await resolve(client.workspace_thread.send_message(ws, new, "A recent question", mode="chat"))
        recent = (await resolve(client.workspace_thread.get_thread_messages(ws, new)))[0]["sentAt"]
        start = len(sent)

        preview = await resolve(client.workflows.archive(0, workspaces="wf-archive", now=at(recent - 1)))
        dry, written_by_dry_run = sent[start:], out.exists()
        start = len(sent)
        report = await resolve(
            client.workflows.archive(0, "WF Archive", out, delete=True, dry_run=False, now=at(recent + 1))
        )
        run = sent[start:]

        threads_after = await resolve(client.workspace_thread.list_threads(ws))
        history_after = await resolve(client.chat.get_history(ws))
        other_after = await resolve(client.chat.get_history(other))
        for slug in (ws, other):
            await resolve(client.workspaces.delete(slug))
        assert cassette.all_played or cassette.record_mode != "none"

    # the dry run: at a moment between the old chats and the new thread's
    assert {(u.thread, u.status) for u in preview.units} == {(None, "kept"), (old, "selected"), (new, "kept")}
    default = next(u for u in preview.units if u.thread is None)
    assert "reset would hide" in str(default.note)  # the new thread stays, so the default history must too
    assert preview.dry_run and not preview.verified and not written_by_dry_run
    assert calls(dry)[0] == ("GET", "/api/v1/workspaces")
    assert sorted(calls(dry)[1:]) == [  # the three histories, read together
        ("GET", f"/api/v1/workspace/{ws}/chats"),
        *sorted([("GET", f"/api/v1/workspace/{ws}/thread/{t}/chats") for t in (old, new)]),
    ]
    assert all("other" not in r.url.path for r in dry)  # the pattern left the other workspace out

    # the real run: everything older than just after the last chat goes
    assert report.verified and report.ok and report.sha256
    assert {(u.thread, u.status) for u in report.units} == {(None, "cleared"), (old, "deleted"), (new, "deleted")}
    lines = calls(run)
    export = lines.index(("GET", "/api/v1/system/export-chats"))
    assert lines[0] == ("GET", "/api/v1/workspaces") and export == 4
    first_delete = min(i for i, (method, _) in enumerate(lines) if method == "DELETE")
    assert verified_at == [start + export + 1]  # the file was written and read back right after the export ...
    assert first_delete > export + 3  # ... then each unit was read again, and only then came the deletions
    deletes = [("DELETE", f"/api/v1/workspace/{ws}/thread/{t}") for t in (old, new)]
    assert sorted(lines[export + 4 : -1]) == sorted([("GET", "/api/v1/workspaces")] * 2 + deletes)  # each checked
    assert lines[-1] == ("POST", f"/api/v1/workspace/{ws}/chat")  # the default history's reset comes last
    assert json.loads(run[-1].content) == {"reset": True}
    assert threads_after == [] and history_after == []
    assert [m["content"] for m in other_after] == ["Another workspace's chat", "STUB-REPLY: Another workspace's chat"]

    # the file, read back
    archive = read_archive(out)
    assert archive.header["type"] == "anythingllm-archive" and archive.header["units"] == 3
    assert archive.header["messages"] == 6
    by_thread = {(u["thread"] or {}).get("slug"): u for u in archive.units}
    assert [m["content"] for m in by_thread[old]["messages"]] == ["An old question", "STUB-REPLY: An old question"]
    assert by_thread[old]["thread"] == {"slug": old, "name": "Old thread"}
    assert by_thread[None]["type"] == "workspace" and by_thread[None]["workspace"]["slug"] == ws
    (chat,) = by_thread[new]["chats"]  # joined from the server's export by chat id
    assert chat["prompt"] == "A recent question" and chat["response"] == "STUB-REPLY: A recent question"
    assert chat["workspace"] == "WF Archive" and "rating" in chat


async def test_a_thread_or_workspace_deleted_after_the_export_is_already_gone_not_failed(
    client: Any, sent: list[httpx.Request], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone deletes a thread and a whole workspace once the file is written: reading them again gives
    NotFoundError, which means they are off the server and in the archive (deleted / cleared, with a note)."""
    out = tmp_path / "chats.jsonl"
    original = archive_module.write_and_verify
    with workflow_replay("workflow_archive_gone") as cassette:
        ws = (await resolve(client.workspaces.create("WF Archive Gone")))["slug"]
        other = (await resolve(client.workspaces.create("WF Archive Gone Other")))["slug"]
        doomed = (await resolve(client.workspace_thread.create_thread(ws, "Deleted meanwhile")))["slug"]
        kept = (await resolve(client.workspace_thread.create_thread(ws, "Still there")))["slug"]
        await resolve(client.chat.send_message(other, "A chat of a workspace deleted meanwhile", mode="chat"))
        for thread in (doomed, kept):
            await resolve(client.workspace_thread.send_message(ws, thread, f"A chat in {thread[:8]}", mode="chat"))
        last = (await resolve(client.workspace_thread.get_thread_messages(ws, kept)))[-1]["sentAt"]

        def then_someone_deletes(path: Path, records: list[dict[str, Any]]) -> str:
            digest = original(path, records)
            with AnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, max_retries=0) as someone:
                someone.workspace_thread.delete_thread(ws, doomed)
                someone.workspaces.delete(other)
            return digest

        monkeypatch.setattr(archive_module, "write_and_verify", then_someone_deletes)
        start = len(sent)
        report = await resolve(
            client.workflows.archive(0, "wf-archive-gone*", out, delete=True, dry_run=False, now=at(last + 1))
        )
        run = sent[start:]
        threads_after = await resolve(client.workspace_thread.list_threads(ws))
        await resolve(client.workspaces.delete(ws))
        assert cassette.all_played or cassette.record_mode != "none"
    units = {(u.workspace, u.thread): u for u in report.units}
    assert report.ok and report.verified and set(units) == {(ws, doomed), (ws, kept), (other, None)}  # none empty
    assert (units[(ws, doomed)].status, units[(ws, doomed)].note) == ("deleted", archive_module.GONE)
    assert (units[(other, None)].status, units[(other, None)].note) == ("cleared", archive_module.GONE)
    assert (units[(ws, kept)].status, units[(ws, kept)].note) == ("deleted", None)
    assert [r.method for r in run].count("DELETE") == 1  # the one thread still there; nothing sent for the rest
    assert not [r for r in run if r.method == "POST"]  # and no reset of the workspace that is gone
    assert threads_after == [] and read_archive(out).header["units"] == 3


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_thread_gone_by_the_time_it_is_deleted_is_already_gone(kind: str, tmp_path: Path) -> None:
    """The recorded archive run, except that the threads are gone from the listing when ``delete_thread``
    checks them (the listing recorded after the run): no DELETE is sent, and they count as deleted."""
    recorded = load_interactions("workflow_archive")

    def reply(method: str, suffix: str, nth: int = 0) -> Reply:
        found = [i for i in recorded if i["request"]["method"] == method and i["request"]["uri"].endswith(suffix)]
        return Reply.recorded(found[nth])

    listings = [
        json.loads(i["response"]["body"]["string"]) for i in recorded if i["request"]["uri"].endswith("/v1/workspaces")
    ]
    (workspace,) = [w for w in listings[1]["workspaces"] if w["slug"] == "wf-archive"]
    threads = [t["slug"] for t in workspace["threads"]]
    with FaultServer() as server:
        server.script("GET", "/api/v1/workspaces", reply("GET", "/v1/workspaces", 1))  # the archive run's
        server.script(
            "GET", "/api/v1/workspace/wf-archive/chats", *[reply("GET", "/wf-archive/chats?limit=100000")] * 2
        )
        for thread in threads:
            server.script(
                "GET", f"/api/v1/workspace/wf-archive/thread/{thread}/chats", *[reply("GET", f"/{thread}/chats")] * 2
            )
        server.script("GET", "/api/v1/system/export-chats", reply("GET", "/export-chats?type=json"))
        after = reply("GET", "/v1/workspaces", len(listings) - 1)  # the listing read after the run: no thread
        server.script("GET", "/api/v1/workspaces", after, after)
        server.script("POST", "/api/v1/workspace/wf-archive/chat", reply("POST", "/wf-archive/chat", -1))  # the reset
        out = tmp_path / "chats.jsonl"
        options: dict[str, Any] = {
            "out": out,
            "delete": True,
            "dry_run": False,
            "now": datetime(2100, 1, 1, tzinfo=UTC),
        }
        if kind == "sync":
            with AnythingLLMClient(server.base_url, "KEY", max_retries=0) as sync_client:
                report = sync_client.workflows.archive(0, "wf-archive", **options)
        else:
            async with AsyncAnythingLLMClient(server.base_url, "KEY", max_retries=0) as async_client:
                report = await async_client.workflows.archive(0, "wf-archive", **options)
        assert server.unexpected == [] and not [r for r in server.requests if r.method == "DELETE"]
    assert report.ok and {(u.thread, u.status) for u in report.units} == {
        (None, "cleared"), *((t, "deleted") for t in threads)
    }  # fmt: skip
    assert all(u.note == archive_module.GONE for u in report.units if u.thread is not None)


async def test_nothing_is_deleted_when_the_file_does_not_read_back(
    client: Any, sent: list[httpx.Request], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "chats.jsonl"
    original = archive_module._write_new

    def truncated(path: Path, data: bytes) -> None:  # a disk that loses the last line
        original(path, data[: data.rstrip(b"\n").rfind(b"\n") + 1])

    monkeypatch.setattr(archive_module, "_write_new", truncated)
    with workflow_replay("workflow_archive_unverified") as cassette:
        ws = (await resolve(client.workspaces.create("WF Archive Check")))["slug"]
        thread = (await resolve(client.workspace_thread.create_thread(ws, "Keep me")))["slug"]
        await resolve(client.workspace_thread.send_message(ws, thread, "Do not lose this", mode="chat"))
        start = len(sent)
        with pytest.raises(ArchiveVerificationError, match="does not read back"):
            await resolve(client.workflows.archive(0, ws, out, delete=True, dry_run=False, now=datetime.now(UTC)))
        run = sent[start:]
        kept = await resolve(client.workspace_thread.get_thread_messages(ws, thread))
        await resolve(client.workspaces.delete(ws))
        assert cassette.all_played or cassette.record_mode != "none"
    assert calls(run)[-1] == ("GET", "/api/v1/system/export-chats")  # reads and the export, then it stopped
    assert all(r.method == "GET" for r in run)
    assert [m["content"] for m in kept] == ["Do not lose this", "STUB-REPLY: Do not lose this"]


async def test_an_existing_file_is_never_overwritten_and_is_refused_before_any_request(
    client: Any, tmp_path: Path
) -> None:
    out = tmp_path / "chats.jsonl"
    out.write_text("an earlier archive\n")
    with workflow_replay("workflow_archive") as cassette:
        with pytest.raises(FileExistsError, match="never overwritten"):
            await resolve(client.workflows.archive(30, out=out, delete=True, dry_run=False))
        with pytest.raises(FileNotFoundError, match="no folder"):
            await resolve(client.workflows.archive(30, out=tmp_path / "nope" / "x.jsonl", dry_run=False))
        with pytest.raises(ValueError, match="older_than_days"):
            await resolve(client.workflows.archive(-1))
        with pytest.raises(TypeError, match="workspaces"):
            await resolve(client.workflows.archive(30, workspaces=[3]))  # type: ignore[list-item]
        assert cassette.play_count == 0
    assert out.read_text() == "an earlier archive\n"


def test_read_archive_refuses_a_file_that_is_not_one_or_is_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"type": "something else"}\n')
    with pytest.raises(ValueError, match="is not an anythingllm-archive file"):
        read_archive(path)
    header = {"type": "anythingllm-archive", "version": 1, "units": 2, "messages": 1}
    path.write_text(json.dumps(header) + "\n" + json.dumps({"type": "thread", "messages": [{}]}) + "\n")
    with pytest.raises(ValueError, match="incomplete: its header announces 2 units"):
        read_archive(path)


def test_an_archive_reads_back_whatever_the_chats_hold(tmp_path: Path) -> None:
    """Line and paragraph separators (U+2028, U+2029), other scripts and emoji stay inside their line."""
    text = "first\u2028second\u2029third — naïve 数据 🦦\r\nend"
    unit = {"type": "thread", "messages": [{"role": "user", "content": text}], "chats": []}
    header = {"type": "anythingllm-archive", "version": 1, "units": 1, "messages": 1}
    digest = archive_module.write_and_verify(tmp_path / "a.jsonl", [header, unit])
    back = read_archive(tmp_path / "a.jsonl")
    assert back.units[0]["messages"][0]["content"] == text and len(digest) == 64
    assert not (tmp_path / ".a.jsonl.partial").exists()
    with pytest.raises(FileExistsError):
        archive_module.write_and_verify(tmp_path / "a.jsonl", [header, unit])
