from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_choice_finish_reason import (
    ChatCompletionChoiceFinishReason,
    check_chat_completion_choice_finish_reason,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
    )
    from ..models.chat_completion_message import ChatCompletionMessage


T = TypeVar("T", bound="ChatCompletionChoice")


@_attrs_define
class ChatCompletionChoice:
    """
    Attributes:
        index (int | Unset):
        message (ChatCompletionMessage | Unset):
        delta (ChatCompletionMessage | Unset):
        logprobs (ChatCompletionChoiceLogprobsType0 | None | Unset):
        finish_reason (ChatCompletionChoiceFinishReason | Unset):
    """

    index: int | Unset = UNSET
    message: ChatCompletionMessage | Unset = UNSET
    delta: ChatCompletionMessage | Unset = UNSET
    logprobs: ChatCompletionChoiceLogprobsType0 | None | Unset = UNSET
    finish_reason: ChatCompletionChoiceFinishReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_completion_choice_logprobs_type_0 import (
            ChatCompletionChoiceLogprobsType0,  # noqa: PLC0415
        )

        index = self.index

        message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.message, Unset):
            message = self.message.to_dict()

        delta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delta, Unset):
            delta = self.delta.to_dict()

        logprobs: dict[str, Any] | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        elif isinstance(self.logprobs, ChatCompletionChoiceLogprobsType0):
            logprobs = self.logprobs.to_dict()
        else:
            logprobs = self.logprobs

        finish_reason: str | Unset = UNSET
        if not isinstance(self.finish_reason, Unset):
            finish_reason = self.finish_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if message is not UNSET:
            field_dict["message"] = message
        if delta is not UNSET:
            field_dict["delta"] = delta
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_completion_choice_logprobs_type_0 import (
            ChatCompletionChoiceLogprobsType0,  # noqa: PLC0415
        )
        from ..models.chat_completion_message import ChatCompletionMessage  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index", UNSET)

        _message = d.pop("message", UNSET)
        message: ChatCompletionMessage | Unset
        if isinstance(_message, Unset):
            message = UNSET
        else:
            message = ChatCompletionMessage.from_dict(_message)

        _delta = d.pop("delta", UNSET)
        delta: ChatCompletionMessage | Unset
        if isinstance(_delta, Unset):
            delta = UNSET
        else:
            delta = ChatCompletionMessage.from_dict(_delta)

        def _parse_logprobs(data: object) -> ChatCompletionChoiceLogprobsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logprobs_type_0 = ChatCompletionChoiceLogprobsType0.from_dict(data)

                return logprobs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionChoiceLogprobsType0 | None | Unset, data)

        logprobs = _parse_logprobs(d.pop("logprobs", UNSET))

        _finish_reason = d.pop("finish_reason", UNSET)
        finish_reason: ChatCompletionChoiceFinishReason | Unset
        if isinstance(_finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = check_chat_completion_choice_finish_reason(_finish_reason)

        chat_completion_choice = cls(
            index=index,
            message=message,
            delta=delta,
            logprobs=logprobs,
            finish_reason=finish_reason,
        )

        chat_completion_choice.additional_properties = d
        return chat_completion_choice

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
