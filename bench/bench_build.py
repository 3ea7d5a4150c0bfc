"""Time a cold full build (all regions, PPTX and PDF) and a rebuild of one region.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_build.py
Each measurement runs in a fresh Python process, so imports and font loading count.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_build(out: Path, *regions: str) -> float:
    """Seconds for one `reportgen build` in a new process."""
    args = [sys.executable, "-m", "reportgen", "build", "--quiet", "--out", str(out)]
    for r in regions:
        args += ["--region", r]
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        full = timed_build(out)
        one = timed_build(out, "zwolle")
    print(f"full build, 11 regions, pptx+pdf (cold process): {full:6.2f} s")
    print(f"rebuild of one region (zwolle):                  {one:6.2f} s")


if __name__ == "__main__":
    main()
