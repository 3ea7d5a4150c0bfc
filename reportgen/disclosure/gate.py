"""The build's last check before writing: nothing the edition's documents can print gives away a hidden count.

The build audits every value that the selected regions' documents could print: all values of
those regions and of all regions together that are not hidden, and the "n =" totals of their
charts. That is at least what the documents print, so when this set passes, so does the printed one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pandas as pd

from reportgen.disclosure.cells import frame_cells
from reportgen.disclosure.findings import Finding, disclosure_findings
from reportgen.disclosure.relations import ALL_REGIONS, Hierarchy
from reportgen.errors import ReportgenError


class DisclosureError(ReportgenError):
    """What an edition would publish lets a reader work out a hidden count."""

    def __init__(self, findings: Sequence[Finding]):
        from reportgen.errors import Problem

        problems = [Problem(f"kleine aantallen: {f.describe()}") for f in findings]
        super().__init__("disclosure check", problems)


def publishable_cells(values: pd.DataFrame, regions: Sequence[str], min_count: int) -> pd.DataFrame:
    """The cells the documents of `regions` may print: their rows and the all-regions rows, with the "n =" totals."""
    rows = values[values["region"].astype(str).isin([*regions, ALL_REGIONS])].reset_index(drop=True)
    return frame_cells(rows, rows["suppressed"].to_numpy(dtype=bool), min_count)


def refuse_disclosing(values: pd.DataFrame, regions: Sequence[str], min_count: int, gemeenten: pd.DataFrame) -> None:
    """Raise DisclosureError, naming every hidden count that can be worked out, before anything is written."""
    cells = publishable_cells(values, regions, min_count)
    areas = Hierarchy.from_gemeenten(gemeenten)
    digest = hashlib.sha256(repr((min_count, sorted(areas.area_parts.items()))).encode())
    digest.update(pd.util.hash_pandas_object(cells, index=False).to_numpy().tobytes())
    if digest.hexdigest() in _PASSED:  # the same values were checked before in this process
        return
    findings = disclosure_findings(cells, areas, min_count)
    if findings:
        raise DisclosureError(findings)
    _PASSED.add(digest.hexdigest())


_PASSED: set[str] = set()
