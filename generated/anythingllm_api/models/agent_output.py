from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentOutput")


@_attrs_define
class AgentOutput:
    """A file an agent produced; download it by `storageFilename`.

    Attributes:
        filename (str | Unset):
        storage_filename (str | Unset):
        file_size (int | Unset):
    """

    filename: str | Unset = UNSET
    storage_filename: str | Unset = UNSET
    file_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        storage_filename = self.storage_filename

        file_size = self.file_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filename is not UNSET:
            field_dict["filename"] = filename
        if storage_filename is not UNSET:
            field_dict["storageFilename"] = storage_filename
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename", UNSET)

        storage_filename = d.pop("storageFilename", UNSET)

        file_size = d.pop("fileSize", UNSET)

        agent_output = cls(
            filename=filename,
            storage_filename=storage_filename,
            file_size=file_size,
        )

        agent_output.additional_properties = d
        return agent_output

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
