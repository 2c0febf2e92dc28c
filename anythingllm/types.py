"""Typed dictionaries returned by the friendly client.

Every type is a ``TypedDict`` with ``total=False``: a key is present only when the server sent it (or
when it is a documented alias computed from a server field, see each class). Keys use the exact names
and value types the AnythingLLM v1.16.0 server sends; the documented friendly names are added next to
them. A server field is never renamed or dropped, so keys not listed here may also be present at runtime
(the server adds fields over time).

Dates from the server are ISO-8601 strings such as ``"2026-11-21T07:10:45.658Z"``.
"""

# No ``from __future__ import annotations`` here: a TypedDict turns every string annotation into a
# compiled ForwardRef when the class is made, which made importing this module three times slower.
# So a class may only name classes defined above it.
from typing import Any, TypedDict

__all__ = [
    "ApiKey",
    "ApiStatus",
    "Attachment",
    "AuthToken",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionMessage",
    "ChatMessage",
    "ChatThread",
    "DeleteResult",
    "Document",
    "DocumentFolder",
    "DocumentPage",
    "EmbedChat",
    "EmbedConfig",
    "Embedding",
    "EmbeddingModel",
    "EmbeddingResult",
    "GeneratedImage",
    "HealthStatus",
    "ImageGenerationResult",
    "Invite",
    "LLMModel",
    "LoginResult",
    "Metrics",
    "MultiUserStatus",
    "OpenAIModel",
    "OperationResult",
    "Prompt",
    "SetupStatus",
    "Source",
    "SystemSettings",
    "TokenValidation",
    "UpdateEnvResult",
    "UploadResult",
    "User",
    "VectorDatabase",
    "VectorSearchResult",
    "VectorStore",
    "VectorStoreFileCounts",
    "Workspace",
    "WorkspaceChatLog",
    "WorkspaceChatPage",
    "WorkspaceDocument",
    "WorkspaceUser",
]


