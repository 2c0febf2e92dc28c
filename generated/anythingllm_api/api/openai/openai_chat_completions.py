from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.chat_completion import ChatCompletion
from ...models.chat_response import ChatResponse
from ...models.openai_chat_completions_body import OpenaiChatCompletionsBody
from ...types import Response


def _get_kwargs(
    *,
    body: OpenaiChatCompletionsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/openai/chat/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ApiError | ChatCompletion | ChatResponse | None:
    if response.status_code == 200:
        response_200 = ChatCompletion.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        try:
            response_400 = ChatResponse.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)

        return response_401

    if response.status_code == 403:
        try:
            response_403 = ApiError.from_dict(response.json())
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not the declared body: parsed is None, Response.content holds it
        return response_403

    if response.status_code == 500:
        response_500 = cast(Any, None)

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ApiError | ChatCompletion | ChatResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenaiChatCompletionsBody,
) -> Response[Any | ApiError | ChatCompletion | ChatResponse]:
    """Execute a chat with a workspace with OpenAI compatibility. Supports streaming as well. Model must be
    a workspace slug from /models.

    Args:
        body (OpenaiChatCompletionsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | ChatCompletion | ChatResponse]
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
    body: OpenaiChatCompletionsBody,
) -> Any | ApiError | ChatCompletion | ChatResponse | None:
    """Execute a chat with a workspace with OpenAI compatibility. Supports streaming as well. Model must be
    a workspace slug from /models.

    Args:
        body (OpenaiChatCompletionsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | ChatCompletion | ChatResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenaiChatCompletionsBody,
) -> Response[Any | ApiError | ChatCompletion | ChatResponse]:
    """Execute a chat with a workspace with OpenAI compatibility. Supports streaming as well. Model must be
    a workspace slug from /models.

    Args:
        body (OpenaiChatCompletionsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | ChatCompletion | ChatResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OpenaiChatCompletionsBody,
) -> Any | ApiError | ChatCompletion | ChatResponse | None:
    """Execute a chat with a workspace with OpenAI compatibility. Supports streaming as well. Model must be
    a workspace slug from /models.

    Args:
        body (OpenaiChatCompletionsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | ChatCompletion | ChatResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
