from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_mode import ChatMode, check_chat_mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment import Attachment


T = TypeVar("T", bound="ChatRequest")


@_attrs_define
class ChatRequest:
    """A workspace chat. `message` may be omitted only with `reset`.

    Attributes:
        message (str | Unset):
        mode (ChatMode | Unset):
        session_id (str | Unset): partitions the chat history by an external id
        attachments (list[Attachment] | Unset):
        reset (bool | Unset): exclude the earlier history from now on
    """

    message: str | Unset = UNSET
    mode: ChatMode | Unset = UNSET
    session_id: str | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    reset: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        session_id = self.session_id

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        reset = self.reset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if mode is not UNSET:
            field_dict["mode"] = mode
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if reset is not UNSET:
            field_dict["reset"] = reset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: ChatMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_chat_mode(_mode)

        session_id = d.pop("sessionId", UNSET)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[Attachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = Attachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        reset = d.pop("reset", UNSET)

        chat_request = cls(
            message=message,
            mode=mode,
            session_id=session_id,
            attachments=attachments,
            reset=reset,
        )

        chat_request.additional_properties = d
        return chat_request

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
