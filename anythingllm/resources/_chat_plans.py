"""The plans behind ``client.chat`` and ``client.workspace_thread``, written once for both modules.

A chat goes to a workspace (``/v1/workspace/{slug}/chat``) or to one of its threads
(``/v1/workspace/{slug}/thread/{thread}/chat``); :class:`Target` picks the route, and every plan here
works on either. The modules' methods only check their own parameters and ``yield from`` these plans.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, ParamSpec

from .. import _shape
from .._plan import Call, Plan
from .._validate import check_mode, check_number, require_bool, require_slug, require_text
from ..errors import ApiError, ChatAbortedError, NotFoundError, UnsupportedOperationError, not_found
from ..types import Attachment, ChatMessage, ChatThread, OperationResult

if TYPE_CHECKING:
    pass

P = ParamSpec("P")

ChatMode = Literal["automatic", "chat", "query"]
"""How the server answers: ``chat`` (LLM with documents as context), ``query`` (only from documents),
``automatic`` (the agent path, with tools when the model supports them)."""

AttachmentSource = str | os.PathLike[str] | Attachment
"""A file to send with a message: a path (read from disk) or a ready ``{name, mime, contentString}``."""

DOCUMENT_MIME = "application/anythingllm-document"
"""The mime type that makes the server parse an attachment as a document (anything else is an image)."""

HISTORY_ORDERS = ("asc", "desc")


# --- where a chat goes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A workspace (``thread`` is None) or one of its threads, both by slug."""

    workspace: str
    thread: str | None = None

    @classmethod
    def of(cls, workspace_id: object, thread_id: object = None) -> Target:
        """Check the slugs (``thread_id`` may be None)."""
        workspace = require_slug("workspace_id", workspace_id)
        return cls(workspace, None if thread_id is None else require_slug("thread_id", thread_id))

    @classmethod
    def thread_of(cls, workspace_id: object, thread_id: object) -> Target:
        """Check both slugs; the thread is required."""
        return cls(require_slug("workspace_id", workspace_id), require_slug("thread_id", thread_id))

    def chat_call(self, body: Mapping[str, Any], *, stream: bool = False) -> Call:
        """``/chat`` (or ``/stream-chat``, answered by an open typed stream) of this workspace or thread."""
        path: dict[str, Any] = {"slug": self.workspace}
        if self.thread is None:
            from anythingllm_api.models.chat_request import ChatRequest

            endpoint = "workspaces.workspace_stream_chat" if stream else "workspaces.workspace_chat"
            path["body"] = ChatRequest.from_dict(body)
        else:
            from anythingllm_api.models.thread_chat_request import ThreadChatRequest

            endpoint = "threads.thread_stream_chat" if stream else "threads.thread_chat"
            path.update(thread_slug=self.thread, body=ThreadChatRequest.from_dict(body))
        if not stream:
            return Call(endpoint, path)
        return Call(endpoint, path, stream="chat", context={"workspace": self.workspace, "thread": self.thread})


# --- checking a message before anything is sent ---------------------------------------------------------


@dataclass(frozen=True)
class ChatInput:
    """A checked message: where it goes, the ``/chat`` body, and the options that change the route."""

    target: Target
    body: dict[str, Any]
    system_prompt: str | None = None
    temperature: float | None = None
    include_sources: bool | None = None
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def overrides(self) -> bool:
        """Whether a system prompt or temperature was given (only the OpenAI-compatible route takes them)."""
        return self.system_prompt is not None or self.temperature is not None


def chat_input(
    target: Target,
    message: object,
    *,
    system_prompt: object = None,
    temperature: object = None,
    include_sources: object = None,
    mode: object = None,
    session_id: object = None,
    user_id: object = None,
    attachments: object = None,
    reset: object = False,
    streaming: bool = False,
) -> ChatInput:
    """Check every parameter of a chat (TypeError/ValueError naming it) and refuse what the server lacks."""
    text = require_text("message", message)
    checked_mode = None if mode is None else check_mode(mode)
    checked_temperature = None if temperature is None else float(check_number("temperature", temperature))
    prompt = None if system_prompt is None else require_text("system_prompt", system_prompt)
    sources = None if include_sources is None else require_bool("include_sources", include_sources)
    session = None if session_id is None else require_text("session_id", session_id)
    user = None if user_id is None else check_number("user_id", user_id, minimum=1, integer=True)
    wants_reset = require_bool("reset", reset)
    files = [] if attachments is None else read_attachments(attachments)
    chat = ChatInput(
        target,
        chat_body(text, mode=checked_mode, session_id=session, user_id=user, attachments=files, reset=wants_reset),
        prompt,
        checked_temperature,
        sources,
        files,
    )
    _refuse_unsupported(chat, streaming=streaming)
    return chat


