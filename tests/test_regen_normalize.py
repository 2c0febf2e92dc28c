"""scripts/regen_normalize.py: each generic repair, on a minimal spec fragment showing the error it repairs."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from regen_normalize import file_type, form_data_parameters, preprocess, stray_object_keys, version_prefix

OK = {"200": {"description": "OK"}}


def _spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": paths, **extra}


def _invalid(spec: dict[str, Any]) -> bool:
    try:
        validate(copy.deepcopy(spec))
    except OpenAPIValidationError:
        return True
    return False


def test_version_prefix_puts_a_stray_path_under_the_prefix_every_other_path_has() -> None:
    # v1.0.0 to v1.2.3 list update-pin without /v1; the server serves it at /v1/workspace/:slug/update-pin.
    spec = _spec(
        {
            "/v1/workspaces": {"get": {"responses": OK}},
            "/v1/workspace/{slug}": {"get": {"responses": OK}},
            "/workspace/{slug}/update-pin": {"post": {"responses": OK}},
        }
    )
    notes = version_prefix(spec)
    assert list(spec["paths"]) == ["/v1/workspaces", "/v1/workspace/{slug}", "/v1/workspace/{slug}/update-pin"]
    assert notes == [
        "path /workspace/{slug}/update-pin lacks the /v1 prefix every other path has: "
        "read as /v1/workspace/{slug}/update-pin"
    ]


@pytest.mark.parametrize(
    "paths",
    [
        ["/v1/a", "/v1/b", "/v2/c"],  # another version is not a stray path
        ["/v1/a", "/b", "/c"],  # no majority: nothing to go by
        ["/v1/a", "/v1/b", "/a"],  # /v1/a exists: moving /a would replace it
    ],
)
def test_version_prefix_leaves_paths_alone_without_a_clear_stray(paths: list[str]) -> None:
    spec = _spec({p: {"get": {"responses": OK}} for p in paths})
    assert version_prefix(spec) == []
    assert list(spec["paths"]) == paths


def test_stray_object_keys_drops_what_request_bodies_and_responses_do_not_allow() -> None:
    # v1.0.0 to v1.2.1: every request body says `type: object` beside its content.
    body = {"description": "d", "required": True, "type": "object", "content": {"application/json": {}}}
    response = {"description": "OK", "schema": {"type": "object"}, "x-keep": 1}
    spec = _spec({"/v1/a": {"post": {"requestBody": body, "responses": {"200": response}}}})
    assert _invalid(spec)
    notes = stray_object_keys(spec)
    op = spec["paths"]["/v1/a"]["post"]
    assert op["requestBody"] == {"description": "d", "required": True, "content": {"application/json": {}}}
    assert op["responses"]["200"] == {"description": "OK", "x-keep": 1}
    assert notes == [
        "dropped 'schema' from response objects (1x; not allowed there)",
        "dropped 'type' from request body objects (1x; not allowed there)",
    ]
    assert not _invalid(spec)


def test_form_data_parameters_become_a_multipart_body() -> None:
    # v1.16.0 declares /v1/openai/images/generations with Swagger 2 formData parameters.
    params = [
        {"name": "prompt", "in": "formData", "required": True, "schema": {"type": "string"}},
        {"name": "image", "in": "formData", "required": False, "schema": {"type": "file"}},
        {
            "name": "format",
            "in": "formData",
            "default": "b64_json",
            "enum": ["b64_json", "blob"],
            "schema": {"type": "string"},
        },
        {"name": "debug", "in": "query", "schema": {"type": "boolean"}},
    ]
    spec = _spec({"/v1/images": {"post": {"parameters": params, "responses": OK}}})
    assert _invalid(spec)
    notes = form_data_parameters(spec)
    op = spec["paths"]["/v1/images"]["post"]
    assert op["parameters"] == [{"name": "debug", "in": "query", "schema": {"type": "boolean"}}]
    assert op["requestBody"] == {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["prompt"],
                    "properties": {
                        "prompt": {"type": "string"},
                        "image": {"type": "string", "format": "binary"},
                        "format": {"type": "string", "enum": ["b64_json", "blob"], "default": "b64_json"},
                    },
                }
            }
        },
    }
    assert notes == ["POST /v1/images: formData parameters (prompt, image, format) read as a multipart/form-data body"]
    assert not _invalid(spec)


def test_file_type_becomes_a_binary_string_but_examples_are_left_alone() -> None:
    schema = {"type": "object", "properties": {"file": {"type": "file"}}, "example": {"type": "file"}}
    spec = _spec(
        {"/v1/up": {"post": {"requestBody": {"content": {"multipart/form-data": {"schema": schema}}}, "responses": OK}}}
    )
    assert _invalid(spec)
    assert file_type(spec) == ["schema type 'file' read as a binary string (1x)"]
    assert schema["properties"] == {"file": {"type": "string", "format": "binary"}}
    assert schema["example"] == {"type": "file"}  # document listings say "type": "file": that is data
    assert not _invalid(spec)


def test_preprocess_leaves_a_valid_spec_unchanged() -> None:
    spec = _spec(
        {"/v1/a": {"get": {"responses": OK}}, "/v1/b": {"post": {"requestBody": {"content": {}}, "responses": OK}}}
    )
    before = copy.deepcopy(spec)
    assert preprocess(spec) == []
    assert spec == before
