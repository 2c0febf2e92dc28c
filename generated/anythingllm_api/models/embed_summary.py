from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.embed_chat_mode import EmbedChatMode, check_embed_chat_mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.embed_summary_workspace import EmbedSummaryWorkspace


T = TypeVar("T", bound="EmbedSummary")


@_attrs_define
class EmbedSummary:
    """
    Attributes:
        id (int):
        uuid (str):
        enabled (bool):
        chat_mode (EmbedChatMode):
        created_at (str | Unset):
        workspace (EmbedSummaryWorkspace | Unset):
        chat_count (int | Unset):
    """

    id: int
    uuid: str
    enabled: bool
    chat_mode: EmbedChatMode
    created_at: str | Unset = UNSET
    workspace: EmbedSummaryWorkspace | Unset = UNSET
    chat_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        uuid = self.uuid

        enabled = self.enabled

        chat_mode: str = self.chat_mode

        created_at = self.created_at

        workspace: dict[str, Any] | Unset = UNSET
        if not isinstance(self.workspace, Unset):
            workspace = self.workspace.to_dict()

        chat_count = self.chat_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "uuid": uuid,
                "enabled": enabled,
                "chat_mode": chat_mode,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if workspace is not UNSET:
            field_dict["workspace"] = workspace
        if chat_count is not UNSET:
            field_dict["chat_count"] = chat_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.embed_summary_workspace import EmbedSummaryWorkspace  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        uuid = d.pop("uuid")

        enabled = d.pop("enabled")

        chat_mode = check_embed_chat_mode(d.pop("chat_mode"))

        created_at = d.pop("createdAt", UNSET)

        _workspace = d.pop("workspace", UNSET)
        workspace: EmbedSummaryWorkspace | Unset
        if isinstance(_workspace, Unset):
            workspace = UNSET
        else:
            workspace = EmbedSummaryWorkspace.from_dict(_workspace)

        chat_count = d.pop("chat_count", UNSET)

        embed_summary = cls(
            id=id,
            uuid=uuid,
            enabled=enabled,
            chat_mode=chat_mode,
            created_at=created_at,
            workspace=workspace,
            chat_count=chat_count,
        )

        embed_summary.additional_properties = d
        return embed_summary

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
