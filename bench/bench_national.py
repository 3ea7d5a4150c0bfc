"""National-size data: is loading, validating and computing linear, and does a build fit in memory?

Run: .venv/bin/python bench/bench_national.py [--keep DIR]

Writes the example data as CSV at scale 1 and at national size (`reportgen synth --scale
national`), then measures, each in a fresh process: the validated load plus the
indicators (wall and CPU seconds, peak memory above the interpreter with its imports), and
a whole `reportgen build --no-cache` (wall and CPU seconds, peak memory of the largest
process). Prints each aim with its figure and ratio; on a shared machine the CPU seconds
vary less than the wall seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIB = 1024**3


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(folder: Path) -> dict:
    """In this process: load and validate `folder`, compute the values; time and memory."""
    from reportgen.data.load import load_dataset
    from reportgen.kinds import get_kind

    kind = get_kind("regioplan-ggz")
    assert kind is not None
    before = _peak()
    start, cpu_start = time.perf_counter(), time.process_time()
    dataset = load_dataset(folder)
    loaded, cpu_loaded = time.perf_counter() - start, time.process_time() - cpu_start
    kind.values(dataset, 2023, 10)
    return {
        "rows": sum(len(dataset.table(t)) for t in ("klanten", "indicaties", "declaraties", "wachtlijst")),
        "load": loaded,
        "seconds": time.perf_counter() - start,
        "load_cpu": cpu_loaded,
        "cpu": time.process_time() - cpu_start,
        "memory": _peak() - before,
    }


def measured(folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def build(folder: Path, out: Path) -> tuple[float, float, int]:
    """Seconds, CPU seconds and peak memory (largest process) of a whole `reportgen build --no-cache`."""
    args = [sys.executable, "-m", "reportgen", "build", "--quiet", "--no-cache", "--data", str(folder)]
    watcher = "import resource,subprocess,sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    watcher += "u = resource.getrusage(resource.RUSAGE_CHILDREN); "  # the build's own largest process
    watcher += "print(u.ru_utime + u.ru_stime, u.ru_maxrss)"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", watcher, *args, "--out", str(out)], cwd=ROOT, check=True, capture_output=True, text=True
    )
    cpu, peak = done.stdout.split()[-2:]
    return time.perf_counter() - start, float(cpu), int(peak) * 1024


def _verdict(met: bool) -> str:
    return "MET" if met else "NOT MET"


def synth(scale: str, out: Path) -> None:
    if not out.is_dir():
        subprocess.run(
            [sys.executable, "-m", "reportgen", "synth", "--scale", scale, "--out", str(out)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder for the generated data (reused when present)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        small, big = base / "scale-1", base / "national"
        synth("1", small)
        synth("national", big)
        s, n = measured(small), measured(big)
        small_build = build(small, Path(tmp) / "out-1")
        big_build = build(big, Path(tmp) / "out-national")
    data = n["rows"] / s["rows"]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
    print(f"rows (clients, indications, claims, waiting list): {s['rows']:,} and {n['rows']:,}: {data:4.1f}x the data")
    for what, key, load in (("wall", "seconds", "load"), ("CPU", "cpu", "load_cpu")):
        ratio = n[key] / s[key]
        print(
            f"validated load + indicators ({what}): {s[key]:6.2f} s -> {n[key]:6.2f} s = {ratio:4.1f}x "
            f"(load alone {s[load]:.2f} s -> {n[load]:.2f} s = {n[load] / s[load]:.1f}x); "
            f"{ratio / data:4.2f}x the data ratio (aim <= 1.3: {_verdict(ratio / data <= 1.3)})"
        )
    memory_ratio = n["memory"] / max(s["memory"], 1)
    print(
        f"memory above imports: {s['memory'] / GIB:5.2f} GiB -> {n['memory'] / GIB:5.2f} GiB = {memory_ratio:4.1f}x; "
        f"{memory_ratio / data:4.2f}x the data ratio (aim <= 1.3: {_verdict(memory_ratio / data <= 1.3)})"
    )
    ratio, cpu_ratio = big_build[0] / small_build[0], big_build[1] / small_build[1]
    print(
        f"full build --no-cache: {small_build[0]:6.2f} s -> {big_build[0]:6.2f} s = {ratio:4.1f}x "
        f"(CPU {small_build[1]:.1f} s -> {big_build[1]:.1f} s = {cpu_ratio:.1f}x; aim <= 3x: {_verdict(ratio <= 3)})"
    )
    peak = big_build[2]
    print(f"peak memory of the national build: {peak / GIB:5.2f} GiB (aim < 3 GiB: {_verdict(peak < 3 * GIB)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
