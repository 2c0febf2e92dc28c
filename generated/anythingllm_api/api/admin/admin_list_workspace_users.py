from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_list_workspace_users_response_200 import (
    AdminListWorkspaceUsersResponse200,
)
from ...models.api_error import ApiError
from ...types import Response


def _get_kwargs(
    workspace_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin/workspaces/{workspace_id}/users".format(
            workspace_id=quote(str(workspace_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdminListWorkspaceUsersResponse200 | ApiError | str | None:
    if response.status_code == 200:
        response_200 = AdminListWorkspaceUsersResponse200.from_dict(response.json())

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
) -> Response[AdminListWorkspaceUsersResponse200 | ApiError | str]:
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
) -> Response[AdminListWorkspaceUsersResponse200 | ApiError | str]:
    """Retrieve a list of users with permissions to access the specified workspace.

    Args:
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminListWorkspaceUsersResponse200 | ApiError | str]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> AdminListWorkspaceUsersResponse200 | ApiError | str | None:
    """Retrieve a list of users with permissions to access the specified workspace.

    Args:
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminListWorkspaceUsersResponse200 | ApiError | str
    """

    return sync_detailed(
        workspace_id=workspace_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AdminListWorkspaceUsersResponse200 | ApiError | str]:
    """Retrieve a list of users with permissions to access the specified workspace.

    Args:
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminListWorkspaceUsersResponse200 | ApiError | str]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> AdminListWorkspaceUsersResponse200 | ApiError | str | None:
    """Retrieve a list of users with permissions to access the specified workspace.

    Args:
        workspace_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminListWorkspaceUsersResponse200 | ApiError | str
    """

    return (
        await asyncio_detailed(
            workspace_id=workspace_id,
            client=client,
        )
    ).parsed
