from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkspaceVectorSearchBody")


@_attrs_define
class WorkspaceVectorSearchBody:
    """
    Attributes:
        query (str):
        top_n (int | Unset):
        score_threshold (float | Unset):
    """

    query: str
    top_n: int | Unset = UNSET
    score_threshold: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        top_n = self.top_n

        score_threshold = self.score_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
            }
        )
        if top_n is not UNSET:
            field_dict["topN"] = top_n
        if score_threshold is not UNSET:
            field_dict["scoreThreshold"] = score_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query = d.pop("query")

        top_n = d.pop("topN", UNSET)

        score_threshold = d.pop("scoreThreshold", UNSET)

        workspace_vector_search_body = cls(
            query=query,
            top_n=top_n,
            score_threshold=score_threshold,
        )

        workspace_vector_search_body.additional_properties = d
        return workspace_vector_search_body

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
