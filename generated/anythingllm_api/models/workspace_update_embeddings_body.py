from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkspaceUpdateEmbeddingsBody")


@_attrs_define
class WorkspaceUpdateEmbeddingsBody:
    """Document locations (folder/file.json); deletes run first. A failed embed is not reported.

    Attributes:
        adds (list[str] | Unset):
        deletes (list[str] | Unset):
    """

    adds: list[str] | Unset = UNSET
    deletes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adds: list[str] | Unset = UNSET
        if not isinstance(self.adds, Unset):
            adds = self.adds

        deletes: list[str] | Unset = UNSET
        if not isinstance(self.deletes, Unset):
            deletes = self.deletes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if adds is not UNSET:
            field_dict["adds"] = adds
        if deletes is not UNSET:
            field_dict["deletes"] = deletes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adds = cast(list[str], d.pop("adds", UNSET))

        deletes = cast(list[str], d.pop("deletes", UNSET))

        workspace_update_embeddings_body = cls(
            adds=adds,
            deletes=deletes,
        )

        workspace_update_embeddings_body.additional_properties = d
        return workspace_update_embeddings_body

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
