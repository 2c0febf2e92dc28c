"""The generated layer never raises on an error answer (spec/templates/endpoint_macros.py.jinja).

Recorded error answers are checked in tests/test_conformance_errors.py. Here every operation gets, for
every error status it declares (and one it does not), bodies the server may send instead of the
declared one: an HTML page, a plain-text status name, JSON of another shape, an empty body.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import upstream
from tests.recordings import ROOT
from tests.spec_tools import endpoint_module, normalized_spec

TEMPLATE = ROOT / "spec" / "templates" / "endpoint_macros.py.jinja"


def _operations() -> list[dict[str, Any]]:
    return [op for item in normalized_spec()["paths"].values() for op in item.values() if isinstance(op, dict)]


def _error_statuses(op: dict[str, Any]) -> list[int]:
    declared = [int(code) for code in op["responses"] if code.isdigit() and not code.startswith("2")]
    return [*declared, 418]  # 418: a status no operation declares


BODIES = {
    "html": ("text/html; charset=utf-8", b"<!DOCTYPE html><html><body><pre>Bad Request</pre></body></html>"),
    "text": ("text/plain; charset=utf-8", b"Internal Server Error"),
    "other-json": ("application/json; charset=utf-8", b'{"unexpected": ["shape"]}'),
    "json-list": ("application/json", b"[1, 2]"),
    "empty": ("", b""),
}


def _cases() -> list[Any]:
    return [
        pytest.param(op, status, id=f"{op['operationId']}-{status}")
        for op in _operations()
        for status in _error_statuses(op)
    ]


CASES = upstream.pinned_cases(_cases, arity=2)


@pytest.mark.pinned_spec
@pytest.mark.parametrize(("op", "status"), CASES)
@pytest.mark.parametrize("kind", list(BODIES))
def test_an_error_answer_never_makes_the_generated_layer_raise(op: dict[str, Any], status: int, kind: str) -> None:
    from anythingllm_api import Client

    media, body = BODIES[kind]
    headers = {"content-type": media} if media else {}
    request = httpx.Request("GET", "http://test/api/v1/x")
    answer = httpx.Response(status, headers=headers, content=body, request=request)
    response = endpoint_module(op)._build_response(client=Client(base_url="http://test"), response=answer)
    assert response.status_code == status
    assert response.content == body
    parsed = response.parsed
    if parsed is not None and not isinstance(parsed, str):  # a model that holds any object (all optional)
        assert kind == "other-json" and parsed.to_dict() == {"unexpected": ["shape"]}


def test_the_template_is_the_generators_own_except_parse_response() -> None:
    """Upgrading openapi-python-client must show here: re-copy its file and re-apply the one change."""
    generator = Path(importlib.import_module("openapi_python_client").__file__ or "").parent
    upstream = (generator / "templates" / TEMPLATE.name).read_text()
    ours = TEMPLATE.read_text()
    head, macro, tail = upstream.partition("{% macro parse_response(")
    assert macro and tail.rstrip().endswith("{% endmacro %}") and tail.count("{% macro ") == 0
    assert ours.startswith(head)  # everything before the changed macro is the generator's, unchanged
    assert "{% macro parse_response(" in ours[len(head) :]
