"""Authentication: log in to the session API, check keys and tokens, check the server's setup.

The server has two APIs with two kinds of credentials. The developer API (``/api/v1``) takes the API
key given to the client. The session API (``/api``, used by a few methods such as the prompt presets and
the model lists) takes a login token (a JWT) from :meth:`AuthModule.login`, or one set with
:meth:`AuthModule.use_token`; it never accepts the API key. The token is kept in the client's session,
shared with every copy made by ``with_options``, and is never shown by ``repr`` or in errors and logs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from .. import _shape
from .._plan import Call, Plan, RawCall, Runtime, SessionCall
from .._record import init_fields
from .._resource import M, Resource, operation
from .._validate import require_text
from ..errors import (
    ApiError,
    AuthenticationError,
    InvalidResponseError,
    PermissionDeniedError,
    ServerError,
    UnsupportedOperationError,
)
from ..types import LoginResult, SetupStatus, TokenValidation, User

_LOGIN_PATH = "/api/request-token"
_JWT_SHAPE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


class _BearerCall(RawCall):
    """A call that authenticates with one given bearer token instead of the client's credentials."""

    __slots__ = ("bearer",)
    _quiet = frozenset({"bearer"})
    _expect_json = True
    bearer: str

    def __init__(self, method: str, path: str, *, bearer: str = "", expect_json: bool | None = None) -> None:
        super().__init__(method, path, expect_json=expect_json)
        init_fields(self, bearer=bearer)

    def headers(self, runtime: Runtime) -> dict[str, str]:
        """The client's headers with ``bearer`` in place of its API key."""
        headers = {k: v for k, v in runtime.headers.items() if k.lower() != "authorization"}
        headers["Authorization"] = f"Bearer {self.bearer}"
        return headers


def looks_like_jwt(token: str) -> bool:
    """Whether ``token`` has the shape of a JWT (three base64url parts joined by dots), as login tokens do.

    API keys of this server never contain dots.
    """
    return _JWT_SHAPE.fullmatch(token) is not None


def _check_token(name: str, token: object) -> str:
    token = require_text(name, token)
    if token.lower().startswith("bearer "):
        raise ValueError(f"{name} must be the token itself, without the 'Bearer ' prefix")
    if any(ch.isspace() for ch in token):
        raise ValueError(f"{name} must not contain whitespace")
    return token


def server_words(error: ApiError) -> str:
    """The server's own message in an error, else ours."""
    return error.server_message or error.message


def json_object(answer: Any, method: str, path: str) -> dict[str, Any]:
    """A JSON object answer, or InvalidResponseError."""
    if not isinstance(answer, Mapping):
        raise InvalidResponseError(
            200, f"expected a JSON object, got {type(answer).__name__}", method=method, path=f"/api{path}"
        )
    return dict(answer)


