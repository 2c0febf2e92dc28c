"""Operations the overlay does not know: generated, named after method and path, with open models, counted."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from regen_report import generated_modules
from regen_unknown import derive_operation_id, open_unknown

from tests.future_specs import UNREPAIRED, Spec, new_operation_without_id, new_path_parameter
from tests.recordings import PINNED_SPEC
from tests.spec_tools import regen

JSON_OBJECT = {"type": "object", "example": {"id": 1, "note": "text"}}


def with_unknown_operations(spec: Spec) -> Spec:
    """The pinned spec plus two operations a later release might add, without operation ids."""
    new_operation_without_id(spec)
    new_path_parameter(spec)
    return spec


@pytest.mark.pinned_spec
def test_unknown_operations_are_generated_counted_and_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = tmp_path / "future.json"
    spec_file.write_text(json.dumps(with_unknown_operations(json.loads(PINNED_SPEC.read_text()))))
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--output", str(out)]) == 0
    report = capsys.readouterr().out
    assert "generator warnings:        0" in report
    assert "operations generated:      65/65" in report
    assert "2xx responses typed:       65/65" in report
    assert len(generated_modules(out)) == 65
    assert UNREPAIRED in report
    # Open models: whatever the server sends is kept.
    probe = (
        "from anythingllm_api.api.workspaces import get_workspace_foo_bar as m\n"
        "from anythingllm_api.api.workspace_threads import post_workspace_thread_fork as f\n"
        "from anythingllm_api.models.get_workspace_foo_bar_response_200 import GetWorkspaceFooBarResponse200 as R\n"
        "import inspect\n"
        "print(list(inspect.signature(m.sync).parameters), list(inspect.signature(f.sync).parameters))\n"
        "print(R.from_dict({'foo': 1, 'later': [True]}).to_dict())\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "['slug', 'client'] ['slug', 'thread_slug', 'chat_id', 'client']",
        "{'foo': 1, 'later': [True]}",
    ]


def test_an_unknown_operation_is_named_after_its_method_and_path() -> None:
    taken: set[str] = set()
    names = []
    for method, path in [
        ("get", "/v1/workspace/{slug}/foo-bar"),
        ("get", "/v1/workspace/{id}/foo-bar"),
        ("post", "/v1/admin/reindexAll"),
        ("delete", "/v1/documents/{folder}/{name}"),
    ]:
        names.append(derive_operation_id(method, path, taken))
        taken.add(names[-1])
    assert names == [
        "get_workspace_foo_bar",
        "get_workspace_foo_bar_by_id",
        "post_admin_reindex_all",
        "delete_documents",
    ]


def test_an_unknown_operations_name_never_collides() -> None:
    taken = {"get_workspace_foo_bar", "get_workspace_foo_bar_by_slug", "get_workspace_foo_bar_by_slug_2"}
    assert derive_operation_id("get", "/v1/workspace/{slug}/foo-bar", taken) == "get_workspace_foo_bar_by_slug_3"
    assert derive_operation_id("get", "/v1/workspaces", {"get_workspaces"}) == "get_workspaces_2"


def test_unknown_operation_names_do_not_depend_on_document_order() -> None:
    def spec(paths: list[str]) -> Spec:
        return {"paths": {p: {"get": {"responses": {"200": {"description": "OK"}}}} for p in paths}}

    a, b = spec(["/v1/x/{id}", "/v1/x"]), spec(["/v1/x", "/v1/x/{id}"])
    names_a = {u.path: u.operation_id for u in open_unknown(a, set())}
    names_b = {u.path: u.operation_id for u in open_unknown(b, set())}
    assert names_a == names_b == {"/v1/x": "get_x", "/v1/x/{id}": "get_x_by_id"}


def test_an_unknown_operations_json_bodies_become_open_models_of_upstreams_shape() -> None:
    op = {
        "requestBody": {"required": True, "content": {"application/json": {"schema": JSON_OBJECT}}},
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"example": [{"id": 1}]}}},
            "403": {"description": "Forbidden", "content": {"application/json": {"schema": {"$ref": "#/gone"}}}},
        },
    }
    spec = {"paths": {"/v1/things": {"post": copy.deepcopy(op)}}}
    (unknown,) = open_unknown(spec, set())
    assert str(unknown) == "POST /v1/things -> api.default.post_things"
    opened = spec["paths"]["/v1/things"]["post"]
    assert opened["operationId"] == "post_things"
    assert opened["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object", "additionalProperties": True}}},
    }
    assert opened["responses"] == {
        "200": {
            "description": "OK",
            "content": {
                "application/json": {
                    "schema": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
                    "example": [{"id": 1}],
                }
            },
        },
        "403": {"description": "Forbidden"},
    }


def test_a_known_operation_is_left_to_the_overlay() -> None:
    spec = {"paths": {"/v1/a": {"get": {"operationId": "a_get", "responses": {"200": {"description": "OK"}}}}}}
    before = copy.deepcopy(spec)
    assert open_unknown(spec, {("get", "/v1/a")}) == []
    assert spec == before
