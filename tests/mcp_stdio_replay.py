"""Run the ``anythingllm`` command line with its HTTP traffic replayed from a cassette (or recorded).

    python -m tests.mcp_stdio_replay CASSETTE mcp --read-only

The MCP stdio tests start this as the server subprocess, so the real ``anythingllm mcp`` serves the
real stdio transport while its AnythingLLM client answers from ``tests/cassettes/CASSETTE.yaml``.
"""

from __future__ import annotations

import sys

from anythingllm.cli import app
from tests.conftest import replay


def main() -> int:
    """Run the CLI with ``sys.argv[2:]`` inside the cassette ``sys.argv[1]``."""
    cassette, args = sys.argv[1], sys.argv[2:]
    with replay(cassette):
        try:
            app(args=args, prog_name="anythingllm")
        except SystemExit as exit_:
            return int(exit_.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
