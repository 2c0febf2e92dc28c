from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_metadata import DocumentMetadata
    from ..models.document_upload_link_body_scraper_headers import (
        DocumentUploadLinkBodyScraperHeaders,
    )


T = TypeVar("T", bound="DocumentUploadLinkBody")


@_attrs_define
class DocumentUploadLinkBody:
    """
    Attributes:
        link (str):
        add_to_workspaces (str | Unset): comma-separated workspace slugs
        scraper_headers (DocumentUploadLinkBodyScraperHeaders | Unset):
        metadata (DocumentMetadata | Unset): Document metadata; the converters read these keys, and raw-text requires
            `title`.
    """

    link: str
    add_to_workspaces: str | Unset = UNSET
    scraper_headers: DocumentUploadLinkBodyScraperHeaders | Unset = UNSET
    metadata: DocumentMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        link = self.link

        add_to_workspaces = self.add_to_workspaces

        scraper_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scraper_headers, Unset):
            scraper_headers = self.scraper_headers.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "link": link,
            }
        )
        if add_to_workspaces is not UNSET:
            field_dict["addToWorkspaces"] = add_to_workspaces
        if scraper_headers is not UNSET:
            field_dict["scraperHeaders"] = scraper_headers
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_metadata import DocumentMetadata  # noqa: PLC0415
        from ..models.document_upload_link_body_scraper_headers import (
            DocumentUploadLinkBodyScraperHeaders,  # noqa: PLC0415
        )

        d = dict(src_dict)
        link = d.pop("link")

        add_to_workspaces = d.pop("addToWorkspaces", UNSET)

        _scraper_headers = d.pop("scraperHeaders", UNSET)
        scraper_headers: DocumentUploadLinkBodyScraperHeaders | Unset
        if isinstance(_scraper_headers, Unset):
            scraper_headers = UNSET
        else:
            scraper_headers = DocumentUploadLinkBodyScraperHeaders.from_dict(_scraper_headers)

        _metadata = d.pop("metadata", UNSET)
        metadata: DocumentMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = DocumentMetadata.from_dict(_metadata)

        document_upload_link_body = cls(
            link=link,
            add_to_workspaces=add_to_workspaces,
            scraper_headers=scraper_headers,
            metadata=metadata,
        )

        document_upload_link_body.additional_properties = d
        return document_upload_link_body

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