def chat_body(
    message: str | None,
    *,
    mode: str | None = None,
    session_id: str | None = None,
    user_id: int | float | None = None,
    attachments: list[Attachment] | None = None,
    reset: bool = False,
) -> dict[str, Any]:
    """The JSON body of ``/chat`` and ``/stream-chat``: only the fields that were given."""
    body: dict[str, Any] = {}
    if message is not None:
        body["message"] = message
    if mode is not None:
        body["mode"] = mode
    if session_id is not None:
        body["sessionId"] = session_id
    if user_id is not None:
        body["userId"] = user_id
    if attachments:
        body["attachments"] = [dict(a) for a in attachments]
    if reset:
        body["reset"] = True
    return body


def _refuse_unsupported(chat: ChatInput, *, streaming: bool) -> None:
    body, in_thread = chat.body, chat.target.thread is not None
    if in_thread and "sessionId" in body:
        raise UnsupportedOperationError(
            0,
            "the server's thread chat has no session id (sessionId exists only on workspace chats); chat "
            "without thread_id to use session_id, or keep one thread per session",
        )
    if not in_thread and "userId" in body:
        raise UnsupportedOperationError(
            0,
            "the server's workspace chat stores chats without a user; user_id works in a thread (pass "
            "thread_id), and session_id partitions workspace chats",
        )
    if streaming and chat.include_sources is False:
        raise UnsupportedOperationError(
            0,
            "the server streams sources with every answer and cannot leave them out; ignore the events' "
            "sources, or use send_message(include_sources=False), which drops them from the result",
        )
    if not chat.overrides:
        return
    if in_thread:
        raise UnsupportedOperationError(
            0,
            "the server has no per-message system prompt or temperature in a thread chat; send without "
            "thread_id (the workspace chat then goes through the OpenAI-compatible endpoint, which takes "
            "both), or change the workspace's own temperature with client.workspaces.update(temperature=...)",
        )
    if streaming:
        raise UnsupportedOperationError(
            0,
            "the server's stream-chat has no per-message system prompt or temperature; stream through the "
            "OpenAI-compatible endpoint instead: client.openai.create_chat_completion(model=<workspace slug>, "
            "messages=[{'role': 'system', ...}, {'role': 'user', ...}], temperature=..., stream=True)",
        )
    documents = any(not a["mime"].startswith("image/") for a in chat.attachments)
    conflicts = [
        name
        for name, given in (
            ("mode", "mode" in body),
            ("session_id", "sessionId" in body),
            ("reset", "reset" in body),
            ("document attachments", documents),
        )
        if given
    ]
    if conflicts:
        raise UnsupportedOperationError(
            0,
            "system_prompt and temperature go through the server's OpenAI-compatible chat "
            f"(/v1/openai/chat/completions), which has no {', '.join(conflicts)}: it answers in the "
            "workspace's chat mode, without a session or reset, and reads only image attachments. Send "
            "without system_prompt and temperature to use them.",
        )


def read_attachments(attachments: object) -> list[Attachment]:
    """Attachments as the server takes them: ``{name, mime, contentString}`` with a data URL.

    A path is read from disk: an image keeps its image mime type, any other file is sent as
    ``application/anythingllm-document``, which the server parses into text for the answer.
    A mapping is taken as is (it must have the three text fields).
    """
    if isinstance(attachments, (str, bytes, os.PathLike, Mapping)) or not isinstance(attachments, (list, tuple)):
        raise TypeError(
            f"attachments must be a list of file paths or {{name, mime, contentString}} dicts, "
            f"got {type(attachments).__name__}"
        )
    return [_attachment(f"attachments[{index}]", item) for index, item in enumerate(attachments)]


def _attachment(name: str, item: object) -> Attachment:
    if isinstance(item, Mapping):
        keys = ("name", "mime", "contentString")
        missing = [key for key in keys if not isinstance(item.get(key), str) or not item[key]]
        if missing:
            raise ValueError(f"{name} needs non-empty text in {', '.join(missing)}")
        return Attachment(name=item["name"], mime=item["mime"], contentString=item["contentString"])
    if not isinstance(item, (str, os.PathLike)):
        raise TypeError(
            f"{name} must be a file path or a {{name, mime, contentString}} dict, got {type(item).__name__}"
        )
    path = Path(item)
    if not str(item).strip() or not path.is_file():
        raise ValueError(f"{name} is not an existing file: {str(item)!r}")
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = guessed if guessed.startswith("image/") else DOCUMENT_MIME
    return Attachment(name=path.name, mime=mime, contentString=f"data:{guessed};base64,{data}")


