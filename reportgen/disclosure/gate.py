"""The build's last check before writing: nothing the edition's documents can print gives away a hidden count.

The build audits every value that the documents of the whole edition could print, of every
document kind in it (see `edition`): for each kind, all its values of the areas its documents
show (regions, their municipalities, all regions together) that are not hidden, and the "n ="
totals of its charts. That is at least what the documents print, so when this set passes, so
does the printed one, whichever regions are built now or later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from reportgen.disclosure.cells import frame_cells
from reportgen.disclosure.edition import Published, kinds_named
from reportgen.disclosure.findings import Finding, disclosure_findings
from reportgen.disclosure.relations import ALL_REGIONS, Hierarchy
from reportgen.errors import Problem, ReportgenError

KEY = ["indicator", "region", "period", "category", "unit"]


class DisclosureError(ReportgenError):
    """What an edition would publish lets a reader work out a hidden count."""

    def __init__(self, findings: Sequence[Finding], checked: str = ""):
        problems = [Problem(f"kleine aantallen: {f.describe()}") for f in findings]
        if checked:
            problems.append(Problem(f"gecontroleerd: alles wat {checked} in deze editie publiceren; niets geschreven"))
        super().__init__("disclosure check", problems)


class DisagreementError(ReportgenError):
    """Two document kinds of one edition would print different values for the same figure."""

    def __init__(self, problems: list[Problem]):
        super().__init__("disclosure check", problems)


def publishable_cells(values: pd.DataFrame, areas: Sequence[str], min_count: int) -> pd.DataFrame:
    """The cells documents showing `areas` may print: their rows and the all-regions rows, with the "n =" totals."""
    rows = values[values["region"].astype(str).isin([*areas, ALL_REGIONS])].reset_index(drop=True)
    return frame_cells(rows, rows["suppressed"].to_numpy(dtype=bool), min_count)


def _agreed(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The kinds' cells as one table; a figure two kinds both print must have one value.

    A cell one kind prints and another hides is printed. Different printed values for the
    same cell are refused: a reader would see two numbers for one figure.
    """
    tagged = pd.concat([t.assign(kind=k) for k, t in tables.items()], ignore_index=True)
    shown = tagged[tagged["published"].to_numpy(dtype=bool)]
    spread = shown.groupby(KEY, sort=False)["value"].agg(["min", "max"])
    clash = spread[~np.isclose(spread["min"], spread["max"], rtol=0, atol=1e-6)]
    if len(clash):
        problems = []
        for key in clash.index[:20]:
            rows = shown[(shown[KEY].astype(str) == pd.Series(key, index=KEY).astype(str)).all(axis=1)]
            printed = ", ".join(f"{k}: {v:g}" for k, v in zip(rows["kind"], rows["value"], strict=True))
            where = " ".join(str(p) for p in key[:4] if p)
            problems.append(Problem(f"{where} ({key[4]}) verschilt per document: {printed}"))
        raise DisagreementError(problems)
    ordered = tagged.sort_values("published", ascending=False, kind="stable")
    return ordered.drop_duplicates(KEY).drop(columns="kind").reset_index(drop=True)


def edition_cells(published: Mapping[str, Published], min_count: int) -> pd.DataFrame:
    """The cells every kind of the edition may print, as one cells table (see `publishable_cells`)."""
    tables = {kind: publishable_cells(p.values, p.areas, min_count) for kind, p in published.items()}
    return _agreed(tables)


def refuse_disclosing(
    published: Mapping[str, Published], min_count: int, gemeenten: pd.DataFrame, use_cache: bool = False
) -> None:
    """Raise DisclosureError, naming every hidden count that the edition's documents together
    let a reader work out, before anything is written.

    A set that passed before, in this process or (with `use_cache`) by this code version in
    the cache, is not solved again: the verdict depends only on the cells and the areas.
    """
    cells = edition_cells(published, min_count)
    areas = Hierarchy.from_gemeenten(gemeenten)
    h = hashlib.sha256(repr((min_count, sorted(areas.area_parts.items()))).encode())
    h.update(pd.util.hash_pandas_object(cells, index=False).to_numpy().tobytes())
    digest = h.hexdigest()
    if digest in _PASSED:
        return
    if use_cache:
        from reportgen.cache.cached import passed_before, remember_passed

        if passed_before(CHECK, digest):
            _PASSED.add(digest)
            return
    findings = disclosure_findings(cells, areas, min_count)
    if findings:
        raise DisclosureError(findings, kinds_named(published))
    _PASSED.add(digest)
    if use_cache:
        remember_passed(CHECK, digest)


CHECK = "disclosure"
"""The name of the check in the cache."""


_PASSED: set[str] = set()
