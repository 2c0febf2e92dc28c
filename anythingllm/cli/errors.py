"""How a failure ends a command: its exit code, one red line, and a hint saying what to do next.

Exit codes: 0 ok, 1 server or API error, 2 usage error (bad arguments, bad input, nothing to do),
130 interrupted (Ctrl-C). In ``--json`` mode the error is printed as ``{"error": {...}}`` on stdout.
What is said is worked out in :mod:`anythingllm._failure` (pure, shared with the MCP server); this module
prints it.
"""

from __future__ import annotations

from rich.text import Text

from .._failure import (
    CLI_COMMANDS,
    CLI_NAMES,
    EXIT_API_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    KEY_PAGE,
    Failure,
    NotAnythingLLM,
    UsageProblem,
    cli_words,
    describe,
    not_found_hint,
)
from .output import Output

__all__ = [
    "CLI_COMMANDS",
    "CLI_NAMES",
    "EXIT_API_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "KEY_PAGE",
    "Failure",
    "NotAnythingLLM",
    "UsageProblem",
    "cli_words",
    "describe",
    "not_found_hint",
    "report",
]


def report(out: Output, failure: Failure) -> None:
    """Tell the user: JSON on stdout in ``--json`` mode, else one red line (and a hint) on stderr."""
    if out.json_mode:
        out.json(failure.to_json())
        return
    if failure.exit_code == EXIT_INTERRUPTED:
        out.err.print(Text("Interrupted.", style="yellow"), soft_wrap=True)
        return
    out.err.print(Text(f"Error: {failure.message}", style="bold red"), soft_wrap=True)
    if failure.hint:
        out.err.print(Text(f"Hint: {failure.hint}", style="yellow"), soft_wrap=True)
