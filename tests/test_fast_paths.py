"""The shortcuts taken on hot paths give exactly what the plain code they replace gives.

Stream events and documents' metadata are decoded by json's C scanner directly (``_json.loads``), not
through ``json.loads``: every input must decode to the same value, or be refused with a ``ValueError``
(``json.JSONDecodeError``) as ``json.loads`` refuses it. The records that replaced frozen dataclasses
compare, print and refuse assignment as those did.
"""

from __future__ import annotations

import json

import pytest

from anythingllm._json import loads as _decode_json

ACCEPTED = [
    '{"type":"textResponseChunk","textResponse":"hi","uuid":"u-1","sources":[],"close":false,"error":false}',
    ' {"a": 1}',
    '{"a": 1}  ',
    '\t{"a": [1, 2.5, null, true, "é"]}\r\n',
    '"just a string"',
    "[1, 2]",
    "42",
    '{"nested": {"deep": {"x": "\\u00e9\\n"}}}',
]
REFUSED = ["", "   ", "{", '{"a": 1} trailing', '{"a": 1}{"b": 2}', "not json", "{'single': 1}", "NaNx"]


@pytest.mark.parametrize("text", ACCEPTED)
def test_decodes_what_json_loads_decodes(text: str) -> None:
    assert _decode_json(text) == json.loads(text)


@pytest.mark.parametrize("text", REFUSED)
def test_refuses_what_json_loads_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        _decode_json(text)


def test_records_behave_like_the_frozen_dataclasses_they_replace() -> None:
    import httpx

    from anythingllm._options import RequestOptions
    from anythingllm._plan import Call, RawCall, SessionCall
    from anythingllm._retry import RetryEvent, RetryPolicy

    options = RequestOptions()
    assert options == RequestOptions(httpx.Timeout(60.0, connect=10.0), 2, 60.0)
    assert repr(options) == (
        "RequestOptions(timeout=Timeout(connect=10.0, read=60.0, write=60.0, pool=60.0), max_retries=2, "
        "stream_idle_timeout=60.0)"
    )
    with pytest.raises(AttributeError, match="immutable"):
        options.max_retries = 5  # type: ignore[misc]
    with pytest.raises(ValueError, match="max_retries"):
        options.replace(max_retries=-1)  # the copy is checked like a new one
    assert options.replace(max_retries=0) == RequestOptions(max_retries=0) != options

    # Fields left out of repr and comparisons: the retry policy's injectables.
    assert RetryPolicy(random=lambda: 0.0) == RetryPolicy() and "random" not in repr(RetryPolicy())
    assert RetryPolicy().with_max_retries(5).max_retries == 5
    event = RetryEvent("GET", "http://h/api/v1/auth", 1, 0.5, status=503)
    assert (event.status, event.error) == (503, None) and event == RetryEvent(
        "GET", "http://h/api/v1/auth", 1, 0.5, 503
    )

    call = Call("workspaces.workspace_list")
    assert (call.kwargs, call.context, call.expect_json, call.stream) == ({}, {}, True, None)
    assert call == Call("workspaces.workspace_list", {}) and call != Call("workspaces.workspace_get")
    assert RawCall("GET", "/v1/auth").expect_json is False and SessionCall("GET", "/system").expect_json is True
    assert SessionCall("GET", "/system", expect_json=False).expect_json is False
    assert repr(SessionCall("GET", "/system")).startswith("SessionCall(method='GET', path='/system', params=None")
