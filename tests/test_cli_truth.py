"""The command line tells the truth: deletes need --yes and say what happened to each item, errors
start on their own line with a hint for the right kind of object, and messages use its own flags.

The ``truth_cli_*`` cassettes were recorded on v1.16.0 by these tests (``make record``); each test
creates what it changes. Failures the server cannot be made to show use the local fault server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from anythingllm.cli import bulk_delete, inputs
from anythingllm.cli.errors import cli_words, describe, not_found_hint
from anythingllm.errors import NotFoundError
from tests.faultserver import FaultServer, Reply
from tests.recordings import load_interactions
from tests.sse_recordings import find
from tests.test_cli_support import cli_replay, cli_sent, parse_json, paths, run

__all__ = ["cli_sent"]  # the fixture, used by name

PAGES = "http://127.0.0.1:8931"  # the loopback page server the upload-link recording used


# --- confirmation ------------------------------------------------------------------------------------------

DESTRUCTIVE = [
    ("workspaces", "delete", "some-ws"),
    ("threads", "delete", "some-ws", "some-thread"),
    ("documents", "delete", "custom-documents/a.json"),
    ("admin", "users", "delete", "5"),
    ("admin", "invites", "delete", "4"),
    ("embeds", "delete", "0d6fbd2c-9a4e-4a8e-8f7e-1c1d3b0f9b11"),
]


@pytest.mark.parametrize("command", DESTRUCTIVE, ids=" ".join)
def test_without_a_terminal_a_destructive_command_refuses_without_yes(
    command: tuple[str, ...], cli_sent: list[httpx.Request]
) -> None:
    result = run(*command, input="n\n")  # echo n | anythingllm ...: stdin is a pipe, nobody can be asked
    assert result.exit_code == 2
    assert "not confirmed" in result.stderr and "Pass --yes to confirm" in result.stderr
    assert cli_sent == []  # nothing was deleted, nothing was even asked of the server


@pytest.mark.parametrize("answer", ["n\n", "\n"])
def test_in_a_terminal_no_is_the_default_and_cancels(
    answer: str, monkeypatch: pytest.MonkeyPatch, cli_sent: list[httpx.Request]
) -> None:
    monkeypatch.setattr(inputs, "stdin_is_terminal", lambda: True)
    result = run("workspaces", "delete", "some-ws", input=answer)
    assert result.exit_code == 1
    assert "Delete workspace 'some-ws' with all its chats and embeddings? [y/N]" in result.stderr
    assert "Cancelled." in result.stderr
    assert cli_sent == []


# --- threads -----------------------------------------------------------------------------------------------


def test_threads_delete_says_deleted_only_for_a_thread_that_exists(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("truth_cli_threads"):
        created = run("--json", "workspaces", "create", "Truth CLI Threads")
        slug = parse_json(created)["slug"]
        run("threads", "create", slug, "Doomed")
        thread = parse_json(run("--json", "threads", "list", slug))[0]["slug"]
        cli_sent.clear()
        deleted = run("threads", "delete", slug, thread, "--yes")
        missing = run("threads", "delete", slug, "no-such-thread", "--yes")
        run("workspaces", "delete", slug, "--yes")
    assert deleted.exit_code == 0 and deleted.stdout == f"✓ Deleted thread {thread}\n"
    assert missing.exit_code == 1 and missing.stdout == ""
    assert missing.stderr.startswith(f"Error: 404: thread 'no-such-thread' does not exist in workspace '{slug}'")
    assert "Hint: `anythingllm threads list WORKSPACE` shows the thread slugs of a workspace" in missing.stderr
    assert paths(cli_sent)[:3] == [
        ("GET", "/api/v1/workspaces"),
        ("DELETE", f"/api/v1/workspace/{slug}/thread/{thread}"),
        ("GET", "/api/v1/workspaces"),  # ... and no DELETE for the thread that is not there
    ]


# --- documents: bulk delete, move, upload-link -------------------------------------------------------------


def test_bulk_delete_reports_each_document_uses_batches_and_exits_1_if_any_was_not_deleted(
    monkeypatch: pytest.MonkeyPatch, cli_sent: list[httpx.Request]
) -> None:
    monkeypatch.setattr(bulk_delete, "BATCH_SIZE", 2)
    with cli_replay("truth_cli_documents_delete"):
        stored = [
            parse_json(run("--json", "documents", "raw-text", f"Truth bulk note {n}.", "--title", f"truth bulk {n}"))
            for n in range(3)
        ]
        locations = [doc["location"] for doc in stored]
        names = [location.rpartition("/")[2] for location in locations]
        cli_sent.clear()
        mixed = run("documents", "delete", locations[0], "nope.json", names[1], locations[2], "--yes")
        again = run("--json", "documents", "delete", locations[0], "--yes")
    assert mixed.exit_code == 1
    assert mixed.stdout.splitlines() == [
        f"✓ Deleted {locations[0]}",
        "✗ Not found: nope.json: no document is stored there",
        f"✓ Deleted {locations[1]}",  # a file name: the listing found its folder
        f"✓ Deleted {locations[2]}",
        "3 deleted, 1 not found, 0 failed",
    ]
    assert re.search(r"Deleting .* 3/4 documents", mixed.stderr) or "4/4 documents" in mixed.stderr
    assert paths(cli_sent)[:5] == [
        ("GET", "/api/v1/documents"),  # one listing finds every document
        ("GET", "/api/v1/documents"),  # each batch: remove_documents checks its names ...
        ("DELETE", "/api/v1/system/remove-documents"),  # ... and removes two at once
        ("GET", "/api/v1/documents"),
        ("DELETE", "/api/v1/system/remove-documents"),
    ]
    assert json.loads(cli_sent[2].content) == {"names": locations[:2]}
    assert again.exit_code == 1
    assert parse_json(again) == {
        "deleted": 0,
        "not_found": 1,
        "failed": 0,
        "interrupted": False,
        "documents": [{"document": locations[0], "result": "not found", "error": "no document is stored there"}],
    }


def test_a_failed_batch_is_reported_and_the_next_batch_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_delete, "BATCH_SIZE", 1)
    listing = {
        "localFiles": {
            "name": "documents",
            "type": "folder",
            "items": [
                {"name": "custom-documents", "type": "folder", "items": [{"name": "a.json"}, {"name": "b.json"}]}
            ],
        }
    }
    with FaultServer() as server:
        server.script("GET", "/api/v1/documents", *[Reply.json(json.dumps(listing))] * 3)
        server.script(
            "DELETE",
            "/api/v1/system/remove-documents",
            Reply.text("Internal Server Error", status=500),
            Reply.json('{"success":true,"message":"Documents removed successfully"}'),
        )
        result = run(
            "--base-url", server.base_url, "--api-key", "k", "--max-retries", "0", "documents", "delete",
            "custom-documents/a.json", "custom-documents/b.json", "--yes", server=False,
        )  # fmt: skip
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✗ Failed: custom-documents/a.json: 500: ")
    assert lines[1:] == ["✓ Deleted custom-documents/b.json", "1 deleted, 0 not found, 1 failed"]


def test_upload_into_a_workspace_embeds_after_the_uploads_and_checks_every_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_sent: list[httpx.Request]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for n, animal in enumerate(["yaks hum", "emus drum", "newts glow"]):
        (tmp_path / "docs" / f"truth-embed-{n}.txt").write_text(f"Truth embed: {animal}.\n")
    with cli_replay("truth_cli_upload_embed"):
        slug = parse_json(run("--json", "workspaces", "create", "Truth CLI Embed"))["slug"]
        cli_sent.clear()
        uploaded = run("documents", "upload", "docs", "--workspace", slug, "--concurrency", "3")
        sent = paths(cli_sent)
        embedded = parse_json(run("--json", "workspaces", "get", slug))["documents"]
        run("workspaces", "delete", slug, "--yes")
        run("documents", "delete", *[d["docpath"] for d in embedded], "--yes")
    assert uploaded.exit_code == 0, uploaded.output
    assert "3 uploaded, 0 failed" in uploaded.stdout
    assert len(embedded) == 3  # parallel uploads that each embedded into a new workspace raced on the server
    assert sent[:2] == [("GET", f"/api/v1/workspace/{slug}"), ("GET", "/api/v1/document/accepted-file-types")]
    assert sorted(sent[2:]) == [("POST", "/api/v1/document/upload")] * 3 + [
        ("POST", f"/api/v1/workspace/{slug}/update-embeddings")
    ]
    assert sent[-1] == ("POST", f"/api/v1/workspace/{slug}/update-embeddings")  # one call, after the uploads


def test_a_document_the_server_did_not_embed_is_reported_and_exits_1(tmp_path: Path) -> None:
    """Recorded answers: the workspace, the upload, and an update-embeddings answer without the document."""
    (tmp_path / "vcr-notes.txt").write_text("VCR notes: otters hold hands while sleeping.\n")
    lifecycle = load_interactions("workspace_lifecycle")
    documents = load_interactions("documents_upload_and_embed")
    not_taken = load_interactions("errors_workspace")[10]  # update-embeddings of a document it did not embed
    with FaultServer() as server:
        server.script("GET", "/api/v1/workspace/vcr-lifecycle-ws", *[Reply.recorded(lifecycle[1])] * 2)
        server.script("GET", "/api/v1/document/accepted-file-types", *[Reply.recorded(documents[1])] * 2)
        server.script("POST", "/api/v1/document/upload", *[Reply.recorded(documents[4])] * 2)
        server.script("POST", "/api/v1/workspace/vcr-lifecycle-ws/update-embeddings", *[Reply.recorded(not_taken)] * 2)
        server.script("GET", "/api/v1/documents", *[Reply.recorded(documents[9])] * 2)  # it is stored
        server_options = ["--base-url", server.base_url, "--api-key", "k", "--max-retries", "0"]
        upload = ["documents", "upload", str(tmp_path / "vcr-notes.txt"), "--workspace", "vcr-lifecycle-ws"]
        shown = run(*server_options, *upload, server=False)
        as_json = run(*server_options, "--json", *upload, server=False)
    assert (shown.exit_code, as_json.exit_code) == (1, 1)
    assert re.search(r"│ not embedded │ custom-documents/vcr-notes\.txt-", shown.stdout)
    assert "1 uploaded (1 not embedded), 0 failed" in shown.stdout
    report = parse_json(as_json)
    assert (report["uploaded"], report["not_embedded"], report["failed"]) == (1, 1, 0)
    assert report["files"][0]["embedded"] is False
    assert "but the server did not embed it into vcr-lifecycle-ws" in report["files"][0]["embed_error"]


def test_move_to_a_missing_folder_or_of_an_embedded_document_is_not_reported_as_moved(
    cli_sent: list[httpx.Request],
) -> None:
    with cli_replay("truth_cli_move"):
        slug = parse_json(run("--json", "workspaces", "create", "Truth CLI Move"))["slug"]
        doc = parse_json(
            run(
                "--json",
                "documents",
                "raw-text",
                "Truth move: koalas sleep all day.",
                "--title",
                "truth move",
                "-w",
                slug,
            )
        )
        nowhere = run("documents", "move", doc["location"], f"no-such-folder/{doc['name']}")
        stuck = run("documents", "move", doc["location"], f"custom-documents/moved-{doc['name']}")
        run("workspaces", "delete", slug, "--yes")
        run("documents", "delete", doc["location"], "--yes")
    assert nowhere.exit_code == 1 and nowhere.stdout == ""
    assert nowhere.stderr.startswith("Error: 404: no folder named 'no-such-folder' exists")
    assert "(`anythingllm documents upload --folder NAME` makes one)" in nowhere.stderr
    assert "Hint: `anythingllm documents folders` shows the folders" in nowhere.stderr
    assert "documents.create_folder" not in nowhere.stderr
    assert stuck.exit_code == 1
    assert stuck.stdout == (
        f"✗ Not moved: {doc['location']} (1/1 files not moved. Unembed them from all workspaces.)\n"
    )


def test_upload_link_of_an_error_page_is_an_error_and_nothing_stays(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("truth_cli_upload_link"):
        missing = run("documents", "upload-link", f"{PAGES}/missing")
        empty = run("documents", "upload-link", f"{PAGES}/empty")
        listed = parse_json(run("--json", "documents", "list"))
    assert missing.exit_code == 1 and missing.stdout == ""
    assert missing.stderr.startswith(f"Error: {PAGES}/missing answered with an error page ('404 Not Found')")
    assert "pass --accept-error-page to keep such a page" in missing.stderr
    assert "Hint: The server fetches the page itself" in missing.stderr
    assert empty.exit_code == 1
    assert empty.stderr.startswith(f"Error: 500: The server could not fetch {PAGES}/empty")
    assert listed == []  # the stored copy of the error page was removed again


# --- error lines and hints ---------------------------------------------------------------------------------


def _cut_stream(complete: bool) -> Reply:
    recorded = find("workspace_stream_chat", "/stream-chat", message="Stream hello to me")
    events = [line[len("data: ") :] for line in recorded.body.decode().splitlines() if line.startswith("data: ")]
    chunks = [e for e in events if json.loads(e).get("type") == "textResponseChunk"]
    return Reply.sse(chunks[:3], complete=complete, framing="chunked" if not complete else "close")


@pytest.mark.parametrize("complete", [True, False], ids=["ended-early", "connection-broke"])
def test_an_error_after_partial_output_starts_on_its_own_line_without_a_200(complete: bool) -> None:
    with FaultServer() as server:
        server.script("POST", "/api/v1/workspace/some-ws/stream-chat", _cut_stream(complete))
        result = run(
            "--base-url", server.base_url, "--api-key", "k", "--max-retries", "0", "chat", "some-ws", "hi",
            server=False,
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout.endswith("\n") and result.stdout.strip()  # the partial answer, then a line break
    assert result.stderr.startswith("Error: ")
    assert not result.stderr.startswith("Error: 200")


@pytest.mark.parametrize(
    ("reply", "what"),
    [
        (Reply.html("<html><body><h1>Welcome to nginx!</h1></body></html>"), "an HTML page"),
        (Reply.json('{"message": "Not Found"}', status=404), 'a 404 answer ("Not Found")'),
        (Reply.text("OK"), 'a 200 answer ("OK")'),
    ],
)
def test_status_against_a_server_that_is_not_anythingllm_says_so(reply: Reply, what: str) -> None:
    with FaultServer() as server:
        server.script("GET", "/api/v1/auth", reply)
        result = run("--base-url", server.base_url, "--api-key", "k", "--max-retries", "0", "status", server=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {server.base_url} is not an AnythingLLM server, or not its address")
    assert f"GET /api/v1/auth, which every AnythingLLM server answers, gave {what}" in result.stderr
    assert "workspaces list" not in result.stderr
    assert "Hint: Point --base-url (or ANYTHINGLLM_BASE_URL) at the AnythingLLM server itself" in result.stderr


@pytest.mark.parametrize(
    ("message", "path", "command"),
    [
        ("thread 'x' does not exist in workspace 'ws'", "/api/v1/workspaces", "threads list WORKSPACE"),
        ("Thread not found", "/api/v1/workspace/ws/thread/x/chats", "threads list WORKSPACE"),
        ("Workspace not found", "/api/v1/workspace/ws/thread/x/chats", "workspaces list"),
        ("workspace 'ws' does not exist", "/api/v1/workspace/ws", "workspaces list"),
        ("no folder holds a document named 'x.json'", "/api/v1/documents", "documents list"),
        ("no folder named 'f' exists", "/api/v1/documents", "documents folders"),
        ("Embed not found", "/api/v1/embed/abc", "embeds list"),
        ("Invite not found or already disabled", "/api/v1/admin/invite/9", "admin invites list"),
        ("Not found.", "/api/v1/admin/users/9", "admin users list"),
        ("The model 'x' was not found", "/api/v1/openai/chat/completions", "openai models"),
        ("Not found.", "/api/v1/document/x.json", "documents list"),
    ],
)
def test_each_not_found_hint_names_the_list_of_its_kind(message: str, path: str, command: str) -> None:
    hint = not_found_hint(NotFoundError(404, message, method="GET", path=path))
    assert hint.startswith(f"`anythingllm {command}` shows")
    failure = describe(NotFoundError(404, message, method="GET", path=path), base_url="http://x", key_given=True)
    assert failure.hint == hint


# --- the command line's own words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("workspace_id must not be empty", "WORKSPACE must not be empty"),
        ("add_to_workspaces[0] must be one workspace slug, got 'a,b'", "--workspace must be one workspace slug"),
        ("session_id must not be empty or blank", "--session-id must not be empty or blank"),
        ("no saved prompt has id 3 (client.system.get_prompts() lists them)", "no saved prompt has id 3"),
        ("not here (users.list() shows the ids)", "not here (`anythingllm admin users list` shows the ids)"),
        ("user_ids[] must be an integer >= 1, got 0", "USER_ID must be an integer >= 1, got 0"),
        ("title must not be empty or only whitespace", "--title must not be empty or only whitespace"),
        ("input_text must not be empty or only whitespace", "TEXT must not be empty or only whitespace"),
        ("The model 'x' was not found", "The model 'x' was not found"),  # a plain word stays a word
        ("query text for the model", "query text for the model"),
    ],
)
def test_client_messages_are_told_in_the_command_lines_words(message: str, expected: str) -> None:
    assert cli_words(message).startswith(expected)
    assert cli_words(message) == expected or not cli_words(message).removeprefix(expected).startswith("_")


@pytest.mark.parametrize(
    ("command", "named"),
    [
        (("chat", "some-ws", "hi", "--session-id", " "), "--session-id"),
        (("embeds", "chats", "0d6fbd2c-9a4e-4a8e-8f7e-1c1d3b0f9b11", "--session", ".."), "--session-id"),
        (("chat", "..", "hi"), "WORKSPACE"),
        (("threads", "history", "some-ws", ".."), "THREAD"),
        (("documents", "upload-link", "ftp://example.com/x"), "URL"),
        (("documents", "raw-text", "hi", "--title", " "), "--title"),
        (("documents", "move", "x.json", "f/x.json"), "FROM"),
        (("admin", "workspace-users", "add", "some-ws", "0"), "USER_ID"),
        (("openai", "embed", " "), "TEXT"),
    ],
)
def test_a_value_the_client_refuses_is_named_as_the_command_line_names_it(
    command: tuple[str, ...], named: str, cli_sent: list[httpx.Request]
) -> None:
    result = run(*command)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {named} ")
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", result.stderr)  # no snake_case parameter names
    assert cli_sent == []


@pytest.mark.parametrize(
    ("command", "flags"),
    [
        (("admin", "users", "update", "5"), "--username, --password, --role"),
        (("embeds", "update", "0d6fbd2c-9a4e-4a8e-8f7e-1c1d3b0f9b11"), "--enable/--disable, --chat-mode"),
    ],
)
def test_an_update_with_nothing_to_change_names_the_commands_own_options(
    command: tuple[str, ...], flags: str, cli_sent: list[httpx.Request]
) -> None:
    result = run(*command)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: nothing to change: give at least one option")
    assert f"Hint: The options are {flags}" in result.stderr
    assert cli_sent == []


def _help(*command: str) -> Any:
    return run(*command, "--help", server=False).stdout


def test_chat_help_says_that_attached_documents_stay_on_the_server() -> None:
    assert "direct-uploads" in " ".join(_help("chat").split())
