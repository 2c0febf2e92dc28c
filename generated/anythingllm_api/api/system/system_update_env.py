from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.system_update_env_body import SystemUpdateEnvBody
from ...models.system_update_env_response_200 import SystemUpdateEnvResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: SystemUpdateEnvBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/system/update-env",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | SystemUpdateEnvResponse200 | str | None:
    if response.status_code == 200:
        response_200 = SystemUpdateEnvResponse200.from_dict(response.json())

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
) -> Response[ApiError | SystemUpdateEnvResponse200 | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SystemUpdateEnvBody,
) -> Response[ApiError | SystemUpdateEnvResponse200 | str]:
    """Update a system setting or preference.

    Args:
        body (SystemUpdateEnvBody): Setting names (LLMProvider, EmbeddingEngine, VectorDB, ...) to
            string values; unknown names are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SystemUpdateEnvResponse200 | str]
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
    body: SystemUpdateEnvBody,
) -> ApiError | SystemUpdateEnvResponse200 | str | None:
    """Update a system setting or preference.

    Args:
        body (SystemUpdateEnvBody): Setting names (LLMProvider, EmbeddingEngine, VectorDB, ...) to
            string values; unknown names are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SystemUpdateEnvResponse200 | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SystemUpdateEnvBody,
) -> Response[ApiError | SystemUpdateEnvResponse200 | str]:
    """Update a system setting or preference.

    Args:
        body (SystemUpdateEnvBody): Setting names (LLMProvider, EmbeddingEngine, VectorDB, ...) to
            string values; unknown names are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SystemUpdateEnvResponse200 | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SystemUpdateEnvBody,
) -> ApiError | SystemUpdateEnvResponse200 | str | None:
    """Update a system setting or preference.

    Args:
        body (SystemUpdateEnvBody): Setting names (LLMProvider, EmbeddingEngine, VectorDB, ...) to
            string values; unknown names are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SystemUpdateEnvResponse200 | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
