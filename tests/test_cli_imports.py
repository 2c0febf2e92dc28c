"""The command line imports only what the command that runs needs.

``anythingllm --version`` imports neither typer nor httpx nor the client; ``anythingllm --help`` lists
every command from the table in ``anythingllm.cli.app`` without importing any command module, httpx or
the client; a command imports its own module and no other command's. Each check runs the command in a
fresh interpreter and reads ``sys.modules`` at exit. How long they take is a benchmark (``make bench``,
section startup), never a test.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from anythingllm.cli.app import COMMANDS, AppGroup, app
from tests.test_cli_support import CLEAN_ENV
from tests.test_import_cost import httpx_own_modules

COMMAND_MODULES = {f"anythingllm.cli.{c.target.partition(':')[0]}" for c in COMMANDS.values()}

_RUN = """
import json, sys
sys.argv = ["anythingllm", *json.loads(sys.argv[1])]
from anythingllm.__main__ import main
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
sys.stdout.flush()
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(*argv: str, env: dict[str, str] | None = None) -> tuple[str, set[str]]:
    """Run ``anythingllm argv`` as the console script does; its output and the modules it loaded."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ANYTHINGLLM_", "ANYTHING_LLM_"))}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(argv)],
        capture_output=True,
        text=True,
        check=False,
        env={**clean, "COLUMNS": "120", **(env or {})},
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stdout + done.stderr
    return done.stdout, set(report["modules"])


def test_version_imports_no_command_line_library_and_no_client() -> None:
    out, loaded = _run("--version")
    assert out.startswith("anythingllm ") and out.endswith("\n")
    for name in ("typer", "click", "rich", "httpx", "anythingllm._client", "anythingllm.cli"):
        assert name not in loaded, name


def test_the_console_script_answers_version_like_the_full_command_line() -> None:
    fast, _ = _run("--version")
    full = CliRunner().invoke(app, ["--version"], env=CLEAN_ENV)
    assert full.exit_code == 0 and full.stdout == fast


def test_help_lists_every_command_without_importing_one() -> None:
    out, loaded = _run("--help")
    assert "httpx" not in loaded and "anythingllm._client" not in loaded
    assert not loaded & COMMAND_MODULES
    for name, command in COMMANDS.items():
        assert f"│ {name} " in out, name
        assert command.summary[:40] in out.replace("\n", " "), name
    assert "─ First steps ─" in out and "─ More ─" in out


def test_the_root_help_is_what_registering_every_command_gives() -> None:
    """The lazy root shows exactly the help of an app with every command registered the usual way."""
    eager = typer.Typer(
        cls=AppGroup,
        name="anythingllm",
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        context_settings=app.info.context_settings,
    )
    eager.registered_callback = app.registered_callback
    for name, command in COMMANDS.items():
        module, _, attribute = command.target.partition(":")
        found = getattr(__import__(f"anythingllm.cli.{module}", fromlist=[attribute]), attribute)
        if isinstance(found, typer.Typer):
            eager.add_typer(found, name=name, rich_help_panel=command.panel)
        else:
            eager.command(name, rich_help_panel=command.panel, context_settings=command.context_settings)(found)
    env = {**CLEAN_ENV, "COLUMNS": "120"}
    lazy_help = CliRunner().invoke(app, ["--help"], env=env).stdout
    assert CliRunner().invoke(eager, ["--help"], env=env).stdout == lazy_help


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_commands_own_help(name: str) -> None:
    command = COMMANDS[name].load(name)
    own = inspect.cleandoc(command.help or "").split("\n\n")[0].replace("\n", " ").strip()
    assert COMMANDS[name].summary == own
    assert getattr(command, "rich_help_panel", None) == COMMANDS[name].panel


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_imports_no_other_commands_module(name: str) -> None:
    out, loaded = _run(name, "--help")
    own = f"anythingllm.cli.{COMMANDS[name].target.partition(':')[0]}"
    assert loaded & COMMAND_MODULES == {own}
    assert "Usage: anythingllm " in out


def test_workspaces_list_json_imports_its_command_and_no_rich() -> None:
    from bench.server import LoopbackServer  # replays the recorded v1.16.0 answers over loopback

    with LoopbackServer() as server:
        out, loaded = _run(
            "workspaces", "list", "--json", env={"ANYTHINGLLM_BASE_URL": server.url, "ANYTHINGLLM_API_KEY": "k"}
        )
    workspaces: list[dict[str, Any]] = json.loads(out)
    assert [w["slug"] for w in workspaces]
    assert loaded & COMMAND_MODULES == {"anythingllm.cli.workspaces"}
    assert "rich" not in loaded - httpx_own_modules()  # nothing was drawn for a person
    assert not {m for m in loaded if m.startswith("anythingllm.resources.")} - {"anythingllm.resources.workspaces"}


def test_a_group_is_built_with_only_the_command_that_runs() -> None:
    from anythingllm.cli import admin, workspaces
    from anythingllm.cli.app import _only

    alone = _only(workspaces.app, "list")
    assert [c.callback for c in alone.registered_commands] == [workspaces.list_]
    assert _only(admin.app, "users").registered_groups == [g for g in admin.app.registered_groups if g.name == "users"]
    for other in (None, "--help", "lst"):
        assert _only(workspaces.app, other) is workspaces.app  # help, options and typos see the whole group
    assert len(workspaces.app.registered_commands) == 5  # the module's own app is never changed


@pytest.mark.parametrize(("argv", "hint"), [(["workspace"], "'workspaces'"), (["workspaces", "lst"], "'list'")])
def test_a_mistyped_command_gets_the_closest_names(argv: list[str], hint: str) -> None:
    result = CliRunner().invoke(app, argv, env={**CLEAN_ENV, "COLUMNS": "120"})
    assert result.exit_code == 2
    assert f"Did you mean {hint}?" in result.output
