from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.embed_summary import EmbedSummary


T = TypeVar("T", bound="EmbedListResponse200")


@_attrs_define
class EmbedListResponse200:
    """
    Attributes:
        embeds (list[EmbedSummary]):
    """

    embeds: list[EmbedSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        embeds = []
        for embeds_item_data in self.embeds:
            embeds_item = embeds_item_data.to_dict()
            embeds.append(embeds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "embeds": embeds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.embed_summary import EmbedSummary  # noqa: PLC0415

        d = dict(src_dict)
        embeds = []
        _embeds = d.pop("embeds")
        for embeds_item_data in _embeds:
            embeds_item = EmbedSummary.from_dict(embeds_item_data)

            embeds.append(embeds_item)

        embed_list_response_200 = cls(
            embeds=embeds,
        )

        embed_list_response_200.additional_properties = d
        return embed_list_response_200

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
