"""The ``anythingllm`` command: global options, output modes, errors, exit codes, status and workspaces."""

from __future__ import annotations

import json
import logging
import re
import socket
import subprocess
import sys

import httpx
import pytest

from anythingllm._logging import LOGGER_NAME
from anythingllm.cli.app import hoist_global_options
from tests.conftest import RECORDED_BASE_URL, RECORDED_KEY
from tests.faultserver import FaultServer, Reply
from tests.test_cli_support import cli_replay, cli_sent, parse_json, paths, run

__all__ = ["cli_sent"]  # the fixture, used by name

WRONG_KEY = "WRONG-KEY-0000000"


# --- the command itself ----------------------------------------------------------------------------------


def test_help_lists_every_command() -> None:
    result = run("--help", server=False)
    assert result.exit_code == 0
    for command in ("status", "workspaces", "chat", "threads", "documents", "search", "admin", "openai", "embeds"):
        assert f" {command} " in result.stdout
    for option in ("--base-url", "--api-key", "--json", "--debug"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("group", "commands"),
    [
        ("workspaces", ("list", "get", "create", "update", "delete")),
        ("threads", ("list", "create", "rename", "delete", "history")),
        ("documents", ("list", "upload", "upload-link", "raw-text", "delete", "folders", "move")),
        ("admin", ("users", "invites", "workspace-users")),
        ("admin users", ("list", "create", "update", "delete")),
        ("admin invites", ("list", "create", "delete")),
        ("admin workspace-users", ("list", "set", "add")),
        ("openai", ("models", "chat", "embed")),
        ("embeds", ("list", "create", "update", "delete", "chats")),
    ],
)
def test_each_group_lists_its_commands(group: str, commands: tuple[str, ...]) -> None:
    result = run(*group.split(), "--help", server=False)
    assert result.exit_code == 0
    listed = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("│ ") and len(line.split()) > 1]
    assert set(commands) <= set(listed)


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "anythingllm", "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout.strip().startswith("anythingllm ")


def test_global_options_may_follow_the_command() -> None:
    assert hoist_global_options(["workspaces", "list", "--json", "--base-url", "http://h:1"]) == [
        "--json",
        "--base-url",
        "http://h:1",
        "workspaces",
        "list",
    ]
    assert hoist_global_options(["chat", "ws", "--api-key=k", "--", "--json"]) == [
        "--api-key=k",
        "chat",
        "ws",
        "--",
        "--json",
    ]


# --- status ------------------------------------------------------------------------------------------------


