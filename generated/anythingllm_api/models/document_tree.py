from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_tree_type import DocumentTreeType, check_document_tree_type

if TYPE_CHECKING:
    from ..models.document_folder import DocumentFolder


T = TypeVar("T", bound="DocumentTree")


@_attrs_define
class DocumentTree:
    """
    Attributes:
        name (str):
        type_ (DocumentTreeType):
        items (list[DocumentFolder]):
    """

    name: str
    type_: DocumentTreeType
    items: list[DocumentFolder]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_folder import DocumentFolder  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        type_ = check_document_tree_type(d.pop("type"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DocumentFolder.from_dict(items_item_data)

            items.append(items_item)

        document_tree = cls(
            name=name,
            type_=type_,
            items=items,
        )

        document_tree.additional_properties = d
        return document_tree

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
