from typing import Literal

SystemExportChatsType = Literal["csv", "json", "jsonAlpaca", "jsonl"]

SYSTEM_EXPORT_CHATS_TYPE_VALUES: set[SystemExportChatsType] = {
    "csv",
    "json",
    "jsonAlpaca",
    "jsonl",
}


def check_system_export_chats_type(value: str) -> SystemExportChatsType:
    if value in SYSTEM_EXPORT_CHATS_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SYSTEM_EXPORT_CHATS_TYPE_VALUES!r}")
