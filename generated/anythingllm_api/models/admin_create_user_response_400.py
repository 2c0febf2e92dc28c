from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_create_user_response_400_user_type_0 import (
        AdminCreateUserResponse400UserType0,
    )


T = TypeVar("T", bound="AdminCreateUserResponse400")


@_attrs_define
class AdminCreateUserResponse400:
    """
    Attributes:
        error (str):
        user (AdminCreateUserResponse400UserType0 | None | Unset):
    """

    error: str
    user: AdminCreateUserResponse400UserType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_create_user_response_400_user_type_0 import (
            AdminCreateUserResponse400UserType0,  # noqa: PLC0415
        )

        error = self.error

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, AdminCreateUserResponse400UserType0):
            user = self.user.to_dict()
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_create_user_response_400_user_type_0 import (
            AdminCreateUserResponse400UserType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        error = d.pop("error")

        def _parse_user(data: object) -> AdminCreateUserResponse400UserType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = AdminCreateUserResponse400UserType0.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminCreateUserResponse400UserType0 | None | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        admin_create_user_response_400 = cls(
            error=error,
            user=user,
        )

        admin_create_user_response_400.additional_properties = d
        return admin_create_user_response_400

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
