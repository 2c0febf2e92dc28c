from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_create_invite_body import AdminCreateInviteBody
from ...models.admin_create_invite_response_200 import AdminCreateInviteResponse200
from ...models.api_error import ApiError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AdminCreateInviteBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/invite/new",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdminCreateInviteResponse200 | ApiError | str | None:
    if response.status_code == 200:
        response_200 = AdminCreateInviteResponse200.from_dict(response.json())

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
) -> Response[AdminCreateInviteResponse200 | ApiError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AdminCreateInviteBody | Unset = UNSET,
) -> Response[AdminCreateInviteResponse200 | ApiError | str]:
    """Create a new invite code for someone to use to register with instance. Methods are disabled until
    multi user mode is enabled via the UI.

    Args:
        body (AdminCreateInviteBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminCreateInviteResponse200 | ApiError | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AdminCreateInviteBody | Unset = UNSET,
) -> AdminCreateInviteResponse200 | ApiError | str | None:
    """Create a new invite code for someone to use to register with instance. Methods are disabled until
    multi user mode is enabled via the UI.

    Args:
        body (AdminCreateInviteBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminCreateInviteResponse200 | ApiError | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AdminCreateInviteBody | Unset = UNSET,
) -> Response[AdminCreateInviteResponse200 | ApiError | str]:
    """Create a new invite code for someone to use to register with instance. Methods are disabled until
    multi user mode is enabled via the UI.

    Args:
        body (AdminCreateInviteBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminCreateInviteResponse200 | ApiError | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AdminCreateInviteBody | Unset = UNSET,
) -> AdminCreateInviteResponse200 | ApiError | str | None:
    """Create a new invite code for someone to use to register with instance. Methods are disabled until
    multi user mode is enabled via the UI.

    Args:
        body (AdminCreateInviteBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminCreateInviteResponse200 | ApiError | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
