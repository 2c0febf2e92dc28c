from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.message_response import MessageResponse
from ...models.system_export_chats_type import (
    SystemExportChatsType,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: SystemExportChatsType | Unset = "jsonl",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/system/export-chats",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | MessageResponse | str | None:
    if response.status_code == 200:
        response_200 = response.text

        return response_200

    if response.status_code == 400:
        try:
            response_400 = MessageResponse.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_400

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
) -> Response[ApiError | MessageResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: SystemExportChatsType | Unset = "jsonl",
) -> Response[ApiError | MessageResponse | str]:
    """Export all of the chats from the system in a known format. Output depends on the type sent. Will be
    send with the correct header for the output.

    Args:
        type_ (SystemExportChatsType | Unset):  Default: 'jsonl'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MessageResponse | str]
    """

    kwargs = _get_kwargs(
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    type_: SystemExportChatsType | Unset = "jsonl",
) -> ApiError | MessageResponse | str | None:
    """Export all of the chats from the system in a known format. Output depends on the type sent. Will be
    send with the correct header for the output.

    Args:
        type_ (SystemExportChatsType | Unset):  Default: 'jsonl'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MessageResponse | str
    """

    return sync_detailed(
        client=client,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    type_: SystemExportChatsType | Unset = "jsonl",
) -> Response[ApiError | MessageResponse | str]:
    """Export all of the chats from the system in a known format. Output depends on the type sent. Will be
    send with the correct header for the output.

    Args:
        type_ (SystemExportChatsType | Unset):  Default: 'jsonl'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MessageResponse | str]
    """

    kwargs = _get_kwargs(
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    type_: SystemExportChatsType | Unset = "jsonl",
) -> ApiError | MessageResponse | str | None:
    """Export all of the chats from the system in a known format. Output depends on the type sent. Will be
    send with the correct header for the output.

    Args:
        type_ (SystemExportChatsType | Unset):  Default: 'jsonl'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MessageResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
        )
    ).parsed
