"""``anythingllm embeds list|create|update|delete|chats``: the website chat widgets of workspaces."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any

import typer

from .inputs import confirm_or_abort, given_options, require_changes
from .output import Column, one_line
from .state import state_of

app = typer.Typer(
    help="Chat widgets for websites: list, create, change, delete, read their chats.", no_args_is_help=True
)


class EmbedMode(str, Enum):
    """How a widget answers."""

    chat = "chat"
    query = "query"


EmbedArg = Annotated[str, typer.Argument(metavar="EMBED_UUID", help="The widget's uuid (see `embeds list`).")]
ModeOption = Annotated[EmbedMode | None, typer.Option("--chat-mode", help="chat, or query (documents only).")]
DomainsOption = Annotated[
    list[str] | None, typer.Option("--allow-domain", help="Only allow this website domain (repeat for more).")
]
PerDayOption = Annotated[int | None, typer.Option("--max-chats-per-day", min=1, help="Daily chat limit.")]
PerSessionOption = Annotated[int | None, typer.Option("--max-chats-per-session", min=1, help="Chats per session.")]
ModelOverride = Annotated[
    bool | None, typer.Option("--allow-model-override/--no-model-override", help="Let the page pick the model.")
]
TemperatureOverride = Annotated[
    bool | None,
    typer.Option("--allow-temperature-override/--no-temperature-override", help="Let the page set the temperature."),
]
PromptOverride = Annotated[
    bool | None, typer.Option("--allow-prompt-override/--no-prompt-override", help="Let the page set the prompt.")
]

EMBED_COLUMNS = (
    Column("UUID", "uuid"),
    Column("Workspace", lambda e: (e.get("workspace") or {}).get("name") or e.get("workspace_id")),
    Column("Mode", "chat_mode"),
    Column("Enabled", "enabled"),
    Column("Chats", "chat_count", justify="right"),
    Column("Created", lambda e: str(e.get("createdAt") or "")[:10]),
)


_RENAMED = {"allow_domain": "allowlist_domains"}


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """List the chat widgets."""
    state = state_of(ctx)
    embeds = state.client.embed.list_embeds()
    state.out.result(embeds, lambda: state.out.table(embeds, EMBED_COLUMNS, empty="No chat widgets."))


@app.command("create")
def create(
    ctx: typer.Context,
    workspace: Annotated[str, typer.Argument(metavar="WORKSPACE", help="Workspace slug the widget chats with.")],
    chat_mode: ModeOption = None,
    allow_domain: DomainsOption = None,
    max_chats_per_day: PerDayOption = None,
    max_chats_per_session: PerSessionOption = None,
    allow_model_override: ModelOverride = None,
    allow_temperature_override: TemperatureOverride = None,
    allow_prompt_override: PromptOverride = None,
) -> None:
    """Create a chat widget for a workspace."""
    settings = given_options(locals(), skip=("ctx", "workspace"), rename=_RENAMED)
    state = state_of(ctx)
    embed = state.client.embed.create_embed(workspace, **settings)
    state.out.result(embed, lambda: state.out.done(f"Created chat widget {embed.get('uuid')!s} for {workspace}"))


@app.command("update")
def update(
    ctx: typer.Context,
    embed_uuid: EmbedArg,
    enabled: Annotated[bool | None, typer.Option("--enable/--disable", help="Switch the widget on or off.")] = None,
    chat_mode: ModeOption = None,
    allow_domain: DomainsOption = None,
    max_chats_per_day: PerDayOption = None,
    max_chats_per_session: PerSessionOption = None,
    allow_model_override: ModelOverride = None,
    allow_temperature_override: TemperatureOverride = None,
    allow_prompt_override: PromptOverride = None,
) -> None:
    """Change a chat widget's settings."""
    settings = given_options(locals(), skip=("ctx", "embed_uuid"), rename=_RENAMED)
    require_changes(ctx, settings)
    state = state_of(ctx)
    result = state.client.embed.update_embed(embed_uuid, **settings)
    state.out.result(result, lambda: state.out.done(f"Updated chat widget {embed_uuid}"))


@app.command("delete")
def delete(
    ctx: typer.Context,
    embed_uuid: EmbedArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a chat widget."""
    state = state_of(ctx)
    confirm_or_abort(state, f"Delete chat widget {embed_uuid}?", yes)
    result = state.client.embed.delete_embed(embed_uuid)
    state.out.result(result, lambda: state.out.done(f"Deleted chat widget {embed_uuid}"))


@app.command("chats")
def chats(
    ctx: typer.Context,
    embed_uuid: EmbedArg,
    session: Annotated[
        str | None, typer.Option("--session-id", "--session", help="Only this visitor session's chats.")
    ] = None,
) -> None:
    """Show the chats visitors had through a widget."""
    state = state_of(ctx)
    embed = state.client.embed
    found = embed.get_embed_chats(embed_uuid) if session is None else embed.get_embed_session_chats(embed_uuid, session)
    columns = (
        Column("Session", "session_id"),
        Column("When", lambda c: str(c.get("createdAt") or "")[:19]),
        Column("Prompt", lambda c: one_line(str(c.get("prompt") or ""), 60)),
        Column("Response", lambda c: one_line(_response_text(c.get("response")), 60)),
    )
    state.out.result(found, lambda: state.out.table(found, columns, empty="No chats."))


def _response_text(response: Any) -> str:
    """The answer text of an embed chat (the server stores it as a JSON string with a ``text`` key)."""
    if isinstance(response, str):
        try:
            decoded = json.loads(response)
        except ValueError:
            return response
        response = decoded
    if isinstance(response, dict):
        return str(response.get("text") or "")
    return "" if response is None else str(response)
