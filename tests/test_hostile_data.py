"""Hostile and broken data files: every one is refused with a located message, nothing crashes,
nothing is written, and an earlier build's files stay as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hostile_helpers import run, tree, with_earlier_outputs

STOPPED = "reportgen: stopped: {n} problem(s) in the data; nothing was written"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Build from the broken data: exit 1, no traceback, no file changed anywhere; the messages."""
    out = tmp_path / "out"
    with_earlier_outputs(out)
    before = tree(tmp_path)
    result = run(["build", "--data", str(data_dir), "--out", str(out), "--region", "zwolle", "--quiet"], capsys)
    assert result.code == 1
    assert tree(tmp_path) == before  # earlier outputs byte-identical, no temp file, nothing elsewhere
    lines = result.err.splitlines()
    assert lines[-1] == STOPPED.format(n=len(lines) - 1)
    return lines[:-1]


DIGIT_CASES = [
    (
        "declaraties.csv",
        "K0000001,2023-01,01234567,8011AB,Z310,intramuraal,6012.48",
        "K0000001,2023-01,01234567,8011AB,Z310,intramuraal,\uff16\uff10\uff11\uff12.48",
        "declaraties.csv:2: column 'bedrag': '６０１２.48' has the digit '６' (U+FF16, fullwidth digit six): "
        "expected the ASCII digits 0-9 only",
    ),
    (
        "klanten.csv",
        "K0000001,1961,0193",
        "K0000001,\u0661\u0669\u0666\u0661,0193",
        "klanten.csv:2: column 'geboortejaar': '١٩٦١' has the digit '١' (U+0661, arabic-indic digit one): "
        "expected the ASCII digits 0-9 only",
    ),
    (
        "declaraties.csv",
        "K0000001,2023-01,",
        "K0000001,\uff12\uff10\uff12\uff13-01,",
        "declaraties.csv:2: column 'maand': '２０２３-01' has the digit '２' (U+FF12, fullwidth digit two): "
        "expected the ASCII digits 0-9 only",
    ),
    (
        "indicaties.csv",
        "GGZ,2021-03-15",
        "GGZ,\uff12021-03-15",
        "indicaties.csv:2: column 'geldig_van': '２021-03-15' has the digit '２' (U+FF12, fullwidth digit two): "
        "expected the ASCII digits 0-9 only",
    ),
    (
        "aanbieders.csv",
        "01234567,Zorggroep",
        "0123456\u0667,Zorggroep",
        "aanbieders.csv:2: column 'agb_code': '0123456٧' has the digit '٧' (U+0667, arabic-indic digit seven): "
        "expected the ASCII digits 0-9 only",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), DIGIT_CASES)
def test_non_ascii_digits_are_refused_with_file_line_and_column(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str, expected: str
) -> None:
    """Full-width and Arabic-Indic digits in numbers, months, dates and codes: one located error each,
    no follow-on errors in the tables that refer to the cell."""
    _replace(data_dir / name, old, new)
    assert _refused(tmp_path, data_dir, capsys) == [expected]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "declaraties.csv",
            "intramuraal,6012.48",
            "intramuraal,1e999",
            "declaraties.csv:2: column 'bedrag': '1e999' is outside the plausible range (expected 0 to 1000000)",
        ),
        (
            "declaraties.csv",
            "intramuraal,6012.48",
            "intramuraal,2500000",
            "declaraties.csv:2: column 'bedrag': '2500000' is outside the plausible range (expected 0 to 1000000)",
        ),
        (
            "bevolking.csv",
            "0193,2023,18-64,82175",
            "0193,2023,18-64,999999999999999999",
            "bevolking.csv:2: column 'inwoners': '999999999999999999' is outside the plausible range "
            "(expected 0 to 10000000)",
        ),
        (
            "wachtlijst.csv",
            "actief,6",
            "actief,5000",
            "wachtlijst.csv:2: column 'wachtweken': '5000' is outside the plausible range (expected 0 to 1040)",
        ),
    ],
)
def test_infinite_and_absurd_numbers_are_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str, expected: str
) -> None:
    """An amount that reads as infinity, or a count beyond any plausible size, names the range."""
    _replace(data_dir / name, old, new)
    assert _refused(tmp_path, data_dir, capsys) == [expected]


def test_infinite_amount_in_parquet_is_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A float column holding infinity in a Parquet file is refused like the text '1e999' in a CSV."""
    import pandas as pd

    claims = pd.read_csv(data_dir / "declaraties.csv", dtype=str, keep_default_na=False)
    table = pa.table({**{c: claims[c] for c in claims.columns}, "bedrag": [float("inf"), 850.0]})
    (data_dir / "declaraties.csv").unlink()
    pq.write_table(table, data_dir / "declaraties.parquet")
    assert _refused(tmp_path, data_dir, capsys) == [
        "declaraties.parquet: column 'bedrag': row 1: 'inf' is not an amount "
        "(expected a number with a decimal point, e.g. 1234.56)"
    ]


def test_unclosed_quote_is_named_without_a_cascade(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The quote and the line it opens on are named; the rows it swallowed do not turn into
    'unknown client' errors in the tables that refer to them."""
    (data_dir / "klanten.csv").write_text(
        'klant_id,geboortejaar,gemeentecode\nK0000001,"1961,0193\nK0000002,1975,0402\n', encoding="utf-8"
    )
    assert _refused(tmp_path, data_dir, capsys) == [
        "klanten.csv:2: column 'geboortejaar': a quote (\") opens this cell and is never closed, "
        "so lines 2-3 could not be read (close the quote, or remove it)"
    ]


