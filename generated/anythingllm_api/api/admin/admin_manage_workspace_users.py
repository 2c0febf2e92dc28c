from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_manage_workspace_users_body import AdminManageWorkspaceUsersBody
from ...models.admin_manage_workspace_users_response_200 import (
    AdminManageWorkspaceUsersResponse200,
)
from ...models.admin_manage_workspace_users_response_404 import (
    AdminManageWorkspaceUsersResponse404,
)
from ...models.api_error import ApiError
from ...types import Response


def _get_kwargs(
    workspace_slug: str,
    *,
    body: AdminManageWorkspaceUsersBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/workspaces/{workspace_slug}/manage-users".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str | None:
    if response.status_code == 200:
        response_200 = AdminManageWorkspaceUsersResponse200.from_dict(response.json())

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

    if response.status_code == 404:
        try:
            response_404 = AdminManageWorkspaceUsersResponse404.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_404

    if response.status_code == 500:
        response_500 = response.text

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: AdminManageWorkspaceUsersBody,
) -> Response[AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str]:
    """Set workspace permissions to be accessible by the given user ids and admins. Methods are disabled
    until multi user mode is enabled via the UI.

    Args:
        workspace_slug (str):
        body (AdminManageWorkspaceUsersBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: AdminManageWorkspaceUsersBody,
) -> AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str | None:
    """Set workspace permissions to be accessible by the given user ids and admins. Methods are disabled
    until multi user mode is enabled via the UI.

    Args:
        workspace_slug (str):
        body (AdminManageWorkspaceUsersBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: AdminManageWorkspaceUsersBody,
) -> Response[AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str]:
    """Set workspace permissions to be accessible by the given user ids and admins. Methods are disabled
    until multi user mode is enabled via the UI.

    Args:
        workspace_slug (str):
        body (AdminManageWorkspaceUsersBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: AdminManageWorkspaceUsersBody,
) -> AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str | None:
    """Set workspace permissions to be accessible by the given user ids and admins. Methods are disabled
    until multi user mode is enabled via the UI.

    Args:
        workspace_slug (str):
        body (AdminManageWorkspaceUsersBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminManageWorkspaceUsersResponse200 | AdminManageWorkspaceUsersResponse404 | ApiError | str
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            client=client,
            body=body,
        )
    ).parsed
