"""errors.py against every recorded error of the real server (cassettes in ../shared)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from anythingllm.errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ChatAbortedError,
    InvalidResponseError,
    MultiUserModeRequiredError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnprocessableError,
    check_response,
    error_from_response,
    error_from_transport,
    html_excerpt,
)
from tests.recordings import cassette_names, load_interactions, response_body, to_httpx_response

RECORDED_KEY = "REDACTED-API-KEY"


def _cases(*spec: tuple[str, tuple[int, ...]]) -> set[tuple[str, int]]:
    return {(name, index) for name, indexes in spec for index in indexes}


# Recorded errors whose class is not simply given by the status (see API-NOTES §0 and INDEX.md).
SPECIAL: dict[type[ApiError], set[tuple[str, int]]] = {
    AuthenticationError: _cases(
        ("auth", (1, 2, 3, 4, 5)),
        ("session_auth", (8, 9, 10, 12)),
        ("session_api_keys", (7, 8)),
        ("session_chat_reset", (11,)),
        ("session_non_admin", (12,)),
        ("session_system", (29,)),
        ("readme_cli", (15,)),
    ),
    MultiUserModeRequiredError: _cases(
        ("admin_single_user", (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13)),
        ("admin_simple_sso", (4,)),
        ("readme_cli", (16,)),
    ),
    PermissionDeniedError: _cases(
        ("admin_multi_user", (31,)),
        ("admin_single_user", (14,)),
        ("session_system", (28,)),
        ("session_api_keys", (5, 6)),
        ("session_non_admin", (3, 4, 5, 6, 8)),
        ("session_single_user", (9,)),
    ),
    NotFoundError: _cases(
        ("errors_openai", (2,)),
        ("errors_chat", (0, 4, 11, 20)),
        ("errors_workspace", (2, 3, 4, 5, 7, 9)),  # an unknown workspace: bare 400s and a JSON 400
    ),
    ChatAbortedError: _cases(
        ("errors_chat", (1, 2, 3, 5, 6, 7, 14, 15)),
        ("errors_malformed", (6,)),
        ("errors_openai", (3,)),
        ("session_chat_reset", (10,)),
        ("hints_llm_down_chat_send_message", (1,)),  # {"type": "abort", "error": "Connection error."}
        ("hints_llm_down_thread_send_message", (2,)),
    ),
}
BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    404: NotFoundError,
    422: UnprocessableError,
    500: ServerError,
}


def _recorded_errors() -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (name, index, interaction)
        for name in cassette_names()
        for index, interaction in enumerate(load_interactions(name))
        if not 200 <= interaction["response"]["status"]["code"] < 300
    ]


RECORDED_ERRORS = _recorded_errors()


# This project's recordings (make record): an unknown object (notfound_*: a JSON abort or bare 400 is a
# NotFoundError already here; an empty 500 or a 403 becomes one in the method, after a check) and the
# server's providers or collector stopped (hints_*).
BY_PREFIX: dict[str, dict[int, type[ApiError]]] = {
    "notfound_": {400: NotFoundError, 401: NotFoundError, 403: PermissionDeniedError, 404: NotFoundError},
    "hints_collector_down_": {404: ServerError},  # accepted-file-types: the collector did not answer
}


def _expected_class(name: str, index: int, status: int) -> type[ApiError]:
    for cls, cases in SPECIAL.items():
        if (name, index) in cases:
            return cls
    for prefix, classes in BY_PREFIX.items():
        if name.startswith(prefix) and status in classes:
            return classes[status]
    return BY_STATUS[status]


def _server_words(interaction: dict[str, Any]) -> str:
    """The server's own message, read straight from the recording."""
    text = response_body(interaction).decode()
    try:
        data = json.loads(text)
    except ValueError:
        return html_excerpt(text) if "<" in text else text.strip()
    if isinstance(data, dict):
        return next((data[k] for k in ("error", "message") if isinstance(data.get(k), str)), "")
    return ""


def _mapped(name: str, index: int) -> ApiError:
    return error_from_response(to_httpx_response(load_interactions(name)[index]))


def test_recordings_hold_errors() -> None:
    assert len(RECORDED_ERRORS) > 100


