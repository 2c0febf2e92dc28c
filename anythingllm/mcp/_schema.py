"""JSON schemas of a tool, read from the friendly method it calls.

The input schema is a pydantic model built from the method's signature (the parameters the tool
offers, their types and defaults); the same model validates the arguments of a call, so what the
schema refuses never reaches the server. The output schema comes from the method's return type, a
TypedDict of :mod:`anythingllm.types` (or a list, number or text of them, wrapped as ``{"result": ...}``
because a tool's structured result is a JSON object).

Return annotations are read whatever form the method has: a plan (``Plan[T]``, a generator), a
coroutine function (``T``), or an awaitable (``Awaitable[T]`` / ``Coroutine[..., T]``).
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import os
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NotRequired, Required, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model
from pydantic.json_schema import GenerateJsonSchema
from typing_extensions import TypedDict, is_typeddict

from .._resource import _ResultTypes

_MISSING = inspect.Parameter.empty
_SEQUENCES = (collections.abc.Sequence, collections.abc.Iterable, collections.abc.Collection, list, tuple)
_MAPPINGS = (collections.abc.Mapping, dict)
_AWAITED = (collections.abc.Generator, collections.abc.Coroutine)  # the result is the last type argument


@dataclass(frozen=True)
class Parameter:
    """One parameter a tool offers: its JSON-friendly type, default (``_MISSING``: required) and help."""

    name: str
    annotation: Any
    default: Any
    description: str | None


def annotation_of(function: Callable[..., Any], name: str) -> Any:
    """The evaluated annotation ``name`` (``"return"`` for the result) of ``function``, a method or plan."""
    target = inspect.unwrap(getattr(function, "__func__", function))
    raw = inspect.get_annotations(target).get(name, Any)
    if not isinstance(raw, str):
        return raw
    holder = types.SimpleNamespace(__annotations__={name: raw})
    globalns = getattr(target, "__globals__", {})
    # Resource modules import their result types for type checkers only; _ResultTypes supplies them.
    return typing.get_type_hints(holder, globalns=globalns, localns=_ResultTypes(), include_extras=True)[name]


def result_type(function: Callable[..., Any]) -> Any:
    """What calling ``function`` finally gives: T of ``Plan[T]``, ``Awaitable[T]``, ``Coroutine[..., T]`` or T."""
    annotation = annotation_of(function, "return")
    origin = get_origin(annotation)
    if origin in _AWAITED:
        return get_args(annotation)[-1]
    if origin is collections.abc.Awaitable:
        return get_args(annotation)[0]
    return annotation


def json_type(annotation: Any) -> Any:
    """``annotation`` with the Python-only parts a JSON value cannot be turned into removed or replaced.

    ``os.PathLike`` leaves a union (a path arrives as a string); sequences and iterables become lists and
    mappings dicts, so the schema says ``array`` and ``object`` and validation builds what the method takes.
    TypedDicts are rebuilt with ``typing_extensions.TypedDict``, which pydantic needs before Python 3.12.
    """
    if is_typeddict(annotation):
        return _portable(annotation)
    origin = get_origin(annotation)
    if annotation is os.PathLike or origin is os.PathLike:
        return None
    if origin in (Union, types.UnionType):
        kept = [t for t in (json_type(arg) for arg in get_args(annotation)) if t is not None]
        return Union[tuple(kept)]  # noqa: UP007 - built at run time from a list
    if origin in _SEQUENCES:
        (item,) = get_args(annotation)[:1] or (Any,)
        return types.GenericAlias(list, (json_type(item),))
    if origin in _MAPPINGS:
        key, value = get_args(annotation) or (str, Any)
        return types.GenericAlias(dict, (key, json_type(value)))
    return annotation


_typed_dict: Any = TypedDict  # called with names and fields known only at run time


@functools.cache
def _portable(typed_dict: Any) -> Any:
    """``typed_dict`` as a ``typing_extensions.TypedDict`` with the same keys, docstring and required keys."""
    fields: dict[str, Any] = {}
    for key, value in typing.get_type_hints(typed_dict).items():
        marker = Required if key in typed_dict.__required_keys__ else NotRequired
        fields[key] = marker[json_type(value)]
    portable = _typed_dict(typed_dict.__name__, fields)
    portable.__doc__ = typed_dict.__doc__
    portable.__module__ = typed_dict.__module__
    return portable


def parameters(
    function: Callable[..., Any],
    *,
    exclude: typing.Collection[str] = (),
    types_: Mapping[str, Any] | None = None,
    required: typing.Collection[str] = (),
    settings: type | None = None,
    descriptions: Mapping[str, str] | None = None,
) -> list[Parameter]:
    """The parameters of ``function`` a tool offers, in signature order.

    ``exclude`` leaves parameters out; ``types_`` replaces a parameter's type; ``required`` makes an
    optional parameter required; ``settings`` (a TypedDict) lists the keyword settings a ``**kwargs``
    parameter takes, each one becoming an optional parameter of its own.
    """
    offered: list[Parameter] = []
    described = descriptions or {}
    types_ = types_ or {}
    signature = inspect.signature(function)
    for parameter in signature.parameters.values():
        if parameter.name in exclude or parameter.name == "self":
            continue
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            raise TypeError(f"{function.__qualname__}: *{parameter.name} cannot be a tool parameter")
        annotation = types_.get(parameter.name, annotation_of(function, parameter.name))
        default = _MISSING if parameter.name in required else parameter.default
        offered.append(Parameter(parameter.name, json_type(annotation), default, described.get(parameter.name)))
    if settings is not None:
        taken = {p.name for p in offered} | set(exclude)
        for name, annotation in typing.get_type_hints(settings).items():
            if name not in taken:
                offered.append(Parameter(name, json_type(annotation), None, described.get(name)))
    return offered


class _Arguments(BaseModel):
    """Base of every tool's argument model: unknown arguments and loose types are refused."""

    model_config = ConfigDict(extra="forbid", strict=True)


def arguments_model(name: str, offered: list[Parameter]) -> type[BaseModel]:
    """The pydantic model of a tool's arguments: its JSON schema is the tool's input schema."""
    fields: dict[str, Any] = {}
    for parameter in offered:
        default = ... if parameter.default is _MISSING else parameter.default
        fields[parameter.name] = (parameter.annotation, Field(default, description=parameter.description))
    return create_model(name, __base__=_Arguments, **fields)


class _Schema(GenerateJsonSchema):
    """Pydantic's JSON schema without a title on every property (the name says it)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema of a tool's arguments (``type: object`` at the root)."""
    schema = model.model_json_schema(schema_generator=_Schema)
    schema.pop("title", None)
    return schema


def wraps_result(result: Any) -> bool:
    """Whether a result of this type is sent as ``{"result": value}`` (it is not a JSON object)."""
    return not (is_typeddict(result) or result is dict or get_origin(result) in _MAPPINGS)


def output_schema(name: str, result: Any) -> dict[str, Any]:
    """The JSON schema of a tool's structured result."""
    result = json_type(result)
    if wraps_result(result):
        result = _typed_dict(name, {"result": result})
    return TypeAdapter(result).json_schema(mode="serialization", schema_generator=_Schema)
