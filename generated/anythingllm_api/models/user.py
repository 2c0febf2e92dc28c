from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_role import UserRole, check_user_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (int):
        role (UserRole):
        username (None | str | Unset):
        pfp_filename (None | str | Unset):
        suspended (int | Unset): 0 or 1
        seen_recovery_codes (bool | None | Unset):
        created_at (str | Unset):
        last_updated_at (str | Unset):
        daily_message_limit (int | None | Unset):
        bio (None | str | Unset):
    """

    id: int
    role: UserRole
    username: None | str | Unset = UNSET
    pfp_filename: None | str | Unset = UNSET
    suspended: int | Unset = UNSET
    seen_recovery_codes: bool | None | Unset = UNSET
    created_at: str | Unset = UNSET
    last_updated_at: str | Unset = UNSET
    daily_message_limit: int | None | Unset = UNSET
    bio: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        role: str = self.role

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        pfp_filename: None | str | Unset
        if isinstance(self.pfp_filename, Unset):
            pfp_filename = UNSET
        else:
            pfp_filename = self.pfp_filename

        suspended = self.suspended

        seen_recovery_codes: bool | None | Unset
        if isinstance(self.seen_recovery_codes, Unset):
            seen_recovery_codes = UNSET
        else:
            seen_recovery_codes = self.seen_recovery_codes

        created_at = self.created_at

        last_updated_at = self.last_updated_at

        daily_message_limit: int | None | Unset
        if isinstance(self.daily_message_limit, Unset):
            daily_message_limit = UNSET
        else:
            daily_message_limit = self.daily_message_limit

        bio: None | str | Unset
        if isinstance(self.bio, Unset):
            bio = UNSET
        else:
            bio = self.bio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
            }
        )
        if username is not UNSET:
            field_dict["username"] = username
        if pfp_filename is not UNSET:
            field_dict["pfpFilename"] = pfp_filename
        if suspended is not UNSET:
            field_dict["suspended"] = suspended
        if seen_recovery_codes is not UNSET:
            field_dict["seen_recovery_codes"] = seen_recovery_codes
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if daily_message_limit is not UNSET:
            field_dict["dailyMessageLimit"] = daily_message_limit
        if bio is not UNSET:
            field_dict["bio"] = bio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        role = check_user_role(d.pop("role"))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_pfp_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pfp_filename = _parse_pfp_filename(d.pop("pfpFilename", UNSET))

        suspended = d.pop("suspended", UNSET)

        def _parse_seen_recovery_codes(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        seen_recovery_codes = _parse_seen_recovery_codes(d.pop("seen_recovery_codes", UNSET))

        created_at = d.pop("createdAt", UNSET)

        last_updated_at = d.pop("lastUpdatedAt", UNSET)

        def _parse_daily_message_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        daily_message_limit = _parse_daily_message_limit(d.pop("dailyMessageLimit", UNSET))

        def _parse_bio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bio = _parse_bio(d.pop("bio", UNSET))

        user = cls(
            id=id,
            role=role,
            username=username,
            pfp_filename=pfp_filename,
            suspended=suspended,
            seen_recovery_codes=seen_recovery_codes,
            created_at=created_at,
            last_updated_at=last_updated_at,
            daily_message_limit=daily_message_limit,
            bio=bio,
        )

        user.additional_properties = d
        return user

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
