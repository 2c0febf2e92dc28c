from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_mode import ChatMode, check_chat_mode
from ..models.workspace_settings_vector_search_mode import (
    WorkspaceSettingsVectorSearchMode,
    check_workspace_settings_vector_search_mode,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkspaceSettings")


@_attrs_define
class WorkspaceSettings:
    """Workspace fields a client may set; the server coerces out-of-range values.

    Attributes:
        name (str | Unset):
        open_ai_temp (float | Unset):
        open_ai_history (int | Unset):
        open_ai_prompt (str | Unset):
        similarity_threshold (float | Unset):
        top_n (int | Unset):
        chat_mode (ChatMode | Unset):
        chat_provider (str | Unset): "none" clears it; on update "default" clears provider and model
        chat_model (str | Unset):
        agent_provider (str | Unset):
        agent_model (str | Unset):
        query_refusal_response (str | Unset):
        vector_search_mode (WorkspaceSettingsVectorSearchMode | Unset):
        router_id (int | Unset):
    """

    name: str | Unset = UNSET
    open_ai_temp: float | Unset = UNSET
    open_ai_history: int | Unset = UNSET
    open_ai_prompt: str | Unset = UNSET
    similarity_threshold: float | Unset = UNSET
    top_n: int | Unset = UNSET
    chat_mode: ChatMode | Unset = UNSET
    chat_provider: str | Unset = UNSET
    chat_model: str | Unset = UNSET
    agent_provider: str | Unset = UNSET
    agent_model: str | Unset = UNSET
    query_refusal_response: str | Unset = UNSET
    vector_search_mode: WorkspaceSettingsVectorSearchMode | Unset = UNSET
    router_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        open_ai_temp = self.open_ai_temp

        open_ai_history = self.open_ai_history

        open_ai_prompt = self.open_ai_prompt

        similarity_threshold = self.similarity_threshold

        top_n = self.top_n

        chat_mode: str | Unset = UNSET
        if not isinstance(self.chat_mode, Unset):
            chat_mode = self.chat_mode

        chat_provider = self.chat_provider

        chat_model = self.chat_model

        agent_provider = self.agent_provider

        agent_model = self.agent_model

        query_refusal_response = self.query_refusal_response

        vector_search_mode: str | Unset = UNSET
        if not isinstance(self.vector_search_mode, Unset):
            vector_search_mode = self.vector_search_mode

        router_id = self.router_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if open_ai_temp is not UNSET:
            field_dict["openAiTemp"] = open_ai_temp
        if open_ai_history is not UNSET:
            field_dict["openAiHistory"] = open_ai_history
        if open_ai_prompt is not UNSET:
            field_dict["openAiPrompt"] = open_ai_prompt
        if similarity_threshold is not UNSET:
            field_dict["similarityThreshold"] = similarity_threshold
        if top_n is not UNSET:
            field_dict["topN"] = top_n
        if chat_mode is not UNSET:
            field_dict["chatMode"] = chat_mode
        if chat_provider is not UNSET:
            field_dict["chatProvider"] = chat_provider
        if chat_model is not UNSET:
            field_dict["chatModel"] = chat_model
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        open_ai_temp = d.pop("openAiTemp", UNSET)

        open_ai_history = d.pop("openAiHistory", UNSET)

        open_ai_prompt = d.pop("openAiPrompt", UNSET)

        similarity_threshold = d.pop("similarityThreshold", UNSET)

        top_n = d.pop("topN", UNSET)

        _chat_mode = d.pop("chatMode", UNSET)
        chat_mode: ChatMode | Unset
        if isinstance(_chat_mode, Unset):
            chat_mode = UNSET
        else:
            chat_mode = check_chat_mode(_chat_mode)

        chat_provider = d.pop("chatProvider", UNSET)

        chat_model = d.pop("chatModel", UNSET)

        agent_provider = d.pop("agentProvider", UNSET)

        agent_model = d.pop("agentModel", UNSET)

        query_refusal_response = d.pop("queryRefusalResponse", UNSET)

        _vector_search_mode = d.pop("vectorSearchMode", UNSET)
        vector_search_mode: WorkspaceSettingsVectorSearchMode | Unset
        if isinstance(_vector_search_mode, Unset):
            vector_search_mode = UNSET
        else:
            vector_search_mode = check_workspace_settings_vector_search_mode(_vector_search_mode)

        router_id = d.pop("router_id", UNSET)

        workspace_settings = cls(
            name=name,
            open_ai_temp=open_ai_temp,
            open_ai_history=open_ai_history,
            open_ai_prompt=open_ai_prompt,
            similarity_threshold=similarity_threshold,
            top_n=top_n,
            chat_mode=chat_mode,
            chat_provider=chat_provider,
            chat_model=chat_model,
            agent_provider=agent_provider,
            agent_model=agent_model,
            query_refusal_response=query_refusal_response,
            vector_search_mode=vector_search_mode,
            router_id=router_id,
        )

        workspace_settings.additional_properties = d
        return workspace_settings

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
