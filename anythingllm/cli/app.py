"""The ``anythingllm`` command: global options, the commands, and how any error ends a command.

Commands are loaded on dispatch: :data:`COMMANDS` names each command's module and object, and only the
command that runs is imported (with what it imports). ``anythingllm --help`` lists every command from
that table without importing any of them; ``tests/test_cli_imports.py`` checks that each summary is the
command's own.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer
from typer._click.exceptions import UsageError  # typer vendors click; its commands raise this
from typer.core import TyperGroup

from .. import __version__

if TYPE_CHECKING:
    from typer import _click as click  # typer vendors click

_FLAGS = frozenset({"--json", "--debug"})
_VALUED = frozenset({"--base-url", "--api-key", "--timeout", "--max-retries"})
FIRST_STEPS = "First steps"
WORKFLOWS = "Workflows"
MORE = "More"


class LazyCommand(NamedTuple):
    """A command of the root: where it is (``"module:object"`` in this package), its help panel and summary.

    ``object`` is a ``typer.Typer`` (a group of commands) or a command function. ``summary`` is the line
    ``anythingllm --help`` shows: the first paragraph of the command's own help.
    """

    target: str
    panel: str
    summary: str
    context_settings: dict[str, Any] | None = None

    def load(self, name: str, subcommand: str | None = None) -> click.Command:
        """Import the command's module and build its click command as ``app.command``/``add_typer`` would.

        For a group, ``subcommand`` (the next word of the command line) builds only that one of its
        commands when it has one of that name: the others are not inspected. Anything else (an
        option, ``--help``, a mistyped name) builds the whole group.
        """
        module, _, attribute = self.target.partition(":")
        found = getattr(importlib.import_module(f".{module}", __package__), attribute)
        holder = typer.Typer(rich_markup_mode="rich")  # as the root registers it, in a group of its own
        if isinstance(found, typer.Typer):
            holder.add_typer(_only(found, subcommand), name=name, rich_help_panel=self.panel)
        else:
            holder.command(name, rich_help_panel=self.panel, context_settings=self.context_settings)(found)
        return typer.main.get_group(holder).commands[name]


def _only(group: typer.Typer, subcommand: str | None) -> typer.Typer:
    """``group`` with only its command or group named ``subcommand``, or all of it when none has that name."""
    commands = [c for c in group.registered_commands if _name(c.name, c.callback) == subcommand]
    groups = [g for g in group.registered_groups if _name(g.name, g.typer_instance) == subcommand]
    if subcommand is None or len(commands) + len(groups) != 1:
        return group
    alone = copy.copy(group)
    alone.registered_commands, alone.registered_groups = commands, groups
    return alone


def _name(given: str | None, source: Any) -> str | None:
    """The command-line name of a registered command (from its function) or group (from its Typer)."""
    if given:
        return given
    if isinstance(source, typer.Typer):
        return source.info.name if isinstance(source.info.name, str) else None
    return typer.main.get_command_name(source.__name__) if source is not None else None


# The root's commands in the order --help lists them (within a panel, commands before groups).
COMMANDS: dict[str, LazyCommand] = {
    "status": LazyCommand(
        "status:status",
        FIRST_STEPS,
        "Check the connection: server reachable, API key valid, multi-user mode, server settings.",
    ),
    "chat": LazyCommand(
        "chat:chat",
        FIRST_STEPS,
        "Chat with a workspace: the answer streams in as it is written, then its sources are listed.",
    ),
    "search": LazyCommand(
        "search:search",
        FIRST_STEPS,
        "Search a workspace's documents by meaning; shows the best chunks with their scores.",
    ),
    "compare": LazyCommand(
        "compare:compare",
        WORKFLOWS,
        "Ask several workspaces the same question at once and show the answers side by side.",
    ),
    "sync": LazyCommand(
        "sync:sync",
        WORKFLOWS,
        "Upload new and changed files (by content hash), replace old versions, with --delete remove the gone.",
    ),
    "archive": LazyCommand(
        "archive:archive",
        WORKFLOWS,
        "Export threads and chat histories older than AGE to FILE; with --delete, then delete them.",
    ),
    "regen": LazyCommand(
        "regen:regen",
        MORE,
        "Regenerate the low-level API client from the pinned spec (source checkouts only).",
        {"allow_extra_args": True, "ignore_unknown_options": True},
    ),
    "mcp": LazyCommand(
        "mcp:mcp",
        MORE,
        "Serve this AnythingLLM server to AI assistants over the Model Context Protocol (stdio by default).",
    ),
    "workspaces": LazyCommand("workspaces:app", FIRST_STEPS, "List, show, create, change and delete workspaces."),
    "documents": LazyCommand(
        "documents:app",
        FIRST_STEPS,
        "Documents on the server: list, upload files and folders, links, raw text; delete, move.",
    ),
    "access": LazyCommand(
        "access:app", WORKFLOWS, "Add or remove users across many workspaces at once (multi-user mode)."
    ),
    "threads": LazyCommand(
        "threads:app", MORE, "Chat threads of a workspace: list, create, rename, delete, show history."
    ),
    "admin": LazyCommand(
        "admin:app", MORE, "Multi-user administration: users, invites and workspace members (needs multi-user mode)."
    ),
    "openai": LazyCommand(
        "openai_compat:app", MORE, "The OpenAI-compatible API: models (= workspaces), chat completions, embeddings."
    ),
    "embeds": LazyCommand(
        "embeds:app", MORE, "Chat widgets for websites: list, create, change, delete, read their chats."
    ),
}


def hoist_global_options(argv: Sequence[str]) -> list[str]:
    """Move global options written after a command (``workspaces list --json``) in front of it.

    Nothing after ``--`` moves, so ``anythingllm chat ws -- --json`` still sends the text "--json".
    """
    args = list(argv)
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        token = args[index]
        if token == "--":
            rest.extend(args[index:])
            break
        if token in _FLAGS or ("=" in token and token.split("=", 1)[0] in _VALUED):
            front.append(token)
        elif token in _VALUED and index + 1 < len(args):
            front.extend(args[index : index + 2])
            index += 1
        else:
            rest.append(token)
        index += 1
    return front + rest


def _wants_json(argv: Sequence[str]) -> bool:
    head = argv[: argv.index("--")] if "--" in argv else argv
    return "--json" in head


class _Listed(typer.core.TyperCommand):
    """How the root's help shows a command it has not loaded: its name, panel and summary."""

    def __init__(self, name: str, command: LazyCommand) -> None:
        super().__init__(name, help=command.summary, rich_help_panel=command.panel)


