from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.embed_config import EmbedConfig


T = TypeVar("T", bound="EmbedCreateResponse200")


@_attrs_define
class EmbedCreateResponse200:
    """
    Attributes:
        embed (EmbedConfig | None):
        error (None | str | Unset):
    """

    embed: EmbedConfig | None
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.embed_config import EmbedConfig  # noqa: PLC0415

        embed: dict[str, Any] | None
        if isinstance(self.embed, EmbedConfig):
            embed = self.embed.to_dict()
        else:
            embed = self.embed

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "embed": embed,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.embed_config import EmbedConfig  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_embed(data: object) -> EmbedConfig | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                embed_type_1 = EmbedConfig.from_dict(data)

                return embed_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmbedConfig | None, data)

        embed = _parse_embed(d.pop("embed"))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        embed_create_response_200 = cls(
            embed=embed,
            error=error,
        )

        embed_create_response_200.additional_properties = d
        return embed_create_response_200

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
