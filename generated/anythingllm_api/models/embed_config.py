from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.embed_chat_mode import EmbedChatMode, check_embed_chat_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmbedConfig")


@_attrs_define
class EmbedConfig:
    """
    Attributes:
        id (int):
        uuid (str):
        enabled (bool):
        chat_mode (EmbedChatMode):
        workspace_id (int):
        allowlist_domains (None | str | Unset): a JSON-encoded array of allowed origins
        allow_model_override (bool | Unset):
        allow_temperature_override (bool | Unset):
        allow_prompt_override (bool | Unset):
        max_chats_per_day (int | None | Unset):
        max_chats_per_session (int | None | Unset):
        message_limit (int | None | Unset):
        created_by (int | None | Unset):
        users_id (int | None | Unset):
        created_at (str | Unset):
    """

    id: int
    uuid: str
    enabled: bool
    chat_mode: EmbedChatMode
    workspace_id: int
    allowlist_domains: None | str | Unset = UNSET
    allow_model_override: bool | Unset = UNSET
    allow_temperature_override: bool | Unset = UNSET
    allow_prompt_override: bool | Unset = UNSET
    max_chats_per_day: int | None | Unset = UNSET
    max_chats_per_session: int | None | Unset = UNSET
    message_limit: int | None | Unset = UNSET
    created_by: int | None | Unset = UNSET
    users_id: int | None | Unset = UNSET
    created_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        uuid = self.uuid

        enabled = self.enabled

        chat_mode: str = self.chat_mode

        workspace_id = self.workspace_id

        allowlist_domains: None | str | Unset
        if isinstance(self.allowlist_domains, Unset):
            allowlist_domains = UNSET
        else:
            allowlist_domains = self.allowlist_domains

        allow_model_override = self.allow_model_override

        allow_temperature_override = self.allow_temperature_override

        allow_prompt_override = self.allow_prompt_override

        max_chats_per_day: int | None | Unset
        if isinstance(self.max_chats_per_day, Unset):
            max_chats_per_day = UNSET
        else:
            max_chats_per_day = self.max_chats_per_day

        max_chats_per_session: int | None | Unset
        if isinstance(self.max_chats_per_session, Unset):
            max_chats_per_session = UNSET
        else:
            max_chats_per_session = self.max_chats_per_session

        message_limit: int | None | Unset
        if isinstance(self.message_limit, Unset):
            message_limit = UNSET
        else:
            message_limit = self.message_limit

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        users_id: int | None | Unset
        if isinstance(self.users_id, Unset):
            users_id = UNSET
        else:
            users_id = self.users_id

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "uuid": uuid,
                "enabled": enabled,
                "chat_mode": chat_mode,
                "workspace_id": workspace_id,
            }
        )
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
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if users_id is not UNSET:
            field_dict["usersId"] = users_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        uuid = d.pop("uuid")

        enabled = d.pop("enabled")

        chat_mode = check_embed_chat_mode(d.pop("chat_mode"))

        workspace_id = d.pop("workspace_id")

        def _parse_allowlist_domains(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allowlist_domains = _parse_allowlist_domains(d.pop("allowlist_domains", UNSET))

        allow_model_override = d.pop("allow_model_override", UNSET)

        allow_temperature_override = d.pop("allow_temperature_override", UNSET)

        allow_prompt_override = d.pop("allow_prompt_override", UNSET)

        def _parse_max_chats_per_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_chats_per_day = _parse_max_chats_per_day(d.pop("max_chats_per_day", UNSET))

        def _parse_max_chats_per_session(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_chats_per_session = _parse_max_chats_per_session(d.pop("max_chats_per_session", UNSET))

        def _parse_message_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        message_limit = _parse_message_limit(d.pop("message_limit", UNSET))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))

        def _parse_users_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        users_id = _parse_users_id(d.pop("usersId", UNSET))

        created_at = d.pop("createdAt", UNSET)

        embed_config = cls(
            id=id,
            uuid=uuid,
            enabled=enabled,
            chat_mode=chat_mode,
            workspace_id=workspace_id,
            allowlist_domains=allowlist_domains,
            allow_model_override=allow_model_override,
            allow_temperature_override=allow_temperature_override,
            allow_prompt_override=allow_prompt_override,
            max_chats_per_day=max_chats_per_day,
            max_chats_per_session=max_chats_per_session,
            message_limit=message_limit,
            created_by=created_by,
            users_id=users_id,
            created_at=created_at,
        )

        embed_config.additional_properties = d
        return embed_config

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
