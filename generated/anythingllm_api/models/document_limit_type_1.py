from typing import Literal

DocumentLimitType1 = Literal["all"]

DOCUMENT_LIMIT_TYPE_1_VALUES: set[DocumentLimitType1] = {
    "all",
}


def check_document_limit_type_1(value: str) -> DocumentLimitType1:
    if value in DOCUMENT_LIMIT_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_LIMIT_TYPE_1_VALUES!r}")
