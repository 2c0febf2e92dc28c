from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkspaceDocument")


@_attrs_define
class WorkspaceDocument:
    """A document embedded in a workspace.

    Attributes:
        id (int):
        doc_id (str):
        filename (str):
        docpath (str): storage location, e.g. custom-documents/x.json
        workspace_id (int):
        metadata (None | str | Unset): JSON-encoded document metadata
        pinned (bool | None | Unset):
        watched (bool | None | Unset):
        created_at (str | Unset):
        last_updated_at (str | Unset):
    """

    id: int
    doc_id: str
    filename: str
    docpath: str
    workspace_id: int
    metadata: None | str | Unset = UNSET
    pinned: bool | None | Unset = UNSET
    watched: bool | None | Unset = UNSET
    created_at: str | Unset = UNSET
    last_updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        doc_id = self.doc_id

        filename = self.filename

        docpath = self.docpath

        workspace_id = self.workspace_id

        metadata: None | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        else:
            metadata = self.metadata

        pinned: bool | None | Unset
        if isinstance(self.pinned, Unset):
            pinned = UNSET
        else:
            pinned = self.pinned

        watched: bool | None | Unset
        if isinstance(self.watched, Unset):
            watched = UNSET
        else:
            watched = self.watched

        created_at = self.created_at

        last_updated_at = self.last_updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "docId": doc_id,
                "filename": filename,
                "docpath": docpath,
                "workspaceId": workspace_id,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if pinned is not UNSET:
            field_dict["pinned"] = pinned
        if watched is not UNSET:
            field_dict["watched"] = watched
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        doc_id = d.pop("docId")

        filename = d.pop("filename")

        docpath = d.pop("docpath")

        workspace_id = d.pop("workspaceId")

        def _parse_metadata(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_pinned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        pinned = _parse_pinned(d.pop("pinned", UNSET))

        def _parse_watched(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        watched = _parse_watched(d.pop("watched", UNSET))

        created_at = d.pop("createdAt", UNSET)

        last_updated_at = d.pop("lastUpdatedAt", UNSET)

        workspace_document = cls(
            id=id,
            doc_id=doc_id,
            filename=filename,
            docpath=docpath,
            workspace_id=workspace_id,
            metadata=metadata,
            pinned=pinned,
            watched=watched,
            created_at=created_at,
            last_updated_at=last_updated_at,
        )

        workspace_document.additional_properties = d
        return workspace_document

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
