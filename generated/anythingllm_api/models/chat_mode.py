from typing import Literal

ChatMode = Literal["automatic", "chat", "query"]

CHAT_MODE_VALUES: set[ChatMode] = {
    "automatic",
    "chat",
    "query",
}


def check_chat_mode(value: str) -> ChatMode:
    if value in CHAT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHAT_MODE_VALUES!r}")
