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
import shlex
import subprocess
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


# --- the command-line transcript ------------------------------------------------------------------------------

_TRANSCRIPT = re.compile(r"<!-- cli-cassette: (?P<cassette>\w+) -->\s*```console\n(?P<body>.*?)```", re.S)
_EXIT = re.compile(r"^\[exit status (\d+)\b.*\]$")
_PIPED = re.compile(r"^echo (?P<text>\S+) \| (?P<command>anythingllm .*)$")
_PROGRESS_NOISE = (
    (re.compile(r"\d[\d.,]* ?[kMG]?B/s"), "<rate>"),
    (re.compile(r"-?\d+:\d\d:\d\d"), "<time>"),
)


@dataclass(frozen=True)
class Step:
    """One ``$`` line of the transcript: the command, the output shown under it, the exit status."""

    command: str
    output: str
    exit_code: int


def transcript() -> tuple[str, list[Step]]:
    """The README's command-line transcript: its cassette and its steps."""
    found = _TRANSCRIPT.search(README.read_text(encoding="utf-8"))
    assert found, "no <!-- cli-cassette: ... --> ```console block"
    steps: list[Step] = []
    for chunk in ("\n" + found["body"]).split("\n$ ")[1:]:
        command, _, shown = chunk.partition("\n")
        lines = shown.rstrip("\n").split("\n") if shown.strip() else []
        code = 0
        if lines and (exit_line := _EXIT.match(lines[-1])):
            code = int(exit_line.group(1))
            lines.pop()
        steps.append(Step(command, "\n".join(lines).rstrip("\n"), code))
    return found["cassette"], steps


def _normal(text: str) -> str:
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]
    normal = "\n".join(lines)
    for pattern, replacement in _PROGRESS_NOISE:
        normal = pattern.sub(replacement, normal)
    return normal


def test_the_command_line_transcript_prints_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from anythingllm.cli import app
    from tests.test_cli_support import CLEAN_ENV

    cassette, steps = transcript()
    assert len(steps) >= 10
    monkeypatch.chdir(tmp_path)
    env = {
        **CLEAN_ENV,
        "COLUMNS": "100",
        "ANYTHINGLLM_BASE_URL": RECORDED_BASE_URL,
        "ANYTHINGLLM_API_KEY": RECORDED_KEY,
    }
    shown: list[tuple[str, str, int]] = []
    printed: list[tuple[str, str, int]] = []
    with replay_matching_bodies((cassette,)):  # every step runs (and is recorded) before any comparison
        for step in steps:
            shown.append((step.command, _normal(step.output), step.exit_code))
            piped = _PIPED.match(step.command)
            command = piped["command"] if piped else step.command
            if not command.startswith("anythingllm "):  # a shell step that makes files
                done = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True)
                printed.append((step.command, _normal(done.stdout + done.stderr), done.returncode))
                continue
            given = f"{piped['text']}\n" if piped else None
            result = CliRunner().invoke(app, shlex.split(command)[1:], input=given, env=env, catch_exceptions=False)
            printed.append((step.command, _normal(result.output), result.exit_code))
    for expected, actual in zip(shown, printed, strict=True):
        assert actual == expected