@pytest.mark.parametrize(
    ("name", "index", "interaction"),
    RECORDED_ERRORS,
    ids=[f"{name}#{index}" for name, index, _ in RECORDED_ERRORS],
)
def test_every_recorded_error_maps_to_its_specific_class(name: str, index: int, interaction: Any) -> None:
    response = to_httpx_response(interaction)
    error = error_from_response(response)

    assert type(error) is _expected_class(name, index, response.status_code)
    assert type(error) is not ApiError
    assert error.status_code == response.status_code
    assert error.method == interaction["request"]["method"]
    assert error.path == response.request.url.path
    assert error.content_type == response.headers.get("content-type")
    words = _server_words(interaction)
    assert words in error.message
    assert str(error).startswith(f"{response.status_code}: ")
    assert f"({error.method} {error.path})" in str(error)
    for field in (str(error), repr(error.body), repr(error.details)):
        assert RECORDED_KEY not in field
        assert "authorization" not in field.lower()


@pytest.mark.parametrize(("name", "index", "interaction"), RECORDED_ERRORS)
def test_error_keeps_the_body_it_received(name: str, index: int, interaction: Any) -> None:
    text = response_body(interaction).decode()
    error = error_from_response(to_httpx_response(interaction))
    try:
        data = json.loads(text)
    except ValueError:
        assert error.details == {}
        assert error.body == (html_excerpt(text) if "text/html" in str(error.content_type) else text or None)
    else:
        assert error.body == data
        assert error.details == (data if isinstance(data, dict) else {})


def test_missing_and_wrong_api_key_are_told_apart() -> None:
    wrong, missing = _mapped("auth", 1), _mapped("auth", 2)
    assert "The API key was refused" in wrong.message
    assert "No API key was sent" in missing.message
    for error in (wrong, missing):
        assert '"No valid api key found."' in error.message
        assert "api_key" in error.message
        assert error.status_code == 403


def test_multi_user_mode_errors_say_what_to_enable() -> None:
    for name, index, words in (
        ("admin_single_user", 1, "Unauthorized"),
        ("admin_single_user", 13, "Instance is not in Multi-User mode. Permission denied."),
        ("admin_simple_sso", 4, "Multi-User mode is not enabled. It must be enabled to use Simple SSO."),
    ):
        error = _mapped(name, index)
        assert isinstance(error, MultiUserModeRequiredError)
        assert words in error.message
        assert "Enable multi-user mode" in error.message


def test_unknown_openai_model_says_model_is_a_workspace_slug() -> None:
    error = _mapped("errors_openai", 2)
    assert isinstance(error, NotFoundError)
    assert error.status_code == 401
    assert "workspace" in error.message and "slug" in error.message
    assert error.body is None


def test_session_token_refusal_names_the_session_api() -> None:
    error = _mapped("session_auth", 8)
    assert isinstance(error, AuthenticationError)
    assert "session token" in error.message
    assert '"No auth token found."' in error.message


def test_html_400_for_malformed_json_is_a_short_excerpt() -> None:
    error = _mapped("errors_malformed", 0)
    assert isinstance(error, BadRequestError)
    assert error.body == "Bad Request"
    assert "<" not in error.message
    assert "valid JSON" in error.message


def test_abort_bodies_split_into_not_found_and_aborted() -> None:
    unknown, empty = _mapped("errors_chat", 0), _mapped("errors_chat", 1)
    assert isinstance(unknown, NotFoundError) and not isinstance(unknown, ChatAbortedError)
    assert "Workspace no-such-ws is not a valid workspace." in unknown.message
    assert isinstance(empty, ChatAbortedError)
    assert '"Message is empty"' in empty.message
    assert empty.details["type"] == "abort"


def test_empty_500_says_the_server_gave_no_detail() -> None:
    error = _mapped("errors_workspace", 6)
    assert isinstance(error, ServerError)
    assert "gave no detail" in error.message
    assert error.body is None


def test_bare_bad_request_on_a_workspace_route_is_not_found() -> None:
    error = _mapped("errors_workspace", 3)  # DELETE /v1/workspace/no-such-ws -> 400 "Bad Request"
    assert type(error) is NotFoundError and error.status_code == 400
    assert error.message == (
        "Not found (server said: \"Bad Request\"): workspace 'no-such-ws' does not exist; this server answers "
        "a bare 400 for an unknown workspace."
    )
    in_thread = _mapped("errors_chat", 20)  # DELETE /v1/workspace/no-such-ws/thread/x -> 400 "Bad Request"
    assert type(in_thread) is NotFoundError
    assert "workspace 'no-such-ws' or its thread 'x' does not exist" in in_thread.message


