"""``anythingllm documents …`` and ``search`` against recorded answers, including a partial upload failure."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from tests.faultserver import FaultServer, Reply
from tests.recordings import load_interactions
from tests.test_cli_support import cli_replay, cli_sent, parse_json, paths, run

__all__ = ["cli_sent"]  # the fixture, used by name

NOTES = "custom-documents/vcr-notes.txt-b3491a74-d204-4e18-8622-472ae10f3e9e.json"
EMBEDDED = "custom-documents/vcr-embedded.txt-04d10662-c7da-45ee-950f-46f3b3531bbf.json"
UNSUPPORTED = "File extension .unknownext not supported for parsing"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to upload (named like the recorded uploads), with files the walk must leave out."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".git").mkdir()
    (docs / "vcr-notes.txt").write_text("VCR notes: otters hold hands while sleeping.\n")
    (docs / "sub" / "vcr-embedded.txt").write_text("Embedded notes: octopuses have three hearts and blue blood.\n")
    (docs / "photo.xyz").write_bytes(b"not a type the server takes")
    (docs / ".hidden.txt").write_text("hidden files are not uploaded")
    (docs / ".git" / "config.txt").write_text("nor hidden folders")
    (tmp_path / "blob.unknownext").write_bytes(b"\x00\x01")
    return tmp_path


def _uploads(sent: list[httpx.Request]) -> list[bytes]:
    found = [re.search(rb'filename="([^"]+)"', r.read()) for r in sent if r.url.path.startswith("/api/v1/document/up")]
    return sorted(m.group(1) for m in found if m)


def test_upload_reports_each_file_and_one_failure_does_not_stop_the_others(
    tree: Path, cli_sent: list[httpx.Request]
) -> None:
    with cli_replay("documents_upload_and_embed", "errors_documents") as cassette:
        result = run("documents", "upload", "docs", "blob.unknownext", "--concurrency", "2")
        assert cassette.play_count == 4
    assert result.exit_code == 1
    assert re.search(rf"│ docs/vcr-notes\.txt +│ +45 B │ uploaded │ {re.escape(NOTES)} ", result.stdout)
    assert re.search(rf"│ docs/sub/vcr-embedded\.txt +│ +60 B │ uploaded │ {re.escape(EMBEDDED)} ", result.stdout)
    assert re.search(rf"│ blob\.unknownext +│ +2 B │ failed +│ 500: .*{UNSUPPORTED}", result.stdout)
    assert "2 uploaded, 1 failed, 1 skipped (type not accepted by the server)" in result.stdout
    assert "Skipping 1 file(s) of types the server does not accept: docs/photo.xyz" in result.stderr
    # One rule for both: a type the server does not list is skipped in a folder, sent with a warning when named
    assert (
        "Sending 1 file(s) named directly although the server does not list their type as accepted "
        "(it may still read them as text): blob.unknownext"
    ) in result.stderr
    assert re.search(r"Done .* 3/3 files 107/107 bytes", result.stderr)  # the progress bar's last state
    assert paths(cli_sent)[0] == ("GET", "/api/v1/document/accepted-file-types")
    assert _uploads(cli_sent) == [b"blob.unknownext", b"vcr-embedded.txt", b"vcr-notes.txt"]


def test_upload_json_lists_every_file(tree: Path) -> None:
    with cli_replay("documents_upload_and_embed", "errors_documents"):
        result = run("--json", "documents", "upload", "docs", "blob.unknownext", "-j", "1")
    assert result.exit_code == 1
    report = parse_json(result)
    assert (report["uploaded"], report["failed"], report["skipped"]) == (2, 1, ["docs/photo.xyz"])
    by_path = {entry["path"]: entry for entry in report["files"]}
    assert by_path["docs/vcr-notes.txt"] == {"path": "docs/vcr-notes.txt", "size": 45, "ok": True, "documents": [NOTES]}
    failed = by_path["blob.unknownext"]
    assert failed["ok"] is False
    assert failed["error"]["type"] == "ServerError" and UNSUPPORTED in failed["error"]["message"]


# Uploading into a workspace (embedded after the uploads, then checked): tests/test_cli_truth.py.


def test_upload_into_a_folder(tmp_path: Path, cli_sent: list[httpx.Request]) -> None:
    notes = tmp_path / "vcr-folder-notes.txt"
    notes.write_text("Folder notes: penguins propose with pebbles.\n")
    with cli_replay("documents_upload_and_embed"):
        result = run("documents", "upload", str(notes), "--folder", "vcr-folder")
    assert result.exit_code == 0
    assert "vcr-folder/vcr-folder-notes.txt-4c3bcdac-681f-4e08-abbf-e170ec86de14.json" in result.stdout
    assert paths(cli_sent) == [
        ("GET", "/api/v1/document/accepted-file-types"),
        ("POST", "/api/v1/document/upload/vcr-folder"),
    ]


def test_upload_with_nothing_accepted_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.xyz").write_text("x")
    with cli_replay("documents_upload_and_embed") as cassette:
        result = run("documents", "upload", str(tmp_path))
        assert cassette.play_count == 1  # only the accepted types were asked for
    assert result.exit_code == 2
    assert "no files to upload (1 skipped" in result.stderr
    assert ".txt" in result.stderr


def test_upload_of_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("documents", "upload", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2


def test_upload_link_and_raw_text(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("documents_upload_and_embed"):
        link = run("documents", "upload-link", "http://127.0.0.1:41723/fixture.html", "-w", "vcr-docs-ws")
        raw = run("documents", "raw-text", "--title", "vcr-raw-note", input="Raw text: hummingbirds can fly backwards.")
    assert link.exit_code == 0 and raw.exit_code == 0
    assert "custom-documents/url-127.0.0.1_fixture.html-3e3ba7d7" in link.stdout
    assert raw.stdout.startswith("✓ Stored 'vcr-raw-note' as custom-documents/raw-vcr-raw-note-6a80e94d")
    assert b'"addToWorkspaces":"vcr-docs-ws"' in cli_sent[0].read().replace(b" ", b"")
    assert b"hummingbirds can fly backwards" in cli_sent[1].read()


def test_raw_text_without_text_is_a_usage_error() -> None:
    result = run("documents", "raw-text", "--title", "t", input="")
    assert result.exit_code == 2


def test_unreachable_link_is_reported() -> None:
    with cli_replay("errors_documents"):
        result = run("documents", "upload-link", "http://127.0.0.1:9/unreachable")
    assert result.exit_code == 1
    assert "No URL content found at http://127.0.0.1:9/unreachable." in result.stderr


def test_list_and_folders() -> None:
    with cli_replay("documents_upload_and_embed"):
        listed = run("documents", "list")
    with cli_replay("documents_upload_and_embed"):
        folders = parse_json(run("--json", "documents", "folders"))
    assert listed.exit_code == 0
    assert "custom-documents/elephant.txt-7b6a4465-04cd-46b2-8796-f6955bbffa15.json" in listed.stdout
    assert "custom-documents" in [f["name"] for f in folders]


# Deleting and moving documents: tests/test_cli_truth.py (recorded with the listing they read first).


# --- search ----------------------------------------------------------------------------------------------------


def test_search_shows_chunks_with_scores(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("documents_upload_and_embed"):
        result = run(
            "search", "vcr-docs-ws", "octopuses three hearts blue blood", "--top-n", "2", "--score-threshold", "0.1"
        )
    assert result.exit_code == 0
    assert re.search(r"│ 1 │ 0\.456 │ Octopus facts +│ Embedded notes: octopuses have three hearts", result.stdout)
    assert re.search(r"│ 2 │ 1\.000 │ Local link fixture", result.stdout)
    assert "document_metadata" not in result.stdout
    assert cli_sent[0].read() == b'{"query":"octopuses three hearts blue blood","topN":2,"scoreThreshold":0.1}'


def test_search_as_json_and_for_an_unknown_workspace() -> None:
    with cli_replay("documents_upload_and_embed"):
        run("search", "vcr-docs-ws", "octopuses")  # the first recorded search
        hits = parse_json(run("--json", "search", "vcr-docs-ws", "hummingbirds fly backwards"))
    assert [h["metadata"]["title"] for h in hits][:1] == ["vcr-raw-note.txt"]
    with cli_replay("errors_workspace"):
        unknown = run("search", "no-such-ws", "anything")
    assert unknown.exit_code == 1
    assert "workspace 'no-such-ws' does not exist" in unknown.stderr


def test_a_200_file_folder_uploads_in_parallel_and_reports_every_file(tmp_path: Path) -> None:
    """The recorded upload answer, served by the local fault server 200 times (4 at once)."""
    recorded = {
        (i["request"]["method"], i["request"]["uri"].split("3001")[1]): i
        for i in load_interactions("documents_upload_and_embed")
    }
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(200):
        (folder / f"note-{n:03d}.txt").write_text(f"note {n}\n")
    with FaultServer() as server:
        server.script(
            "GET",
            "/api/v1/document/accepted-file-types",
            Reply.recorded(recorded["GET", "/api/v1/document/accepted-file-types"]),
        )
        server.answer_everything(Reply.recorded(recorded["POST", "/api/v1/document/upload"]))
        result = run(
            "--base-url", server.base_url, "--api-key", "k", "documents", "upload", str(folder), "-j", "4", server=False
        )
        assert server.count("POST", "/api/v1/document/upload") == 200
    assert result.exit_code == 0, result.stderr
    assert "200 uploaded, 0 failed" in result.stdout
    assert len(re.findall(r"│ .*note-\d{3}\.txt +│ .* │ uploaded +│", result.stdout)) == 200
    assert re.search(r"Done .* 200/200 files", result.stderr)
