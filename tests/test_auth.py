"""client.auth against the real server's recorded answers (sync and async).

The recordings scrub every login token to ``REDACTED-TOKEN``; the tests hand that recorded token to the
client with ``auth.use_token`` (or get it from the recorded login) so session calls carry it as recorded.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

from anythingllm.errors import AuthenticationError, UnsupportedOperationError
from anythingllm.resources.auth import looks_like_jwt
from tests.conftest import RECORDED_KEY, RECORDED_PASSWORD, RECORDED_TOKEN, calls, replay, resolve

pytestmark = pytest.mark.anyio

TOKEN = RECORDED_TOKEN
# The recordings replace the real JWT by TOKEN, which has no JWT shape. This three-part stand-in takes its
# place where the client must recognise a JWT by its shape; the cassettes match on method and URI only.
JWT_STAND_IN = "recorded.jwt.token"
PASSWORD = RECORDED_PASSWORD


def _auth(request: httpx.Request) -> str | None:
    value: str | None = request.headers.get("authorization")
    return value


async def _log_in(client: Any) -> dict[str, Any]:
    """The recorded login sequence: wrong password ([002]), unknown user ([001]), then a good login."""
    with pytest.raises(AuthenticationError, match=r"\[002\] Invalid login credentials"):
        await resolve(client.auth.login("admin", "wrong-password"))
    with pytest.raises(AuthenticationError, match=r"\[001\] Invalid login credentials"):
        await resolve(client.auth.login("no-such-user", PASSWORD))
    assert not client.auth.logged_in
    result: dict[str, Any] = await resolve(client.with_options(timeout=5).auth.login("admin", PASSWORD))
    return result


async def test_login_keeps_the_token_for_session_calls(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_auth") as cassette:
        result = await _log_in(client)
        assert result["valid"] is True
        assert result["token"] == TOKEN
        assert result["user"]["username"] == "admin"
        assert result["user"]["updatedAt"] == result["user"]["lastUpdatedAt"]
        # The login was made on a with_options copy: the client itself now holds the session.
        assert client.auth.logged_in
        assert client.auth.user["id"] == 1

        checked = await resolve(client.auth.validate_token())
        assert cassette.play_count == 5
    assert checked["authenticated"] is True
    assert checked["success"] is True
    assert checked["user"]["role"] == "admin"
    assert calls(sent) == [("POST", "/api/request-token")] * 3 + [
        ("GET", "/api/system/check-token"),
        ("GET", "/api/system/refresh-user"),
    ]
    assert [json.loads(r.content)["username"] for r in sent[:3]] == ["admin", "no-such-user", "admin"]
    assert [_auth(r) for r in sent] == [None, None, None, f"Bearer {TOKEN}", f"Bearer {TOKEN}"]


async def test_failed_login_is_a_typed_error_with_the_server_words(client: Any) -> None:
    with replay("session_auth"), pytest.raises(AuthenticationError) as info:
        await resolve(client.auth.login("admin", "wrong-password"))
    error = info.value
    assert error.details["message"] == "[002] Invalid login credentials."
    assert error.details["valid"] is False
    assert error.path == "/api/request-token"
    assert not client.auth.logged_in


async def test_the_token_never_shows_in_repr_errors_or_logs(
    client: Any, sent: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="anythingllm")
    with replay("session_auth"):
        await _log_in(client)
        await resolve(client.auth.validate_token())
        # The next recorded check-token answer is a 401: an error raised while the token is sent.
        with pytest.raises(AuthenticationError) as info:
            await resolve(client.http_client.get("/system/check-token", session=True))
    assert _auth(sent[-1]) == f"Bearer {TOKEN}"
    runtime = client._runtime
    shown = [repr(client), str(client), repr(client.auth), repr(runtime), repr(runtime.session)]
    shown += [repr(client.with_options(timeout=1)), str(info.value), repr(info.value), repr(info.value.details)]
    assert all(TOKEN not in text for text in shown)
    assert "token=<set>" in repr(runtime.session)
    assert caplog.records, "the DEBUG log recorded the requests"
    assert TOKEN not in caplog.text


async def test_logout_forgets_the_token(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_auth"):
        await _log_in(client)
        client.auth.logout()
        assert not client.auth.logged_in
        assert client.auth.user is None
        # Session calls now go without any token.
        await resolve(client.http_client.get("/ping", session=True))
    assert _auth(sent[-1]) is None


async def test_validate_token_without_a_session_checks_the_api_key(client: Any, sent: list[httpx.Request]) -> None:
    with replay("auth") as cassette:
        assert await resolve(client.auth.validate_token()) == {"authenticated": True}
        assert cassette.play_count == 1
    assert calls(sent) == [("GET", "/api/v1/auth")]
    assert _auth(sent[0]) == f"Bearer {RECORDED_KEY}"


async def test_validate_a_given_api_key(client: Any, sent: list[httpx.Request]) -> None:
    with replay("auth") as cassette:
        assert await resolve(client.auth.validate_token(RECORDED_KEY)) == {"authenticated": True}
        refused = await resolve(client.auth.validate_token("WRONG-KEY-0000000"))
        assert cassette.play_count == 2
    assert refused == {"authenticated": False, "message": "No valid api key found."}
    assert [_auth(r) for r in sent] == [f"Bearer {RECORDED_KEY}", "Bearer WRONG-KEY-0000000"]


async def test_validate_a_given_jwt_checks_it_on_the_session_api(client: Any, sent: list[httpx.Request]) -> None:
    assert looks_like_jwt(JWT_STAND_IN) and not looks_like_jwt(RECORDED_KEY) and not looks_like_jwt(TOKEN)
    with replay("session_auth"):
        checked = await resolve(client.auth.validate_token(JWT_STAND_IN))
    assert checked["authenticated"] is True
    assert checked["user"]["username"] == "admin"
    assert calls(sent) == [("GET", "/api/system/check-token"), ("GET", "/api/system/refresh-user")]
    assert [_auth(r) for r in sent] == [f"Bearer {JWT_STAND_IN}"] * 2
    # Checking a token does not log in with it.
    assert not client.auth.logged_in


async def test_refused_session_tokens(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_auth") as cassette:
        client.auth.use_token(TOKEN)
        assert (await resolve(client.auth.validate_token()))["authenticated"] is True
        assert client.auth.user["username"] == "admin"

        client.auth.logout()
        with pytest.raises(AuthenticationError, match="No auth token found"):
            await resolve(client.http_client.get("/system/check-token", session=True))

        client.auth.use_token("not-a-jwt")
        assert await resolve(client.auth.validate_token()) == {"authenticated": False, "message": "Invalid auth token."}

        # An API key is not a session token.
        client.auth.use_token(RECORDED_KEY)
        assert await resolve(client.auth.validate_token()) == {"authenticated": False, "message": "Invalid auth token."}

        # A session token (no JWT shape: checked as an API key) is not an API key either.
        client.auth.logout()
        refused = await resolve(client.auth.validate_token(TOKEN))
        assert refused == {"authenticated": False, "message": "No valid api key found."}
        assert cassette.play_count == 6
    assert [_auth(r) for r in sent] == [
        f"Bearer {TOKEN}",
        f"Bearer {TOKEN}",
        None,
        "Bearer not-a-jwt",
        f"Bearer {RECORDED_KEY}",
        f"Bearer {TOKEN}",
    ]
    assert sent[-1].url.path == "/api/v1/auth"


async def test_check_setup_reads_the_open_setup_routes(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_auth"):
        status = await resolve(client.auth.check_setup())
    assert calls(sent) == [("GET", "/api/setup-complete"), ("GET", "/api/onboarding")]
    assert [_auth(r) for r in sent] == [None, None]
    assert status["onboardingComplete"] is True
    assert status["MultiUserMode"] is True
    assert status["RequiresAuth"] is False
    assert status["LLMProvider"] == "generic-openai"
    assert status["VectorDB"] == "lancedb"
    assert status["GenericOpenAiKey"] is True  # secrets only as booleans


async def test_login_on_a_single_user_server_without_password(client: Any, sent: list[httpx.Request]) -> None:
    with replay("session_single_user"), pytest.raises(UnsupportedOperationError, match="no password") as info:
        await resolve(client.auth.login("anyone", PASSWORD))
    assert calls(sent) == [("POST", "/api/request-token"), ("GET", "/api/system/multi-user-mode")]
    assert info.value.__cause__ is not None and getattr(info.value.__cause__, "status_code", None) == 500
    assert not client.auth.logged_in


async def test_bad_arguments_fail_before_any_request(client: Any) -> None:
    with replay("session_auth") as cassette:
        with pytest.raises(ValueError, match="username"):
            await resolve(client.auth.login("  ", PASSWORD))
        with pytest.raises(TypeError, match="password"):
            await resolve(client.auth.login("admin", 1234))
        with pytest.raises(TypeError, match="token"):
            await resolve(client.auth.validate_token(42))
        with pytest.raises(ValueError, match="Bearer"):
            client.auth.use_token(f"Bearer {TOKEN}")
        with pytest.raises(ValueError, match="token"):
            client.auth.use_token("")
        assert cassette.play_count == 0
    assert not client.auth.logged_in
