"""What importing the client costs, and what the first call adds: only what that call needs.

Each check runs in a fresh interpreter and looks at ``sys.modules``: ``from anythingllm import
AnythingLLMClient`` imports no friendly module, no result types, no generated code, and none of the
modules only an error, a retry or a stream needs; ``client.workspaces`` then imports the workspaces
module and nothing of the chat, document or admin code. The time these take is a benchmark
(``make bench``, section import), never a test.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys

import httpx
import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm._plan import Call, parsed_url
from tests.conftest import RECORDED_BASE_URL, RECORDED_KEY

_REPORT = """
import json, sys
{code}
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _REPORT.format(code=code)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout))


@functools.cache
def httpx_own_modules() -> frozenset[str]:
    """What ``import httpx`` alone loads here: with click, rich and pygments installed (the ``mcp`` extra
    brings click), httpx imports its own command line, which is httpx's cost, not the client's."""
    return frozenset(_modules_after("import httpx"))


def _ours(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in ("anythingllm", "anythingllm_api")}


def test_importing_the_client_loads_only_its_core() -> None:
    loaded = _modules_after("from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient")
    assert {m for m in _ours(loaded) if m.startswith("anythingllm.resources")} == set()
    assert not {m for m in _ours(loaded) if m.startswith("anythingllm_api")}
    # Only results, streams, errors pages, retries and the CLI need these.
    for name in ("anythingllm.types", "anythingllm._shape", "anythingllm.streaming", "anythingllm.cli"):
        assert name not in loaded, name
    for name in ("anyio", "html", "attr", "rich", "typer"):
        assert name not in loaded - httpx_own_modules(), name


def test_a_module_is_imported_when_it_is_first_used() -> None:
    loaded = _modules_after(
        "from anythingllm import AnythingLLMClient\n"
        "client = AnythingLLMClient('http://127.0.0.1:9', api_key='k')\n"
        "client.workspaces"
    )
    resources = {m for m in loaded if m.startswith("anythingllm.resources.")}
    assert resources == {"anythingllm.resources.workspaces"}
    assert not {m for m in loaded if m.startswith("anythingllm_api.api.")}  # no call yet: no endpoint module


def test_the_first_call_imports_its_endpoint_module_only() -> None:
    from bench.server import LoopbackServer  # replays the recorded v1.16.0 answers over loopback

    with LoopbackServer() as server:
        loaded = _modules_after(
            "from anythingllm import AnythingLLMClient\n"
            f"with AnythingLLMClient({server.url!r}, api_key='k', max_retries=0) as client:\n"
            "    assert [w['slug'] for w in client.workspaces.list()]"
        )
    assert {m for m in loaded if m.startswith("anythingllm_api.api.")} == {
        "anythingllm_api.api.workspaces",
        "anythingllm_api.api.workspaces.workspace_list",
    }
    # The friendly layer reads the decoded JSON: no model, no attrs class, no generated client class.
    assert not {m for m in loaded if m.startswith("anythingllm_api.models.")}
    assert "attr" not in loaded and "anythingllm_api.client" not in loaded
    assert "anythingllm.streaming" not in loaded and "anyio" in loaded  # httpx.Client itself imports anyio


@pytest.mark.parametrize("cls", [AnythingLLMClient, AsyncAnythingLLMClient])
def test_modules_made_on_first_use_behave_like_attributes(cls: type) -> None:
    client = cls(RECORDED_BASE_URL, api_key=RECORDED_KEY)
    names = ("auth", "workspaces", "documents", "chat", "system", "users", "embed", "admin", "openai")
    for name in (*names, "workspace_thread", "http_client"):
        assert name in dir(client)
        module = getattr(client, name)
        assert getattr(client, name) is module
        assert module._runtime is client._runtime and module._is_async is (cls is AsyncAnythingLLMClient)
    copy = client.with_options(timeout=3)
    assert copy.chat is not client.chat and copy.chat._runtime.options.timeout.read == 3
    with pytest.raises(AttributeError, match="object has no attribute 'workspacez'"):
        client.workspacez  # noqa: B018


def test_each_request_url_is_parsed_once() -> None:
    client = AnythingLLMClient(RECORDED_BASE_URL, api_key=RECORDED_KEY)
    first = Call("workspaces.workspace_get", {"slug": "a b"}).request(client._runtime)
    parsed = parsed_url.cache_info()
    again = Call("workspaces.workspace_get", {"slug": "a b"}).request(client._runtime)
    assert parsed_url.cache_info().hits == parsed.hits + 1  # the URL text was not parsed again
    assert first.url == again.url
    assert str(first.url) == f"{RECORDED_BASE_URL}/api/v1/workspace/a%20b"
    assert first.headers is not again.headers  # each request has its own headers, made from one parse
    again.headers["X-Extra"] = "1"
    assert "X-Extra" not in Call("workspaces.workspace_get", {"slug": "a b"}).request(client._runtime).headers
    assert first.headers["Authorization"] == f"Bearer {RECORDED_KEY}"
    assert parsed_url(str(first.url)) == httpx.URL(str(first.url))
