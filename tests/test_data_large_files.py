"""The shortcuts that keep loading national-size data linear give what the plain way gives.

Each shortcut (checking per distinct value, numbering keys, counting lines without arrays,
checking the encoding without decoding, sharing text) is compared with the plain computation
on generated inputs, cell problems and their messages included.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.data.arrow import with_missing
from reportgen.data.by_value import checked_by_value
from reportgen.data.cells import CheckedColumn, checked_column
from reportgen.data.read import textdecode
from reportgen.data.read.lines import record_lines, record_lines_by_array
from reportgen.data.relations import repeated_numbers
from reportgen.data.schema import TABLES_BY_NAME, Column

CELLS = {
    ("declaraties", "klant_id"): ["K0000001", "K0000002", "K000001", "k0000003", "", "K００00001", "K0000002 "],
    ("declaraties", "maand"): ["2023-01", "2023-13", "2023-1", "", "２023-01", "2022-12"],
    ("declaraties", "agb_code"): ["12345678", "", "1234567", "1234567a", "87654321"],
    ("declaraties", "leveringsvorm"): ["intramuraal", "PGB", "pgb", "", "VPT"],
    ("wachtlijst", "wachtweken"): ["3", "-1", "2000", "1.000", "x", "", "0", "12"],
    ("indicaties", "geldig_van"): ["2023-01-01", "2023-02-30", "1500-01-01", "2023/01/01", "", "2024-12-31"],
    ("indicaties", "geldig_tot"): ["2023-01-01", "", "2023-02-29", "9999-01-01", "2020-06-30"],
    ("bevolking", "inwoners"): ["1.234", "1234", "12,5", "", "-3", "99999999"],
}


def _column(key: tuple[str, str]) -> Column:
    table, name = key
    return next(c for c in TABLES_BY_NAME[table].columns if c.name == name)


def _problems(checked: CheckedColumn) -> list[tuple[int, str | None, str]]:
    return sorted((int(i), f.column, f.message(int(i))) for f in checked.findings for i in np.flatnonzero(f.mask))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from(sorted(CELLS)),
    picks=st.lists(st.integers(0, 7), min_size=1, max_size=40),
    decimal_comma=st.booleans(),
)
def test_checking_per_distinct_value_equals_checking_per_row(
    key: tuple[str, str], picks: list[int], decimal_comma: bool
) -> None:
    """Same typed values, same bad cells, same problems with the same messages."""
    pool = CELLS[key]
    text = pd.Series([pool[i % len(pool)] for i in picks] * 3, dtype=str)
    column = _column(key)
    plain = checked_column(text, column, decimal_comma, np.zeros(len(text), dtype=bool))
    by_value = checked_by_value(text, column, decimal_comma)
    assert by_value is not None
    pd.testing.assert_series_equal(by_value.values, plain.values)
    assert (by_value.bad == plain.bad).all()
    assert _problems(by_value) == _problems(plain)


def test_a_column_of_mostly_distinct_values_is_checked_per_row() -> None:
    """Checking by value only when values repeat: amounts and unique ids go the plain way."""
    ids = pd.Series([f"K{i:07d}" for i in range(10)], dtype=str)
    assert checked_by_value(ids, _column(("declaraties", "klant_id")), False) is None
    amounts = pd.Series(["1.5"] * 10, dtype=str)
    assert checked_by_value(amounts, _column(("declaraties", "bedrag")), False) is None


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="a\n\r", min_size=1, max_size=30), rows=st.integers(0, 12))
def test_record_lines_equal_those_found_line_by_line(text: str, rows: int) -> None:
    """The scan without arrays gives the same line numbers (or None) as marking every line end."""
    data = text.encode()
    expected = record_lines_by_array(data, rows)
    found = record_lines(data, rows)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.tolist() == expected.tolist()


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=40),
        st.text(max_size=30).map(lambda t: t.encode("utf-8")),
        st.text(max_size=30).map(lambda t: textdecode.BOM + t.encode("utf-8")),
        st.text(alphabet="aé\n€", max_size=30).map(lambda t: t.encode("cp1252", "replace")),
    )
)
def test_the_encoding_is_found_without_decoding(data: bytes) -> None:
    """Same encoding or same problem as decoding the whole file, also when checked in small pieces."""
    decoded = textdecode.decoded_text(data, "x.csv")
    expected = decoded if isinstance(decoded, textdecode.Problem) else decoded.encoding
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textdecode, "CHUNK", 3)
        assert textdecode.encoding_of(data, "x.csv") == expected


def test_marking_missing_cells_shares_the_text() -> None:
    """with_missing equals Series.where, for a column of several pieces with missing cells of its own."""
    chunks = [pa_array(["a", "", "c", None, "e"]).slice(1), pa_array(["x", "", "z"])]
    values = pa.chunked_array(chunks, type=pa.large_string()).to_pandas().rename("klant_id")
    present = np.array([True, False, True, True, False, True, True])
    pd.testing.assert_series_equal(with_missing(values, present), values.where(present))
    assert with_missing(values, np.ones(len(values), dtype=bool)) is values


def pa_array(values: list[str | None]) -> pa.Array:
    return pa.array(values, type=pa.large_string())


@settings(max_examples=200, deadline=None)
@given(numbers=st.lists(st.integers(0, 6), max_size=30))
def test_repeated_numbers_equal_pandas_duplicated(numbers: list[int]) -> None:
    """The sort-based check marks exactly the rows pandas' duplicated(keep='first') marks."""
    array = np.asarray(numbers, dtype=np.int64)
    expected = pd.Series(array, dtype="int64").duplicated().tolist()
    for piece in (1, 3, 1 << 20):  # neighbours compared across the boundaries of pieces too
        assert repeated_numbers(array, piece).tolist() == expected