# --- chatting --------------------------------------------------------------------------------------------


def send(chat: ChatInput) -> Plan[ChatMessage]:
    """One message, answered whole; through the OpenAI-compatible route when it has overrides."""
    target = chat.target
    if chat.overrides:
        message = yield from _send_with_overrides(chat)
    else:
        parsed = yield target.chat_call(chat.body)
        message = _shape.chat_message(parsed, workspace=target.workspace, thread=target.thread)
    if chat.include_sources is False:
        message.pop("sources", None)
    return message


def _send_with_overrides(chat: ChatInput) -> Plan[ChatMessage]:
    """``POST /v1/openai/chat/completions`` with the workspace as model, the system prompt and temperature."""
    from anythingllm_api.models.openai_chat_completions_body import OpenaiChatCompletionsBody

    text = chat.body["message"]
    content: str | list[dict[str, Any]] = text
    if chat.attachments:
        images = [{"type": "image_url", "image_url": {"url": _data_url(a)}} for a in chat.attachments]
        content = [{"type": "text", "text": text}, *images]
    messages: list[dict[str, Any]] = []
    if chat.system_prompt is not None:
        messages.append({"role": "system", "content": chat.system_prompt})
    messages.append({"role": "user", "content": content})
    body: dict[str, Any] = {"model": chat.target.workspace, "messages": messages, "stream": False}
    if chat.temperature is not None:
        body["temperature"] = chat.temperature
    try:
        completion = yield Call("openai.openai_chat_completions", {"body": OpenaiChatCompletionsBody.from_dict(body)})
    except NotFoundError as error:  # its empty 401 for a model that is no workspace's slug
        message = (
            f"workspace {chat.target.workspace!r} does not exist (a chat with system_prompt or temperature goes "
            "through the OpenAI-compatible endpoint, which answers an unknown workspace with an empty 401)."
        )
        raise not_found(error, message) from error
    choices = completion.get("choices") or [{}]
    # finish_reason "abort" with text is a query-mode refusal (an answer); without text, the endpoint
    # failed to search the workspace's documents and left out why (server/utils/chats/openaiCompatible.js).
    if choices[0].get("finish_reason") == "abort" and (choices[0].get("message") or {}).get("content") is None:
        raise ChatAbortedError(
            200,
            "The server aborted the chat: its search of the workspace's documents failed, and its "
            "OpenAI-compatible endpoint does not say why. Most likely its embedding provider is not running, "
            "not reachable or failing, or its vector database failed; the AnythingLLM server log has the cause.",
            body=completion,
            method="POST",
            path="/api/v1/openai/chat/completions",
        )
    return _shape.chat_message_from_completion(completion, workspace=chat.target.workspace)


def _data_url(attachment: Attachment) -> str:
    content = attachment["contentString"]
    return content if content.startswith("data:") else f"data:{attachment['mime']};base64,{content}"


def stream(chat: ChatInput) -> Plan[Any]:
    """One message, answered as an open :class:`ChatStream` (:class:`AsyncChatStream` on the async client)."""
    return (yield chat.target.chat_call(chat.body, stream=True))


def clear(target: Target, session_id: object = None) -> Plan[OperationResult]:
    """Reset the history (``{reset: true}``): earlier chats stay stored but leave the history and the context."""
    body = chat_body(None, session_id=None if session_id is None else require_text("session_id", session_id))
    body["reset"] = True
    _refuse_unsupported(ChatInput(target, body), streaming=False)
    parsed = yield target.chat_call(body)
    return {"success": True, "message": parsed.get("textResponse")}


