"""Section 6: peak memory while uploading a 1 GiB generated file to the loopback sink.

Each upload runs in a fresh child process (``python -m bench.upload``). After a small warm-up upload
(imports and pools paid for), the child resets the kernel's peak-RSS mark to its current RSS (Linux
``/proc/self/clear_refs``); the growth is the peak after the upload minus the RSS before it. Where
the mark cannot be reset, the lifetime peak (``ru_maxrss``) before and after is compared instead.
The server counts the body bytes it received, so a short upload cannot pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .config import Config
from .recordings import API_KEY, ROOT, operation
from .report import Row, skipped
from .server import LoopbackServer

MiB = 1 << 20


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Set the kernel's peak-RSS mark (VmHWM) to the current RSS (Linux 4.0+); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return _status_kib("VmHWM") is not None


def _peak_rss() -> int:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def _child(base_url: str, big: str, small: str, mode: str) -> dict[str, Any]:
    """Upload ``small`` (warm-up) then ``big``; the RSS before and the peak after."""
    if mode == "ours":
        from anythingllm import AnythingLLMClient

        client = AnythingLLMClient(base_url, API_KEY, timeout=600)

        def upload(path: str) -> Any:
            return client.documents.upload(file_path=path)
    else:
        import httpx

        http = httpx.Client(timeout=600)
        url = base_url + operation("documents.upload").path

        def upload(path: str) -> Any:
            with open(path, "rb") as handle:
                files = {"file": (os.path.basename(path), handle, "text/plain")}
                return http.post(url, headers={"Authorization": f"Bearer {API_KEY}"}, files=files).json()

    upload(small)
    exact = _reset_peak()
    before = (_status_kib("VmRSS") or 0) * 1024 if exact else _peak_rss()
    started = time.perf_counter()
    result = upload(big)
    seconds = time.perf_counter() - started
    peak = (_status_kib("VmHWM") or 0) * 1024 if exact else _peak_rss()
    return {"before": before, "peak": peak, "seconds": seconds, "ok": bool(result), "exact": exact}


def _generate(path: Path, size: int) -> None:
    """A text file of ``size`` bytes: the recorded upload's text, repeated."""
    text = _uploaded_text()
    block = (text * (MiB // len(text) + 1))[:MiB]
    with path.open("wb") as out:
        for _ in range(size // MiB):
            out.write(block)
        out.write(block[: size % MiB])


def _uploaded_text() -> bytes:
    body = operation("documents.upload").request_body
    return body.split(b"\r\n\r\n", 1)[1].rsplit(b"\r\n--", 1)[0]


def upload_memory(config: Config, server: LoopbackServer) -> list[Row]:
    """Peak RSS growth of ``documents.upload`` (and of a raw httpx multipart post) for the big file."""
    from anythingllm import AnythingLLMClient

    size_text = (
        f"{config.upload_bytes / (1 << 30):g} GiB"
        if config.upload_bytes >= 1 << 30
        else f"{config.upload_bytes // MiB} MiB"
    )
    name = f"documents.upload {size_text}: peak RSS growth"
    with AnythingLLMClient(server.url, API_KEY) as probe:
        if getattr(probe.documents, "upload", None) is None:
            return [skipped("6", name, "loopback", "raw httpx", "method missing", unit="MiB", goal=32)]
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="anythingllm-bench-") as folder:
        big, small = Path(folder) / "bench-upload.txt", Path(folder) / "vcr-notes.txt"
        _generate(big, config.upload_bytes)
        small.write_bytes(_uploaded_text())
        for mode in ("raw", "ours"):
            server.reset()
            done = subprocess.run(
                [sys.executable, "-m", "bench.upload", server.url, str(big), str(small), mode],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                error = (done.stderr.strip().splitlines() or ["no output"])[-1]
                return [Row("6", name, "loopback", "raw httpx", unit="MiB", goal=32, status=f"error: {mode}: {error}")]
            out[mode] = json.loads(done.stdout)
            out[mode]["received"] = server.stats()["body_bytes"]
    growth = {mode: (o["peak"] - o["before"]) / MiB for mode, o in out.items()}
    ours = out["ours"]
    if ours["received"] < config.upload_bytes:
        status = f"error: the server received {ours['received']:,} bytes"
        return [Row("6", name, "loopback", "raw httpx", unit="MiB", goal=32, status=status)]
    rate = config.upload_bytes / MiB / ours["seconds"]
    detail = f"raw httpx multipart {growth['raw']:.1f} MiB; {ours['seconds']:.1f} s ({rate:,.0f} MiB/s)"
    return [Row("6", name, "loopback", "raw httpx", growth["ours"], unit="MiB", goal=32, detail=detail)]


if __name__ == "__main__":
    print(json.dumps(_child(*sys.argv[1:5])))