def test_status_reports_connection_mode_and_models(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("admin_single_user", "system") as cassette:
        result = run("status")
        assert cassette.play_count == 3
    assert result.exit_code == 0, result.stderr
    assert "reachable and accepts the API key" in result.stdout
    assert re.search(r"^Multi-user mode +off *$", result.stdout, re.MULTILINE)
    assert "stub-chat" in result.stdout and "lancedb" in result.stdout
    assert paths(cli_sent) == [
        ("GET", "/api/v1/auth"),
        ("GET", "/api/v1/admin/is-multi-user-mode"),
        ("GET", "/api/v1/system"),
    ]


def test_status_as_json() -> None:
    with cli_replay("admin_single_user", "system"):
        result = run("--json", "status")
    assert result.exit_code == 0
    data = parse_json(result)
    assert data["authenticated"] is True
    assert data["multi_user_mode"] is False
    assert data["settings"]["VectorDB"] == "lancedb"
    assert data["base_url"] == RECORDED_BASE_URL


# --- environment, keys and errors ----------------------------------------------------------------------------


def test_base_url_and_key_come_from_the_environment(cli_sent: list[httpx.Request]) -> None:
    env: dict[str, str | None] = {"ANYTHINGLLM_BASE_URL": RECORDED_BASE_URL, "ANYTHINGLLM_API_KEY": RECORDED_KEY}
    with cli_replay("workspace_lifecycle"):
        result = run("--max-retries", "0", "workspaces", "list", "--json", env=env, server=False)
    assert result.exit_code == 0
    assert "vcr-lifecycle-ws" in [w["slug"] for w in parse_json(result)]
    assert cli_sent[0].headers["authorization"] == f"Bearer {RECORDED_KEY}"
    assert str(cli_sent[0].url) == f"{RECORDED_BASE_URL}/api/v1/workspaces"


def test_wrong_key_is_one_red_line_with_where_to_create_a_key() -> None:
    with cli_replay("auth"):
        result = run("--api-key", WRONG_KEY, "workspaces", "list")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Error: 403: The API key was refused")
    assert "Settings → Developer API" in lines[1]
    assert WRONG_KEY not in result.stderr


def test_missing_key_says_how_to_give_one() -> None:
    with cli_replay("auth"):
        result = run("--base-url", RECORDED_BASE_URL, "--max-retries", "0", "workspaces", "list", server=False)
    assert result.exit_code == 1
    assert "No API key was sent" in result.stderr
    assert "No API key was given: pass --api-key or set ANYTHINGLLM_API_KEY" in result.stderr


def test_errors_are_json_on_stdout_with_json() -> None:
    with cli_replay("auth"):
        result = run("--api-key", WRONG_KEY, "--json", "workspaces", "list")
    assert result.exit_code == 1
    error = parse_json(result)["error"]
    assert error["type"] == "AuthenticationError"
    assert error["status_code"] == 403
    assert error["exit_code"] == 1
    assert "Developer API" in error["hint"]
    assert result.stderr == ""


def test_usage_errors_exit_2_and_are_json_with_json() -> None:
    plain = run("workspaces", "frobnicate", server=False)
    assert plain.exit_code == 2
    as_json = run("--json", "workspaces", "get", server=False)
    assert as_json.exit_code == 2
    error = parse_json(as_json)["error"]
    assert error["type"] == "UsageError" and error["exit_code"] == 2
    assert "WORKSPACE" in error["message"]


def test_invalid_arguments_fail_before_any_request() -> None:
    with cli_replay("workspace_lifecycle") as cassette:
        result = run("workspaces", "update", "vcr-lifecycle-ws")
        assert cassette.play_count == 0
    assert result.exit_code == 2
    # The command line's own words: its flags, not the client's parameter names (chat_model, prompt_id)
    assert result.stderr.startswith("Error: nothing to change: give at least one option\n")
    assert "Hint: The options are --name, --chat-mode, --system-prompt, --chat-provider, --chat-model," in result.stderr
    assert "_" not in result.stderr


def test_bad_base_url_is_a_usage_error() -> None:
    result = run("--base-url", "localhost:3001", "workspaces", "list", server=False)
    assert result.exit_code == 2
    assert "--base-url must be an http:// or https:// URL" in result.stderr  # the flag, not the parameter


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_unreachable_server_asks_whether_it_runs_on_that_port() -> None:
    base = f"http://127.0.0.1:{_closed_port()}"
    result = run("--base-url", base, "--api-key", RECORDED_KEY, "--max-retries", "0", "status", server=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: Could not connect to {base}")
    assert f"Hint: Is the AnythingLLM server running at {base}?" in result.stderr


def test_base_url_of_the_web_app_is_explained() -> None:
    page = "<!doctype html><html><head><title>AnythingLLM</title></head><body><div id=root></div></body></html>"
    with FaultServer() as server:
        server.script("GET", "/api/v1/workspaces", Reply.html(page))
        result = run("--base-url", server.base_url, "--api-key", RECORDED_KEY, "workspaces", "list", server=False)
    assert result.exit_code == 1
    assert "HTML page" in result.stderr
    assert "answers with the web app, not the API" in result.stderr


def test_multi_user_mode_needed_is_explained() -> None:
    with cli_replay("admin_single_user"):
        result = run("admin", "users", "list")
    assert result.exit_code == 1
    assert "only works when the server is in multi-user mode" in result.stderr
    assert "Settings → Security" in result.stderr


def test_debug_shows_the_traceback_and_the_redacted_request_log() -> None:
    logger = logging.getLogger(LOGGER_NAME)
    level, handlers = logger.level, list(logger.handlers)
    with cli_replay("auth"):
        result = run("--api-key", WRONG_KEY, "--debug", "workspaces", "list")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "AuthenticationError" in result.stderr
    assert f"-> GET {RECORDED_BASE_URL}/api/v1/workspaces" in result.stderr
    assert "'authorization': '[REDACTED]'" in result.stderr
    assert WRONG_KEY not in result.stderr
    assert (logger.level, logger.handlers) == (level, handlers)  # the log is the command's only


# --- workspaces ------------------------------------------------------------------------------------------------


def test_workspaces_lifecycle(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_lifecycle") as cassette:
        created = run("workspaces", "create", "VCR Lifecycle WS")
        shown = run("workspaces", "get", "vcr-lifecycle-ws")
        renamed = run("workspaces", "update", "vcr-lifecycle-ws", "--name", "VCR Lifecycle WS Renamed")
        listed = run("workspaces", "list")
        deleted = run("workspaces", "delete", "vcr-lifecycle-ws", "--yes")
        assert cassette.play_count == 5
    assert [r.exit_code for r in (created, shown, renamed, listed, deleted)] == [0] * 5
    assert created.stdout == "✓ Created workspace vcr-lifecycle-ws (VCR Lifecycle WS)\n"
    assert re.search(r"^Chat mode +automatic *$", shown.stdout, re.MULTILINE)
    assert re.search(r"^System prompt +Given the following conversation, relevant context", shown.stdout, re.M)
    assert "No documents embedded." in shown.stdout
    assert renamed.stdout == "✓ Updated workspace vcr-lifecycle-ws\n"
    assert "│ vcr-lifecycle-ws │ VCR Lifecycle WS Renamed │" in listed.stdout
    assert "│ test-ws          │ Test WS" in listed.stdout
    assert deleted.stdout == "✓ Deleted workspace vcr-lifecycle-ws\n"
    assert cli_sent[-1].method == "DELETE"


def test_workspaces_json_output_is_the_client_result() -> None:
    with cli_replay("workspace_lifecycle"):
        created = parse_json(run("--json", "workspaces", "create", "VCR Lifecycle WS"))
        shown = parse_json(run("--json", "workspaces", "get", "vcr-lifecycle-ws"))
    assert created["slug"] == "vcr-lifecycle-ws"
    assert shown["id"] == created["id"]
    assert shown["documents"] == []


def test_unknown_workspace_is_an_api_error_with_a_hint() -> None:
    with cli_replay("errors_workspace"):
        result = run("workspaces", "get", "no-such-ws")
    assert result.exit_code == 1
    assert "Error: 404: workspace 'no-such-ws' does not exist" in result.stderr
    assert "`anythingllm workspaces list` shows the workspace slugs" in result.stderr


def test_workspace_settings_are_sent_under_the_server_names(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("workspace_lifecycle"):
        result = run(
            "workspaces", "create", "VCR Lifecycle WS", "--chat-mode", "query", "--top-n", "6",
            "--similarity-threshold", "0.5", "--system-prompt", "Answer briefly.", "--history-length", "10",
        )  # fmt: skip
        shown = run("workspaces", "get", "vcr-lifecycle-ws")  # the recorded order: get before update
        updated = run("workspaces", "update", "vcr-lifecycle-ws", "--temperature", "0.2", "--chat-model", "stub-chat")
    assert (result.exit_code, shown.exit_code, updated.exit_code) == (0, 0, 0)
    assert json.loads(cli_sent[0].content) == {
        "name": "VCR Lifecycle WS",
        "chatMode": "query",
        "topN": 6,
        "similarityThreshold": 0.5,
        "openAiPrompt": "Answer briefly.",
        "openAiHistory": 10,
    }
    assert json.loads(cli_sent[2].content) == {"chatModel": "stub-chat", "openAiTemp": 0.2}


def test_timeout_and_retries_are_checked() -> None:
    assert run("--timeout", "0", "status", server=False).exit_code == 2
    refused = run("--json", "--max-retries", "-1", "status", server=False)
    assert refused.exit_code == 2
    assert "--max-retries" in parse_json(refused)["error"]["message"]
