from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.picker_document import PickerDocument


T = TypeVar("T", bound="FolderPage")


@_attrs_define
class FolderPage:
    """One page of a folder's documents.

    Attributes:
        folder (str):
        documents (list[PickerDocument]):
        total_count (int | Unset):
        has_more (bool | Unset):
        code (int | Unset):
        error (None | str | Unset):
    """

    folder: str
    documents: list[PickerDocument]
    total_count: int | Unset = UNSET
    has_more: bool | Unset = UNSET
    code: int | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        folder = self.folder

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        total_count = self.total_count

        has_more = self.has_more

        code = self.code

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder": folder,
                "documents": documents,
            }
        )
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if has_more is not UNSET:
            field_dict["hasMore"] = has_more
        if code is not UNSET:
            field_dict["code"] = code
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.picker_document import PickerDocument  # noqa: PLC0415

        d = dict(src_dict)
        folder = d.pop("folder")

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = PickerDocument.from_dict(documents_item_data)

            documents.append(documents_item)

        total_count = d.pop("totalCount", UNSET)

        has_more = d.pop("hasMore", UNSET)

        code = d.pop("code", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        folder_page = cls(
            folder=folder,
            documents=documents,
            total_count=total_count,
            has_more=has_more,
            code=code,
            error=error,
        )

        folder_page.additional_properties = d
        return folder_page

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
