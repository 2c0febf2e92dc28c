from typing import Literal

DocumentTreeType = Literal["folder"]

DOCUMENT_TREE_TYPE_VALUES: set[DocumentTreeType] = {
    "folder",
}


def check_document_tree_type(value: str) -> DocumentTreeType:
    if value in DOCUMENT_TREE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_TREE_TYPE_VALUES!r}")
