from typing import Literal

ChatResponseType = Literal["abort", "textResponse"]

CHAT_RESPONSE_TYPE_VALUES: set[ChatResponseType] = {
    "abort",
    "textResponse",
}


def check_chat_response_type(value: str) -> ChatResponseType:
    if value in CHAT_RESPONSE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHAT_RESPONSE_TYPE_VALUES!r}")
