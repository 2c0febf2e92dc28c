"""client.openai against the real server's recorded answers (sync and async)."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from anythingllm._client import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm.errors import (
    ChatAbortedError,
    NotFoundError,
    ServerError,
    UnsupportedOperationError,
)
from anythingllm.streaming import AsyncCompletionStream, ChatCompletionChunk, CompletionStream
from tests.conftest import RECORDED_KEY, replay, resolve
from tests.faultserver import FaultServer, Reply, fault_server
from tests.recordings import load_interactions

pytestmark = pytest.mark.anyio
__all__ = ["fault_client", "fault_server"]

WS = "vcr-openai-ws"
GREETING = [
    {"role": "system", "content": "You are a test bot."},
    {"role": "user", "content": "Hi from the OpenAI endpoint"},
]
HISTORY = [
    {"role": "user", "content": "first"},
    {"role": "assistant", "content": "STUB-REPLY: first"},
    {"role": "user", "content": "Stream this answer please"},
]
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
IMAGE_QUESTION = [
    {
        "role": "user",
        "content": [
            {"type": "text", "text": "What is this image?"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64," + base64.b64encode(PNG).decode()}},
        ],
    }
]


@pytest.fixture(params=["sync", "async"])
async def fault_client(
    request: pytest.FixtureRequest, fault_server: FaultServer
) -> AsyncIterator[AnythingLLMClient | AsyncAnythingLLMClient]:
    """A sync or async client of the fault-injection server (for error paths the recordings lack)."""
    if request.param == "sync":
        with AnythingLLMClient(fault_server.base_url, RECORDED_KEY, max_retries=0) as sync_client:
            yield sync_client
    else:
        async with AsyncAnythingLLMClient(fault_server.base_url, RECORDED_KEY, max_retries=0) as async_client:
            yield async_client


async def collect(items: Any) -> list[Any]:
    """Everything a sync or async iterable yields."""
    if hasattr(items, "__aiter__"):
        return [item async for item in items]
    return list(items)


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


async def test_list_models_gives_every_workspace_as_a_model(client: Any) -> None:
    with replay("openai_compatible") as cassette:
        models = await resolve(client.openai.list_models())
        assert cassette.play_count == 1
    assert [m["id"] for m in models] == ["test-ws", "auto-ws", WS]
    assert all(m["object"] == "model" and m["owned_by"] == "generic-openai" for m in models)
    assert isinstance(models[0]["created"], int)


async def test_chat_completion_plain_streamed_and_with_an_image(client: Any, sent: list[httpx.Request]) -> None:
    with replay("openai_compatible") as cassette:
        completion = await resolve(client.openai.create_chat_completion(WS, GREETING, temperature=0.7))
        assert completion["object"] == "chat.completion"
        assert completion["model"] == WS
        assert completion["choices"][0]["message"] == {
            "role": "assistant",
            "content": "STUB-REPLY: Hi from the OpenAI endpoint",
        }
        assert completion["choices"][0]["finish_reason"] == "stop"
        assert completion["usage"]["total_tokens"] == 16
        assert completion["usage"]["provider"] == "GenericOpenAiLLM"  # the server's extra usage keys are kept

        stream = await resolve(client.openai.create_chat_completion(WS, HISTORY, stream=True))
        assert type(stream) is (
            AsyncCompletionStream if isinstance(client, AsyncAnythingLLMClient) else CompletionStream
        )
        chunks = await collect(stream)
        assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
        assert len(chunks) == 7
        assert "".join(chunk.content or "" for chunk in chunks) == "STUB-REPLY: Stream this answer please"
        assert [chunk.finish_reason for chunk in chunks][-2:] == [None, "stop"]

        with_image = await resolve(client.openai.create_chat_completion(WS, IMAGE_QUESTION))
        assert with_image["choices"][0]["message"]["content"] == "STUB-REPLY: What is this image?"
        assert cassette.play_count == 3

    # What was sent is what the recorder sent: the documented fields, nothing the server would ignore.
    assert body_of(sent[0]) == {"model": WS, "messages": GREETING, "temperature": 0.7, "stream": False}
    assert body_of(sent[1]) == {"model": WS, "messages": HISTORY, "stream": True}
    assert body_of(sent[2]) == {"model": WS, "messages": IMAGE_QUESTION, "stream": False}


async def test_streamed_completion_text_and_final_completion(client: Any) -> None:
    with replay("openai_compatible") as cassette:
        await resolve(client.openai.create_chat_completion(WS, GREETING, temperature=0.7))  # first recorded answer
        stream = await resolve(client.openai.create_chat_completion(WS, HISTORY, None, True))
        first = await collect(stream.text_stream)
        final = await resolve(stream.get_final_completion())
        assert cassette.play_count == 2
    assert "".join(first) == "STUB-REPLY: Stream this answer please"
    assert "" not in first  # only non-empty deltas
    assert final["object"] == "chat.completion"
    assert final["model"] == WS
    assert final["choices"][0]["message"]["content"] == "STUB-REPLY: Stream this answer please"
    assert final["choices"][0]["finish_reason"] == "stop"
    assert final["usage"]["total_tokens"] == 64


async def test_create_embedding_of_one_text_and_of_a_list(client: Any, sent: list[httpx.Request]) -> None:
    with replay("openai_compatible") as cassette:
        single = await resolve(client.openai.create_embedding("embed this single string"))
        several = await resolve(client.openai.create_embedding(["first string", "second string"]))
        assert cassette.play_count == 2
    assert single["object"] == "list"
    assert len(single["data"]) == 1
    assert len(single["data"][0]["embedding"]) == 384
    assert [item["index"] for item in several["data"]] == [0, 1]
    assert several["data"][0]["embedding"] != several["data"][1]["embedding"]
    assert isinstance(several["model"], str)
    assert [body_of(r) for r in sent] == [
        {"input": "embed this single string"},
        {"input": ["first string", "second string"]},
    ]


async def test_list_vector_stores_one_per_workspace(client: Any) -> None:
    with replay("openai_compatible") as cassette:
        stores = await resolve(client.openai.list_vector_stores())
        assert cassette.play_count == 1
    assert [s["id"] for s in stores] == ["test-ws", "auto-ws", WS]
    assert stores[0] == {
        "id": "test-ws",
        "object": "vector_store",
        "name": "Test WS",
        "file_counts": {"total": 2},
        "provider": "lancedb",
    }


async def test_generate_image_without_an_image_provider_is_a_server_error(client: Any) -> None:
    with replay("openai_compatible") as cassette, pytest.raises(ServerError) as caught:
        await resolve(client.openai.generate_image("a tiny red square", size="256x256"))
    assert cassette.play_count == 1
    assert caught.value.status_code == 500
    assert "No valid image generation provider was set" in str(caught.value)


async def test_generate_image_sends_references_as_multipart(
    fault_client: Any, fault_server: FaultServer, tmp_path: Path
) -> None:
    image = tmp_path / "square.png"
    image.write_bytes(PNG)
    no_provider = load_interactions("openai_compatible")[9]  # the real answer: no image provider configured
    fault_server.script("POST", "/api/v1/openai/images/generations", Reply.recorded(no_provider))
    with pytest.raises(ServerError, match="No valid image generation provider"):
        await resolve(fault_client.openai.generate_image("make it blue", size="512x512", image_references=[image]))
    received = fault_server.requests[0]
    headers = {name.lower(): value for name, value in received.headers.items()}
    assert headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = received.body
    assert b'name="prompt"\r\nContent-Type: text/plain\r\n\r\nmake it blue\r\n' in parts
    assert b'name="size"\r\nContent-Type: text/plain\r\n\r\n512x512\r\n' in parts
    assert b'name="image_references"; filename="square.png"\r\nContent-Type: image/png\r\n\r\n' + PNG in parts


@pytest.mark.parametrize("stream", [False, True])
async def test_unknown_model_is_not_found(client: Any, stream: bool) -> None:
    with replay("errors_openai") as cassette:
        # The first two recorded answers are the server's empty 500s for empty and missing messages,
        # which create_chat_completion refuses before sending (see the validation test).
        for body in ({"model": "test-ws", "messages": []}, {"model": "test-ws"}):
            with pytest.raises(ServerError, match="empty body"):
                await resolve(client.http_client.post("/v1/openai/chat/completions", json_data=body))
        with pytest.raises(NotFoundError, match="Unknown model") as caught:
            await resolve(
                client.openai.create_chat_completion(
                    "no-such-model", [{"role": "user", "content": "hi"}], stream=stream
                )
            )
        assert cassette.play_count == 3
    assert caught.value.status_code == 401


async def test_last_message_not_from_the_user_is_refused_as_the_server_would(client: Any) -> None:
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]
    with replay("errors_openai") as cassette:
        with pytest.raises(ValueError, match="last message must have role 'user'"):
            await resolve(client.openai.create_chat_completion("test-ws", messages))
        assert cassette.play_count == 0
        # The server's own answer to it (the 4th recorded chat call): an abort.
        for expected in (ServerError, ServerError, NotFoundError):  # the 3 recorded answers before it
            with pytest.raises(expected):
                await resolve(client.http_client.post("/v1/openai/chat/completions", json_data={}))
        with pytest.raises(ChatAbortedError, match="No user prompt found"):
            await resolve(
                client.http_client.post(
                    "/v1/openai/chat/completions", json_data={"model": "test-ws", "messages": messages}
                )
            )


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"messages": "hi"}, TypeError, "messages must be a list"),
        ({"messages": []}, ValueError, "messages must not be empty"),
        ({"messages": [{"role": "bot", "content": "hi"}]}, ValueError, r"messages\[0\]\['role'\]"),
        ({"messages": [{"role": "user"}]}, ValueError, r"messages\[0\] has no 'content'"),
        ({"messages": [{"role": "user", "content": 42}]}, TypeError, r"messages\[0\]\['content'\]"),
        ({"messages": [{"role": "user", "content": "   "}]}, ValueError, "must not be empty"),
        ({"messages": [{"role": "user", "content": [{"type": "audio"}]}]}, ValueError, r"\['type'\]"),
        ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": "x"}]}]}, TypeError, "url"),
        ({"messages": ["hi"]}, TypeError, r"messages\[0\] must be a dict"),
        ({"model": ""}, ValueError, "model must not be empty"),
        ({"model": "a/b"}, ValueError, "model must be a single path segment"),
        ({"temperature": -0.1}, ValueError, "temperature"),
        ({"temperature": "warm"}, TypeError, "temperature"),
        ({"stream": "yes"}, TypeError, "stream must be a bool"),
        ({"max_tokens": 100}, UnsupportedOperationError, "max_tokens"),
        ({"top_p": 0.9, "presence_penalty": 0.5}, UnsupportedOperationError, "top_p, presence_penalty"),
        ({"frequency_penalty": 0.0}, UnsupportedOperationError, "frequency_penalty"),
    ],
)
async def test_chat_completion_arguments_are_checked_before_sending(
    client: Any, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    arguments: dict[str, Any] = {"model": WS, "messages": [{"role": "user", "content": "hi"}], **kwargs}
    with replay("openai_compatible") as cassette:
        with pytest.raises(error, match=match):
            await resolve(client.openai.create_chat_completion(**arguments))
        assert cassette.play_count == 0


async def test_embedding_and_image_arguments_are_checked_before_sending(client: Any, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not an image")
    with replay("errors_openai") as cassette:
        for bad, error in (("", ValueError), ([], ValueError), ([1, 2], TypeError), (["ok", " "], ValueError)):
            with pytest.raises(error, match="input_text"):
                await resolve(client.openai.create_embedding(bad))
        with pytest.raises(UnsupportedOperationError, match="configured embedder"):
            await resolve(client.openai.create_embedding("text", model="text-embedding-3-small"))
        with pytest.raises(ValueError, match="prompt"):
            await resolve(client.openai.generate_image(""))
        with pytest.raises(ValueError, match="size"):
            await resolve(client.openai.generate_image("a cat", size="big"))
        with pytest.raises(TypeError, match="image_references"):
            await resolve(client.openai.generate_image("a cat", image_references=str(text_file)))
        with pytest.raises(ValueError, match="must be an image file"):
            await resolve(client.openai.generate_image("a cat", image_references=[text_file]))
        with pytest.raises(ValueError, match="not an existing file"):
            await resolve(client.openai.generate_image("a cat", image_references=[tmp_path / "missing.png"]))
        with pytest.raises(ValueError, match="at most 10"):
            await resolve(client.openai.generate_image("a cat", image_references=[text_file] * 11))
        assert cassette.play_count == 0
