"""The tools of one server: the table's rows bound to a client, with their schemas, checks and calls.

Nothing here speaks MCP; :mod:`._server` puts these tools on the wire.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .._client import AsyncAnythingLLMClient
from . import _schema
from ._table import PARAMETERS, TOOLS, ToolSpec

Progress = Callable[[int, str], Awaitable[None]]
"""Told the number of events and the text so far while a chat streams."""


class ArgumentsError(ValueError):
    """A tool's arguments do not match its input schema; nothing was sent."""


def _method(client: Any, path: str) -> Callable[..., Any]:
    target = client
    for part in path.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise TypeError(f"{path} is not a method of the client")
    return target  # type: ignore[no-any-return]


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


@dataclass(frozen=True)
class Tool:
    """One tool bound to a client: what the table says, its schemas, and the friendly method it calls."""

    spec: ToolSpec
    method: Callable[..., Any]
    arguments: type[BaseModel]
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]
    wraps_result: bool

    @classmethod
    def bind(cls, spec: ToolSpec, client: AsyncAnythingLLMClient) -> Tool:
        """Build ``spec``'s schemas from the client's method (its signature and return type)."""
        method = _method(client, spec.method)
        offered = _schema.parameters(
            method,
            exclude=(*spec.exclude, *spec.fixed),
            types_=spec.types,
            required=spec.required,
            settings=spec.settings,
            descriptions=PARAMETERS,
        )
        arguments = _schema.arguments_model(f"{_class_name(spec.name)}Arguments", offered)
        result = spec.returns if spec.returns is not None else _schema.result_type(method)
        return cls(
            spec=spec,
            method=method,
            arguments=arguments,
            input_schema=_schema.input_schema(arguments),
            output_schema=_schema.output_schema(f"{_class_name(spec.name)}Result", result),
            wraps_result=_schema.wraps_result(_schema.json_type(result)),
        )

    @property
    def name(self) -> str:
        """The tool's name."""
        return self.spec.name

    def check(self, arguments: Mapping[str, Any] | None) -> dict[str, Any]:
        """The keyword arguments for the method, or ArgumentsError when the input schema refuses them."""
        try:
            checked = self.arguments.model_validate(dict(arguments or {}))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc']) or 'arguments'}: {error['msg']}" for error in exc.errors()
            )
            raise ArgumentsError(f"invalid arguments for {self.name}: {problems}") from None
        given = {name: getattr(checked, name) for name in checked.model_fields_set}
        return {**given, **self.spec.fixed}

    async def call(self, arguments: Mapping[str, Any] | None, progress: Progress | None = None) -> dict[str, Any]:
        """Check the arguments, call the friendly method, and return the structured result."""
        kwargs = self.check(arguments)
        if self.spec.stream:
            value: Any = await self._stream(kwargs, progress)
        else:
            value = await self.method(**kwargs)
        return {"result": value} if self.wraps_result else dict(value)

    async def _stream(self, kwargs: dict[str, Any], progress: Progress | None) -> Any:
        stream = await self.method(**kwargs)
        async with stream:
            async for _event in stream:
                if progress is not None:
                    accumulated = stream.accumulator
                    await progress(accumulated.events, accumulated.text)
            return await stream.get_final_message()


def select(
    specs: Iterable[ToolSpec] = TOOLS,
    *,
    read_only: bool = False,
    allow: Collection[str] = (),
    deny: Collection[str] = (),
) -> list[ToolSpec]:
    """The tools a server offers: only ``allow`` (when given), without ``deny``, only reads with ``read_only``.

    An unknown name is a ValueError that lists the known ones, and so is a choice that leaves no tool.
    """
    specs = list(specs)
    known = [spec.name for spec in specs]
    unknown = sorted((set(allow) | set(deny)) - set(known))
    if unknown:
        raise ValueError(f"unknown tool(s) {', '.join(unknown)}; the tools are: {', '.join(known)}")
    chosen = [
        spec
        for spec in specs
        if (not allow or spec.name in allow) and spec.name not in deny and (spec.read_only or not read_only)
    ]
    if not chosen:
        raise ValueError("no tool is left after --read-only, --allow and --deny")
    return chosen


def bind_all(client: AsyncAnythingLLMClient, specs: Iterable[ToolSpec] = TOOLS) -> dict[str, Tool]:
    """Each of ``specs`` bound to ``client``, by name, in order."""
    return {spec.name: Tool.bind(spec, client) for spec in specs}
