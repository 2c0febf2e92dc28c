"""``anythingllm admin users|invites|workspace-users …``: multi-user administration."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from .._client import AnythingLLMClient
from .errors import UsageProblem
from .inputs import confirm_or_abort, require_changes
from .output import Column
from .state import state_of

app = typer.Typer(
    help="Multi-user administration: users, invites and workspace members (needs multi-user mode).",
    no_args_is_help=True,
)
users_app = typer.Typer(help="List, create, change and delete users.", no_args_is_help=True)
invites_app = typer.Typer(help="List, create and revoke invitations.", no_args_is_help=True)
members_app = typer.Typer(help="Show or set who may use a workspace.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(invites_app, name="invites")
app.add_typer(members_app, name="workspace-users")


class Role(str, Enum):
    """The server's user roles."""

    default = "default"
    manager = "manager"
    admin = "admin"


UserIdArg = Annotated[int, typer.Argument(metavar="USER_ID", help="User id (see `admin users list`).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]

USER_COLUMNS = (
    Column("ID", "id", justify="right"),
    Column("Username", "username"),
    Column("Role", "role"),
    Column("Suspended", lambda u: bool(u.get("suspended"))),
    Column("Created", lambda u: str(u.get("createdAt") or "")[:10]),
)


@users_app.command("list")
def users_list(ctx: typer.Context) -> None:
    """List every user."""
    state = state_of(ctx)
    users = state.client.users.list()
    state.out.result(users, lambda: state.out.table(users, USER_COLUMNS, empty="No users."))


@users_app.command("create")
def users_create(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Lowercase letters, digits, - _ . and @.")],
    password: Annotated[
        str | None, typer.Option("--password", help="At least 8 characters (asked for when omitted).")
    ] = None,
    role: Annotated[Role, typer.Option("--role", help="default, manager or admin.")] = Role.default,
) -> None:
    """Create a user."""
    state = state_of(ctx)
    if password is None:  # asked on stderr, so that stdout stays the result (JSON with --json)
        password = str(typer.prompt("Password", hide_input=True, confirmation_prompt=True, err=True))
    user = state.client.users.create(username, password, role=role.value)
    state.out.result(user, lambda: state.out.done(f"Created user {user.get('username')!s} (id {user.get('id')!s})"))


@users_app.command("update")
def users_update(
    ctx: typer.Context,
    user_id: UserIdArg,
    username: Annotated[str | None, typer.Option("--username", help="New username.")] = None,
    password: Annotated[str | None, typer.Option("--password", help="New password.")] = None,
    role: Annotated[Role | None, typer.Option("--role", help="default, manager or admin.")] = None,
) -> None:
    """Change a user's name, password or role."""
    require_changes(ctx, {"username": username, "password": password, "role": role})
    state = state_of(ctx)
    user = state.client.users.update(
        str(user_id), username=username, password=password, role=role.value if role else None
    )
    state.out.result(user, lambda: state.out.done(f"Updated user {user_id}"))


@users_app.command("delete")
def users_delete(ctx: typer.Context, user_id: UserIdArg, yes: YesOption = False) -> None:
    """Delete a user."""
    state = state_of(ctx)
    confirm_or_abort(state, f"Delete user {user_id}?", yes)
    result = state.client.users.delete(str(user_id))
    state.out.result(result, lambda: state.out.done(f"Deleted user {user_id}"))


INVITE_COLUMNS = (
    Column("ID", "id", justify="right"),
    Column("Code", "code"),
    Column("Status", "status"),
    Column("Workspaces", "workspaceIds"),
    Column("Created", lambda i: str(i.get("createdAt") or "")[:10]),
)


@invites_app.command("list")
def invites_list(ctx: typer.Context) -> None:
    """List invitations (pending, claimed and revoked)."""
    state = state_of(ctx)
    invites = state.client.admin.get_invites()
    state.out.result(invites, lambda: state.out.table(invites, INVITE_COLUMNS, empty="No invitations."))


@invites_app.command("create")
def invites_create(
    ctx: typer.Context,
    workspace_id: Annotated[
        list[int] | None,
        typer.Option("--workspace-id", help="Give access to this workspace (its numeric id; repeat for more)."),
    ] = None,
) -> None:
    """Create an invitation; the new user signs up with its link."""
    state = state_of(ctx)
    invite = state.client.admin.create_invite(workspace_ids=workspace_id or None)["invite"]
    code = invite.get("code")
    link = f"{state.client.base_url}/accept-invite/{code}"

    def render() -> None:
        state.out.done(f"Created invitation {invite.get('id')!s}")
        state.out.record({"code": code, "link": link}, (("Code", "code"), ("Link", "link")))

    state.out.result(invite, render)


@invites_app.command("delete")
def invites_delete(
    ctx: typer.Context,
    invite_id: Annotated[int, typer.Argument(metavar="INVITE_ID", help="Invitation id.")],
    yes: YesOption = False,
) -> None:
    """Revoke an invitation (its link stops working)."""
    state = state_of(ctx)
    confirm_or_abort(state, f"Revoke invitation {invite_id}?", yes)
    result = state.client.admin.delete_invite(str(invite_id))
    state.out.result(result, lambda: state.out.done(f"Revoked invitation {invite_id}"))


MEMBER_COLUMNS = (
    Column("User ID", lambda m: m.get("userId", m.get("id")), justify="right"),
    Column("Username", "username"),
    Column("Role", "role"),
)


WorkspaceRefArg = Annotated[
    str, typer.Argument(metavar="WORKSPACE", help="Workspace slug or numeric id (see `workspaces list`).")
]


def _workspace_id(client: AnythingLLMClient, workspace: str) -> int:
    """The numeric id of a workspace given by slug or id (the member routes need the id)."""
    if workspace.isdigit():
        return int(workspace)
    return int(client.workspaces.get(workspace)["id"])


def _workspace_slug(client: AnythingLLMClient, workspace: str) -> str:
    """The slug of a workspace given by slug or numeric id."""
    if not workspace.isdigit():
        return workspace
    for found in client.workspaces.list():
        if found.get("id") == int(workspace):
            return str(found["slug"])
    raise UsageProblem(f"no workspace has the id {workspace}", "`anythingllm workspaces list` shows them.")


@members_app.command("list")
def members_list(ctx: typer.Context, workspace: WorkspaceRefArg) -> None:
    """List the users who may use a workspace."""
    state = state_of(ctx)
    members = state.client.admin.get_workspace_users(_workspace_id(state.client, workspace))
    state.out.result(members, lambda: state.out.table(members, MEMBER_COLUMNS, empty="No users assigned."))


@members_app.command("set")
def members_set(
    ctx: typer.Context,
    workspace: WorkspaceRefArg,
    user_ids: Annotated[
        list[int] | None, typer.Argument(metavar="[USER_ID]...", help="Every user who may use it (none: nobody).")
    ] = None,
) -> None:
    """Set exactly which users may use a workspace (replaces the current members)."""
    state = state_of(ctx)
    members = state.client.admin.set_workspace_users(_workspace_id(state.client, workspace), list(user_ids or []))
    state.out.result(members, lambda: state.out.table(members, MEMBER_COLUMNS, empty="No users assigned."))


@members_app.command("add")
def members_add(
    ctx: typer.Context,
    workspace: WorkspaceRefArg,
    user_ids: Annotated[list[int], typer.Argument(metavar="USER_ID...", help="Users to add.")],
) -> None:
    """Add users to a workspace (the current members stay)."""
    state = state_of(ctx)
    members = state.client.admin.manage_workspace_users(_workspace_slug(state.client, workspace), user_ids)
    state.out.result(members, lambda: state.out.table(members, MEMBER_COLUMNS, empty="No users assigned."))
