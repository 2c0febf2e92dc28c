"""Nothing upstream is lost silently: simulated future releases, built from the pinned spec, are reported.

Each change below is one an upstream release could make. Regen must name it (an upstream finding),
``--strict`` must fail on it with the finding listed, and the spec must still generate every operation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from regen_report import generated_modules

from tests.recordings import PINNED_SPEC, ROOT
from tests.spec_tools import regen

Spec = dict[str, Any]
OVERLAY = (ROOT / "spec" / "overlay.yaml").read_text()


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


def _pinned() -> Spec:
    spec: Spec = json.loads(PINNED_SPEC.read_text())
    return spec


def _count(spec: Spec) -> int:
    return sum(1 for item in spec["paths"].values() for method in item if method in ("get", "post", "delete"))


@pytest.mark.pinned_spec
def test_the_pinned_spec_has_no_unacknowledged_finding() -> None:
    review = regen.normalize(_pinned(), OVERLAY, strict=True).review
    assert review.findings == []
    assert review.stale == []
    assert len(review.acknowledged) > 100  # the XML and {message} 403 bodies of every operation, and more


@pytest.mark.pinned_spec
@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_each_simulated_upstream_change_is_reported_and_fails_strict(
    change: Callable[[Spec], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _pinned()
    change(spec)
    spec_file = tmp_path / "future.json"
    spec_file.write_text(json.dumps(spec))
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--strict", "--output", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.removeprefix("finding: ").split(": ")[0] for line in err[:-1]] == CHANGES[change]
    assert err[-1].startswith("regen: error: 1 upstream finding(s) the overlay does not cover")
    assert not out.exists()


@pytest.mark.pinned_spec
def test_a_future_release_with_every_change_still_generates_every_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _pinned()
    for change in CHANGES:
        change(spec)
    spec_file = tmp_path / "future.json"
    spec_file.write_text(json.dumps(spec))
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--output", str(out)]) == 0
    report = capsys.readouterr().out
    count = _count(spec)
    assert count == 65
    assert f"operations generated:      {count}/{count}" in report
    assert f"2xx responses typed:       {count}/{count}" in report
    assert "generator warnings:        0" in report
    assert len(generated_modules(out)) == count
    expected = [subject for subjects in CHANGES.values() for subject in subjects]
    listed = [
        line.removeprefix("finding: ").split(": ")[0] for line in report.splitlines() if line.startswith("finding: ")
    ]
    assert sorted(listed) == sorted(expected)
    assert f"upstream findings:         {len(expected)} (" in report
    assert (
        "not yet repaired by the overlay: 2\n"
        "  GET /v1/workspace/{slug}/foo-bar -> api.workspaces.get_workspace_foo_bar\n"
        "  POST /v1/workspace/{slug}/thread/{threadSlug}/fork/{chatId}"
        " -> api.workspace_threads.post_workspace_thread_fork\n"
    ) in report
