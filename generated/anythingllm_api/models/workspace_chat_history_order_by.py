from typing import Literal

WorkspaceChatHistoryOrderBy = Literal["asc", "desc"]

WORKSPACE_CHAT_HISTORY_ORDER_BY_VALUES: set[WorkspaceChatHistoryOrderBy] = {
    "asc",
    "desc",
}


def check_workspace_chat_history_order_by(value: str) -> WorkspaceChatHistoryOrderBy:
    if value in WORKSPACE_CHAT_HISTORY_ORDER_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKSPACE_CHAT_HISTORY_ORDER_BY_VALUES!r}")
