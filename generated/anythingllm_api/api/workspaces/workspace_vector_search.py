from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.message_response import MessageResponse
from ...models.workspace_vector_search_body import WorkspaceVectorSearchBody
from ...models.workspace_vector_search_response_200 import (
    WorkspaceVectorSearchResponse200,
)
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    body: WorkspaceVectorSearchBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/workspace/{slug}/vector-search".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str | None:
    if response.status_code == 200:
        response_200 = WorkspaceVectorSearchResponse200.from_dict(response.json())

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
) -> Response[ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str]:
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
    body: WorkspaceVectorSearchBody,
) -> Response[ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str]:
    """Perform a vector similarity search in a workspace

    Args:
        slug (str):
        body (WorkspaceVectorSearchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceVectorSearchBody,
) -> ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str | None:
    """Perform a vector similarity search in a workspace

    Args:
        slug (str):
        body (WorkspaceVectorSearchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str
    """

    return sync_detailed(
        slug=slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceVectorSearchBody,
) -> Response[ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str]:
    """Perform a vector similarity search in a workspace

    Args:
        slug (str):
        body (WorkspaceVectorSearchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str]
    """

    kwargs = _get_kwargs(
        slug=slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: WorkspaceVectorSearchBody,
) -> ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str | None:
    """Perform a vector similarity search in a workspace

    Args:
        slug (str):
        body (WorkspaceVectorSearchBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MessageResponse | WorkspaceVectorSearchResponse200 | str
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
