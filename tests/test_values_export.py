"""`reportgen values`: every computed value of a kind, hidden ones included, for internal analysis."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reportgen.cli import main

COLUMNS = ["indicator", "area", "period", "category", "value", "unit", "verborgen"]


def test_values_csv_holds_every_value_of_the_region_and_all_regions(
    tmp_path: Path, example_values: pd.DataFrame, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "zwolle-intern-waarden.csv"
    assert main(["values", "--region", "zwolle", "--out", str(out)]) == 0
    assert "internal" in capsys.readouterr().out
    table = pd.read_csv(out, dtype={"period": str, "category": str}, keep_default_na=False)
    assert list(table.columns) == COLUMNS
    expected = example_values[example_values["region"].isin(["zwolle", "alle-regios"])]
    assert len(table) == len(expected)
    assert set(table["area"]) == {"zwolle", "alle-regios"}
    hidden = expected[expected["suppressed"]]
    assert len(hidden) > 0 and (table["verborgen"] == "ja").sum() == len(hidden)
    # a hidden value is written with its real number (that is why the file is internal)
    row = hidden.iloc[0]
    match = table[
        (table["indicator"] == row["indicator"])
        & (table["area"] == row["region"])
        & (table["period"] == str(row["period"]))
        & (table["category"] == row["category"])
        & (table["unit"] == row["unit"])
    ]
    assert match["value"].tolist() == [pytest.approx(row["value"])] and match["verborgen"].tolist() == ["ja"]


def test_values_xlsx_and_default_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "waarden.xlsx"
    assert main(["values", "--region", "t-gooi", "--out", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="intern")
    assert list(table.columns) == COLUMNS and set(table["area"]) == {"t-gooi", "alle-regios"}
    monkeypatch.chdir(tmp_path)
    assert main(["values", "--region", "t-gooi"]) == 0
    assert (tmp_path / "output" / "regioplan-ggz-2023-intern-waarden.csv").is_file()


def test_values_refuses_other_suffixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["values", "--out", str(tmp_path / "waarden.txt")]) == 2
    assert "expected a file name ending in .csv or .xlsx" in capsys.readouterr().err
