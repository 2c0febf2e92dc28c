"""The OpenAI-compatible endpoints: models, chat completions, embeddings, vector stores, images.

Here a "model" is a workspace: its slug is the model name, and the workspace's own LLM, documents and
chat mode answer. The text-embedding plan below is shared with :class:`~anythingllm.resources.embed.EmbedModule`.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Awaitable, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from .. import _shape
from .._plan import Call, Plan
from .._resource import Async, M, Resource, Sync, operation
from .._validate import check_number, require_list, require_slug, require_text, type_name
from ..errors import UnsupportedOperationError
from ..types import ChatCompletion, EmbeddingResult, ImageGenerationResult, OpenAIModel, VectorStore

if TYPE_CHECKING:
    from ..streaming import AsyncCompletionStream, CompletionStream

__all__ = ["OpenAIModule"]

Messages = Sequence[Mapping[str, Any]]
"""Chat messages: ``[{"role": "system"|"user"|"assistant", "content": str | [content parts]}]``."""

_ROLES = ("system", "user", "assistant")
_PART_TYPES = ("text", "image_url")
_MAX_IMAGE_REFERENCES = 10
_MAX_IMAGE_BYTES = 25 * 1024 * 1024
_UNREAD_PARAMETERS = {
    "max_tokens": (
        "the answer length is capped by the LLM provider's server-wide token limit instead (e.g. "
        "GenericOpenAiMaxTokens for the generic-openai provider, via client.system.update_settings)"
    ),
    "top_p": "the server has no setting for it; temperature is the only sampling control it passes on",
    "frequency_penalty": "the server has no setting for it; temperature is the only sampling control it passes on",
    "presence_penalty": "the server has no setting for it; temperature is the only sampling control it passes on",
}


# --- text embeddings (one plan for client.openai.create_embedding and client.embed.*) -------------------


def check_embedding_input(name: str, value: object) -> str | list[str]:
    """A text, or a non-empty list of texts, to embed; each text must have a non-space character.

    The server answers an empty or non-text input with an empty 500, so it is refused here.
    """
    if isinstance(value, str):
        return require_text(name, value)
    texts = require_list(name, value)
    if not texts:
        raise ValueError(f"{name} must contain at least one text")
    for index, text in enumerate(texts):
        require_text(f"{name}[{index}]", text)
    return texts


def embeddings_plan(texts: str | list[str]) -> Plan[EmbeddingResult]:
    """``POST /v1/openai/embeddings {input}``: one vector per text, in input order, from the server's embedder.

    ``texts`` must already have passed :func:`check_embedding_input`.
    """
    from anythingllm_api.models.openai_embeddings_body import OpenaiEmbeddingsBody

    parsed = yield Call("openai.openai_embeddings", {"body": OpenaiEmbeddingsBody.from_dict({"input": texts})})
    return _shape.embedding_result(parsed)


# --- chat completions -------------------------------------------------------------------------------------


def _check_content(where: str, content: object) -> None:
    if isinstance(content, str):
        return
    if not isinstance(content, (list, tuple)):
        raise TypeError(f"{where} must be a str or a list of content parts, got {type_name(content)}")
    for index, part in enumerate(content):
        at = f"{where}[{index}]"
        if not isinstance(part, Mapping):
            raise TypeError(f"{at} must be a dict such as {{'type': 'text', 'text': ...}}, got {type_name(part)}")
        kind = part.get("type")
        if kind not in _PART_TYPES:
            raise ValueError(f"{at}['type'] must be 'text' or 'image_url' (the server reads no others), got {kind!r}")
        if kind == "text" and not isinstance(part.get("text"), str):
            raise TypeError(f"{at}['text'] must be a str, got {type_name(part.get('text'))}")
        image = part.get("image_url")
        if kind == "image_url" and not (isinstance(image, Mapping) and isinstance(image.get("url"), str)):
            raise TypeError(f"{at}['image_url'] must be a dict with a 'url' str (a data: URL), got {image!r}")


def _has_text(content: Any) -> bool:
    """Whether a message content asks something: non-blank text, or at least one image."""
    if isinstance(content, str):
        return bool(content.strip())
    return any(part["type"] == "image_url" or part["text"].strip() for part in content)


def _check_messages(messages: object) -> list[dict[str, Any]]:
    """``messages`` must be a non-empty list of ``{role, content}`` ending with a non-empty user message.

    The server answers the last message (it must be the user's) with the earlier ones as history; a
    system message replaces the workspace's system prompt. Empty or missing messages get an empty 500
    from the server, so they are refused here.
    """
    if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, (list, tuple)):
        raise TypeError(f"messages must be a list of {{'role': ..., 'content': ...}} dicts, got {type_name(messages)}")
    if not messages:
        raise ValueError("messages must not be empty: the last one is the user's question")
    checked: list[dict[str, Any]] = []
    for index, message in enumerate(messages):
        where = f"messages[{index}]"
        if not isinstance(message, Mapping):
            raise TypeError(f"{where} must be a dict with 'role' and 'content', got {type_name(message)}")
        role = message.get("role")
        if role not in _ROLES:
            raise ValueError(f"{where}['role'] must be one of {', '.join(_ROLES)}, got {role!r}")
        if "content" not in message:
            raise ValueError(f"{where} has no 'content'")
        _check_content(f"{where}['content']", message["content"])
        checked.append(dict(message))
    last = checked[-1]
    if last["role"] != "user":
        raise ValueError(
            f"messages: the last message must have role 'user' (the server answers it), got {last['role']!r}"
        )
    if not _has_text(last["content"]):
        raise ValueError(f"messages[{len(checked) - 1}]['content'] must not be empty: it is the question")
    return checked


def _refuse_unread(**values: Any) -> None:
    """Parameters the server's endpoint never reads: refused rather than silently dropped."""
    given = [name for name, value in values.items() if value is not None]
    if given:
        reasons = "; ".join(f"{name}: {_UNREAD_PARAMETERS[name]}" for name in given)
        raise UnsupportedOperationError(
            0,
            f"the server's OpenAI-compatible chat reads only model, messages, temperature and stream, so "
            f"{', '.join(given)} would have no effect ({reasons}). Leave them out.",
        )


def _chat_completion(
    module: Resource[Any],
    model: str,
    messages: Messages,
    temperature: float | None = None,
    stream: bool = False,
    max_tokens: int | None = None,
    top_p: float | None = None,
    frequency_penalty: float | None = None,
    presence_penalty: float | None = None,
) -> Plan[ChatCompletion | CompletionStream | AsyncCompletionStream]:
    """Chat with the workspace ``model`` (its slug) in the OpenAI format.

    Returns the ``chat.completion`` dict, or with ``stream=True`` an open
    :class:`~anythingllm.streaming.CompletionStream` (:class:`~anythingllm.streaming.AsyncCompletionStream`
    on the async client): iterate its chunks or ``text_stream``, or call ``get_final_completion()``.

    The server answers the last (user) message with the earlier ones as history and the workspace's own
    LLM, documents and chat mode; a system message replaces the workspace prompt. Pass ``temperature``
    to control sampling: when it is omitted this server version does not fall back to the workspace's
    temperature but hands the provider an unset value. ``max_tokens``, ``top_p``, ``frequency_penalty``
    and ``presence_penalty`` are never read by the server and raise UnsupportedOperationError when given.
    An unknown model raises NotFoundError.
    """
    from anythingllm_api.models.openai_chat_completions_body import OpenaiChatCompletionsBody

    slug = require_slug("model", model)
    checked = _check_messages(messages)
    if not isinstance(stream, bool):
        raise TypeError(f"stream must be a bool, got {type_name(stream)}")
    fields: dict[str, Any] = {"model": slug, "messages": checked, "stream": stream}
    if temperature is not None:
        fields["temperature"] = check_number("temperature", temperature)
    _refuse_unread(
        max_tokens=max_tokens, top_p=top_p, frequency_penalty=frequency_penalty, presence_penalty=presence_penalty
    )
    call = Call(
        "openai.openai_chat_completions",
        {"body": OpenaiChatCompletionsBody.from_dict(fields)},
        stream="completion" if stream else None,
    )
    result = yield call
    if stream:
        opened: CompletionStream | AsyncCompletionStream = result  # the driver picks the sync or async kind
        return opened
    return _shape.chat_completion(result)


_chat_completion.__name__ = "create_chat_completion"
_chat_completion.__qualname__ = "OpenAIModule.create_chat_completion"


# --- images -------------------------------------------------------------------------------------------------


def _check_size(size: object) -> str:
    if not isinstance(size, str):
        raise TypeError(f"size must be a str such as '1024x1024', got {type_name(size)}")
    width, sep, height = size.partition("x")
    if not (sep and width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
        raise ValueError(f"size must be '<width>x<height>' such as '1024x1024', got {size!r}")
    return size


def _check_image_references(value: object) -> list[tuple[Path, str]]:
    """Up to 10 existing image files (``image/*`` by their extension, at most 25 MB each)."""
    name = "image_references"
    if isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a list of file paths, got a single {type_name(value)}")
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{name} must be a list of file paths, got {type_name(value)}")
    if not value:
        raise ValueError(f"{name} must not be empty (leave it out to generate a new image)")
    if len(value) > _MAX_IMAGE_REFERENCES:
        raise ValueError(f"{name} may hold at most {_MAX_IMAGE_REFERENCES} images, got {len(value)}")
    files: list[tuple[Path, str]] = []
    for index, item in enumerate(value):
        at = f"{name}[{index}]"
        if not isinstance(item, (str, os.PathLike)) or not str(item).strip():
            raise TypeError(f"{at} must be a file path, got {item!r}")
        path = Path(item)
        if not path.is_file():
            raise ValueError(f"{at} is not an existing file: {str(path)!r}")
        mime = mimetypes.guess_type(path.name)[0] or ""
        if not mime.startswith("image/"):
            raise ValueError(f"{at} must be an image file (png, jpeg, webp...), got {path.name!r}")
        if path.stat().st_size > _MAX_IMAGE_BYTES:
            raise ValueError(f"{at} is larger than the server's 25 MB limit: {path.name!r}")
        files.append((path, mime))
    return files


class OpenAIModule(Resource[M]):
    """The OpenAI-compatible endpoints (``client.openai``): a model is a workspace, named by its slug."""

    @operation
    def list_models(self) -> Plan[list[OpenAIModel]]:
        """Every workspace as a "model": ``id`` is the slug to pass as ``model``, ``owned_by`` its provider."""
        parsed = yield Call("openai.openai_list_models")
        return [_shape.openai_model(item) for item in parsed["data"]]

    if TYPE_CHECKING:

        @overload
        def create_chat_completion(
            self: OpenAIModule[Sync],
            model: str,
            messages: Messages,
            temperature: float | None = None,
            stream: Literal[False] = False,
            max_tokens: int | None = None,
            top_p: float | None = None,
            frequency_penalty: float | None = None,
            presence_penalty: float | None = None,
        ) -> ChatCompletion: ...
        @overload
        def create_chat_completion(
            self: OpenAIModule[Sync],
            model: str,
            messages: Messages,
            temperature: float | None = None,
            *,
            stream: Literal[True],
            max_tokens: int | None = None,
            top_p: float | None = None,
            frequency_penalty: float | None = None,
            presence_penalty: float | None = None,
        ) -> CompletionStream: ...
        @overload
        def create_chat_completion(
            self: OpenAIModule[Sync],
            model: str,
            messages: Messages,
            temperature: float | None = None,
            stream: bool = False,
            max_tokens: int | None = None,
            top_p: float | None = None,
            frequency_penalty: float | None = None,
            presence_penalty: float | None = None,
        ) -> ChatCompletion | CompletionStream: ...
        @overload
        def create_chat_completion(
            self: OpenAIModule[Async],
            model: str,
            messages: Messages,
            temperature: float | None = None,
            stream: Literal[False] = False,
            max_tokens: int | None = None,
            top_p: float | None = None,
            frequency_penalty: float | None = None,
            presence_penalty: float | None = None,
        ) -> Awaitable[ChatCompletion]: ...
        @overload
        def create_chat_completion(
            self: OpenAIModule[Async],
            model: str,
            messages: Messages,
            temperature: float | None = None,
            *,
            stream: Literal[True],
            max_tokens: int | None = None,
            top_p: float | None = None,
            frequency_penalty: float | None = None,
            presence_penalty: float | None = None,
        ) -> Awaitable[AsyncCompletionStream]: ...
        @overload
        def create_chat_completion(
            self: OpenAIModule[Async],
            model: str,
            messages: Messages,
            temperature: float | None = None,
            stream: bool = False,
            max_tokens: int | None = None,
            top_p: float | None = None,
            frequency_penalty: float | None = None,
            presence_penalty: float | None = None,
        ) -> Awaitable[ChatCompletion | AsyncCompletionStream]: ...
        def create_chat_completion(self, *args: Any, **kwargs: Any) -> Any:
            """Chat with the workspace ``model`` (its slug) in the OpenAI format.

            Returns the ``chat.completion`` dict, or with ``stream=True`` an open CompletionStream
            (AsyncCompletionStream on the async client). ``max_tokens``, ``top_p``, ``frequency_penalty`` and
            ``presence_penalty`` are never read by the server and raise UnsupportedOperationError when given.
            """

    else:
        create_chat_completion = operation(_chat_completion)

    @operation
    def list_vector_stores(self) -> Plan[list[VectorStore]]:
        """Every workspace as a vector store: ``id`` is the slug, ``file_counts.total`` its documents."""
        parsed = yield Call("openai.openai_list_vector_stores")
        return [_shape.vector_store(item) for item in parsed["data"]]

    @operation
    def create_embedding(self, input_text: str | list[str], model: str | None = None) -> Plan[EmbeddingResult]:
        """Embed a text or a list of texts with the server's embedder: one vector per text, in order.

        ``model`` cannot be chosen: the server always uses its configured embedder (the answer's ``model``
        names it), so passing one raises UnsupportedOperationError.
        """
        texts = check_embedding_input("input_text", input_text)
        if model is not None:
            raise UnsupportedOperationError(
                0,
                f"the server ignores model={model!r}: it always embeds with its configured embedder "
                "(EmbeddingEngine/EmbeddingModelPref, changed server-wide with client.system.update_settings). "
                "Leave model out; the result's 'model' names the embedder used.",
            )
        return (yield from embeddings_plan(texts))

    @operation
    def generate_image(
        self, prompt: str, size: str | None = None, image_references: Sequence[str | os.PathLike[str]] | None = None
    ) -> Plan[ImageGenerationResult]:
        """Generate an image with the server's image provider; the PNG comes back base64-encoded (``b64_json``).

        ``size`` such as ``"1024x1024"`` (the server's default when omitted). ``image_references``: up to
        10 image files to edit instead; a provider that cannot edit generates from the prompt and says so
        in ``notice``. Without a configured image provider the server answers with a ServerError.
        """
        from anythingllm_api.models.openai_generate_image_body import OpenaiGenerateImageBody
        from anythingllm_api.types import File

        require_text("prompt", prompt)
        fields: dict[str, Any] = {"prompt": prompt}
        if size is not None:
            fields["size"] = _check_size(size)
        references = _check_image_references(image_references) if image_references is not None else []
        with ExitStack() as files:
            body = OpenaiGenerateImageBody.from_dict(fields)
            if references:
                body.image_references = [
                    File(payload=files.enter_context(path.open("rb")), file_name=path.name, mime_type=mime)
                    for path, mime in references
                ]
            parsed = yield Call("openai.openai_generate_image", {"body": body})
        return _shape.image_generation_result(parsed)
