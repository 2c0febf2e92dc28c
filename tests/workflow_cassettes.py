"""Cassettes of the workflows (``tests/cassettes/workflow_*.yaml``), recorded from a real server by ``make record``.

The workflows send calls concurrently, so replay matches uploads by their file name as well (each file
gets the server's recorded answer for that very file, whatever the order the threads or tasks send them).
"""

from __future__ import annotations

import time
from typing import Any

import vcr

from tests.conftest import CASSETTES, RECORD_MODE, _scrub_request, _scrub_response
from tests.test_cli_support import _same_upload_name

RECORDING = RECORD_MODE != "none"
"""Whether this run records against a live server (``make record``) instead of replaying."""


def workflow_replay(name: str) -> Any:
    """Replay (or, under ``make record``, record what is missing into) ``tests/cassettes/<name>.yaml``."""
    recorder = vcr.VCR(
        record_mode=RECORD_MODE,
        decode_compressed_response=True,
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        match_on=("method", "scheme", "host", "port", "path", "query", "upload_name"),
    )
    recorder.register_matcher("upload_name", _same_upload_name)
    return recorder.use_cassette(str(CASSETTES / f"{name}.yaml"))


def pause_while_recording(seconds: float) -> None:
    """Let the live server's clock move on (its chat times are whole seconds); no wait when replaying."""
    if RECORDING:
        time.sleep(seconds)
