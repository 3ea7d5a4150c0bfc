"""The one place that knows the order of the stages.

load layout (and its kind) -> load data -> compute the kind's values -> read and check
content -> assemble a Document per subject -> render PPTX and PDF -> write atomically.
`check` and `build` share the preparation; `check` also assembles every document, so
whatever `build` would refuse is reported first. Nothing here prints: progress goes to a callback.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from reportgen.data.regions import REGION_IDS
from reportgen.errors import ContentError, DataError, Problem, ReportgenError, UsageError
from reportgen.kinds import DEFAULT_KIND, get_kind
from reportgen.kinds.spec import Subject
from reportgen.options import FORMATS, BuildResult, CheckReport, Options, Progress

__all__ = ["FORMATS", "BuildResult", "CheckReport", "Options", "Progress", "build", "check", "prepare"]


def _layout(options: Options):
    from reportgen.layout.load import default_layout_path, load_layout

    return load_layout(options.layout_path or default_layout_path(options.document), options.document)


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


def narrowed_to_data(options: Options, dataset) -> tuple[Options, list[Problem]]:
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


def compute_values(dataset, edition: int, min_count: int, document: str = DEFAULT_KIND):
    """The tidy indicator frame of a document kind for an edition, small counts suppressed."""
    kind = get_kind(document)
    if kind is None:
        raise UsageError(f"unknown document kind {document!r}")
    return kind.values(dataset, edition, min_count)


def _subjects(layout, options: Options, dataset=None) -> tuple[Subject, ...]:
    return tuple(layout.kind.subjects(dataset, options.regions))


def read_contents(
    options: Options, layout, values, subjects: tuple[Subject, ...] | None = None
) -> tuple[dict[str, object], list[Problem]]:
    """Every subject's content, read once, and all problems found in it.

    The same reading serves the check and the assembly, so what was checked is what is printed.
    """
    from reportgen.content import read_region_content
    from reportgen.kinds.spec import base_variables
    from reportgen.layout.assemble import headline_problems
    from reportgen.layout.load import section_slots
    from reportgen.values import Values

    slots = section_slots(layout)
    indexed = values if isinstance(values, Values) else Values(values)  # one index for every subject
    contents: dict[str, object] = {}
    problems: list[Problem] = []
    for subject in subjects if subjects is not None else _subjects(layout, options):
        variables = {
            **base_variables(subject, options.edition),
            **layout.kind.variables(indexed, subject, options.edition),
        }
        content, found = read_region_content(
            options.content_dir, options.edition, subject.id, slots, variables, layout.kind.headline_ids
        )
        contents[subject.id] = content
        problems += found
        problems += headline_problems(layout, indexed, subject, content, options.edition)
    return contents, list(dict.fromkeys(problems))  # national files are read per subject: report each once


@dataclass
class Prepared:
    """What check and build share: the layout, registry, values, subjects, their content and problems."""

    options: Options
    layout: object
    registry: dict
    values: object
    subjects: tuple[Subject, ...]
    contents: dict[str, object]
    problems: list[Problem]

    def jobs(self):
        """One job per subject, for assembly (and rendering) alone."""
        from reportgen.jobs import DocumentJob, source_date

        created = source_date()
        o = self.options
        return [
            DocumentJob(
                layout=self.layout,
                registry=self.registry,
                values=self.values,
                content=self.contents[s.id],
                subject=s,
                edition=o.edition,
                formats=o.formats,
                target=o.out_dir / str(o.edition),
                draft=o.draft,
                example_data=o.data_dir is None,
                created=created,
            )
            for s in self.subjects
        ]


def prepare(options: Options, report: Callable[[str], None] = lambda step: None) -> Prepared:
    """Layout (checked against its kind), registry, data, values and content, with every problem found."""
    from reportgen.indicators.registry import load_registry

    layout = _layout(options)
    registry = load_registry()
    report("loading data")
    warnings: list[Problem] = []
    dataset = load_data(options, warnings)
    options, skipped = narrowed_to_data(options, dataset)
    report("computing indicators")
    values = layout.kind.values(dataset, options.edition, layout.settings.min_count)
    report("checking content")
    subjects = _subjects(layout, options, dataset)
    contents, found = read_contents(options, layout, values, subjects)
    return Prepared(options, layout, registry, values, subjects, contents, warnings + skipped + found)


def check(options: Options) -> CheckReport:
    """Check every selected document's content, then assemble each (without rendering),
    so that a problem `build` would meet is reported here."""
    from reportgen.jobs import assembled
    from reportgen.values import Values

    prepared = prepare(options)
    problems = list(prepared.problems)
    if not any(p.severity == "error" for p in problems):
        indexed = Values(prepared.values)
        for job in prepared.jobs():
            try:
                assembled(job, indexed)
            except ReportgenError as exc:
                problems += exc.problems
    return CheckReport(problems, prepared.options.regions)


def _workers(options: Options) -> int:
    """Worker processes: one per core, never more than documents; 1 means in this process."""
    if options.jobs is not None:
        return max(1, min(options.jobs, len(options.regions)))
    return max(1, min(os.cpu_count() or 1, len(options.regions)))


def _failure(exc: BaseException) -> str:
    """Why a document failed, in one line."""
    if isinstance(exc, ReportgenError):
        return "; ".join(str(p) for p in exc.problems) or exc.category
    return f"{type(exc).__name__}: {exc}"


def build(options: Options, progress: Progress | None = None) -> BuildResult:
    """Check, then build and write every selected document.

    Content errors stop the build before anything is written, unless `draft`; then the
    affected pages carry a CONCEPT marker. Each document's files are written together,
    atomically, as soon as it is made: one that fails for any reason is reported in
    `BuildResult.failed` with its cause and leaves its earlier files untouched; the
    others are still built, and `BuildResult.written` lists exactly what was written.
    """
    from reportgen.jobs import document_files
    from reportgen.write import write_all_atomic

    done = 0

    def report(subject: str, step: str) -> None:
        if progress is not None:
            progress(subject, step, done, len(options.regions))

    prepared = prepare(options, lambda step: report("", step))
    options = prepared.options
    problems = prepared.problems
    if any(p.severity == "error" for p in problems) and not options.draft:
        raise ContentError(problems)
    result = BuildResult(problems=problems)
    jobs = prepared.jobs()

    def finish(subject: str, make: Callable[[], dict[Path, bytes]]) -> None:
        nonlocal done
        try:
            result.written[subject] = write_all_atomic(make())
        except Exception as exc:  # one document's failure must not cost the others their files
            result.failed[subject] = _failure(exc)
        done += 1
        report(subject, "done")

    workers = _workers(options)
    if workers == 1:
        for job in jobs:
            report(job.subject.id, "building")
            finish(job.subject.id, lambda job=job: document_files(job))
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(document_files, job): job.subject.id for job in jobs}
            for future in as_completed(futures):
                finish(futures[future], future.result)
    order = [s.id for s in prepared.subjects]
    result.written = {s: result.written[s] for s in order if s in result.written}
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
        if factor <= 0:
            raise UsageError(f"--scale {scale!r}: must be greater than 0")
    return write_dataset(synthesize(seed=seed, scale=factor), out)


def new_edition(content_dir: Path, edition: int, source: int) -> list[Path]:
    """Scaffold next year's content from an earlier edition."""
    from reportgen.content import new_edition as scaffold

    return scaffold(content_dir, edition, source)


def export_values(options: Options, out: Path | None = None) -> Path:
    """Write every computed value of the kind for the selected subjects (hidden ones
    included) to an internal CSV or XLSX for analysts; returns the path written."""
    from reportgen.export import SUFFIXES, default_values_name, internal_values_table, table_bytes
    from reportgen.write import write_all_atomic

    if out is not None and out.suffix.lower() not in SUFFIXES:
        raise UsageError(f"--out {out}: expected a file name ending in .csv or .xlsx")
    layout = _layout(options)
    dataset = load_data(options)
    options, _ = narrowed_to_data(options, dataset)
    values = layout.kind.values(dataset, options.edition, layout.settings.min_count)
    table = internal_values_table(values, _subjects(layout, options, dataset))
    path = out if out is not None else options.out_dir / default_values_name(layout.kind.id, options.edition)
    write_all_atomic({path: table_bytes(table, path)})
    return path
