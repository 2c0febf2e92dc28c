from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_history_message_role import (
    ChatHistoryMessageRole,
    check_chat_history_message_role,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_output import AgentOutput
    from ..models.attachment import Attachment
    from ..models.chat_history_message_clarifying_questions_item import (
        ChatHistoryMessageClarifyingQuestionsItem,
    )
    from ..models.metrics import Metrics
    from ..models.source import Source


T = TypeVar("T", bound="ChatHistoryMessage")


@_attrs_define
class ChatHistoryMessage:
    """One entry of a chat history; user and assistant entries alternate.

    Attributes:
        role (ChatHistoryMessageRole):
        content (str):
        sent_at (int | Unset): unix seconds
        chat_id (int | Unset):
        type_ (str | Unset): the chat mode stored with the answer
        attachments (list[Attachment] | Unset):
        sources (list[Source] | Unset):
        feedback_score (bool | None | Unset):
        metrics (Metrics | Unset): Token usage of one answer; an empty object when unknown.
        outputs (list[AgentOutput] | Unset):
        clarifying_questions (list[ChatHistoryMessageClarifyingQuestionsItem] | Unset):
    """

    role: ChatHistoryMessageRole
    content: str
    sent_at: int | Unset = UNSET
    chat_id: int | Unset = UNSET
    type_: str | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    sources: list[Source] | Unset = UNSET
    feedback_score: bool | None | Unset = UNSET
    metrics: Metrics | Unset = UNSET
    outputs: list[AgentOutput] | Unset = UNSET
    clarifying_questions: list[ChatHistoryMessageClarifyingQuestionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        content = self.content

        sent_at = self.sent_at

        chat_id = self.chat_id

        type_ = self.type_

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        feedback_score: bool | None | Unset
        if isinstance(self.feedback_score, Unset):
            feedback_score = UNSET
        else:
            feedback_score = self.feedback_score

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

        outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = []
            for outputs_item_data in self.outputs:
                outputs_item = outputs_item_data.to_dict()
                outputs.append(outputs_item)

        clarifying_questions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clarifying_questions, Unset):
            clarifying_questions = []
            for clarifying_questions_item_data in self.clarifying_questions:
                clarifying_questions_item = clarifying_questions_item_data.to_dict()
                clarifying_questions.append(clarifying_questions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )
        if sent_at is not UNSET:
            field_dict["sentAt"] = sent_at
        if chat_id is not UNSET:
            field_dict["chatId"] = chat_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if sources is not UNSET:
            field_dict["sources"] = sources
        if feedback_score is not UNSET:
            field_dict["feedbackScore"] = feedback_score
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if clarifying_questions is not UNSET:
            field_dict["clarifyingQuestions"] = clarifying_questions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_output import AgentOutput  # noqa: PLC0415
        from ..models.attachment import Attachment  # noqa: PLC0415
        from ..models.chat_history_message_clarifying_questions_item import (
            ChatHistoryMessageClarifyingQuestionsItem,  # noqa: PLC0415
        )
        from ..models.metrics import Metrics  # noqa: PLC0415
        from ..models.source import Source  # noqa: PLC0415

        d = dict(src_dict)
        role = check_chat_history_message_role(d.pop("role"))

        content = d.pop("content")

        sent_at = d.pop("sentAt", UNSET)

        chat_id = d.pop("chatId", UNSET)

        type_ = d.pop("type", UNSET)

        _attachments = d.pop("attachments", UNSET)
        attachments: list[Attachment] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = Attachment.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        _sources = d.pop("sources", UNSET)
        sources: list[Source] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Source.from_dict(sources_item_data)

                sources.append(sources_item)

        def _parse_feedback_score(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        feedback_score = _parse_feedback_score(d.pop("feedbackScore", UNSET))

        _metrics = d.pop("metrics", UNSET)
        metrics: Metrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = Metrics.from_dict(_metrics)

        _outputs = d.pop("outputs", UNSET)
        outputs: list[AgentOutput] | Unset = UNSET
        if _outputs is not UNSET:
            outputs = []
            for outputs_item_data in _outputs:
                outputs_item = AgentOutput.from_dict(outputs_item_data)

                outputs.append(outputs_item)

        _clarifying_questions = d.pop("clarifyingQuestions", UNSET)
        clarifying_questions: list[ChatHistoryMessageClarifyingQuestionsItem] | Unset = UNSET
        if _clarifying_questions is not UNSET:
            clarifying_questions = []
            for clarifying_questions_item_data in _clarifying_questions:
                clarifying_questions_item = ChatHistoryMessageClarifyingQuestionsItem.from_dict(
                    clarifying_questions_item_data
                )

                clarifying_questions.append(clarifying_questions_item)

        chat_history_message = cls(
            role=role,
            content=content,
            sent_at=sent_at,
            chat_id=chat_id,
            type_=type_,
            attachments=attachments,
            sources=sources,
            feedback_score=feedback_score,
            metrics=metrics,
            outputs=outputs,
            clarifying_questions=clarifying_questions,
        )

        chat_history_message.additional_properties = d
        return chat_history_message

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
