"""The shortcuts taken on hot paths give exactly what the plain code they replace gives.

Stream events are decoded by json's C scanner directly (``streaming._decode_json``), not through
``json.loads``: every input must decode to the same value, or be refused with a ``ValueError``
(``json.JSONDecodeError``) as ``json.loads`` refuses it.
"""

from __future__ import annotations

import json

import pytest

from anythingllm.streaming import _decode_json

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
