from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vector_store_file_counts import VectorStoreFileCounts


T = TypeVar("T", bound="VectorStore")


@_attrs_define
class VectorStore:
    """
    Attributes:
        id (str): a workspace slug
        name (str):
        object_ (str | Unset):
        file_counts (VectorStoreFileCounts | Unset):
        provider (str | Unset): the server's VECTOR_DB setting, lowercase
    """

    id: str
    name: str
    object_: str | Unset = UNSET
    file_counts: VectorStoreFileCounts | Unset = UNSET
    provider: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        object_ = self.object_

        file_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_counts, Unset):
            file_counts = self.file_counts.to_dict()

        provider = self.provider

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if file_counts is not UNSET:
            field_dict["file_counts"] = file_counts
        if provider is not UNSET:
            field_dict["provider"] = provider

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vector_store_file_counts import VectorStoreFileCounts  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        object_ = d.pop("object", UNSET)

        _file_counts = d.pop("file_counts", UNSET)
        file_counts: VectorStoreFileCounts | Unset
        if isinstance(_file_counts, Unset):
            file_counts = UNSET
        else:
            file_counts = VectorStoreFileCounts.from_dict(_file_counts)

        provider = d.pop("provider", UNSET)

        vector_store = cls(
            id=id,
            name=name,
            object_=object_,
            file_counts=file_counts,
            provider=provider,
        )

        vector_store.additional_properties = d
        return vector_store

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
