"""Time a cold build of the Regioanalyse GZ: all eleven regions, PPTX and PDF.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_regioanalyse_build.py
[--baseline REV]. The build runs `reportgen build --document regioanalyse-gz` in a fresh
Python process, so imports, font loading and every map count. "cold" starts with an empty
cache (the example data is generated, every figure computed); "warm data" reads the example
data and the values from the cache but still draws every chart and writes every file (a new
output folder, the kept Documents removed from the cache). With --baseline the same two
builds of that git revision run in turn with these, so the ratio compares runs made under
the same load of a shared machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from bench_build import timed_build_cpu
from bench_rebuild import export_revision

DOCUMENT = ("--document", "regioanalyse-gz")


def cold_and_warm(work: Path, name: str, python_path: str = "") -> tuple[tuple[float, float], tuple[float, float], int]:
    """((wall, CPU) seconds cold, the same warm, files written) of one revision, with a cache of its own."""
    cache = work / f"cache-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    if python_path:
        os.environ["PYTHONPATH"] = python_path
    try:
        cold = timed_build_cpu(work / f"{name}-cold", cache, *DOCUMENT)
        for kept in (cache / "reportgen" / "entries").glob("model-*"):
            kept.unlink()  # warm data and values, but every document assembled again
        warm = timed_build_cpu(work / f"{name}-warm", cache, *DOCUMENT)
    finally:
        os.environ.pop("PYTHONPATH", None)
    files = len(list((work / f"{name}-warm" / "2023").glob("regioanalyse-gz-*")))
    return cold, warm, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REV", help="git revision to compare with, in the same run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        old = export_revision(args.baseline, work / "baseline") if args.baseline else None
        cold, warm, files = cold_and_warm(work, "new")
        if old is not None:
            old_cold, old_warm, _ = cold_and_warm(work, "old", str(old))
    print(f"cores: {os.cpu_count()}; seconds as wall / CPU (the process and its workers)")
    print(f"regioanalyse-gz, 11 regions, pptx+pdf, cold (empty cache):   {cold[0]:6.2f} / {cold[1]:6.2f} s (aim 15 s)")
    print(f"regioanalyse-gz, 11 regions, pptx+pdf, warm data and values: {warm[0]:6.2f} / {warm[1]:6.2f} s")
    print(f"files written: {files}")
    if old is not None:
        print(
            f"at {args.baseline}: cold {old_cold[0]:6.2f} / {old_cold[1]:6.2f} s, "
            f"warm {old_warm[0]:6.2f} / {old_warm[1]:6.2f} s"
        )
        print(
            f"ratio to {args.baseline} (wall, CPU): cold {cold[0] / old_cold[0]:4.2f}, {cold[1] / old_cold[1]:4.2f}; "
            f"warm {warm[0] / old_warm[0]:4.2f}, {warm[1] / old_warm[1]:4.2f}"
        )


if __name__ == "__main__":
    main()
