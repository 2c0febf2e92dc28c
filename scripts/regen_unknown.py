"""Operations the overlay does not know: named after their method and path, generated with open models.

Upstream describes bodies mostly by examples, so what an unknown operation's JSON bodies hold is
not trusted: each becomes an open model (``additionalProperties: true``) of the shape upstream
shows (object or array), so that nothing the server sends is refused or dropped. Error responses
keep their description only. The operation is generated, counted, and reported as not yet repaired
by the overlay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from openapi_python_client.strings import PythonIdentifier
from regen_report import HTTP_METHODS, operations, resolve

_VERSION = re.compile(r"v\d+")
_OPEN: dict[str, Any] = {"type": "object", "additionalProperties": True}


@dataclass(frozen=True)
class UnknownOperation:
    """An operation upstream has and the overlay does not repair."""

    method: str
    path: str
    operation_id: str
    tag: str

    @property
    def module(self) -> str:
        """Where it is generated, e.g. ``api.admin.get_admin_preferences``."""
        return f"api.{module_name(self.tag, 'tag')}.{self.operation_id}"

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} -> {self.module}"


def module_name(name: str, prefix: str = "field_") -> str:
    """The Python name openapi-python-client gives an operation id (or, with prefix ``tag``, a tag)."""
    return str(PythonIdentifier(name, prefix=prefix))


def derive_operation_id(method: str, path: str, taken: set[str]) -> str:
    """``GET /v1/workspace/{slug}/foo-bar`` -> ``get_workspace_foo_bar``; unique within ``taken``."""
    segments = [s for s in path.strip("/").split("/") if s]
    if segments and _VERSION.fullmatch(segments[0]):
        segments = segments[1:]
    words = [s for s in segments if not s.startswith("{")]
    params = [s.strip("{}") for s in segments if s.startswith("{")]
    base = module_name("_".join([method, *words]))
    candidates = [base] + ([module_name(f"{base}_by_{'_and_'.join(params)}")] if params else [])
    for name in candidates:
        if name not in taken:
            return name
    number = 2
    while f"{candidates[-1]}_{number}" in taken:
        number += 1
    return f"{candidates[-1]}_{number}"


def _leads_nowhere(spec: dict[str, Any], ref: str) -> bool:
    target: Any = spec
    for part in ref.lstrip("#/").split("/"):
        if not isinstance(target, dict) or part not in target:
            return True
        target = target[part]
    return False


def _dangling(spec: dict[str, Any], node: Any) -> bool:
    """Whether ``node`` holds a local ``$ref`` that leads nowhere (e.g. to a schema the overlay removed)."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and _leads_nowhere(spec, node["$ref"]):
            return True
        return any(_dangling(spec, value) for value in node.values())
    if isinstance(node, list):
        return any(_dangling(spec, value) for value in node)
    return False


def _deref(spec: dict[str, Any], node: Any) -> dict[str, Any]:
    """``node`` with its own ``$ref`` followed ({} when that leads nowhere)."""
    if not isinstance(node, dict):
        return {}
    if isinstance(node.get("$ref"), str) and _leads_nowhere(spec, node["$ref"]):
        return {}
    resolved = resolve(spec, node)
    return resolved if isinstance(resolved, dict) else {}


def _shape(spec: dict[str, Any], media: dict[str, Any]) -> dict[str, Any]:
    """An open schema of the shape upstream's schema or example shows."""
    schema = media.get("schema") if not _dangling(spec, media.get("schema")) else None
    schema = resolve(spec, schema) if isinstance(schema, dict) else {}
    example = media.get("example", schema.get("example") if isinstance(schema, dict) else None)
    kind = schema.get("type") if isinstance(schema, dict) else None
    if kind == "array" or isinstance(example, list):
        first = example[0] if isinstance(example, list) and example else None
        items: dict[str, Any] = {"type": "string"} if isinstance(first, str) else dict(_OPEN)
        return {"type": "array", "items": items}
    if kind in ("string", "integer", "number", "boolean") and not isinstance(example, dict):
        return {"type": kind}
    return dict(_OPEN)


def _open_content(spec: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for media_type, media in content.items():
        media = media if isinstance(media, dict) else {}
        if "json" in media_type:
            opened: dict[str, Any] = {"schema": _shape(spec, media)}
            if "example" in media and not _dangling(spec, media["example"]):
                opened["example"] = media["example"]
            out[media_type] = opened
        elif media_type.startswith("text/"):
            out[media_type] = {"schema": {"type": "string"}}
        else:
            schema = media.get("schema")
            keep = isinstance(schema, dict) and not _dangling(spec, schema)
            out[media_type] = {"schema": schema if keep else {"type": "string", "format": "binary"}}
    return out


def _open(spec: dict[str, Any], op: dict[str, Any]) -> None:
    for code, response in list((op.get("responses") or {}).items()):
        response = _deref(spec, response)
        description = str(response.get("description") or "Upstream's answer (not yet repaired by the overlay).")
        opened: dict[str, Any] = {"description": description}
        if str(code).startswith("2") and response.get("content"):
            opened["content"] = _open_content(spec, response["content"])
        op["responses"][code] = opened
    if not op.get("responses"):
        op["responses"] = {"200": {"description": "Upstream declares no response."}}
    body = op.get("requestBody")
    if isinstance(body, dict):
        body = _deref(spec, body)
        content = _open_content(spec, body.get("content") or {}) or {"application/json": {"schema": dict(_OPEN)}}
        op["requestBody"] = {**{k: v for k, v in body.items() if k in ("description", "required")}, "content": content}
    if _dangling(spec, op.get("parameters")):
        op["parameters"] = [p for p in op["parameters"] if not _dangling(spec, p)]


def open_unknown(spec: dict[str, Any], known: set[tuple[str, str]]) -> list[UnknownOperation]:
    """Name every operation without an id, and open every operation not in ``known``; return the latter."""
    taken = {module_name(op["operationId"]) for _, _, op in operations(spec) if op.get("operationId")}
    unknown: list[UnknownOperation] = []
    for path, item in sorted(spec.get("paths", {}).items()):
        for method in (m for m in HTTP_METHODS if isinstance(item.get(m), dict)):
            op = item[method]
            if not op.get("operationId"):
                op["operationId"] = derive_operation_id(method, path, taken)
                taken.add(op["operationId"])
            if (method, path) in known:
                continue
            _open(spec, op)
            tags = op.get("tags") or ["default"]
            unknown.append(UnknownOperation(method, path, module_name(op["operationId"]), str(tags[0])))
    return unknown
