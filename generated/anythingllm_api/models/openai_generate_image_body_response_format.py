from typing import Literal

OpenaiGenerateImageBodyResponseFormat = Literal["b64_json", "blob"]

OPENAI_GENERATE_IMAGE_BODY_RESPONSE_FORMAT_VALUES: set[OpenaiGenerateImageBodyResponseFormat] = {
    "b64_json",
    "blob",
}


def check_openai_generate_image_body_response_format(value: str) -> OpenaiGenerateImageBodyResponseFormat:
    if value in OPENAI_GENERATE_IMAGE_BODY_RESPONSE_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OPENAI_GENERATE_IMAGE_BODY_RESPONSE_FORMAT_VALUES!r}"
    )
