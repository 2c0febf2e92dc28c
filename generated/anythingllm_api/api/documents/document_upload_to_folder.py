from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.document_upload_form import DocumentUploadForm
from ...models.document_upload_result import DocumentUploadResult
from ...types import Response


def _get_kwargs(
    folder_name: str,
    *,
    body: DocumentUploadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/document/upload/{folder_name}".format(
            folder_name=quote(str(folder_name), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | DocumentUploadResult | None:
    if response.status_code == 200:
        response_200 = DocumentUploadResult.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        try:
            response_403 = ApiError.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_403

    if response.status_code == 422:
        try:
            response_422 = DocumentUploadResult.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_422

    if response.status_code == 500:
        try:
            response_500 = DocumentUploadResult.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | DocumentUploadResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    folder_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DocumentUploadForm,
) -> Response[ApiError | DocumentUploadResult]:
    """Upload a new file to a specific folder in AnythingLLM to be parsed and prepared for embedding. If
    the folder does not exist, it will be created.

    Args:
        folder_name (str):
        body (DocumentUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DocumentUploadResult]
    """

    kwargs = _get_kwargs(
        folder_name=folder_name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DocumentUploadForm,
) -> ApiError | DocumentUploadResult | None:
    """Upload a new file to a specific folder in AnythingLLM to be parsed and prepared for embedding. If
    the folder does not exist, it will be created.

    Args:
        folder_name (str):
        body (DocumentUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DocumentUploadResult
    """

    return sync_detailed(
        folder_name=folder_name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    folder_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DocumentUploadForm,
) -> Response[ApiError | DocumentUploadResult]:
    """Upload a new file to a specific folder in AnythingLLM to be parsed and prepared for embedding. If
    the folder does not exist, it will be created.

    Args:
        folder_name (str):
        body (DocumentUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DocumentUploadResult]
    """

    kwargs = _get_kwargs(
        folder_name=folder_name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: DocumentUploadForm,
) -> ApiError | DocumentUploadResult | None:
    """Upload a new file to a specific folder in AnythingLLM to be parsed and prepared for embedding. If
    the folder does not exist, it will be created.

    Args:
        folder_name (str):
        body (DocumentUploadForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DocumentUploadResult
    """

    return (
        await asyncio_detailed(
            folder_name=folder_name,
            client=client,
            body=body,
        )
    ).parsed
