"""Time a cold build of the Regioanalyse GZ: all eleven regions, PPTX and PDF.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_regioanalyse_build.py
The build runs `reportgen build --document regioanalyse-gz` in a fresh Python process, so
imports, font loading and every map count. "cold" starts with an empty example-data cache
(the example data is generated first); "warm data" reads the example data from the cache,
as every build after the first does, but still computes every figure and draws every chart.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_build(out: Path, cache: Path) -> float:
    """Seconds for one Regioanalyse build of every region in a new process."""
    args = [sys.executable, "-m", "reportgen", "build", "--document", "regioanalyse-gz", "--quiet", "--out", str(out)]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out, cache = Path(tmp) / "out", Path(tmp) / "cache"
        cold = timed_build(out, cache)
        warm = timed_build(out, cache)
        files = sorted((out / "2023").glob("regioanalyse-gz-*"))
    print(f"cores: {os.cpu_count()}")
    print(f"regioanalyse-gz, 11 regions, pptx+pdf, cold (empty cache): {cold:6.2f} s")
    print(f"regioanalyse-gz, 11 regions, pptx+pdf, warm data cache:    {warm:6.2f} s")
    print(f"files written: {len(files)}")


if __name__ == "__main__":
    main()
