from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.openai_generate_image_body import OpenaiGenerateImageBody
from ...models.openai_generate_image_response_200 import OpenaiGenerateImageResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: OpenaiGenerateImageBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/openai/images/generations",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | OpenaiGenerateImageResponse200 | None:
    if response.status_code == 200:
        response_200 = OpenaiGenerateImageResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        try:
            response_400 = ApiError.from_dict(response.json())
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
        try:
            response_500 = ApiError.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | OpenaiGenerateImageResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenaiGenerateImageBody,
) -> Response[ApiError | OpenaiGenerateImageResponse200]:
    """Generate or edit an image using the system-configured image generation provider. Send a
    multipart/form-data request with a "prompt" field and an optional "size" field. To edit an existing
    image, attach one or more files as "image_references" — when present, the request is automatically
    routed to the provider image editing endpoint. Returns the image as a base64 PNG. If the provider
    does not support editing (e.g. Ollama), a notice is included and a new image is generated from the
    prompt only.

    Args:
        body (OpenaiGenerateImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OpenaiGenerateImageResponse200]
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
    body: OpenaiGenerateImageBody,
) -> ApiError | OpenaiGenerateImageResponse200 | None:
    """Generate or edit an image using the system-configured image generation provider. Send a
    multipart/form-data request with a "prompt" field and an optional "size" field. To edit an existing
    image, attach one or more files as "image_references" — when present, the request is automatically
    routed to the provider image editing endpoint. Returns the image as a base64 PNG. If the provider
    does not support editing (e.g. Ollama), a notice is included and a new image is generated from the
    prompt only.

    Args:
        body (OpenaiGenerateImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OpenaiGenerateImageResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenaiGenerateImageBody,
) -> Response[ApiError | OpenaiGenerateImageResponse200]:
    """Generate or edit an image using the system-configured image generation provider. Send a
    multipart/form-data request with a "prompt" field and an optional "size" field. To edit an existing
    image, attach one or more files as "image_references" — when present, the request is automatically
    routed to the provider image editing endpoint. Returns the image as a base64 PNG. If the provider
    does not support editing (e.g. Ollama), a notice is included and a new image is generated from the
    prompt only.

    Args:
        body (OpenaiGenerateImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OpenaiGenerateImageResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OpenaiGenerateImageBody,
) -> ApiError | OpenaiGenerateImageResponse200 | None:
    """Generate or edit an image using the system-configured image generation provider. Send a
    multipart/form-data request with a "prompt" field and an optional "size" field. To edit an existing
    image, attach one or more files as "image_references" — when present, the request is automatically
    routed to the provider image editing endpoint. Returns the image as a base64 PNG. If the provider
    does not support editing (e.g. Ollama), a notice is included and a new image is generated from the
    prompt only.

    Args:
        body (OpenaiGenerateImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OpenaiGenerateImageResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
