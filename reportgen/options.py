"""What to build and what came of it: the options of `check` and `build`, and their reports."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.data.regions import REGION_IDS
from reportgen.errors import Problem, UsageError
from reportgen.kinds import DEFAULT_KIND, kind_ids

FORMATS = ("pptx", "pdf")
WRITES_TO_OUT = ("build", "watch")  # commands whose --out is a folder of documents
Progress = Callable[[str, str, int, int], None]
"""progress(region, step, regions done, regions in all); region is "" for the stages before the regions."""


@dataclass(frozen=True)
class Options:
    """What to build: regions, edition, inputs, formats and where to write."""

    regions: tuple[str, ...] = REGION_IDS
    edition: int = 2023
    data_dir: Path | None = None
    content_dir: Path = Path("content")
    layout_path: Path | None = None
    formats: tuple[str, ...] = FORMATS
    out_dir: Path = Path("output")
    draft: bool = False
    jobs: int | None = None
    all_regions: bool = True  # the regions were not named: build those the data covers
    document: str = DEFAULT_KIND
    use_cache: bool = True  # False: recompute data and values, rebuild every document (--no-cache)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Options:
        """Options from parsed command-line arguments, checked."""
        regions = tuple(dict.fromkeys(args.region)) if args.region else REGION_IDS
        unknown = [r for r in regions if r not in REGION_IDS]
        if unknown:
            raise UsageError(
                f"unknown region {', '.join(repr(r) for r in unknown)}; the regions are: {', '.join(REGION_IDS)}"
            )
        formats: tuple[str, ...] = FORMATS
        if getattr(args, "format", None):
            formats = tuple(dict.fromkeys(f.strip().lower() for f in args.format.split(",") if f.strip()))
            bad = [f for f in formats if f not in FORMATS]
            if bad or not formats:
                raise UsageError(f"unknown format {', '.join(bad) or '(none)'}; choose from: pptx, pdf")
        document = getattr(args, "document", None) or DEFAULT_KIND
        if document not in kind_ids():
            raise UsageError(f"unknown document kind {document!r}; the kinds are: {', '.join(kind_ids())}")
        if args.data is not None and not Path(args.data).is_dir():
            raise UsageError(f"--data {args.data}: no such folder")
        return cls(
            regions=regions,
            edition=args.edition,
            data_dir=args.data,
            content_dir=args.content,
            layout_path=args.layout,
            formats=formats,
            out_dir=(getattr(args, "out", None) if getattr(args, "command", "") in WRITES_TO_OUT else None)
            or Path("output"),
            draft=getattr(args, "draft", False),
            jobs=getattr(args, "jobs", None),
            all_regions=not args.region,
            document=document,
            use_cache=not getattr(args, "no_cache", False),
        )


@dataclass
class CheckReport:
    """Problems found by `check`, all regions together."""

    problems: list[Problem]
    regions: tuple[str, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def summary(self) -> str:
        warnings = len(self.problems) - len(self.errors)
        verdict = "ok" if not self.errors else "fix the errors above, then run the check again"
        return f"checked {len(self.regions)} region(s): {len(self.errors)} error(s), {warnings} warning(s): {verdict}"


@dataclass
class BuildResult:
    """What a build wrote, and the problems it met."""

    written: dict[str, list[Path]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)  # inputs as last built: files left untouched

    def summary_lines(self) -> list[str]:
        lines = []
        for region, paths in self.written.items():
            lines.append(f"{region}: " + ", ".join(str(p) for p in paths))
        n = sum(len(p) for p in self.written.values())
        lines.append(f"wrote {n} files for {len(self.written)} region(s)")
        if self.unchanged:
            lines.append(f"unchanged since the last build, not rewritten: {', '.join(self.unchanged)}")
        return lines

    def failure_summary(self) -> str:
        failed = ", ".join(f"{r} ({why})" for r, why in self.failed.items())
        return f"reportgen: build failed for {failed}; their earlier outputs are untouched"
