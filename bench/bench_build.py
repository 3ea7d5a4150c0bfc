"""Time full builds (all regions, PPTX and PDF) and a rebuild of one region.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_build.py
Each measurement runs `reportgen build` in a fresh Python process, so imports and font
loading count. "empty cache" generates the example data; "warm cache" reads it from the
example-data cache, as every build after the first does.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_build(out: Path, cache: Path, *options: str) -> float:
    """Seconds for one `reportgen build` with `options` in a new process, data cached in `cache`."""
    return timed_build_cpu(out, cache, *options)[0]


def timed_build_cpu(out: Path, cache: Path, *options: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its workers) for one `reportgen build`.

    On a shared machine the CPU time varies far less with the others' load than the wall time.
    """
    # -P: the working folder (this checkout) must not shadow the PYTHONPATH of a --baseline revision
    args = [sys.executable, "-P", "-m", "reportgen", "build", "--quiet", "--out", str(out), *options]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # `python -m` puts the working folder first on the path: with PYTHONPATH (another revision's
    # code), run in that folder, so its code is the one imported
    cwd = os.environ.get("PYTHONPATH") or ROOT
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out, cache = Path(tmp) / "out", Path(tmp) / "cache"
        cold = timed_build(out, cache)
        warm = timed_build(out, cache)
        one = timed_build(out, cache, "--region", "zwolle")
    print(f"cores: {os.cpu_count()}")
    print(f"full build, 11 regions, pptx+pdf, empty cache: {cold:6.2f} s")
    print(f"full build, 11 regions, pptx+pdf, warm cache:  {warm:6.2f} s")
    print(f"rebuild of one region (zwolle), warm cache:    {one:6.2f} s")


if __name__ == "__main__":
    main()
