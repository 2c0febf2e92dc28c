from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.document_limit_type_1 import (
    DocumentLimitType1,
)
from ...models.document_listing import DocumentListing
from ...models.folder_page import FolderPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    folder: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: DocumentLimitType1 | int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["folder"] = folder

    params["offset"] = offset

    json_limit: int | str | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    elif isinstance(limit, str):
        json_limit = limit
    else:
        json_limit = limit
    params["limit"] = json_limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/documents",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | DocumentListing | FolderPage | str | None:
    if response.status_code == 200:
        response_200 = DocumentListing.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        try:
            response_400 = FolderPage.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_400

    if response.status_code == 403:
        try:
            response_403 = ApiError.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_403

    if response.status_code == 404:
        try:
            response_404 = FolderPage.from_dict(response.json())
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
) -> Response[ApiError | DocumentListing | FolderPage | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    folder: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: DocumentLimitType1 | int | Unset = UNSET,
) -> Response[ApiError | DocumentListing | FolderPage | str]:
    """List of all locally-stored documents in instance. Optionally, pass ?folder=name to fetch the
    contents of a single folder, paginated with offset and limit (limit=all returns every document in
    that folder).

    Args:
        folder (str | Unset):
        offset (int | Unset):
        limit (DocumentLimitType1 | int | Unset): A page size up to 1000, or "all".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DocumentListing | FolderPage | str]
    """

    kwargs = _get_kwargs(
        folder=folder,
        offset=offset,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    folder: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: DocumentLimitType1 | int | Unset = UNSET,
) -> ApiError | DocumentListing | FolderPage | str | None:
    """List of all locally-stored documents in instance. Optionally, pass ?folder=name to fetch the
    contents of a single folder, paginated with offset and limit (limit=all returns every document in
    that folder).

    Args:
        folder (str | Unset):
        offset (int | Unset):
        limit (DocumentLimitType1 | int | Unset): A page size up to 1000, or "all".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DocumentListing | FolderPage | str
    """

    return sync_detailed(
        client=client,
        folder=folder,
        offset=offset,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    folder: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: DocumentLimitType1 | int | Unset = UNSET,
) -> Response[ApiError | DocumentListing | FolderPage | str]:
    """List of all locally-stored documents in instance. Optionally, pass ?folder=name to fetch the
    contents of a single folder, paginated with offset and limit (limit=all returns every document in
    that folder).

    Args:
        folder (str | Unset):
        offset (int | Unset):
        limit (DocumentLimitType1 | int | Unset): A page size up to 1000, or "all".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DocumentListing | FolderPage | str]
    """

    kwargs = _get_kwargs(
        folder=folder,
        offset=offset,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    folder: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: DocumentLimitType1 | int | Unset = UNSET,
) -> ApiError | DocumentListing | FolderPage | str | None:
    """List of all locally-stored documents in instance. Optionally, pass ?folder=name to fetch the
    contents of a single folder, paginated with offset and limit (limit=all returns every document in
    that folder).

    Args:
        folder (str | Unset):
        offset (int | Unset):
        limit (DocumentLimitType1 | int | Unset): A page size up to 1000, or "all".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DocumentListing | FolderPage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            folder=folder,
            offset=offset,
            limit=limit,
        )
    ).parsed
