"""Plans shared by ``client.users`` and ``client.admin``: user accounts, ids, roles and session calls.

Both modules manage the same ``/v1/admin/users`` routes (multi-user mode only). Each plan here is
written once and used by both with ``yield from``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

from .. import _shape
from .._plan import Call, Plan, Runtime, SessionCall
from .._validate import check_number, require_text
from ..errors import (
    ApiError,
    AuthenticationError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnprocessableError,
    UnsupportedOperationError,
    not_found,
)
from ..types import OperationResult, User

ROLES: tuple[str, ...] = ("default", "manager", "admin")
"""The server's user roles."""

ROLE_ALIASES: dict[str, str] = {"user": "default"}
"""Friendly role names: the documented ``"user"`` is the server's plain role ``"default"``."""

CREATE_FIELDS: tuple[str, ...] = ("bio", "dailyMessageLimit")
"""User fields ``customization`` may set when a user is created."""

UPDATE_FIELDS: tuple[str, ...] = ("bio", "dailyMessageLimit", "suspended", "pfpFilename")
"""User fields ``customization`` may change on an existing user."""

_USERS_PATH = "/api/v1/admin/users"


def check_id(name: str, value: object) -> int:
    """A numeric server id: an ``int`` or a string of digits (``5`` or ``"5"``), at least 1."""
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"{name} must be a numeric id such as 5 or '5', got {value!r}")
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a numeric id (int or str of digits), got {type(value).__name__}")
    return int(check_number(name, value, minimum=1, integer=True))


def check_role(value: object) -> str:
    """The server role for ``value``: ``default``, ``manager`` or ``admin`` (``user`` means ``default``)."""
    if not isinstance(value, str):
        raise TypeError(f"role must be a str, got {type(value).__name__}")
    role = ROLE_ALIASES.get(value, value)
    if role not in ROLES:
        raise ValueError(f"role must be one of user (= default), default, manager, admin, got {value!r}")
    return role


def customization_fields(customization: object, allowed: tuple[str, ...]) -> dict[str, Any]:
    """The server user fields carried by ``customization`` (only ``allowed`` ones), checked."""
    if customization is None:
        return {}
    if not isinstance(customization, Mapping):
        raise TypeError(f"customization must be a dict, got {type(customization).__name__}")
    unknown = [str(key) for key in customization if key not in allowed]
    if unknown:
        raise UnsupportedOperationError(
            0,
            f"the server stores no user setting {', '.join(map(repr, unknown))}: customization can only carry "
            f"the user's own fields {', '.join(allowed)}",
        )
    fields: dict[str, Any] = {}
    for key, value in customization.items():
        where = f"customization[{key!r}]"
        if key == "dailyMessageLimit":
            fields[key] = None if value is None else check_number(where, value, minimum=1, integer=True)
        elif key == "suspended":
            if value not in (True, False, 0, 1):
                raise ValueError(f"{where} must be True/False (or 1/0), got {value!r}")
            fields[key] = int(bool(value))
        elif not isinstance(value, str):
            raise TypeError(f"{where} must be a str, got {type(value).__name__}")
        else:
            fields[key] = value
    return fields


def rewrap(error: ApiError, message: str, cls: type[ApiError] | None = None) -> ApiError:
    """``error`` again (or as ``cls``) with a clearer ``message``; status, path and body are kept."""
    return (cls or type(error))(
        error.status_code,
        message,
        error.details,
        method=error.method,
        path=error.path,
        body=error.body,
        content_type=error.content_type,
    )


def said(error: ApiError) -> str:
    """`` (server said: "...")`` for an error whose body names a reason, else ``""``."""
    return f' (server said: "{error.server_message}")' if error.server_message else ""


def refused_result(data: Mapping[str, Any], method: str, path: str) -> ApiError:
    """The error for a write the server refused inside a 200 answer (``{success: false, error}``)."""
    reason = data.get("error")
    text = reason if isinstance(reason, str) and reason.strip() else "no reason given"
    cls = NotFoundError if "not found" in text.lower() else UnprocessableError
    return cls(
        200,
        f'The server refused the change (server said: "{text}"), although it answered 200.',
        dict(data),
        method=method,
        path=path,
        body=dict(data),
        content_type="application/json",
    )


def ensure_success(data: Mapping[str, Any], method: str, path: str) -> OperationResult:
    """``data`` as an :class:`OperationResult` when ``success`` is true; otherwise its typed error."""
    if data.get("success") is not True:
        raise refused_result(data, method, path)
    return _shape.operation_result(data)


