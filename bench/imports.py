"""Section 4: import time, each statement in a fresh interpreter, many runs interleaved.

The child times the statement itself (``perf_counter`` around it), so the interpreter's own start-up,
the same for every statement, does not dilute the ratios. Bytecode caches are written first, as
``pip install`` writes them (a checkout run with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile
the client's modules from source in every child, which no installed copy does).
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from .config import Config
from .recordings import ROOT
from .report import Row, skipped
from .startup import compile_bytecode

_CHILD = """
import sys, time
started = time.perf_counter()
{statement}
elapsed = time.perf_counter() - started
generated = sum(1 for name in sys.modules if name.startswith("anythingllm_api.api.") and name.count(".") == 3)
print(elapsed, generated)
"""

STATEMENTS = {
    "anythingllm": "import anythingllm",
    "anythingllm client": "from anythingllm import AnythingLLMClient",
    "openai": "import openai",
    "openai client": "from openai import OpenAI",
    "httpx": "import httpx",
}


def _available(module: str) -> bool:
    probe = [
        sys.executable,
        "-c",
        f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)",
    ]
    return subprocess.run(probe, cwd=ROOT, check=False).returncode == 0


def _once(statement: str) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(statement=statement)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1])


def import_time(config: Config) -> list[Row]:
    """Section 4: ``import anythingllm`` (and the client class) against openai and raw httpx."""
    statements = dict(STATEMENTS)
    have_openai = _available("openai")
    if not have_openai:
        statements = {k: v for k, v in statements.items() if not k.startswith("openai")}
    compile_bytecode()
    runs = max(config.import_runs, 1)
    times: dict[str, list[float]] = {name: [] for name in statements}
    generated_loaded = 0
    for _ in range(0 if config.smoke else 2):  # warm-up: bytecode caches and the page cache
        for statement in statements.values():
            _once(statement)
    for number in range(runs):
        names = list(statements)
        names = names[number % len(names) :] + names[: number % len(names)]
        for name in names:
            elapsed, generated = _once(statements[name])
            times[name].append(elapsed)
            if name.startswith("anythingllm"):
                generated_loaded = max(generated_loaded, generated)
    ms = {name: statistics.median(values) * 1e3 for name, values in times.items()}
    lazy = f"generated endpoint modules loaded: {generated_loaded}"
    rows = []
    for ours, theirs, goal in (
        ("anythingllm", "openai", 0.5),
        ("anythingllm client", "openai client", 0.5),
        ("anythingllm", "httpx", None),
        ("anythingllm client", "httpx", 1.3),
    ):
        label = STATEMENTS[theirs]
        if theirs not in ms:
            rows.append(skipped("4", STATEMENTS[ours], "subprocess", label, "openai not installed", goal=goal))
            continue
        detail = f"{ms[ours]:.1f} ms vs {ms[theirs]:.1f} ms (median of {runs})" + (f"; {lazy}" if goal else "")
        ratio = statistics.median(a / b for a, b in zip(times[ours], times[theirs], strict=True))
        rows.append(Row("4", STATEMENTS[ours], "subprocess", label, ratio, goal=goal, detail=detail))
    return rows
