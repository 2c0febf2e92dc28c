"""``python -m anythingllm`` and the ``anythingllm`` console script: the command line of :mod:`anythingllm.cli`.

``anythingllm --version`` is answered here, before typer, the client or any command is imported.
"""

import sys


def main() -> None:
    """Run the command line (``anythingllm --version`` without importing it)."""
    if sys.argv[1:] == ["--version"]:  # the line the full command line prints, in a fraction of the time
        from anythingllm import __version__

        sys.stdout.write(f"anythingllm {__version__}\n")
        return
    from anythingllm.cli import main as run

    run()


if __name__ == "__main__":
    main()
