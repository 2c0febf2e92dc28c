"""``anythingllm openai models|chat|embed``: the OpenAI-compatible endpoints (a workspace is a model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

import typer

from ..streaming import CompletionStream
from .chat import compose
from .errors import UsageProblem
from .inputs import read_piped_stdin
from .output import Column, Output
from .state import state_of

app = typer.Typer(
    help="The OpenAI-compatible API: models (= workspaces), chat completions, embeddings.", no_args_is_help=True
)


def _created(model: Mapping[str, Any]) -> str:
    created = model.get("created")
    if isinstance(created, (int, float)):
        return dt.datetime.fromtimestamp(created, tz=dt.UTC).strftime("%Y-%m-%d")
    return "-"


@app.command("models")
def models(ctx: typer.Context) -> None:
    """List the models, i.e. the workspaces usable as ``model``."""
    state = state_of(ctx)
    found = state.client.openai.list_models()
    columns = (Column("Model", "id"), Column("Owner", "owned_by"), Column("Created", _created))
    state.out.result(found, lambda: state.out.table(found, columns, empty="No models (no workspaces)."))


def _completion_text(completion: Mapping[str, Any]) -> str:
    choices = completion.get("choices") or []
    if not choices:
        return ""
    message = choices[0].get("message") or {}
    return str(message.get("content") or "")


def _stream_completion(out: Output, stream: CompletionStream) -> None:
    with stream:
        if out.json_mode:
            out.json(stream.get_final_completion())
            return
        text = ""
        try:
            for delta in stream.text_stream:
                out.write(delta)
                text = delta
        except KeyboardInterrupt:
            out.write("\n")
            raise
        if not text.endswith("\n"):
            out.write("\n")


@app.command("chat")
def chat(
    ctx: typer.Context,
    model: Annotated[str, typer.Argument(metavar="MODEL", help="A workspace slug (see `openai models`).")],
    message: Annotated[str | None, typer.Argument(help="The user message (piped stdin is sent before it).")] = None,
    system: Annotated[str | None, typer.Option("--system", "-s", help="A system prompt for this request.")] = None,
    temperature: Annotated[float | None, typer.Option("--temperature", min=0.0, help="Sampling temperature.")] = None,
    no_stream: Annotated[bool, typer.Option("--no-stream", help="Wait for the whole answer instead.")] = False,
) -> None:
    """A chat completion through the OpenAI-compatible endpoint, streamed as it is written."""
    state = state_of(ctx)
    text = compose(read_piped_stdin(), message)
    if text is None:
        raise UsageProblem("nothing to send: the message is empty", "Give a MESSAGE or pipe text into the command.")
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": text}]
    result: Any = state.client.openai.create_chat_completion(
        model, messages, temperature=temperature, stream=not no_stream
    )
    if isinstance(result, CompletionStream):
        _stream_completion(state.out, result)
        return
    state.out.result(result, lambda: state.out.write(_completion_text(result).rstrip("\n") + "\n"))


@app.command("embed")
def embed(
    ctx: typer.Context,
    texts: Annotated[list[str], typer.Argument(metavar="TEXT...", help="One or more texts to embed.")],
) -> None:
    """Embed texts with the server's embedder; prints each vector's size and first values (all with --json)."""
    state = state_of(ctx)
    result = state.client.openai.create_embedding(texts[0] if len(texts) == 1 else texts)
    vectors = list(result.get("data") or [])

    def render() -> None:
        rows = [
            {
                "index": item.get("index", n),
                "text": texts[n] if n < len(texts) else "",
                "size": len(item.get("embedding") or []),
                "start": ", ".join(f"{v:.4f}" for v in (item.get("embedding") or [])[:4]) + " …",
            }
            for n, item in enumerate(vectors)
        ]
        columns = (
            Column("#", "index", justify="right"),
            Column("Text", "text", max_width=40),
            Column("Dimensions", "size", justify="right"),
            Column("Vector", "start"),
        )
        state.out.table(rows, columns, title=f"Model: {result.get('model') or '-'}", empty="No embeddings.")

    state.out.result(result, render)
