from typing import Literal

WorkspaceChatMode = Literal["automatic", "chat", "query"]

WORKSPACE_CHAT_MODE_VALUES: set[WorkspaceChatMode] = {
    "automatic",
    "chat",
    "query",
}


def check_workspace_chat_mode(value: str) -> WorkspaceChatMode:
    if value in WORKSPACE_CHAT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKSPACE_CHAT_MODE_VALUES!r}")
