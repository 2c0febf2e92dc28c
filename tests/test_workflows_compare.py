"""client.workflows.compare / compare_stream: recorded from a real server, on both clients."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

import httpx
import pytest

from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient, NotFoundError
from anythingllm.streaming import TextChunk
from anythingllm.workflows import CompareResult, WorkspaceDone
from tests.conftest import body, calls, resolve
from tests.faultserver import FaultServer, Reply
from tests.recordings import load_interactions
from tests.workflow_cassettes import workflow_replay

pytestmark = pytest.mark.anyio

MISSING = "wf-compare-missing"


async def pairs_of(stream: Any) -> list[tuple[str, Any]]:
    """Every ``(workspace, event)`` pair of a streamed comparison (sync iterator or async iterator)."""
    if hasattr(stream, "__aiter__"):
        return [pair async for pair in stream]
    return list(stream)


async def test_compare_asks_every_workspace_and_keeps_each_ones_error(client: Any, sent: list[httpx.Request]) -> None:
    with workflow_replay("workflow_compare") as cassette:
        one = (await resolve(client.workspaces.create("WF Compare One")))["slug"]
        two = (await resolve(client.workspaces.create("WF Compare Two")))["slug"]
        results = await resolve(client.workflows.compare("Compare hello", [one, MISSING, two], mode="chat"))
        streamed = await pairs_of(client.workflows.compare_stream("Compare stream", [one, two, MISSING], mode="chat"))
        for slug in (one, two):
            await resolve(client.workspaces.delete(slug))
        assert cassette.all_played or cassette.record_mode != "none"

    assert [r.workspace for r in results] == [one, MISSING, two]  # the order asked, whatever finished first
    for result in (results[0], results[2]):
        assert isinstance(result, CompareResult) and result.ok
        assert result.answer == "STUB-REPLY: Compare hello"
        assert result.metrics["model"] == "stub-model" and result.metrics["total_tokens"] > 0
        assert {"prompt_tokens", "completion_tokens", "duration", "provider"} <= set(result.metrics)
        assert result.sources == [] and result.seconds > 0
    failed = results[1]
    assert not failed.ok and isinstance(failed.error, NotFoundError) and failed.answer is None
    assert "is not a valid workspace" in str(failed.error)
    assert failed.to_dict()["error"]["type"] == "NotFoundError"

    chats = [f"/api/v1/workspace/{s}/chat" for s in (one, MISSING, two)]
    streams = [f"/api/v1/workspace/{s}/stream-chat" for s in (one, two, MISSING)]
    lines = calls(sent)
    assert lines[:2] == [("POST", "/api/v1/workspace/new")] * 2
    assert sorted(lines[2:5]) == sorted(("POST", p) for p in chats)  # sent together: any order
    assert sorted(lines[5:8]) == sorted(("POST", p) for p in streams)
    assert lines[8:] == [("DELETE", f"/api/v1/workspace/{one}"), ("DELETE", f"/api/v1/workspace/{two}")]
    assert all(body(r) == {"message": "Compare hello", "mode": "chat"} for r in sent[2:5])

    by_workspace: dict[str, list[Any]] = {}
    for workspace, event in streamed:
        by_workspace.setdefault(workspace, []).append(event)
    assert set(by_workspace) == {one, two, MISSING}
    for slug in (one, two):
        events = by_workspace[slug]
        assert isinstance(events[-1], WorkspaceDone) and sum(isinstance(e, WorkspaceDone) for e in events) == 1
        text = "".join(e.text for e in events if isinstance(e, TextChunk))
        assert text == events[-1].result.answer == "STUB-REPLY: Compare stream"
    (done,) = by_workspace[MISSING]  # a workspace that fails sends its end, and only that
    assert isinstance(done, WorkspaceDone) and isinstance(done.result.error, NotFoundError)


@pytest.mark.parametrize("bad", [[], ["a", "a"], "one-string", ["ok", ""]])
async def test_compare_refuses_bad_workspaces_before_any_request(client: Any, bad: Any) -> None:
    with workflow_replay("workflow_compare") as cassette:
        with pytest.raises((TypeError, ValueError), match="workspaces"):
            await resolve(client.workflows.compare("hi", bad))
        with pytest.raises((TypeError, ValueError), match="workspaces"):
            client.workflows.compare_stream("hi", bad)  # checked when called, before iterating
        with pytest.raises(ValueError, match="mode"):
            await resolve(client.workflows.compare("hi", ["a", "b"], mode="loud"))
        with pytest.raises(ValueError, match="message"):
            await resolve(client.workflows.compare("  ", ["a", "b"]))
        assert cassette.play_count == 0


class InFlight:
    """httpx event hooks counting the requests in flight and the most at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = 0
        self.paths: Counter[str] = Counter()

    def sent(self, request: httpx.Request) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
            self.paths[request.url.path] += 1

    def answered(self, response: httpx.Response) -> None:
        with self.lock:
            self.now -= 1


def _chat_answer() -> dict[str, Any]:
    recorded = load_interactions("workflow_compare")
    return next(i for i in recorded if i["request"]["uri"].endswith("/chat") and i["response"]["status"]["code"] == 200)


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_compare_runs_at_most_concurrency_calls_at_once(kind: str) -> None:
    """Six workspaces, two at a time, each answer held back 0.2 s: never more than two requests in flight."""
    gauge = InFlight()
    slugs = [f"ws-{n}" for n in range(6)]
    with FaultServer() as server:
        server.answer_everything(Reply.recorded(_chat_answer(), delay=0.2))
        if kind == "sync":
            http = httpx.Client(event_hooks={"request": [gauge.sent], "response": [gauge.answered]})
            with AnythingLLMClient(server.base_url, "KEY", max_retries=0, http_client=http) as client:
                results = client.workflows.compare("hi", slugs, concurrency=2)
            http.close()
        else:

            async def sent(request: httpx.Request) -> None:
                gauge.sent(request)

            async def answered(response: httpx.Response) -> None:
                gauge.answered(response)

            ahttp = httpx.AsyncClient(event_hooks={"request": [sent], "response": [answered]})
            async with AsyncAnythingLLMClient(server.base_url, "KEY", max_retries=0, http_client=ahttp) as aclient:
                results = await aclient.workflows.compare("hi", slugs, concurrency=2)
            await ahttp.aclose()
        assert all(server.count("POST", f"/api/v1/workspace/{s}/chat") == 1 for s in slugs)
    assert [r.workspace for r in results] == slugs and all(r.ok for r in results)
    assert gauge.most == 2
    assert sum(gauge.paths.values()) == 6


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_one_workspace_failing_does_not_stop_the_others(kind: str) -> None:
    """A 500 and a dropped connection on two of four workspaces: the other two still answer."""
    with FaultServer() as server:
        server.script("POST", "/api/v1/workspace/b/chat", Reply.text("boom", status=500))
        server.script("POST", "/api/v1/workspace/c/chat", Reply.hang_up_now())
        server.answer_everything(Reply.recorded(_chat_answer()))
        if kind == "sync":
            with AnythingLLMClient(server.base_url, "KEY", max_retries=0) as client:
                results = client.workflows.compare("hi", ["a", "b", "c", "d"])
        else:
            async with AsyncAnythingLLMClient(server.base_url, "KEY", max_retries=0) as aclient:
                results = await aclient.workflows.compare("hi", ["a", "b", "c", "d"])
    assert [r.ok for r in results] == [True, False, False, True]
    assert type(results[1].error).__name__ == "ServerError"
    assert type(results[2].error).__name__ == "APIConnectionError"
