from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.workspace_with_details import WorkspaceWithDetails


T = TypeVar("T", bound="WorkspaceUpdateEmbeddingsResponse200")


@_attrs_define
class WorkspaceUpdateEmbeddingsResponse200:
    """
    Attributes:
        workspace (WorkspaceWithDetails): A workspace with its documents and context-window figures.
    """

    workspace: WorkspaceWithDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workspace = self.workspace.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workspace": workspace,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_with_details import WorkspaceWithDetails  # noqa: PLC0415

        d = dict(src_dict)
        workspace = WorkspaceWithDetails.from_dict(d.pop("workspace"))

        workspace_update_embeddings_response_200 = cls(
            workspace=workspace,
        )

        workspace_update_embeddings_response_200.additional_properties = d
        return workspace_update_embeddings_response_200

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
