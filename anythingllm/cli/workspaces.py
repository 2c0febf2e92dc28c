"""``anythingllm workspaces list|get|create|update|delete``."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import typer

from .inputs import confirm_or_abort, given_options, require_changes
from .output import Column
from .state import state_of

app = typer.Typer(help="List, show, create, change and delete workspaces.", no_args_is_help=True)

WorkspaceArg = Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug (see `workspaces list`).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]

WORKSPACE_COLUMNS = (
    Column("Slug", "slug"),
    Column("Name", "name"),
    Column("Chat mode", "chatMode"),
    Column("Threads", lambda w: len(w.get("threads") or []), justify="right"),
    Column("Created", lambda w: str(w.get("createdAt") or "")[:10]),
)

WORKSPACE_FIELDS: tuple[tuple[str, Any], ...] = (
    ("Slug", "slug"),
    ("Name", "name"),
    ("ID", "id"),
    ("Chat mode", "chatMode"),
    ("Chat model", lambda w: _model(w)),
    ("System prompt", lambda w: w.get("openAiPrompt") or "none (the server's default prompt)"),
    ("Temperature", "openAiTemp"),
    ("History length", "openAiHistory"),
    ("Top N", "topN"),
    ("Similarity threshold", "similarityThreshold"),
    ("Created", "createdAt"),
    ("Updated", "lastUpdatedAt"),
)


def _model(workspace: Mapping[str, Any]) -> str | None:
    provider, model = workspace.get("chatProvider"), workspace.get("chatModel")
    if provider and model:
        return f"{provider} / {model}"
    return model or provider or "system default"


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """List every workspace."""
    state = state_of(ctx)
    workspaces = state.client.workspaces.list()
    state.out.result(workspaces, lambda: state.out.table(workspaces, WORKSPACE_COLUMNS, empty="No workspaces yet."))


@app.command("get")
def get(ctx: typer.Context, workspace: WorkspaceArg) -> None:
    """Show one workspace with its settings and documents."""
    state = state_of(ctx)
    found = state.client.workspaces.get(workspace)

    def render() -> None:
        state.out.record(found, WORKSPACE_FIELDS)
        documents = found.get("documents") or []
        state.out.line()
        state.out.table(
            documents,
            (Column("Document", "docpath"), Column("Pinned", "pinned"), Column("Added", "createdAt")),
            title=f"Documents ({len(documents)})",
            empty="No documents embedded.",
        )

    state.out.result(found, render)


class ChatMode(str, Enum):
    """How a workspace answers."""

    automatic = "automatic"
    chat = "chat"
    query = "query"


NameOption = Annotated[str | None, typer.Option("--name", help="New name.")]
ModeOption = Annotated[
    ChatMode | None, typer.Option("--chat-mode", help="chat, query (documents only) or automatic (agent).")
]
PromptOption = Annotated[str | None, typer.Option("--system-prompt", help="The workspace's system prompt.")]
ProviderOption = Annotated[str | None, typer.Option("--chat-provider", help="LLM provider of this workspace.")]
ModelOption = Annotated[str | None, typer.Option("--chat-model", help="Chat model of this workspace.")]
TemperatureOption = Annotated[float | None, typer.Option("--temperature", min=0.0, help="LLM temperature.")]
HistoryOption = Annotated[
    int | None, typer.Option("--history-length", min=0, help="Earlier messages sent with each chat.")
]
TopNOption = Annotated[int | None, typer.Option("--top-n", min=1, help="Document chunks given to the LLM.")]
ThresholdOption = Annotated[
    float | None,
    typer.Option("--similarity-threshold", min=0.0, max=1.0, help="Minimum similarity of those chunks (0 to 1)."),
]


@app.command("create")
def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name of the new workspace.")],
    chat_mode: ModeOption = None,
    system_prompt: PromptOption = None,
    chat_provider: ProviderOption = None,
    chat_model: ModelOption = None,
    temperature: TemperatureOption = None,
    history_length: HistoryOption = None,
    top_n: TopNOption = None,
    similarity_threshold: ThresholdOption = None,
) -> None:
    """Create a workspace (its slug is derived from the name)."""
    settings = given_options(locals(), skip=("ctx", "name"))
    state = state_of(ctx)
    created = state.client.workspaces.create(name, **settings)
    state.out.result(created, lambda: state.out.done(f"Created workspace {created.get('slug')!s} ({name})"))


@app.command("update")
def update(
    ctx: typer.Context,
    workspace: WorkspaceArg,
    name: NameOption = None,
    chat_mode: ModeOption = None,
    system_prompt: PromptOption = None,
    chat_provider: ProviderOption = None,
    chat_model: ModelOption = None,
    temperature: TemperatureOption = None,
    history_length: HistoryOption = None,
    top_n: TopNOption = None,
    similarity_threshold: ThresholdOption = None,
) -> None:
    """Change a workspace's name, chat mode, prompt, model or retrieval settings."""
    settings = given_options(locals(), skip=("ctx", "workspace"))
    require_changes(ctx, settings)
    state = state_of(ctx)
    updated = state.client.workspaces.update(workspace, **settings)
    state.out.result(updated, lambda: state.out.done(f"Updated workspace {updated.get('slug')!s}"))


@app.command("delete")
def delete(ctx: typer.Context, workspace: WorkspaceArg, yes: YesOption = False) -> None:
    """Delete a workspace with its chats and embeddings (the documents stay)."""
    state = state_of(ctx)
    confirm_or_abort(state, f"Delete workspace {workspace!r} with all its chats and embeddings?", yes)
    result = state.client.workspaces.delete(workspace)
    state.out.result(result, lambda: state.out.done(f"Deleted workspace {workspace}"))