def test_bare_bad_request_elsewhere_stays_a_bad_request() -> None:
    error = _mapped("session_api_keys", 4)  # DELETE /api/admin/delete-api-key/not-a-number -> 400 "Bad Request"
    assert error.body == "Bad Request"
    assert type(error) is BadRequestError


def _successes(media_type: str) -> list[httpx.Response]:
    return [
        response
        for name in cassette_names()
        for response in map(to_httpx_response, load_interactions(name))
        if response.is_success and response.headers.get("content-type", "").split(";")[0] == media_type
    ]


def test_recorded_json_successes_pass_the_json_check() -> None:
    responses = _successes("application/json")
    for response in responses:
        check_response(response, expect_json=True)
    assert len(responses) > 150


def test_recorded_json_lines_pass_only_without_json_expectation() -> None:
    (first, *_) = responses = _successes("application/jsonl")
    for response in responses:
        check_response(response, expect_json=False)
    with pytest.raises(InvalidResponseError, match="Extra data"):
        check_response(first, expect_json=True)


def test_recorded_plain_text_success_passes_only_without_json_expectation() -> None:
    ok = to_httpx_response(load_interactions("workspace_lifecycle")[5])
    assert ok.text == "OK"
    check_response(ok, expect_json=False)
    with pytest.raises(InvalidResponseError, match="not valid JSON"):
        check_response(ok, expect_json=True)


def test_recorded_error_raises_from_check_response() -> None:
    response = to_httpx_response(load_interactions("auth")[1])
    with pytest.raises(AuthenticationError):
        check_response(response, expect_json=False)


def test_a_key_echoed_by_the_server_is_scrubbed() -> None:
    # The server really does echo API keys (session_api_keys #0 lists them); sign the request with that key.
    interaction = load_interactions("session_api_keys")[0]
    assert RECORDED_KEY in response_body(interaction).decode()
    recorded = to_httpx_response(interaction)
    request = httpx.Request("GET", recorded.request.url, headers={"Authorization": f"Bearer {RECORDED_KEY}"})
    response = httpx.Response(500, headers=recorded.headers, content=recorded.content, request=request)
    error = error_from_response(response)
    assert isinstance(error, ServerError)
    for field in (str(error), repr(error.body), repr(error.details)):
        assert RECORDED_KEY not in field
    assert "[REDACTED]" in repr(error.body)


@pytest.mark.parametrize(
    ("exc", "cls", "words"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), APIConnectionError, "server running on that port"),
        (httpx.ConnectTimeout("timed out"), APITimeoutError, "connecting to http://127.0.0.1:3001"),
        (httpx.ReadTimeout("timed out"), APITimeoutError, "sent nothing after 7 s"),
        (httpx.RemoteProtocolError("peer closed connection"), APIConnectionError, "connection"),
        (httpx.UnsupportedProtocol("no scheme"), APIConnectionError, "http:// or https://"),
    ],
)
def test_transport_errors_are_mapped(exc: httpx.HTTPError, cls: type[ApiError], words: str) -> None:
    url = "http://user:pw@127.0.0.1:3001/api/v1/auth"
    exc.request = httpx.Request("GET", url, extensions={"timeout": {"read": 7.0, "connect": 2.0}})
    error = error_from_transport(exc, "GET", url)
    assert type(error) is cls
    assert words in error.message
    assert error.status_code == 0
    assert error.path == "/api/v1/auth"
    assert "pw" not in str(error)


def test_server_message_is_the_servers_own_words_whatever_the_body() -> None:
    assert _mapped("auth", 1).server_message == "No valid api key found."  # JSON {"error": ...}
    assert _mapped("admin_single_user", 1).server_message == "Unauthorized"  # text/plain
    assert ApiError(0, "no answer").server_message == ""  # nothing came from the server


def test_a_plain_refusal_lists_its_possible_causes() -> None:
    error = _mapped("admin_multi_user", 31)  # 403 text/html "Simple SSO is not enabled..."
    assert isinstance(error, PermissionDeniedError)
    assert error.message.startswith('The server refused this action (server said: "Simple SSO is not enabled.')
    assert "its settings, the user's role or the state of the account" in error.message


def test_a_broken_connection_does_not_blame_the_server_alone() -> None:
    url = "http://127.0.0.1:3001/api/v1/workspaces"
    exc = httpx.ReadError("connection reset by peer")
    exc.request = httpx.Request("GET", url)
    error = error_from_transport(exc, "GET", url)
    assert "by the server, a proxy or the network" in error.message
