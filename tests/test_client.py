"""The client object itself: get_api_status, http_client, with_options, attributes and repr."""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.errors import AuthenticationError
from anythingllm.resources.http import HttpClient
from tests.conftest import RECORDED_BASE_URL, RECORDED_KEY, replay, resolve

pytestmark = pytest.mark.anyio

MODULES = ("auth", "workspaces", "documents", "chat", "system", "users", "embed", "admin", "openai", "workspace_thread")


async def test_get_api_status_then_a_refused_key(client: Any) -> None:
    with replay("auth") as cassette:
        assert await resolve(client.get_api_status()) == {"authenticated": True}
        with pytest.raises(AuthenticationError) as info:
            await resolve(client.get_api_status())
        assert cassette.play_count == 2
    assert info.value.status_code == 403
    assert info.value.message.startswith("The API key was refused")


async def test_http_client_get_returns_parsed_json_and_raises_typed_errors(client: Any) -> None:
    with replay("auth") as cassette:
        assert await resolve(client.http_client.get("/v1/auth")) == {"authenticated": True}
        with pytest.raises(AuthenticationError):
            await resolve(client.http_client.get("/api/v1/auth"))  # a leading /api is accepted too
        assert cassette.play_count == 2


async def test_http_client_rejects_an_empty_path_before_sending(client: Any) -> None:
    with replay("auth") as cassette:
        with pytest.raises(ValueError, match="path"):
            await resolve(client.http_client.get(""))
        with pytest.raises(ValueError, match="json_data"):
            await resolve(client.http_client.post("/v1/x", data={"a": 1}, json_data={"b": 2}))
        assert cassette.play_count == 0


def test_standalone_http_client_as_documented() -> None:
    with HttpClient(RECORDED_BASE_URL, RECORDED_KEY, timeout=60) as http, replay("auth"):
        assert http.get("/v1/auth") == {"authenticated": True}


async def test_with_options_shares_the_pool_and_changes_only_the_options(client: Any) -> None:
    quick = client.with_options(timeout=5, max_retries=1)
    assert type(quick) is type(client)
    assert quick._runtime.http is client._runtime.http
    assert quick._runtime.session is client._runtime.session
    assert quick.options.max_retries == 1 and quick.options.timeout.read == 5
    assert client.options.max_retries == 0 and client.options.timeout.read == 60
    with replay("auth"):
        assert await resolve(quick.get_api_status()) == {"authenticated": True}
    await resolve(quick.close())
    assert not client._runtime.http.is_closed  # closing a copy never closes the shared pool


def test_every_documented_attribute_exists_on_both_clients() -> None:
    for cls in (AnythingLLMClient, AsyncAnythingLLMClient):
        client = cls(RECORDED_BASE_URL, api_key=RECORDED_KEY)
        for name in (*MODULES, "http_client"):
            assert getattr(client, name)._runtime is client._runtime, name
        assert RECORDED_KEY not in repr(client) and "set" in repr(client)


async def test_a_custom_http_client_is_used_and_not_closed() -> None:
    seen: list[httpx.Request] = []

    async def note(request: httpx.Request) -> None:
        seen.append(request)

    http = httpx.AsyncClient(event_hooks={"request": [note]})
    with replay("auth"):
        async with AsyncAnythingLLMClient(f"{RECORDED_BASE_URL}/api/v1", RECORDED_KEY, http_client=http) as client:
            assert await client.get_api_status() == {"authenticated": True}
    assert [str(r.url) for r in seen] == [f"{RECORDED_BASE_URL}/api/v1/auth"]
    assert seen[0].headers["Authorization"] == f"Bearer {RECORDED_KEY}"
    assert not http.is_closed
    await http.aclose()


async def test_a_custom_http_client_keeps_its_own_default_headers() -> None:
    """Requests on a caller's pool are built by that pool, so its defaults (here a header) still apply."""
    seen: list[httpx.Request] = []

    async def note(request: httpx.Request) -> None:
        seen.append(request)

    http = httpx.AsyncClient(headers={"X-Trace": "t-1"}, event_hooks={"request": [note]})
    with replay("auth"):
        async with AsyncAnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, http_client=http) as client:
            await client.get_api_status()
    assert seen[0].headers["X-Trace"] == "t-1"
    await http.aclose()


def test_a_module_method_is_built_once_per_client() -> None:
    client = AnythingLLMClient(RECORDED_BASE_URL, api_key=RECORDED_KEY)
    assert client.workspaces.list is client.workspaces.list
    assert client.with_options(max_retries=0).workspaces.list is not client.workspaces.list  # its own runtime


@pytest.mark.parametrize("cls", [AnythingLLMClient, AsyncAnythingLLMClient, HttpClient])
def test_every_per_request_option_is_also_a_constructor_option(cls: type[Any]) -> None:
    per_request = [p for p in inspect.signature(AnythingLLMClient.with_options).parameters if p != "self"]
    accepted = inspect.signature(cls).parameters
    assert [name for name in per_request if name not in accepted] == []


async def test_constructor_options_are_the_clients_options() -> None:
    sync = AnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, timeout=7, max_retries=1, stream_idle_timeout=3)
    aio = AsyncAnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, timeout=7, max_retries=1, stream_idle_timeout=3)
    standalone = HttpClient(RECORDED_BASE_URL, RECORDED_KEY, timeout=7, max_retries=1, stream_idle_timeout=3)
    for options in (sync.options, aio.options, standalone._runtime.options):
        assert (options.timeout.read, options.max_retries, options.stream_idle_timeout) == (7, 1, 3)
    assert AnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY).options.stream_idle_timeout == 60
    with pytest.raises(ValueError, match="stream_idle_timeout"):
        AnythingLLMClient(RECORDED_BASE_URL, RECORDED_KEY, stream_idle_timeout=0)
    sync.close()
    await aio.close()
    standalone.close()


async def test_http_client_session_calls_return_text_json_or_none_as_answered(client: Any) -> None:
    with replay("session_single_user") as cassette:
        assert await resolve(client.http_client.get("/system/check-token", session=True)) == "OK"  # text/plain
        refreshed = await resolve(client.http_client.get("/system/refresh-user", session=True))
        assert refreshed == {"success": True, "user": None, "message": None}
        assert await resolve(client.http_client.delete("/system/api-key/4", session=True)) is None  # empty 200
        assert cassette.play_count == 3
