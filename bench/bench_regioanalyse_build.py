"""Time a cold build of the Regioanalyse GZ: all eleven regions, PPTX and PDF.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_regioanalyse_build.py
The build runs `reportgen build --document regioanalyse-gz` in a fresh Python process, so
imports, font loading and every map count. "cold" starts with an empty example-data cache
(the example data is generated first); "warm data" reads the example data from the cache,
as every build after the first does, but still computes every figure and draws every chart.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench_build import timed_build

DOCUMENT = ("--document", "regioanalyse-gz")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out, cache = Path(tmp) / "out", Path(tmp) / "cache"
        cold = timed_build(out, cache, *DOCUMENT)
        warm = timed_build(out, cache, *DOCUMENT)
        files = sorted((out / "2023").glob("regioanalyse-gz-*"))
    print(f"cores: {os.cpu_count()}")
    print(f"regioanalyse-gz, 11 regions, pptx+pdf, cold (empty cache): {cold:6.2f} s")
    print(f"regioanalyse-gz, 11 regions, pptx+pdf, warm data cache:    {warm:6.2f} s")
    print(f"files written: {len(files)}")


if __name__ == "__main__":
    main()
