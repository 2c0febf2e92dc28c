"""The benchmarks keep working: ``python -m bench --smoke`` runs every one of them once, at a tiny size.

No figure is judged here (the smoke sizes make them meaningless); what is checked is that every
benchmark ran (or says why it could not: a peer package that is not installed), and the two
behaviours the benchmarks count rather than time: keep-alive reuse and the streamed upload reaching
the server whole.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _run_smoke(tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    rows = json.loads(output.read_text(encoding="utf-8"))["results"] if output.exists() else []
    return done, rows


def test_every_benchmark_runs_once_in_smoke_mode(tmp_path: Path) -> None:
    done, rows = _run_smoke(tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert not [r for r in rows if r["status"].startswith("error")]
    sections = {r["section"] for r in rows}
    assert sections == {"1", "2", "3", "4", "5", "6", "7", "8"}
    for row in rows:
        assert row["status"] == "ok" or row["status"].startswith("skipped: "), row
        if row["status"] == "ok":
            assert isinstance(row["value"], (int, float)), row
    # Only a missing peer package or a call the peer cannot make may skip a figure, never our method.
    assert not [r for r in rows if r["status"] == "skipped: method missing"]
    reuse = [r for r in rows if r["unit"] == "conn"]
    assert [(r["name"], r["value"]) for r in reuse] == [
        ("workspaces.list sync: 100 sequential calls", 1),
        ("workspaces.list async: 100 sequential calls", 1),
    ]
    (upload,) = [r for r in rows if r["section"] == "6"]
    assert upload["status"] == "ok"  # an error would mean the server did not receive the whole file
