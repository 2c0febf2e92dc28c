"""One definition of each friendly method serves the sync and the async client.

A module class (``WorkspacesModule`` ...) is generic in its mode, :class:`Sync` or :class:`Async`. Its
methods are plans decorated with :func:`operation`; reading such a method from a ``Module[Sync]``
gives a function that returns the result, from a ``Module[Async]`` one that returns an awaitable.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from ._plan import Plan, Runtime, run_async, run_sync

P = ParamSpec("P")
T = TypeVar("T")


class Sync:
    """Marker: methods return their results."""


class Async:
    """Marker: methods return awaitables."""


M = TypeVar("M", Sync, Async)


class Resource(Generic[M]):
    """Base of the friendly modules: holds the runtime and how to run a plan on it."""

    def __init__(self, runtime: Runtime, is_async: bool) -> None:
        self._runtime = runtime
        self._is_async = is_async

    def _run(self, plan: Plan[T]) -> Any:
        if self._is_async:
            return run_async(plan, self._runtime)
        return run_sync(plan, self._runtime)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {'async' if self._is_async else 'sync'}>"


class operation(Generic[P, T]):
    """Turn a plan method into a method of the sync and of the async client."""

    def __init__(self, plan: Callable[Concatenate[Any, P], Plan[T]]) -> None:
        self._plan = plan
        functools.update_wrapper(self, plan)  # type: ignore[arg-type]
        params = list(inspect.signature(plan).parameters.values())[1:]
        self._signature = inspect.signature(plan).replace(parameters=params)
        self._attribute = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._attribute = name

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: type[Any]) -> operation[P, T]: ...
        @overload
        def __get__(self, obj: Resource[Sync], owner: type[Any]) -> Callable[P, T]: ...
        @overload
        def __get__(self, obj: Resource[Async], owner: type[Any]) -> Callable[P, Awaitable[T]]: ...

    def __get__(self, obj: Resource[Any] | None, owner: type[Any]) -> Any:
        if obj is None:
            return self
        plan = self._plan

        @functools.wraps(plan)
        def method(*args: Any, **kwargs: Any) -> Any:
            return obj._run(plan(obj, *args, **kwargs))

        method.__signature__ = self._signature  # type: ignore[attr-defined]
        if self._attribute:
            vars(obj)[self._attribute] = method  # built once per module object: later reads skip this descriptor
        return method


SyncStreamT = TypeVar("SyncStreamT")
AsyncStreamT = TypeVar("AsyncStreamT")


class _streaming(operation[P, Any], Generic[P, SyncStreamT, AsyncStreamT]):
    """An :class:`operation` whose plan returns an open stream: its sync and async types differ."""

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: type[Any]) -> _streaming[P, SyncStreamT, AsyncStreamT]: ...
        @overload
        def __get__(self, obj: Resource[Sync], owner: type[Any]) -> Callable[P, SyncStreamT]: ...
        @overload
        def __get__(self, obj: Resource[Async], owner: type[Any]) -> Callable[P, Awaitable[AsyncStreamT]]: ...
        def __get__(self, obj: Resource[Any] | None, owner: type[Any]) -> Any: ...


if TYPE_CHECKING:
    from .streaming import AsyncChatStream, AsyncCompletionStream, ChatStream, CompletionStream  # noqa: F401


class chat_stream_operation(_streaming[P, "ChatStream", "AsyncChatStream"]):
    """A plan that yields ``Call(..., stream="chat")``: a ChatStream on the sync client, an AsyncChatStream
    (awaited) on the async one."""


class completion_stream_operation(_streaming[P, "CompletionStream", "AsyncCompletionStream"]):
    """A plan that yields ``Call(..., stream="completion")``: CompletionStream / AsyncCompletionStream."""
