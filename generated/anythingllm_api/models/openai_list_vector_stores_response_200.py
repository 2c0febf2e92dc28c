from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vector_store import VectorStore


T = TypeVar("T", bound="OpenaiListVectorStoresResponse200")


@_attrs_define
class OpenaiListVectorStoresResponse200:
    """
    Attributes:
        data (list[VectorStore]):
        first_id (str | Unset):
        last_id (str | Unset):
        has_more (bool | Unset):
    """

    data: list[VectorStore]
    first_id: str | Unset = UNSET
    last_id: str | Unset = UNSET
    has_more: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        first_id = self.first_id

        last_id = self.last_id

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if first_id is not UNSET:
            field_dict["first_id"] = first_id
        if last_id is not UNSET:
            field_dict["last_id"] = last_id
        if has_more is not UNSET:
            field_dict["has_more"] = has_more

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vector_store import VectorStore  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = VectorStore.from_dict(data_item_data)

            data.append(data_item)

        first_id = d.pop("first_id", UNSET)

        last_id = d.pop("last_id", UNSET)

        has_more = d.pop("has_more", UNSET)

        openai_list_vector_stores_response_200 = cls(
            data=data,
            first_id=first_id,
            last_id=last_id,
            has_more=has_more,
        )

        openai_list_vector_stores_response_200.additional_properties = d
        return openai_list_vector_stores_response_200

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
