from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_response_type import ChatResponseType, check_chat_response_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_output import AgentOutput
    from ..models.metrics import Metrics
    from ..models.source import Source


T = TypeVar("T", bound="ChatResponse")


@_attrs_define
class ChatResponse:
    """The answer of a chat, or an abort (`type` abort with `error`).

    Attributes:
        id (str):
        type_ (ChatResponseType):
        close (bool):
        text_response (None | str | Unset):
        sources (list[Source] | Unset):
        error (None | str | Unset):
        chat_id (int | Unset):
        metrics (Metrics | Unset): Token usage of one answer; an empty object when unknown.
        thoughts (list[str] | Unset):
        outputs (list[AgentOutput] | Unset):
    """

    id: str
    type_: ChatResponseType
    close: bool
    text_response: None | str | Unset = UNSET
    sources: list[Source] | Unset = UNSET
    error: None | str | Unset = UNSET
    chat_id: int | Unset = UNSET
    metrics: Metrics | Unset = UNSET
    thoughts: list[str] | Unset = UNSET
    outputs: list[AgentOutput] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str = self.type_

        close = self.close

        text_response: None | str | Unset
        if isinstance(self.text_response, Unset):
            text_response = UNSET
        else:
            text_response = self.text_response

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        chat_id = self.chat_id

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

        thoughts: list[str] | Unset = UNSET
        if not isinstance(self.thoughts, Unset):
            thoughts = self.thoughts

        outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = []
            for outputs_item_data in self.outputs:
                outputs_item = outputs_item_data.to_dict()
                outputs.append(outputs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "close": close,
            }
        )
        if text_response is not UNSET:
            field_dict["textResponse"] = text_response
        if sources is not UNSET:
            field_dict["sources"] = sources
        if error is not UNSET:
            field_dict["error"] = error
        if chat_id is not UNSET:
            field_dict["chatId"] = chat_id
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if thoughts is not UNSET:
            field_dict["thoughts"] = thoughts
        if outputs is not UNSET:
            field_dict["outputs"] = outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_output import AgentOutput  # noqa: PLC0415
        from ..models.metrics import Metrics  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_chat_response_type(d.pop("type"))

        close = d.pop("close")

        def _parse_text_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_response = _parse_text_response(d.pop("textResponse", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[Source] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Source.from_dict(sources_item_data)

                sources.append(sources_item)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        chat_id = d.pop("chatId", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: Metrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = Metrics.from_dict(_metrics)

        thoughts = cast(list[str], d.pop("thoughts", UNSET))

        _outputs = d.pop("outputs", UNSET)
        outputs: list[AgentOutput] | Unset = UNSET
        if _outputs is not UNSET:
            outputs = []
            for outputs_item_data in _outputs:
                outputs_item = AgentOutput.from_dict(outputs_item_data)

                outputs.append(outputs_item)

        chat_response = cls(
            id=id,
            type_=type_,
            close=close,
            text_response=text_response,
            sources=sources,
            error=error,
            chat_id=chat_id,
            metrics=metrics,
            thoughts=thoughts,
            outputs=outputs,
        )

        chat_response.additional_properties = d
        return chat_response

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
