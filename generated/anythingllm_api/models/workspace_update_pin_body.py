from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkspaceUpdatePinBody")


@_attrs_define
class WorkspaceUpdatePinBody:
    """
    Attributes:
        doc_path (str): the workspace document's docpath (if omitted the server pins the first document)
        pin_status (bool):
    """

    doc_path: str
    pin_status: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        doc_path = self.doc_path

        pin_status = self.pin_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "docPath": doc_path,
                "pinStatus": pin_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        doc_path = d.pop("docPath")

        pin_status = d.pop("pinStatus")

        workspace_update_pin_body = cls(
            doc_path=doc_path,
            pin_status=pin_status,
        )

        workspace_update_pin_body.additional_properties = d
        return workspace_update_pin_body

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
