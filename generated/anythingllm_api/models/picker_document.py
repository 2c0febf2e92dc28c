from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.picker_document_type import PickerDocumentType, check_picker_document_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="PickerDocument")


@_attrs_define
class PickerDocument:
    """A stored document as listed (its metadata without the text).

    Attributes:
        name (str): the file name in its folder
        type_ (PickerDocumentType):
        id (str | Unset):
        url (str | Unset):
        title (str | Unset):
        doc_author (str | Unset):
        description (str | Unset):
        doc_source (str | Unset):
        chunk_source (str | Unset):
        published (str | Unset):
        word_count (int | Unset):
        token_count_estimate (int | Unset):
        cached (bool | Unset):
        can_watch (bool | Unset):
        pinned_workspaces (list[int] | Unset):
        watched (bool | Unset):
    """

    name: str
    type_: PickerDocumentType
    id: str | Unset = UNSET
    url: str | Unset = UNSET
    title: str | Unset = UNSET
    doc_author: str | Unset = UNSET
    description: str | Unset = UNSET
    doc_source: str | Unset = UNSET
    chunk_source: str | Unset = UNSET
    published: str | Unset = UNSET
    word_count: int | Unset = UNSET
    token_count_estimate: int | Unset = UNSET
    cached: bool | Unset = UNSET
    can_watch: bool | Unset = UNSET
    pinned_workspaces: list[int] | Unset = UNSET
    watched: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        id = self.id

        url = self.url

        title = self.title

        doc_author = self.doc_author

        description = self.description

        doc_source = self.doc_source

        chunk_source = self.chunk_source

        published = self.published

        word_count = self.word_count

        token_count_estimate = self.token_count_estimate

        cached = self.cached

        can_watch = self.can_watch

        pinned_workspaces: list[int] | Unset = UNSET
        if not isinstance(self.pinned_workspaces, Unset):
            pinned_workspaces = self.pinned_workspaces

        watched = self.watched

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
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
        if token_count_estimate is not UNSET:
            field_dict["token_count_estimate"] = token_count_estimate
        if cached is not UNSET:
            field_dict["cached"] = cached
        if can_watch is not UNSET:
            field_dict["canWatch"] = can_watch
        if pinned_workspaces is not UNSET:
            field_dict["pinnedWorkspaces"] = pinned_workspaces
        if watched is not UNSET:
            field_dict["watched"] = watched

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = check_picker_document_type(d.pop("type"))

        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        title = d.pop("title", UNSET)

        doc_author = d.pop("docAuthor", UNSET)

        description = d.pop("description", UNSET)

        doc_source = d.pop("docSource", UNSET)

        chunk_source = d.pop("chunkSource", UNSET)

        published = d.pop("published", UNSET)

        word_count = d.pop("wordCount", UNSET)

        token_count_estimate = d.pop("token_count_estimate", UNSET)

        cached = d.pop("cached", UNSET)

        can_watch = d.pop("canWatch", UNSET)

        pinned_workspaces = cast(list[int], d.pop("pinnedWorkspaces", UNSET))

        watched = d.pop("watched", UNSET)

        picker_document = cls(
            name=name,
            type_=type_,
            id=id,
            url=url,
            title=title,
            doc_author=doc_author,
            description=description,
            doc_source=doc_source,
            chunk_source=chunk_source,
            published=published,
            word_count=word_count,
            token_count_estimate=token_count_estimate,
            cached=cached,
            can_watch=can_watch,
            pinned_workspaces=pinned_workspaces,
            watched=watched,
        )

        picker_document.additional_properties = d
        return picker_document

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
