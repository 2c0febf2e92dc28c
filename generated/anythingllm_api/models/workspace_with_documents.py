from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workspace_chat_mode import WorkspaceChatMode, check_workspace_chat_mode
from ..models.workspace_vector_search_mode import (
    WorkspaceVectorSearchMode,
    check_workspace_vector_search_mode,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.thread_ref import ThreadRef
    from ..models.workspace_document import WorkspaceDocument


T = TypeVar("T", bound="WorkspaceWithDocuments")


@_attrs_define
class WorkspaceWithDocuments:
    """What GET /v1/workspace/{slug} returns for a workspace.

    Attributes:
        id (int):
        name (str):
        slug (str):
        created_at (str): ISO-8601 date-time
        last_updated_at (str): ISO-8601 date-time
        vector_tag (None | str | Unset):
        open_ai_temp (float | None | Unset):
        open_ai_history (int | Unset):
        open_ai_prompt (None | str | Unset): the workspace system prompt
        similarity_threshold (float | None | Unset):
        chat_provider (None | str | Unset):
        chat_model (None | str | Unset):
        top_n (int | None | Unset):
        chat_mode (WorkspaceChatMode | Unset):
        pfp_filename (None | str | Unset):
        agent_provider (None | str | Unset):
        agent_model (None | str | Unset):
        query_refusal_response (None | str | Unset):
        vector_search_mode (WorkspaceVectorSearchMode | Unset):
        router_id (int | None | Unset):
        documents (list[WorkspaceDocument] | Unset):
        threads (list[ThreadRef] | Unset):
    """

    id: int
    name: str
    slug: str
    created_at: str
    last_updated_at: str
    vector_tag: None | str | Unset = UNSET
    open_ai_temp: float | None | Unset = UNSET
    open_ai_history: int | Unset = UNSET
    open_ai_prompt: None | str | Unset = UNSET
    similarity_threshold: float | None | Unset = UNSET
    chat_provider: None | str | Unset = UNSET
    chat_model: None | str | Unset = UNSET
    top_n: int | None | Unset = UNSET
    chat_mode: WorkspaceChatMode | Unset = UNSET
    pfp_filename: None | str | Unset = UNSET
    agent_provider: None | str | Unset = UNSET
    agent_model: None | str | Unset = UNSET
    query_refusal_response: None | str | Unset = UNSET
    vector_search_mode: WorkspaceVectorSearchMode | Unset = UNSET
    router_id: int | None | Unset = UNSET
    documents: list[WorkspaceDocument] | Unset = UNSET
    threads: list[ThreadRef] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        slug = self.slug

        created_at = self.created_at

        last_updated_at = self.last_updated_at

        vector_tag: None | str | Unset
        if isinstance(self.vector_tag, Unset):
            vector_tag = UNSET
        else:
            vector_tag = self.vector_tag

        open_ai_temp: float | None | Unset
        if isinstance(self.open_ai_temp, Unset):
            open_ai_temp = UNSET
        else:
            open_ai_temp = self.open_ai_temp

        open_ai_history = self.open_ai_history

        open_ai_prompt: None | str | Unset
        if isinstance(self.open_ai_prompt, Unset):
            open_ai_prompt = UNSET
        else:
            open_ai_prompt = self.open_ai_prompt

        similarity_threshold: float | None | Unset
        if isinstance(self.similarity_threshold, Unset):
            similarity_threshold = UNSET
        else:
            similarity_threshold = self.similarity_threshold

        chat_provider: None | str | Unset
        if isinstance(self.chat_provider, Unset):
            chat_provider = UNSET
        else:
            chat_provider = self.chat_provider

        chat_model: None | str | Unset
        if isinstance(self.chat_model, Unset):
            chat_model = UNSET
        else:
            chat_model = self.chat_model

        top_n: int | None | Unset
        if isinstance(self.top_n, Unset):
            top_n = UNSET
        else:
            top_n = self.top_n

        chat_mode: str | Unset = UNSET
        if not isinstance(self.chat_mode, Unset):
            chat_mode = self.chat_mode

        pfp_filename: None | str | Unset
        if isinstance(self.pfp_filename, Unset):
            pfp_filename = UNSET
        else:
            pfp_filename = self.pfp_filename

        agent_provider: None | str | Unset
        if isinstance(self.agent_provider, Unset):
            agent_provider = UNSET
        else:
            agent_provider = self.agent_provider

        agent_model: None | str | Unset
        if isinstance(self.agent_model, Unset):
            agent_model = UNSET
        else:
            agent_model = self.agent_model

        query_refusal_response: None | str | Unset
        if isinstance(self.query_refusal_response, Unset):
            query_refusal_response = UNSET
        else:
            query_refusal_response = self.query_refusal_response

        vector_search_mode: str | Unset = UNSET
        if not isinstance(self.vector_search_mode, Unset):
            vector_search_mode = self.vector_search_mode

        router_id: int | None | Unset
        if isinstance(self.router_id, Unset):
            router_id = UNSET
        else:
            router_id = self.router_id

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        threads: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.threads, Unset):
            threads = []
            for threads_item_data in self.threads:
                threads_item = threads_item_data.to_dict()
                threads.append(threads_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "createdAt": created_at,
                "lastUpdatedAt": last_updated_at,
            }
        )
        if vector_tag is not UNSET:
            field_dict["vectorTag"] = vector_tag
        if open_ai_temp is not UNSET:
            field_dict["openAiTemp"] = open_ai_temp
        if open_ai_history is not UNSET:
            field_dict["openAiHistory"] = open_ai_history
        if open_ai_prompt is not UNSET:
            field_dict["openAiPrompt"] = open_ai_prompt
        if similarity_threshold is not UNSET:
            field_dict["similarityThreshold"] = similarity_threshold
        if chat_provider is not UNSET:
            field_dict["chatProvider"] = chat_provider
        if chat_model is not UNSET:
            field_dict["chatModel"] = chat_model
        if top_n is not UNSET:
            field_dict["topN"] = top_n
        if chat_mode is not UNSET:
            field_dict["chatMode"] = chat_mode
        if pfp_filename is not UNSET:
            field_dict["pfpFilename"] = pfp_filename
        if agent_provider is not UNSET:
            field_dict["agentProvider"] = agent_provider
        if agent_model is not UNSET:
            field_dict["agentModel"] = agent_model
        if query_refusal_response is not UNSET:
            field_dict["queryRefusalResponse"] = query_refusal_response
        if vector_search_mode is not UNSET:
            field_dict["vectorSearchMode"] = vector_search_mode
        if router_id is not UNSET:
            field_dict["router_id"] = router_id
        if documents is not UNSET:
            field_dict["documents"] = documents
        if threads is not UNSET:
            field_dict["threads"] = threads

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.thread_ref import ThreadRef  # noqa: PLC0415
        from ..models.workspace_document import WorkspaceDocument  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        slug = d.pop("slug")

        created_at = d.pop("createdAt")

        last_updated_at = d.pop("lastUpdatedAt")

        def _parse_vector_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vector_tag = _parse_vector_tag(d.pop("vectorTag", UNSET))

        def _parse_open_ai_temp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        open_ai_temp = _parse_open_ai_temp(d.pop("openAiTemp", UNSET))

        open_ai_history = d.pop("openAiHistory", UNSET)

        def _parse_open_ai_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        open_ai_prompt = _parse_open_ai_prompt(d.pop("openAiPrompt", UNSET))

        def _parse_similarity_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        similarity_threshold = _parse_similarity_threshold(d.pop("similarityThreshold", UNSET))

        def _parse_chat_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chat_provider = _parse_chat_provider(d.pop("chatProvider", UNSET))

        def _parse_chat_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chat_model = _parse_chat_model(d.pop("chatModel", UNSET))

        def _parse_top_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_n = _parse_top_n(d.pop("topN", UNSET))

        _chat_mode = d.pop("chatMode", UNSET)
        chat_mode: WorkspaceChatMode | Unset
        if isinstance(_chat_mode, Unset):
            chat_mode = UNSET
        else:
            chat_mode = check_workspace_chat_mode(_chat_mode)

        def _parse_pfp_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pfp_filename = _parse_pfp_filename(d.pop("pfpFilename", UNSET))

        def _parse_agent_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_provider = _parse_agent_provider(d.pop("agentProvider", UNSET))

        def _parse_agent_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_model = _parse_agent_model(d.pop("agentModel", UNSET))

        def _parse_query_refusal_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        query_refusal_response = _parse_query_refusal_response(d.pop("queryRefusalResponse", UNSET))

        _vector_search_mode = d.pop("vectorSearchMode", UNSET)
        vector_search_mode: WorkspaceVectorSearchMode | Unset
        if isinstance(_vector_search_mode, Unset):
            vector_search_mode = UNSET
        else:
            vector_search_mode = check_workspace_vector_search_mode(_vector_search_mode)

        def _parse_router_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        router_id = _parse_router_id(d.pop("router_id", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[WorkspaceDocument] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = WorkspaceDocument.from_dict(documents_item_data)

                documents.append(documents_item)

        _threads = d.pop("threads", UNSET)
        threads: list[ThreadRef] | Unset = UNSET
        if _threads is not UNSET:
            threads = []
            for threads_item_data in _threads:
                threads_item = ThreadRef.from_dict(threads_item_data)

                threads.append(threads_item)

        workspace_with_documents = cls(
            id=id,
            name=name,
            slug=slug,
            created_at=created_at,
            last_updated_at=last_updated_at,
            vector_tag=vector_tag,
            open_ai_temp=open_ai_temp,
            open_ai_history=open_ai_history,
            open_ai_prompt=open_ai_prompt,
            similarity_threshold=similarity_threshold,
            chat_provider=chat_provider,
            chat_model=chat_model,
            top_n=top_n,
            chat_mode=chat_mode,
            pfp_filename=pfp_filename,
            agent_provider=agent_provider,
            agent_model=agent_model,
            query_refusal_response=query_refusal_response,
            vector_search_mode=vector_search_mode,
            router_id=router_id,
            documents=documents,
            threads=threads,
        )

        workspace_with_documents.additional_properties = d
        return workspace_with_documents

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
