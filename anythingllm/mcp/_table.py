"""The one table of the MCP server: each tool, the friendly method it calls, and what it does to the server.

A row names a method of :class:`~anythingllm.AsyncAnythingLLMClient` (``"workspaces.list"``); the tool's
input schema is that method's signature (minus the parameters the row leaves out because the server has
nothing behind them) and its output schema the method's return type. ``effect`` gives the annotations:

========  ==============  ================  ===============
effect    readOnlyHint    destructiveHint   idempotentHint
========  ==============  ================  ===============
READ      true            false             true
ADD       false           false             the row's ``idempotent`` (false unless said)
CHANGE    false           true              true (the same change twice changes nothing more)
REMOVE    false           true              true (a second call removes nothing more: NotFoundError)
========  ==============  ================  ===============

``openWorldHint`` is true only where the server reaches outside itself on the caller's behalf: a web
page it fetches (``upload_link``) or the agent skills of a chat in ``automatic`` mode (``chat``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from typing_extensions import TypedDict

from ..types import ChatCompletion, ChatMessage


class Effect(enum.Enum):
    """What a tool does to the server's state."""

    READ = "read"
    ADD = "add"
    CHANGE = "change"
    REMOVE = "remove"


class WorkspaceSettings(TypedDict, total=False):
    """The keyword settings ``workspaces.create`` and ``workspaces.update`` take (``**settings``)."""

    temperature: float
    chat_model: str
    chat_provider: str
    system_prompt: str
    chat_mode: Literal["automatic", "chat", "query"]
    history_length: int
    top_n: int
    similarity_threshold: float
    query_refusal_response: str
    agent_provider: str
    agent_model: str
    vector_search_mode: Literal["default", "rerank"]


DocumentMove = TypedDict("DocumentMove", {"from": str, "to": str})
"""One move of ``documents.move_files``: locations ``folder/file.json`` relative to the documents root."""

_NOTHING: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class ToolSpec:
    """One tool: its name, the friendly method behind it, its effect and how its parameters are offered.

    ``exclude``: parameters not offered (the server has no such thing, or the tool fixes them);
    ``fixed``: parameters the tool always passes; ``types``: a JSON-friendly type for a parameter whose
    Python type has no JSON form; ``required``: parameters required here though optional in Python;
    ``settings``: the TypedDict of a ``**settings`` parameter; ``returns``: the result type when the
    method's own is a stream (the tool reads it to the end); ``stream``: the tool streams a chat and
    reports the text so far as progress.
    """

    name: str
    method: str
    title: str
    description: str
    effect: Effect
    open_world: bool = False
    idempotent: bool | None = None
    exclude: tuple[str, ...] = ()
    fixed: Mapping[str, Any] = field(default_factory=lambda: _NOTHING)
    types: Mapping[str, Any] = field(default_factory=lambda: _NOTHING)
    required: tuple[str, ...] = ()
    settings: type | None = None
    returns: Any = None
    stream: bool = False
    multi_user: bool = False

    @property
    def read_only(self) -> bool:
        """Whether the tool only reads (what ``--read-only`` keeps)."""
        return self.effect is Effect.READ

    def hints(self) -> dict[str, bool]:
        """The tool annotations (``readOnlyHint`` ...), derived from the effect."""
        idempotent = self.effect is not Effect.ADD if self.idempotent is None else self.idempotent
        return {
            "readOnlyHint": self.read_only,
            "destructiveHint": self.effect in (Effect.CHANGE, Effect.REMOVE),
            "idempotentHint": idempotent,
            "openWorldHint": self.open_world,
        }


READ, ADD, CHANGE, REMOVE = Effect.READ, Effect.ADD, Effect.CHANGE, Effect.REMOVE
_NO_WORKSPACE_FIELDS = ("description", "vector_db")  # server-wide or absent: the method refuses them

