"""``anythingllm admin …``, ``openai …``, ``embeds …`` and ``regen`` against recorded answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from anythingllm.cli import regen
from anythingllm.cli.errors import UsageProblem
from tests.conftest import needs_checkout
from tests.test_cli_support import cli_replay, cli_sent, parse_json, paths, run

__all__ = ["cli_sent"]  # the fixture, used by name

EMBED = "d57d01e3-9da1-47a8-a48e-e51ecc2e065c"
SESSION = "6f1c8e9a-0b7d-4c2e-9f3a-5d4b3c2a1e0f"


def test_admin_users(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("admin_multi_user"):
        listed = run("admin", "users", "list")
        created = run("admin", "users", "create", "vcr-user", "--role", "default", input="a-long-password\n" * 2)
        duplicate = run("admin", "users", "create", "vcr-user", "--password", "a-long-password")
        promoted = parse_json(run("--json", "admin", "users", "update", "5", "--role", "manager"))
        deleted = run("admin", "users", "delete", "5", "--yes")
    assert listed.exit_code == 0
    assert re.search(r"│ +1 │ admin +│ admin +│ no +│", listed.stdout)
    assert re.search(r"│ +2 │ bob +│ manager +│ no +│", listed.stdout)
    assert created.exit_code == 0
    assert created.stdout.endswith("✓ Created user vcr-user (id 5)\n")
    assert "a-long-password" not in created.stdout  # the prompt does not echo it
    assert json.loads(cli_sent[1].content)["password"] == "a-long-password"
    assert duplicate.exit_code == 1
    assert "A user with that undefined already exists" in duplicate.stderr
    assert (promoted["id"], promoted["role"]) == (5, "manager")  # read back after the change
    assert json.loads(cli_sent[3].content) == {"role": "manager"}
    assert deleted.stdout == "✓ Deleted user 5\n"
    assert paths(cli_sent)[3:] == [
        ("POST", "/api/v1/admin/users/5"),
        ("GET", "/api/v1/admin/users"),
        ("DELETE", "/api/v1/admin/users/5"),
    ]


def test_admin_invites(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("admin_multi_user"):
        listed = run("admin", "invites", "list")
        created = run("admin", "invites", "create", "--workspace-id", "18")
        revoked = run("admin", "invites", "delete", "4", "--yes")
    assert [r.exit_code for r in (listed, created, revoked)] == [0, 0, 0]
    assert re.search(r"│ +1 │ XXXXXXX-XXXXXXX-XXXXXXX-INVITE2 │ pending", listed.stdout)
    assert "http://127.0.0.1:3001/accept-invite/XXXXXXX-XXXXXXX-XXXXXXX-INVITE4" in created.stdout
    assert json.loads(cli_sent[1].content) == {"workspaceIds": [18]}
    assert revoked.stdout == "✓ Revoked invitation 4\n"


def test_admin_workspace_users(cli_sent: list[httpx.Request]) -> None:
    # Recorded by this project in multi-user mode (tests/test_not_found.py makes the same calls).
    with cli_replay("notfound_mu_known_workspace_no_members"):
        number = str(parse_json(run("--json", "workspaces", "create", "NF Home WS"))["id"])
        before = run("admin", "workspace-users", "list", number)
    with cli_replay("notfound_mu_admin_set_workspace_users_unknown_user"):
        number = str(parse_json(run("--json", "workspaces", "create", "NF Home WS"))["id"])
        after = parse_json(run("--json", "admin", "workspace-users", "set", number, "1"))
        unknown = run("admin", "workspace-users", "set", number, "1", "99999")
    with cli_replay("notfound_mu_admin_get_workspace_users_number"):
        missing = run("admin", "workspace-users", "list", "99999")
    assert before.exit_code == 0 and "No users assigned." in before.stdout
    assert [(m["userId"], m["username"]) for m in after] == [(1, "admin")]
    assert (
        unknown.exit_code == 1 and "no user has id 99999" in unknown.stderr and "nothing was changed" in unknown.stderr
    )
    assert missing.exit_code == 1 and "no workspace has id 99999" in missing.stderr
    assert paths(cli_sent)[-1] == ("GET", "/api/v1/workspaces")  # an empty member list is checked


def test_admin_in_single_user_mode_fails_with_the_hint() -> None:
    with cli_replay("admin_single_user"):
        result = run("--json", "admin", "invites", "list")
    assert result.exit_code == 1
    error = parse_json(result)["error"]
    assert error["type"] == "MultiUserModeRequiredError"
    assert "multi-user mode" in error["hint"]


# --- openai ----------------------------------------------------------------------------------------------------


def test_openai_models_chat_and_embed(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("openai_compatible") as cassette:
        models = run("openai", "models")
        whole = run("openai", "chat", "vcr-openai-ws", "hello", "--no-stream", "--system", "Be brief.")
        streamed = run("openai", "chat", "vcr-openai-ws", "hello")
        assert cassette.play_count == 3
    with cli_replay("openai_compatible"):
        embedded = parse_json(run("--json", "openai", "embed", "embed this single string"))
    assert models.exit_code == 0
    assert re.search(r"│ vcr-openai-ws +│ generic-openai │", models.stdout)
    assert whole.stdout == "STUB-REPLY: Hi from the OpenAI endpoint\n"
    assert json.loads(cli_sent[1].content)["messages"][0] == {"role": "system", "content": "Be brief."}
    assert streamed.stdout == "STUB-REPLY: Stream this answer please\n"
    assert json.loads(cli_sent[2].content)["stream"] is True
    assert len(embedded["data"][0]["embedding"]) == 384


def test_openai_chat_needs_a_message() -> None:
    result = run("openai", "chat", "vcr-openai-ws", input="")
    assert result.exit_code == 2


# --- embeds ----------------------------------------------------------------------------------------------------


def test_embeds_lifecycle(cli_sent: list[httpx.Request]) -> None:
    with cli_replay("embed_lifecycle"):
        created = run("embeds", "create", "vcr-embed-ws", "--chat-mode", "chat", "--allow-domain", "example.com")
        listed = run("embeds", "list")
        updated = run("embeds", "update", EMBED, "--chat-mode", "query", "--max-chats-per-day", "5", "--enable")
        chats = run("embeds", "chats", EMBED)
        session = parse_json(run("--json", "embeds", "chats", EMBED, "--session", SESSION))
        deleted = run("embeds", "delete", EMBED, "--yes")
    assert [r.exit_code for r in (created, listed, updated, chats, deleted)] == [0] * 5
    assert created.stdout == f"✓ Created chat widget {EMBED} for vcr-embed-ws\n"
    assert json.loads(cli_sent[0].content)["allowlist_domains"] == "example.com"
    assert re.search(rf"│ {EMBED} │ VCR Embed WS │ chat +│ yes", listed.stdout)
    assert json.loads(cli_sent[2].content) == {"enabled": True, "chat_mode": "query", "max_chats_per_day": 5}
    assert "│ Widget hello" in chats.stdout and "STUB-REPLY: Widget hello" in chats.stdout
    assert [c["prompt"] for c in session] == ["Widget hello", "Widget second question"]
    assert deleted.stdout == f"✓ Deleted chat widget {EMBED}\n"


def test_unknown_embed() -> None:
    with cli_replay("embed_lifecycle"):
        for _ in range(2):  # the two recorded updates come first
            run("embeds", "update", EMBED, "--disable")
        result = run("embeds", "update", "00000000-0000-4000-8000-000000000000", "--disable")
    assert result.exit_code == 1
    assert "Embed not found" in result.stderr


# --- regen -----------------------------------------------------------------------------------------------------


@needs_checkout
def test_regen_needs_a_checkout(tmp_path: Path) -> None:
    with pytest.raises(UsageProblem, match="source checkout"):
        regen.find_script(tmp_path)
    assert regen.find_script() == regen.SCRIPT


def test_regen_outside_a_checkout_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(regen, "CHECKOUT", tmp_path)
    result = run("regen", server=False)
    assert result.exit_code == 2
    assert "regen only works from a source checkout" in result.stderr


@needs_checkout
def test_regen_runs_the_pipeline_script_with_its_arguments() -> None:
    result = run("--json", "regen", "--no-such-regen-option", server=False)
    assert result.exit_code == 1
    report = parse_json(result)
    assert report["exit_code"] == 2  # argparse refused the option: the arguments reached scripts/regen.py
    assert "--no-such-regen-option" in report["stderr"]
