"""One definition of each friendly method serves the sync and the async client.

A module class (``WorkspacesModule`` ...) is generic in its mode, :class:`Sync` or :class:`Async`. Its
methods are plans decorated with :func:`operation`; reading such a method from a ``Module[Sync]``
gives a function that returns the result, from a ``Module[Async]`` one that returns an awaitable.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import operator
import types
from collections.abc import Awaitable, Callable, Coroutine
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


class _ResultTypes(dict[str, Any]):
    """Names a documented return type may use beyond its module's globals: the result TypedDicts and streams.

    Resource modules import those names for type checkers only; an annotation is evaluated (once) with
    this mapping as its locals, which imports :mod:`anythingllm.types` (or the streams) only then.
    """

    def __missing__(self, name: str) -> Any:
        types = importlib.import_module("anythingllm.types")
        if name in types.__all__:
            return getattr(types, name)
        if name in _STREAMS:
            return getattr(importlib.import_module("anythingllm.streaming"), name)
        raise KeyError(name)


_STREAMS = frozenset({"ChatStream", "AsyncChatStream", "CompletionStream", "AsyncCompletionStream"})


def _documented(text: str, plan: Callable[..., Any], *, is_async: bool) -> Any:
    """The type ``text`` names, as the client of this mode returns it; ``text`` itself if it cannot be read.

    A union that lists the streams of both modes (``ChatCompletion | CompletionStream |
    AsyncCompletionStream``) keeps only this mode's stream.
    """
    try:
        value = eval(text, plan.__globals__, _ResultTypes())  # our own annotation, as get_type_hints does
    except Exception:  # an annotation that cannot be evaluated here still documents the method as text
        return text
    if isinstance(value, types.UnionType):
        other = _MODE_STREAMS[not is_async]
        kept = [t for t in value.__args__ if getattr(t, "__name__", "") not in other]
        if kept and len(kept) < len(value.__args__):
            value = functools.reduce(operator.or_, kept)
    return value


_MODE_STREAMS = {False: {"ChatStream", "CompletionStream"}, True: {"AsyncChatStream", "AsyncCompletionStream"}}


def _plan_result(plan: Callable[..., Any]) -> str:
    """The ``T`` of the plan's ``-> Plan[T]`` annotation, as text."""
    annotation = plan.__annotations__.get("return", "Any")
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text[len("Plan[") : -1] if text.startswith("Plan[") and text.endswith("]") else text


def _sync_method(plan: Callable[..., Plan[Any]], obj: Resource[Any]) -> Callable[..., Any]:
    def method(*args: Any, **kwargs: Any) -> Any:
        return obj._run(plan(obj, *args, **kwargs))  # a subclass may drive other plans (the workflows' flows)

    return method


def _async_method(plan: Callable[..., Plan[Any]], obj: Resource[Any]) -> Callable[..., Any]:
    async def method(*args: Any, **kwargs: Any) -> Any:  # a coroutine function, as frameworks check
        return await obj._run(plan(obj, *args, **kwargs))

    return method


class operation(Generic[P, T]):
    """Turn a plan method into a method of the sync and of the async client.

    On the sync client the method returns the plan's result; on the async client it is a coroutine
    function (``inspect.iscoroutinefunction`` holds). Its signature drops ``self`` and shows the
    documented result type, not ``Plan[...]`` (a ``Coroutine`` of it on the async client); that
    signature is worked out the first time the method is read, not when its module is imported.
    """

    _returns: tuple[str, str] | None = None  # (sync, async) result types as text; None: the plan's Plan[T]

    def __init__(self, plan: Callable[Concatenate[Any, P], Plan[T]]) -> None:
        self._plan = plan
        functools.update_wrapper(self, plan)  # type: ignore[arg-type]
        self._attribute = ""
        self._signatures: dict[bool, inspect.Signature] = {}

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._attribute = name

    def signature(self, *, is_async: bool) -> inspect.Signature:
        """The method's signature on the sync or async client: no ``self``, the documented return type."""
        found = self._signatures.get(is_async)
        if found is None:
            plan = self._plan
            text = _plan_result(plan) if self._returns is None else self._returns[is_async]
            returns = _documented(text, plan, is_async=is_async)
            if is_async:
                returns = Coroutine[Any, Any, returns]  # type: ignore[valid-type]
            full = inspect.signature(plan)
            found = full.replace(parameters=list(full.parameters.values())[1:], return_annotation=returns)
            self._signatures[is_async] = found
        return found

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
        method = (_async_method if obj._is_async else _sync_method)(self._plan, obj)
        functools.update_wrapper(method, self._plan)
        method.__signature__ = self.signature(is_async=obj._is_async)  # type: ignore[attr-defined]
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

    _returns = ("ChatStream", "AsyncChatStream")


class completion_stream_operation(_streaming[P, "CompletionStream", "AsyncCompletionStream"]):
    """A plan that yields ``Call(..., stream="completion")``: CompletionStream / AsyncCompletionStream."""

    _returns = ("CompletionStream", "AsyncCompletionStream")
