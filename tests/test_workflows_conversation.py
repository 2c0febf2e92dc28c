"""client.workflows.conversation: threads by title, resumed; auto titles and follow-ups, on both clients."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from anythingllm.workflows import AmbiguousThreadError, Conversation
from anythingllm.workflows.suggest import FOLLOWUP_REQUEST, TITLE_REQUEST
from tests.conftest import body, calls, resolve
from tests.workflow_cassettes import workflow_replay

pytestmark = pytest.mark.anyio


async def read_all(stream: Any) -> str:
    """The whole text of a chat stream (a ChatStream, or an AsyncChatStream awaited from the async client)."""
    if hasattr(stream, "__aenter__"):
        async with stream:
            return "".join([delta async for delta in stream.text_stream])
    with stream:
        return "".join(stream.text_stream)


async def test_a_conversation_by_title_is_created_once_then_resumed(client: Any, sent: list[httpx.Request]) -> None:
    with workflow_replay("workflow_conversation") as cassette:
        ws = (await resolve(client.workspaces.create("WF Conversation")))["slug"]
        first = await resolve(client.workflows.conversation(ws, "Q3 planning"))
        reply = await resolve(first.send("What is on the Q3 plan?", mode="chat"))
        resumed = await resolve(client.workflows.conversation(ws, "Q3 planning"))  # as a later process would
        streamed = await read_all(await resolve(resumed.stream("And the budget?", mode="chat")))
        history = await resolve(resumed.history())
        by_slug = await resolve(client.workflows.conversation(ws, thread=first.slug))
        await resolve(client.workspaces.delete(ws))
        assert cassette.all_played or cassette.record_mode != "none"

    assert isinstance(first, Conversation) and first.created and first.title == "Q3 planning"
    assert reply["content"] == "STUB-REPLY: What is on the Q3 plan?" and reply["threadId"] == first.slug
    assert not resumed.created and resumed.slug == first.slug and resumed.title == "Q3 planning"
    assert streamed == "STUB-REPLY: And the budget?"
    assert [m["content"] for m in history] == [
        "What is on the Q3 plan?",
        "STUB-REPLY: What is on the Q3 plan?",
        "And the budget?",
        "STUB-REPLY: And the budget?",
    ]
    assert not by_slug.created and by_slug.title == "Q3 planning"
    thread = f"/api/v1/workspace/{ws}/thread/{first.slug}"
    assert calls(sent) == [
        ("POST", "/api/v1/workspace/new"),
        ("GET", "/api/v1/workspaces"),  # no thread of that name yet...
        ("POST", f"/api/v1/workspace/{ws}/thread/new"),  # ... so it is created
        ("POST", f"{thread}/chat"),
        ("GET", "/api/v1/workspaces"),  # found by its title: nothing created
        ("POST", f"{thread}/stream-chat"),
        ("GET", f"{thread}/chats"),
        ("GET", "/api/v1/workspaces"),  # by slug
        ("DELETE", f"/api/v1/workspace/{ws}"),
    ]
    assert body(sent[2]) == {"name": "Q3 planning"}


async def test_two_threads_of_one_title_are_an_error_listing_them(client: Any, sent: list[httpx.Request]) -> None:
    with workflow_replay("workflow_conversation_duplicates"):
        ws = (await resolve(client.workspaces.create("WF Conversation Dup")))["slug"]
        one = await resolve(client.workspace_thread.create_thread(ws, "Weekly sync"))
        two = await resolve(client.workspace_thread.create_thread(ws, "Weekly sync"))
        with pytest.raises(AmbiguousThreadError) as caught:
            await resolve(client.workflows.conversation(ws, "Weekly sync"))
        await resolve(client.workspaces.delete(ws))
    named = [{"slug": one["slug"], "name": "Weekly sync"}, {"slug": two["slug"], "name": "Weekly sync"}]
    assert caught.value.threads == named
    assert one["slug"] in str(caught.value) and two["slug"] in str(caught.value)
    assert isinstance(caught.value, LookupError)
    assert [m for m, _ in calls(sent)].count("POST") == 3  # the workspace and two threads: the lookup created none


async def test_auto_title_renames_a_new_thread_after_its_first_exchange(client: Any, sent: list[httpx.Request]) -> None:
    """The stub answers with the request itself: the parser sees no title in it and the fallback applies."""
    with workflow_replay("workflow_conversation_auto_title") as cassette:
        ws = (await resolve(client.workspaces.create("WF Conversation Auto")))["slug"]
        convo = await resolve(client.workflows.conversation(ws, auto_title=True))
        placeholder = convo.title
        reply = await resolve(convo.send("Plan the Q3 offsite budget for the design team", mode="chat", followups=3))
        second = await resolve(convo.send("Thanks", mode="chat"))
        threads = await resolve(client.workspace_thread.list_threads(ws))
        asked = await resolve(client.workflows.suggest_followups(ws, "Offsites cost less in May.", 2, question="When?"))
        await resolve(client.workspaces.delete(ws))
        assert cassette.all_played or cassette.record_mode != "none"

    assert placeholder == "New conversation"
    assert convo.title == "Plan the Q3 offsite budget for…" and convo.titled_by == "fallback"
    assert [t["name"] for t in threads] == ["Plan the Q3 offsite budget for…"]
    assert reply["content"] == "STUB-REPLY: Plan the Q3 offsite budget for the design team"
    assert reply["followups"] == [] and "followupsError" not in reply  # asked, answered, no question in it
    assert second["content"] == "STUB-REPLY: Thanks" and "followups" not in second
    assert asked == []
    thread = f"/api/v1/workspace/{ws}/thread/{convo.slug}"
    completions = ("POST", "/api/v1/openai/chat/completions")
    assert calls(sent) == [
        ("POST", "/api/v1/workspace/new"),
        ("POST", f"/api/v1/workspace/{ws}/thread/new"),
        ("POST", f"{thread}/chat"),
        completions,  # the title: the one extra call of auto_title ...
        ("POST", f"{thread}/update"),  # ... and the rename
        completions,  # the follow-ups
        ("POST", f"{thread}/chat"),  # a later message: no title asked again
        ("GET", "/api/v1/workspaces"),
        completions,
        ("DELETE", f"/api/v1/workspace/{ws}"),
    ]
    title_request = body(sent[3])
    assert title_request["model"] == ws and title_request["messages"][0]["role"] == "system"
    assert title_request["messages"][1]["content"].startswith(TITLE_REQUEST)
    assert "User: Plan the Q3 offsite budget" in title_request["messages"][1]["content"]
    assert body(sent[4]) == {"name": "Plan the Q3 offsite budget for…"}
    assert body(sent[5])["messages"][1]["content"].startswith(FOLLOWUP_REQUEST.format(n=3))
    assert "Question: When?" in body(sent[8])["messages"][1]["content"]


async def test_conversation_arguments_are_checked_before_any_request(client: Any) -> None:
    with workflow_replay("workflow_conversation") as cassette:
        with pytest.raises(ValueError, match="needs a title"):
            await resolve(client.workflows.conversation("ws"))
        with pytest.raises(ValueError, match="not both"):
            await resolve(client.workflows.conversation("ws", "T", thread="t"))
        with pytest.raises(ValueError, match="title must not be empty"):
            await resolve(client.workflows.conversation("ws", " "))
        with pytest.raises(ValueError, match="n must be an int from 1 to 10"):
            await resolve(client.workflows.suggest_followups("ws", "answer", 0))
        assert cassette.play_count == 0