def test_huge_cell_is_cut_in_the_message(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A megabyte in a code column is quoted by its first 60 characters and its length."""
    huge = "K" + "9" * 1_000_000
    _replace(data_dir / "klanten.csv", "K0000002,1975", f"{huge},1975")
    lines = _refused(tmp_path, data_dir, capsys)
    assert lines[0] == (
        f"klanten.csv:3: column 'klant_id': '{huge[:60]}...' (1000001 characters) "
        "does not match the pattern ^K\\d{7}$"
    )
    assert sum(len(line) for line in lines) < 2000


def test_huge_header_cell_is_cut_in_the_message(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An absurd header name is cut too."""
    _replace(data_dir / "klanten.csv", "gemeentecode", "x" * 100_000)
    lines = _refused(tmp_path, data_dir, capsys)
    assert lines[0] == (
        f"klanten.csv:1: missing column gemeentecode (found: klant_id, geboortejaar, {'x' * 60}... (100000 characters))"
    )


def test_folder_instead_of_table_file(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder named like a table file is said to be a folder, not a missing file."""
    (data_dir / "gemeenten.csv").unlink()
    (data_dir / "gemeenten.csv").mkdir()
    shutil.copy(data_dir / "klanten.csv", data_dir / "gemeenten.csv" / "klanten.csv")
    assert _refused(tmp_path, data_dir, capsys) == [
        f"{data_dir / 'gemeenten.csv'}: is a folder, not a file (expected the table 'gemeenten' in a file named "
        "gemeenten.csv, gemeenten.parquet or gemeenten.xlsx)"
    ]


def test_invisible_characters_in_a_code_are_spelled_out(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zero-width space or no-break space inside a code would make the message look wrong
    ('K0000002' does not match?); the message shows where it is."""
    _replace(data_dir / "klanten.csv", "K0000002,1975", "K0000\u200b002,1975")
    _replace(data_dir / "klanten.csv", "K0000001,1961,0193", "K0000001,1961,01\u00a093")
    assert _refused(tmp_path, data_dir, capsys) == [
        "klanten.csv:2: column 'gemeentecode': '01<U+00A0>93' does not match the pattern ^\\d{4}$",
        "klanten.csv:3: column 'klant_id': 'K0000<U+200B>002' does not match the pattern ^K\\d{7}$",
    ]


def test_infinity_in_a_parquet_count_is_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A float column holding infinity where a whole number belongs says 'inf', not a wrapped-around integer."""
    import pandas as pd

    waiting = pd.read_csv(data_dir / "wachtlijst.csv", dtype=str, keep_default_na=False)
    table = pa.table({**{c: waiting[c] for c in waiting.columns}, "wachtweken": [float("inf")]})
    (data_dir / "wachtlijst.csv").unlink()
    pq.write_table(table, data_dir / "wachtlijst.parquet")
    assert _refused(tmp_path, data_dir, capsys) == [
        "wachtlijst.parquet: column 'wachtweken': row 1: 'inf' is not a whole number"
    ]


def test_unclosed_quote_in_the_header(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quote left open in the header is named, rather than the columns it swallowed reported missing."""
    _replace(data_dir / "klanten.csv", "klant_id,geboortejaar", 'klant_id,"geboortejaar')
    assert _refused(tmp_path, data_dir, capsys) == [
        'klanten.csv:1: a quote (") opens this cell and is never closed, so lines 1-3 could not be read '
        "(close the quote, or remove it)"
    ]


def test_every_number_column_has_a_plausible_range() -> None:
    """Each whole-number or amount column of every table, the Regioanalyse's included, has both
    a minimum and a maximum, so an absurd or infinite value is refused rather than computed with."""
    from reportgen.data.schema import TABLES

    open_ended = [
        f"{t.name}.{c.name}"
        for t in TABLES
        for c in t.columns
        if c.kind in ("int", "amount") and (c.minimum is None or c.maximum is None)
    ]
    assert open_ended == []


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "gemeentekenmerken.csv",
            "0193,3,4,82.50",
            "0193,3,4,1e999",
            "gemeentekenmerken.csv:2: column 'pct_nederlands': '1e999' is outside the plausible range "
            "(expected 0 to 100)",
        ),
        (
            "locatiecoordinaten.csv",
            "L000001,203150,502870",
            "L000001,\uff12\uff10\uff13150,502870",
            "locatiecoordinaten.csv:2: column 'x': '２０３150' has the digit '２' (U+FF12, fullwidth digit two): "
            "expected the ASCII digits 0-9 only",
        ),
        (
            "personeel.csv",
            "zwolle,2023,2310",
            "zwolle,2023,99999999",
            "personeel.csv:2: column 'medewerkers': '99999999' is outside the plausible range (expected 0 to 1000000)",
        ),
        (
            "streefnormen.csv",
            "actief,VG,13",
            "actief,VG,5000",
            "streefnormen.csv:3: column 'weken': '5000' is outside the plausible range (expected 0 to 1040)",
        ),
    ],
)
def test_hostile_numbers_in_the_regioanalyse_tables_are_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str, expected: str
) -> None:
    """The optional Regioanalyse tables meet the same standard as the Regioplan's: foreign digits and
    numbers beyond the plausible range are refused with file, line and column."""
    from data_helpers import REGIOANALYSE

    for path in REGIOANALYSE.iterdir():
        shutil.copy(path, data_dir / path.name)
    _replace(data_dir / name, old, new)
    assert _refused(tmp_path, data_dir, capsys) == [expected]
