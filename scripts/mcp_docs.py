"""Write what the MCP tools look like from the code: the README table and tests/snapshots/mcp_tools.json.

python scripts/mcp_docs.py           # rewrite both (make mcp-docs)
python scripts/mcp_docs.py --check   # exit 1 when either differs from the code
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from anythingllm import AsyncAnythingLLMClient
from anythingllm.mcp import _docs, build_server

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SNAPSHOT = ROOT / "tests" / "snapshots" / "mcp_tools.json"


def generated() -> tuple[str, str]:
    """The README with its tool table regenerated, and the snapshot text."""
    client = AsyncAnythingLLMClient(base_url="http://127.0.0.1:3001", api_key=None)  # never sends anything
    server = build_server(client)
    readme = _docs.replace_section(README.read_text(encoding="utf-8"), _docs.readme_section(server))
    snapshot = json.dumps(_docs.snapshot(server), indent=1, ensure_ascii=False) + "\n"
    return readme, snapshot


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with --check compare) the README table and the snapshot."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when out of date")
    args = parser.parse_args(argv)
    readme, snapshot = generated()
    stale = [
        path.relative_to(ROOT)
        for path, text in ((README, readme), (SNAPSHOT, snapshot))
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if args.check:
        for path in stale:
            print(f"{path} is out of date: run python scripts/mcp_docs.py", file=sys.stderr)
        return 1 if stale else 0
    README.write_text(readme, encoding="utf-8")
    SNAPSHOT.write_text(snapshot, encoding="utf-8")
    for path in stale:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
