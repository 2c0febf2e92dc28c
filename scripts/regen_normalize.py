"""Generic repairs of structural errors in upstream specs, applied before the overlay.

In the manner of kubernetes-client's ``preprocess_spec.py``: each rule repairs one *kind* of error
wherever it appears, so that every release's spec, old or new, becomes valid OpenAPI 3.0 without a
per-release overlay. Each rule changes the spec in place and returns one note per repair.

* :func:`version_prefix`: a path that lacks the version segment every other path starts with
  (``/workspace/{slug}/update-pin`` among ``/v1/...`` paths; the server serves it under ``/v1``).
* :func:`stray_object_keys`: keys that a Request Body or Response object does not allow
  (``type: object`` on request bodies, a Swagger 2 habit).
* :func:`file_type`: the Swagger 2 schema ``type: file``, which is ``type: string, format: binary``.
* :func:`form_data_parameters`: Swagger 2 ``in: formData`` parameters, which are the properties of a
  ``multipart/form-data`` request body (with their ``enum``/``default`` moved into the schema).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from regen_report import HTTP_METHODS

Spec = dict[str, Any]
Rule = Callable[[Spec], list[str]]

_VERSION = re.compile(r"v\d+")
_REQUEST_BODY_KEYS = {"description", "content", "required"}
_RESPONSE_KEYS = {"description", "headers", "content", "links"}
_SCHEMA_KEYWORDS_ON_PARAMETER = ("type", "format", "enum", "default", "items", "minimum", "maximum", "pattern")


def _operations(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in (spec.get("paths") or {}).items():
        if isinstance(item, dict):
            for method, op in item.items():
                if method in HTTP_METHODS and isinstance(op, dict):
                    yield method, path, op


def _first_segment(path: str) -> str:
    return path.lstrip("/").split("/", 1)[0]


def version_prefix(spec: Spec) -> list[str]:
    """Give a path the version segment (``/v1``) that all the other paths start with."""
    paths = spec.get("paths") or {}
    counts = Counter(_first_segment(p) for p in paths)
    versions = [seg for seg, _ in counts.most_common() if _VERSION.fullmatch(seg)]
    if not versions or counts[versions[0]] <= len(paths) / 2:
        return []
    prefix = f"/{versions[0]}"
    notes = []
    for path in list(paths):
        if _VERSION.fullmatch(_first_segment(path)) or f"{prefix}{path}" in paths:
            continue
        paths[f"{prefix}{path}"] = paths.pop(path)
        notes.append(f"path {path} lacks the {prefix} prefix every other path has: read as {prefix}{path}")
    return notes


def _strip(obj: Any, allowed: set[str]) -> list[str]:
    if not isinstance(obj, dict) or "$ref" in obj:
        return []
    stray = [key for key in obj if key not in allowed and not key.startswith("x-")]
    for key in stray:
        del obj[key]
    return stray


def stray_object_keys(spec: Spec) -> list[str]:
    """Drop keys that OpenAPI 3.0 does not allow in Request Body and Response objects."""
    dropped: Counter[str] = Counter()
    bodies = [op.get("requestBody") for _, _, op in _operations(spec)]
    bodies += list((spec.get("components") or {}).get("requestBodies", {}).values())
    responses = [r for _, _, op in _operations(spec) for r in (op.get("responses") or {}).values()]
    responses += list((spec.get("components") or {}).get("responses", {}).values())
    for what, objects, allowed in (
        ("request body", bodies, _REQUEST_BODY_KEYS),
        ("response", responses, _RESPONSE_KEYS),
    ):
        for obj in objects:
            for key in _strip(obj, allowed):
                dropped[f"'{key}' from {what}"] += 1
    return [f"dropped {where} objects ({n}x; not allowed there)" for where, n in sorted(dropped.items())]


_DATA_KEYS = {"example", "examples", "default", "enum"}  # their values are data, not spec objects


def _schemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every spec object below ``node`` (schemas included, examples not), depth first."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in _DATA_KEYS:
                yield from _schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value)


def file_type(spec: Spec) -> list[str]:
    """Read the Swagger 2 schema ``type: file`` as a binary string."""
    count = 0
    for node in _schemas([spec.get("paths"), spec.get("components")]):
        if node.get("type") == "file" and "in" not in node:  # a schema, not a (Swagger 2) parameter
            node["type"], node["format"] = "string", "binary"
            count += 1
    return [f"schema type 'file' read as a binary string ({count}x)"] if count else []


def form_data_parameters(spec: Spec) -> list[str]:
    """Turn Swagger 2 ``in: formData`` parameters into the properties of a multipart request body."""
    notes = []
    for method, path, op in _operations(spec):
        params = op.get("parameters") or []
        form = [p for p in params if isinstance(p, dict) and p.get("in") == "formData"]
        if not form:
            continue
        op["parameters"] = [p for p in params if p not in form]
        body = op.setdefault("requestBody", {})
        media = body.setdefault("content", {}).setdefault("multipart/form-data", {})
        schema = media.setdefault("schema", {"type": "object"})
        properties = schema.setdefault("properties", {})
        required = set(schema.get("required", []))
        for param in form:
            prop = dict(param.get("schema") or {})
            for key in (*_SCHEMA_KEYWORDS_ON_PARAMETER, "description"):
                if key in param and key not in prop:
                    prop[key] = param[key]
            if prop.get("type") == "file":
                prop["type"], prop["format"] = "string", "binary"
            properties[param["name"]] = prop
            if param.get("required"):
                required.add(param["name"])
        if required:
            schema["required"] = sorted(required)
        if any(p.get("required") for p in form):
            body["required"] = True
        names = ", ".join(p["name"] for p in form)
        notes.append(f"{method.upper()} {path}: formData parameters ({names}) read as a multipart/form-data body")
    return notes


RULES: tuple[Rule, ...] = (version_prefix, stray_object_keys, form_data_parameters, file_type)


def preprocess(spec: Spec) -> list[str]:
    """Apply every rule to ``spec`` in place; return the notes of what was repaired."""
    return [note for rule in RULES for note in rule(spec)]
