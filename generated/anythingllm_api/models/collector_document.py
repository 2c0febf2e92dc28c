from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectorDocument")


@_attrs_define
class CollectorDocument:
    """A document as the document processor produced it; pass `location` to update-embeddings.

    Attributes:
        location (str): folder/file.json
        id (str | Unset):
        url (str | Unset):
        title (str | Unset):
        doc_author (str | Unset):
        description (str | Unset):
        doc_source (str | Unset):
        chunk_source (str | Unset):
        published (str | Unset):
        word_count (int | Unset):
        page_content (str | Unset):
        token_count_estimate (int | Unset):
        is_direct_upload (bool | Unset):
        name (str | Unset):
    """

    location: str
    id: str | Unset = UNSET
    url: str | Unset = UNSET
    title: str | Unset = UNSET
    doc_author: str | Unset = UNSET
    description: str | Unset = UNSET
    doc_source: str | Unset = UNSET
    chunk_source: str | Unset = UNSET
    published: str | Unset = UNSET
    word_count: int | Unset = UNSET
    page_content: str | Unset = UNSET
    token_count_estimate: int | Unset = UNSET
    is_direct_upload: bool | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location = self.location

        id = self.id

        url = self.url

        title = self.title

        doc_author = self.doc_author

        description = self.description

        doc_source = self.doc_source

        chunk_source = self.chunk_source

        published = self.published

        word_count = self.word_count

        page_content = self.page_content

        token_count_estimate = self.token_count_estimate

        is_direct_upload = self.is_direct_upload

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location": location,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if title is not UNSET:
            field_dict["title"] = title
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
        if word_count is not UNSET:
            field_dict["wordCount"] = word_count
        if page_content is not UNSET:
            field_dict["pageContent"] = page_content
        if token_count_estimate is not UNSET:
            field_dict["token_count_estimate"] = token_count_estimate
        if is_direct_upload is not UNSET:
            field_dict["isDirectUpload"] = is_direct_upload
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        location = d.pop("location")

        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        title = d.pop("title", UNSET)

        doc_author = d.pop("docAuthor", UNSET)

        description = d.pop("description", UNSET)

        doc_source = d.pop("docSource", UNSET)

        chunk_source = d.pop("chunkSource", UNSET)

        published = d.pop("published", UNSET)

        word_count = d.pop("wordCount", UNSET)

        page_content = d.pop("pageContent", UNSET)

        token_count_estimate = d.pop("token_count_estimate", UNSET)

        is_direct_upload = d.pop("isDirectUpload", UNSET)

        name = d.pop("name", UNSET)

        collector_document = cls(
            location=location,
            id=id,
            url=url,
            title=title,
            doc_author=doc_author,
            description=description,
            doc_source=doc_source,
            chunk_source=chunk_source,
            published=published,
            word_count=word_count,
            page_content=page_content,
            token_count_estimate=token_count_estimate,
            is_direct_upload=is_direct_upload,
            name=name,
        )

        collector_document.additional_properties = d
        return collector_document

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
