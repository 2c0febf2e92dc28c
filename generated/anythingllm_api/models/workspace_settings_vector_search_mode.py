from typing import Literal

WorkspaceSettingsVectorSearchMode = Literal["default", "rerank"]

WORKSPACE_SETTINGS_VECTOR_SEARCH_MODE_VALUES: set[WorkspaceSettingsVectorSearchMode] = {
    "default",
    "rerank",
}


def check_workspace_settings_vector_search_mode(value: str) -> WorkspaceSettingsVectorSearchMode:
    if value in WORKSPACE_SETTINGS_VECTOR_SEARCH_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WORKSPACE_SETTINGS_VECTOR_SEARCH_MODE_VALUES!r}"
    )
