"""The subjects of the Regioplan GGZ: one deck per region the data has municipalities for."""

from __future__ import annotations

from reportgen.data.regions import REGION_NAMES
from reportgen.kinds.spec import Subject


def region_subjects(dataset: object, regions: tuple[str, ...]) -> tuple[Subject, ...]:
    """One subject per selected region; the deck shows the region (and all regions beside it)."""
    return tuple(Subject(id=r, name=REGION_NAMES.get(r, r), areas=(r,)) for r in regions)
