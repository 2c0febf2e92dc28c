"""``anythingllm regen``: run the code generation pipeline of a source checkout (``scripts/regen.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from .errors import UsageProblem
from .state import state_of

CHECKOUT = Path(__file__).resolve().parents[2]
SCRIPT = CHECKOUT / "scripts" / "regen.py"


def find_script(checkout: Path | None = None) -> Path:
    """``scripts/regen.py`` of the checkout this package runs from; a usage error for an installed package."""
    checkout = CHECKOUT if checkout is None else checkout
    script = checkout / "scripts" / "regen.py"
    if not (script.is_file() and (checkout / "spec").is_dir()):
        raise UsageProblem(
            "regen only works from a source checkout of the client, not from an installed package",
            "Clone the project, run `pip install -e .` in it (or `make regen`), then run `anythingllm regen` again.",
        )
    return script


def regen(ctx: typer.Context) -> None:
    """Regenerate the low-level API client from the pinned spec (source checkouts only).

    Extra arguments go to scripts/regen.py, e.g. --url http://localhost:3001 to use a live server's spec.

    anythingllm regen --diff OLD.json NEW.json prints an API changelog between two specs.
    """
    state = state_of(ctx)
    script = find_script()
    command = [sys.executable, str(script), *ctx.args]
    if state.out.json_mode:
        captured = subprocess.run(command, capture_output=True, text=True, check=False)
        state.out.json({"exit_code": captured.returncode, "stdout": captured.stdout, "stderr": captured.stderr})
        returncode = captured.returncode
    else:
        returncode = subprocess.run(command, check=False).returncode
    if returncode != 0:
        state.out.note(f"scripts/regen.py failed with exit status {returncode}", style="bold red")
        raise typer.Exit(1)
