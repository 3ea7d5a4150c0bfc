"""The one place that knows the order of the stages.

load data -> compute indicators -> check content -> assemble a Document per region ->
render PPTX and PDF -> write atomically. Nothing here prints: progress goes to a callback.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from reportgen.data.regions import REGION_IDS, REGION_NAMES
from reportgen.errors import ContentError, DataError, Problem, ReportgenError, UsageError

FORMATS = ("pptx", "pdf")
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
        if args.data is not None and not Path(args.data).is_dir():
            raise UsageError(f"--data {args.data}: no such folder")
        return cls(
            regions=regions,
            edition=args.edition,
            data_dir=args.data,
            content_dir=args.content,
            layout_path=args.layout,
            formats=formats,
            out_dir=getattr(args, "out", Path("output")),
            draft=getattr(args, "draft", False),
            jobs=getattr(args, "jobs", None),
            all_regions=not args.region,
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

    def summary_lines(self) -> list[str]:
        lines = []
        for region, paths in self.written.items():
            lines.append(f"{region}: " + ", ".join(str(p) for p in paths))
        n = sum(len(p) for p in self.written.values())
        lines.append(f"wrote {n} files for {len(self.written)} region(s)")
        return lines

    def failure_summary(self) -> str:
        failed = ", ".join(f"{r} ({why})" for r, why in self.failed.items())
        return f"reportgen: build failed for {failed}; their earlier outputs are untouched"


def _layout(options: Options):
    from reportgen.layout.load import default_layout_path, load_layout

    return load_layout(options.layout_path or default_layout_path())


def load_data(options: Options, warnings: list[Problem] | None = None):
    """The dataset: the given folder, validated, or the built-in example data.

    Warnings about the data (e.g. ignored extra columns) are appended to `warnings`.
    """
    if options.data_dir is not None:
        from reportgen.data.load import load_dataset

        return load_dataset(options.data_dir, warnings)
    return example_dataset()


@cache
def example_dataset():
    """The built-in example data, made once per process (indicators never modify it)."""
    from reportgen.data.example_cache import cached_example_dataset

    return cached_example_dataset()


def regions_in_data(options: Options, dataset) -> tuple[Options, list[Problem]]:
    """The options narrowed to the regions the data has municipalities for.

    A region named on the command line without data is an error; when all regions were
    asked for by default, those without data are skipped with a warning.
    """
    present = set(dataset.gemeenten["regio"].astype(str))
    missing = [r for r in options.regions if r not in present]
    if not missing:
        return options, []
    source = dataset.source or "the data"
    covered = [r for r in REGION_IDS if r in present]
    if not options.all_regions or not covered:
        listed = ", ".join(covered) or "none"
        raise DataError(
            [
                Problem(
                    f"region {', '.join(repr(r) for r in missing)} has no municipalities in gemeenten "
                    f"of {source}; the regions in the data are: {listed}"
                )
            ]
        )
    note = Problem(f"no data for {', '.join(missing)} in {source}: these regions are skipped", severity="warning")
    return replace(options, regions=tuple(r for r in options.regions if r in present)), [note]


def compute_values(dataset, edition: int, min_count: int):
    """The tidy indicator frame for an edition, small counts suppressed."""
    from reportgen.indicators import compute_regioplan

    return compute_regioplan(dataset, edition, min_count=min_count)


def read_contents(options: Options, layout, values) -> tuple[dict[str, object], list[Problem]]:
    """Every selected region's content, read once, and all problems found in it.

    The same reading serves the check and the assembly, so what was checked is what is printed.
    """
    from reportgen.content import read_region_content
    from reportgen.layout.assemble import HEADLINE_IDS, headline_problems, region_variables
    from reportgen.layout.load import section_slots
    from reportgen.values import Values

    slots = section_slots(layout)
    indexed = Values(values)  # one index for every region's variables and headlines
    contents: dict[str, object] = {}
    problems: list[Problem] = []
    for region in options.regions:
        variables = region_variables(indexed, region, options.edition)
        content, found = read_region_content(
            options.content_dir, options.edition, region, slots, variables, HEADLINE_IDS
        )
        contents[region] = content
        problems += found
        problems += headline_problems(layout, indexed, region, content, options.edition)
    return contents, list(dict.fromkeys(problems))  # national files are read per region: report each once


def check(options: Options) -> CheckReport:
    """Check every selected region's content (with the data's values for variables and fit)."""
    from reportgen.indicators.registry import load_registry

    layout = _layout(options)
    load_registry()  # so that a broken registry is reported by the check as well
    warnings: list[Problem] = []
    dataset = load_data(options, warnings)
    options, skipped = regions_in_data(options, dataset)
    values = compute_values(dataset, options.edition, layout.settings.min_count)
    _, problems = read_contents(options, layout, values)
    warnings += skipped
    return CheckReport(warnings + problems, options.regions)


def output_stem(layout, region: str, edition: int) -> str:
    """File name without extension, from the layout's template."""
    return layout.file_name.format(editie=edition, volgend_jaar=edition + 1, regio=region)


