"""The one date a rendered file carries, so the same inputs give the same bytes.

Files record when they were made (PDF /CreationDate, PPTX core properties, zip entry
times). Using the clock would make every build differ, so the date comes from the
document (`Document.created`), which assembly sets from the inputs (or from
SOURCE_DATE_EPOCH, read by the pipeline).
"""

from __future__ import annotations

from datetime import UTC, datetime

from reportgen.errors import UsageError
from reportgen.model import Document


def document_datetime(doc: Document) -> datetime:
    """The file date of a rendered document as an aware UTC datetime (whole seconds).

    A naive `created` value is read as UTC.
    """
    try:
        when = datetime.fromisoformat(doc.created)
    except ValueError as exc:
        raise UsageError(f"document date must be an ISO date-time, got {doc.created!r}") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0)


def pdf_date(when: datetime) -> str:
    """A PDF date string (ISO 32000 7.9.4) for a UTC datetime: D:YYYYMMDDHHmmSS+00'00'."""
    return when.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def zip_date_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry time for a UTC datetime, clamped to the range zip can hold (1980-2107)."""
    when = when.astimezone(UTC)
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if when.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
