from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.workspace_with_documents import WorkspaceWithDocuments


T = TypeVar("T", bound="WorkspaceGetResponse200")


@_attrs_define
class WorkspaceGetResponse200:
    """
    Attributes:
        workspace (list[WorkspaceWithDocuments] | None):
    """

    workspace: list[WorkspaceWithDocuments] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workspace: list[dict[str, Any]] | None
        if isinstance(self.workspace, list):
            workspace = []
            for workspace_type_0_item_data in self.workspace:
                workspace_type_0_item = workspace_type_0_item_data.to_dict()
                workspace.append(workspace_type_0_item)

        else:
            workspace = self.workspace

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
        from ..models.workspace_with_documents import WorkspaceWithDocuments  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_workspace(data: object) -> list[WorkspaceWithDocuments] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                workspace_type_0 = []
                _workspace_type_0 = data
                for workspace_type_0_item_data in _workspace_type_0:
                    workspace_type_0_item = WorkspaceWithDocuments.from_dict(workspace_type_0_item_data)

                    workspace_type_0.append(workspace_type_0_item)

                return workspace_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WorkspaceWithDocuments] | None, data)

        workspace = _parse_workspace(d.pop("workspace"))

        workspace_get_response_200 = cls(
            workspace=workspace,
        )

        workspace_get_response_200.additional_properties = d
        return workspace_get_response_200

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
