from typing import Literal

DocumentFolderType = Literal["folder"]

DOCUMENT_FOLDER_TYPE_VALUES: set[DocumentFolderType] = {
    "folder",
}


def check_document_folder_type(value: str) -> DocumentFolderType:
    if value in DOCUMENT_FOLDER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_FOLDER_TYPE_VALUES!r}")
