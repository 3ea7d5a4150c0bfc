"""`reportgen audit-disclosure`: attack an edition's published files as a hostile reader would.

Reads every audit CSV of an edition (all document kinds, or those named), sets up the
relations the published values impose, and lists every hidden count whose feasible interval
is narrower than the small-count threshold. Exit code 0 when there is none, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_EDITION = 2023
DEFAULT_MIN_COUNT = 10


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The audit-disclosure subcommand."""
    p = subparsers.add_parser(
        "audit-disclosure",
        help="check that no hidden small count can be worked out from an edition's published files",
        description="Read the audit CSV of every document of an edition, combine all published values "
        "(totals, all-regions figures, shares, rates, 'n =' totals) and report every hidden count whose "
        "possible range is narrower than the small-count threshold. Exit code 1 when any is found.",
    )
    p.add_argument(
        "--out", type=Path, default=Path("output"), metavar="DIR", help="build output folder (default: %(default)s)"
    )
    p.add_argument("--edition", type=int, default=DEFAULT_EDITION, help="edition year (default: %(default)s)")
    p.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="KIND",
        help="document kind, e.g. regioplan-ggz; repeat for several (default: every kind in the folder)",
    )
    p.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="input tables, for the municipalities of each region (default: the built-in example data)",
    )
    p.add_argument(
        "--min-count", type=int, default=DEFAULT_MIN_COUNT, help="small-count threshold (default: %(default)s)"
    )
    return p


def _gemeenten(data: Path | None):
    """The municipality table that says which areas add up to which."""
    if data is not None:
        from reportgen.data.load import load_dataset

        return load_dataset(data).gemeenten
    from reportgen.data.example_cache import cached_example_dataset

    return cached_example_dataset().gemeenten


def run(args: argparse.Namespace) -> int:
    """Audit the files, print the findings; 0 when none, 1 when any."""
    # imported here, not with the parser: every other command would pay for scipy and pandas
    from reportgen.disclosure.findings import disclosure_findings
    from reportgen.disclosure.published import edition_files, read_published
    from reportgen.disclosure.relations import Hierarchy

    folder = args.out / str(args.edition)
    paths = edition_files(folder, args.edition, args.document)
    if not paths:
        print(f"reportgen: no audit files (*-audit.csv) under {folder}", file=sys.stderr)
        return 1
    cells = read_published(paths)
    findings = disclosure_findings(cells, Hierarchy.from_gemeenten(_gemeenten(args.data)), args.min_count)
    for finding in findings:
        print(finding.describe())
    hidden = int((~cells["published"]).sum())
    print(
        f"{len(paths)} file(s), {len(cells)} value(s), {hidden} hidden: "
        f"{len(findings)} hidden count(s) can be worked out to within {args.min_count}",
        file=sys.stderr,
    )
    return 1 if findings else 0
