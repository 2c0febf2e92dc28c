from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_metadata import DocumentMetadata


T = TypeVar("T", bound="DocumentUploadRawTextBody")


@_attrs_define
class DocumentUploadRawTextBody:
    """
    Attributes:
        text_content (str):
        metadata (DocumentMetadata): Document metadata; the converters read these keys, and raw-text requires `title`.
        add_to_workspaces (str | Unset): comma-separated workspace slugs
    """

    text_content: str
    metadata: DocumentMetadata
    add_to_workspaces: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text_content = self.text_content

        metadata = self.metadata.to_dict()

        add_to_workspaces = self.add_to_workspaces

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "textContent": text_content,
                "metadata": metadata,
            }
        )
        if add_to_workspaces is not UNSET:
            field_dict["addToWorkspaces"] = add_to_workspaces

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_metadata import DocumentMetadata  # noqa: PLC0415

        d = dict(src_dict)
        text_content = d.pop("textContent")

        metadata = DocumentMetadata.from_dict(d.pop("metadata"))

        add_to_workspaces = d.pop("addToWorkspaces", UNSET)

        document_upload_raw_text_body = cls(
            text_content=text_content,
            metadata=metadata,
            add_to_workspaces=add_to_workspaces,
        )

        document_upload_raw_text_body.additional_properties = d
        return document_upload_raw_text_body

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
