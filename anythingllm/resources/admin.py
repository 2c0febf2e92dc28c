"""Administration: multi-user mode, users, invites, workspace members, the chat log and system preferences."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _shape
from .._plan import Call, Plan, Runtime, SessionCall
from .._resource import M, Resource, operation
from .._validate import check_number, require_list, require_slug
from ..errors import MultiUserModeRequiredError, NotFoundError, ServerError, UnsupportedOperationError
from ..types import (
    DeleteResult,
    Invite,
    MultiUserStatus,
    SystemSettings,
    User,
    WorkspaceChatPage,
    WorkspaceUser,
)
from . import _accounts
from .workspaces import unless_workspace_missing, workspace_row

PREFERENCE_LABELS: tuple[str, ...] = (
    "custom_app_name",
    "support_email",
    "footer_data",
    "text_splitter_chunk_size",
    "text_splitter_chunk_overlap",
    "max_embed_chunk_size",
    "agent_search_provider",
    "default_agent_skills",
    "feature_flags",
    "memory_enabled",
)
"""The preferences :meth:`AdminModule.get_system_preferences` reads by default."""

READABLE_PREFERENCES: frozenset[str] = frozenset(
    {
        *PREFERENCE_LABELS,
        "agent_sql_connections",
        "disabled_agent_skills",
        "disabled_filesystem_skills",
        "disabled_create_files_skills",
        "disabled_gmail_skills",
        "gmail_agent_config",
        "disabled_google_calendar_skills",
        "google_calendar_agent_config",
        "disabled_outlook_skills",
        "outlook_agent_config",
        "imported_agent_skills",
        "agent_clarifying_questions_enabled",
        "agent_clarifying_questions_max_per_turn",
        "meta_page_title",
        "meta_page_favicon",
        "memory_auto_extraction",
    }
)
"""Every label the server (v1.16.0) lets ``/admin/system-preferences-for`` read; it skips any other."""

WRITABLE_PREFERENCES: frozenset[str] = frozenset(
    {
        *(READABLE_PREFERENCES - {"max_embed_chunk_size", "feature_flags", "imported_agent_skills"}),
        "logo_filename",
        "telemetry_id",
        "default_system_prompt",
        "experimental_live_file_sync",
        "hub_api_key",
    }
)
"""Every label the server (v1.16.0) stores on a preferences update; it silently drops any other."""

# Documented SystemSettings names: the preference each stands for, or None when there is none.
_PREFERENCE_ALIASES: dict[str, str | None] = {
    "serverName": "custom_app_name",
    "serverDescription": None,
    "allowUserSignup": None,
    "allowAnonymousUsers": None,
    "defaultLLMProvider": None,
    "defaultEmbeddingProvider": None,
    "defaultVectorDB": None,
}
_PREFERENCES_READ = "/admin/system-preferences-for"
_PREFERENCES_WRITE = "/admin/system-preferences"
_PREFERENCE_ROLES = "an admin or a manager"


class AdminModule(Resource[M]):
    """Administration (``client.admin``). Most calls need multi-user mode: in single-user mode the
    server refuses them and :class:`~anythingllm.errors.MultiUserModeRequiredError` is raised.

    Roles are ``default``, ``manager`` and ``admin`` (``"user"`` is accepted for ``default``); ids are
    the server's integer ids (``5`` or ``"5"``).
    """

    @operation
    def is_multi_user_mode(self) -> Plan[MultiUserStatus]:
        """``{"isMultiUser": bool}``: whether the server runs in multi-user mode (works in both modes)."""
        parsed = yield Call("admin.admin_is_multi_user_mode")
        return _shape.multi_user_status(parsed)

    @operation
    def create_user(self, username: str, password: str, role: str = "default") -> Plan[dict[str, User]]:
        """Create a user: ``{"user": User}``. A taken username or a weak password raises BadRequestError."""
        return {"user": (yield from _accounts.create_user(username, password, role, {}))}

    @operation
    def update_user(
        self, user_id: str | int, username: str | None = None, password: str | None = None, role: str | None = None
    ) -> Plan[dict[str, User]]:
        """Change a user: ``{"user": User}`` as stored (read back, the server answers without it).

        A change the server refuses (e.g. demoting the last admin) raises UnprocessableError.
        """
        return {"user": (yield from _accounts.update_user(user_id, username, password, role, {}))}

    @operation
    def delete_user(self, user_id: str | int) -> Plan[DeleteResult]:
        """Delete a user (``{success, error}``). This server fails with ServerError for an unknown id."""
        return (yield from _accounts.delete_user(user_id))

    @operation
    def create_invite(self, workspace_ids: list[int] | None = None) -> Plan[dict[str, Invite]]:
        """Create an invitation code that adds its user to these workspaces (numeric ids): ``{"invite": Invite}``."""
        from anythingllm_api.models.admin_create_invite_body import AdminCreateInviteBody

        ids = [] if workspace_ids is None else require_list("workspace_ids", workspace_ids, int)
        body = AdminCreateInviteBody.from_dict({"workspaceIds": ids})
        data = yield Call("admin.admin_create_invite", {"body": body})
        if not isinstance(data.get("invite"), Mapping):
            raise _accounts.refused_result(data, "POST", "/api/v1/admin/invite/new")
        return {"invite": _shape.invite(data["invite"])}

    @operation
    def get_invites(self) -> Plan[builtins.list[Invite]]:
        """Every invitation, pending, claimed or disabled."""
        parsed = yield Call("admin.admin_list_invites")
        return [_shape.invite(i) for i in parsed["invites"]]

    @operation
    def delete_invite(self, invite_id: str | int) -> Plan[DeleteResult]:
        """Disable an invitation (the server keeps it with status ``disabled``); NotFoundError for an unknown id."""
        iid = _accounts.check_id("invite_id", invite_id)
        parsed = yield Call("admin.admin_deactivate_invite", {"id": iid})
        return _accounts.ensure_success(parsed, "DELETE", f"/api/v1/admin/invite/{iid}")

    @operation
    def get_system_preferences(self, labels: Sequence[str] | None = None) -> Plan[SystemSettings]:
        """System preferences by label (``serverName`` <- ``custom_app_name``).

        Read through the session API (``/admin/system-preferences-for``), so multi-user mode needs an
        admin or manager login (``client.auth.login``); managers see only ``custom_app_name``,
        ``footer_data``, ``support_email`` and the page meta labels. ``labels`` defaults to
        :data:`PREFERENCE_LABELS`: custom_app_name, support_email, footer_data,
        text_splitter_chunk_size, text_splitter_chunk_overlap, max_embed_chunk_size,
        agent_search_provider, default_agent_skills, feature_flags, memory_enabled. The server skips
        labels it does not publish.
        """
        names = PREFERENCE_LABELS if labels is None else _check_labels(labels)
        return (yield from _read_preferences(self._runtime, list(names)))

    @operation
    def update_system_preferences(self, preferences: dict[str, Any]) -> Plan[SystemSettings]:
        """Change system preferences (labels such as ``support_email``; ``serverName`` means
        ``custom_app_name``) and return the changed ones as the server now holds them.

        With a login (``client.auth.login``) they are written and read back through the session API
        as that user (admins may write every label, managers the five they see). Without a login they
        are written with the API key (``POST /v1/admin/preferences``, multi-user mode); the server then
        offers no way to read them back, so the result holds the values as sent. A single-user server
        without a password gets them through its open session route instead.
        """
        values = _check_preferences(preferences)
        readable = [label for label in values if label in READABLE_PREFERENCES]
        runtime = self._runtime
        if not runtime.session.token:
            from anythingllm_api.models.admin_update_preferences_body import AdminUpdatePreferencesBody

            try:
                parsed = yield Call(
                    "admin.admin_update_preferences", {"body": AdminUpdatePreferencesBody.from_dict(values)}
                )
            except MultiUserModeRequiredError:
                pass  # single-user mode: the session route below
            else:
                _accounts.ensure_success(parsed, "POST", "/api/v1/admin/preferences")
                return _shape.system_preferences({label: values[label] for label in readable})
        call = SessionCall("POST", _PREFERENCES_WRITE, json=values)
        data = yield from _accounts.session_call(
            runtime, call, "writing system preferences", _PREFERENCE_ROLES, "success"
        )
        _accounts.ensure_success(data, "POST", f"/api{_PREFERENCES_WRITE}")
        return (yield from _read_preferences(runtime, readable))

    @operation
    def get_workspace_users(self, workspace_id: str | int) -> Plan[builtins.list[WorkspaceUser]]:
        """The members of a workspace: by slug (a ``str``, looked up first) or by numeric id (an ``int``).

        An unknown workspace raises NotFoundError (the server answers ``[]`` for a numeric id it does not
        have, so an empty answer for a numeric id is checked against the workspace list).
        """
        wid = yield from _workspace_number(workspace_id)
        members = yield from _workspace_users(wid)
        if not members and not isinstance(workspace_id, str):
            yield from _require_workspace_number(wid)
        return members

    @operation
    def set_workspace_users(
        self, workspace_id: str | int, user_ids: builtins.list[int]
    ) -> Plan[builtins.list[WorkspaceUser]]:
        """Make exactly these users (ids) the members of a workspace (slug or numeric id, as in
        :meth:`get_workspace_users`); ``[]`` removes everyone.

        Returns the members read back. The user ids are checked against the user list first (one more
        call): the server would remove every member and then fail to add any, still reporting success,
        if one id were unknown. An unknown user or workspace raises NotFoundError; nothing is changed
        for an unknown user.
        """
        from anythingllm_api.models.admin_update_workspace_users_body import AdminUpdateWorkspaceUsersBody

        ids = [_accounts.check_id("user_ids[]", uid) for uid in require_list("user_ids", user_ids, int)]
        wid = yield from _workspace_number(workspace_id)
        path = f"/api/v1/admin/workspaces/{wid}/update-users"
        if ids:
            yield from _require_users(ids, path, "nothing was changed")
        body = AdminUpdateWorkspaceUsersBody.from_dict({"userIds": ids})
        parsed = yield Call("admin.admin_update_workspace_users", {"workspace_id": wid, "body": body})
        _accounts.ensure_success(parsed, "POST", path)
        members = yield from _workspace_users(wid)
        if not members and not isinstance(workspace_id, str):
            yield from _require_workspace_number(wid)
        return members

    @operation
    def manage_workspace_users(
        self, workspace_id: str, user_ids: builtins.list[int], reset: bool = False
    ) -> Plan[builtins.list[WorkspaceUser]]:
        """Add users (ids) to a workspace by its slug, or with ``reset=True`` replace its members; the members after.

        An unknown workspace, or a user id the server does not have, raises NotFoundError (the server skips
        unknown user ids and adds the others; it answers 500 for an unknown workspace, which the workspace
        lookup then tells apart).
        """
        from anythingllm_api.models.admin_manage_workspace_users_body import AdminManageWorkspaceUsersBody

        slug = require_slug("workspace_id", workspace_id)
        ids = [_accounts.check_id("user_ids[]", uid) for uid in require_list("user_ids", user_ids, int)]
        if not ids:
            raise ValueError("user_ids must name at least one user; set_workspace_users(id, []) removes everyone")
        if not isinstance(reset, bool):
            raise TypeError(f"reset must be a bool, got {type(reset).__name__}")
        fields: dict[str, Any] = {"userIds": ids, **({"reset": True} if reset else {})}
        body = AdminManageWorkspaceUsersBody.from_dict(fields)
        try:
            data = yield Call("admin.admin_manage_workspace_users", {"workspace_slug": slug, "body": body})
        except ServerError as error:
            yield from unless_workspace_missing(slug, error)
        path = f"/api/v1/admin/workspaces/{slug}/manage-users"
        _accounts.ensure_success(data, "POST", path)
        members = [_shape.workspace_user(u) for u in data.get("users", [])]
        absent = [uid for uid in ids if uid not in {m.get("id") for m in members}]
        if absent:  # the server skips ids it does not have and adds the others
            yield from _require_users(absent, path, "the server added the others")
        return members

    @operation
    def get_workspace_chats(self, offset: int = 0) -> Plan[WorkspaceChatPage]:
        """One page (20, newest first) of every workspace chat: ``{"chats": [...], "hasPages": bool}``.

        ``offset`` is the page number. Each chat's ``response`` is decoded from its JSON text. Works in
        both server modes.
        """
        from anythingllm_api.models.admin_list_workspace_chats_body import AdminListWorkspaceChatsBody

        page = check_number("offset", offset, integer=True)
        body = AdminListWorkspaceChatsBody.from_dict({"offset": page})
        parsed = yield Call("admin.admin_list_workspace_chats", {"body": body})
        return _shape.workspace_chat_page(parsed)


def _workspace_number(workspace_id: object) -> Plan[int]:
    """The numeric id of a workspace given by numeric id (``int``) or by slug (``str``, looked up)."""
    if isinstance(workspace_id, int) and not isinstance(workspace_id, bool):
        return _accounts.check_id("workspace_id", workspace_id)
    if not isinstance(workspace_id, str):
        raise TypeError(f"workspace_id must be a slug (str) or a numeric id (int), got {type(workspace_id).__name__}")
    row = yield from workspace_row(require_slug("workspace_id", workspace_id))
    return int(row["id"])


def _require_workspace_number(workspace_id: int) -> Plan[None]:
    """NotFoundError unless a workspace has the numeric id ``workspace_id`` (``GET /v1/workspaces``)."""
    parsed = yield Call("workspaces.workspace_list")
    if not any(w.get("id") == workspace_id for w in parsed["workspaces"]):
        raise NotFoundError(
            404,
            f"no workspace has id {workspace_id} (workspaces.list() shows the ids)",
            method="GET",
            path="/api/v1/workspaces",
        )


def _require_users(user_ids: list[int], path: str, outcome: str) -> Plan[None]:
    """NotFoundError naming the ``user_ids`` no user has (``GET /v1/admin/users``); ``outcome`` says what was done."""
    known = {user.get("id") for user in (yield from _accounts.list_users())}
    unknown = [uid for uid in user_ids if uid not in known]
    if unknown:
        raise NotFoundError(
            404,
            f"no user has id {', '.join(map(str, unknown))} (users.list() shows the ids); {outcome}",
            method="POST",
            path=path,
        )


def _workspace_users(workspace_id: int) -> Plan[list[WorkspaceUser]]:
    parsed = yield Call("admin.admin_list_workspace_users", {"workspace_id": workspace_id})
    return [_shape.workspace_user(u) for u in parsed["users"]]


def _read_preferences(runtime: Runtime, labels: list[str]) -> Plan[SystemSettings]:
    """Read ``labels`` through the session API (nothing to read: no request)."""
    if not labels:
        return _shape.system_preferences({})
    call = SessionCall("GET", _PREFERENCES_READ, params={"labels": ",".join(labels)})
    data = yield from _accounts.session_call(runtime, call, "reading system preferences", _PREFERENCE_ROLES, "settings")
    return _shape.system_preferences(data["settings"])


def _check_labels(labels: object) -> list[str]:
    names = require_list("labels", labels)
    if not names:
        raise ValueError("labels must name at least one preference")
    for index, name in enumerate(names):
        if not name.strip() or "," in name:
            raise ValueError(f"labels[{index}] must be a non-empty label without ',', got {name!r}")
    return names


def _check_preferences(preferences: object) -> dict[str, Any]:
    """The preferences to send, by server label; documented aliases translated, unknown labels refused."""
    if not isinstance(preferences, Mapping):
        raise TypeError(f"preferences must be a dict of label -> value, got {type(preferences).__name__}")
    if not preferences:
        raise ValueError("preferences must hold at least one label")
    values: dict[str, Any] = {}
    for key, value in preferences.items():
        if not isinstance(key, str):
            raise TypeError(f"preferences keys must be str labels, got {key!r}")
        label = _PREFERENCE_ALIASES.get(key, key)
        if label is None:
            raise UnsupportedOperationError(
                0,
                f"the server has no preference behind {key!r}: providers and the vector database are system "
                "settings (client.system.update_settings); sign-up and anonymous access are not settings at all",
            )
        if label not in WRITABLE_PREFERENCES:
            raise ValueError(
                f"preferences has the unknown label {key!r}, which the server would silently drop; it stores "
                f"{', '.join(sorted(WRITABLE_PREFERENCES))}"
            )
        values[label] = value
    return values
