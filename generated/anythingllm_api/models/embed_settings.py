from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.embed_chat_mode import EmbedChatMode, check_embed_chat_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmbedSettings")


@_attrs_define
class EmbedSettings:
    """Embed widget settings. `allowlist_domains` is a comma-separated string (an array is silently dropped by the server,
    which then allows every origin). Limits <= 0 mean no limit.

        Attributes:
            chat_mode (EmbedChatMode | Unset):
            allowlist_domains (str | Unset):
            allow_model_override (bool | Unset):
            allow_temperature_override (bool | Unset):
            allow_prompt_override (bool | Unset):
            max_chats_per_day (int | Unset):
            max_chats_per_session (int | Unset):
            message_limit (int | Unset):
    """

    chat_mode: EmbedChatMode | Unset = UNSET
    allowlist_domains: str | Unset = UNSET
    allow_model_override: bool | Unset = UNSET
    allow_temperature_override: bool | Unset = UNSET
    allow_prompt_override: bool | Unset = UNSET
    max_chats_per_day: int | Unset = UNSET
    max_chats_per_session: int | Unset = UNSET
    message_limit: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat_mode: str | Unset = UNSET
        if not isinstance(self.chat_mode, Unset):
            chat_mode = self.chat_mode

        allowlist_domains = self.allowlist_domains

        allow_model_override = self.allow_model_override

        allow_temperature_override = self.allow_temperature_override

        allow_prompt_override = self.allow_prompt_override

        max_chats_per_day = self.max_chats_per_day

        max_chats_per_session = self.max_chats_per_session

        message_limit = self.message_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chat_mode is not UNSET:
            field_dict["chat_mode"] = chat_mode
        if allowlist_domains is not UNSET:
            field_dict["allowlist_domains"] = allowlist_domains
        if allow_model_override is not UNSET:
            field_dict["allow_model_override"] = allow_model_override
        if allow_temperature_override is not UNSET:
            field_dict["allow_temperature_override"] = allow_temperature_override
        if allow_prompt_override is not UNSET:
            field_dict["allow_prompt_override"] = allow_prompt_override
        if max_chats_per_day is not UNSET:
            field_dict["max_chats_per_day"] = max_chats_per_day
        if max_chats_per_session is not UNSET:
            field_dict["max_chats_per_session"] = max_chats_per_session
        if message_limit is not UNSET:
            field_dict["message_limit"] = message_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _chat_mode = d.pop("chat_mode", UNSET)
        chat_mode: EmbedChatMode | Unset
        if isinstance(_chat_mode, Unset):
            chat_mode = UNSET
        else:
            chat_mode = check_embed_chat_mode(_chat_mode)

        allowlist_domains = d.pop("allowlist_domains", UNSET)

        allow_model_override = d.pop("allow_model_override", UNSET)

        allow_temperature_override = d.pop("allow_temperature_override", UNSET)

        allow_prompt_override = d.pop("allow_prompt_override", UNSET)

        max_chats_per_day = d.pop("max_chats_per_day", UNSET)

        max_chats_per_session = d.pop("max_chats_per_session", UNSET)

        message_limit = d.pop("message_limit", UNSET)

        embed_settings = cls(
            chat_mode=chat_mode,
            allowlist_domains=allowlist_domains,
            allow_model_override=allow_model_override,
            allow_temperature_override=allow_temperature_override,
            allow_prompt_override=allow_prompt_override,
            max_chats_per_day=max_chats_per_day,
            max_chats_per_session=max_chats_per_session,
            message_limit=message_limit,
        )

        embed_settings.additional_properties = d
        return embed_settings

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
