from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_update_user_body_suspended import (
    AdminUpdateUserBodySuspended,
    check_admin_update_user_body_suspended,
)
from ..models.user_role import UserRole, check_user_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminUpdateUserBody")


@_attrs_define
class AdminUpdateUserBody:
    """
    Attributes:
        username (str | Unset):
        password (str | Unset):
        role (UserRole | Unset):
        suspended (AdminUpdateUserBodySuspended | Unset):
        daily_message_limit (int | None | Unset):
        bio (str | Unset):
        pfp_filename (str | Unset):
    """

    username: str | Unset = UNSET
    password: str | Unset = UNSET
    role: UserRole | Unset = UNSET
    suspended: AdminUpdateUserBodySuspended | Unset = UNSET
    daily_message_limit: int | None | Unset = UNSET
    bio: str | Unset = UNSET
    pfp_filename: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        suspended: int | Unset = UNSET
        if not isinstance(self.suspended, Unset):
            suspended = self.suspended

        daily_message_limit: int | None | Unset
        if isinstance(self.daily_message_limit, Unset):
            daily_message_limit = UNSET
        else:
            daily_message_limit = self.daily_message_limit

        bio = self.bio

        pfp_filename = self.pfp_filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if role is not UNSET:
            field_dict["role"] = role
        if suspended is not UNSET:
            field_dict["suspended"] = suspended
        if daily_message_limit is not UNSET:
            field_dict["dailyMessageLimit"] = daily_message_limit
        if bio is not UNSET:
            field_dict["bio"] = bio
        if pfp_filename is not UNSET:
            field_dict["pfpFilename"] = pfp_filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        _role = d.pop("role", UNSET)
        role: UserRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_user_role(_role)

        _suspended = d.pop("suspended", UNSET)
        suspended: AdminUpdateUserBodySuspended | Unset
        if isinstance(_suspended, Unset):
            suspended = UNSET
        else:
            suspended = check_admin_update_user_body_suspended(_suspended)

        def _parse_daily_message_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        daily_message_limit = _parse_daily_message_limit(d.pop("dailyMessageLimit", UNSET))

        bio = d.pop("bio", UNSET)

        pfp_filename = d.pop("pfpFilename", UNSET)

        admin_update_user_body = cls(
            username=username,
            password=password,
            role=role,
            suspended=suspended,
            daily_message_limit=daily_message_limit,
            bio=bio,
            pfp_filename=pfp_filename,
        )

        admin_update_user_body.additional_properties = d
        return admin_update_user_body

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