TOOLS: tuple[ToolSpec, ...] = (
    # -- connection -----------------------------------------------------------------------------------
    ToolSpec(
        "check_auth",
        "get_api_status",
        "Check the connection",
        "Check that the server answers and accepts the API key.",
        READ,
    ),
    # -- workspaces -----------------------------------------------------------------------------------
    ToolSpec(
        "list_workspaces",
        "workspaces.list",
        "List workspaces",
        "Every workspace, with its slug, settings and threads.",
        READ,
    ),
    ToolSpec(
        "get_workspace",
        "workspaces.get",
        "Get a workspace",
        "One workspace with its settings and embedded documents.",
        READ,
    ),
    ToolSpec(
        "create_workspace",
        "workspaces.create",
        "Create a workspace",
        "Create a workspace; its slug is made from the name. Settings (chat mode, system prompt, temperature...) "
        "are optional.",
        ADD,
        exclude=_NO_WORKSPACE_FIELDS,
        settings=WorkspaceSettings,
    ),
    ToolSpec(
        "update_workspace",
        "workspaces.update",
        "Update a workspace",
        "Change a workspace's name or settings; settings not given stay as they are.",
        CHANGE,
        exclude=(*_NO_WORKSPACE_FIELDS, "embedding_model", "include_sources", "prompt_id"),
        settings=WorkspaceSettings,
    ),
    ToolSpec(
        "delete_workspace",
        "workspaces.delete",
        "Delete a workspace",
        "Delete a workspace with its chats, threads and embeddings (its documents stay stored).",
        REMOVE,
    ),
    ToolSpec(
        "search_workspace",
        "workspaces.search",
        "Search a workspace's documents",
        "The passages of a workspace's embedded documents closest to a query, best first (no LLM involved).",
        READ,
    ),
    # -- chat -----------------------------------------------------------------------------------------
    ToolSpec(
        "chat",
        "chat.stream_message",
        "Chat with a workspace",
        "Send a message to a workspace (or one of its threads) and get the whole answer with its sources. "
        "mode: chat (documents and history), query (documents only), automatic (may run agent skills). "
        "The answer is streamed as progress notifications when the client asks for progress.",
        ADD,
        open_world=True,
        exclude=("system_prompt", "temperature", "include_sources", "reset"),
        returns=ChatMessage,
        stream=True,
    ),
    ToolSpec(
        "get_chat_history",
        "chat.get_history",
        "Get chat history",
        "The messages of a workspace's chat (or of one thread, or one session), oldest first.",
        READ,
    ),
    ToolSpec(
        "clear_chat_history",
        "chat.clear_history",
        "Clear chat history",
        "Forget the earlier messages of a workspace chat (or of one thread or session) for the next answers.",
        CHANGE,
    ),
    # -- threads --------------------------------------------------------------------------------------
    ToolSpec("list_threads", "workspace_thread.list_threads", "List threads", "The threads of a workspace.", READ),
    ToolSpec("get_thread", "workspace_thread.get_thread", "Get a thread", "One thread of a workspace.", READ),
    ToolSpec(
        "create_thread",
        "workspace_thread.create_thread",
        "Create a thread",
        "Create a chat thread in a workspace.",
        ADD,
        exclude=("description",),
    ),
    ToolSpec(
        "rename_thread",
        "workspace_thread.update_thread",
        "Rename a thread",
        "Give a thread a new name (its slug stays).",
        CHANGE,
        exclude=("description",),
        required=("name",),
    ),
    ToolSpec(
        "delete_thread",
        "workspace_thread.delete_thread",
        "Delete a thread",
        "Delete a thread and its messages.",
        REMOVE,
    ),
    ToolSpec(
        "get_thread_history",
        "workspace_thread.get_thread_messages",
        "Get thread history",
        "The messages of a thread, oldest first.",
        READ,
    ),
    # -- documents ------------------------------------------------------------------------------------
    ToolSpec("list_documents", "documents.list", "List documents", "Every stored document, over all folders.", READ),
    ToolSpec(
        "get_document",
        "documents.get",
        "Get a document",
        "One stored document's metadata (title, source, word count...), not its text.",
        READ,
    ),
    ToolSpec(
        "list_folders", "documents.get_folders", "List folders", "The document folders, with their documents.", READ
    ),
    ToolSpec(
        "list_folder",
        "documents.list_folder",
        "List a folder",
        "One page of a folder's documents (limit: a number or 'all').",
        READ,
        types={"limit": int | Literal["all"] | None},
    ),
    ToolSpec(
        "create_folder",
        "documents.create_folder",
        "Create a folder",
        "Create a document folder.",
        ADD,
        idempotent=True,  # an existing folder is refused (500 "already exists") and left as it is
    ),
    ToolSpec(
        "delete_folder",
        "documents.delete_folder",
        "Delete a folder",
        "Delete a document folder and every document in it.",
        REMOVE,
    ),
    ToolSpec(
        "upload_file",
        "documents.upload",
        "Upload a file",
        "Upload a file from this machine's disk (where the MCP server runs), optionally into a folder and "
        "embedded into workspaces.",
        ADD,
        exclude=("file_obj",),
        types={"file_path": str},
        required=("file_path",),
    ),
    ToolSpec(
        "upload_text",
        "documents.raw_text",
        "Upload text",
        "Store a text as a document, optionally embedded into workspaces.",
        ADD,
    ),
    ToolSpec(
        "upload_link",
        "documents.upload_link",
        "Upload a web page",
        "Have the server fetch a web page and store it as a document, optionally embedded into workspaces.",
        ADD,
        open_world=True,
    ),
    ToolSpec(
        "move_documents",
        "documents.move_files",
        "Move documents",
        "Move stored documents between folders (documents embedded in a workspace are not moved). A missing "
        "document or target folder is an error, and then nothing moves.",
        CHANGE,
        types={"moves": list[DocumentMove]},
    ),
    ToolSpec(
        "delete_documents",
        "system.remove_documents",
        "Delete documents",
        "Delete stored documents for good: their files, vectors and every workspace's link to them. If one "
        "location is not stored, nothing is deleted and the error names every such location.",
        REMOVE,
    ),
    ToolSpec(
        "embed_documents",
        "workspaces.add_documents",
        "Embed documents into a workspace",
        "Embed stored documents (their locations folder/file.json) into a workspace so its chats and searches "
        "use them. Embedding one twice stores it twice.",
        ADD,
    ),
    ToolSpec(
        "remove_document_from_workspace",
        "workspaces.remove_document",
        "Remove a document from a workspace",
        "Remove a document's embeddings from a workspace; the stored document stays.",
        REMOVE,
    ),
    ToolSpec(
        "pin_document",
        "workspaces.pin_document",
        "Pin or unpin a document",
        "Pin a workspace document (the whole document goes with every chat), or unpin it with pinned=false.",
        CHANGE,
    ),
    ToolSpec(
        "get_document_metadata_schema",
        "documents.metadata_schema",
        "Get the document metadata schema",
        "The metadata fields a document upload takes.",
        READ,
    ),
    ToolSpec(
        "get_accepted_file_types",
        "system.get_accepted_document_types",
        "Get the accepted file types",
        "The file extensions the server can read.",
        READ,
    ),
    # -- system ---------------------------------------------------------------------------------------
    ToolSpec(
        "get_system_settings",
        "system.get_settings",
        "Get the system settings",
        "The server's settings: LLM, embedder, vector database, multi-user mode... (secrets only as true/false).",
        READ,
    ),
    ToolSpec(
        "get_vector_count",
        "system.get_vector_count",
        "Count vectors",
        "How many vectors the vector database holds.",
        READ,
    ),
    ToolSpec("export_chats", "system.export_chats", "Export chats", "Every workspace chat, exported as text.", READ),
    ToolSpec(
        "is_multi_user_mode",
        "admin.is_multi_user_mode",
        "Is multi-user mode on",
        "Whether the server runs in multi-user mode (the user tools need it).",
        READ,
    ),
    ToolSpec(
        "list_embeds", "embed.list_embeds", "List chat widgets", "The chat widgets (embeds) of the workspaces.", READ
    ),
    # -- OpenAI-compatible ----------------------------------------------------------------------------
    ToolSpec(
        "list_models",
        "openai.list_models",
        "List OpenAI-compatible models",
        "The models of the OpenAI-compatible API: one per workspace, named by its slug.",
        READ,
    ),
    ToolSpec(
        "openai_chat_completion",
        "openai.create_chat_completion",
        "OpenAI-compatible chat completion",
        "A chat completion through the OpenAI-compatible API: model is a workspace slug, messages may start "
        "with a system message. The exchange is stored in that workspace's history.",
        ADD,
        exclude=("stream", "max_tokens", "top_p", "frequency_penalty", "presence_penalty"),
        returns=ChatCompletion,
    ),
    ToolSpec(
        "create_embeddings",
        "openai.create_embedding",
        "Create embeddings",
        "Embedding vectors of one text or a list of texts, from the server's embedder.",
        READ,
        exclude=("model",),
    ),
    ToolSpec(
        "list_vector_stores",
        "openai.list_vector_stores",
        "List vector stores",
        "The workspaces' vector stores as the OpenAI-compatible API lists them.",
        READ,
    ),
    # -- users and members (multi-user mode) ----------------------------------------------------------
    ToolSpec("list_users", "users.list", "List users", "Every user (multi-user mode).", READ, multi_user=True),
    ToolSpec("get_user", "users.get", "Get a user", "One user by id (multi-user mode).", READ, multi_user=True),
    ToolSpec(
        "create_user",
        "users.create",
        "Create a user",
        "Create a user with a role: admin, manager or user (multi-user mode).",
        ADD,
        idempotent=True,  # usernames are unique: the same call again is refused and changes nothing
        multi_user=True,
    ),
    ToolSpec(
        "update_user",
        "users.update",
        "Update a user",
        "Change a user's name, password or role (multi-user mode).",
        CHANGE,
        multi_user=True,
    ),
    ToolSpec(
        "delete_user", "users.delete", "Delete a user", "Delete a user (multi-user mode).", REMOVE, multi_user=True
    ),
    ToolSpec(
        "list_workspace_members",
        "admin.get_workspace_users",
        "List workspace members",
        "The users who may use a workspace (multi-user mode).",
        READ,
        multi_user=True,
    ),
    ToolSpec(
        "add_workspace_members",
        "admin.manage_workspace_users",
        "Add workspace members",
        "Let more users (ids) use a workspace; the members after (multi-user mode). An unknown user id is an "
        "error (the others are added).",
        ADD,
        idempotent=True,  # the server skips users who are members already
        exclude=("reset",),
        fixed=MappingProxyType({"reset": False}),
        multi_user=True,
    ),
    ToolSpec(
        "set_workspace_members",
        "admin.set_workspace_users",
        "Set workspace members",
        "Make exactly these users (ids) the members of a workspace; [] removes everyone (multi-user mode). An "
        "unknown user id is an error, and then nothing changes.",
        CHANGE,
        multi_user=True,
    ),
)
"""Every tool of ``anythingllm mcp``, in the order they are listed."""

