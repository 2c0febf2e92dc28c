"""``anythingllm search WORKSPACE QUERY``: vector search over a workspace's documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from .output import Column, one_line
from .state import state_of


def _title(hit: Mapping[str, Any]) -> str:
    metadata = hit.get("metadata") or {}
    return str(metadata.get("title") or hit.get("title") or metadata.get("url") or hit.get("id") or "-")


def _excerpt(hit: Mapping[str, Any]) -> str:
    text = str(hit.get("text") or "")
    if "</document_metadata>" in text:  # the server prefixes each chunk with its metadata block
        text = text.split("</document_metadata>", 1)[1]
    return one_line(text, 120)


SEARCH_COLUMNS = (
    Column("#", lambda h: h["rank"], justify="right"),
    Column(
        "Score", lambda h: f"{h['score']:.3f}" if isinstance(h.get("score"), (int, float)) else "-", justify="right"
    ),
    Column("Document", _title, max_width=32),
    Column("Text", _excerpt),
)


def search(
    ctx: typer.Context,
    workspace: Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug.")],
    query: Annotated[str, typer.Argument(help="What to look for.")],
    top_n: Annotated[int | None, typer.Option("--top-n", "-n", min=1, help="How many chunks at most.")] = None,
    score_threshold: Annotated[
        float | None,
        typer.Option("--score-threshold", min=0.0, max=1.0, help="Leave out chunks scoring below this (0 to 1)."),
    ] = None,
) -> None:
    """Search a workspace's documents by meaning; shows the best chunks with their scores."""
    state = state_of(ctx)
    hits = state.client.workspaces.search(workspace, query, top_n=top_n, score_threshold=score_threshold)
    ranked = [{**hit, "rank": rank} for rank, hit in enumerate(hits, start=1)]
    state.out.result(hits, lambda: state.out.table(ranked, SEARCH_COLUMNS, empty="No matching chunks."))
