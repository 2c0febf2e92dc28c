from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Source")


@_attrs_define
class Source:
    """A context chunk used for an answer. The keys depend on the vector database and the document; vector-search hits
    carry `text`, the document metadata and `score`.

        Attributes:
            id (str | Unset):
            text (str | Unset):
            url (str | Unset):
            title (str | Unset):
            doc_author (str | Unset):
            description (str | Unset):
            doc_source (str | Unset):
            chunk_source (None | str | Unset):
            published (str | Unset):
            word_count (int | Unset):
            token_count_estimate (int | Unset):
            score (float | None | Unset):
            field_distance (float | Unset):
    """

    id: str | Unset = UNSET
    text: str | Unset = UNSET
    url: str | Unset = UNSET
    title: str | Unset = UNSET
    doc_author: str | Unset = UNSET
    description: str | Unset = UNSET
    doc_source: str | Unset = UNSET
    chunk_source: None | str | Unset = UNSET
    published: str | Unset = UNSET
    word_count: int | Unset = UNSET
    token_count_estimate: int | Unset = UNSET
    score: float | None | Unset = UNSET
    field_distance: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        url = self.url

        title = self.title

        doc_author = self.doc_author

        description = self.description

        doc_source = self.doc_source

        chunk_source: None | str | Unset
        if isinstance(self.chunk_source, Unset):
            chunk_source = UNSET
        else:
            chunk_source = self.chunk_source

        published = self.published

        word_count = self.word_count

        token_count_estimate = self.token_count_estimate

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_distance = self.field_distance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if text is not UNSET:
            field_dict["text"] = text
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
        if score is not UNSET:
            field_dict["score"] = score
        if field_distance is not UNSET:
            field_dict["_distance"] = field_distance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        text = d.pop("text", UNSET)

        url = d.pop("url", UNSET)

        title = d.pop("title", UNSET)

        doc_author = d.pop("docAuthor", UNSET)

        description = d.pop("description", UNSET)

        doc_source = d.pop("docSource", UNSET)

        def _parse_chunk_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        chunk_source = _parse_chunk_source(d.pop("chunkSource", UNSET))

        published = d.pop("published", UNSET)

        word_count = d.pop("wordCount", UNSET)

        token_count_estimate = d.pop("token_count_estimate", UNSET)

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        field_distance = d.pop("_distance", UNSET)

        source = cls(
            id=id,
            text=text,
            url=url,
            title=title,
            doc_author=doc_author,
            description=description,
            doc_source=doc_source,
            chunk_source=chunk_source,
            published=published,
            word_count=word_count,
            token_count_estimate=token_count_estimate,
            score=score,
            field_distance=field_distance,
        )

        source.additional_properties = d
        return source

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
