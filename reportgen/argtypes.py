"""Command-line values checked as argparse reads them, so an absurd one is a usage error
(exit code 2) before any work, not a hang or a traceback deep inside a stage."""

from __future__ import annotations

import argparse
import re

FIRST_EDITION, LAST_EDITION = 2000, 2100
"""Edition years reportgen accepts; a typo such as 20233 would otherwise run for hours."""


def edition_year(text: str) -> int:
    """An edition year from the command line; raises ArgumentTypeError when it is not one."""
    if not re.fullmatch(r"[0-9]{1,9}", text.strip()):  # int() would also take '２０２３'
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (expected e.g. 2023)")
    year = int(text)
    if not FIRST_EDITION <= year <= LAST_EDITION:
        raise argparse.ArgumentTypeError(f"{year} is not a plausible edition year ({FIRST_EDITION}-{LAST_EDITION})")
    return year
