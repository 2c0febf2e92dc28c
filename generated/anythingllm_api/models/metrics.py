from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Metrics")


@_attrs_define
class Metrics:
    """Token usage of one answer; an empty object when unknown.

    Attributes:
        prompt_tokens (float | Unset):
        completion_tokens (float | Unset):
        total_tokens (float | Unset):
        output_tps (float | None | Unset): null when the answer took no measurable time (tokens / 0)
        duration (float | Unset): seconds
        model (str | Unset):
        provider (str | Unset):
        timestamp (str | Unset):
    """

    prompt_tokens: float | Unset = UNSET
    completion_tokens: float | Unset = UNSET
    total_tokens: float | Unset = UNSET
    output_tps: float | None | Unset = UNSET
    duration: float | Unset = UNSET
    model: str | Unset = UNSET
    provider: str | Unset = UNSET
    timestamp: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt_tokens = self.prompt_tokens

        completion_tokens = self.completion_tokens

        total_tokens = self.total_tokens

        output_tps: float | None | Unset
        if isinstance(self.output_tps, Unset):
            output_tps = UNSET
        else:
            output_tps = self.output_tps

        duration = self.duration

        model = self.model

        provider = self.provider

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if completion_tokens is not UNSET:
            field_dict["completion_tokens"] = completion_tokens
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if output_tps is not UNSET:
            field_dict["outputTps"] = output_tps
        if duration is not UNSET:
            field_dict["duration"] = duration
        if model is not UNSET:
            field_dict["model"] = model
        if provider is not UNSET:
            field_dict["provider"] = provider
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt_tokens = d.pop("prompt_tokens", UNSET)

        completion_tokens = d.pop("completion_tokens", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        def _parse_output_tps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        output_tps = _parse_output_tps(d.pop("outputTps", UNSET))

        duration = d.pop("duration", UNSET)

        model = d.pop("model", UNSET)

        provider = d.pop("provider", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        metrics = cls(
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            total_tokens=total_tokens,
            output_tps=output_tps,
            duration=duration,
            model=model,
            provider=provider,
            timestamp=timestamp,
        )

        metrics.additional_properties = d
        return metrics

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
