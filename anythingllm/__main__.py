"""``python -m anythingllm``: the same command line as the ``anythingllm`` console script."""

from anythingllm.cli import main

if __name__ == "__main__":
    main()
