"""Time and peak memory of compute_regioplan on the example data, and optionally at national size.

Usage:
    .venv/bin/python bench/bench_indicators.py              # example data (scale 1)
    .venv/bin/python bench/bench_indicators.py --scale      # also national size
    .venv/bin/python bench/bench_indicators.py --scale 3.5  # also a chosen scale

Every measurement runs in its own subprocess, so one run's memory does not inflate the next
and peak memory is the child's own high-water mark (ru_maxrss). The targets: under 2 s for
the example data; under 60 s and 6 GiB at national size.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import subprocess
import sys
import time

EXAMPLE_SECONDS = 2.0
NATIONAL_SECONDS = 60.0
NATIONAL_BYTES = 6 * 1024**3


def maxrss_bytes(who: int) -> int:
    """Peak resident memory in bytes (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(who).ru_maxrss * 1024


def _synthesize(seed: int, scale: float):
    """The example data set at `scale` (imported late: the bench also runs where it is missing)."""
    from reportgen.data.synth import synthesize

    return synthesize(seed=seed, scale=scale)


def measure(scale: float, seed: int, edition: int) -> dict:
    """Synthesize the data and time compute_regioplan on it, in this process."""
    from reportgen.indicators import compute_regioplan

    start = time.perf_counter()
    ds = _synthesize(seed, scale)
    synth_seconds = time.perf_counter() - start
    rss_before = maxrss_bytes(resource.RUSAGE_SELF)
    start = time.perf_counter()
    frame = compute_regioplan(ds, edition)
    seconds = time.perf_counter() - start
    return {
        "scale": scale,
        "clients": len(ds.klanten),
        "claims": len(ds.declaraties),
        "rows": len(frame),
        "synth_seconds": synth_seconds,
        "seconds": seconds,
        "rss_before": rss_before,
        "rss_peak": maxrss_bytes(resource.RUSAGE_SELF),
    }


def run_child(scale: float, seed: int, edition: int, script: str = __file__) -> dict:
    """One measurement by `script --child` in a fresh interpreter; its result comes back as a JSON line."""
    command = [sys.executable, script, "--child", str(scale), "--seed", str(seed), "--edition", str(edition)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measurement at scale {scale} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report_line(label: str, r: dict, max_seconds: float, max_bytes: int | None, step: str = "compute") -> str:
    """One result as a line of text, with whether it meets its aims; `step` names what was timed
    (the number of values it made is shown when the result has it)."""
    ok = r["seconds"] < max_seconds and (max_bytes is None or r["rss_peak"] < max_bytes)
    gib = 1024**3
    return (
        f"{label:<9} scale {r['scale']:>7.2f}  {r['clients']:>9,} clients  {r['claims']:>12,} claims  "
        + (f"{r['rows']:>7,} values  " if "rows" in r else "")
        + f"synth {r['synth_seconds']:6.1f} s  {step} {r['seconds']:6.2f} s (aim < {max_seconds:g} s)  "
        f"memory {r['rss_before'] / gib:5.2f} GiB after synth, peak {r['rss_peak'] / gib:5.2f} GiB"
        + (f" (aim < {max_bytes / gib:g} GiB)" if max_bytes else "")
        + ("  OK" if ok else "  OVER AIM")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", nargs="?", const="national", help="also measure at this scale (default: national)")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--edition", type=int, default=2023)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        print(json.dumps(measure(args.child, args.seed, args.edition)))
        return 0
    if importlib.util.find_spec("reportgen.data.synth") is None:
        print("reportgen.data.synth is not available: nothing to measure", file=sys.stderr)
        return 2

    results = [("example", run_child(1.0, args.seed, args.edition), EXAMPLE_SECONDS, None)]
    if args.scale is not None:
        from reportgen.data.synth import national_scale

        scale = national_scale() if args.scale == "national" else float(args.scale)
        results.append(("national", run_child(scale, args.seed, args.edition), NATIONAL_SECONDS, NATIONAL_BYTES))
    for label, result, seconds, size in results:
        print(report_line(label, result, seconds, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
