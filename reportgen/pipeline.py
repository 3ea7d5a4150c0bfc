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
    is not made again (`BuildResult.unchanged`); see reportgen/cache/plan.py. One whose
    Document was kept by an earlier build with the same inputs is rendered from it alone
    (reportgen/cache/models.py).
    """
    from reportgen.cache.plan import plan_build, remember

    planned: list = []
    plan = plan_build(options, planned, use_record=options.use_cache)
    if not plan.stale:
        return BuildResult(problems=planned, unchanged=list(plan.fresh))
    kept = _kept_models(options, plan.stale, plan.inputs, planned) if options.use_cache else {}
    result = BuildResult(problems=planned, unchanged=list(plan.fresh))
    parts = []
    missing = tuple(s for s in plan.stale if s not in kept)
    if missing:  # first: its content errors or the disclosure gate stop the build before anything is written
        parts.append(_build(replace(options, regions=missing), progress, plan.inputs if options.use_cache else None))
    if kept:
        parts.append(_render_kept(replace(options, regions=tuple(kept)), kept, progress))
    for part in parts:
        result.problems += [p for p in part.problems if p not in result.problems]
        result.written.update(part.written)
        result.failed.update(part.failed)
    result.written = {s: result.written[s] for s in plan.stale if s in result.written}
    remember(plan, result.written)
    return result


def _kept_models(options: Options, subjects: tuple[str, ...], inputs: dict[str, str], warnings: list) -> dict:
    """Subject id -> its kept Document model, for the subjects that have one for the options' formats."""
    from reportgen.cache.models import kept_model

    found = {s: kept_model(inputs[s], options.formats, warnings) for s in subjects}
    return {s: kept for s, kept in found.items() if kept is not None}


def _render_kept(options: Options, kept: dict, progress: Progress | None) -> BuildResult:
    """Write the files of documents rendered from their kept models (no data, content or charts read).
    Their problems are those their preparation reported when they were made."""
    from reportgen.cache.models import rendered_files

    result = BuildResult(problems=list(dict.fromkeys(p for k in kept.values() for p in k.problems)))
    target = options.out_dir / str(options.edition)
    tasks = [(s, rendered_files, (k, options.formats, target)) for s, k in kept.items()]
    _produce(options, tasks, result, progress, assembly=False)
    return result


def _preload_renderers(formats: tuple[str, ...], assembly: bool) -> None:
    """Import the renderers once, before the worker pool forks, so no worker imports them again."""
    if assembly:
        import reportgen.layout.assemble  # noqa: F401

    if "pptx" in formats:
        import reportgen.render.pptx  # noqa: F401
    if "pdf" in formats:
        import reportgen.render.pdf  # noqa: F401


Task = tuple[str, Callable[..., dict[Path, bytes]], tuple]
"""A document to make: its subject id, and a function with arguments that returns its files."""


def _produce(
    options: Options, tasks: list[Task], result: BuildResult, progress: Progress | None, assembly: bool = True
) -> None:
    """Make and write the files of every task, in worker processes when there are several;
    each task's files are written together as soon as they are made (see `build`). `assembly`:
    whether the tasks assemble documents (else they render kept ones, and the workers need
    only the renderers)."""
    from reportgen.interrupt import ignore_interrupts, stop_if_interrupted, stop_workers
    from reportgen.write import WriteError, write_all_atomic

    done = 0

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
        if progress is not None:
            progress(subject, "done", done, len(tasks))

    workers = _workers(options, len(tasks))
    if workers == 1:
        for subject, make, args in tasks:
            if progress is not None:
                progress(subject, "building", done, len(tasks))
            finish(subject, lambda make=make, args=args: make(*args))
        return
    _preload_renderers(options.formats, assembly)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_interrupts) as pool:
        try:
            futures = {pool.submit(make, *args): subject for subject, make, args in tasks}
            for future in as_completed(futures):
                finish(futures[future], future.result)
        except KeyboardInterrupt:
            stop_workers(pool)
            raise


def _build(options: Options, progress: Progress | None, kept_as: dict[str, str] | None = None) -> BuildResult:
    """Build and write every selected document (see `build`), keeping each Document under
    its key in `kept_as` (None: none kept)."""
    from reportgen.jobs import document_files

    def report(step: str) -> None:
        if progress is not None:
            progress("", step, 0, len(options.regions))

    prepared = prepare(options, report)
    options = prepared.options
    problems = prepared.problems
    report("checking disclosure")
    _refuse_disclosing(prepared)
    if any(p.severity == "error" for p in problems) and not options.draft:
        raise ContentError(problems)
    result = BuildResult(problems=problems)
    tasks = [(job.subject.id, document_files, (job,)) for job in prepared.jobs(kept_as)]
    _produce(options, tasks, result, progress)
    order = [s.id for s in prepared.subjects]
    result.written = {s: result.written[s] for s in order if s in result.written}
    return result


def _refuse_disclosing(prepared: Prepared) -> None:
    """The edition-wide disclosure gate (see `Prepared.refuse_disclosing`), skipped when it passed
    before on the same code, layout folder (threshold, registry), data, kind and edition."""
    from reportgen.cache.cached import edition_gate_digest, passed_before, remember_passed

    o = prepared.options
    digest = edition_gate_digest(o) if o.use_cache else ""
    if o.use_cache and passed_before(GATE_CHECK, digest, prepared.problems):
        return
    prepared.refuse_disclosing()
    if o.use_cache:
        remember_passed(GATE_CHECK, digest)


GATE_CHECK = "edition-gate"


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
