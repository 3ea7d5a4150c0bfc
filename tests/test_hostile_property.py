"""Whatever one input table holds, the data either loads and computes, or is refused with
problems that name a file; never a traceback. The data set is complete (the Regioplan's
tables and the Regioanalyse's optional ones); a good load computes the Regioplan values, or
for a table only the Regioanalyse reads, the Regioanalyse figures."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from data_helpers import MINIMAL, REGIOANALYSE, complete_copy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen import pipeline
from reportgen.data.load import load_dataset
from reportgen.data.schema import TABLES
from reportgen.data.schema_gz import GZ_TABLES
from reportgen.errors import DataError

HOSTILE_CELLS = [
    "",
    " ",
    '"',
    '""',
    "1e999",
    "-1e999",
    "inf",
    "nan",
    "-0",
    "0x1F",
    "1_000",
    "9" * 40,
    "\uff12\uff10\uff12\uff13-01",
    "\u0661\u0669\u0666\u0661",
    "2023-02-30",
    "0000-01-01",
    "9999-12",
    "K" + "0" * 7 + "\u200b",
    "=cmd|' /C calc'!A0",
    "<b>&amp;</b>",
    "x" * 5000,
]
"""Cell values careless or hostile exports produce."""

cell_values = st.one_of(
    st.sampled_from(HOSTILE_CELLS),
    st.text(max_size=20),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


ANALYSIS_TABLES = {t.name for t in GZ_TABLES}
"""Tables only the Regioanalyse reads: a good load of one of them computes its figures."""


def _rows(table: str) -> list[list[str]]:
    folder = REGIOANALYSE if table in ANALYSIS_TABLES else MINIMAL
    return list(csv.reader(io.StringIO((folder / f"{table}.csv").read_text(encoding="utf-8"))))


@st.composite
def table_file(draw: st.DrawFn, table: str) -> bytes:
    """Random bytes; the valid file with random cells; or with one line replaced by random text."""
    mode = draw(st.integers(0, 2))
    if mode == 0:
        return draw(st.binary(max_size=200))
    rows = _rows(table)
    if mode == 1:
        for _ in range(draw(st.integers(1, 3))):
            row = draw(st.integers(0, len(rows) - 1))
            column = draw(st.integers(0, len(rows[row]) - 1))
            rows[row][column] = draw(cell_values)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().encode("utf-8", "surrogatepass")
    lines = [",".join(row) for row in rows]
    lines[draw(st.integers(0, len(lines) - 1))] = draw(st.text(max_size=60))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _loads_or_is_located(name: str, payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = complete_copy(Path(tmp) / "data")
        (folder / f"{name}.csv").write_bytes(payload)
        before = sorted(p.name for p in folder.iterdir())
        try:
            dataset = load_dataset(folder)
        except DataError as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
            assert errors
            assert all(p.source and str(p).startswith(p.source) for p in exc.problems), exc.problems
            files = {p.name for p in folder.iterdir()}
            assert all(p.source in files or p.source.startswith(str(folder)) for p in errors), exc.problems
        else:
            kind = "regioanalyse-gz" if name in ANALYSIS_TABLES else "regioplan-ggz"
            pipeline.compute_values(dataset, 2023, 10, kind)
        assert sorted(p.name for p in folder.iterdir()) == before  # loading never writes


@pytest.mark.parametrize("name", [t.name for t in TABLES])
def test_any_table_loads_or_is_refused_with_located_problems(name: str) -> None:
    """Random bytes and random cell values in each table of the contract."""

    @settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(payload=table_file(name))
    def check(payload: bytes) -> None:
        _loads_or_is_located(name, payload)

    check()
