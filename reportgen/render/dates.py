"""The one date a rendered file carries, so the same inputs give the same bytes.

Files record when they were made (PDF /CreationDate, PPTX core properties, zip entry
times). Using the clock would make every build differ, so the date comes from the
document (`Document.created`) or, for reproducible-build tooling, from the
SOURCE_DATE_EPOCH environment variable, which wins when set.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from reportgen.errors import UsageError
from reportgen.model import Document

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def document_datetime(doc: Document) -> datetime:
    """The file date of a rendered document as an aware UTC datetime (whole seconds).

    A naive `created` value is read as UTC. SOURCE_DATE_EPOCH (seconds since 1970, UTC)
    overrides it when set and not empty.
    """
    epoch = os.environ.get(EPOCH_VARIABLE, "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise UsageError(f"{EPOCH_VARIABLE} must be whole seconds since 1970, got {epoch!r}") from exc
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
