"""``anythingllm chat`` and ``threads`` against recorded chats: streaming, sources, stdin, JSON, errors."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx

from tests.test_cli_support import cli_replay, cli_sent, parse_json, paths, run

__all__ = ["cli_sent"]  # the fixture, used by name

# A 1x1 PNG (the image the recordings attached).
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _sent_body(request: httpx.Request) -> dict[str, object]:
    body: dict[str, object] = json.loads(request.content)
    return body


def test_chat_streams_the_answer_then_lists_its_sources(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_stream_chat") as cassette:
        hello = run("chat", "vcr-stream-ws", "Stream hello to me", "--mode", "chat")
        refused = run("chat", "vcr-stream-ws", "What do zebras love?", "--mode", "query")
        sourced = run("chat", "vcr-stream-ws", "zebras love crunchy purple carrots", "-m", "query")
        assert cassette.play_count == 3
    assert [r.exit_code for r in (hello, refused, sourced)] == [0, 0, 0]
    assert hello.stdout == "STUB-REPLY: Stream hello to me\n"
    assert refused.stdout == "There is no relevant information in this workspace to answer your query.\n"
    assert sourced.stdout == (
        "STUB-REPLY: zebras love crunchy purple carrots\nSources:\n  [1] vcr-zebras-stream.txt  (score 0.62)\n"
    )
    assert paths(cli_sent) == [("POST", "/api/v1/workspace/vcr-stream-ws/stream-chat")] * 3
    assert _sent_body(cli_sent[0]) == {"message": "Stream hello to me", "mode": "chat"}


def test_chat_json_prints_the_whole_message() -> None:
    with cli_replay("workspace_stream_chat"):
        result = run("chat", "vcr-stream-ws", "Stream hello to me", "--json")
    assert result.exit_code == 0
    message = parse_json(result)
    assert message["content"] == "STUB-REPLY: Stream hello to me"
    assert message["chatId"] == 32
    assert message["sources"] == []


def test_chat_reads_the_message_from_stdin(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_stream_chat"):
        result = run("chat", "vcr-stream-ws", "--mode", "chat", input="Stream hello to me\n")
    assert result.exit_code == 0
    assert result.stdout == "STUB-REPLY: Stream hello to me\n"
    assert _sent_body(cli_sent[0])["message"] == "Stream hello to me"


def test_piped_text_comes_before_the_message(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_stream_chat"):
        result = run("chat", "vcr-stream-ws", "summarize", input="# Notes\nzebras love carrots\n")
    assert result.exit_code == 0
    assert _sent_body(cli_sent[0])["message"] == "# Notes\nzebras love carrots\n\nsummarize"


def test_nothing_to_send_is_a_usage_error() -> None:
    with cli_replay("workspace_stream_chat") as cassette:
        result = run("chat", "vcr-stream-ws", input="  \n")
        assert cassette.play_count == 0
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: nothing to send")


def test_no_stream_waits_for_the_whole_answer(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_chat_modes"):
        result = run("chat", "vcr-chat-ws", "Hello there, stub!", "--no-stream", "--mode", "chat")
    assert result.exit_code == 0
    assert result.stdout == "STUB-REPLY: Hello there, stub!\n"
    assert paths(cli_sent) == [("POST", "/api/v1/workspace/vcr-chat-ws/chat")]


def test_no_stream_shows_sources_and_session(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_chat_modes"):
        for message in ("Hello there, stub!", "What do zebras love?"):  # the two recorded chats before it
            assert run("chat", "vcr-chat-ws", message, "--no-stream").exit_code == 0
        result = run("chat", "vcr-chat-ws", "zebras love crunchy purple carrots", "--no-stream", "--session-id", "s1")
    assert result.exit_code == 0
    assert result.stdout.endswith("Sources:\n  [1] vcr-zebras.txt  (score 0.64)\n")
    assert _sent_body(cli_sent[-1])["sessionId"] == "s1"


def test_attachments_are_sent_with_the_message(tmp_path: Path, cli_sent: list[httpx.Request]) -> None:
    image = tmp_path / "pixel.png"
    image.write_bytes(PIXEL)
    with cli_replay("workspace_stream_chat"):
        result = run("chat", "vcr-stream-ws", "Describe this picture", "--attach", str(image))
    assert result.exit_code == 0
    attachments = _sent_body(cli_sent[0])["attachments"]
    assert attachments == [
        {
            "name": "pixel.png",
            "mime": "image/png",
            "contentString": "data:image/png;base64," + base64.b64encode(PIXEL).decode(),
        }
    ]


def test_missing_attachment_is_a_usage_error(tmp_path: Path) -> None:
    result = run("chat", "vcr-stream-ws", "hi", "--attach", str(tmp_path / "nope.png"))
    assert result.exit_code == 2


def test_chat_in_a_thread(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("thread_lifecycle"):
        result = run("chat", "vcr-thread-ws", "Thread stream hello", "--thread", "vcr-thread-1", "--mode", "chat")
    assert result.exit_code == 0
    assert result.stdout == "STUB-REPLY: Thread stream hello\n"
    assert paths(cli_sent) == [("POST", "/api/v1/workspace/vcr-thread-ws/thread/vcr-thread-1/stream-chat")]


def test_chat_with_an_unknown_workspace_fails_with_exit_1() -> None:
    with cli_replay("errors_chat"):
        result = run("chat", "no-such-ws", "hi")
    assert result.exit_code == 1
    assert "Workspace no-such-ws is not a valid workspace." in result.stderr
    assert result.stderr.count("\n") == 2  # one red line and its hint


def test_invalid_mode_is_refused_by_the_command_line() -> None:
    result = run("chat", "vcr-stream-ws", "hi", "--mode", "bogus")
    assert result.exit_code == 2


# --- threads ---------------------------------------------------------------------------------------------------


def test_threads_create_rename_history(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("thread_lifecycle"):
        created = run("threads", "create", "vcr-thread-ws", "VCR Thread")
        renamed = run("threads", "rename", "vcr-thread-ws", "vcr-thread-1", "VCR Thread Renamed")
        history = run("threads", "history", "vcr-thread-ws", "vcr-thread-1")
    assert [r.exit_code for r in (created, renamed, history)] == [0, 0, 0]
    assert created.stdout == "✓ Created thread vcr-thread-1 (VCR Thread)\n"
    assert renamed.stdout == "✓ Renamed thread vcr-thread-1 to 'VCR Thread Renamed'\n"
    assert history.stdout.startswith("user:\nThread hello\n\nassistant:\nSTUB-REPLY: Thread hello\n")
    assert "Sources:\n  [1] vcr-zebras-thread.txt" in history.stdout
    assert paths(cli_sent) == [
        ("POST", "/api/v1/workspace/vcr-thread-ws/thread/new"),
        ("POST", "/api/v1/workspace/vcr-thread-ws/thread/vcr-thread-1/update"),
        ("GET", "/api/v1/workspace/vcr-thread-ws/thread/vcr-thread-1/chats"),
    ]  # deleting a thread, after checking it exists: tests/test_cli_truth.py


def test_threads_list_and_history_as_json() -> None:
    with cli_replay("workspace_lifecycle"):
        listed = run("threads", "list", "test-ws")
    with cli_replay("workspace_lifecycle"):
        as_json = parse_json(run("--json", "threads", "list", "auto-ws"))
    assert listed.exit_code == 0
    assert "│ 83ca3760-5437-44af-a2b5-852071d8d429 │ Thread │" in listed.stdout
    assert "bobs" in listed.stdout
    assert as_json == []
    with cli_replay("thread_lifecycle"):
        history = parse_json(run("--json", "threads", "history", "vcr-thread-ws", "vcr-thread-1"))
    assert len(history) == 14
    assert history[0]["role"] == "user" and history[0]["content"] == "Thread hello"


def test_thread_of_an_unknown_workspace() -> None:
    with cli_replay("errors_chat"):
        result = run("threads", "history", "no-such-ws", "no-such-thread")
    assert result.exit_code == 1
    assert "Error: 404" in result.stderr
