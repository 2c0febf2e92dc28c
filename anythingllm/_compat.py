"""What the generated code or the server lacks, said before sending or instead of a wrong answer.

The generated package names the AnythingLLM release it was generated from, the operations it holds
and the first release of every operation, parameter and request field (``anythingllm_api._release``,
written by regen from ``spec/operations-since.json``). With it:

- :func:`check_call` runs before every generated call is built: an operation the package lacks, or a
  parameter or field its release lacks, raises :class:`UnsupportedOperationError` naming the route and
  the release that added it, and nothing is sent;
- :func:`missing_module` turns a plan's failed import of a generated model (an operation the package
  lacks) into that same error;
- :func:`route_lacking` words the error for a route the *server* lacks: it answers such routes with
  its web app's HTML page and status 200 (the drivers first check that the API answers on the base
  URL, once per client, see ``anythingllm._plan``).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import CodeType, TracebackType
from typing import Any

from .errors import ApiError, UnsupportedOperationError

UNKNOWN = "unknown"
_ENDPOINT = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")


def version_key(version: str) -> tuple[int, ...]:
    """``"1.12.0"`` -> ``(1, 12, 0)``; an unknown release sorts last."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (1 << 30,)


@dataclass(frozen=True)
class Release:
    """What the installed generated package says about itself."""

    name: str
    operations: frozenset[str] | None  # None: the package predates _release; modules are looked up
    since: Mapping[str, Any]
    python_names: Mapping[str, str]
    newer: Mapping[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    """Per operation id: ``(kind, python name, since)`` of each item newer than this release."""

    def has(self, operation_id: str, tag: str) -> bool:
        """Whether the package has the endpoint module of ``operation_id``."""
        if self.operations is not None:
            return operation_id in self.operations
        return importlib.util.find_spec(f"anythingllm_api.api.{tag}.{operation_id}") is not None

    def entry(self, operation_id: str) -> Mapping[str, Any]:
        """The since entry of an operation (empty when the table does not know it)."""
        entry: Mapping[str, Any] = self.since.get("operations", {}).get(operation_id, {})
        return entry


def _newer_items(name: str, since: Mapping[str, Any], python: Mapping[str, str]) -> dict[str, Any]:
    if name == UNKNOWN:
        return {}
    newer: dict[str, tuple[tuple[str, str, str], ...]] = {}
    for op_id, entry in since.get("operations", {}).items():
        items = tuple(
            (kind, python.get(item, item), first)
            for kind in ("parameters", "fields")
            for item, first in entry.get(kind, {}).items()
            if version_key(first) > version_key(name)
        )
        if items:
            newer[op_id] = items
    return newer


@functools.cache
def release() -> Release:
    """The installed generated package's release data (read once)."""
    try:
        from anythingllm_api import _release as module
    except ImportError:  # generated before regen wrote _release.py: nothing is known but its modules
        return Release(UNKNOWN, None, {}, {})
    name, since, python = module.RELEASE, module.SINCE, module.PYTHON_NAMES
    return Release(name, frozenset(module.OPERATIONS), since, python, _newer_items(name, since, python))


def _route(entry: Mapping[str, Any], fallback: str) -> str:
    return f"{entry['method']} {entry['path']}" if entry else fallback


def _generated_from(info: Release) -> str:
    if info.name == UNKNOWN:
        return "this client was generated from a spec of an unknown release"
    return f"this client was generated from AnythingLLM {info.name}"


def absent_operation(operation_id: str) -> UnsupportedOperationError:
    """The error for an operation the generated package lacks."""
    info = release()
    entry = info.entry(operation_id)
    route = _route(entry, operation_id)
    since, until = entry.get("since"), entry.get("until")
    known = info.name != UNKNOWN
    if until and (not known or version_key(until) < version_key(info.name)):
        message = f"{route} was removed after AnythingLLM {until}; {_generated_from(info)}, which lacks it."
    elif since and (not known or version_key(since) > version_key(info.name)):
        message = f"{route} was added in AnythingLLM {since}; {_generated_from(info)}, which lacks it."
    else:
        message = f"{route} is missing from this client's generated code ({_generated_from(info)})."
    return UnsupportedOperationError(
        0,
        f"{message} To use it, regenerate the client (make regen) from the spec of a release that has it.",
        route=route,
        since=since,
        generated_from=info.name,
    )


def _given(kind: str, name: str, kwargs: Mapping[str, Any]) -> bool:
    """Whether a call sets the parameter or body field ``name`` (to something other than unset/None)."""
    from anythingllm_api.types import Unset

    if kind == "parameters":
        value = kwargs.get(name)
    else:
        body = kwargs.get("body")
        value = getattr(body, name, None)
        extra = getattr(body, "additional_properties", None)
        if value is None and isinstance(extra, Mapping):
            value = extra.get(name)
    return value is not None and not isinstance(value, Unset)


def check_call(endpoint: str, kwargs: Mapping[str, Any]) -> None:
    """Refuse, before anything is built or sent, what the generated package's release lacks.

    ``endpoint`` is ``"<tag>.<operation_id>"``; ``kwargs`` the arguments of its ``_get_kwargs``.
    """
    info = release()
    tag, _, operation_id = endpoint.partition(".")
    if not info.has(operation_id, tag):
        raise absent_operation(operation_id)
    newer = info.newer.get(operation_id)
    if not newer:
        return
    for kind, name, since in newer:
        if _given(kind, name, kwargs):
            entry = info.entry(operation_id)
            route = _route(entry, operation_id)
            spec_name = next((k for k, v in info.python_names.items() if v == name), name)
            what = "parameter" if kind == "parameters" else "request field"
            raise UnsupportedOperationError(
                0,
                f"The {what} {spec_name!r} of {route} was added in AnythingLLM {since}; {_generated_from(info)}, "
                f"whose server does not read it. Leave it out, or regenerate the client from a newer spec.",
                route=route,
                since=since,
                generated_from=info.name,
            )


def _endpoints_in(code: CodeType) -> list[str]:
    """The generated endpoints (``"tag.operation_id"`` literals) a function's code names."""
    found: list[str] = []
    for const in code.co_consts:
        if isinstance(const, str) and _ENDPOINT.match(const):
            found.append(const)
        elif isinstance(const, CodeType):
            found += _endpoints_in(const)
    return found


def missing_module(exc: ModuleNotFoundError) -> UnsupportedOperationError | None:
    """The error for a plan whose import of generated code failed; ``None`` if it is not generated code.

    Plans import the generated models they build requests with; a model is missing when its operation
    is. The operation is the one the importing plan calls (the innermost frame naming an endpoint).
    """
    if not (exc.name or "").startswith("anythingllm_api."):
        return None
    info = release()
    known = info.since.get("operations", {})
    frames: list[TracebackType] = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    for frame in reversed(frames):
        endpoints = [e for e in _endpoints_in(frame.tb_frame.f_code) if e.partition(".")[2] in known or not known]
        absent = [e for e in endpoints if not info.has(e.partition(".")[2], e.partition(".")[0])]
        if absent:
            return absent_operation(absent[0].partition(".")[2])
    return UnsupportedOperationError(
        0,
        f"This client's generated code lacks {exc.name} ({_generated_from(info)}). Regenerate it (make regen).",
        generated_from=info.name,
    )


# --- a route the server lacks ------------------------------------------------------------------------------


@dataclass
class ApiProbe:
    """Whether the developer API answers on the client's base URL: asked once, shared by ``with_options`` copies."""

    answers: bool | None = None


def _template(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$")


@functools.cache
def _route_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    routes = release().since.get("routes", {})
    patterns = [(route.partition(" ")[0], _template(route.partition(" ")[2]), op) for route, op in routes.items()]
    patterns.sort(key=lambda item: item[1].pattern.count("[^/]+"))  # literal segments win over parameters
    return tuple(patterns)


def _under_api(url_path: str) -> str:
    """A request's URL path relative to ``/api`` (``/api/v1/auth`` -> ``/v1/auth``)."""
    return url_path[url_path.find("/api/") + len("/api") :] if "/api/" in url_path else url_path


def operation_of(method: str, url_path: str) -> str | None:
    """The operation id (or ``METHOD path`` key) the since table gives a request's URL path."""
    path = _under_api(url_path)
    for route_method, pattern, op in _route_patterns():
        if route_method == method and pattern.match(path):
            return op
    return None


def route_lacking(error: ApiError, operation_id: str | None) -> UnsupportedOperationError:
    """The error for a route the server answered with its web app's page while its API answers.

    ``operation_id`` is the generated operation called, or ``None`` for a raw call (its path is looked up).
    """
    info = release()
    method, path = error.method or "", error.path or ""
    key = operation_id or operation_of(method, path)
    entry = info.entry(key) if key else {}
    route = _route(entry, f"{method} {_under_api(path)}".strip())
    since, until = entry.get("since"), entry.get("until")
    head = (
        f"The server does not serve {route}: it answered {error.status_code} with its web app's page, as "
        "AnythingLLM does for a route it lacks (its API does answer on this base URL)."
    )
    first_known = (info.since.get("releases") or [None])[0]
    if until:
        tail = f" {route} exists in AnythingLLM {since} to {until} only."
    elif since and since == first_known:
        tail = (
            f" Every AnythingLLM release this client knows has it (since {since}): the server, or a proxy in "
            "front of it, does not pass it on."
        )
    elif since:
        tail = f" {route} was added in AnythingLLM {since}: upgrade the server to {since} or newer to use it."
    else:
        tail = " No AnythingLLM release this client knows has it: check the path."
    return UnsupportedOperationError(
        error.status_code,
        head + tail,
        method=error.method,
        path=error.path,
        body=error.body,
        content_type=error.content_type,
        route=route,
        since=since,
        generated_from=info.name,
    )


def ignored_parameters(operation_id: str, sent: Mapping[str, Any], *, answer: Any, advice: str) -> ApiError:
    """The error for parameters the server answered as if they were not sent (a release before them).

    ``sent`` maps each ignored parameter (its name in the spec) to the value sent; ``answer``, the
    server's whole answer, is kept as the error's ``body`` so nothing is lost.
    """
    info = release()
    entry = info.entry(operation_id)
    route = _route(entry, operation_id)
    dated = [entry.get("parameters", {}).get(name) for name in sent]
    since = max((v for v in dated if v), key=version_key, default=None)
    given = ", ".join(f"{name}={value!r}" for name, value in sent.items())
    added = f" (added in AnythingLLM {since}: the server runs an older release)" if since else ""
    return UnsupportedOperationError(
        200,
        f"The server ignored {given} of {route}{added} and answered as if they were not sent. {advice}",
        body=answer,
        route=route,
        since=since,
        generated_from=info.name,
    )
