"""Time and peak memory of compute_regioanalyse on the example data and at national size.

Usage:
    .venv/bin/python bench/bench_regioanalyse.py                 # example data and national size
    .venv/bin/python bench/bench_regioanalyse.py --example-only  # example data only

Every measurement runs in its own subprocess, so one run's memory does not inflate the next
and peak memory is the child's own high-water mark (ru_maxrss). The aims: under 2 s for the
example data; under 60 s and 6 GiB at national size. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

from bench_indicators import maxrss_bytes, report_line, run_child

EXAMPLE_SECONDS = 2.0
NATIONAL_SECONDS = 60.0
NATIONAL_BYTES = 6 * 1024**3


def measure(scale: float, seed: int, edition: int) -> dict:
    """Synthesize the data and time compute_regioanalyse on it, in this process."""
    from reportgen.data.synth import synthesize
    from reportgen.kinds.regioanalyse_gz.figures import compute_regioanalyse

    start = time.perf_counter()
    ds = synthesize(seed=seed, scale=scale)
    synth_seconds = time.perf_counter() - start
    rss_before = maxrss_bytes(resource.RUSAGE_SELF)
    start = time.perf_counter()
    frame = compute_regioanalyse(ds, edition)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--example-only", action="store_true", help="skip the national-size measurement")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--edition", type=int, default=2023)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.seed, args.edition)))
        return 0

    results = [("example", run_child(1.0, args.seed, args.edition, __file__), EXAMPLE_SECONDS, None)]
    if not args.example_only:
        from reportgen.data.synth import national_scale

        results.append(
            (
                "national",
                run_child(national_scale(), args.seed, args.edition, __file__),
                NATIONAL_SECONDS,
                NATIONAL_BYTES,
            )
        )
    for label, result, seconds, size in results:
        print(report_line(label, result, seconds, size, step="regioanalyse"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
