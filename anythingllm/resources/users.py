"""Users (multi-user mode) and the developer API keys."""

from __future__ import annotations

import builtins
from typing import Any

from .. import _shape
from .._plan import Call, Plan, Runtime, SessionCall
from .._resource import M, Resource, operation
from .._validate import require_text
from ..errors import NotFoundError, PermissionDeniedError, UnsupportedOperationError
from ..types import ApiKey, AuthToken, DeleteResult, User
from . import _accounts

# API-key routes of the session API: (method, path) per action, for each server mode.
_MULTI_USER_KEYS = {
    "list": ("GET", "/admin/api-keys"),
    "create": ("POST", "/admin/generate-api-key"),
    "delete": ("DELETE", "/admin/delete-api-key/{id}"),
}
_SINGLE_USER_KEYS = {
    "list": ("GET", "/system/api-keys"),
    "create": ("POST", "/system/generate-api-key"),
    "delete": ("DELETE", "/system/api-key/{id}"),
}


class UsersModule(Resource[M]):
    """Users (``client.users``): accounts need multi-user mode; API keys work in both modes.

    Roles are the server's ``default``, ``manager`` and ``admin``; the documented ``"user"`` means
    ``default``. User ids are the server's integer ids (``5`` or ``"5"``). Account calls in single-user
    mode raise :class:`~anythingllm.errors.MultiUserModeRequiredError`.

    API keys live in the server's session API, which does not accept the API key: in multi-user mode
    log in as an admin first (``client.auth.login``). The route is chosen without an extra request:

    - with a login token, the multi-user routes ``/admin/api-keys``, ``/admin/generate-api-key`` and
      ``/admin/delete-api-key/{id}``. When the server refuses them (its 401 for a wrong mode or role)
      and the login is not known to be a multi-user one (``client.auth.user`` is ``None``, as after a
      single-user login or ``auth.use_token``), the single-user routes are tried once;
    - without a login, the single-user routes ``/system/api-keys``, ``/system/generate-api-key`` and
      ``/system/api-key/{id}``, which a single-user server without a password leaves open.
    """

    @operation
    def list(self) -> Plan[builtins.list[User]]:
        """Every user with all account fields (``GET /v1/admin/users``)."""
        return (yield from _accounts.list_users())

    @operation
    def get(self, user_id: str | int) -> Plan[User]:
        """One user by id; raises NotFoundError when there is none (the user list, filtered)."""
        return (yield from _accounts.get_user(user_id))

    @operation
    def create(
        self, username: str, password: str, role: str = "user", customization: dict[str, Any] | None = None
    ) -> Plan[User]:
        """Create a user. ``role`` ``"user"`` is sent as the server's ``"default"``.

        ``customization`` may carry the user's ``bio`` and ``dailyMessageLimit``; the server stores no
        other per-user settings. A taken username or a weak password raises BadRequestError.
        """
        fields = _accounts.customization_fields(customization, _accounts.CREATE_FIELDS)
        return (yield from _accounts.create_user(username, password, role, fields))

    @operation
    def update(
        self,
        user_id: str | int,
        username: str | None = None,
        password: str | None = None,
        role: str | None = None,
        customization: dict[str, Any] | None = None,
    ) -> Plan[User]:
        """Change a user and return it as stored (the server answers without the user, so it is read back).

        ``customization`` may carry ``bio``, ``dailyMessageLimit``, ``suspended`` (True/False) and
        ``pfpFilename``. A change the server refuses (e.g. demoting the last admin) raises
        UnprocessableError, an unknown id NotFoundError (ServerError when ``role`` is given: the server fails then).
        """
        fields = _accounts.customization_fields(customization, _accounts.UPDATE_FIELDS)
        return (yield from _accounts.update_user(user_id, username, password, role, fields))

    @operation
    def delete(self, user_id: str | int) -> Plan[DeleteResult]:
        """Delete a user (``{success, error}``). This server fails with ServerError for an unknown id."""
        return (yield from _accounts.delete_user(user_id))

    @operation
    def get_api_keys(self) -> Plan[builtins.list[ApiKey]]:
        """Every developer API key, with its secret as ``key`` (``secret``). See the class for the login."""
        data = yield from _api_keys(self._runtime, "list", expect="apiKeys")
        return [_shape.api_key(k) for k in data["apiKeys"]]

    @operation
    def create_api_key(self, name: str, expires_at: str | None = None) -> Plan[ApiKey]:
        """Create a developer API key; the result holds its secret (``key``). Keys never expire."""
        name = require_text("name", name)
        if expires_at is not None:
            raise UnsupportedOperationError(
                0,
                "API keys of this server never expire, so expires_at cannot be honoured: create the key "
                "without it and delete it (users.delete_api_key) when it should stop working",
            )
        data = yield from _api_keys(self._runtime, "create", json={"name": name}, expect="apiKey")
        return _shape.api_key(data["apiKey"])

    @operation
    def delete_api_key(self, key_id: str | int) -> Plan[DeleteResult]:
        """Delete a developer API key by its id; NotFoundError when there is no key with that id.

        The server answers success for an id it does not have too, so the key list is read first (one
        extra call, on the same routes as :meth:`get_api_keys`)."""
        kid = _accounts.check_id("key_id", key_id)
        keys = (yield from _api_keys(self._runtime, "list", expect="apiKeys"))["apiKeys"]
        if not any(k.get("id") == kid for k in keys):
            raise NotFoundError(404, f"no API key has the id {kid} (users.get_api_keys() lists them)")
        yield from _api_keys(self._runtime, "delete", key_id=kid)
        return {"success": True, "message": f"API key {kid} deleted"}

    @operation
    def list_basic(self) -> Plan[builtins.list[User]]:
        """Every user with only ``id``, ``username`` and ``role`` (``GET /v1/users``, multi-user mode)."""
        parsed = yield Call("users.user_list")
        return [_shape.user(u) for u in parsed["users"]]

    @operation
    def issue_auth_token(self, user_id: str | int) -> Plan[AuthToken]:
        """A temporary Simple-SSO login token for a user (``token`` and ``loginPath``; valid a few minutes).

        The server must run in multi-user mode with ``SIMPLE_SSO_ENABLED`` set in its environment
        (it cannot be switched on through the API); otherwise PermissionDeniedError, or
        MultiUserModeRequiredError in single-user mode. The token is a secret: do not log it.
        """
        uid = _accounts.check_id("user_id", user_id)
        try:
            parsed = yield Call("users.user_issue_auth_token", {"id": uid})
        except PermissionDeniedError as error:
            if "simple sso" not in error.message.lower():
                raise
            raise _accounts.rewrap(
                error,
                f"{error.message} Simple SSO is switched on by starting the server with SIMPLE_SSO_ENABLED set "
                "in its environment.",
            ) from error
        return _shape.auth_token(parsed)


def _api_keys(
    runtime: Runtime, action: str, key_id: int | None = None, json: Any = None, expect: str | None = None
) -> Plan[Any]:
    """Run an API-key action on the routes of the server's mode (see :class:`UsersModule`);
    ``expect`` names the key the answer must hold."""
    if not runtime.session.token:
        routes = [_SINGLE_USER_KEYS]
    elif runtime.session.user is not None:  # only a multi-user login returns a user
        routes = [_MULTI_USER_KEYS]
    else:
        routes = [_MULTI_USER_KEYS, _SINGLE_USER_KEYS]
    for number, route in enumerate(routes, 1):
        method, path = route[action]
        path = path.format(id=key_id)
        call = SessionCall(method, path, json=json, expect_json=expect is not None)
        try:
            return (yield from _accounts.session_call(runtime, call, "API key management", "an admin", expect))
        except PermissionDeniedError:
            if number == len(routes):
                raise
    raise AssertionError("unreachable")  # pragma: no cover
