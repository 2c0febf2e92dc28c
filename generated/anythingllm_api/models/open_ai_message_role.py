from typing import Literal

OpenAIMessageRole = Literal["assistant", "system", "user"]

OPEN_AI_MESSAGE_ROLE_VALUES: set[OpenAIMessageRole] = {
    "assistant",
    "system",
    "user",
}


def check_open_ai_message_role(value: str) -> OpenAIMessageRole:
    if value in OPEN_AI_MESSAGE_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OPEN_AI_MESSAGE_ROLE_VALUES!r}")