PARAMETERS: Mapping[str, str] = MappingProxyType(
    {
        "workspace_id": "The workspace's slug (list_workspaces shows them).",
        "thread_id": "A thread's slug (list_threads shows them).",
        "message": "The message to send.",
        "mode": "chat: documents and history; query: documents only; automatic: may run agent skills. "
        "Default: the workspace's chat mode.",
        "session_id": "Keep this chat in its own history, apart from other sessions (workspace chats only).",
        "user_id": "The user the chat is recorded for (thread chats, multi-user mode).",
        "attachments": "Files for the message: paths on this machine, or {name, mime, contentString} objects.",
        "name": "The name.",
        "slug": "The slug to give the new thread (default: made by the server).",
        "query": "What to search for.",
        "top_n": "How many passages at most (default: the workspace's topN).",
        "score_threshold": "The lowest similarity, 0 to 1 (default: the workspace's threshold).",
        "document_id": "A document's location folder/file.json (get_workspace lists a workspace's documents).",
        "document_ids": "Document locations folder/file.json (list_documents shows them).",
        "document_path": "A document's location folder/file.json in the workspace.",
        "pinned": "true to pin, false to unpin.",
        "names": "Document locations folder/file.json (list_documents shows them).",
        "folder": "A folder's name (list_folders shows them).",
        "folder_id": "A folder's name (list_folders shows them).",
        "folder_name": "Store the document in this folder (created when missing) instead of custom-documents.",
        "offset": "Skip this many documents.",
        "limit": "How many at most.",
        "order_by": "asc (oldest first) or desc.",
        "file_path": "The path of the file on this machine.",
        "file_name": "The name to store it under (the server picks its reader by the extension).",
        "add_to_workspaces": "Workspace slugs to embed the new document into.",
        "metadata": "Document metadata: title, docAuthor, description, docSource, chunkSource.",
        "text": "The text to store.",
        "title": "The document's title.",
        "link": "The web page's URL (http or https).",
        "scraper_headers": "HTTP headers the server sends when it fetches the page.",
        "accept_error_page": "Keep the page even when it is an HTTP error page (404 Not Found...); by default "
        "such a page is removed again and the call fails.",
        "moves": "Moves, each {from, to}: locations folder/file.json.",
        "type": "The export format.",
        "model": "A workspace slug (list_models shows them).",
        "messages": "Chat messages [{role: system|user|assistant, content}].",
        "temperature": "The LLM temperature (0 or more).",
        "input_text": "A text, or a list of texts, to embed.",
        "chat_model": 'The workspace\'s chat model ("default" clears it).',
        "chat_provider": "The workspace's LLM provider.",
        "system_prompt": "The workspace's system prompt.",
        "chat_mode": "The workspace's default chat mode.",
        "history_length": "How many earlier messages go with each chat.",
        "similarity_threshold": "The lowest similarity of a document passage used in chats, 0 to 1.",
        "query_refusal_response": "The answer in query mode when no document matches.",
        "agent_provider": "The LLM provider of the workspace's agent.",
        "agent_model": "The model of the workspace's agent.",
        "vector_search_mode": "default, or rerank (slower, better passages).",
        "username": "The user's name.",
        "password": "The user's password.",
        "role": "admin, manager or user (the server's default).",
        "user_ids": "User ids (list_users shows them).",
    }
)
"""Help for each parameter name, shared by every tool that has it."""
