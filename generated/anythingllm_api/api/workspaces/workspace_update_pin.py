from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.workspace_update_pin_body import WorkspaceUpdatePinBody
from ...models.workspace_update_pin_response_200 import WorkspaceUpdatePinResponse200
from ...types import Response


def _get_kwargs(
    slug: str,
    *,
    body: WorkspaceUpdatePinBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/workspace/{slug}/update-pin".format(
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ApiError | WorkspaceUpdatePinResponse200 | str | None:
    if response.status_code == 200:
        response_200 = WorkspaceUpdatePinResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        try:
            response_403 = ApiError.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_403

    if response.status_code == 404:
        response_404 = response.text

        return response_404

    if response.status_code == 500:
        response_500 = cast(Any, None)

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ApiError | WorkspaceUpdatePinResponse200 | str]:
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
    body: WorkspaceUpdatePinBody,
) -> Response[Any | ApiError | WorkspaceUpdatePinResponse200 | str]:
    """Add or remove pin from a document in a workspace by its unique slug.

    Args:
        slug (str):
        body (WorkspaceUpdatePinBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | WorkspaceUpdatePinResponse200 | str]
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
    body: WorkspaceUpdatePinBody,
) -> Any | ApiError | WorkspaceUpdatePinResponse200 | str | None:
    """Add or remove pin from a document in a workspace by its unique slug.

    Args:
        slug (str):
        body (WorkspaceUpdatePinBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | WorkspaceUpdatePinResponse200 | str
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
    body: WorkspaceUpdatePinBody,
) -> Response[Any | ApiError | WorkspaceUpdatePinResponse200 | str]:
    """Add or remove pin from a document in a workspace by its unique slug.

    Args:
        slug (str):
        body (WorkspaceUpdatePinBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | WorkspaceUpdatePinResponse200 | str]
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
    body: WorkspaceUpdatePinBody,
) -> Any | ApiError | WorkspaceUpdatePinResponse200 | str | None:
    """Add or remove pin from a document in a workspace by its unique slug.

    Args:
        slug (str):
        body (WorkspaceUpdatePinBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | WorkspaceUpdatePinResponse200 | str
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
