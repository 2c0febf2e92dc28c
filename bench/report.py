"""Result rows, the printed table and ``results.json``."""

from __future__ import annotations

import json
import platform
import sys
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

UNITS = {"x": "×", "ms": " ms", "MiB": " MiB", "conn": " conn"}


@dataclass
class Row:
    """One figure: ``value`` (a ratio unless ``unit`` says otherwise) against ``goal``."""

    section: str
    name: str
    target: str
    baseline: str
    value: float | None = None
    unit: str = "x"
    goal: float | None = None
    goal_kind: str = "max"  # "max": value <= goal; "exact": value == goal
    detail: str = ""
    status: str = "ok"  # "ok", "skipped: <why>" or "error: <what>"

    @property
    def met(self) -> bool | None:
        """Whether the goal is met (None without a goal or a value)."""
        if self.goal is None or self.value is None:
            return None
        return self.value == self.goal if self.goal_kind == "exact" else self.value <= self.goal

    def figure(self) -> str:
        """The value as printed."""
        if self.value is None:
            return "—"
        digits = 0 if self.unit == "conn" else 3 if self.unit == "ms" else 2
        return f"{self.value:.{digits}f}{UNITS[self.unit]}"

    def goal_text(self) -> str:
        """The goal as printed."""
        if self.goal is None:
            return ""
        digits = 0 if self.unit == "conn" else 2
        sign = "=" if self.goal_kind == "exact" else "≤"
        return f"{sign} {self.goal:.{digits}f}{UNITS[self.unit]}"

    def verdict(self) -> str:
        """``met``, ``MISSED``, the skip/error reason, or blank without a goal."""
        if self.status != "ok":
            return self.status
        return {True: "met", False: "MISSED", None: ""}[self.met]


def skipped(section: str, name: str, target: str, baseline: str, why: str, **kwargs: Any) -> Row:
    """A row for a benchmark that could not run here (a missing method or peer package)."""
    return Row(section, name, target, baseline, status=f"skipped: {why}", **kwargs)


def table(rows: list[Row], *, markdown: bool = False) -> str:
    """The rows as a plain-text (or Markdown) table."""
    header = ["#", "benchmark", "target", "against", "figure", "goal", "result", "detail"]
    cells = [[r.section, r.name, r.target, r.baseline, r.figure(), r.goal_text(), r.verdict(), r.detail] for r in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
        return "\n".join(lines)
    widths = [max(len(str(c)) for c in column) for column in zip(header, *cells, strict=True)]
    render = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [header, *cells]]
    return "\n".join([render[0], "  ".join("-" * w for w in widths), *render[1:]])


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def environment(smoke: bool) -> dict[str, Any]:
    """Where and with what the figures were measured."""
    import os

    packages = ["anythingllm", "httpx", "httpx-sse", "openai", "apything", "requests", "psutil"]
    return {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "mode": "smoke" if smoke else "full",
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "packages": {name: _version(name) for name in packages},
    }


def write_json(path: Path, rows: list[Row], env: dict[str, Any], seconds: float) -> None:
    """Write ``results.json``: the environment, the total time and every row with its verdict."""
    data = {
        "environment": env,
        "seconds": round(seconds, 1),
        "results": [{**asdict(r), "met": r.met, "figure": r.figure(), "goal_text": r.goal_text()} for r in rows],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
