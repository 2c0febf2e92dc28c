from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_update_workspace_users_body import AdminUpdateWorkspaceUsersBody
from ...models.api_error import ApiError
from ...models.success_result import SuccessResult
from ...types import Response


def _get_kwargs(
    workspace_id: int,
    *,
    body: AdminUpdateWorkspaceUsersBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/workspaces/{workspace_id}/update-users".format(
            workspace_id=quote(str(workspace_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | SuccessResult | str | None:
    if response.status_code == 200:
        response_200 = SuccessResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = response.text

        return response_401

    if response.status_code == 403:
        try:
            response_403 = ApiError.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_403

    if response.status_code == 500:
        response_500 = response.text

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | SuccessResult | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AdminUpdateWorkspaceUsersBody,
) -> Response[ApiError | SuccessResult | str]:
    """Overwrite workspace permissions to only be accessible by the given user ids and admins. Methods are
    disabled until multi user mode is enabled via the UI.

    Args:
        workspace_id (int):
        body (AdminUpdateWorkspaceUsersBody): Replaces every user link of the workspace; omitting
            userIds removes them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SuccessResult | str]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AdminUpdateWorkspaceUsersBody,
) -> ApiError | SuccessResult | str | None:
    """Overwrite workspace permissions to only be accessible by the given user ids and admins. Methods are
    disabled until multi user mode is enabled via the UI.

    Args:
        workspace_id (int):
        body (AdminUpdateWorkspaceUsersBody): Replaces every user link of the workspace; omitting
            userIds removes them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SuccessResult | str
    """

    return sync_detailed(
        workspace_id=workspace_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AdminUpdateWorkspaceUsersBody,
) -> Response[ApiError | SuccessResult | str]:
    """Overwrite workspace permissions to only be accessible by the given user ids and admins. Methods are
    disabled until multi user mode is enabled via the UI.

    Args:
        workspace_id (int):
        body (AdminUpdateWorkspaceUsersBody): Replaces every user link of the workspace; omitting
            userIds removes them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SuccessResult | str]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: AdminUpdateWorkspaceUsersBody,
) -> ApiError | SuccessResult | str | None:
    """Overwrite workspace permissions to only be accessible by the given user ids and admins. Methods are
    disabled until multi user mode is enabled via the UI.

    Args:
        workspace_id (int):
        body (AdminUpdateWorkspaceUsersBody): Replaces every user link of the workspace; omitting
            userIds removes them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SuccessResult | str
    """

    return (
        await asyncio_detailed(
            workspace_id=workspace_id,
            client=client,
            body=body,
        )
    ).parsed
