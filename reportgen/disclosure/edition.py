"""What a whole edition publishes: every document kind of the edition, for every region in the data.

The Regioplan GGZ and the Regioanalyse GZ of one edition come from the same data and print some
of the same figures (GZ clients, clients per 1.000 inhabitants), so a combination across the
two kinds must not give a hidden count away either. Building one kind, the build gate also
takes what the other kinds of the edition would print, computed from the same data (from the
values cache when it has them) without making their documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.errors import Problem, ReportgenError
from reportgen.kinds import BUILT_IN, get_kind

EDITION_KINDS = tuple(BUILT_IN)
"""The document kinds every edition publishes."""


@dataclass(frozen=True)
class Published:
    """One kind's values and the areas its documents show (the rows they can print come from these)."""

    values: pd.DataFrame
    areas: tuple[str, ...]


def regions_in(dataset) -> tuple[str, ...]:
    """The regions the data has municipalities for, in the usual order."""
    present = set(dataset.gemeenten["regio"].astype(str))
    return tuple(r for r in REGION_IDS if r in present)


def areas_of(kind, dataset) -> tuple[str, ...]:
    """Every area a kind's documents of the whole edition show: each subject's areas, once."""
    subjects = kind.subjects(dataset, regions_in(dataset))
    return tuple(dict.fromkeys(a for s in subjects for a in s.areas))


def edition_publication(
    kind,
    values: pd.DataFrame,
    dataset,
    data_dir: Path | None,
    edition: int,
    min_count: int,
    use_cache: bool = True,
    warnings: list[Problem] | None = None,
) -> dict[str, Published]:
    """Kind id -> what it publishes in the edition: `kind` with its `values`, and, when `kind` is
    one of the edition's kinds, every other kind of the edition, computed from the same data.

    A kind outside the edition (a local extension) is checked alone. Another kind that cannot
    be made from this data (a ReportgenError) publishes nothing from it, and is skipped.
    """
    from reportgen.cache.cached import cached_kind_values

    found = warnings if warnings is not None else []
    out = {kind.id: Published(values, areas_of(kind, dataset))}
    if kind.id not in EDITION_KINDS:
        return out
    for other_id in EDITION_KINDS:
        other = get_kind(other_id)
        if other_id == kind.id or other is None:
            continue
        try:
            other_values = cached_kind_values(other, dataset, data_dir, edition, min_count, found, use_cache)
        except ReportgenError:
            continue
        out[other_id] = Published(other_values, areas_of(other, dataset))
    return out


def kinds_named(published: Mapping[str, Published]) -> str:
    """ "regioplan-ggz en regioanalyse-gz" for the checked kinds."""
    ids = list(published)
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " en " + ids[-1]