def history(
    target: Target, *, session_id: object = None, limit: object = None, order_by: object = None
) -> Plan[list[ChatMessage]]:
    """The messages of a workspace (outside threads and API sessions unless ``session_id``) or of a thread."""
    session = None if session_id is None else require_text("session_id", session_id)
    count = None if limit is None else check_number("limit", limit, minimum=1, integer=True)
    if order_by is not None and order_by not in HISTORY_ORDERS:
        raise ValueError(f"order_by must be 'asc' or 'desc', got {order_by!r}")
    if target.thread is None:
        query = {"api_session_id": session, "limit": count, "order_by": order_by}
        parsed = yield Call("workspaces.workspace_chat_history", {"slug": target.workspace, **query})
    else:
        values = (("session_id", session), ("limit", count), ("order_by", order_by))
        given = [name for name, value in values if value is not None]
        if given:
            raise UnsupportedOperationError(
                0,
                f"the server's thread history takes no {', '.join(given)}: it returns every message of the "
                "thread, oldest first (slice the list instead); session ids exist only on workspace chats",
            )
        parsed = yield Call("threads.thread_chat_history", {"slug": target.workspace, "thread_slug": target.thread})
    entries = parsed.get("history") or []
    return [_shape.history_message(e, workspace=target.workspace, thread=target.thread) for e in entries]


# --- threads ---------------------------------------------------------------------------------------------


def _no_description(description: object) -> None:
    if description is not None:
        raise UnsupportedOperationError(
            0,
            "the server's threads have no description, only a name (and at creation a slug and a user); "
            "put the description in the name, or keep it on your side",
        )


def list_threads(workspace_id: object) -> Plan[list[ChatThread]]:
    """``GET /v1/workspaces`` → the workspace's ``threads`` (``{user_id, slug, name}``, no dates)."""
    slug = require_slug("workspace_id", workspace_id)
    parsed = yield Call("workspaces.workspace_list")
    for workspace in parsed.get("workspaces") or []:
        if workspace.get("slug") == slug:
            return [_shape.thread(t, workspace=slug) for t in workspace.get("threads") or []]
    raise NotFoundError(404, f"workspace {slug!r} does not exist", method="GET", path="/api/v1/workspaces")


def get_thread(target: Target) -> Plan[ChatThread]:
    """The thread's entry in the workspace listing; NotFoundError when the workspace or thread is missing."""
    for thread in (yield from list_threads(target.workspace)):
        if thread.get("slug") == target.thread:
            return thread
    raise NotFoundError(
        404,
        f"thread {target.thread!r} does not exist in workspace {target.workspace!r}",
        method="GET",
        path="/api/v1/workspaces",
    )


def create_thread(
    workspace_id: object, name: object, description: object = None, *, slug: object = None, user_id: object = None
) -> Plan[ChatThread]:
    """``POST /v1/workspace/{slug}/thread/new`` with ``name`` and, if given, ``slug`` and ``userId``."""
    from anythingllm_api.models.thread_create_body import ThreadCreateBody

    workspace = require_slug("workspace_id", workspace_id)
    fields: dict[str, Any] = {"name": require_text("name", name)}
    _no_description(description)
    if slug is not None:
        fields["slug"] = require_slug("slug", slug)
    if user_id is not None:
        fields["userId"] = check_number("user_id", user_id, minimum=1, integer=True)
    parsed = yield Call("threads.thread_create", {"slug": workspace, "body": ThreadCreateBody.from_dict(fields)})
    return _thread_from(parsed, workspace, "create")


def update_thread(target: Target, name: object = None, description: object = None) -> Plan[ChatThread]:
    """``POST /v1/workspace/{slug}/thread/{thread}/update`` with the new ``name`` (all the server stores)."""
    from anythingllm_api.models.thread_update_body import ThreadUpdateBody

    _no_description(description)
    if name is None:
        raise ValueError("name is required: a thread's name is the only field the server can change")
    body = ThreadUpdateBody.from_dict({"name": require_text("name", name)})
    parsed = yield Call("threads.thread_update", {"slug": target.workspace, "thread_slug": target.thread, "body": body})
    return _thread_from(parsed, target.workspace, "update")


def _thread_from(answer: Mapping[str, Any], workspace: str, action: str) -> ChatThread:
    thread = answer.get("thread")
    if not isinstance(thread, Mapping):
        said = f' (server said: "{answer["message"]}")' if answer.get("message") else ""
        raise ApiError(200, f"The server did not {action} the thread{said}.", body=dict(answer))
    return _shape.thread(thread, workspace=workspace)


def delete_thread(target: Target) -> Plan[OperationResult]:
    """``DELETE /v1/workspace/{slug}/thread/{thread}``, after checking in ``GET /v1/workspaces`` that the
    thread exists: the server answers OK for an unknown thread too (NotFoundError here)."""
    yield from get_thread(target)
    yield Call("threads.thread_delete", {"slug": target.workspace, "thread_slug": target.thread}, expect_json=False)
    return {"success": True, "message": f"thread {target.thread!r} of workspace {target.workspace!r} deleted"}