class AuthModule(Resource[M]):
    """Authentication (``client.auth``): session login, token and key checks, setup state."""

    @operation
    def login(self, username: str, password: str) -> Plan[LoginResult]:
        """Log in to the session API (``POST /request-token``) and keep the token for later session calls.

        Returns the server's answer: ``valid``, ``user``, ``token`` (a JWT for the session API only; it
        does not work on ``/api/v1``), ``message`` and, on a user's first login, ``recoveryCodes``.
        Wrong credentials, an unknown or suspended user raise :class:`AuthenticationError` with the
        server's words (``[001]``, ``[002]``, ``[004]``...). A single-user server checks only the
        password (pass any username). A single-user server without a password has nothing to log in
        to: that raises :class:`UnsupportedOperationError`, and session calls work without a token.
        """
        require_text("username", username)
        require_text("password", password)
        try:
            answer = yield SessionCall("POST", "/request-token", json={"username": username, "password": password})
        except AuthenticationError as exc:
            raise AuthenticationError(
                exc.status_code,
                f'Login failed (server said: "{server_words(exc)}"). Check the password.',
                exc.details,
                method="POST",
                path=_LOGIN_PATH,
            ) from None
        except ServerError as exc:
            if (yield from _single_user_without_password()):
                raise UnsupportedOperationError(
                    0,
                    "This server is in single-user mode and has no password set, so there is no login: "
                    "session calls work without a token. Set a password in the server's settings to use login.",
                    method="POST",
                    path=_LOGIN_PATH,
                ) from exc
            raise exc
        body = json_object(answer, "POST", "/request-token")
        token = body.get("token")
        if body.get("valid") is not True or not isinstance(token, str) or not token:
            said = body.get("message") or "no message"
            raise AuthenticationError(
                200,
                f'Login failed (server said: "{said}"). Check the username and password.',
                {k: v for k, v in body.items() if k != "token"},
                method="POST",
                path=_LOGIN_PATH,
            )
        result = _shape.login_result(body)
        session = self._runtime.session
        session.token = token
        session.user = result.get("user")
        return result

    def logout(self) -> None:
        """Forget the session token and user on this client and its ``with_options`` copies (no request).

        The server keeps no session state: the token just stops being sent (it stays valid until it
        expires, so discard any copy of it you kept).
        """
        self._runtime.session.token = None
        self._runtime.session.user = None

    def use_token(self, token: str) -> None:
        """Use an existing session token (a JWT from an earlier login) for the session calls (no request).

        The user is unknown until :meth:`validate_token` is called.
        """
        self._runtime.session.token = _check_token("token", token)
        self._runtime.session.user = None

    @property
    def logged_in(self) -> bool:
        """Whether a session token is set (by :meth:`login` or :meth:`use_token`); it may have expired."""
        return bool(self._runtime.session.token)

    @property
    def user(self) -> User | None:
        """The user of the session, as the last login or token check reported it (``None`` if unknown)."""
        return cast("User | None", self._runtime.session.user)

    @operation
    def validate_token(self, token: str | None = None) -> Plan[TokenValidation]:
        """Check a token; ``authenticated`` says whether the server accepts it.

        Without ``token``: the session token when one is set, else the client's API key. A given token
        shaped like a JWT (three dot-separated parts) is checked as a session token, anything else as an
        API key. API keys are checked with ``GET /v1/auth``; session tokens with ``GET /system/check-token``
        then ``GET /system/refresh-user``, which adds ``success``, ``user`` and ``message`` (and
        refreshes :attr:`user` when it was the client's own token). A refused token gives
        ``{"authenticated": False, "message": <the server's words>}``; other failures raise.
        """
        if token is not None:
            token = _check_token("token", token)
        own_session = token is None and bool(self._runtime.session.token)
        check: RawCall
        refresh: RawCall
        try:
            if token is None and not own_session:
                parsed = yield Call("auth.auth_check")
                return _shape.token_validation(parsed)
            if token is None:
                check = SessionCall("GET", "/system/check-token", expect_json=False)
                refresh = SessionCall("GET", "/system/refresh-user")
            elif looks_like_jwt(token):
                check = _BearerCall("GET", "/system/check-token", bearer=token, expect_json=False)
                refresh = _BearerCall("GET", "/system/refresh-user", bearer=token)
            else:
                answer = yield _BearerCall("GET", "/v1/auth", bearer=token)
                return _shape.token_validation(json_object(answer, "GET", "/v1/auth"))
            yield check
            refreshed = json_object((yield refresh), "GET", "/system/refresh-user")
        except (AuthenticationError, PermissionDeniedError) as exc:
            return TokenValidation(authenticated=False, message=server_words(exc))
        result = TokenValidation(authenticated=refreshed.get("success") is True)
        result.update(_shape.token_validation(refreshed))
        if own_session and result["authenticated"] and isinstance(result.get("user"), Mapping):
            self._runtime.session.user = result["user"]
        return result

    @operation
    def check_setup(self) -> Plan[SetupStatus]:
        """The server's setup state, readable before any login or key (``GET /setup-complete`` and
        ``GET /onboarding``, both open).

        Returns the server's settings (``RequiresAuth``, ``MultiUserMode``, ``LLMProvider``,
        ``EmbeddingEngine``, ``VectorDB``, ``HasExistingEmbeddings``...; secrets only as booleans) and
        ``onboardingComplete``.
        """
        setup = json_object((yield SessionCall("GET", "/setup-complete")), "GET", "/setup-complete")
        onboarding = json_object((yield SessionCall("GET", "/onboarding")), "GET", "/onboarding")
        results = setup.get("results")
        if not isinstance(results, Mapping):
            raise InvalidResponseError(
                200, "the setup state has no 'results' object", method="GET", path="/api/setup-complete"
            )
        status = _shape.setup_status(results)
        if "onboardingComplete" in onboarding:
            status["onboardingComplete"] = onboarding["onboardingComplete"]
        return status


def _single_user_without_password() -> Plan[bool]:
    """Whether the server is in single-user mode (where a 500 from /request-token means no password)."""
    try:
        answer = yield SessionCall("GET", "/system/multi-user-mode")
    except ApiError:
        return False
    return isinstance(answer, Mapping) and answer.get("multiUserMode") is False
