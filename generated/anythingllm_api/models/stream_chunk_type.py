from typing import Literal

StreamChunkType = Literal[
    "abort",
    "agentThought",
    "fileDownload",
    "finalizeResponseStream",
    "textResponse",
    "textResponseChunk",
    "usageMetrics",
]

STREAM_CHUNK_TYPE_VALUES: set[StreamChunkType] = {
    "abort",
    "agentThought",
    "fileDownload",
    "finalizeResponseStream",
    "textResponse",
    "textResponseChunk",
    "usageMetrics",
}


def check_stream_chunk_type(value: str) -> StreamChunkType:
    if value in STREAM_CHUNK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STREAM_CHUNK_TYPE_VALUES!r}")
