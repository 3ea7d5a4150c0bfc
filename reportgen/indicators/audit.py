"""The audit table: the values a region's document prints, so figures can be checked by hand.

`printed_table` lists exactly what the document's frames refer to (`Ref`s), including the
"n =" totals of its charts. Suppressed values are left empty here too: the audit file travels
with the documents and must not reveal what the documents hide.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd

from reportgen.disclosure.cells import printed_totals
from reportgen.indicators.base import ALL_REGIONS
from reportgen.model import DerivedValue, Document, Ref

AUDIT_COLUMNS = ("indicator", "region", "period", "category", "value", "unit", "suppressed")
DECIMALS = 6


def audit_table(frame: pd.DataFrame, region: str | None) -> pd.DataFrame:
    """Rows of `region` and "alle-regios" (all rows when None) in frame order; value empty (NaN)
    when suppressed, suppressed "ja"/"nee"."""
    rows = frame if region is None else frame[frame["region"].isin([region, ALL_REGIONS])]
    rows = rows.reset_index(drop=True)
    suppressed = rows["suppressed"].to_numpy(dtype=bool)
    value = np.where(suppressed, np.nan, rows["value"].to_numpy(dtype=np.float64))
    return pd.DataFrame(
        {
            "indicator": rows["indicator"].astype(str),
            "region": rows["region"].astype(str),
            "period": rows["period"].astype(str),
            "category": rows["category"].astype(str),
            "value": value,
            "unit": rows["unit"].astype(str),
            "suppressed": pd.Series(np.where(suppressed, "ja", "nee"), dtype=str),
        }
    )


def document_refs(doc: Document) -> tuple[Ref, ...]:
    """Every value the document prints, in page and frame order, each once."""
    refs = (
        ref
        for page in doc.pages
        for frame in page.frames
        for ref in (*getattr(frame, "refs", ()), *getattr(frame, "mark_refs", ()))
    )
    return tuple(dict.fromkeys(refs))


def document_derived(doc: Document) -> tuple[DerivedValue, ...]:
    """The printed values that charts computed themselves (a merged line), each once."""
    derived = (d for page in doc.pages for frame in page.frames for d in getattr(frame, "derived", ()))
    return tuple({d.ref: d for d in derived}.values())


def _derived_rows(derived: tuple[DerivedValue, ...]) -> pd.DataFrame:
    """Derived values as rows of a tidy frame (value NaN and suppressed where the chart hides it)."""
    return pd.DataFrame(
        {
            "indicator": [d.ref.indicator for d in derived],
            "region": [d.ref.region for d in derived],
            "period": [d.ref.period for d in derived],
            "category": [d.ref.category for d in derived],
            "value": [math.nan if d.value is None else float(d.value) for d in derived],
            "unit": [str(d.ref.unit or "") for d in derived],
            "suppressed": [d.value is None for d in derived],
        },
        columns=list(AUDIT_COLUMNS),
    ).astype({"value": float, "suppressed": bool})


def printed_table(
    frame: pd.DataFrame, refs: tuple[Ref, ...], min_count: int, derived: tuple[DerivedValue, ...] = ()
) -> pd.DataFrame:
    """The audit table of exactly the rows `refs` name, in their order (see `audit_table` for the columns).

    A ref to a distribution's total without a row of its own is the "n =" the chart prints;
    a ref to a `derived` value (computed by a chart) is that value, in place of any row of
    the same key (a status the chart merges is listed hidden: the deck does not print it).
    """
    totals = printed_totals(frame, min_count)
    totals = totals.assign(suppressed=~totals["published"].to_numpy(dtype=bool)).drop(columns="published")
    parts = [frame[list(AUDIT_COLUMNS)], totals[list(AUDIT_COLUMNS)]]
    if derived:
        parts.append(_derived_rows(derived))
    rows = pd.concat(parts, ignore_index=True)
    key = ["indicator", "region", "period", "category"]
    position: dict[tuple[str, ...], list[int]] = {}
    for i, row in enumerate(rows[key].astype(str).itertuples(index=False, name=None)):
        position.setdefault(row, []).append(i)
    first_derived = len(rows) - len(derived)
    for d in derived:  # what the chart printed stands in for the row behind it
        key = (d.ref.indicator, d.ref.region, d.ref.period, d.ref.category)
        position[key] = [i for i in position[key] if i >= first_derived]
    units = rows["unit"].astype(str).to_numpy()
    picked: list[int] = []
    for ref in refs:
        hits = position.get((ref.indicator, ref.region, ref.period, ref.category), [])
        picked += [i for i in hits if ref.unit is None or units[i] == ref.unit]
    chosen = rows.iloc[list(dict.fromkeys(picked))].reset_index(drop=True)
    return audit_table(chosen.assign(region=chosen["region"].astype(str)), None)


def format_value(value: float) -> str:
    """A number with '.' decimals, rounded to 6 decimals, without trailing zeros; empty when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{float(value):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def audit_csv_bytes(table: pd.DataFrame) -> bytes:
    """The audit table as UTF-8 CSV: ',' separated, LF line ends, the same bytes for the same table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIT_COLUMNS)
    for row in table[list(AUDIT_COLUMNS)].itertuples(index=False, name=None):
        indicator, region, period, category, value, unit, suppressed = row
        writer.writerow([indicator, region, period, category, format_value(value), unit, suppressed])
    return out.getvalue().encode("utf-8")
