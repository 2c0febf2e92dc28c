from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentMetadata")


@_attrs_define
class DocumentMetadata:
    """Document metadata; the converters read these keys, and raw-text requires `title`.

    Attributes:
        title (str | Unset):
        url (str | Unset):
        doc_author (str | Unset):
        description (str | Unset):
        doc_source (str | Unset):
        chunk_source (str | Unset):
        published (int | Unset): epoch milliseconds
    """

    title: str | Unset = UNSET
    url: str | Unset = UNSET
    doc_author: str | Unset = UNSET
    description: str | Unset = UNSET
    doc_source: str | Unset = UNSET
    chunk_source: str | Unset = UNSET
    published: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        url = self.url

        doc_author = self.doc_author

        description = self.description

        doc_source = self.doc_source

        chunk_source = self.chunk_source

        published = self.published

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url
        if doc_author is not UNSET:
            field_dict["docAuthor"] = doc_author
        if description is not UNSET:
            field_dict["description"] = description
        if doc_source is not UNSET:
            field_dict["docSource"] = doc_source
        if chunk_source is not UNSET:
            field_dict["chunkSource"] = chunk_source
        if published is not UNSET:
            field_dict["published"] = published

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        url = d.pop("url", UNSET)

        doc_author = d.pop("docAuthor", UNSET)

        description = d.pop("description", UNSET)

        doc_source = d.pop("docSource", UNSET)

        chunk_source = d.pop("chunkSource", UNSET)

        published = d.pop("published", UNSET)

        document_metadata = cls(
            title=title,
            url=url,
            doc_author=doc_author,
            description=description,
            doc_source=doc_source,
            chunk_source=chunk_source,
            published=published,
        )

        document_metadata.additional_properties = d
        return document_metadata

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
