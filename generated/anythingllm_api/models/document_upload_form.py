from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="DocumentUploadForm")


@_attrs_define
class DocumentUploadForm:
    """
    Attributes:
        file (File): exactly one file
        add_to_workspaces (str | Unset): comma-separated workspace slugs to embed into
        metadata (str | Unset): a JSON-encoded object: title, docAuthor, description, docSource, chunkSource
    """

    file: File
    add_to_workspaces: str | Unset = UNSET
    metadata: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        add_to_workspaces = self.add_to_workspaces

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if add_to_workspaces is not UNSET:
            field_dict["addToWorkspaces"] = add_to_workspaces
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.add_to_workspaces, Unset):
            files.append(("addToWorkspaces", (None, str(self.add_to_workspaces).encode(), "text/plain")))

        if not isinstance(self.metadata, Unset):
            files.append(("metadata", (None, str(self.metadata).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        add_to_workspaces = d.pop("addToWorkspaces", UNSET)

        metadata = d.pop("metadata", UNSET)

        document_upload_form = cls(
            file=file,
            add_to_workspaces=add_to_workspaces,
            metadata=metadata,
        )

        document_upload_form.additional_properties = d
        return document_upload_form

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
