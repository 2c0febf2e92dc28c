"""Error messages name a cause only when the request rules out the others; otherwise they list the likely ones.

Recorded from the real server with its LLM/embedding provider stopped (``hints_llm_down_*``: the stub
LLM of the live recipe was not running) and with its document collector stopped
(``hints_collector_down_*``), on both clients. The server's own words come first in every message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from anythingllm.errors import ApiError, ChatAbortedError, ServerError, StreamInterruptedError
from tests.conftest import read_to_end, replay, resolve
from tests.faultserver import FaultServer, Reply, fault_server
from tests.recordings import load
from tests.test_openai import fault_client

pytestmark = pytest.mark.anyio
__all__ = ["fault_client", "fault_server"]

WS_NAME, WS = "Hint WS", "hint-ws"
HI = [{"role": "user", "content": "hi"}]
PROVIDER = "LLM provider"


async def _raises(cls: type[ApiError], call: Any) -> ApiError:
    """The error of ``call()`` (a client call, sync or async), which must be exactly of type ``cls``."""
    with pytest.raises(ApiError) as caught:
        await resolve(call())
    assert type(caught.value) is cls, f"{type(caught.value).__name__}: {caught.value}"
    return caught.value


async def _stream_raises(cls: type[ApiError], opened: Any) -> ApiError:
    """The error of reading the stream ``opened()`` opens (sync or async)."""
    stream = await resolve(opened())
    return await _raises(cls, lambda: read_to_end(stream))


# --- the server's LLM provider is not reachable --------------------------------------------------------------


async def test_empty_500_of_a_completion_with_messages_does_not_blame_the_messages(client: Any) -> None:
    with replay("hints_llm_down_openai_chat_completion"):
        await resolve(client.workspaces.create(WS_NAME))
        error = await _raises(ServerError, lambda: client.openai.create_chat_completion(model=WS, messages=HI))
        await resolve(client.workspaces.delete(WS))
    assert error.status_code == 500 and error.body is None  # the server's empty 500
    assert "`messages` is empty" not in error.message
    assert "The request had its messages" in error.message and PROVIDER in error.message


async def test_a_completion_stream_that_ends_before_any_event_names_the_likely_cause(client: Any) -> None:
    with replay("hints_llm_down_openai_chat_completion_stream"):
        await resolve(client.workspaces.create(WS_NAME))
        opened = lambda: client.openai.create_chat_completion(model=WS, messages=HI, stream=True)  # noqa: E731
        error = await _stream_raises(StreamInterruptedError, opened)
        await resolve(client.workspaces.delete(WS))
    assert error.partial_text == ""
    assert "without sending any event" in error.message and PROVIDER in error.message


async def test_a_chat_aborted_with_connection_error_says_the_provider_is_unreachable(client: Any) -> None:
    with replay("hints_llm_down_chat_send_message"):
        await resolve(client.workspaces.create(WS_NAME))
        error = await _raises(ChatAbortedError, lambda: client.chat.send_message(WS, "hi", mode="chat"))
        await resolve(client.workspaces.delete(WS))
    assert error.server_message == "Connection error."
    assert error.message.startswith('The server aborted the chat (server said: "Connection error.")')
    assert PROVIDER in error.message


async def test_a_stream_aborted_with_connection_error_says_the_provider_is_unreachable(client: Any) -> None:
    with replay("hints_llm_down_chat_stream_message"):
        await resolve(client.workspaces.create(WS_NAME))
        error = await _stream_raises(ChatAbortedError, lambda: client.chat.stream_message(WS, "hi", mode="chat"))
        await resolve(client.workspaces.delete(WS))
    assert error.server_message == "Connection error."
    assert PROVIDER in error.message


async def test_a_thread_chat_aborted_with_connection_error_says_the_provider_is_unreachable(client: Any) -> None:
    with replay("hints_llm_down_thread_send_message"):
        await resolve(client.workspaces.create(WS_NAME))
        thread = await resolve(client.workspace_thread.create_thread(WS, "hint thread"))
        error = await _raises(
            ChatAbortedError, lambda: client.workspace_thread.send_message(WS, thread["slug"], "hi", mode="chat")
        )
        await resolve(client.workspaces.delete(WS))
    assert error.server_message == "Connection error."
    assert PROVIDER in error.message


async def test_a_chat_with_a_system_prompt_names_the_provider_not_the_messages(client: Any) -> None:
    with replay("hints_llm_down_chat_send_message_system_prompt"):
        await resolve(client.workspaces.create(WS_NAME))
        error = await _raises(ServerError, lambda: client.chat.send_message(WS, "hi", system_prompt="Answer briefly."))
        await resolve(client.workspaces.delete(WS))
    assert "`messages` is empty" not in error.message and PROVIDER in error.message


async def test_empty_500_of_an_embedding_of_text_names_the_embedding_provider(client: Any) -> None:
    with replay("hints_llm_down_embed_text"):
        error = await _raises(ServerError, lambda: client.embed.get_text_embedding("hello there"))
    assert "`input` is empty" not in error.message
    assert "embedding provider" in error.message


async def test_a_document_the_server_did_not_embed_is_a_server_error(client: Any) -> None:
    with replay("hints_llm_down_add_documents", repeats=True):  # remove_documents reads the listing again
        await resolve(client.workspaces.create(WS_NAME))
        stored = await resolve(client.documents.raw_text("Hummingbirds hover.", title="hint note"))
        error = await _raises(ServerError, lambda: client.workspaces.add_documents(WS, [stored["location"]]))
        await resolve(client.system.remove_documents([stored["location"]]))
        await resolve(client.workspaces.delete(WS))
    assert f"did not embed {stored['location']!r}" in error.message and "embedding provider" in error.message


# --- the server's document collector is not running ----------------------------------------------------------


COLLECTOR = "document collector"


async def test_an_upload_without_the_collector_says_the_collector_is_not_running(client: Any, tmp_path: Path) -> None:
    note = tmp_path / "hint-note.txt"
    note.write_text("A note for the collector.")
    with replay("hints_collector_down_upload"):
        error = await _raises(ServerError, lambda: client.documents.upload(note))
    assert error.server_message.startswith("Document processing API is not online.")
    assert error.message.startswith('The server could not process the document (server said: "Document processing')
    assert COLLECTOR in error.message


async def test_raw_text_and_links_without_the_collector_say_the_collector_is_not_running(client: Any) -> None:
    with replay("hints_collector_down_raw_text_and_link"):
        for call in (
            lambda: client.documents.raw_text("A note for the collector.", title="hint note"),
            lambda: client.documents.upload_link("http://127.0.0.1:9/hint"),
        ):
            error = await _raises(ServerError, call)
            assert error.server_message.startswith("Document processing API is not online.")
            assert COLLECTOR in error.message


async def test_accepted_file_types_without_the_collector_is_not_a_not_found(client: Any) -> None:
    with replay("hints_collector_down_accepted_types"):
        error = await _raises(ServerError, lambda: client.system.get_accepted_document_types())
    assert error.status_code == 404  # what the server answers when its collector does not
    assert COLLECTOR in error.message and "slug" not in error.message


# --- the OpenAI-compatible route's "abort" ------------------------------------------------------------------


async def test_a_query_refusal_through_the_openai_route_is_an_answer(client: Any) -> None:
    """finish_reason "abort" with text is the server's refusal in query mode, not a failure."""
    with replay("hints_query_refusal_overrides"):
        await resolve(client.workspaces.create("Refusal WS", chat_mode="query"))
        message = await resolve(
            client.chat.send_message("refusal-ws", "What do zebras love?", system_prompt="Be brief.")
        )
        await resolve(client.workspaces.delete("refusal-ws"))
    assert message["content"] == "There is no relevant information in this workspace to answer your query."


async def test_an_abort_without_text_through_the_openai_route_says_the_search_failed(
    fault_client: Any, fault_server: FaultServer
) -> None:
    # What the route sends when its document search fails: the refusal's shape with no content (the
    # recorded refusal, its content removed as the server's formatJSON does for a null textResponse).
    recorded = next(i for i in load("hints_query_refusal_overrides") if i.path.endswith("/chat/completions"))
    answer = recorded.json()
    answer["choices"][0]["message"]["content"] = None
    fault_server.script("POST", "/api/v1/openai/chat/completions", Reply.json(json.dumps(answer)))
    call = lambda: fault_client.chat.send_message("ws", "hi", system_prompt="Be brief.")  # noqa: E731
    error = await _raises(ChatAbortedError, call)
    assert "search of the workspace's documents failed" in error.message and "embedding provider" in error.message
