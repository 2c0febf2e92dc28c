"""Every Python example in README.md runs, against the real server's recordings, and prints what it shows.

An example is a ```python block preceded by ``<!-- cassette: name[+name...] -->``. It runs with
``ANYTHINGLLM_BASE_URL`` and ``ANYTHINGLLM_API_KEY`` set to the recording's server and placeholder key.
When the block is followed directly by a ```text block, the example's standard output must equal it.

Requests are matched to the recording by their bodies too (tests/body_matching.py), so an example
replays only what its own code sends. ``make record`` records an example whose one cassette is missing.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import vcr

from tests.body_matching import MATCH_ON, same_body
from tests.conftest import CASSETTES, RECORD_MODE, RECORDED_BASE_URL, RECORDED_KEY, _Joined, replay

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(
    r"<!-- cassette: (?P<cassette>[\w+]+) -->\s*```python\n(?P<code>.*?)```"
    r"(?:\s*```text\n(?P<output>.*?)```)?",
    re.S,
)


@dataclass(frozen=True)
class Example:
    """One README example: where it is, what it replays, its code and its shown output."""

    line: int
    cassettes: tuple[str, ...]
    code: str
    output: str | None


def examples() -> list[Example]:
    """The README's runnable examples, in order."""
    text = README.read_text(encoding="utf-8")
    return [
        Example(text.count("\n", 0, m.start()) + 1, tuple(m["cassette"].split("+")), m["code"], m["output"])
        for m in _BLOCK.finditer(text)
    ]


def test_the_readme_has_examples_and_every_python_block_is_one() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(examples()) >= 8
    assert text.count("```python") == len(examples()), "a ```python block without a <!-- cassette: ... --> marker"


def replay_matching_bodies(cassettes: tuple[str, ...]) -> Any:
    """The example's recordings, matched on bodies too; a missing one is recorded under ``make record``."""
    if RECORD_MODE != "none" and len(cassettes) == 1 and not (CASSETTES / f"{cassettes[0]}.yaml").exists():
        return replay(cassettes[0], match_on=MATCH_ON, matchers={"same_body": same_body})
    recorder = vcr.VCR(record_mode="none", decode_compressed_response=True, match_on=MATCH_ON)
    recorder.register_matcher("same_body", same_body)
    recorder.register_persister(_Joined)
    return recorder.use_cassette(str(CASSETTES / ("+".join(cassettes) + ".yaml")))


BASE_URL_FORMS = ("", "/", "/api", "/api/v1/")
"""What may follow the server's address in ANYTHINGLLM_BASE_URL (the README says so); every example takes each."""


@pytest.mark.parametrize("suffix", BASE_URL_FORMS, ids=lambda s: f"base_url{s or '-bare'}")
@pytest.mark.parametrize("example", examples(), ids=lambda e: f"README.md:{e.line}")
def test_readme_example_runs_and_prints_what_it_shows(
    example: Example, suffix: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # examples may write files
    monkeypatch.setenv("ANYTHINGLLM_BASE_URL", RECORDED_BASE_URL + suffix)
    monkeypatch.setenv("ANYTHINGLLM_API_KEY", RECORDED_KEY)
    monkeypatch.delenv("ANYTHINGLLM_LOG", raising=False)
    printed = io.StringIO()
    with replay_matching_bodies(example.cassettes), contextlib.redirect_stdout(printed):
        exec(compile(example.code, f"README.md:{example.line}", "exec"), {"__name__": "__readme__"})
    if example.output is not None:
        assert printed.getvalue() == example.output
