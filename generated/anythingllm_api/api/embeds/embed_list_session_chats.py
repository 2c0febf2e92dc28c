from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.embed_chat_list import EmbedChatList
from ...types import Response


def _get_kwargs(
    embed_uuid: str,
    session_uuid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/embed/{embed_uuid}/chats/{session_uuid}".format(
            embed_uuid=quote(str(embed_uuid), safe=""),
            session_uuid=quote(str(session_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | EmbedChatList | str | None:
    if response.status_code == 200:
        response_200 = EmbedChatList.from_dict(response.json())

        return response_200

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
) -> Response[ApiError | EmbedChatList | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    embed_uuid: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | EmbedChatList | str]:
    """Get chats for a specific embed and session

    Args:
        embed_uuid (str):
        session_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | EmbedChatList | str]
    """

    kwargs = _get_kwargs(
        embed_uuid=embed_uuid,
        session_uuid=session_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    embed_uuid: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | EmbedChatList | str | None:
    """Get chats for a specific embed and session

    Args:
        embed_uuid (str):
        session_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | EmbedChatList | str
    """

    return sync_detailed(
        embed_uuid=embed_uuid,
        session_uuid=session_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    embed_uuid: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | EmbedChatList | str]:
    """Get chats for a specific embed and session

    Args:
        embed_uuid (str):
        session_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | EmbedChatList | str]
    """

    kwargs = _get_kwargs(
        embed_uuid=embed_uuid,
        session_uuid=session_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    embed_uuid: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | EmbedChatList | str | None:
    """Get chats for a specific embed and session

    Args:
        embed_uuid (str):
        session_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | EmbedChatList | str
    """

    return (
        await asyncio_detailed(
            embed_uuid=embed_uuid,
            session_uuid=session_uuid,
            client=client,
        )
    ).parsed
