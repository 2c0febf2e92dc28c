from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.chat_history import ChatHistory
from ...models.workspace_chat_history_order_by import (
    WorkspaceChatHistoryOrderBy,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    api_session_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    order_by: WorkspaceChatHistoryOrderBy | Unset = "asc",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["apiSessionId"] = api_session_id

    params["limit"] = limit

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by

    params["orderBy"] = json_order_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/workspace/{slug}/chats".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | ChatHistory | str | None:
    if response.status_code == 200:
        response_200 = ChatHistory.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text

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
) -> Response[ApiError | ChatHistory | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    api_session_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    order_by: WorkspaceChatHistoryOrderBy | Unset = "asc",
) -> Response[ApiError | ChatHistory | str]:
    """Get a workspaces chats regardless of user by its unique slug.

    Args:
        slug (str):
        api_session_id (str | Unset):
        limit (int | Unset):  Default: 100.
        order_by (WorkspaceChatHistoryOrderBy | Unset):  Default: 'asc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | ChatHistory | str]
    """

    kwargs = _get_kwargs(
        slug=slug,
        api_session_id=api_session_id,
        limit=limit,
        order_by=order_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    api_session_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    order_by: WorkspaceChatHistoryOrderBy | Unset = "asc",
) -> ApiError | ChatHistory | str | None:
    """Get a workspaces chats regardless of user by its unique slug.

    Args:
        slug (str):
        api_session_id (str | Unset):
        limit (int | Unset):  Default: 100.
        order_by (WorkspaceChatHistoryOrderBy | Unset):  Default: 'asc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | ChatHistory | str
    """

    return sync_detailed(
        slug=slug,
        client=client,
        api_session_id=api_session_id,
        limit=limit,
        order_by=order_by,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    api_session_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    order_by: WorkspaceChatHistoryOrderBy | Unset = "asc",
) -> Response[ApiError | ChatHistory | str]:
    """Get a workspaces chats regardless of user by its unique slug.

    Args:
        slug (str):
        api_session_id (str | Unset):
        limit (int | Unset):  Default: 100.
        order_by (WorkspaceChatHistoryOrderBy | Unset):  Default: 'asc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | ChatHistory | str]
    """

    kwargs = _get_kwargs(
        slug=slug,
        api_session_id=api_session_id,
        limit=limit,
        order_by=order_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    api_session_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    order_by: WorkspaceChatHistoryOrderBy | Unset = "asc",
) -> ApiError | ChatHistory | str | None:
    """Get a workspaces chats regardless of user by its unique slug.

    Args:
        slug (str):
        api_session_id (str | Unset):
        limit (int | Unset):  Default: 100.
        order_by (WorkspaceChatHistoryOrderBy | Unset):  Default: 'asc'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | ChatHistory | str
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            api_session_id=api_session_id,
            limit=limit,
            order_by=order_by,
        )
    ).parsed
