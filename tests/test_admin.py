"""client.admin against the real server's recorded answers (sync and async)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import vcr

from anythingllm.errors import (
    MultiUserModeRequiredError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableError,
    UnsupportedOperationError,
)
from anythingllm.resources.admin import PREFERENCE_LABELS, READABLE_PREFERENCES
from tests.conftest import CASSETTES, RECORD_MODE, RECORDED_PASSWORD, RECORDED_TOKEN, body, calls, replay, resolve

pytestmark = pytest.mark.anyio

PASSWORD = RECORDED_PASSWORD
TOKEN = RECORDED_TOKEN


async def test_is_multi_user_mode(client: Any) -> None:
    with replay("admin_multi_user"):
        assert await resolve(client.admin.is_multi_user_mode()) == {"isMultiUser": True}
    with replay("admin_single_user"):
        assert await resolve(client.admin.is_multi_user_mode()) == {"isMultiUser": False}


async def test_create_update_delete_user(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        await resolve(client.users.list())  # the list as it was before the user existed
        created = await resolve(client.admin.create_user("vcr-user", PASSWORD))
        assert list(created) == ["user"]
        assert (created["user"]["id"], created["user"]["role"]) == (5, "default")
        assert body(sent[-1]) == {"username": "vcr-user", "password": PASSWORD, "role": "default"}

        updated = await resolve(client.admin.update_user("5", role="manager"))
        assert list(updated) == ["user"]
        assert (updated["user"]["id"], updated["user"]["role"]) == (5, "manager")
        assert calls(sent[-2:]) == [("POST", "/api/v1/admin/users/5"), ("GET", "/api/v1/admin/users")]
        assert body(sent[-2]) == {"role": "manager"}

        with pytest.raises(UnprocessableError, match="No system admins will remain"):
            await resolve(client.admin.update_user(1, role="default"))

        assert await resolve(client.admin.delete_user(5)) == {"success": True, "error": None}
        assert cassette.play_count == 6  # an unknown user's 500: tests/test_not_found.py


async def test_invites(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        invites = await resolve(client.admin.get_invites())
        assert [(i["id"], i["status"], i["workspaceIds"]) for i in invites] == [
            (1, "pending", [1]),
            (2, "disabled", [14]),
            (3, "disabled", [17]),
        ]
        created = await resolve(client.admin.create_invite([18]))
        assert list(created) == ["invite"]
        invite = created["invite"]
        assert (invite["id"], invite["status"], invite["workspaceIds"]) == (4, "pending", [18])
        assert invite["code"] == "XXXXXXX-XXXXXXX-XXXXXXX-INVITE4"
        assert body(sent[-1]) == {"workspaceIds": [18]}

        assert [i["id"] for i in await resolve(client.admin.get_invites())] == [1, 2, 3, 4]
        assert await resolve(client.admin.delete_invite(4)) == {"success": True, "error": None}
        # deleting is a soft delete: an invite already disabled still answers success
        assert await resolve(client.admin.delete_invite("4")) == {"success": True, "error": None}
        with pytest.raises(NotFoundError, match="Invite not found"):
            await resolve(client.admin.delete_invite(99999))
        assert cassette.play_count == 6


async def test_set_workspace_users_checks_the_users_then_reads_the_members_back(
    client: Any, sent: list[httpx.Request]
) -> None:
    """Recorded by this project (make record) on a v1.16.0 server in multi-user mode."""
    with replay("notfound_mu_admin_set_workspace_users_reads_back") as cassette:
        home = await resolve(client.workspaces.create("NF Members WS"))
        members = await resolve(client.admin.set_workspace_users(home["id"], [1]))
        await resolve(client.workspaces.delete(home["slug"]))
        assert cassette.all_played or RECORD_MODE != "none"
    assert [(m["id"], m["userId"], m["username"], m["role"]) for m in members] == [(1, 1, "admin", "admin")]
    number = home["id"]
    assert calls(sent)[1:4] == [
        ("GET", "/api/v1/admin/users"),  # every user id is checked first: one unknown id would empty the workspace
        ("POST", f"/api/v1/admin/workspaces/{number}/update-users"),
        ("GET", f"/api/v1/admin/workspaces/{number}/users"),
    ]
    assert body(sent[2]) == {"userIds": [1]}


async def test_workspace_members_by_slug_look_the_workspace_up(client: Any, sent: list[httpx.Request]) -> None:
    with replay("errors_workspace") as cassette, pytest.raises(NotFoundError, match="'no-such-ws' does not exist"):
        await resolve(client.admin.get_workspace_users("no-such-ws"))
    assert cassette.play_count == 1
    assert calls(sent) == [("GET", "/api/v1/workspace/no-such-ws")]


async def test_manage_workspace_users(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        added = await resolve(client.admin.manage_workspace_users("vcr-admin-ws", [2]))
        assert [m["username"] for m in added] == ["bob", "vcr-user"]
        assert body(sent[-1]) == {"userIds": [2]}

        replaced = await resolve(client.admin.manage_workspace_users("vcr-admin-ws", [5], reset=True))
        assert [m["id"] for m in replaced] == [5]
        assert body(sent[-1]) == {"userIds": [5], "reset": True}

        with pytest.raises(NotFoundError, match="No valid user IDs provided"):
            await resolve(client.admin.manage_workspace_users("vcr-admin-ws", [99999]))
        assert cassette.play_count == 3  # an unknown workspace's 500: tests/test_not_found.py


async def test_workspace_chats(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        page = await resolve(client.admin.get_workspace_chats(0))
        again = await resolve(client.admin.get_workspace_chats())
        assert cassette.play_count == 2
    assert [body(r) for r in sent] == [{"offset": 0}, {"offset": 0}]
    assert page["hasPages"] is False and again["hasPages"] is False
    first = page["chats"][0]
    assert (first["id"], first["prompt"], first["workspace"]["slug"]) == (54, "Admin chat log seed", "vcr-admin-ws")
    assert first["response"]["text"] == "STUB-REPLY: Admin chat log seed"  # decoded from its JSON text
    assert len(page["chats"]) == 14


async def test_workspace_chats_work_in_single_user_mode(client: Any) -> None:
    with replay("admin_single_user"):
        page = await resolve(client.admin.get_workspace_chats())
    assert page["chats"][0]["response"]["type"] == "chat"


async def test_single_user_mode_raises_multi_user_mode_required(client: Any) -> None:
    with replay("admin_single_user") as cassette:
        calls = [
            lambda: client.admin.create_user("nobody", PASSWORD),
            lambda: client.admin.update_user(2, role="default"),
            lambda: client.admin.delete_user(2),
            lambda: client.admin.get_invites(),
            lambda: client.admin.create_invite([1]),
            lambda: client.admin.delete_invite(1),
            lambda: client.admin.get_workspace_users(1),
            lambda: client.admin.set_workspace_users(1, [1]),
            lambda: client.admin.manage_workspace_users("test-ws", [1]),
        ]
        for call in calls:
            with pytest.raises(MultiUserModeRequiredError, match="Enable multi-user mode"):
                await resolve(call())
        assert cassette.play_count == len(calls)


# --- system preferences ------------------------------------------------------------------------------------


async def test_update_preferences_without_login_uses_the_api_key(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        changed = await resolve(client.admin.update_system_preferences({"support_email": "support@example.com"}))
        restored = await resolve(client.admin.update_system_preferences({"support_email": "a@b.c"}))
        assert cassette.play_count == 2
    # a multi-user server offers no read-back without a login: the values as sent
    assert changed["support_email"] == "support@example.com"
    assert restored["support_email"] == "a@b.c"
    assert calls(sent) == [("POST", "/api/v1/admin/preferences")] * 2
    assert body(sent[0]) == {"support_email": "support@example.com"}
    assert sent[0].headers["authorization"] == "Bearer REDACTED-API-KEY"


async def test_server_name_is_sent_as_custom_app_name(client: Any, sent: list[httpx.Request]) -> None:
    # /v1/admin/preferences answers {success: true, error: null} whatever it is sent (API-NOTES §3 #14)
    with replay("admin_multi_user"):
        result = await resolve(client.admin.update_system_preferences({"serverName": "VCR Server"}))
    assert body(sent[0]) == {"custom_app_name": "VCR Server"}
    assert result["serverName"] == result["custom_app_name"] == "VCR Server"


async def test_preferences_with_a_login(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    with replay("session_system") as cassette:
        # the labels of the recording, one of which the server does not publish
        prefs = await resolve(client.admin.get_system_preferences([*PREFERENCE_LABELS, "not_a_public_label"]))
        assert list(prefs["customSettings"]) == list(PREFERENCE_LABELS)
        assert prefs["support_email"] == "a@b.c"
        assert prefs["serverName"] is None and prefs["custom_app_name"] is None
        assert prefs["feature_flags"] == {"experimental_live_file_sync": False}

        changed = await resolve(client.admin.update_system_preferences({"support_email": "vcr@example.com"}))
        assert changed["support_email"] == "vcr@example.com"  # read back from the server
        restored = await resolve(client.admin.update_system_preferences({"support_email": "a@b.c"}))
        assert restored["support_email"] == "a@b.c"
        assert cassette.play_count == 5
    assert [(r.method, r.url.path, r.url.params.get("labels")) for r in sent[1:]] == [
        ("POST", "/api/admin/system-preferences", None),
        ("GET", "/api/admin/system-preferences-for", "support_email"),
    ] * 2
    assert body(sent[1]) == {"support_email": "vcr@example.com"}
    assert {r.headers["authorization"] for r in sent} == {f"Bearer {TOKEN}"}


def _published_labels(r1: Any, r2: Any) -> None:
    """Match the ``labels`` queries on the labels the server publishes: it skips every other label, so its
    answer to a query that also names an unpublished one is its answer to the query without it."""

    def labels(request: Any) -> list[str]:
        value = dict(request.query).get("labels", "")
        return [label for label in value.split(",") if label in READABLE_PREFERENCES]

    assert labels(r1) == labels(r2)


async def test_get_preferences_reads_the_default_labels(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    replayer = vcr.VCR(
        record_mode="none",
        decode_compressed_response=True,
        match_on=["method", "scheme", "host", "port", "path", "published_labels"],
    )
    replayer.register_matcher("published_labels", _published_labels)
    with replayer.use_cassette(str(CASSETTES / "session_system.yaml")) as cassette:
        prefs = await resolve(client.admin.get_system_preferences())
        assert cassette.play_count == 1
    assert sent[0].url.params["labels"] == ",".join(PREFERENCE_LABELS)
    assert list(prefs["customSettings"]) == list(PREFERENCE_LABELS)


async def test_get_preferences_on_a_single_user_server_needs_no_login(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_single_user"):
        prefs = await resolve(client.admin.get_system_preferences(["support_email", "custom_app_name"]))
    assert prefs["support_email"] == "a@b.c" and prefs["serverName"] is None
    assert "authorization" not in sent[0].headers


async def test_a_default_role_login_may_not_touch_preferences(client: Any) -> None:
    with replay("session_non_admin") as cassette:
        await resolve(client.auth.login("vcr-default-user", PASSWORD))
        with pytest.raises(PermissionDeniedError, match="only an admin or a manager may do it"):
            await resolve(client.admin.get_system_preferences(["support_email"]))
        with pytest.raises(PermissionDeniedError, match="only an admin or a manager may do it"):
            await resolve(client.admin.update_system_preferences({"support_email": "x@y.z"}))
        assert cassette.play_count == 3


async def test_validation_happens_before_any_request(client: Any) -> None:
    with replay("admin_multi_user") as cassette:
        with pytest.raises(ValueError, match="role must be one of"):
            await resolve(client.admin.create_user("x-user", PASSWORD, role="owner"))
        with pytest.raises(ValueError, match="update needs at least one"):
            await resolve(client.admin.update_user(5))
        with pytest.raises(TypeError, match="workspace_ids must be a list of int"):
            await resolve(client.admin.create_invite("18"))
        with pytest.raises(TypeError, match=r"workspace_ids\[0\] must be a int"):
            await resolve(client.admin.create_invite([True]))
        with pytest.raises(ValueError, match="invite_id must be a numeric id"):
            await resolve(client.admin.delete_invite("not-a-number"))
        with pytest.raises(TypeError, match=r"workspace_id must be a slug \(str\) or a numeric id \(int\)"):
            await resolve(client.admin.get_workspace_users(18.0))
        with pytest.raises(ValueError, match="workspace_id must be an integer >= 1"):
            await resolve(client.admin.set_workspace_users(0, [5]))
        with pytest.raises(TypeError, match="user_ids must be a list of int"):
            await resolve(client.admin.set_workspace_users(18, 5))
        with pytest.raises(ValueError, match="workspace_id must be a single path segment"):
            await resolve(client.admin.manage_workspace_users("a/b", [1]))
        with pytest.raises(ValueError, match="user_ids must name at least one user"):
            await resolve(client.admin.manage_workspace_users("vcr-admin-ws", []))
        with pytest.raises(TypeError, match="reset must be a bool"):
            await resolve(client.admin.manage_workspace_users("vcr-admin-ws", [1], reset="yes"))
        with pytest.raises(ValueError, match="offset must be an integer >= 0"):
            await resolve(client.admin.get_workspace_chats(-1))
        with pytest.raises(ValueError, match="preferences must hold at least one label"):
            await resolve(client.admin.update_system_preferences({}))
        with pytest.raises(ValueError, match=r"unknown label 'nope'.*silently drop"):
            await resolve(client.admin.update_system_preferences({"nope": 1}))
        with pytest.raises(UnsupportedOperationError, match="allowUserSignup"):
            await resolve(client.admin.update_system_preferences({"allowUserSignup": True}))
        with pytest.raises(TypeError, match="preferences must be a dict"):
            await resolve(client.admin.update_system_preferences("support_email=a@b.c"))
        with pytest.raises(TypeError, match="labels must be a list of str"):
            await resolve(client.admin.get_system_preferences("support_email"))
        with pytest.raises(ValueError, match=r"labels\[0\] must be a non-empty label without ','"):
            await resolve(client.admin.get_system_preferences(["support_email,custom_app_name"]))
        assert cassette.play_count == 0


async def test_workspace_members_by_slug_are_read_and_set(client: Any, sent: list[httpx.Request]) -> None:
    """Recorded by this project (make record) on a v1.16.0 server in multi-user mode."""
    with replay("notfound_mu_admin_workspace_members") as cassette:
        workspace = await resolve(client.workspaces.create("VCR Members WS"))
        slug, number = workspace["slug"], workspace["id"]
        assert await resolve(client.admin.get_workspace_users(slug)) == []
        members = await resolve(client.admin.set_workspace_users(slug, [1]))
        assert [m["userId"] for m in members] == [1]
        assert await resolve(client.admin.get_workspace_users(number)) == members  # by id: no lookup
        await resolve(client.workspaces.delete(slug))
        assert cassette.all_played or RECORD_MODE != "none"
    assert calls(sent) == [
        ("POST", "/api/v1/workspace/new"),
        ("GET", f"/api/v1/workspace/{slug}"),
        ("GET", f"/api/v1/admin/workspaces/{number}/users"),
        ("GET", f"/api/v1/workspace/{slug}"),
        ("GET", "/api/v1/admin/users"),
        ("POST", f"/api/v1/admin/workspaces/{number}/update-users"),
        ("GET", f"/api/v1/admin/workspaces/{number}/users"),
        ("GET", f"/api/v1/admin/workspaces/{number}/users"),
        ("DELETE", f"/api/v1/workspace/{slug}"),
    ]
    assert body(sent[5]) == {"userIds": [1]}
