"""``anythingllm compare "question" WS1 WS2 …``: one message to several workspaces, the answers side by side."""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from .inputs import MODES, ChatMode
from .output import Output, plain
from .state import state_of
from .workflow_options import concurrency_option

if TYPE_CHECKING:
    from ..workflows import CompareResult


def metrics_text(result: CompareResult) -> str:
    """One workspace's metrics in a line: tokens (in/out), time, model and provider."""
    if not result.ok:
        return "-"
    m: dict[str, Any] = result.metrics
    parts = []
    if "total_tokens" in m:
        parts.append(
            f"{m['total_tokens']} tokens ({m.get('prompt_tokens', '?')} in, {m.get('completion_tokens', '?')} out)"
        )
    if isinstance(m.get("duration"), (int, float)):
        parts.append(f"LLM {m['duration']:.2f} s")
    parts.append(f"total {result.seconds:.2f} s")
    model = " / ".join(str(m[k]) for k in ("model", "provider") if m.get(k))
    if model:
        parts.append(model)
    return " · ".join(parts)


def failure(result: CompareResult) -> str:
    """A failed workspace's cell: the error's kind and status, and the server's own words when it gave some."""
    error = result.error
    status = getattr(error, "status_code", 0)
    said = getattr(error, "server_message", "") or str(error)
    return f"failed: {type(error).__name__}{f' {status}' if status else ''}: {said}"


def show(out: Output, results: list[CompareResult]) -> None:
    """The answers in one column per workspace, then a sources row and a metrics row."""
    table = Table(header_style="bold", show_lines=True, expand=True)
    table.add_column("", style="bold", no_wrap=True)
    for result in results:
        table.add_column(result.workspace, overflow="fold", ratio=1)
    answers = [Text(result.answer or "") if result.ok else Text(failure(result), style="red") for result in results]
    table.add_row("Answer", *answers)
    table.add_row("Sources", *(Text(plain(len(r.sources)) if r.ok else "-") for r in results))
    table.add_row("Metrics", *(Text(metrics_text(r), style="dim") for r in results))
    out.console.print(table)


def compare(
    ctx: typer.Context,
    message: Annotated[str, typer.Argument(metavar="MESSAGE", help="What to ask every workspace.")],
    workspaces: Annotated[list[str], typer.Argument(metavar="WORKSPACE...", help="Two or more workspace slugs.")],
    mode: Annotated[
        ChatMode | None, typer.Option("--mode", "-m", help="chat, query (documents only) or automatic (agent).")
    ] = None,
    concurrency: Annotated[int, concurrency_option("workspaces to ask")] = 4,
) -> None:
    """Ask several workspaces the same question at once and show the answers side by side.

    A workspace is a model, a prompt and documents, so this compares them. One failing workspace never
    stops the others; the exit status is 1 if any failed.
    """
    state = state_of(ctx)
    chosen = None if mode is None else MODES[mode]
    out = state.out
    with out.err.status(f"Asking {len(workspaces)} workspaces…") if not out.json_mode else nullcontext():
        results = state.client.workflows.compare(message, workspaces, mode=chosen, concurrency=concurrency)
    if out.json_mode:
        out.json([r.to_dict() for r in results])
    else:
        show(out, results)
        failed = [r.workspace for r in results if not r.ok]
        if failed:
            out.note(f"{len(failed)} of {len(results)} workspaces failed: {', '.join(failed)}", style="red")
    if any(not r.ok for r in results):
        raise typer.Exit(1)
