from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.document_get_response_200 import DocumentGetResponse200
from ...types import Response


def _get_kwargs(
    doc_name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/document/{doc_name}".format(
            doc_name=quote(str(doc_name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | DocumentGetResponse200 | str | None:
    if response.status_code == 200:
        response_200 = DocumentGetResponse200.from_dict(response.json())

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
        response_500 = response.text

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | DocumentGetResponse200 | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    doc_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | DocumentGetResponse200 | str]:
    """Get a single document by its unique AnythingLLM document name

    Args:
        doc_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DocumentGetResponse200 | str]
    """

    kwargs = _get_kwargs(
        doc_name=doc_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    doc_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | DocumentGetResponse200 | str | None:
    """Get a single document by its unique AnythingLLM document name

    Args:
        doc_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DocumentGetResponse200 | str
    """

    return sync_detailed(
        doc_name=doc_name,
        client=client,
    ).parsed


async def asyncio_detailed(
    doc_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | DocumentGetResponse200 | str]:
    """Get a single document by its unique AnythingLLM document name

    Args:
        doc_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DocumentGetResponse200 | str]
    """

    kwargs = _get_kwargs(
        doc_name=doc_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    doc_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | DocumentGetResponse200 | str | None:
    """Get a single document by its unique AnythingLLM document name

    Args:
        doc_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DocumentGetResponse200 | str
    """

    return (
        await asyncio_detailed(
            doc_name=doc_name,
            client=client,
        )
    ).parsed
