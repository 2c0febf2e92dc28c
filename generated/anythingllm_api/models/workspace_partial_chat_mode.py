from typing import Literal

WorkspacePartialChatMode = Literal["automatic", "chat", "query"]

WORKSPACE_PARTIAL_CHAT_MODE_VALUES: set[WorkspacePartialChatMode] = {
    "automatic",
    "chat",
    "query",
}


def check_workspace_partial_chat_mode(value: str) -> WorkspacePartialChatMode:
    if value in WORKSPACE_PARTIAL_CHAT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKSPACE_PARTIAL_CHAT_MODE_VALUES!r}")
