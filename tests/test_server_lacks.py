"""A route the server lacks vs a wrong base URL, on the paths the v1.12.0 recordings do not take.

The fault server replays real answers: the v1.12.0 web app's page and the answers of ``GET /v1/auth``
recorded from the real servers (tests/cassettes), scripted where the edge case needs them.
"""

from __future__ import annotations

from typing import Any

import pytest

from anythingllm.errors import UnsupportedOperationError, WrongEndpointError
from tests.conftest import resolve
from tests.faultserver import FaultServer, Reply, fault_server
from tests.recordings import load
from tests.test_openai import fault_client

pytestmark = pytest.mark.anyio
__all__ = ["fault_client", "fault_server"]

AUTH = "/api/v1/auth"
STREAM = "/api/v1/workspace/ws/stream-chat"
EXPORT = "/api/v1/system/export-chats"


def _recorded(cassette: str, method: str, path: str, status: int) -> Reply:
    """A real answer from a cassette, as the fault server's reply."""
    found = next(i for i in load(cassette) if (i.method, i.path, i.status) == (method, path, status))
    return Reply.body(found.status, found.content_type, found.body)


PAGE = _recorded("v1_12_0_lacking", "POST", "/api/v1/openai/images/generations", 200)  # the web app's page
API_ANSWERS = _recorded("v1_12_0_lacking", "GET", AUTH, 200)  # {"authenticated": true}
KEY_REFUSED = _recorded("auth", "GET", AUTH, 403)  # {"error": "No valid api key found."}: the API answers too


async def test_a_stream_route_answered_with_the_page_is_not_served(
    fault_client: Any, fault_server: FaultServer
) -> None:
    fault_server.script("POST", STREAM, PAGE)
    fault_server.script("GET", AUTH, API_ANSWERS)
    with pytest.raises(UnsupportedOperationError) as caught:
        await resolve(fault_client.chat.stream_message("ws", "Hello there"))
    assert caught.value.route == "POST /v1/workspace/{slug}/stream-chat"
    assert "Every AnythingLLM release this client knows has it (since 1.0.0)" in caught.value.message
    assert "proxy" in caught.value.message


async def test_a_text_route_answered_with_the_page_is_never_the_text(
    fault_client: Any, fault_server: FaultServer
) -> None:
    fault_server.script("GET", EXPORT, PAGE)
    fault_server.script("GET", AUTH, KEY_REFUSED)  # a refused key: still the API answering on this base URL
    with pytest.raises(UnsupportedOperationError) as caught:
        await resolve(fault_client.system.export_chats("csv"))
    assert caught.value.route == "GET /v1/system/export-chats"
    assert "<" not in str(caught.value.body)


async def test_a_probe_that_got_no_answer_is_not_remembered(fault_client: Any, fault_server: FaultServer) -> None:
    fault_server.script("GET", EXPORT, PAGE, PAGE)
    fault_server.script("GET", AUTH, Reply.text("Service Unavailable", status=503), API_ANSWERS)
    with pytest.raises(WrongEndpointError):  # not known whether the API answers: the base URL is suspect
        await resolve(fault_client.system.export_chats("csv"))
    with pytest.raises(UnsupportedOperationError):  # asked again, and this time the API answered
        await resolve(fault_client.system.export_chats("csv"))
    assert fault_server.count("GET", AUTH) == 2


async def test_what_the_probe_learnt_is_shared_by_copies(fault_client: Any, fault_server: FaultServer) -> None:
    fault_server.script("GET", EXPORT, PAGE, PAGE, PAGE)
    fault_server.script("GET", AUTH, API_ANSWERS)
    for each in (fault_client, fault_client.with_options(timeout=5), fault_client.with_options(max_retries=1)):
        with pytest.raises(UnsupportedOperationError):
            await resolve(each.system.export_chats("csv"))
    assert fault_server.count("GET", AUTH) == 1
