"""Typed Python client for the AnythingLLM developer API.

``import anythingllm`` is cheap: the clients, the errors and the public submodules (``errors``,
``types``, ``streaming``) are imported on first use (PEP 562), so a program that only needs the
version, or imports the package before it makes a client, does not pay for httpx and the rest.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing itself is not imported at run time (it costs more than this package)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from typing import Any

    from ._client import AnythingLLMClient, AsyncAnythingLLMClient
    from ._generated_client import generated_client
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
        StreamConnectionError,
        StreamInterruptedError,
        StreamTimeoutError,
        UnprocessableError,
        UnsupportedOperationError,
        WrongEndpointError,
    )
    from .resources.documents import LinkFetchError
    from .resources.http import HttpClient
    from .streaming import AsyncChatStream, AsyncCompletionStream, ChatStream, CompletionStream

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AnythingLLMClient",
    "ApiError",
    "AsyncAnythingLLMClient",
    "AsyncChatStream",
    "AsyncCompletionStream",
    "AuthenticationError",
    "BadRequestError",
    "ChatAbortedError",
    "ChatStream",
    "CompletionStream",
    "HttpClient",
    "InvalidResponseError",
    "LinkFetchError",
    "MultiUserModeRequiredError",
    "NotFoundError",
    "PermissionDeniedError",
    "ServerError",
    "StreamConnectionError",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "UnprocessableError",
    "UnsupportedOperationError",
    "WrongEndpointError",
    "generated_client",
]

_HOME = {
    "AnythingLLMClient": "._client",
    "AsyncAnythingLLMClient": "._client",
    "HttpClient": ".resources.http",
    "LinkFetchError": ".resources.documents",
    "generated_client": "._generated_client",
    "ChatStream": ".streaming",
    "AsyncChatStream": ".streaming",
    "CompletionStream": ".streaming",
    "AsyncCompletionStream": ".streaming",
}
_SUBMODULES = frozenset({"errors", "streaming", "types"})


def __getattr__(name: str) -> Any:
    """Import a public name (or submodule) the first time it is used, then keep it."""
    if name in _SUBMODULES:
        value: Any = importlib.import_module(f".{name}", __name__)
    elif name in __all__:
        value = getattr(importlib.import_module(_HOME.get(name, ".errors"), __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})
