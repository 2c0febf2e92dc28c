from typing import Literal

ChatCompletionChoiceFinishReason = Literal["abort", "no_content", "stop", "streaming_disabled"]

CHAT_COMPLETION_CHOICE_FINISH_REASON_VALUES: set[ChatCompletionChoiceFinishReason] = {
    "abort",
    "no_content",
    "stop",
    "streaming_disabled",
}


def check_chat_completion_choice_finish_reason(value: str) -> ChatCompletionChoiceFinishReason:
    if value in CHAT_COMPLETION_CHOICE_FINISH_REASON_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_CHOICE_FINISH_REASON_VALUES!r}"
    )
