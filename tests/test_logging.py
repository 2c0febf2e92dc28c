"""Logging: opt-in via ANYTHINGLLM_LOG, and no credential ever reaches a log line or an error."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from anythingllm._logging import (
    LOGGER_NAME,
    REDACTED,
    logger,
    redact_headers,
    redact_text,
    secrets_from_headers,
    setup_from_env,
)
from anythingllm._options import RequestOptions
from anythingllm._retry import RetryPolicy
from anythingllm._transport import send_sync
from anythingllm.errors import ServerError
from tests.faultserver import FaultServer, Reply, fault_server
from tests.recordings import load_interactions

__all__ = ["fault_server"]

SECRET = "SECRET-XYZ"
AUTH = "/api/v1/auth"
NO_WAIT = RetryPolicy(random=lambda: 0.0)


@pytest.fixture
def clean_logger() -> Iterator[None]:
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


def test_nothing_logged_contains_the_key(caplog: pytest.LogCaptureFixture, fault_server: FaultServer) -> None:
    echo = Reply.text(f"crashed while checking Bearer {SECRET}", status=500)
    fault_server.script("GET", AUTH, Reply.text("busy", status=503), Reply.recorded(load_interactions("auth")[0]))
    fault_server.script("GET", "/api/v1/workspaces", echo)
    caplog.set_level(logging.DEBUG, logger=LOGGER_NAME)
    headers = {"Authorization": f"Bearer {SECRET}", "X-Api-Key": SECRET, "Cookie": f"session={SECRET}"}
    with httpx.Client(headers=headers) as client:
        send_sync(client, client.build_request("GET", fault_server.url(AUTH)), RequestOptions(), policy=NO_WAIT)
        request = client.build_request("GET", fault_server.url("/api/v1/workspaces"))
        with pytest.raises(ServerError) as caught:
            send_sync(client, request, RequestOptions(), policy=NO_WAIT)

    messages = [record.getMessage() for record in caplog.records]
    assert any("-> GET" in m and AUTH in m for m in messages)  # the request line
    assert any("<- GET" in m and " 200 " in m for m in messages)  # status and elapsed
    assert any(m.startswith("retrying GET") for m in messages)
    assert any(REDACTED in m for m in messages)  # headers were logged, redacted
    assert SECRET not in caplog.text
    assert all(SECRET not in m for m in messages)
    error = caught.value
    assert SECRET not in str(error) and SECRET not in repr(error.body)
    assert f"checking {REDACTED}" in error.message


@pytest.mark.parametrize(
    "name",
    ["Authorization", "authorization", "Proxy-Authorization", "X-Api-Key", "Cookie", "Set-Cookie", "X-Auth-Token"],
)
def test_sensitive_headers_are_redacted(name: str) -> None:
    assert redact_headers({name: "s3cr3t-value", "Content-Type": "application/json"}) == {
        name: REDACTED,
        "Content-Type": "application/json",
    }


def test_redact_headers_accepts_httpx_headers_and_pairs() -> None:
    assert redact_headers(httpx.Headers({"Authorization": "Bearer abcd1234"})) == {"authorization": REDACTED}
    assert redact_headers([("accept", "*/*")]) == {"accept": "*/*"}


def test_secrets_come_from_sensitive_headers_only() -> None:
    headers = {"Authorization": "Bearer abcd1234", "Accept": "application/json-secret-ish"}
    assert secrets_from_headers(headers) == ["Bearer abcd1234", "abcd1234"]
    assert secrets_from_headers({"Authorization": "Bearer"}) == []


def test_redact_text_replaces_every_secret() -> None:
    text = "key abcd1234 and again abcd1234, token zzzz9999"
    assert redact_text(text, ["abcd1234", "zzzz9999"]) == f"key {REDACTED} and again {REDACTED}, token {REDACTED}"
    assert redact_text("a b c", ["a"]) == "a b c"  # too short to be a secret


@pytest.mark.usefixtures("clean_logger")
def test_setup_from_env_installs_one_stderr_handler() -> None:
    assert setup_from_env({}) is None
    assert setup_from_env({"ANYTHINGLLM_LOG": "loud"}) is None
    handler = setup_from_env({"ANYTHINGLLM_LOG": "debug"})
    assert handler is not None and handler.level == logging.DEBUG
    assert setup_from_env({"ANYTHINGLLM_LOG": "INFO"}) is handler
    assert handler.level == logging.INFO and logger.level == logging.INFO
    assert logger.handlers.count(handler) == 1


@pytest.mark.usefixtures("clean_logger")
def test_setup_from_env_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANYTHINGLLM_LOG", "warning")
    handler = setup_from_env()
    assert handler is not None and handler.level == logging.WARNING
