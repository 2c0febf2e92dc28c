from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.document_metadata_schema_response_200_schema import (
        DocumentMetadataSchemaResponse200Schema,
    )


T = TypeVar("T", bound="DocumentMetadataSchemaResponse200")


@_attrs_define
class DocumentMetadataSchemaResponse200:
    """
    Attributes:
        schema (DocumentMetadataSchemaResponse200Schema):
    """

    schema: DocumentMetadataSchemaResponse200Schema
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schema": schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_metadata_schema_response_200_schema import (
            DocumentMetadataSchemaResponse200Schema,  # noqa: PLC0415
        )

        d = dict(src_dict)
        schema = DocumentMetadataSchemaResponse200Schema.from_dict(d.pop("schema"))

        document_metadata_schema_response_200 = cls(
            schema=schema,
        )

        document_metadata_schema_response_200.additional_properties = d
        return document_metadata_schema_response_200

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
