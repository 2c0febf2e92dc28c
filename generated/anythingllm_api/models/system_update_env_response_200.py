from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.system_update_env_response_200_new_values import (
        SystemUpdateEnvResponse200NewValues,
    )


T = TypeVar("T", bound="SystemUpdateEnvResponse200")


@_attrs_define
class SystemUpdateEnvResponse200:
    """
    Attributes:
        new_values (SystemUpdateEnvResponse200NewValues):
        error (bool | str): false, or the validation failure
    """

    new_values: SystemUpdateEnvResponse200NewValues
    error: bool | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new_values = self.new_values.to_dict()

        error: bool | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "newValues": new_values,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.system_update_env_response_200_new_values import (
            SystemUpdateEnvResponse200NewValues,  # noqa: PLC0415
        )

        d = dict(src_dict)
        new_values = SystemUpdateEnvResponse200NewValues.from_dict(d.pop("newValues"))

        def _parse_error(data: object) -> bool | str:
            return cast(bool | str, data)

        error = _parse_error(d.pop("error"))

        system_update_env_response_200 = cls(
            new_values=new_values,
            error=error,
        )

        system_update_env_response_200.additional_properties = d
        return system_update_env_response_200

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