class Metrics(TypedDict, total=False):
    """Token and timing figures of one LLM answer. ``{}`` when the server has none."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    outputTps: float | None  # null when the answer took no measurable time (the server divides by 0)
    duration: float
    model: str
    provider: str
    timestamp: str


class Source(TypedDict, total=False):
    """One cited chunk or document in ``sources``. Free-form: vector databases add their own keys."""

    id: str
    text: str
    url: str
    title: str
    docAuthor: str
    description: str
    docSource: str
    chunkSource: str | None
    published: str
    wordCount: int
    token_count_estimate: int
    score: float | None
    _distance: float


class Attachment(TypedDict, total=False):
    """A file sent with a chat message (images are data URLs or base64)."""

    name: str
    mime: str
    contentString: str


class WorkspaceDocument(TypedDict, total=False):
    """A document embedded in a workspace (a ``workspace_documents`` row).

    Aliases: ``name`` <- ``filename``; ``path`` <- ``docpath`` (the storage location ``folder/file.json``
    used to add or remove it); ``folderId`` <- the folder part of ``docpath``; ``updatedAt`` <-
    ``lastUpdatedAt``. ``metadata`` arrives as a JSON-encoded string and is decoded into a dict (it stays a
    string only if the server sent something that is not a JSON object).
    """

    id: int
    docId: str
    filename: str
    docpath: str
    workspaceId: int
    metadata: dict[str, Any] | str | None
    pinned: bool | None
    watched: bool | None
    createdAt: str
    lastUpdatedAt: str
    # documented aliases
    name: str
    path: str
    folderId: str
    updatedAt: str


class ChatThread(TypedDict, total=False):
    """A workspace thread.

    Full rows have ``id`` (integer row id), ``name``, ``slug``, ``workspace_id``, ``user_id``, ``createdAt``,
    ``lastUpdatedAt``; the thread list inside ``GET /v1/workspaces`` carries only ``user_id``, ``slug`` and
    ``name``. Threads are addressed by ``slug`` in every thread call.

    Aliases: ``workspaceId`` <- the workspace slug the thread was read from; ``updatedAt`` <-
    ``lastUpdatedAt``; ``messageCount`` <- the number of history entries, when the caller counted them.
    ``description`` has no server counterpart and is never set.
    """

    id: int
    name: str
    slug: str
    workspace_id: int
    user_id: int | None
    createdAt: str
    lastUpdatedAt: str
    # documented aliases
    description: str | None
    updatedAt: str
    workspaceId: str
    messageCount: int


class Workspace(TypedDict, total=False):
    """A workspace (a ``workspaces`` row, plus ``documents``/``threads`` when the server includes them).

    Aliases: ``temperature`` <- ``openAiTemp``; ``updatedAt`` <- ``lastUpdatedAt``; ``includeSources`` is
    always ``True`` (the server returns sources with every answer). ``chatModel`` is the server's own
    field. ``description``, ``vectorDb``, ``embeddingModel`` and ``promptId`` have no per-workspace server
    field and are never set (the system prompt text is ``openAiPrompt``).
    """

    id: int
    name: str
    slug: str
    vectorTag: str | None
    createdAt: str
    openAiTemp: float | None
    openAiHistory: int
    lastUpdatedAt: str
    openAiPrompt: str | None
    similarityThreshold: float | None
    chatProvider: str | None
    chatModel: str | None
    topN: int | None
    chatMode: str | None
    pfpFilename: str | None
    agentProvider: str | None
    agentModel: str | None
    queryRefusalResponse: str | None
    vectorSearchMode: str | None
    router_id: int | None
    documents: list[WorkspaceDocument]
    threads: list[ChatThread]
    contextWindow: int | None
    currentContextTokenCount: int
    # documented aliases
    description: str
    updatedAt: str
    vectorDb: str
    embeddingModel: str
    temperature: float | None
    includeSources: bool
    promptId: str | None


class Document(TypedDict, total=False):
    """A stored document, from a listing (``GET /v1/documents``) or from an upload.

    Listing items carry ``name`` (the file name ``x-<uuid>.json``), ``type`` ``"file"``, ``cached``,
    ``canWatch``, ``pinnedWorkspaces`` and ``watched``; upload results carry ``pageContent``, ``location``
    and ``isDirectUpload``. Both carry the document metadata (``id``, ``url``, ``title``, ...).

    Aliases: ``path`` <- ``location`` (uploads) or ``<folder>/<name>`` (listings); ``folderId`` <- the folder
    part of that path; ``name`` <- the file part of ``location`` when an upload result has no ``name``;
    ``tokens`` <- ``token_count_estimate``. ``size``, ``chunks``, ``createdAt``, ``updatedAt``,
    ``metadata`` and ``workspaceIds`` have no server counterpart and are never set.
    """

    id: str
    name: str
    type: str
    url: str | None
    title: str
    docAuthor: str
    description: str
    docSource: str
    chunkSource: str
    published: str
    wordCount: int
    token_count_estimate: int
    pageContent: str
    location: str
    isDirectUpload: bool
    cached: bool
    canWatch: bool
    pinnedWorkspaces: list[int]
    watched: bool
    # documented aliases
    path: str
    folderId: str | None
    tokens: int
    size: int
    chunks: int
    createdAt: str
    updatedAt: str
    metadata: dict[str, Any]
    workspaceIds: list[str]


class DocumentFolder(TypedDict, total=False):
    """A folder of the document store: server fields ``name``, ``type`` (``"folder"``) and ``items``.

    Aliases: ``id`` <- ``name`` (folders are addressed by name); ``path`` <- ``name``; ``documentCount`` <-
    the number of ``items``. ``items`` are shaped as :class:`Document`. Folders have no dates.
    """

    name: str
    type: str
    items: list[Document]
    # documented aliases
    id: str
    path: str
    documentCount: int
    createdAt: str
    updatedAt: str


class DocumentPage(TypedDict, total=False):
    """One page of a folder listing (``?folder=&offset=&limit=`` or ``/documents/folder/{name}``)."""

    folder: str
    documents: list[Document]
    totalCount: int
    hasMore: bool
    code: int
    error: str | None


class ChatMessage(TypedDict, total=False):
    """A chat message: an answer from a chat call, or one entry of a chat history.

    From a chat answer the server sends ``id`` (``uuid`` in stream events), ``type`` (``"textResponse"`` or
    ``"abort"``), ``textResponse``, ``sources``, ``close``, ``error``, ``chatId`` (absent on agent and
    query-refusal answers), ``metrics`` and, for agent runs, ``thoughts`` and ``outputs``. Aliases:
    ``role`` = ``"assistant"``; ``content`` <- ``textResponse``.

    A history entry has ``role``, ``content``, ``sentAt`` (unix seconds), ``chatId``, and for the user
    ``attachments``, for the assistant ``type`` (the chat mode), ``sources``, ``feedbackScore``,
    ``metrics`` (plus ``outputs``/``clarifyingQuestions`` when not empty). Alias: ``createdAt`` <- ``sentAt``
    as ISO-8601 UTC.

    Both: ``workspaceId`` <- the workspace slug and ``threadId`` <- the thread slug (``None`` outside a
    thread) that the client called.
    """

    id: str
    uuid: str
    type: str
    textResponse: str | None
    sources: list[Source]
    close: bool
    error: str | bool | None
    chatId: int
    metrics: Metrics
    thoughts: list[str]
    outputs: list[dict[str, Any]]
    attachments: list[Attachment]
    sentAt: int
    feedbackScore: bool | None
    clarifyingQuestions: list[dict[str, Any]]
    # documented aliases
    role: str
    content: str
    createdAt: str
    threadId: str | None
    workspaceId: str


class User(TypedDict, total=False):
    """A user (a ``users`` row without secrets; ``GET /v1/users`` gives only ``id``, ``username``, ``role``).

    Alias: ``updatedAt`` <- ``lastUpdatedAt``. ``customization`` has no server counterpart (the closest
    fields are ``bio`` and ``dailyMessageLimit``) and is never set.
    """

    id: int
    username: str | None
    pfpFilename: str | None
    role: str
    suspended: int
    seen_recovery_codes: bool | None
    createdAt: str
    lastUpdatedAt: str
    dailyMessageLimit: int | None
    bio: str | None
    # documented aliases
    updatedAt: str
    customization: dict[str, Any]


class WorkspaceUser(TypedDict, total=False):
    """A member of a workspace (``/v1/admin/workspaces/.../users``). Aliases: ``id`` <- ``userId``;
    ``updatedAt`` <- ``lastUpdatedAt``."""

    userId: int
    username: str | None
    role: str
    lastUpdatedAt: str
    # documented aliases
    id: int
    updatedAt: str


class WorkspaceChatLog(TypedDict, total=False):
    """One chat of the server-wide chat log (``POST /v1/admin/workspace-chats``, a ``workspace_chats`` row).

    ``response`` arrives as a JSON-encoded string (``{text, sources, type, attachments, metrics}``) and is
    decoded into a dict (it stays a string only if the server sent something that is not a JSON object).
    ``workspace`` is ``{name, slug}``; ``user`` is ``{username}`` (``"API"`` or ``"unknown user"`` when no
    user sent it).
    """

    id: int
    workspaceId: int
    prompt: str
    response: dict[str, Any] | str
    include: bool
    user_id: int | None
    thread_id: int | None
    api_session_id: str | None
    createdAt: str
    lastUpdatedAt: str
    feedbackScore: bool | None
    memoryProcessed: bool | None
    workspace: dict[str, Any]
    user: dict[str, Any]


class WorkspaceChatPage(TypedDict, total=False):
    """One page of the chat log: up to 20 ``chats`` (newest first) and ``hasPages`` (more pages follow)."""

    chats: list[WorkspaceChatLog]
    hasPages: bool


class AuthToken(TypedDict, total=False):
    """A temporary Simple-SSO login (``GET /v1/users/{id}/issue-auth-token``): ``token`` (a secret,
    ``allm-tat-...``, valid for minutes) and ``loginPath`` (``/sso/simple?token=...``) on the web app."""

    token: str
    loginPath: str


class Invite(TypedDict, total=False):
    """An invitation code (an ``invites`` row).

    ``workspaceIds`` arrives as a JSON-encoded string such as ``"[1,2]"`` and is decoded into a list of
    workspace ids (it stays a string only if the server sent something that is not a JSON list).
    ``claimedBy``/``createdBy`` are ids, or ``{id, username}`` objects in the list endpoint.
    Alias: ``updatedAt`` <- ``lastUpdatedAt``.
    """

    id: int
    code: str
    status: str
    claimedBy: int | dict[str, Any] | None
    workspaceIds: list[int] | str | None
    createdAt: str
    createdBy: int | dict[str, Any] | None
    lastUpdatedAt: str
    # documented aliases
    updatedAt: str


class ApiKey(TypedDict, total=False):
    """A developer API key (session API ``/admin/api-keys`` or ``/system/api-keys``).

    Alias: ``key`` <- ``secret``. Keys never expire and usage is not tracked, so ``expiresAt`` and
    ``lastUsed`` are never set.
    """

    id: int
    name: str | None
    secret: str
    createdBy: int | dict[str, Any] | None
    createdAt: str
    lastUpdatedAt: str
    # documented aliases
    key: str
    expiresAt: str | None
    lastUsed: str | None


class Prompt(TypedDict, total=False):
    """A reusable prompt: the server's slash-command preset.

    Aliases: ``title`` <- ``command`` (stored with its leading ``/``); ``content`` <- ``prompt``;
    ``updatedAt`` <- ``lastUpdatedAt``. The list endpoint sends only ``id``, ``command``, ``prompt`` and
    ``description``.
    """

    id: int
    command: str
    prompt: str
    description: str | None
    uid: int
    userId: int | None
    createdAt: str
    lastUpdatedAt: str
    # documented aliases
    title: str
    content: str
    updatedAt: str


class LLMModel(TypedDict, total=False):
    """A chat model offered by a provider (``POST /system/custom-models``: ``id``, ``name``,
    ``organization``). Alias: ``provider`` <- the provider key the list was requested for.
    ``tokenLimit`` and ``available`` have no server counterpart and are never set."""

    id: str
    name: str
    organization: str
    # documented aliases
    provider: str
    tokenLimit: int
    available: bool


class EmbeddingModel(TypedDict, total=False):
    """An embedding model offered by a provider; the native embedder adds ``description``, ``lang``,
    ``size`` and ``modelCard``. Alias: ``provider`` <- the provider key the list was requested for.
    ``dimensions`` and ``available`` have no server counterpart and are never set."""

    id: str
    name: str
    organization: str
    description: str
    lang: str
    size: str
    modelCard: str
    # documented aliases
    provider: str
    dimensions: int
    available: bool


class VectorDatabase(TypedDict, total=False):
    """The vector database configured on the server (system setting ``VectorDB``, e.g. ``"lancedb"``).
    ``id``, ``name`` and ``provider`` all hold that key; ``available`` is never set."""

    id: str
    name: str
    provider: str
    available: bool


class SystemSettings(TypedDict, total=False):
    """System settings (``GET /v1/system`` → ``settings``) or system preferences (labels such as
    ``custom_app_name``, ``support_email``).

    Every server key is kept (only the most used are listed here; secrets arrive as booleans). Aliases:
    ``defaultLLMProvider`` <- ``LLMProvider``; ``defaultEmbeddingProvider`` <- ``EmbeddingEngine``;
    ``defaultVectorDB`` <- ``VectorDB``; ``serverName`` <- ``custom_app_name`` (preferences only);
    ``customSettings`` <- a copy of every server key. ``serverDescription``, ``allowUserSignup`` and
    ``allowAnonymousUsers`` have no server counterpart and are never set.
    """

    RequiresAuth: bool
    AuthToken: bool
    JWTSecret: bool
    MultiUserMode: bool
    LLMProvider: str | None
    LLMModel: str | None
    EmbeddingEngine: str | None
    EmbeddingModelPref: str | None
    EmbeddingOutputDimensions: int | None
    VectorDB: str | None
    StorageDir: str
    DisableTelemetry: str
    HasExistingEmbeddings: bool
    WorkspaceDeletionProtection: bool
    SimpleSSOEnabled: bool
    custom_app_name: str | None
    support_email: str | None
    footer_data: str | None
    text_splitter_chunk_size: int | None
    text_splitter_chunk_overlap: int | None
    max_embed_chunk_size: int | None
    agent_search_provider: str | None
    default_agent_skills: list[str]
    feature_flags: dict[str, bool]
    memory_enabled: str | None
    # documented aliases
    serverName: str | None
    serverDescription: str
    allowUserSignup: bool
    allowAnonymousUsers: bool
    defaultLLMProvider: str | None
    defaultEmbeddingProvider: str | None
    defaultVectorDB: str | None
    customSettings: dict[str, Any]


class SetupStatus(TypedDict, total=False):
    """Setup state of the server: the same keys as :class:`SystemSettings` (``GET /v1/system`` or the
    session route ``/setup-complete``), e.g. ``RequiresAuth``, ``MultiUserMode``, ``LLMProvider``,
    ``VectorDB``, ``HasExistingEmbeddings``; ``onboardingComplete`` when read from ``/onboarding``."""

    RequiresAuth: bool
    MultiUserMode: bool
    LLMProvider: str | None
    EmbeddingEngine: str | None
    VectorDB: str | None
    HasExistingEmbeddings: bool
    onboardingComplete: bool


class OperationResult(TypedDict, total=False):
    """Outcome of a write: ``{success, error}`` or ``{success, message}`` as the server sends it."""

    success: bool
    error: str | bool | None
    message: str | None


DeleteResult = OperationResult
"""Outcome of a delete (same keys as :class:`OperationResult`)."""


class UpdateEnvResult(TypedDict, total=False):
    """Result of ``POST /v1/system/update-env``: the values written and ``error`` (``false`` or a text)."""

    newValues: dict[str, Any]
    error: str | bool | None


class UploadResult(TypedDict, total=False):
    """Result of an upload: ``success``, ``error`` and the collector ``documents`` (as :class:`Document`)."""

    success: bool
    error: str | None
    documents: list[Document]


class VectorSearchResult(TypedDict, total=False):
    """A chunk found by a workspace vector search (``POST /v1/workspace/{slug}/vector-search``).

    ``text`` is the chunk as embedded (with its ``<document_metadata>`` header); ``metadata`` holds the
    source document's ``url``, ``title``, ``author``, ``description``, ``docSource``, ``chunkSource``,
    ``published``, ``wordCount`` and ``tokenCount``; ``score`` is the similarity (the rerank score when
    the workspace reranks). ``distance`` is sent by LanceDB and PGVector only. Both are ``None`` when the
    vector database computed no number (NaN, e.g. from an embedder that returned empty vectors).
    """

    id: str
    text: str
    metadata: dict[str, Any]
    distance: float | None
    score: float | None


class ApiStatus(TypedDict, total=False):
    """Answer of ``GET /v1/auth``: ``authenticated`` is ``True`` when the API key is valid."""

    authenticated: bool


class HealthStatus(TypedDict, total=False):
    """Answer of ``GET /ping``: ``online`` is ``True`` when the server is up."""

    online: bool


class MultiUserStatus(TypedDict, total=False):
    """Multi-user mode flag: ``isMultiUser`` (``/v1/admin/is-multi-user-mode``) or ``multiUserMode``
    (session ``/system/multi-user-mode``)."""

    isMultiUser: bool
    multiUserMode: bool


class LoginResult(TypedDict, total=False):
    """Answer of ``POST /request-token``: ``valid``, ``user`` (a :class:`User` or ``None``), ``token`` (a JWT
    for the session API, not for /v1), ``message``, and ``recoveryCodes`` on a user's first login."""

    valid: bool
    user: User | None
    token: str | None
    message: str | None
    recoveryCodes: list[str]


