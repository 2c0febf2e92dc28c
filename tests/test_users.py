"""client.users against the real server's recorded answers (sync and async).

Accounts use ``/v1/admin/users`` (multi-user mode only); API keys the session API with a login token.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from anythingllm._logging import LOGGER_NAME
from anythingllm.errors import (
    AuthenticationError,
    BadRequestError,
    MultiUserModeRequiredError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnprocessableError,
    UnsupportedOperationError,
)
from tests.conftest import RECORDED_PASSWORD, RECORDED_TOKEN, body, calls, replay, resolve

pytestmark = pytest.mark.anyio

PASSWORD = RECORDED_PASSWORD
TOKEN = RECORDED_TOKEN


async def test_list_create_update_delete(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        users = await resolve(client.users.list())
        assert [(u["id"], u["username"], u["role"]) for u in users] == [(1, "admin", "admin"), (2, "bob", "manager")]
        assert users[0]["updatedAt"] == users[0]["lastUpdatedAt"]
        assert "password" not in users[0]

        created = await resolve(client.users.create("vcr-user", PASSWORD))
        assert (created["id"], created["username"], created["role"]) == (5, "vcr-user", "default")
        # the documented default role "user" is sent as the server's "default"
        assert body(sent[-1]) == {"username": "vcr-user", "password": PASSWORD, "role": "default"}

        updated = await resolve(client.users.update("5", role="manager", customization={"suspended": False}))
        assert (updated["id"], updated["role"], updated["suspended"]) == (5, "manager", 0)
        # the server answers {success, error} only, so the user is read back
        assert calls(sent[-2:]) == [("POST", "/api/v1/admin/users/5"), ("GET", "/api/v1/admin/users")]
        assert body(sent[-2]) == {"role": "manager", "suspended": 0}

        assert await resolve(client.users.delete(5)) == {"success": True, "error": None}
        assert sent[-1].method == "DELETE" and sent[-1].url.path == "/api/v1/admin/users/5"
        assert cassette.play_count == 5


async def test_get_filters_the_user_list(client: Any) -> None:
    with replay("admin_multi_user") as cassette:
        bob = await resolve(client.users.get("2"))
        assert (bob["id"], bob["username"], bob["role"]) == (2, "bob", "manager")
        assert cassette.play_count == 1
    with replay("admin_multi_user"), pytest.raises(NotFoundError, match="user 99 does not exist"):
        await resolve(client.users.get(99))


async def test_server_refusals_raise_typed_errors(client: Any) -> None:
    with replay("admin_multi_user") as cassette:
        await resolve(client.users.list())
        await resolve(client.users.create("vcr-user", PASSWORD))
        with pytest.raises(BadRequestError, match="already exists") as taken:
            await resolve(client.users.create("vcr-user", PASSWORD))
        assert taken.value.status_code == 400
        with pytest.raises(BadRequestError, match="at least 8 characters"):
            await resolve(client.users.create("vcr-short", PASSWORD))
        # a refused update comes back as 200 {success: false, error}: it must not pass silently
        with pytest.raises(UnprocessableError, match="No system admins will remain") as refused:
            await resolve(client.users.update(1, role="default"))
        assert refused.value.details == {"success": False, "error": refused.value.details["error"]}
        assert refused.value.path == "/api/v1/admin/users/1"
        assert cassette.play_count == 5


async def test_delete_unknown_user_is_not_found(client: Any, sent: list[httpx.Request]) -> None:
    # The server's 500 "Internal Server Error" is followed by the user list, which has no user 99999.
    with replay("notfound_mu_users_delete"), pytest.raises(NotFoundError, match="user 99999 does not exist") as info:
        await resolve(client.users.delete("99999"))
    assert info.value.status_code == 500 and isinstance(info.value.__cause__, ServerError)
    assert calls(sent) == [("DELETE", "/api/v1/admin/users/99999"), ("GET", "/api/v1/admin/users")]


async def test_list_basic(client: Any, sent: list[httpx.Request]) -> None:
    with replay("admin_multi_user") as cassette:
        users = await resolve(client.users.list_basic())
        assert cassette.play_count == 1
    assert calls(sent) == [("GET", "/api/v1/users")]
    assert users == [
        {"id": 1, "username": "admin", "role": "admin"},
        {"id": 2, "username": "bob", "role": "manager"},
        {"id": 5, "username": "vcr-user", "role": "manager"},
    ]


async def test_issue_auth_token_with_simple_sso(client: Any) -> None:
    with replay("admin_simple_sso") as cassette:
        issued = await resolve(client.users.issue_auth_token(2))
        assert issued == {"token": TOKEN, "loginPath": f"/sso/simple?token={TOKEN}"}
        with pytest.raises(NotFoundError, match="User not found"):
            await resolve(client.users.issue_auth_token(99999))
        # the same call after the server left multi-user mode
        with pytest.raises(MultiUserModeRequiredError, match="Simple SSO"):
            await resolve(client.users.issue_auth_token("2"))
        assert cassette.play_count == 3


async def test_issue_auth_token_without_simple_sso_says_how_to_enable_it(client: Any) -> None:
    with replay("admin_multi_user"), pytest.raises(PermissionDeniedError, match="SIMPLE_SSO_ENABLED") as info:
        await resolve(client.users.issue_auth_token(5))
    assert info.value.status_code == 403


async def test_single_user_mode_raises_multi_user_mode_required(client: Any) -> None:
    with replay("admin_single_user") as cassette:
        calls = [
            lambda: client.users.list(),
            lambda: client.users.create("nobody", PASSWORD),
            lambda: client.users.update(2, role="default"),
            lambda: client.users.delete(2),
            lambda: client.users.list_basic(),
        ]
        for call in calls:
            with pytest.raises(MultiUserModeRequiredError, match="multi-user mode"):
                await resolve(call())
        assert cassette.play_count == 5
    with replay("admin_single_user"), pytest.raises(MultiUserModeRequiredError):
        await resolve(client.users.get(1))


# --- API keys (session API) ------------------------------------------------------------------------------


async def test_api_keys_with_a_multi_user_login(client: Any, sent: list[httpx.Request]) -> None:
    client.auth.use_token(TOKEN)
    with replay("session_api_keys") as cassette:
        before = await resolve(client.users.get_api_keys())
        assert [(k["id"], k["name"]) for k in before] == [(2, "client-tests")]
        assert before[0]["key"] == before[0]["secret"]

        created = await resolve(client.users.create_api_key("vcr-session-key"))
        assert (created["id"], created["name"], created["createdBy"]) == (3, "vcr-session-key", 1)
        assert created["key"] == "REDACTED-API-KEY"  # the new key's secret (scrubbed in the recording)
        assert body(sent[-1]) == {"name": "vcr-session-key"}

        # delete_api_key reads the key list first (the server answers success for unknown ids too)
        assert await resolve(client.users.delete_api_key("3")) == {"success": True, "message": "API key 3 deleted"}
        assert cassette.play_count == 4
    assert calls(sent) == [
        ("GET", "/api/admin/api-keys"),
        ("POST", "/api/admin/generate-api-key"),
        ("GET", "/api/admin/api-keys"),
        ("DELETE", "/api/admin/delete-api-key/3"),
    ]
    # the session API gets the login token, never the API key
    assert {r.headers["authorization"] for r in sent} == {f"Bearer {TOKEN}"}


async def test_api_keys_on_a_single_user_server_without_login(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_single_user") as cassette:
        assert [k["id"] for k in await resolve(client.users.get_api_keys())] == [2]
        created = await resolve(client.users.create_api_key("vcr-single-user-key"))
        assert (created["id"], created["createdBy"]) == (4, None)
        assert (await resolve(client.users.delete_api_key(4)))["success"] is True  # after reading the key list
        assert cassette.play_count == 4
    assert calls(sent) == [
        ("GET", "/api/system/api-keys"),
        ("POST", "/api/system/generate-api-key"),
        ("GET", "/api/system/api-keys"),
        ("DELETE", "/api/system/api-key/4"),
    ]
    assert all("authorization" not in r.headers for r in sent)


async def test_the_key_list_shows_a_new_key_with_its_creator(client: Any) -> None:
    client.auth.use_token(TOKEN)
    with replay("session_api_keys"):
        await resolve(client.users.get_api_keys())
        await resolve(client.users.create_api_key("vcr-session-key"))
        after = await resolve(client.users.get_api_keys())
    assert [k["id"] for k in after] == [2, 3]
    assert after[1]["createdBy"] == {"id": 1, "username": "admin", "role": "admin"}


async def test_deleting_an_unknown_api_key_is_not_found_and_sends_no_delete(
    client: Any, sent: list[httpx.Request]
) -> None:
    with replay("session_single_user"), pytest.raises(NotFoundError, match="no API key has the id 99"):
        await resolve(client.users.delete_api_key(99))
    assert calls(sent) == [("GET", "/api/system/api-keys")]


async def test_a_token_of_unknown_mode_falls_back_to_the_single_user_routes(
    client: Any, sent: list[httpx.Request]
) -> None:
    client.auth.use_token(TOKEN)  # the user (and so the server's mode) is unknown
    with replay("session_single_user") as cassette:
        keys = await resolve(client.users.get_api_keys())
        assert cassette.play_count == 2
    assert [k["id"] for k in keys] == [2]
    assert calls(sent) == [("GET", "/api/admin/api-keys"), ("GET", "/api/system/api-keys")]


async def test_a_non_admin_login_may_not_manage_api_keys(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_non_admin") as cassette:
        await resolve(client.auth.login("vcr-default-user", PASSWORD))  # a multi-user login: the user is known
        with pytest.raises(PermissionDeniedError, match="only an admin may do it") as info:
            await resolve(client.users.get_api_keys())
        assert cassette.play_count == 2
    assert info.value.status_code == 401
    assert calls(sent)[-1] == ("GET", "/api/admin/api-keys")  # no single-user fallback after a multi-user login


async def test_nothing_logged_holds_the_token_or_a_key_secret(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER_NAME)
    client.auth.use_token(TOKEN)
    with replay("session_api_keys"):
        await resolve(client.users.get_api_keys())
        await resolve(client.users.create_api_key("vcr-session-key"))
    assert caplog.records  # the calls were logged ...
    assert TOKEN not in caplog.text and "REDACTED-API-KEY" not in caplog.text  # ... without secrets
    assert TOKEN not in repr(client._runtime)


async def test_without_login_a_multi_user_server_says_to_log_in(client: Any) -> None:
    from anythingllm._plan import SessionCall
    from anythingllm.resources import _accounts

    # the shared session helper against the recorded answer of /admin/api-keys without a token
    call = SessionCall("GET", "/admin/api-keys")
    with replay("session_api_keys"):
        await resolve(client.users._run(_accounts.session_call(client._runtime, call, "x", "y")))  # 200 (#1)
        await resolve(client.users._run(_accounts.session_call(client._runtime, call, "x", "y")))  # 200 (#3)
        plan = _accounts.session_call(client._runtime, call, "API key management", "an admin")
        with pytest.raises(AuthenticationError, match=r"Not logged in: .*client\.auth\.login") as info:
            await resolve(client.users._run(plan))
    assert "No auth token found." in str(info.value)


async def test_validation_happens_before_any_request(client: Any) -> None:
    with replay("admin_multi_user") as cassette:
        with pytest.raises(ValueError, match="role must be one of"):
            await resolve(client.users.create("x-user", PASSWORD, role="superuser"))
        with pytest.raises(TypeError, match="password must be a str"):
            await resolve(client.users.create("x-user", 12345678))
        with pytest.raises(ValueError, match="username must not be empty"):
            await resolve(client.users.create("  ", PASSWORD))
        with pytest.raises(UnsupportedOperationError, match=r"'theme'.*bio, dailyMessageLimit"):
            await resolve(client.users.create("x-user", PASSWORD, customization={"theme": "dark"}))
        with pytest.raises(ValueError, match=r"customization\['dailyMessageLimit'\] must be an integer >= 1"):
            await resolve(client.users.create("x-user", PASSWORD, customization={"dailyMessageLimit": 0}))
        with pytest.raises(UnsupportedOperationError, match="'suspended'"):
            await resolve(client.users.create("x-user", PASSWORD, customization={"suspended": True}))
        with pytest.raises(ValueError, match="update needs at least one"):
            await resolve(client.users.update(5))
        with pytest.raises(ValueError, match="user_id must be a numeric id"):
            await resolve(client.users.get("bob"))
        with pytest.raises(TypeError, match="user_id must be a numeric id"):
            await resolve(client.users.delete(True))
        with pytest.raises(ValueError, match="user_id must be an integer >= 1"):
            await resolve(client.users.issue_auth_token(0))
        assert cassette.play_count == 0
    with replay("session_api_keys") as cassette:
        with pytest.raises(UnsupportedOperationError, match=r"never expire.*delete"):
            await resolve(client.users.create_api_key("k", expires_at="2030-01-01T00:00:00Z"))
        with pytest.raises(ValueError, match="key_id must be a numeric id"):
            await resolve(client.users.delete_api_key("not-a-number"))
        with pytest.raises(TypeError, match="name must be a str"):
            await resolve(client.users.create_api_key(None))
        assert cassette.play_count == 0
