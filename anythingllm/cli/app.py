"""The ``anythingllm`` command: global options, the commands, and how any error ends a command."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from . import admin, chat, documents, embeds, mcp, openai_compat, regen, search, status, threads, workspaces
from .access import app as access_app
from .archive import archive as archive_command
from .compare import compare as compare_command
from .errors import EXIT_API_ERROR, EXIT_USAGE, Failure, describe, report
from .output import Output
from .state import Settings, State, debug_logging
from .sync import sync as sync_command

_FLAGS = frozenset({"--json", "--debug"})
_VALUED = frozenset({"--base-url", "--api-key", "--timeout", "--max-retries"})
FIRST_STEPS = "First steps"
MORE = "More"


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


class AppGroup(TyperGroup):
    """The root command: every failure becomes a message, a hint and an exit code (0, 1, 2 or 130)."""

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
            Output(json_mode=True).json(Failure(code, "UsageError", exc.format_message()).to_json())
        except typer.Abort:
            code = EXIT_USAGE
            Output(json_mode=True).json(Failure(code, "Aborted", "aborted").to_json())
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
            _silence_stdout()
            raise typer.Exit(EXIT_API_ERROR) from None
        except (Exception, KeyboardInterrupt) as exc:
            state = ctx.obj if isinstance(ctx.obj, State) else State(Settings())
            if state.settings.debug and not isinstance(exc, KeyboardInterrupt):
                state.out.err.print_exception()
            failure = describe(exc, base_url=state.base_url, key_given=state.key_given)
            report(state.out, failure)
            raise typer.Exit(failure.exit_code) from None


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
    settings = Settings(base_url, api_key, json_output, debug, timeout, max_retries)
    state = State(settings)
    ctx.obj = state
    ctx.call_on_close(state.close)
    if debug:
        ctx.with_resource(debug_logging())


app.command("status", rich_help_panel=FIRST_STEPS)(status.status)
app.add_typer(workspaces.app, name="workspaces", rich_help_panel=FIRST_STEPS)
app.command("chat", rich_help_panel=FIRST_STEPS)(chat.chat)
app.add_typer(documents.app, name="documents", rich_help_panel=FIRST_STEPS)
app.command("search", rich_help_panel=FIRST_STEPS)(search.search)
app.add_typer(threads.app, name="threads", rich_help_panel=MORE)
WORKFLOWS = "Workflows"
app.command("compare", rich_help_panel=WORKFLOWS)(compare_command)
app.command("sync", rich_help_panel=WORKFLOWS)(sync_command)
app.command("archive", rich_help_panel=WORKFLOWS)(archive_command)
app.add_typer(access_app, name="access", rich_help_panel=WORKFLOWS)
app.add_typer(admin.app, name="admin", rich_help_panel=MORE)
app.add_typer(openai_compat.app, name="openai", rich_help_panel=MORE)
app.add_typer(embeds.app, name="embeds", rich_help_panel=MORE)
app.command("mcp", rich_help_panel=MORE)(mcp.mcp)
app.command(
    "regen",
    rich_help_panel=MORE,
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)(regen.regen)


def main() -> None:
    """The console script ``anythingllm`` (and ``python -m anythingllm``)."""
    app(prog_name="anythingllm")
