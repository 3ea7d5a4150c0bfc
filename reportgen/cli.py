"""The `reportgen` command: arguments in, messages and an exit code out.

This is the only module that prints or chooses exit codes. Exit codes: 0 success,
1 the input (data, content, layout) has errors, 2 the command line is wrong, 3 sending
failed (`distribute`, see reportgen/distribute/command.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reportgen import __version__
from reportgen.argtypes import edition_year
from reportgen.clihelp import EPILOG_BUILD
from reportgen.data.regions import REGIONS
from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.interrupt import INTERRUPTED_EXIT, interrupts_remembered, stop_if_interrupted
from reportgen.kinds import DEFAULT_KIND, kind_ids

DEFAULT_EDITION = 2023


def _region_list() -> str:
    return ", ".join(r.id for r in REGIONS)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--region",
        action="append",
        metavar="R",
        help=f"region id; repeat for several (default: all). One of: {_region_list()}",
    )
    p.add_argument("--edition", type=edition_year, default=DEFAULT_EDITION, help="edition year (default: %(default)s)")
    p.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="folder with the input tables (see docs/data-contract.md); default: the built-in example data",
    )
    p.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="narrative content folder (default: %(default)s)",
    )
    p.add_argument(
        "--document",
        metavar="KIND",
        default=DEFAULT_KIND,
        help=f"document kind (default: %(default)s); one of: {', '.join(kind_ids())}; "
        "'all' (build and check): every kind in turn",
    )
    p.add_argument("--layout", type=Path, metavar="FILE", help="layout YAML (default: the built-in one of the kind)")
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="compute data and values afresh and rebuild every document, ignoring earlier results",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with all subcommands."""
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description="Build the yearly regional Wlz documents (Regioplan GGZ) as PPTX and PDF "
        "from record-level data, narrative content and a layout.",
    )
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "build",
        help="build the decks (PPTX and PDF) for one or more regions",
        description="Check the content, compute the indicators and write one deck per region.",
        epilog=EPILOG_BUILD,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_common(b)
    b.add_argument("--format", default="pptx,pdf", help="comma-separated: pptx, pdf (default: %(default)s)")
    b.add_argument(
        "--out", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: %(default)s)"
    )
    b.add_argument(
        "--draft",
        action="store_true",
        help="build even when the content has errors; affected pages say CONCEPT",
    )
    b.add_argument("--quiet", action="store_true", help="no progress, only errors and the summary")
    b.add_argument("--jobs", type=int, metavar="N", help="regions built in parallel (default: one per CPU core)")

    c = sub.add_parser(
        "check",
        help="check narrative content against the layout (missing, unknown, too long)",
        description="Check every region's narrative files: front matter, variables, Markdown, "
        "and whether each text fits its frame. Exit code 1 when there are errors.",
    )
    _add_common(c)

    v = sub.add_parser(
        "values",
        help="write every computed value, hidden ones included, for analysts (INTERNAL, never distribute)",
        description="Write every value a document kind computes (indicator, area, period, category, "
        "value, unit, verborgen ja/nee) for the selected regions and all regions, as CSV or XLSX. "
        "The file includes values hidden by small-count suppression: it is for internal analysis "
        "only and must never be distributed.",
    )
    _add_common(v)
    v.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="a .csv or .xlsx file (default: output/<kind>-<edition>-intern-waarden.csv)",
    )

    s = sub.add_parser(
        "synth",
        help="write the built-in example data set as CSV files",
        description="Write the seeded synthetic data set (the default input of 'build') as CSV.",
    )
    s.add_argument(
        "--out", type=Path, default=Path("output/voorbeelddata"), metavar="DIR", help="(default: %(default)s)"
    )
    s.add_argument("--seed", type=int, default=2023, help="random seed (default: %(default)s)")
    s.add_argument(
        "--scale",
        default="1",
        help="size factor, or 'national' for a national-size set of about 400.000 clients (default: 1)",
    )

    n = sub.add_parser(
        "new-edition",
        help="scaffold next year's content from last year's",
        description="Copy content/<from>/ to content/<edition>/ with every narrative marked concept.",
    )
    n.add_argument("edition", type=edition_year, help="the new edition year, e.g. 2024")
    n.add_argument(
        "--from", dest="source", type=edition_year, required=True, help="the edition to start from, e.g. 2023"
    )
    n.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="(default: %(default)s)")

    w = sub.add_parser(
        "watch",
        help="while editing: check and rebuild the affected documents on every save",
        description="Watch the content, layout and data folders; on every save check and rebuild "
        "only the documents the change affects, printing the check's messages and the files written. "
        "Stop with Ctrl-C.",
    )
    _add_common(w)
    w.add_argument("--format", default="pptx,pdf", help="comma-separated: pptx, pdf (default: %(default)s)")
    w.add_argument(
        "--out", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: %(default)s)"
    )
    w.add_argument("--interval", type=float, default=0.5, metavar="S", help="seconds between polls (default: 0.5)")

    sub.add_parser("regions", help="list the region ids and names")
    from reportgen.distribute.command import add_parser as add_distribute

    add_distribute(sub)
    from reportgen.disclosure.command import add_parser as add_audit_disclosure

    add_audit_disclosure(sub)
    return parser