class AppGroup(TyperGroup):
    """The root command: every failure becomes a message, a hint and an exit code (0, 1, 2 or 130).

    Its commands come from :data:`COMMANDS`, each imported when it is dispatched to (or its help is
    asked for); the root's own help lists them from the table.
    """

    _listing = False
    _subcommand: str | None = None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named by ``args[0]`` (built for ``args[1]`` alone when that names one of its commands).

        A mistyped name gets the closest names of the whole table, loaded or not.
        """
        self._subcommand = args[1] if len(args) > 1 else None
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            if args and "Did you mean" not in exc.message:
                matches = difflib.get_close_matches(args[0], self.list_commands(ctx))
                if matches:
                    exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise
        finally:
            self._subcommand = None

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The loaded commands, then the table's."""
        return [*super().list_commands(ctx), *(name for name in COMMANDS if name not in self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, loaded on first use (while the root's help is shown: its listing)."""
        found = self.commands.get(cmd_name)
        if found is not None or cmd_name not in COMMANDS:
            return found
        if self._listing:
            return _Listed(cmd_name, COMMANDS[cmd_name])
        found = COMMANDS[cmd_name].load(cmd_name, self._subcommand)
        if self._subcommand is None:
            self.commands[cmd_name] = found  # a group built for one of its commands is not kept
        return found

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The root's help, listing the commands without importing them."""
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; with ``--json`` usage errors are printed as JSON too."""
        argv = hoist_global_options(sys.argv[1:] if args is None else args)
        if not _wants_json(argv):
            return super().main(argv, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        try:
            outcome = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
            code = outcome if isinstance(outcome, int) and not isinstance(outcome, bool) else 0
        except typer.TyperException as exc:  # a usage error found while parsing
            code = exc.exit_code
            _json_failure(code, "UsageError", exc.format_message())
        except typer.Abort:
            from .errors import EXIT_USAGE

            code = EXIT_USAGE
            _json_failure(code, "Aborted", "aborted")
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        """Invoke the command; report any error it raises (once) and exit with its code."""
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:  # the reader went away (``anythingllm documents list | head``): stop quietly
            from .errors import EXIT_API_ERROR

            _silence_stdout()
            raise typer.Exit(EXIT_API_ERROR) from None
        except (Exception, KeyboardInterrupt) as exc:
            from .errors import describe, report
            from .state import Settings, State

            state = ctx.obj if isinstance(ctx.obj, State) else State(Settings())
            if state.settings.debug and not isinstance(exc, KeyboardInterrupt):
                state.out.err.print_exception()
            failure = describe(exc, base_url=state.base_url, key_given=state.key_given)
            report(state.out, failure)
            raise typer.Exit(failure.exit_code) from None


def _json_failure(code: int, kind: str, message: str) -> None:
    """Print a failure found before any command ran as the ``--json`` error document."""
    from .errors import Failure
    from .output import Output

    Output(json_mode=True).json(Failure(code, kind, message).to_json())


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit does not fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"anythingllm {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=AppGroup,
    name="anythingllm",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            metavar="URL",
            show_default=False,
            help="AnythingLLM server address. Default: $ANYTHINGLLM_BASE_URL, else http://localhost:3001.",
        ),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            metavar="KEY",
            show_default=False,
            help="API key (AnythingLLM UI: Settings → Developer API). Default: $ANYTHINGLLM_API_KEY.",
        ),
    ] = None,
    json_output: Annotated[
        bool,
        typer.Option("--json", help='Machine-readable JSON on stdout; errors too, as {"error": {...}}.'),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks and log every request to stderr (key redacted).")
    ] = False,
    timeout: Annotated[
        int | None,
        typer.Option(
            "--timeout", metavar="SECONDS", show_default=False, help="Wait this long for answers. Default: 60."
        ),
    ] = None,
    max_retries: Annotated[
        int | None,
        typer.Option("--max-retries", metavar="N", show_default=False, help="Retries of failed requests. Default: 2."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Use an AnythingLLM server from the terminal: check the connection, chat, manage workspaces and documents.

    Global options go before or after the command: anythingllm workspaces list --json

    Exit status: 0 ok, 1 server or API error, 2 usage error, 130 interrupted.
    """
    if timeout is not None and timeout < 1:
        raise typer.BadParameter("must be at least 1 second", param_hint="--timeout")
    if max_retries is not None and max_retries < 0:
        raise typer.BadParameter("must be 0 or more", param_hint="--max-retries")
    from .state import Settings, State, debug_logging

    settings = Settings(base_url, api_key, json_output, debug, timeout, max_retries)
    state = State(settings)
    ctx.obj = state
    ctx.call_on_close(state.close)
    if debug:
        ctx.with_resource(debug_logging())


def main() -> None:
    """The console script ``anythingllm`` (and ``python -m anythingllm``)."""
    app(prog_name="anythingllm")
