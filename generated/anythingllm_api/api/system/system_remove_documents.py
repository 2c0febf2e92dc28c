from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.success_message import SuccessMessage
from ...models.system_remove_documents_body import SystemRemoveDocumentsBody
from ...types import Response


def _get_kwargs(
    *,
    body: SystemRemoveDocumentsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/system/remove-documents",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | SuccessMessage | str | None:
    if response.status_code == 200:
        response_200 = SuccessMessage.from_dict(response.json())

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
) -> Response[ApiError | SuccessMessage | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SystemRemoveDocumentsBody,
) -> Response[ApiError | SuccessMessage | str]:
    """Permanently remove documents from the system.

    Args:
        body (SystemRemoveDocumentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SuccessMessage | str]
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
    body: SystemRemoveDocumentsBody,
) -> ApiError | SuccessMessage | str | None:
    """Permanently remove documents from the system.

    Args:
        body (SystemRemoveDocumentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SuccessMessage | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SystemRemoveDocumentsBody,
) -> Response[ApiError | SuccessMessage | str]:
    """Permanently remove documents from the system.

    Args:
        body (SystemRemoveDocumentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SuccessMessage | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SystemRemoveDocumentsBody,
) -> ApiError | SuccessMessage | str | None:
    """Permanently remove documents from the system.

    Args:
        body (SystemRemoveDocumentsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SuccessMessage | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
