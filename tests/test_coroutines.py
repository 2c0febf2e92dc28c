"""Async methods are real coroutine functions, and every method's signature shows its documented result.

Frameworks dispatch on ``inspect.iscoroutinefunction`` (FastAPI dependencies, pytest-asyncio fixtures,
LangChain tools), so on the async client it must hold for all 73 documented methods and every other
public method that does I/O, on the client and on its ``with_options`` copies. ``help()`` shows
``inspect.signature``: its return annotation is the documented type (a coroutine of it on the async
client), never the internal ``Plan[...]``.
"""

from __future__ import annotations

import asyncio
import inspect
import pydoc
import typing
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.streaming import AsyncChatStream, AsyncCompletionStream, ChatStream, CompletionStream
from anythingllm.types import ChatCompletion, ChatMessage, OperationResult, Workspace
from tests.test_signatures import CASES

MODULES = ["auth", "workspaces", "documents", "chat", "system", "users", "embed", "admin", "openai"]
MODULES += ["workspace_thread", "http_client"]
# Public methods that send nothing and return no awaitable, on both clients alike.
NO_IO = {("", "with_options"), ("auth", "logout"), ("auth", "use_token"), ("http_client", "close")}


def _clients() -> tuple[AnythingLLMClient, AsyncAnythingLLMClient]:
    return AnythingLLMClient("http://127.0.0.1:3001", api_key="k"), AsyncAnythingLLMClient(
        "http://127.0.0.1:3001", api_key="k"
    )


def _method(client: Any, module: str, name: str) -> Callable[..., Any]:
    owner = getattr(client, module) if module else client
    method: Callable[..., Any] = getattr(owner, name)
    return method


def _public_methods(client: Any) -> list[tuple[str, str]]:
    found = []
    for module in ["", *MODULES]:
        owner = getattr(client, module) if module else client
        found += [(module, n) for n in dir(owner) if not n.startswith("_") and inspect.ismethod(getattr(owner, n))]
        found += [(module, n) for n in vars(owner) if not n.startswith("_") and callable(vars(owner)[n])]
    return sorted(set(found))


@pytest.mark.parametrize("copy", [False, True], ids=["client", "with_options"])
def test_every_documented_async_method_is_a_coroutine_function(copy: bool) -> None:
    sync, client = _clients()
    if copy:
        sync, client = sync.with_options(timeout=5), client.with_options(max_retries=0)
    assert len(CASES) == 73
    for module, name in CASES:
        method = _method(client, module, name)
        assert inspect.iscoroutinefunction(method), f"{module}.{name}"
        assert asyncio.iscoroutinefunction(method), f"{module}.{name}"
        assert not inspect.iscoroutinefunction(_method(sync, module, name)), f"sync {module}.{name}"


@pytest.mark.parametrize("copy", [False, True], ids=["client", "with_options"])
def test_every_other_public_async_method_is_a_coroutine_function_too(copy: bool) -> None:
    sync, client = _clients()
    if copy:
        client = client.with_options(timeout=5)
    methods = _public_methods(client)
    assert set(CASES).issubset(methods)
    assert NO_IO.issubset(methods)
    extra = [m for m in methods if m not in NO_IO and m not in CASES]
    assert ("chat", "stream_message") in extra and ("", "close") in extra
    for module, name in extra:
        assert inspect.iscoroutinefunction(_method(client, module, name)), f"{module}.{name}"
    assert _public_methods(sync) == methods  # the same methods on both clients


def test_the_methods_that_send_nothing_return_no_awaitable_on_the_async_client() -> None:
    _, client = _clients()
    assert isinstance(client.with_options(timeout=1), AsyncAnythingLLMClient)
    assert client.auth.use_token("a.b.c") is None
    assert client.auth.logout() is None
    assert client.http_client.close() is None


def test_a_coroutine_method_still_runs_its_plan() -> None:
    """Awaiting the coroutine function drives the plan: bad input is refused when awaited, as before."""
    _, client = _clients()
    call = client.workspaces.get("")
    assert inspect.iscoroutine(call)
    with pytest.raises(ValueError, match="workspace_id"):
        asyncio.run(call)


def _plan_result(client: Any, module: str, name: str) -> Any:
    """The ``T`` of ``Plan[T]`` in the plan's own annotation, evaluated like typing.get_type_hints."""
    owner = getattr(client, module) if module else client
    plan = inspect.getattr_static(type(owner), name)._plan
    import anythingllm.streaming
    import anythingllm.types

    namespace = {**vars(anythingllm.types), **vars(anythingllm.streaming), **plan.__globals__}
    text = plan.__annotations__["return"]
    assert text.startswith("Plan[")
    return eval(text[len("Plan[") : -1], namespace)


@pytest.mark.parametrize(("module", "name"), CASES, ids=[f"{m or 'client'}.{f}" for m, f in CASES])
def test_the_signature_returns_the_documented_type(module: str, name: str) -> None:
    sync, client = _clients()
    sync_returns = inspect.signature(_method(sync, module, name)).return_annotation
    async_returns = inspect.signature(_method(client, module, name)).return_annotation
    assert not isinstance(sync_returns, str), sync_returns
    assert "Plan" not in repr(sync_returns) and "Plan" not in repr(async_returns)
    assert typing.get_origin(async_returns) is Coroutine
    assert typing.get_args(async_returns)[:2] == (Any, Any)
    if (module, name) != ("openai", "create_chat_completion"):
        assert sync_returns == _plan_result(sync, module, name)
        assert typing.get_args(async_returns)[2] == sync_returns


def test_examples_of_documented_types_and_streams() -> None:
    sync, client = _clients()
    signature = inspect.signature
    assert signature(sync.chat.send_message).return_annotation is ChatMessage
    assert signature(client.chat.send_message).return_annotation == Coroutine[Any, Any, ChatMessage]
    assert signature(sync.workspaces.list).return_annotation == list[Workspace]
    assert signature(sync.workspaces.delete).return_annotation is OperationResult
    assert signature(sync.chat.stream_message).return_annotation is ChatStream
    assert signature(client.chat.stream_message).return_annotation == Coroutine[Any, Any, AsyncChatStream]
    assert signature(client.workspace_thread.stream_message).return_annotation == Coroutine[Any, Any, AsyncChatStream]
    # One method returns a dict or a stream: each client names only its own kind of stream.
    assert signature(sync.openai.create_chat_completion).return_annotation == ChatCompletion | CompletionStream
    assert (
        signature(client.openai.create_chat_completion).return_annotation
        == Coroutine[Any, Any, ChatCompletion | AsyncCompletionStream]
    )
    assert list(signature(sync.chat.send_message).parameters)[:2] == ["workspace_id", "message"]


def test_help_shows_the_documented_type() -> None:
    sync, client = _clients()
    shown = pydoc.render_doc(sync.chat.send_message, renderer=pydoc.plaintext)
    assert "-> anythingllm.types.ChatMessage" in shown and "Plan[" not in shown
    shown = pydoc.render_doc(client.chat.send_message, renderer=pydoc.plaintext)
    assert "async send_message(" in shown
    assert "-> collections.abc.Coroutine[typing.Any, typing.Any, anythingllm.types.ChatMessage]" in shown
