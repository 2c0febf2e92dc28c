from typing import Literal

WorkspaceVectorSearchMode = Literal["default", "rerank"]

WORKSPACE_VECTOR_SEARCH_MODE_VALUES: set[WorkspaceVectorSearchMode] = {
    "default",
    "rerank",
}


def check_workspace_vector_search_mode(value: str) -> WorkspaceVectorSearchMode:
    if value in WORKSPACE_VECTOR_SEARCH_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKSPACE_VECTOR_SEARCH_MODE_VALUES!r}")
