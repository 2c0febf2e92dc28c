from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.openai_generate_image_body_response_format import (
    OpenaiGenerateImageBodyResponseFormat,
    check_openai_generate_image_body_response_format,
)
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="OpenaiGenerateImageBody")


@_attrs_define
class OpenaiGenerateImageBody:
    """
    Attributes:
        prompt (str):
        size (str | Unset): e.g. 1024x1024
        response_format (OpenaiGenerateImageBodyResponseFormat | Unset):  Default: 'b64_json'.
        image_references (list[File] | Unset): up to 10 images (25 MB each); when present the request edits them
    """

    prompt: str
    size: str | Unset = UNSET
    response_format: OpenaiGenerateImageBodyResponseFormat | Unset = "b64_json"
    image_references: list[File] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        size = self.size

        response_format: str | Unset = UNSET
        if not isinstance(self.response_format, Unset):
            response_format = self.response_format

        image_references: list[FileTypes] | Unset = UNSET
        if not isinstance(self.image_references, Unset):
            image_references = []
            for image_references_item_data in self.image_references:
                image_references_item = image_references_item_data.to_tuple()

                image_references.append(image_references_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if size is not UNSET:
            field_dict["size"] = size
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if image_references is not UNSET:
            field_dict["image_references"] = image_references

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("prompt", (None, str(self.prompt).encode(), "text/plain")))

        if not isinstance(self.size, Unset):
            files.append(("size", (None, str(self.size).encode(), "text/plain")))

        if not isinstance(self.response_format, Unset):
            files.append(("response_format", (None, str(self.response_format).encode(), "text/plain")))

        if not isinstance(self.image_references, Unset):
            for image_references_item_element in self.image_references:
                files.append(("image_references", image_references_item_element.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        size = d.pop("size", UNSET)

        _response_format = d.pop("response_format", UNSET)
        response_format: OpenaiGenerateImageBodyResponseFormat | Unset
        if isinstance(_response_format, Unset):
            response_format = UNSET
        else:
            response_format = check_openai_generate_image_body_response_format(_response_format)

        _image_references = d.pop("image_references", UNSET)
        image_references: list[File] | Unset = UNSET
        if _image_references is not UNSET:
            image_references = []
            for image_references_item_data in _image_references:
                image_references_item = File(payload=BytesIO(image_references_item_data))

                image_references.append(image_references_item)

        openai_generate_image_body = cls(
            prompt=prompt,
            size=size,
            response_format=response_format,
            image_references=image_references,
        )

        openai_generate_image_body.additional_properties = d
        return openai_generate_image_body

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
