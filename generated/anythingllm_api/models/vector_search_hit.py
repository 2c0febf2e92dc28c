from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vector_search_hit_metadata import VectorSearchHitMetadata


T = TypeVar("T", bound="VectorSearchHit")


@_attrs_define
class VectorSearchHit:
    """
    Attributes:
        id (str):
        text (str):
        score (float):
        metadata (VectorSearchHitMetadata | Unset):
        distance (float | Unset):
    """

    id: str
    text: str
    score: float
    metadata: VectorSearchHitMetadata | Unset = UNSET
    distance: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        score = self.score

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        distance = self.distance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "score": score,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if distance is not UNSET:
            field_dict["distance"] = distance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vector_search_hit_metadata import VectorSearchHitMetadata  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        score = d.pop("score")

        _metadata = d.pop("metadata", UNSET)
        metadata: VectorSearchHitMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = VectorSearchHitMetadata.from_dict(_metadata)

        distance = d.pop("distance", UNSET)

        vector_search_hit = cls(
            id=id,
            text=text,
            score=score,
            metadata=metadata,
            distance=distance,
        )

        vector_search_hit.additional_properties = d
        return vector_search_hit

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
