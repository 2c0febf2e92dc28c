from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workspace_chat_row_user import WorkspaceChatRowUser
    from ..models.workspace_chat_row_workspace import WorkspaceChatRowWorkspace


T = TypeVar("T", bound="WorkspaceChatRow")


@_attrs_define
class WorkspaceChatRow:
    """
    Attributes:
        id (int):
        workspace_id (int):
        prompt (str):
        response (str): JSON-encoded {text, sources, type, attachments, metrics}
        include (bool | Unset):
        user_id (int | None | Unset):
        thread_id (int | None | Unset):
        api_session_id (None | str | Unset):
        created_at (str | Unset):
        last_updated_at (str | Unset):
        feedback_score (bool | None | Unset):
        memory_processed (bool | None | Unset):
        workspace (WorkspaceChatRowWorkspace | Unset):
        user (WorkspaceChatRowUser | Unset):
    """

    id: int
    workspace_id: int
    prompt: str
    response: str
    include: bool | Unset = UNSET
    user_id: int | None | Unset = UNSET
    thread_id: int | None | Unset = UNSET
    api_session_id: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    last_updated_at: str | Unset = UNSET
    feedback_score: bool | None | Unset = UNSET
    memory_processed: bool | None | Unset = UNSET
    workspace: WorkspaceChatRowWorkspace | Unset = UNSET
    user: WorkspaceChatRowUser | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workspace_id = self.workspace_id

        prompt = self.prompt

        response = self.response

        include = self.include

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        thread_id: int | None | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = self.thread_id

        api_session_id: None | str | Unset
        if isinstance(self.api_session_id, Unset):
            api_session_id = UNSET
        else:
            api_session_id = self.api_session_id

        created_at = self.created_at

        last_updated_at = self.last_updated_at

        feedback_score: bool | None | Unset
        if isinstance(self.feedback_score, Unset):
            feedback_score = UNSET
        else:
            feedback_score = self.feedback_score

        memory_processed: bool | None | Unset
        if isinstance(self.memory_processed, Unset):
            memory_processed = UNSET
        else:
            memory_processed = self.memory_processed

        workspace: dict[str, Any] | Unset = UNSET
        if not isinstance(self.workspace, Unset):
            workspace = self.workspace.to_dict()

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "workspaceId": workspace_id,
                "prompt": prompt,
                "response": response,
            }
        )
        if include is not UNSET:
            field_dict["include"] = include
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id
        if api_session_id is not UNSET:
            field_dict["api_session_id"] = api_session_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if feedback_score is not UNSET:
            field_dict["feedbackScore"] = feedback_score
        if memory_processed is not UNSET:
            field_dict["memoryProcessed"] = memory_processed
        if workspace is not UNSET:
            field_dict["workspace"] = workspace
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_chat_row_user import WorkspaceChatRowUser  # noqa: PLC0415
        from ..models.workspace_chat_row_workspace import WorkspaceChatRowWorkspace  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        workspace_id = d.pop("workspaceId")

        prompt = d.pop("prompt")

        response = d.pop("response")

        include = d.pop("include", UNSET)

        def _parse_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_thread_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

        def _parse_api_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_session_id = _parse_api_session_id(d.pop("api_session_id", UNSET))

        created_at = d.pop("createdAt", UNSET)

        last_updated_at = d.pop("lastUpdatedAt", UNSET)

        def _parse_feedback_score(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        feedback_score = _parse_feedback_score(d.pop("feedbackScore", UNSET))

        def _parse_memory_processed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        memory_processed = _parse_memory_processed(d.pop("memoryProcessed", UNSET))

        _workspace = d.pop("workspace", UNSET)
        workspace: WorkspaceChatRowWorkspace | Unset
        if isinstance(_workspace, Unset):
            workspace = UNSET
        else:
            workspace = WorkspaceChatRowWorkspace.from_dict(_workspace)

        _user = d.pop("user", UNSET)
        user: WorkspaceChatRowUser | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = WorkspaceChatRowUser.from_dict(_user)

        workspace_chat_row = cls(
            id=id,
            workspace_id=workspace_id,
            prompt=prompt,
            response=response,
            include=include,
            user_id=user_id,
            thread_id=thread_id,
            api_session_id=api_session_id,
            created_at=created_at,
            last_updated_at=last_updated_at,
            feedback_score=feedback_score,
            memory_processed=memory_processed,
            workspace=workspace,
            user=user,
        )

        workspace_chat_row.additional_properties = d
        return workspace_chat_row

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
