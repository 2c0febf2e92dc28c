from typing import Literal

PickerDocumentType = Literal["file"]

PICKER_DOCUMENT_TYPE_VALUES: set[PickerDocumentType] = {
    "file",
}


def check_picker_document_type(value: str) -> PickerDocumentType:
    if value in PICKER_DOCUMENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PICKER_DOCUMENT_TYPE_VALUES!r}")
