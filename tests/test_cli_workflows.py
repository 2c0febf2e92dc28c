"""``anythingllm compare | chat --title | sync | archive | access`` against recordings of a real server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from anythingllm.workflows import read_archive
from tests.conftest import RECORDED_PASSWORD
from tests.test_cli_support import cli_sent, parse_json, paths, run
from tests.workflow_cassettes import workflow_replay

__all__ = ["cli_sent"]  # the fixture, used by name


def test_compare_shows_the_answers_side_by_side_then_the_metrics(cli_sent: list[httpx.Request]) -> None:
    with workflow_replay("workflow_cli_compare") as cassette:
        for name in ("WF CLI One", "WF CLI Two"):
            assert run("workspaces", "create", name).exit_code == 0
        shown = run("compare", "Compare these", "wf-cli-one", "wf-cli-two", "wf-cli-missing", "--mode", "chat")
        as_json = run("--json", "compare", "Compare these", "wf-cli-one", "wf-cli-two", "-m", "chat")
        for slug in ("wf-cli-one", "wf-cli-two"):
            assert run("workspaces", "delete", slug, "--yes").exit_code == 0
        assert cassette.all_played or cassette.record_mode != "none"
    assert shown.exit_code == 1  # one workspace failed; the others answered
    header = next(line for line in shown.stdout.splitlines() if "wf-cli-one" in line)
    assert header.index("wf-cli-one") < header.index("wf-cli-two") < header.index("wf-cli-missing")
    answers = next(line for line in shown.stdout.splitlines() if line.startswith("│ Answer"))
    assert answers.count("STUB-REPLY: Compare these") == 2 and "failed: NotFoundError 400: Workspace" in answers
    metrics = next(line for line in shown.stdout.splitlines() if line.startswith("│ Metrics"))
    assert len(re.findall(r"\d+ tokens \(\d+ in, \d+ out\) · LLM \d+\.\d\d s · total \d+\.\d\d s", metrics)) == 2
    assert shown.stdout.count("stub-model") == 2
    assert "1 of 3 workspaces failed: wf-cli-missing" in shown.stderr
    assert as_json.exit_code == 0
    results = parse_json(as_json)
    assert [r["workspace"] for r in results] == ["wf-cli-one", "wf-cli-two"]
    assert all(r["ok"] and r["answer"] == "STUB-REPLY: Compare these" for r in results)
    assert results[0]["metrics"]["model"] == "stub-model"


def test_chat_with_a_title_starts_the_thread_once_then_continues_it(cli_sent: list[httpx.Request]) -> None:
    with workflow_replay("workflow_cli_chat_title") as cassette:
        assert run("workspaces", "create", "WF CLI Title").exit_code == 0
        first = run("chat", "wf-cli-title", "--title", "Q3 planning", "First message", "--mode", "chat")
        second = run("chat", "wf-cli-title", "--title", "Q3 planning", "Second message", "--mode", "chat")
        threads = run("--json", "threads", "list", "wf-cli-title")
        assert run("threads", "create", "wf-cli-title", "Q3 planning").exit_code == 0  # a second of that name
        ambiguous = run("chat", "wf-cli-title", "--title", "Q3 planning", "Third message")
        assert run("workspaces", "delete", "wf-cli-title", "--yes").exit_code == 0
        assert cassette.all_played or cassette.record_mode != "none"
    assert first.exit_code == 0 and first.stdout.startswith("STUB-REPLY: First message")
    slug = parse_json(threads)[0]["slug"]
    assert f"Started thread {slug} ('Q3 planning')" in first.stderr
    assert second.exit_code == 0 and "Started thread" not in second.stderr
    assert [t["name"] for t in parse_json(threads)] == ["Q3 planning"]
    assert ambiguous.exit_code == 2 and "has 2 threads named 'Q3 planning'" in ambiguous.stderr
    assert slug in ambiguous.stderr and "--thread SLUG" in ambiguous.stderr
    mixed = run("chat", "ws", "--title", "T", "--thread", "t", "hi", server=False)
    assert mixed.exit_code == 2 and "leave out --thread" in mixed.stderr


def test_sync_reports_every_file_and_needs_yes_to_delete(
    tmp_path: Path, cli_sent: list[httpx.Request], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "lions.txt").write_text("Lions sleep up to twenty hours a day.\n")
    (kb / "owls.md").write_text("# Owls\n\nOwls cannot move their eyes.\n")
    (kb / "blank.txt").write_text("")
    with workflow_replay("workflow_cli_sync") as cassette:
        assert run("workspaces", "create", "WF CLI Sync").exit_code == 0
        first = run("sync", "kb", "wf-cli-sync", "-j", "2")
        (kb / "blank.txt").unlink()
        second = run("--json", "sync", "kb", "wf-cli-sync")
        (kb / "owls.md").unlink()
        refused = run("sync", "kb", "wf-cli-sync", "--delete")  # no terminal, no --yes
        start = len(cli_sent)
        preview = run("sync", "kb", "wf-cli-sync", "--delete", "--dry-run")
        middle = len(cli_sent)
        removed = run("sync", "kb", "wf-cli-sync", "--delete", "--yes", "--all")
        assert run("workspaces", "delete", "wf-cli-sync", "--yes").exit_code == 0
        lions = next(f for f in parse_json(second)["files"] if f["path"] == "lions.txt")["documents"]
        assert run("documents", "delete", *lions, "--yes").exit_code == 0
        assert cassette.all_played or cassette.record_mode != "none"
    assert first.exit_code == 1  # the empty file failed; the others went up
    assert re.search(r"│ blank\.txt +│ +0 B │ failed +│ .*No text content found", first.stdout)
    assert re.search(r"│ lions\.txt +│ +38 B │ added +│ custom-documents/lions\.txt-", first.stdout)
    assert "2 added, 1 failed" in first.stdout
    assert re.search(r"Done .* 3/3 files", first.stderr)
    report = parse_json(second)
    assert second.exit_code == 0 and report["counts"]["unchanged"] == 2 and report["counts"]["added"] == 0
    assert refused.exit_code == 2 and "add --yes" in refused.stderr
    assert (
        preview.exit_code == 0 and "would be removed" in preview.stdout and "Dry run, nothing changed" in preview.stdout
    )
    assert paths(cli_sent[start:middle]) == [
        ("GET", "/api/v1/document/accepted-file-types"),
        ("GET", "/api/v1/workspace/wf-cli-sync"),
    ]  # the dry run only reads
    assert ("DELETE", "/api/v1/system/remove-documents") in paths(cli_sent[middle:])
    assert removed.exit_code == 0 and "1 unchanged, 1 removed" in removed.stdout
    assert re.search(r"│ owls\.md +│ +- +│ removed", removed.stdout) and "│ lions.txt" in removed.stdout


def test_archive_is_a_dry_run_unless_delete_and_delete_needs_yes(
    tmp_path: Path, cli_sent: list[httpx.Request], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with workflow_replay("workflow_cli_archive") as cassette:
        assert run("workspaces", "create", "WF CLI Archive").exit_code == 0
        assert (
            run("chat", "wf-cli-archive", "--title", "Old notes", "Remember the milk", "--mode", "chat").exit_code == 0
        )
        dry = run("archive", "--older-than", "0d", "--out", "old.jsonl", "-w", "wf-cli-archive")
        refused = run("archive", "--older-than", "0d", "--out", "old.jsonl", "-w", "wf-cli-archive", "--delete")
        done = run(
            "--json", "archive", "--older-than", "0d", "-o", "old.jsonl", "-w", "wf-cli-archive", "--delete", "-y"
        )
        again = run("archive", "--older-than", "0d", "--out", "old.jsonl", "--export-only")
        threads = run("--json", "threads", "list", "wf-cli-archive")
        assert run("workspaces", "delete", "wf-cli-archive", "--yes").exit_code == 0
        assert cassette.all_played or cassette.record_mode != "none"
    assert dry.exit_code == 0 and "would go" in dry.stdout and "Old notes" in dry.stdout
    assert "Nothing was written or deleted" in dry.stderr
    assert refused.exit_code == 2 and "add --yes" in refused.stderr
    report = parse_json(done)
    assert done.exit_code == 0 and report["verified"] and [u["status"] for u in report["units"]] == ["deleted"]
    assert read_archive(tmp_path / "old.jsonl").units[0]["thread"]["name"] == "Old notes"
    assert again.exit_code == 2 and "never overwritten" in again.stderr
    assert parse_json(threads) == []
    bad = run("archive", "--older-than", "soon", "--out", "x.jsonl", server=False)
    assert bad.exit_code == 2 and "not an age such as 30d" in bad.stderr
    assert json.loads((tmp_path / "old.jsonl").read_text().splitlines()[0])["units"] == 1


def test_access_grant_and_revoke_report_per_workspace(cli_sent: list[httpx.Request]) -> None:
    """Recorded in multi-user mode."""
    with workflow_replay("workflow_cli_access") as cassette:
        for name in ("WF CLI Team One", "WF CLI Team Two"):
            assert run("workspaces", "create", name).exit_code == 0
        for user in ("wf-cara", "wf-dan"):
            assert run("admin", "users", "create", user, "--password", RECORDED_PASSWORD).exit_code == 0
        granted = run("access", "grant", "wf-cara", "wf-dan", "--workspaces", "wf-cli-team-*")
        again = run("--json", "access", "grant", "wf-cara", "--workspaces", "wf-cli-team-*")
        refused = run("access", "revoke", "wf-cara", "--workspaces", "wf-cli-team-*")
        preview = run("access", "revoke", "wf-cara", "-w", "wf-cli-team-*", "--dry-run")
        revoked = run("access", "revoke", "wf-cara", "-w", "wf-cli-team-*", "--yes")
        nothing = run("access", "grant", "wf-cara", "-w", "no-such-*")
        unknown = run("access", "grant", "wf-nobody", "-w", "wf-cli-team-*")
        users = parse_json(run("--json", "admin", "users", "list"))
        for user in users:
            if str(user["username"]).startswith("wf-"):
                assert run("admin", "users", "delete", str(user["id"]), "--yes").exit_code == 0
        for slug in ("wf-cli-team-one", "wf-cli-team-two"):
            assert run("workspaces", "delete", slug, "--yes").exit_code == 0
        assert cassette.all_played or cassette.record_mode != "none"
    assert granted.exit_code == 0 and "Changed 2 of 2 workspaces." in granted.stdout
    assert re.search(r"│ wf-cli-team-one │ changed +│ wf-cara, wf-dan │ - +│ wf-cara, wf-dan", granted.stdout)
    report = parse_json(again)
    assert [w["status"] for w in report["workspaces"]] == ["unchanged", "unchanged"]
    assert refused.exit_code == 2 and "add --yes" in refused.stderr
    assert preview.exit_code == 0 and "Dry run: would change 2 of 2 workspaces." in preview.stdout
    assert revoked.exit_code == 0 and re.search(
        r"│ wf-cli-team-two │ changed +│ wf-cara +│ - +│ wf-dan", revoked.stdout
    )
    assert nothing.exit_code == 2 and "no workspace matches 'no-such-*'" in nothing.stderr
    assert unknown.exit_code == 2 and "no such user(s) on the server: 'wf-nobody'" in unknown.stderr