def session_call(runtime: Runtime, call: SessionCall, what: str, who: str, expect: str | None = None) -> Plan[Any]:
    """Run a session-API call for ``what`` (which only ``who`` may do), with errors that say how to get in.

    Without a login, a refusal says to log in first (the API key is no use there); a login whose role may
    not do it gets PermissionDeniedError naming ``who``. ``expect`` names the key a JSON object answer must
    hold; ``{error}`` without it raises.
    """
    try:
        answer = yield call
    except AuthenticationError as error:
        if runtime.session.token:
            raise
        raise rewrap(
            error,
            f"Not logged in: {what} uses the server's session API, which on this server needs a login"
            f"{said(error)}. Call client.auth.login(username, password) first, as {who}; the API key is not "
            "accepted there.",
        ) from error
    except PermissionDeniedError as error:
        raise rewrap(
            error,
            f"The server refused {what} for this login{said(error)}: in multi-user mode only {who} may do it "
            "(a single-user server does not check roles).",
        ) from error
    if expect is None:
        return answer
    if not isinstance(answer, Mapping):
        raise InvalidResponseError(
            200, f"expected a JSON object, got {type(answer).__name__}", method=call.method, path=f"/api{call.path}"
        )
    if answer.get(expect) is None or answer.get("error"):
        raise refused_result(answer, call.method, f"/api{call.path}")
    return answer


# --- user accounts (/v1/admin/users, multi-user mode) ---------------------------------------------------


def list_users() -> Plan[list[User]]:
    """Every user, from ``GET /v1/admin/users``."""
    parsed = yield Call("admin.admin_list_users")
    return [_shape.user(u) for u in parsed["users"]]


def find_user(users: list[User], user_id: int) -> User:
    """The user with ``user_id`` in ``users``; ``NotFoundError`` when there is none."""
    for user in users:
        if user.get("id") == user_id:
            return user
    raise NotFoundError(
        404, f"user {user_id} does not exist (users.list() shows the ids)", method="GET", path=_USERS_PATH
    )


def get_user(user_id: object) -> Plan[User]:
    """One user: the list, filtered by id (the server has no get-one route)."""
    uid = check_id("user_id", user_id)
    return find_user((yield from list_users()), uid)


def create_user(username: object, password: object, role: object, fields: Mapping[str, Any]) -> Plan[User]:
    """``POST /v1/admin/users/new``; the created user."""
    from anythingllm_api.models.admin_create_user_body import AdminCreateUserBody

    body = {
        "username": require_text("username", username),
        "password": require_text("password", password),
        "role": check_role(role),
        **fields,
    }
    data = yield Call("admin.admin_create_user", {"body": AdminCreateUserBody.from_dict(body)})
    if not isinstance(data.get("user"), Mapping):
        raise refused_result(data, "POST", f"{_USERS_PATH}/new")
    return _shape.user(data["user"])


def update_user(
    user_id: object, username: object, password: object, role: object, fields: Mapping[str, Any]
) -> Plan[User]:
    """``POST /v1/admin/users/{id}`` (answers only ``{success, error}``), then the user read back."""
    from anythingllm_api.models.admin_update_user_body import AdminUpdateUserBody

    uid = check_id("user_id", user_id)
    body: dict[str, Any] = {}
    if username is not None:
        body["username"] = require_text("username", username)
    if password is not None:
        body["password"] = require_text("password", password)
    if role is not None:
        body["role"] = check_role(role)
    body.update(fields)
    if not body:
        raise ValueError("update needs at least one of username, password, role or customization")
    path = f"{_USERS_PATH}/{uid}"
    try:
        parsed = yield Call("admin.admin_update_user", {"id": uid, "body": AdminUpdateUserBody.from_dict(body)})
    except ServerError as error:  # the server's 500 for an unknown user when the role is changed
        yield from _unless_user_missing(uid, error)
    ensure_success(parsed, "POST", path)
    return find_user((yield from list_users()), uid)


def delete_user(user_id: object) -> Plan[OperationResult]:
    """``DELETE /v1/admin/users/{id}``."""
    uid = check_id("user_id", user_id)
    try:
        parsed = yield Call("admin.admin_delete_user", {"id": uid})
    except ServerError as error:  # the server's 500 for an unknown user
        yield from _unless_user_missing(uid, error)
    return ensure_success(parsed, "DELETE", f"{_USERS_PATH}/{uid}")


def _unless_user_missing(user_id: int, error: ApiError) -> Plan[NoReturn]:
    """Raise NotFoundError if user ``user_id`` does not exist (one ``GET /v1/admin/users``), else ``error``."""
    users = yield from list_users()
    if not any(user.get("id") == user_id for user in users):
        raise not_found(error, f"user {user_id} does not exist (users.list() shows the ids).") from error
    raise error
