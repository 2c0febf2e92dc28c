"""Every non-2xx answer the real server gave, checked against the normalized spec and the generated layer.

The counterpart of tests/test_conformance.py for error answers. For each recorded non-2xx answer of the
developer API:
* its status is declared for the operation, and a body's media type is declared for that status; a JSON
  body validates against the declared schema with every object closed (an undeclared key fails);
* the generated ``_build_response`` (what ``sync_detailed`` and ``asyncio_detailed`` return) never raises:
  ``parsed`` is the declared model, giving back the recorded JSON exactly, or ``None`` with the raw bytes
  in ``content`` (a body in another of the declared media types, or an empty one).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS30Validator

from tests import recordings, upstream
from tests.spec_tools import closed, endpoint_module, find_operation, resolve

pytestmark = pytest.mark.pinned_spec


def _error_interactions() -> list[recordings.Interaction]:
    return [
        i
        for i in recordings.all_interactions()
        if not 200 <= i.status < 300 and find_operation(i.method, i.path) is not None
    ]


def _operation(interaction: recordings.Interaction) -> dict[str, Any]:
    found = find_operation(interaction.method, interaction.path)
    assert found is not None
    return found[1]


def _declared(op: dict[str, Any], status: int) -> dict[str, Any]:
    response = op["responses"].get(str(status))
    assert response is not None, f"{op['operationId']}: status {status} is not declared"
    content: dict[str, Any] = resolve(response).get("content", {})
    return content


def _where(interaction: recordings.Interaction, op: dict[str, Any]) -> str:
    return f"{interaction.cassette}#{interaction.index} {op['operationId']} {interaction.status}"


def _generated_client() -> Any:
    from anythingllm_api import Client

    return Client(base_url="http://test")


def _check_declared(interaction: recordings.Interaction) -> None:
    op = _operation(interaction)
    content = _declared(op, interaction.status)
    if not interaction.body.strip():
        return  # an empty body needs no media type (the generated layer gives parsed=None)
    media = interaction.content_type
    assert media in content, f"{_where(interaction, op)}: {media!r} is not declared (declared {sorted(content)})"
    if media == "application/json":
        schema = closed(content[media]["schema"])
        errors = list(OAS30Validator(schema).iter_errors(interaction.json()))
        assert not errors, f"{_where(interaction, op)}: " + "; ".join(e.message[:200] for e in errors[:3])


def _check_parsed(interaction: recordings.Interaction) -> str:
    """Parse the answer with the generated layer; ``"model"``, ``"text"`` or ``"none"``."""
    op = _operation(interaction)
    response = endpoint_module(op)._build_response(client=_generated_client(), response=interaction.to_httpx())
    assert response.status_code == interaction.status
    assert response.content == interaction.body
    parsed = response.parsed
    if parsed is None:
        content = _declared(op, interaction.status)
        first = next(iter(content), None)
        # None only for what the declared (first) media type cannot hold: another type, or no body.
        assert not interaction.body.strip() or interaction.content_type != first, (
            f"{_where(interaction, op)}: a {first} body came back unparsed"
        )
        return "none"
    if isinstance(parsed, str):
        assert parsed == interaction.body.decode(), f"{_where(interaction, op)}: text changed"
        return "text"
    assert parsed.to_dict() == interaction.json(), f"{_where(interaction, op)}: lossy parse"
    return "model"


ERRORS = upstream.pinned_cases(_error_interactions)


@pytest.mark.parametrize("interaction", ERRORS, ids=lambda i: f"{i.cassette[:-5]}-{i.index}")
def test_recorded_error_answer_is_declared(interaction: recordings.Interaction) -> None:
    _check_declared(interaction)


@pytest.mark.parametrize("interaction", ERRORS, ids=lambda i: f"{i.cassette[:-5]}-{i.index}")
def test_recorded_error_answer_parses_or_comes_back_unparsed(interaction: recordings.Interaction) -> None:
    _check_parsed(interaction)


def test_every_recorded_error_answer_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    """The checked answers are every recorded non-2xx answer of the developer API."""
    kinds = Counter(_check_parsed(i) for i in ERRORS)
    v1_errors = [i for i in recordings.all_interactions() if not 200 <= i.status < 300 and "/api/v1/" in i.path]
    with capsys.disabled():
        print(
            f"\nerror conformance: {kinds['model']} parsed into models, {kinds['text']} as text, "
            f"{kinds['none']} unparsed (parsed=None), of {len(ERRORS)} recorded non-2xx answers"
        )
    assert sum(kinds.values()) == len(v1_errors) > 90


def _recorded(cassette: str, number: int) -> recordings.Interaction:
    return recordings.load(cassette)[number - 1]


def _serving(interaction: recordings.Interaction) -> Any:
    """A generated-layer client whose transport answers every request with the recorded answer."""
    from anythingllm_api import Client

    recorded = interaction.to_httpx()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(recorded.status_code, headers=recorded.headers, content=recorded.content)

    return Client(base_url="http://test/api").set_httpx_client(
        httpx.Client(base_url="http://test/api", transport=httpx.MockTransport(answer))
    )


def test_issue_auth_token_html_403_comes_back_unparsed() -> None:
    from anythingllm_api.api.users import user_issue_auth_token

    recorded = _recorded("admin_multi_user", 32)  # 403 text/html "Simple SSO is not enabled..."
    assert recorded.content_type == "text/html"
    response = user_issue_auth_token.sync_detailed(1, client=_serving(recorded))
    assert response.status_code == 403
    assert b"Simple SSO is not enabled" in response.content
    assert response.parsed is None or isinstance(response.parsed, str)


def test_image_generation_500_parses_as_the_error_it_is() -> None:
    from anythingllm_api.api.openai import openai_generate_image
    from anythingllm_api.models.api_error import ApiError
    from anythingllm_api.models.openai_generate_image_body import OpenaiGenerateImageBody

    recorded = _recorded("openai_compatible", 10)  # 500 {"error": "No valid image generation provider..."}
    body = OpenaiGenerateImageBody.from_dict(json.loads(recorded.request_body))
    response = openai_generate_image.sync_detailed(client=_serving(recorded), body=body)
    assert response.status_code == 500
    assert isinstance(response.parsed, ApiError)
    assert response.parsed.error == "No valid image generation provider was set. Got: undefined"
