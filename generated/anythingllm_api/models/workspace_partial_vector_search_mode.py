from typing import Literal

WorkspacePartialVectorSearchMode = Literal["default", "rerank"]

WORKSPACE_PARTIAL_VECTOR_SEARCH_MODE_VALUES: set[WorkspacePartialVectorSearchMode] = {
    "default",
    "rerank",
}


def check_workspace_partial_vector_search_mode(value: str) -> WorkspacePartialVectorSearchMode:
    if value in WORKSPACE_PARTIAL_VECTOR_SEARCH_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WORKSPACE_PARTIAL_VECTOR_SEARCH_MODE_VALUES!r}"
    )
