"""Typed Python client for the AnythingLLM developer API."""

__version__ = "0.1.0"

from ._client import AnythingLLMClient, AsyncAnythingLLMClient
from .errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ChatAbortedError,
    InvalidResponseError,
    MultiUserModeRequiredError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    StreamInterruptedError,
    UnprocessableError,
    UnsupportedOperationError,
    WrongEndpointError,
)

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AnythingLLMClient",
    "ApiError",
    "AsyncAnythingLLMClient",
    "AuthenticationError",
    "BadRequestError",
    "ChatAbortedError",
    "InvalidResponseError",
    "MultiUserModeRequiredError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServerError",
    "StreamInterruptedError",
    "UnprocessableError",
    "UnsupportedOperationError",
    "WrongEndpointError",
]
