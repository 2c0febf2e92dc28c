"""Every 2xx response the real server gave, checked against the normalized spec and the generated models.

For each recorded 2xx answer this test finds the operation, then:
* JSON bodies: validate against the declared schema, with every object that the schema does not declare
  open made closed (so an undeclared key fails), and parse with the generated ``_parse_response``; the
  model's ``to_dict()`` must give back the recorded JSON exactly (nothing dropped, nothing changed);
* other bodies (event streams, plain text, exports, files): the media type must be declared for that status.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator

from tests import recordings
from tests.spec_tools import closed, endpoint_module, find_operation, resolve

pytestmark = pytest.mark.pinned_spec

JSON_TYPES = {"application/json"}
# The thread stream-chat bug: HTTP 200 with no Content-Type and one abort event (API-NOTES §1).
UNTYPED_STREAM = "thread_stream_chat"


def _ok_interactions() -> list[recordings.Interaction]:
    return [i for i in recordings.all_interactions() if 200 <= i.status < 300]


def _declared(op: dict[str, Any], status: int) -> dict[str, Any]:
    response = resolve(op["responses"].get(str(status)) or {})
    return response.get("content", {})


def _check(interaction: recordings.Interaction) -> str:
    found = find_operation(interaction.method, interaction.path)
    if found is None:
        return "session"
    _, op = found
    content = _declared(op, interaction.status)
    assert content, f"{op['operationId']}: status {interaction.status} is not declared"
    media = interaction.content_type
    if media in JSON_TYPES:
        assert media in content, f"{op['operationId']}: {media} not declared for {interaction.status}"
        body = interaction.json()
        schema = closed(content[media]["schema"])
        errors = sorted(OAS30Validator(schema).iter_errors(body), key=lambda e: list(e.absolute_path))
        assert not errors, f"{interaction.cassette}#{interaction.index} {op['operationId']}: " + "; ".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:5]
        )
        module = endpoint_module(op)
        from anythingllm_api import Client

        parsed = module._parse_response(client=Client(base_url="http://test"), response=interaction.to_httpx())
        as_dict = parsed.to_dict() if hasattr(parsed, "to_dict") else parsed
        if isinstance(parsed, str):  # JSON read as text (chat exports): the text must be the JSON
            as_dict = json.loads(parsed)
        if isinstance(parsed, list):
            as_dict = [p.to_dict() if hasattr(p, "to_dict") else p for p in parsed]
        assert as_dict == body, f"{interaction.cassette}#{interaction.index} {op['operationId']}: lossy parse"
        return "json"
    if media == "" and op["operationId"] == UNTYPED_STREAM:
        assert "text/event-stream" in content
        return "other"
    declared = set(content)
    assert media in declared or "application/octet-stream" in declared, (
        f"{op['operationId']}: {media!r} not declared for {interaction.status} (declared {sorted(declared)})"
    )
    return "other"


@pytest.mark.parametrize("interaction", _ok_interactions(), ids=lambda i: f"{i.cassette[:-5]}-{i.index}")
def test_recorded_2xx_response_conforms(interaction: recordings.Interaction) -> None:
    _check(interaction)


def test_every_recorded_2xx_response_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    """The count of checked responses covers every recorded 2xx answer of the developer API."""
    kinds = Counter(_check(i) for i in _ok_interactions())
    v1_total = sum(1 for i in _ok_interactions() if "/api/v1/" in i.path)
    with capsys.disabled():
        print(
            f"\nconformance: {kinds['json']} JSON and {kinds['other']} non-JSON 2xx responses checked "
            f"({kinds['session']} session-API answers are outside the developer spec)"
        )
    json_total = sum(1 for i in _ok_interactions() if "/api/v1/" in i.path and i.content_type in JSON_TYPES)
    assert kinds["json"] == json_total
    assert kinds["json"] + kinds["other"] == v1_total
