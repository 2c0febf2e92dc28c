"""The normalized spec (pinned upstream spec + our overlay) and helpers to look operations up in it."""

from __future__ import annotations

import copy
import functools
import importlib
import json
import re
import sys
from typing import Any

from tests.recordings import PINNED_SPEC, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import regen

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@functools.cache
def normalized_spec() -> dict[str, Any]:
    """The pinned spec with spec/overlay.yaml applied, strictly, and validated."""
    raw = json.loads(PINNED_SPEC.read_text())
    return regen.normalize(raw, (ROOT / "spec" / "overlay.yaml").read_text(), strict=True).spec


@functools.cache
def _routes() -> list[tuple[str, re.Pattern[str], str, dict[str, Any]]]:
    spec = normalized_spec()
    base = spec.get("servers", [{"url": "/api"}])[0]["url"].rstrip("/")
    routes = []
    for path, item in spec["paths"].items():
        rx = re.compile("^" + base + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method in HTTP_METHODS:
            if method in item:
                routes.append((method.upper(), rx, path, item[method]))
    # Literal segments win over parameters: /v1/document/accepted-file-types before /v1/document/{docName}.
    routes.sort(key=lambda r: r[2].count("{"))
    return routes


def find_operation(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The (path template, operation) that serves a recorded request, or None (session API)."""
    for m, rx, template, op in _routes():
        if m == method and rx.match(path):
            return template, op
    return None


def endpoint_module(op: dict[str, Any]) -> Any:
    """The generated module of an operation."""
    return importlib.import_module(f"anythingllm_api.api.{op['tags'][0]}.{op['operationId']}")


def resolve(node: Any, spec: dict[str, Any] | None = None) -> Any:
    """Inline every local $ref (our schemas are not recursive)."""
    spec = spec or normalized_spec()
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return resolve(target, spec)
        return {k: resolve(v, spec) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, spec) for v in node]
    return node


def closed(schema: Any) -> Any:
    """A copy of a resolved schema where every object not declared open rejects undeclared keys.

    ``allOf`` branches are merged first, so that a key declared by one branch is not rejected by another.
    """
    if isinstance(schema, list):
        return [closed(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    schema = copy.deepcopy(schema)
    if "allOf" in schema:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            part = closed_merge_source(part)
            merged.setdefault("properties", {}).update(part.get("properties", {}))
            merged["required"] = sorted(set(merged.get("required", [])) | set(part.get("required", [])))
            for key, value in part.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        if not merged.get("required"):
            merged.pop("required", None)
        schema = merged
    out = {k: closed(v) if k in ("items", "oneOf", "anyOf") else v for k, v in schema.items()}
    if "properties" in out:
        out["properties"] = {k: closed(v) for k, v in out["properties"].items()}
    if isinstance(out.get("additionalProperties"), dict):
        out["additionalProperties"] = closed(out["additionalProperties"])
    is_object = out.get("type") == "object" or "properties" in out
    if is_object and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


def closed_merge_source(part: Any) -> Any:
    """A branch of allOf, itself merged if it has an allOf."""
    return closed(part) if isinstance(part, dict) and "allOf" in part else part


def explicitly_open(schema: Any) -> bool:
    """Whether a resolved schema says that undeclared keys are expected."""
    return isinstance(schema, dict) and schema.get("additionalProperties") not in (None, False)
