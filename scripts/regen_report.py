"""Coverage of a normalized spec and of the client generated from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
JSON_TYPES = ("application/json",)


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every (method, path, operation) of the spec, in document order."""
    return [
        (method, path, op)
        for path, item in spec.get("paths", {}).items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]


def resolve(spec: dict[str, Any], schema: Any) -> Any:
    """Follow local ``$ref``s until a schema object is reached."""
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 32:
        node: Any = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema, seen = node, seen + 1
    return schema


def is_typed_schema(spec: dict[str, Any], schema: Any) -> bool:
    """A schema says what the data is: a type with its structure, not just an example."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return False
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            return all(is_typed_schema(spec, s) for s in schema[key])
    kind = schema.get("type")
    if kind == "object":
        return "properties" in schema or "additionalProperties" in schema
    if kind == "array":
        return is_typed_schema(spec, schema.get("items"))
    return kind in ("string", "integer", "number", "boolean")


def is_typed_content(spec: dict[str, Any], content: dict[str, Any]) -> bool:
    """JSON content needs a real schema; any other declared media type counts as typed."""
    if not content:
        return False
    for media_type, media in content.items():
        if media_type in JSON_TYPES and not is_typed_schema(spec, media.get("schema")):
            return False
    return True


@dataclass
class Coverage:
    """The numbers the regen report prints."""

    operations: int = 0
    generated: int = 0
    bodies: int = 0
    bodies_typed: int = 0
    responses_typed: int = 0
    missing: list[str] = field(default_factory=list)
    unrepaired: list[str] = field(default_factory=list)
    """Operations generated from upstream as is (open models): the overlay does not know them yet."""
    extra_modules: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report, one line per figure."""
        out = [
            f"operations in spec:        {self.operations}",
            f"operations generated:      {self.generated}/{self.operations}",
            f"request bodies typed:      {self.bodies_typed}/{self.bodies}",
            f"2xx responses typed:       {self.responses_typed}/{self.operations}",
        ]
        out += [f"  not covered: {item}" for item in self.missing]
        out += [f"  module without an operation: {item}" for item in self.extra_modules]
        if self.unrepaired:
            out.append(f"not yet repaired by the overlay: {len(self.unrepaired)}")
            out += [f"  {item}" for item in self.unrepaired]
        return out

    @property
    def complete(self) -> bool:
        """Everything generated and typed."""
        return (
            self.generated == self.operations
            and self.bodies_typed == self.bodies
            and self.responses_typed == self.operations
            and not self.extra_modules
        )


def generated_modules(package: Path) -> set[str]:
    """The endpoint modules of a generated package, as ``tag_folder/module``."""
    return {f"{p.parent.name}/{p.stem}" for p in (package / "api").glob("*/*.py") if p.stem != "__init__"}


def module_of(method: str, path: str, op: dict[str, Any]) -> str:
    """``tag_folder/module`` of the endpoint module openapi-python-client writes for an operation."""
    from openapi_python_client.parser.openapi import generate_operation_id
    from openapi_python_client.schema.untrusted_string import UntrustedString
    from openapi_python_client.strings import PythonIdentifier

    tag = PythonIdentifier((op.get("tags") or ["default"])[0], prefix="tag")
    if op.get("operationId"):
        name = PythonIdentifier(op["operationId"], prefix="field_")
    else:
        name = generate_operation_id(path=UntrustedString(path), method=method, prefix="field_")
    return f"{tag}/{name}"


def measure(spec: dict[str, Any], package: Path, unrepaired: Sequence[object] = ()) -> Coverage:
    """Count what the spec declares and what the generator produced for it."""
    cov = Coverage(unrepaired=[str(item) for item in unrepaired])
    modules = generated_modules(package)
    expected: set[str] = set()
    for method, path, op in operations(spec):
        module = module_of(method, path, op)
        expected.add(module)
        name = f"{method.upper()} {path} ({module})"
        cov.operations += 1
        if module in modules:
            cov.generated += 1
        else:
            cov.missing.append(f"{name}: no endpoint module generated")
        body = op.get("requestBody")
        if body is not None:
            cov.bodies += 1
            if is_typed_content(spec, resolve(spec, body).get("content", {})):
                cov.bodies_typed += 1
            else:
                cov.missing.append(f"{name}: request body has no schema")
        ok = [resolve(spec, r) for code, r in op.get("responses", {}).items() if str(code).startswith("2")]
        if ok and all(is_typed_content(spec, r.get("content", {})) for r in ok):
            cov.responses_typed += 1
        else:
            cov.missing.append(f"{name}: 2xx response has no schema or content type")
    cov.extra_modules = sorted(modules - expected)
    return cov
