from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EmbedChat")


@_attrs_define
class EmbedChat:
    """
    Attributes:
        id (int):
        prompt (str):
        response (str): JSON-encoded {text, type, sources, metrics}
        session_id (str):
        include (bool | Unset):
        connection_information (None | str | Unset): JSON-encoded {host, ip, username}
        embed_id (int | Unset):
        users_id (int | None | Unset):
        created_at (str | Unset):
    """

    id: int
    prompt: str
    response: str
    session_id: str
    include: bool | Unset = UNSET
    connection_information: None | str | Unset = UNSET
    embed_id: int | Unset = UNSET
    users_id: int | None | Unset = UNSET
    created_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        prompt = self.prompt

        response = self.response

        session_id = self.session_id

        include = self.include

        connection_information: None | str | Unset
        if isinstance(self.connection_information, Unset):
            connection_information = UNSET
        else:
            connection_information = self.connection_information

        embed_id = self.embed_id

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
                "prompt": prompt,
                "response": response,
                "session_id": session_id,
            }
        )
        if include is not UNSET:
            field_dict["include"] = include
        if connection_information is not UNSET:
            field_dict["connection_information"] = connection_information
        if embed_id is not UNSET:
            field_dict["embed_id"] = embed_id
        if users_id is not UNSET:
            field_dict["usersId"] = users_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        prompt = d.pop("prompt")

        response = d.pop("response")

        session_id = d.pop("session_id")

        include = d.pop("include", UNSET)

        def _parse_connection_information(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_information = _parse_connection_information(d.pop("connection_information", UNSET))

        embed_id = d.pop("embed_id", UNSET)

        def _parse_users_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        users_id = _parse_users_id(d.pop("usersId", UNSET))

        created_at = d.pop("createdAt", UNSET)

        embed_chat = cls(
            id=id,
            prompt=prompt,
            response=response,
            session_id=session_id,
            include=include,
            connection_information=connection_information,
            embed_id=embed_id,
            users_id=users_id,
            created_at=created_at,
        )

        embed_chat.additional_properties = d
        return embed_chat

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
