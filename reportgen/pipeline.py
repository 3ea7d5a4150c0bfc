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
from dataclasses import replace
from pathlib import Path

from reportgen.errors import ContentError, ReportgenError, UsageError
from reportgen.options import FORMATS, BuildResult, CheckReport, Options, Progress
from reportgen.prepare import (
    Prepared,
    compute_values,
    example_dataset,
    layout_of,
    load_data,
    narrowed_to_data,
    prepare,
    read_contents,
    subjects_of,
    values_of,
)

__all__ = [
    "FORMATS",
    "BuildResult",
    "CheckReport",
    "Options",
    "Prepared",
    "Progress",
    "build",
    "check",
    "compute_values",
    "example_dataset",
    "export_values",
    "load_data",
    "prepare",
    "read_contents",
]


def check(options: Options) -> CheckReport:
    """Check every selected document's content, then assemble each (without rendering),
    so that a problem `build` would meet is reported here."""
    from reportgen.jobs import assembly_problems

    prepared = prepare(options)
    problems = list(prepared.problems)
    if not any(p.severity == "error" for p in problems):
        jobs = prepared.jobs()
        workers = _workers(prepared.options, len(jobs))
        if workers == 1:
            found = [assembly_problems(job) for job in jobs]
        else:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                found = list(pool.map(assembly_problems, jobs))
        problems += [p for each in found for p in each]
    from reportgen.distribute.template import distribution_problems

    problems += distribution_problems(prepared.options.content_dir, prepared.options.edition)
    return CheckReport(problems, prepared.options.regions)


def _workers(options: Options, documents: int) -> int:
    """Worker processes: one per core, never more than documents; 1 means in this process."""
    if options.jobs is not None:
        return max(1, min(options.jobs, documents))
    return max(1, min(os.cpu_count() or 1, documents))


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
    A document whose inputs are those of its last build, with its files unchanged since,
    is not made again (`BuildResult.unchanged`); see reportgen/cache/plan.py.
    """
    from reportgen.cache.plan import plan_build, remember

    planned: list = []
    plan = plan_build(options, planned, use_record=options.use_cache)
    if not plan.stale:
        return BuildResult(problems=planned, unchanged=list(plan.fresh))
    result = _build(replace(options, regions=plan.stale), progress)
    result.problems[:0] = planned
    result.unchanged = list(plan.fresh)
    remember(plan, result.written)
    return result


def _preload_renderers(formats: tuple[str, ...]) -> None:
    """Import the renderers once, before the worker pool forks, so no worker imports them again."""
    import reportgen.layout.assemble  # noqa: F401

    if "pptx" in formats:
        import reportgen.render.pptx  # noqa: F401
    if "pdf" in formats:
        import reportgen.render.pdf  # noqa: F401


def _build(options: Options, progress: Progress | None) -> BuildResult:
    """Build and write every selected document (see `build`)."""
    from reportgen.interrupt import ignore_interrupts, stop_if_interrupted, stop_workers
    from reportgen.jobs import document_files
    from reportgen.write import WriteError, write_all_atomic

    done = 0
    total = len(options.regions)  # until the subjects are known

    def report(subject: str, step: str) -> None:
        if progress is not None:
            progress(subject, step, done, total)

    prepared = prepare(options, lambda step: report("", step))
    options = prepared.options
    problems = prepared.problems
    report("", "checking disclosure")
    prepared.refuse_disclosing()
    if any(p.severity == "error" for p in problems) and not options.draft:
        raise ContentError(problems)
    result = BuildResult(problems=problems)
    jobs = prepared.jobs()
    total = len(jobs)

    def finish(subject: str, make: Callable[[], dict[Path, bytes]]) -> None:
        nonlocal done
        stop_if_interrupted()  # also when a finalizer swallowed the KeyboardInterrupt
        try:
            result.written[subject] = write_all_atomic(make())
        except WriteError as exc:  # e.g. a full disk: named, and the other documents still try
            result.failed[subject] = str(exc)
        except Exception as exc:  # one document's failure must not cost the others their files
            result.failed[subject] = _failure(exc)
        done += 1
        report(subject, "done")

    workers = _workers(options, len(jobs))
    if workers == 1:
        for job in jobs:
            report(job.subject.id, "building")
            finish(job.subject.id, lambda job=job: document_files(job))
    else:
        _preload_renderers(options.formats)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_interrupts) as pool:
            try:
                futures = {pool.submit(document_files, job): job.subject.id for job in jobs}
                for future in as_completed(futures):
                    finish(futures[future], future.result)
            except KeyboardInterrupt:
                stop_workers(pool)
                raise
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
        if not 0 < factor <= 2 * national_scale():  # also refuses nan and inf
            raise UsageError(f"--scale {scale!r}: expected a number above 0 and at most {2 * national_scale():.0f}")
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
    layout = layout_of(options)
    dataset = load_data(options)
    options, _ = narrowed_to_data(options, dataset)
    values = values_of(layout, dataset, options)
    table = internal_values_table(values, subjects_of(layout, options, dataset))
    path = out if out is not None else options.out_dir / default_values_name(layout.kind.id, options.edition)
    write_all_atomic({path: table_bytes(table, path)})
    return path
