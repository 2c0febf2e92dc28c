from typing import Literal

EmbedChatMode = Literal["chat", "query"]

EMBED_CHAT_MODE_VALUES: set[EmbedChatMode] = {
    "chat",
    "query",
}


def check_embed_chat_mode(value: str) -> EmbedChatMode:
    if value in EMBED_CHAT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EMBED_CHAT_MODE_VALUES!r}")
