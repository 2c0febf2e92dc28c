from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.thread import Thread


T = TypeVar("T", bound="ThreadResult")


@_attrs_define
class ThreadResult:
    """A thread, or null with a message when the server could not create or change it.

    Attributes:
        thread (None | Thread):
        message (None | str | Unset):
    """

    thread: None | Thread
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.thread import Thread  # noqa: PLC0415

        thread: dict[str, Any] | None
        if isinstance(self.thread, Thread):
            thread = self.thread.to_dict()
        else:
            thread = self.thread

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "thread": thread,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.thread import Thread  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_thread(data: object) -> None | Thread:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                thread_type_1 = Thread.from_dict(data)

                return thread_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Thread, data)

        thread = _parse_thread(d.pop("thread"))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        thread_result = cls(
            thread=thread,
            message=message,
        )

        thread_result.additional_properties = d
        return thread_result

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