@dataclass(frozen=True)
class RegionJob:
    """Everything needed to make one region's files, so a worker process can do it alone."""

    layout: object
    registry: dict
    values: object
    content: object
    region: str
    edition: int
    formats: tuple[str, ...]
    target: Path
    draft: bool
    example_data: bool


def region_files(job: RegionJob) -> dict[Path, bytes]:
    """Assemble and render one region: file path -> bytes, nothing written yet."""
    from reportgen.indicators.audit import audit_csv_bytes, audit_table
    from reportgen.layout.assemble import assemble_region

    doc = assemble_region(
        layout=job.layout,
        registry=job.registry,
        values=job.values,
        region=job.region,
        region_name=REGION_NAMES[job.region],
        edition=job.edition,
        content=job.content,
        draft=job.draft,
        example_data=job.example_data,
    )
    stem = output_stem(job.layout, job.region, job.edition)
    files: dict[Path, bytes] = {}
    if "pptx" in job.formats:
        from reportgen.render.pptx import render_pptx

        files[job.target / f"{stem}.pptx"] = render_pptx(doc, job.layout.template)
    if "pdf" in job.formats:
        from reportgen.render.pdf import render_pdf

        files[job.target / f"{stem}.pdf"] = render_pdf(doc)
    files[job.target / f"{stem}-audit.csv"] = audit_csv_bytes(audit_table(job.values, job.region))
    return files


def _workers(options: Options) -> int:
    """Worker processes: one per core, never more than regions; 1 means in this process."""
    if options.jobs is not None:
        return max(1, min(options.jobs, len(options.regions)))
    return max(1, min(os.cpu_count() or 1, len(options.regions)))


def build(options: Options, progress: Progress | None = None) -> BuildResult:
    """Check, then build and write every selected region.

    Content errors stop the build before anything is written, unless `draft`; then the
    affected pages carry a CONCEPT marker. Each region's files are written together,
    atomically, as soon as that region is made: a region that fails is reported in
    `BuildResult.failed` and leaves its earlier files untouched; the others are still built.
    """
    from reportgen.indicators.registry import load_registry
    from reportgen.interrupt import ignore_interrupts, stop_if_interrupted, stop_workers
    from reportgen.write import WriteError, write_all_atomic

    done = 0

    def report(region: str, step: str) -> None:
        if progress is not None:
            progress(region, step, done, len(options.regions))

    layout = _layout(options)
    registry = load_registry()
    report("", "loading data")
    warnings: list[Problem] = []
    dataset = load_data(options, warnings)
    options, skipped = regions_in_data(options, dataset)
    warnings += skipped
    report("", "computing indicators")
    values = compute_values(dataset, options.edition, layout.settings.min_count)
    report("", "checking content")
    contents, found = read_contents(options, layout, values)
    problems = warnings + found
    if any(p.severity == "error" for p in problems) and not options.draft:
        raise ContentError(problems)
    result = BuildResult(problems=problems)
    jobs = [
        RegionJob(
            layout=layout,
            registry=registry,
            values=values,
            content=contents[region],
            region=region,
            edition=options.edition,
            formats=options.formats,
            target=options.out_dir / str(options.edition),
            draft=options.draft,
            example_data=options.data_dir is None,
        )
        for region in options.regions
    ]

    def finish(region: str, make: Callable[[], dict[Path, bytes]]) -> None:
        nonlocal done
        stop_if_interrupted()  # also when a finalizer swallowed the KeyboardInterrupt
        try:
            result.written[region] = write_all_atomic(make())
        except WriteError as exc:  # e.g. a full disk: named, and the other regions still try
            result.failed[region] = str(exc)
        except ReportgenError:
            raise
        except Exception as exc:  # one region's failure must not cost the others their files
            result.failed[region] = f"{type(exc).__name__}: {exc}"
        done += 1
        report(region, "done")

    workers = _workers(options)
    if workers == 1:
        for job in jobs:
            report(job.region, "building")
            finish(job.region, lambda job=job: region_files(job))
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_interrupts) as pool:
            try:
                futures = {pool.submit(region_files, job): job.region for job in jobs}
                for future in as_completed(futures):
                    finish(futures[future], future.result)
            except KeyboardInterrupt:
                stop_workers(pool)
                raise
    result.written = {r: result.written[r] for r in options.regions if r in result.written}
    return result


def write_example_data(out: Path, seed: int = 2023, scale: str = "1") -> list[Path]:
    """Write the example data set as CSV files (the canonical form of the data contract)."""
    from reportgen.data.synth import national_scale, synthesize
    from reportgen.data.writer import write_dataset

    if scale == "national":
        factor = national_scale()
    else:
        try:
            factor = float(scale)
        except ValueError:
            raise UsageError(f"--scale {scale!r}: expected a number or 'national'") from None
        if not 0 < factor <= 2 * national_scale():  # also refuses nan and inf
            raise UsageError(f"--scale {scale!r}: expected a number above 0 and at most {2 * national_scale():.0f}")
    return write_dataset(synthesize(seed=seed, scale=factor), out)


def new_edition(content_dir: Path, edition: int, source: int) -> list[Path]:
    """Scaffold next year's content from an earlier edition."""
    from reportgen.content import new_edition as scaffold

    return scaffold(content_dir, edition, source)
