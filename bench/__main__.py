"""``python -m bench``: run the benchmarks, print the table, write ``bench/results.json``.

``--smoke`` runs every benchmark once at a tiny size (CI keeps them working; no figure means anything
then, and nothing is written unless ``--output`` is given). ``--only`` picks sections by name.
The exit status is 1 when a benchmark failed to run (not when a goal is missed: the table says that).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import calls, concurrency, imports, startup, streams, upload
from .config import FULL, SMOKE, Config
from .report import Row, environment, table, write_json
from .server import LoopbackServer

Section = Callable[[Config, LoopbackServer], list[Row]]

SECTIONS: dict[str, Section] = {
    "per-call": calls.per_call,
    "openai": calls.openai_sdk,
    "apything": calls.apything_peer,
    "import": lambda config, server: imports.import_time(config),
    "stream-throughput": lambda config, server: streams.throughput(config),
    "first-event": streams.first_event,
    "upload": upload.upload_memory,
    "concurrency": concurrency.concurrency,
    "reuse": concurrency.connection_reuse,
    "startup": startup.startup,
}

RESULTS = Path(__file__).resolve().parent / "results.json"


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections; print the table; write the JSON results."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="every benchmark once, tiny sizes (for CI)")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, default=None, help="results JSON (default: bench/results.json)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the README)")
    args = parser.parse_args(argv)
    config = SMOKE if args.smoke else FULL
    chosen = [name.strip() for name in args.only.split(",") if name.strip()] or list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    output = args.output if args.output is not None else (None if args.smoke else RESULTS)

    started = time.perf_counter()
    rows: list[Row] = []
    with LoopbackServer(stream_delay=config.stream_delay) as server:
        for name in chosen:
            section_started = time.perf_counter()
            try:
                new = SECTIONS[name](config, server)
            except Exception as exc:  # one broken section must not hide the others
                traceback.print_exc()
                new = [Row("-", name, "", "", status=f"error: {type(exc).__name__}: {exc}")]
            rows += new
            print(f"[{name}: {time.perf_counter() - section_started:.1f} s]", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started

    print(table(rows, markdown=args.markdown))
    print(f"\n{len(rows)} figures in {seconds:.0f} s ({'smoke' if args.smoke else 'full'} run)")
    if output is not None:
        write_json(output, rows, environment(args.smoke), seconds)
        print(f"written: {output}")
    missed = [r for r in rows if r.met is False]
    if missed and not args.smoke:
        print(f"goals missed: {', '.join(f'{r.section} {r.name} ({r.target})' for r in missed)}")
    return 1 if any(r.status.startswith("error") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