def _print_problems(problems: Sequence[Problem]) -> None:
    for p in problems:
        print(str(p), file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from reportgen import pipeline  # imported late so --help stays fast

    if args.command == "audit-disclosure":
        from reportgen.disclosure.command import run as audit_disclosure

        return audit_disclosure(args)
    if args.command == "regions":
        for r in REGIONS:
            print(f"{r.id:<22} {r.name}")
        return 0
    if args.command == "synth":
        written = pipeline.write_example_data(args.out, seed=args.seed, scale=args.scale)
        print(f"wrote {len(written)} files to {args.out}")
        return 0
    if args.command == "new-edition":
        written = pipeline.new_edition(args.content, args.edition, args.source)
        print(f"wrote {len(written)} files under {args.content / str(args.edition)}; all marked concept")
        return 0
    if args.command == "values":
        path = pipeline.export_values(pipeline.Options.from_args(args), args.out)
        print(f"wrote {path} (internal: includes hidden values; do not distribute)")
        return 0
    if args.command == "check":
        code = 0
        for kind_args in _per_kind(args):
            report = pipeline.check(pipeline.Options.from_args(kind_args))
            _print_problems(report.problems)
            print(report.summary(), file=sys.stderr)
            code = max(code, 1 if report.errors else 0)
        return code
    if args.command == "watch":
        from reportgen.watch import Watcher, run

        watcher = Watcher(pipeline.Options.from_args(args))
        print(f"watching {', '.join(str(f) for f in watcher.folders)}; Ctrl-C stops", file=sys.stderr)
        return run(watcher, lambda line: print(line, flush=True), interval=max(args.interval, 0.05))
    if args.command == "distribute":
        from reportgen.distribute.command import run as distribute

        return distribute(args)
    if args.command == "build":
        started = time.perf_counter()
        failed = False
        for kind_args in _per_kind(args):
            options = pipeline.Options.from_args(kind_args)
            progress = None if args.quiet else _Progress()
            result = pipeline.build(options, progress=progress)
            _print_problems(result.problems)
            for line in result.summary_lines():
                print(line)
            if result.failed:
                print(result.failure_summary(), file=sys.stderr)
                failed = True
        if failed:
            return 1
        print(f"done in {time.perf_counter() - started:.1f} s")
        return 0
    raise UsageError("no command given; see 'reportgen --help'")


ALL_KINDS = "all"


def _per_kind(args: argparse.Namespace) -> list[argparse.Namespace]:
    """The arguments once per document kind: every built-in kind for `--document all`."""
    if args.document != ALL_KINDS:
        return [args]
    if args.layout is not None:
        raise UsageError("--layout names one kind's layout; use it with one --document, not 'all'")
    return [argparse.Namespace(**{**vars(args), "document": kind}) for kind in kind_ids()]


class _Progress:
    """A one-line progress bar on a terminal; plain lines otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def __call__(self, region: str, step: str, done: int, total: int) -> None:
        if not region:  # a stage before the regions: loading, computing, checking
            print(f"{step} ...", file=sys.stderr, flush=True)
            return
        width = 24
        filled = int(width * done / max(total, 1))
        line = f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} {region}: {step}"
        if self.tty:
            print(f"\r{line:<78}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif step == "done":
            print(line, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        with interrupts_remembered():
            code = _run(args)
            stop_if_interrupted()  # an interrupt something swallowed still ends the run
            return code
    except UsageError as exc:
        print(f"reportgen: {exc}", file=sys.stderr)
        return 2
    except ReportgenError as exc:
        _print_problems(exc.problems)
        print(
            f"reportgen: stopped: {len(exc.problems)} problem(s) in the {exc.category}; nothing was written",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("reportgen: interrupted; files already written are complete, others untouched", file=sys.stderr)
        return INTERRUPTED_EXIT
