"""Helpers of the regen tests: compare generated trees, and make a fresh clone of this checkout."""

from __future__ import annotations

import filecmp
import hashlib
import shutil
import subprocess
from pathlib import Path

from tests.recordings import ROOT


def tree_digest(folder: Path) -> str:
    """One digest of every file below ``folder`` (names and contents, caches left out)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def diff_trees(a: Path, b: Path) -> list[str]:
    """What differs between the committed tree ``a`` and the regenerated tree ``b``."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"{prefix}{n} only in committed" for n in cmp.left_only if n != "__pycache__")
        out.extend(f"{prefix}{n} only in regenerated" for n in cmp.right_only if n != "__pycache__")
        out.extend(f"{prefix}{n} differs" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return out


def fresh_clone(dest: Path) -> Path:
    """Copy what a clone of this checkout holds (tracked files as they are now, no ignored ones) to ``dest``.

    Put ``dest`` in an empty folder and the clone has nothing beside it: no ../shared.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest / name)
    return dest
