from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VectorSearchHitMetadata")


@_attrs_define
class VectorSearchHitMetadata:
    """
    Attributes:
        url (str | Unset):
        title (str | Unset):
        author (str | Unset):
        description (str | Unset):
        doc_source (str | Unset):
        chunk_source (str | Unset):
        published (str | Unset):
        word_count (int | Unset):
        token_count (int | Unset):
    """

    url: str | Unset = UNSET
    title: str | Unset = UNSET
    author: str | Unset = UNSET
    description: str | Unset = UNSET
    doc_source: str | Unset = UNSET
    chunk_source: str | Unset = UNSET
    published: str | Unset = UNSET
    word_count: int | Unset = UNSET
    token_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        title = self.title

        author = self.author

        description = self.description

        doc_source = self.doc_source

        chunk_source = self.chunk_source

        published = self.published

        word_count = self.word_count

        token_count = self.token_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if title is not UNSET:
            field_dict["title"] = title
        if author is not UNSET:
            field_dict["author"] = author
        if description is not UNSET:
            field_dict["description"] = description
        if doc_source is not UNSET:
            field_dict["docSource"] = doc_source
        if chunk_source is not UNSET:
            field_dict["chunkSource"] = chunk_source
        if published is not UNSET:
            field_dict["published"] = published
        if word_count is not UNSET:
            field_dict["wordCount"] = word_count
        if token_count is not UNSET:
            field_dict["tokenCount"] = token_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        title = d.pop("title", UNSET)

        author = d.pop("author", UNSET)

        description = d.pop("description", UNSET)

        doc_source = d.pop("docSource", UNSET)

        chunk_source = d.pop("chunkSource", UNSET)

        published = d.pop("published", UNSET)

        word_count = d.pop("wordCount", UNSET)

        token_count = d.pop("tokenCount", UNSET)

        vector_search_hit_metadata = cls(
            url=url,
            title=title,
            author=author,
            description=description,
            doc_source=doc_source,
            chunk_source=chunk_source,
            published=published,
            word_count=word_count,
            token_count=token_count,
        )

        vector_search_hit_metadata.additional_properties = d
        return vector_search_hit_metadata

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