class TokenValidation(TypedDict, total=False):
    """Result of a token check: ``authenticated`` from ``GET /v1/auth`` (API key), or ``success``/``user``/
    ``message`` from the session route ``/system/refresh-user`` (JWT)."""

    authenticated: bool
    success: bool
    user: User | None
    message: str | None


class OpenAIModel(TypedDict, total=False):
    """An OpenAI-style model: ``id`` is a workspace slug, ``created`` unix seconds."""

    id: str
    object: str
    created: int
    owned_by: str


class VectorStoreFileCounts(TypedDict, total=False):
    """File counts of a vector store."""

    total: int


class VectorStore(TypedDict, total=False):
    """An OpenAI-style vector store: one per workspace (``id`` is the workspace slug)."""

    id: str
    object: str
    name: str
    file_counts: VectorStoreFileCounts
    provider: str


class Embedding(TypedDict, total=False):
    """One embedding vector, in input order (``index``)."""

    object: str
    embedding: list[float]
    index: int


class EmbeddingResult(TypedDict, total=False):
    """Answer of ``POST /v1/openai/embeddings``: ``{object: "list", data: [Embedding], model}``."""

    object: str
    data: list[Embedding]
    model: str


class GeneratedImage(TypedDict, total=False):
    """One generated image: ``b64_json`` is the PNG, base64-encoded."""

    b64_json: str


