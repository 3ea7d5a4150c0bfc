"""One document's files: assemble, render each format, and the audit CSV, as bytes.

A `DocumentJob` carries everything needed, so a worker process can make a document alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.kinds.spec import Subject, edition_fields

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def source_date() -> str | None:
    """The document date fixed by SOURCE_DATE_EPOCH (seconds since 1970, UTC), if set.

    For reproducible-build tooling; without it the date comes from the content.
    """
    epoch = os.environ.get(EPOCH_VARIABLE, "").strip()
    if not epoch:
        return None
    try:
        when = datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise UsageError(f"{EPOCH_VARIABLE} must be whole seconds since 1970, got {epoch!r}") from exc
    return when.replace(tzinfo=None).isoformat()


def output_stem(layout, subject: Subject, edition: int) -> str:
    """File name without extension, from the layout's template (checked when it was loaded)."""
    return layout.file_name.format(**subject.fields(), **edition_fields(edition))


def audit_bytes(values: pd.DataFrame, doc, min_count: int) -> bytes:
    """The audit CSV of a document: exactly the values it prints, hidden ones empty and marked."""
    from reportgen.indicators.audit import audit_csv_bytes, document_derived, document_refs, printed_table

    return audit_csv_bytes(printed_table(values, document_refs(doc), min_count, document_derived(doc)))


@dataclass(frozen=True)
class DocumentJob:
    """Everything needed to make one subject's files."""

    layout: object
    registry: dict
    values: object
    content: object
    subject: Subject
    edition: int
    formats: tuple[str, ...]
    target: Path
    draft: bool
    example_data: bool
    created: str | None = None
    use_cache: bool = True  # False (--no-cache): every chart is drawn, none read from or stored in the cache
    kept_as: str | None = None  # the input key to keep the assembled Document under (None: not kept)
    problems: tuple[Problem, ...] = ()  # what its preparation reported, kept with the Document


def assembled(job: DocumentJob, values=None):
    """The job's Document (`values` may be an index built once for many jobs)."""
    from reportgen.layout.assemble import assemble_document

    return assemble_document(
        layout=job.layout,
        registry=job.registry,
        values=values if values is not None else job.values,
        subject=job.subject,
        edition=job.edition,
        content=job.content,
        created=job.created,
        draft=job.draft,
        example_data=job.example_data,
    )


def assembly_problems(job: DocumentJob) -> list[Problem]:
    """What stops the job's Document from being assembled (e.g. a generated text that
    does not fit its frame), so `check` reports what `build` would refuse."""
    from reportgen.cache.chartstore import chart_cache
    from reportgen.charts.pictures import pictures_for

    try:
        with pictures_for(()), chart_cache(job.use_cache):  # nothing is written, so no chart picture is saved
            assembled(job)
    except ReportgenError as exc:
        return [replace(p, message=f"{job.subject.id}: {p.message}") if not p.source else p for p in exc.problems]
    return []


def document_files(job: DocumentJob) -> dict[Path, bytes]:
    """Assemble and render one subject: file path -> bytes, nothing written yet. Charts
    save only the pictures the job's formats use, an unchanged chart comes from the cache,
    and the Document is kept for later builds when the job says under which key (see
    reportgen/cache/models.py)."""
    from reportgen.cache.chartstore import chart_cache
    from reportgen.cache.models import KeptModel, keep_model, rendered_files
    from reportgen.charts.pictures import pictures_for

    with pictures_for(job.formats), chart_cache(job.use_cache):
        doc = assembled(job)
    kept = KeptModel(
        document=doc,
        audit=audit_bytes(job.values, doc, job.layout.settings.min_count),
        stem=output_stem(job.layout, job.subject, job.edition),
        formats=job.formats,
        problems=job.problems,
    )
    files = rendered_files(kept, job.formats, job.target)
    if job.kept_as is not None:  # only a document that renders is kept
        keep_model(job.kept_as, kept)
    return files
