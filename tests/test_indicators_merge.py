"""Merging mostly-small categories into "overig" before suppressing."""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.indicators.merge import merge_categories, merged_note, mostly_small


def distribution() -> pd.DataFrame:
    """leveringsvorm counts and shares for zwolle (a 30, b 3, c 4, d 2) and utrecht (a 40, b 12, c 2, d 3)."""
    counts = {"zwolle": {"a": 30, "b": 3, "c": 4, "d": 2}, "utrecht": {"a": 40, "b": 12, "c": 2, "d": 3}}
    rows = []
    for region, values in counts.items():
        n = sum(values.values())
        for category, count in values.items():
            rows.append(("leveringsvorm", region, category, float(count), "klanten"))
            rows.append(("leveringsvorm", region, category, count / n, "aandeel"))
    rows.append(("inwoners", "zwolle", "", 5000.0, "inwoners"))
    frame = pd.DataFrame(rows, columns=["indicator", "region", "category", "value", "unit"])
    return frame.assign(period="2023", suppressed=False)[
        ["indicator", "region", "period", "category", "value", "unit", "suppressed"]
    ]


def test_mostly_small_categories():
    """c (4, 2) and d (2, 3) are small everywhere; b (3, 12) in half of the cells only: not mostly."""
    assert mostly_small(distribution(), "leveringsvorm", 10) == ["c", "d"]


def test_merge_adds_counts_and_recomputes_shares():
    """overig = c + d: zwolle 6 of 39, utrecht 5 of 57; the other categories and indicators stay as they were."""
    merged = merge_categories(distribution(), "leveringsvorm", ["c", "d"])
    lv = merged[merged["indicator"] == "leveringsvorm"]
    counts = lv[lv["unit"] == "klanten"]
    assert list(zip(counts["region"], counts["category"], counts["value"], strict=True)) == [
        ("zwolle", "a", 30.0),
        ("zwolle", "b", 3.0),
        ("zwolle", "overig", 6.0),
        ("utrecht", "a", 40.0),
        ("utrecht", "b", 12.0),
        ("utrecht", "overig", 5.0),
    ]
    shares = lv[lv["unit"] == "aandeel"].set_index(["region", "category"])["value"]
    assert shares[("zwolle", "overig")] == pytest.approx(6 / 39)
    assert shares[("utrecht", "a")] == pytest.approx(40 / 57)
    assert list(merged["indicator"]).count("inwoners") == 1 and list(merged.columns) == list(distribution().columns)


def test_note_names_the_merged_categories():
    """The chart says what 'overig' holds."""
    assert merged_note(["MPT", "PGB"]) == (
        "Onder 'overig' samengenomen: MPT, PGB (meestal te weinig klanten om apart te tonen)."
    )
