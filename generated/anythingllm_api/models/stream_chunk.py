from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_chunk_type import StreamChunkType, check_stream_chunk_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_output import AgentOutput
    from ..models.attachment import Attachment
    from ..models.metrics import Metrics
    from ..models.source import Source
    from ..models.stream_chunk_text_response_type_1 import StreamChunkTextResponseType1


T = TypeVar("T", bound="StreamChunk")


@_attrs_define
class StreamChunk:
    """One `data:` event of a stream-chat response. LLM tokens and the final event key the request by `uuid`; pre-LLM and
    agent events by `id`. The stream is complete after `finalizeResponseStream`, or after a single `textResponse` with
    `close` true.

        Attributes:
            type_ (StreamChunkType):
            uuid (str | Unset):
            id (str | Unset):
            text_response (None | str | StreamChunkTextResponseType1 | Unset):
            thought (str | Unset):
            sources (list[Source] | Unset):
            attachments (list[Attachment] | Unset):
            close (bool | Unset):
            error (bool | None | str | Unset):
            animate (bool | Unset):
            chat_id (int | Unset):
            metrics (Metrics | Unset): Token usage of one answer; an empty object when unknown.
            thoughts (list[str] | Unset):
            outputs (list[AgentOutput] | Unset):
            file_download (AgentOutput | Unset): A file an agent produced; download it by `storageFilename`.
    """

    type_: StreamChunkType
    uuid: str | Unset = UNSET
    id: str | Unset = UNSET
    text_response: None | str | StreamChunkTextResponseType1 | Unset = UNSET
    thought: str | Unset = UNSET
    sources: list[Source] | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    close: bool | Unset = UNSET
    error: bool | None | str | Unset = UNSET
    animate: bool | Unset = UNSET
    chat_id: int | Unset = UNSET
    metrics: Metrics | Unset = UNSET
    thoughts: list[str] | Unset = UNSET
    outputs: list[AgentOutput] | Unset = UNSET
    file_download: AgentOutput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stream_chunk_text_response_type_1 import (
            StreamChunkTextResponseType1,  # noqa: PLC0415
        )

        type_: str = self.type_

        uuid = self.uuid

        id = self.id

        text_response: dict[str, Any] | None | str | Unset
        if isinstance(self.text_response, Unset):
            text_response = UNSET
        elif isinstance(self.text_response, StreamChunkTextResponseType1):
            text_response = self.text_response.to_dict()
        else:
            text_response = self.text_response

        thought = self.thought

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        close = self.close

        error: bool | None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        animate = self.animate

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

        file_download: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_download, Unset):
            file_download = self.file_download.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if id is not UNSET:
            field_dict["id"] = id
        if text_response is not UNSET:
            field_dict["textResponse"] = text_response
        if thought is not UNSET:
            field_dict["thought"] = thought
        if sources is not UNSET:
            field_dict["sources"] = sources
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if close is not UNSET:
            field_dict["close"] = close
        if error is not UNSET:
            field_dict["error"] = error
        if animate is not UNSET:
            field_dict["animate"] = animate
        if chat_id is not UNSET:
            field_dict["chatId"] = chat_id
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if thoughts is not UNSET:
            field_dict["thoughts"] = thoughts
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if file_download is not UNSET:
            field_dict["fileDownload"] = file_download

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_output import AgentOutput  # noqa: PLC0415
        from ..models.attachment import Attachment  # noqa: PLC0415
        from ..models.metrics import Metrics  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415
        from ..models.stream_chunk_text_response_type_1 import (
            StreamChunkTextResponseType1,  # noqa: PLC0415
        )

        d = dict(src_dict)
        type_ = check_stream_chunk_type(d.pop("type"))

        uuid = d.pop("uuid", UNSET)

        id = d.pop("id", UNSET)

        def _parse_text_response(data: object) -> None | str | StreamChunkTextResponseType1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                text_response_type_1 = StreamChunkTextResponseType1.from_dict(data)

                return text_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | StreamChunkTextResponseType1 | Unset, data)

        text_response = _parse_text_response(d.pop("textResponse", UNSET))

        thought = d.pop("thought", UNSET)

        _sources = d.pop("sources", UNSET)
        sources: list[Source] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Source.from_dict(sources_item_data)

                sources.append(sources_item)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[Attachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = Attachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        close = d.pop("close", UNSET)

        def _parse_error(data: object) -> bool | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        animate = d.pop("animate", UNSET)

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

        _file_download = d.pop("fileDownload", UNSET)
        file_download: AgentOutput | Unset
        if isinstance(_file_download, Unset):
            file_download = UNSET
        else:
            file_download = AgentOutput.from_dict(_file_download)

        stream_chunk = cls(
            type_=type_,
            uuid=uuid,
            id=id,
            text_response=text_response,
            thought=thought,
            sources=sources,
            attachments=attachments,
            close=close,
            error=error,
            animate=animate,
            chat_id=chat_id,
            metrics=metrics,
            thoughts=thoughts,
            outputs=outputs,
            file_download=file_download,
        )

        stream_chunk.additional_properties = d
        return stream_chunk

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
