"""Bulk access (multi-user mode): add or remove users across every workspace matching a pattern.

``grant(["ana", "ben"], "team-*")`` reads the users (``GET /v1/admin/users``) and the workspaces
(``GET /v1/workspaces``), then for each workspace whose slug or name matches (shell-style pattern,
case-insensitive) reads its members (``GET /v1/admin/workspaces/{id}/users``) and adds those who are
missing (``POST /v1/admin/workspaces/{slug}/manage-users``). ``revoke`` writes the members that remain
(the same route with ``reset``, which replaces the members; or, to leave nobody,
``POST /v1/admin/workspaces/{id}/update-users`` and a read of the members). A workspace that needs no
change gets no write, so running either twice changes nothing the second time. Each write is read back
from the server's answer, so the report says who really is a member afterwards. The users were read
first, so no write checks them again: a grant or revoke costs one call per changed workspace (three
when it leaves nobody), besides the reads of the members (and, for a workspace without members, the
friendly ``get_workspace_users``'s check of the workspace list).

Users are named by user name or numeric id; any unknown one raises :class:`UnknownUsersError` before
anything is written. A failure on one workspace never stops the others.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .._validate import require_bool
from ..types import User, WorkspaceUser
from ._flow import Batch, Flow, Outcome, ask, check_limit
from ._report import Entry, Report
from .errors import UnknownUsersError

Action = Literal["grant", "revoke"]
WorkspaceStatus = Literal["changed", "unchanged", "would-change", "failed"]


@dataclass
class WorkspaceAccess(Entry):
    """One workspace: who was added (grant) or removed (revoke), who needed nothing, the members after."""

    workspace: str
    name: str
    status: WorkspaceStatus = "unchanged"
    changed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    error: Exception | None = None


@dataclass
class AccessReport(Report):
    """The run: the action, the users (by name), the pattern and one entry per matching workspace."""

    ITEMS = "workspaces"
    action: Action
    users: list[str]
    pattern: str
    dry_run: bool
    workspaces: list[WorkspaceAccess] = field(default_factory=list)


@dataclass(frozen=True)
class AccessInput:
    """A checked request."""

    action: Action
    users: tuple[str | int, ...]
    pattern: str
    dry_run: bool
    concurrency: int

    @classmethod
    def of(cls, action: Action, users: object, workspaces: object, dry_run: object, concurrency: object) -> AccessInput:
        """Check everything before any request: users (names or ids), a non-empty pattern, flags."""
        if isinstance(users, (str, int)) or not isinstance(users, Sequence):
            raise TypeError("users must be a list of user names or ids")
        named: list[str | int] = []
        for index, user in enumerate(users):
            if (
                isinstance(user, bool)
                or not isinstance(user, (str, int))
                or (isinstance(user, str) and not user.strip())
            ):
                raise TypeError(f"users[{index}] must be a user name or a numeric id, got {user!r}")
            named.append(user)
        if not named:
            raise ValueError("users must name at least one user")
        if not isinstance(workspaces, str) or not workspaces.strip():
            raise ValueError("workspaces must be a non-empty pattern of workspace slugs or names, such as 'team-*'")
        return cls(
            action, tuple(named), workspaces, require_bool("dry_run", dry_run), check_limit("concurrency", concurrency)
        )

    def matches(self, workspace: Mapping[str, Any]) -> bool:
        """Whether the workspace's slug or name matches the pattern (case-insensitive)."""
        pattern = self.pattern.lower()
        return any(fnmatch.fnmatchcase(str(workspace.get(k) or "").lower(), pattern) for k in ("slug", "name"))


def _resolve(users: Sequence[User], wanted: Sequence[str | int]) -> dict[int, str]:
    """``{id: name}`` of the users named (by name or id); UnknownUsersError for any that does not exist."""
    by_name = {str(u.get("username")): int(u["id"]) for u in users if u.get("username") is not None}
    names = {int(u["id"]): str(u.get("username") or u["id"]) for u in users}
    found: dict[int, str] = {}
    unknown: list[str | int] = []
    for user in wanted:
        uid = user if isinstance(user, int) else by_name.get(user)
        if uid is None or uid not in names:
            unknown.append(user)
        else:
            found[uid] = names[uid]
    if unknown:
        raise UnknownUsersError(unknown)
    return found


def _names(members: Sequence[WorkspaceUser]) -> list[str]:
    return sorted(str(m.get("username") or m.get("userId")) for m in members)


def _write(client: Any, action: Action, workspace: Mapping[str, Any], touched: list[int], rest: list[int]) -> Any:
    """The one write of a workspace: add ``touched`` (grant), or keep only ``rest`` (revoke).

    The users are known to exist (the flow read them), so the writes are the ones that do not check
    them again: ``manage-users`` adds (or with ``reset`` replaces) and answers the members after. Only
    leaving nobody needs ``update-users`` (``set_workspace_users(id, [])``), which reads them back.
    """
    if action == "grant":
        return ask(client.admin.manage_workspace_users, str(workspace["slug"]), touched)
    if rest:
        return ask(client.admin.manage_workspace_users, str(workspace["slug"]), rest, reset=True)
    return ask(client.admin.set_workspace_users, int(workspace["id"]), [])


def access_flow(client: Any, job: AccessInput) -> Flow[AccessReport]:
    """Grant or revoke (see the module docstring)."""
    users: list[User] = yield ask(client.users.list)
    chosen = _resolve(users, job.users)
    listing: list[dict[str, Any]] = yield ask(client.workspaces.list)
    targets = [w for w in listing if job.matches(w)]
    report = AccessReport(job.action, sorted(chosen.values()), job.pattern, job.dry_run)
    report.workspaces = [WorkspaceAccess(str(w["slug"]), str(w.get("name") or "")) for w in targets]
    read: list[Outcome] = yield Batch(
        [ask(client.admin.get_workspace_users, int(w["id"])) for w in targets], job.concurrency
    )
    writes: list[Any] = []
    writing: list[WorkspaceAccess] = []
    for workspace, entry, outcome in zip(targets, report.workspaces, read, strict=True):
        if outcome.error is not None:
            entry.status, entry.error = "failed", outcome.error
            continue
        present = {int(m["userId"]) for m in outcome.value}
        entry.members = _names(outcome.value)
        touched = set(chosen) - present if job.action == "grant" else set(chosen) & present
        entry.changed = sorted(chosen[u] for u in touched)
        entry.already = sorted(chosen[u] for u in set(chosen) - touched)
        if not touched:
            continue
        entry.status = "would-change"
        writes.append(_write(client, job.action, workspace, sorted(touched), sorted(present - touched)))
        writing.append(entry)
    if job.dry_run:
        return report
    written: list[Outcome] = yield Batch(writes, job.concurrency)
    for entry, outcome in zip(writing, written, strict=True):
        if outcome.error is not None:
            entry.status, entry.error = "failed", outcome.error
            continue
        entry.members = _names(outcome.value)
        wanted_in = job.action == "grant"
        missed = [name for name in entry.changed if (name in entry.members) != wanted_in]
        entry.status = "failed" if missed else "changed"
        if missed:
            entry.error = RuntimeError(f"the server's members afterwards do not match for: {', '.join(missed)}")
    return report
