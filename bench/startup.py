"""Section 8: start-up. What a short script, a serverless function or a CLI call pays on every run.

Each figure times whole fresh processes from the parent (start, imports, the work, exit): many runs,
the variants interleaved in rotating order, the figure the median over runs of the paired ratio.

- cold start: a script that imports the client, calls ``workspaces.list()`` once against the loopback
  replay server and exits, against the same with raw httpx (``httpx.Client().get`` + ``json.loads``);
- ``anythingllm --version`` against ``python -c pass`` (absolute, and as a ratio);
- ``anythingllm workspaces list --json`` against the cold-start raw httpx script.

Bytecode caches are written first (:func:`compile_bytecode`), as ``pip install`` does.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .config import Config
from .recordings import API_KEY, ROOT, operation
from .report import Row, skipped
from .server import LoopbackServer

RAW_SCRIPT = """
import json, sys
import httpx
with httpx.Client() as http:
    answer = json.loads(http.get(sys.argv[1] + {path!r}, headers={{"Authorization": "Bearer " + sys.argv[2]}}).content)
print(len(answer["workspaces"]))
"""

OURS_SCRIPT = """
import sys
from anythingllm import AnythingLLMClient
with AnythingLLMClient(sys.argv[1], sys.argv[2]) as client:
    print(len(client.workspaces.list()))
"""


def compile_bytecode() -> None:
    """Write the bytecode caches of the client and the generated layer (``pip install`` does the same)."""
    for folder in (ROOT / "anythingllm", ROOT / "generated"):
        compileall.compile_dir(folder, quiet=1)


def console_script() -> Path | None:
    """The installed ``anythingllm`` command next to this interpreter, if there is one."""
    path = Path(sys.executable).parent / "anythingllm"
    return path if path.is_file() else None


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return elapsed, done.stdout


def _timed(variants: dict[str, list[str]], env: dict[str, str], runs: int, warmup: int) -> dict[str, list[float]]:
    names = list(variants)
    for _ in range(warmup):
        for name in names:
            _run(variants[name], env)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for number in range(runs):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            seconds[name].append(_run(variants[name], env)[0])
    return seconds


def _ratio(seconds: dict[str, list[float]], candidate: str, baseline: str) -> float:
    return statistics.median(c / b for c, b in zip(seconds[candidate], seconds[baseline], strict=True))


def _ms(seconds: dict[str, list[float]], name: str) -> float:
    return statistics.median(seconds[name]) * 1e3


def _check_outputs(variants: dict[str, list[str]], env: dict[str, str], count: int) -> None:
    """Every variant does the work: the scripts print the workspace count, the CLI the version and the list."""
    expected = {"raw": f"{count}\n", "ours": f"{count}\n", "pass": ""}
    for name, argv in variants.items():
        out = _run(argv, env)[1]
        if name == "version":
            if not out.startswith("anythingllm "):
                raise RuntimeError(f"anythingllm --version printed {out!r}")
        elif name == "cli":
            if len(json.loads(out)) != count:
                raise RuntimeError(f"anythingllm workspaces list --json printed {out[:200]!r}")
        elif out != expected[name]:
            raise RuntimeError(f"the {name} script printed {out!r}, not {expected[name]!r}")


def startup(config: Config, server: LoopbackServer) -> list[Row]:
    """Section 8: cold start of a script, and of the command line."""
    compile_bytecode()
    recorded = operation("workspaces.list")
    count = len(json.loads(recorded.body)["workspaces"])
    env = {**os.environ, "ANYTHINGLLM_BASE_URL": server.url, "ANYTHINGLLM_API_KEY": API_KEY}
    env.pop("ANYTHINGLLM_LOG", None)
    python = sys.executable
    variants = {
        "pass": [python, "-c", "pass"],
        "raw": [python, "-c", RAW_SCRIPT.format(path=recorded.path), server.url, API_KEY],
        "ours": [python, "-c", OURS_SCRIPT, server.url, API_KEY],
    }
    script = console_script()
    if script is not None:
        variants["version"] = [str(script), "--version"]
        variants["cli"] = [str(script), "workspaces", "list", "--json"]
    _check_outputs(variants, env, count)
    runs = max(config.startup_runs, 1)
    seconds = _timed(variants, env, runs, warmup=0 if config.smoke else 2)
    of = f"median of {runs}"
    raw_ms = _ms(seconds, "raw")
    rows = [
        Row(
            "8", "cold start: import, workspaces.list(), exit", "subprocess", "raw httpx + json.loads",
            _ratio(seconds, "ours", "raw"), goal=1.3, detail=f"{_ms(seconds, 'ours'):.1f} ms vs {raw_ms:.1f} ms ({of})",
        ),
    ]  # fmt: skip
    if script is None:
        why = "the anythingllm command is not installed next to this Python"
        return [
            *rows,
            skipped("8", "anythingllm --version", "subprocess", "absolute", why, unit="ms", goal=150),
            skipped("8", "anythingllm --version", "subprocess", "python -c pass", why, goal=4.0),
            skipped(
                "8", "anythingllm workspaces list --json", "subprocess", "cold-start raw httpx script", why, goal=1.5
            ),
        ]
    version_ms, pass_ms = _ms(seconds, "version"), _ms(seconds, "pass")
    return [
        *rows,
        Row(
            "8", "anythingllm --version", "subprocess", "absolute", version_ms, unit="ms", goal=150,
            detail=f"python -c pass: {pass_ms:.1f} ms ({of})",
        ),
        Row(
            "8", "anythingllm --version", "subprocess", "python -c pass", _ratio(seconds, "version", "pass"), goal=4.0,
            detail=f"{version_ms:.1f} ms vs {pass_ms:.1f} ms ({of})",
        ),
        Row(
            "8", "anythingllm workspaces list --json", "subprocess", "cold-start raw httpx script",
            _ratio(seconds, "cli", "raw"), goal=1.5, detail=f"{_ms(seconds, 'cli'):.1f} ms vs {raw_ms:.1f} ms ({of})",
        ),
    ]  # fmt: skip