class ImageGenerationResult(TypedDict, total=False):
    """Answer of ``POST /v1/openai/images/generations``: ``data`` (the images) and, when the provider
    cannot edit images and generated a new one from the prompt instead, a ``notice`` saying so."""

    data: list[GeneratedImage]
    notice: str


class ChatCompletionMessage(TypedDict, total=False):
    """The message of a completion choice."""

    role: str
    content: str | None


class ChatCompletionChoice(TypedDict, total=False):
    """One choice of a chat completion."""

    index: int
    message: ChatCompletionMessage
    logprobs: Any
    finish_reason: str | None


class ChatCompletion(TypedDict, total=False):
    """An OpenAI-style chat completion. ``model`` is the workspace slug; ``usage`` also carries the
    server's ``outputTps``, ``duration``, ``model``, ``provider`` and ``timestamp``."""

    id: str
    object: str
    created: int
    model: str
    choices: list[ChatCompletionChoice]
    usage: dict[str, Any]


class EmbedConfig(TypedDict, total=False):
    """A chat-widget embed (``embed_configs`` row). The list endpoint sends ``id``, ``uuid``, ``enabled``,
    ``chat_mode``, ``createdAt``, ``workspace`` (``{id, name}``) and ``chat_count`` only.
    ``allowlist_domains`` is a JSON-encoded array string, kept as sent."""

    id: int
    uuid: str
    enabled: bool
    chat_mode: str
    allowlist_domains: str | None
    allow_model_override: bool
    allow_temperature_override: bool
    allow_prompt_override: bool
    max_chats_per_day: int | None
    max_chats_per_session: int | None
    message_limit: int | None
    workspace_id: int
    createdBy: int | None
    usersId: int | None
    createdAt: str
    workspace: dict[str, Any]
    chat_count: int


class EmbedChat(TypedDict, total=False):
    """A chat held through an embed widget. ``response`` and ``connection_information`` are JSON strings,
    kept as sent."""

    id: int
    prompt: str
    response: str
    session_id: str
    include: bool
    connection_information: str | None
    embed_id: int
    usersId: int | None
    createdAt: str
