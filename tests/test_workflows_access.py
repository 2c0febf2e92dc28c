"""client.workflows.grant / revoke: recorded from a real server in multi-user mode, on both clients."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest

from anythingllm.workflows import UnknownUsersError
from tests.conftest import RECORDED_PASSWORD, body, calls, resolve
from tests.workflow_cassettes import workflow_replay

pytestmark = pytest.mark.anyio


def members_of(report: Any) -> dict[str, list[str]]:
    return {w.workspace: w.members for w in report.workspaces}


async def test_grant_and_revoke_across_matching_workspaces(client: Any, sent: list[httpx.Request]) -> None:
    with workflow_replay("workflow_access") as cassette:
        team = [(await resolve(client.workspaces.create(n))) for n in ("WF Team Alpha", "WF Team Beta")]
        other = await resolve(client.workspaces.create("WF Other"))
        ana = (await resolve(client.users.create("wf-ana", RECORDED_PASSWORD)))["id"]
        ben = (await resolve(client.users.create("wf-ben", RECORDED_PASSWORD)))["id"]
        marks = [len(sent)]
        granted = await resolve(client.workflows.grant(["wf-ana", "wf-ben"], "wf-team-*"))
        marks.append(len(sent))
        again = await resolve(client.workflows.grant(["wf-ana", ben], "wf-team-*"))  # names or ids
        marks.append(len(sent))
        preview = await resolve(client.workflows.revoke(["wf-ana"], "WF Team*", dry_run=True))  # by name
        marks.append(len(sent))
        revoked = await resolve(client.workflows.revoke(["wf-ana"], "wf-team-*"))
        marks.append(len(sent))
        emptied = await resolve(client.workflows.revoke([ben], "wf-team-alpha"))
        marks.append(len(sent))
        with pytest.raises(UnknownUsersError, match="'wf-nobody'"):
            await resolve(client.workflows.grant(["wf-ana", "wf-nobody"], "*"))
        marks.append(len(sent))
        after = {w["slug"]: await resolve(client.admin.get_workspace_users(w["id"])) for w in [*team, other]}
        for uid in (ana, ben):
            await resolve(client.users.delete(uid))
        for w in [*team, other]:
            await resolve(client.workspaces.delete(w["slug"]))
        assert cassette.all_played or cassette.record_mode != "none"
    runs = [sent[a:b] for a, b in itertools.pairwise(marks)]
    alpha, beta = (w["slug"] for w in team)
    reads = sorted(("GET", f"/api/v1/admin/workspaces/{w['id']}/users") for w in team)
    lookups = [("GET", "/api/v1/admin/users"), ("GET", "/api/v1/workspaces")]

    # grant: both users added to both team workspaces, one write each, the other workspace untouched
    assert [w.workspace for w in granted.workspaces] == [alpha, beta] and granted.ok
    assert all(w.status == "changed" and w.changed == ["wf-ana", "wf-ben"] for w in granted.workspaces)
    assert members_of(granted) == {alpha: ["wf-ana", "wf-ben"], beta: ["wf-ana", "wf-ben"]}
    assert calls(runs[0])[:2] == lookups  # no member yet: get_workspace_users checks each workspace exists
    assert sorted(calls(runs[0])[2:6]) == sorted([*reads, ("GET", "/api/v1/workspaces"), ("GET", "/api/v1/workspaces")])
    writes = sorted(calls(runs[0])[6:])  # the users are known to exist: no write checks them again
    assert writes == sorted(("POST", f"/api/v1/admin/workspaces/{s}/manage-users") for s in (alpha, beta))
    assert all(body(r) == {"userIds": sorted([ana, ben])} for r in runs[0][6:])

    # the same grant again: nothing to do, no write
    assert all(w.status == "unchanged" and w.already == ["wf-ana", "wf-ben"] for w in again.workspaces)
    assert calls(runs[1])[:2] == lookups and sorted(calls(runs[1])[2:]) == reads

    # a dry run reads only, and says what would change
    assert preview.dry_run and [w.status for w in preview.workspaces] == ["would-change", "would-change"]
    assert all(w.changed == ["wf-ana"] for w in preview.workspaces)
    assert all(method == "GET" for method, _ in calls(runs[2]))

    # revoke replaces the members with those that remain, one call per workspace; the last one can go too
    assert members_of(revoked) == {alpha: ["wf-ben"], beta: ["wf-ben"]} and revoked.ok
    assert calls(runs[3])[:2] == lookups and sorted(calls(runs[3])[2:4]) == reads
    assert sorted(calls(runs[3])[4:]) == sorted(
        ("POST", f"/api/v1/admin/workspaces/{s}/manage-users") for s in (alpha, beta)
    )
    assert [body(r) for r in runs[3][4:]] == [{"userIds": [ben], "reset": True}] * 2
    assert members_of(emptied) == {alpha: []} and emptied.workspaces[0].changed == ["wf-ben"]
    alpha_id = team[0]["id"]
    assert calls(runs[4]) == [  # leaving nobody: update-users, then the members read back (none: is it there?)
        *lookups,
        ("GET", f"/api/v1/admin/workspaces/{alpha_id}/users"),
        ("POST", f"/api/v1/admin/workspaces/{alpha_id}/update-users"),
        ("GET", f"/api/v1/admin/workspaces/{alpha_id}/users"),
        ("GET", "/api/v1/workspaces"),
    ]
    assert body(runs[4][3]) == {"userIds": []}

    # an unknown user: refused after reading the users, before any workspace is touched
    assert calls(runs[5]) == [("GET", "/api/v1/admin/users")]
    assert {slug: [m["username"] for m in users] for slug, users in after.items()} == {
        alpha: [],
        beta: ["wf-ben"],
        other["slug"]: [],
    }


async def test_access_arguments_are_checked_before_any_request(client: Any) -> None:
    with workflow_replay("workflow_access") as cassette:
        with pytest.raises(ValueError, match="at least one user"):
            await resolve(client.workflows.grant([], "x*"))
        with pytest.raises(TypeError, match="list of user names"):
            await resolve(client.workflows.grant("ana", "x*"))
        with pytest.raises(ValueError, match="non-empty pattern"):
            await resolve(client.workflows.revoke(["ana"], " "))
        assert cassette.play_count == 0
