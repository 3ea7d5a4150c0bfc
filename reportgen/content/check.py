"""`reportgen check` for one region: every problem in its narrative, in file order.

Editors run the check before asking for a deck; it reports what building would run
into (errors) and what deserves a look (warnings), each with the file, the line and
how to fix it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from reportgen.content.loader import read_subject_content
from reportgen.content.slots import SectionSlot
from reportgen.errors import Problem


def check_region(
    content_dir: Path,
    edition: int,
    region: str,
    slots: Mapping[str, SectionSlot],
    variables: Mapping[str, str],
    headline_ids: Collection[str],
) -> list[Problem]:
    """All problems of a region's content for an edition, sorted by file then line.

    File names are built on `content_dir` as given, so a relative directory gives
    messages with paths relative to the current directory.
    """
    _, problems = read_subject_content(content_dir, edition, region, slots, variables, headline_ids)
    return problems


def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem is an error (the check then fails)."""
    return any(p.severity != "warning" for p in problems)
