"""Simulated future upstream releases: changes a release could make to the pinned spec, and what regen must report.

Each change edits a copy of the pinned spec in place; :data:`CHANGES` maps it to the subjects of
the upstream findings it must cause.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Spec = dict[str, Any]


def _ok(example: Any) -> dict[str, Any]:
    return {
        "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"type": "object", "example": example}}},
        }
    }


def _op(spec: Spec, method: str, path: str) -> dict[str, Any]:
    op: dict[str, Any] = spec["paths"][path][method]
    return op


def new_operation_without_id(spec: Spec) -> None:
    spec["paths"]["/v1/workspace/{slug}/foo-bar"] = {
        "get": {
            "tags": ["Workspaces"],
            "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {**_ok({"foo": 1, "bar": ["x"]}), "403": {"$ref": "#/components/responses/Gone"}},
        }
    }


def new_path_parameter(spec: Spec) -> None:
    path = "/v1/workspace/{slug}/thread/{threadSlug}/fork/{chatId}"
    params = [
        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
        for n in ("slug", "threadSlug", "chatId")
    ]
    spec["paths"][path] = {
        "post": {"tags": ["Workspace Threads"], "parameters": params, "responses": _ok({"thread": {}})}
    }


def new_request_field(spec: Spec) -> None:
    _op(spec, "post", "/v1/workspace/new")["requestBody"]["content"]["application/json"]["example"][
        "vectorSearchDepth"
    ] = 3


def new_response_field_in_schema(spec: Spec) -> None:
    schema = _op(spec, "get", "/v1/auth")["responses"]["200"]["content"]["application/json"]["schema"]
    schema["properties"] = {"authenticated": {"type": "boolean"}, "plan": {"type": "string"}}


def new_response_field_in_example(spec: Spec) -> None:
    example = _op(spec, "get", "/v1/workspaces")["responses"]["200"]["content"]["application/json"]["schema"]["example"]
    example["workspaces"][0]["color"] = "red"


def new_enum_value(spec: Spec) -> None:
    example = _op(spec, "post", "/v1/workspace/{slug}/chat")["requestBody"]["content"]["application/json"]["example"]
    example["mode"] = "automatic | query | chat | agent"


def new_query_parameter(spec: Spec) -> None:
    _op(spec, "get", "/v1/workspaces")["parameters"].append(
        {"name": "page", "in": "query", "schema": {"type": "integer"}}
    )


def new_tag(spec: Spec) -> None:
    _op(spec, "get", "/v1/system/vector-count")["tags"] = ["Vector Database"]


def changed_response_code(spec: Spec) -> None:
    responses = _op(spec, "get", "/v1/admin/is-multi-user-mode")["responses"]
    responses["201"] = responses.pop("200")


CHANGES: dict[Callable[[Spec], None], list[str]] = {
    new_operation_without_id: ["GET /v1/workspace/{slug}/foo-bar"],
    new_path_parameter: ["POST /v1/workspace/{slug}/thread/{threadSlug}/fork/{chatId}"],
    new_request_field: ["POST /v1/workspace/new request vectorSearchDepth"],
    new_response_field_in_schema: ["GET /v1/auth response 200 plan"],
    new_response_field_in_example: ["GET /v1/workspaces response 200 workspaces[].color"],
    new_enum_value: ["POST /v1/workspace/{slug}/chat request mode enum 'agent'"],
    new_query_parameter: ["GET /v1/workspaces parameter query:page"],
    new_tag: ["tag Vector Database"],
    changed_response_code: ["GET /v1/admin/is-multi-user-mode response 201"],
}

UNREPAIRED = (
    "not yet repaired by the overlay: 2\n"
    "  GET /v1/workspace/{slug}/foo-bar -> api.workspaces.get_workspace_foo_bar\n"
    "  POST /v1/workspace/{slug}/thread/{threadSlug}/fork/{chatId}"
    " -> api.workspace_threads.post_workspace_thread_fork\n"
)
"""How the report lists the two operations the overlay does not know (new_operation_without_id, new_path_parameter)."""
