"""Loading data folders: formats, encodings, separators, types, the canonical writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from data_helpers import REGIOANALYSE, messages

from reportgen.data.contract_doc import data_contract_markdown
from reportgen.data.load import load_dataset
from reportgen.data.schema import TABLES
from reportgen.data.writer import amount_text, write_dataset
from reportgen.errors import DataError, Problem

DOC = Path(__file__).parent.parent / "docs" / "data-contract.md"


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `directory` with its bytes and modification time."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(directory.rglob("*")) if p.is_file()}


def test_minimal_set_loads_with_contract_types(data_dir: Path) -> None:
    """Each kind becomes the type the Dataset docstring promises."""
    ds = load_dataset(data_dir)
    decl = ds.declaraties
    assert list(decl.columns) == [
        "klant_id",
        "maand",
        "agb_code",
        "postcode",
        "prestatiecode",
        "leveringsvorm",
        "bedrag",
    ]
    assert decl["bedrag"].dtype == np.float64
    assert decl["bedrag"].tolist() == [6012.48, 850.0]
    assert decl["maand"].tolist() == ["2023-01", "2023-01"]
    assert ds.bevolking["inwoners"].dtype == np.int64
    assert ds.bevolking["inwoners"].tolist() == [82175, 56340]
    assert ds.indicaties["geldig_van"].dtype == "datetime64[ns]"
    assert ds.indicaties["geldig_van"].tolist() == [pd.Timestamp("2021-03-15"), pd.Timestamp("2022-01-01")]
    assert ds.source == str(data_dir)


def test_leading_zeros_are_kept(data_dir: Path) -> None:
    """Codes stay text: municipality 0193 and AGB 01234567 keep their zeros."""
    ds = load_dataset(data_dir)
    assert ds.gemeenten["gemeentecode"].tolist() == ["0193", "0402"]
    assert ds.aanbieders["agb_code"].tolist() == ["01234567"]
    assert ds.declaraties["agb_code"].iloc[0] == "01234567"


def test_empty_optional_cells_are_missing(data_dir: Path) -> None:
    """An empty optional code is NA and an empty optional date NaT."""
    ds = load_dataset(data_dir)
    assert ds.declaraties["agb_code"].isna().tolist() == [False, True]
    assert ds.declaraties["postcode"].isna().tolist() == [False, True]
    assert ds.indicaties["geldig_tot"].isna().tolist() == [True, False]


def test_semicolon_csv_with_decimal_commas(data_dir: Path) -> None:
    """A Dutch Excel export: ';' separator, '1.234,56' and '1234,56' amounts."""
    (data_dir / "declaraties.csv").write_text(
        "klant_id;maand;agb_code;postcode;prestatiecode;leveringsvorm;bedrag\n"
        "K0000001;2023-01;01234567;8011AB;Z310;intramuraal;1.234,56\n"
        "K0000001;2023-02;01234567;8011AB;Z310;intramuraal;1234,5\n"
        "K0000002;2023-01;;;Z900;PGB;12\n",
        encoding="utf-8",
    )
    ds = load_dataset(data_dir)
    assert ds.declaraties["bedrag"].tolist() == [1234.56, 1234.5, 12.0]
    assert ds.declaraties["agb_code"].iloc[0] == "01234567"


def test_semicolon_csv_thousands_in_whole_numbers(data_dir: Path) -> None:
    """In ';' files a whole number may carry thousands dots: 82.175 is 82175."""
    (data_dir / "bevolking.csv").write_text(
        "gemeentecode;jaar;leeftijdsgroep;inwoners\n0193;2023;18-64;82.175\n", encoding="utf-8"
    )
    assert load_dataset(data_dir).bevolking["inwoners"].tolist() == [82175]


def test_cp1252_file_with_accent_loads(data_dir: Path) -> None:
    """An older Excel CSV in Windows-1252 reads 'é' correctly."""
    (data_dir / "aanbieders.csv").write_bytes(
        "agb_code,naam,contractsegment\n01234567,Zorgcentrum Église,GGZ\n".encode("cp1252")
    )
    assert load_dataset(data_dir).aanbieders["naam"].tolist() == ["Zorgcentrum Église"]


def test_bom_file_loads(data_dir: Path) -> None:
    """Excel's 'CSV UTF-8' starts with a byte order mark; the first column is still found."""
    text = "gemeentecode,gemeente,regio,regio_naam\n0193,Zwolle,zwolle,Zwolle\n0402,Hilversum,t-gooi,'t Gooi\n"
    (data_dir / "gemeenten.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_dataset(data_dir).gemeenten["gemeentecode"].tolist() == ["0193", "0402"]


def test_header_case_spaces_order_and_padding(data_dir: Path) -> None:
    """Header names ignore case and spaces, columns may be reordered, cells are trimmed."""
    (data_dir / "klanten.csv").write_text(
        " Gemeentecode ,KLANT_ID,geboortejaar\r\n 0193 ,K0000001, 1961\r\n0402,K0000002,1975\r\n", encoding="utf-8"
    )
    klanten = load_dataset(data_dir).klanten
    assert list(klanten.columns) == ["klant_id", "geboortejaar", "gemeentecode"]
    assert klanten["gemeentecode"].tolist() == ["0193", "0402"]
    assert klanten["geboortejaar"].tolist() == [1961, 1975]


def test_quoted_cells_and_blank_lines(data_dir: Path) -> None:
    """A quoted comma and line break, and blank lines, are read as the CSV standard says."""
    (data_dir / "aanbieders.csv").write_text(
        'agb_code,naam,contractsegment\n\n01234567,"Zorg, ""Wonen""\nen meer",GGZ\n\n', encoding="utf-8"
    )
    assert load_dataset(data_dir).aanbieders["naam"].tolist() == ['Zorg, "Wonen"\nen meer']


def test_empty_rows_from_excel_are_ignored(data_dir: Path) -> None:
    """Rows of empty cells (',,' as Excel leaves them) and old Mac line ends are read as blank lines."""
    (data_dir / "klanten.csv").write_text(
        "klant_id,geboortejaar,gemeentecode\rK0000001,1961,0193\r,,\rK0000002,1975,0402\r, ,\r", encoding="utf-8"
    )
    assert load_dataset(data_dir).klanten["klant_id"].tolist() == ["K0000001", "K0000002"]


def test_xlsx_loads(data_dir: Path) -> None:
    """An XLSX sheet with text codes, number years and an empty row loads like the CSV."""
    (data_dir / "klanten.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["klant_id", "geboortejaar", "gemeentecode"])
    sheet.append(["K0000001", 1961, "0193"])
    sheet.append([None, None, None])
    sheet.append(["K0000002", 1975.0, "0402"])
    book.save(data_dir / "klanten.xlsx")
    klanten = load_dataset(data_dir).klanten
    assert klanten["klant_id"].tolist() == ["K0000001", "K0000002"]
    assert klanten["geboortejaar"].tolist() == [1961, 1975]
    assert klanten["gemeentecode"].tolist() == ["0193", "0402"]


def test_xlsx_problems_name_sheet_rows(data_dir: Path) -> None:
    """In a workbook, problems and duplicates are placed by sheet row."""
    (data_dir / "klanten.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["klant_id", "geboortejaar", "gemeentecode"])
    sheet.append(["K0000001", 1961, "0193"])
    sheet.append(["K0000002", 1975.5, "0402"])
    sheet.append(["K0000001", 1962, "0193"])
    book.save(data_dir / "klanten.xlsx")
    assert messages(data_dir) == [
        "klanten.xlsx:3: column 'geboortejaar': '1975.5' is not a whole number",
        "klanten.xlsx:4: duplicate key (klant_id=K0000001) also on row 2",
    ]


def test_xlsx_dates_and_months_from_date_cells(data_dir: Path) -> None:
    """Excel date cells become YYYY-MM-DD dates, and YYYY-MM in month columns."""
    (data_dir / "wachtlijst.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["peilmaand", "klant_id", "zorgprofiel", "status", "wachtweken"])
    sheet.append([dt.datetime(2023, 2, 1), "K0000002", "GGZ-W2", "actief", 6])
    book.save(data_dir / "wachtlijst.xlsx")
    assert load_dataset(data_dir).wachtlijst["peilmaand"].tolist() == ["2023-02"]


def test_xlsx_number_in_code_column_is_refused(data_dir: Path) -> None:
    """A municipality code typed as a number lost its zero: the message says so, with the row."""
    (data_dir / "gemeenten.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["gemeentecode", "gemeente", "regio", "regio_naam"])
    sheet.append([193, "Zwolle", "zwolle", "Zwolle"])
    sheet.append(["0402", "Hilversum", "t-gooi", "'t Gooi"])
    book.save(data_dir / "gemeenten.xlsx")
    assert messages(data_dir)[0] == (
        "gemeenten.xlsx:2: column 'gemeentecode': 193 is stored as a number, so its leading zeros are lost "
        "(expected the text '0193'; format the column as Text)"
    )


def test_file_that_is_not_a_workbook(data_dir: Path) -> None:
    """An .xlsx file that is not a workbook is one problem for that file."""
    (data_dir / "aanbieders.csv").unlink()
    (data_dir / "aanbieders.xlsx").write_bytes(b"agb_code,naam\n")
    assert messages(data_dir) == ["aanbieders.xlsx: cannot open the workbook (BadZipFile: File is not a zip file)"]


def test_file_that_is_not_parquet(data_dir: Path) -> None:
    """A .parquet file that is not Parquet is one problem for that file."""
    (data_dir / "locaties.csv").unlink()
    (data_dir / "locaties.parquet").write_bytes(b"locatie_id\n")
    found = messages(data_dir)
    assert len(found) == 1
    assert found[0].startswith("locaties.parquet: cannot read the Parquet file (")


def test_parquet_loads(data_dir: Path) -> None:
    """A typed Parquet file (string codes, double amounts) loads in row order."""
    (data_dir / "declaraties.csv").unlink()
    table = pa.table(
        {
            "klant_id": ["K0000001", "K0000002"],
            "maand": ["2023-01", "2023-01"],
            "agb_code": ["01234567", None],
            "postcode": ["8011AB", None],
            "prestatiecode": ["Z310", "Z900"],
            "leveringsvorm": ["intramuraal", "PGB"],
            "bedrag": [6012.48, 850.0],
        }
    )
    pq.write_table(table, data_dir / "declaraties.parquet")
    decl = load_dataset(data_dir).declaraties
    assert decl["bedrag"].tolist() == [6012.48, 850.0]
    assert decl["agb_code"].isna().tolist() == [False, True]
    assert decl["leveringsvorm"].tolist() == ["intramuraal", "PGB"]


def test_parquet_problem_names_the_row(data_dir: Path) -> None:
    """Parquet has no lines: the message says 'row N', counting from 1."""
    (data_dir / "wachtlijst.csv").unlink()
    table = pa.table(
        {
            "peilmaand": ["2023-02", "2023-13"],
            "klant_id": ["K0000001", "K0000002"],
            "zorgprofiel": ["GGZ-W2", "GGZ-W2"],
            "status": ["actief", "actief"],
            "wachtweken": pa.array([6, 3], pa.int64()),
        }
    )
    pq.write_table(table, data_dir / "wachtlijst.parquet")
    assert messages(data_dir) == [
        "wachtlijst.parquet: column 'peilmaand': row 2: '2023-13' is not a month (expected YYYY-MM)"
    ]


def test_parquet_numeric_code_column_is_refused(data_dir: Path) -> None:
    """A code column stored as integers is refused once, for the whole column."""
    (data_dir / "klanten.csv").unlink()
    table = pa.table({"klant_id": ["K0000001"], "geboortejaar": [1961], "gemeentecode": pa.array([193], pa.int64())})
    pq.write_table(table, data_dir / "klanten.parquet")
    assert messages(data_dir)[0] == (
        "klanten.parquet: column 'gemeentecode': is stored as numbers (int64), so leading zeros are lost "
        "(expected text, e.g. a string column)"
    )


def test_two_files_for_one_table(data_dir: Path) -> None:
    """A table in two formats is refused: either file could be the stale one."""
    (data_dir / "klanten.xlsx").write_bytes(b"")
    assert messages(data_dir) == [
        f"{data_dir}: more than one file for table 'klanten': klanten.csv, klanten.xlsx (keep one)"
    ]


def test_missing_file_names_the_expected_names(data_dir: Path) -> None:
    """A missing table names the three file names that would be accepted."""
    (data_dir / "locaties.csv").unlink()
    (data_dir / "locaties.xls").write_bytes(b"")
    assert messages(data_dir) == [
        f"{data_dir}: missing file for table 'locaties' (expected locaties.csv, locaties.parquet or "
        "locaties.xlsx; found locaties.xls, which is not a supported format)"
    ]


def test_missing_folder(tmp_path: Path) -> None:
    """A data folder that does not exist is one clear problem."""
    assert messages(tmp_path / "nope") == [f"data folder {tmp_path / 'nope'} does not exist or is not a folder"]


def test_extra_columns_give_a_warning(data_dir: Path) -> None:
    """Extra columns are ignored, with a warning handed to the caller."""
    (data_dir / "aanbieders.csv").write_text(
        "agb_code,naam,contractsegment,opmerking\n01234567,Zorggroep Voorbeeld,GGZ,nieuw\n", encoding="utf-8"
    )
    warnings: list[Problem] = []
    ds = load_dataset(data_dir, warnings)
    assert list(ds.aanbieders.columns) == ["agb_code", "naam", "contractsegment"]
    assert [str(w) for w in warnings] == ["aanbieders.csv:1: warning: extra columns ignored: opmerking"]


def test_loading_writes_nothing(data_dir: Path) -> None:
    """Loading, good or bad, leaves the folder byte for byte and time for time as it was."""
    before = snapshot(data_dir.parent)
    load_dataset(data_dir)
    assert snapshot(data_dir.parent) == before
    (data_dir / "klanten.csv").write_text("klant_id,geboortejaar,gemeentecode\nK1,x,0193\n", encoding="utf-8")
    before = snapshot(data_dir.parent)
    with pytest.raises(DataError):
        load_dataset(data_dir)
    assert snapshot(data_dir.parent) == before


@pytest.mark.parametrize("with_analysis_tables", [False, True], ids=["regioplan", "with-regioanalyse"])
def test_written_dataset_round_trips(data_dir: Path, tmp_path: Path, with_analysis_tables: bool) -> None:
    """write_dataset then load_dataset gives the same frames, and writing again the same bytes;
    with and without the optional Regioanalyse tables (amounts, empty dates, codes with zeros)."""
    if with_analysis_tables:
        for path in REGIOANALYSE.iterdir():
            (data_dir / path.name).write_bytes(path.read_bytes())
    ds = load_dataset(data_dir)
    if with_analysis_tables:
        assert all(len(ds.table(t.name)) for t in TABLES)
    first = write_dataset(ds, tmp_path / "out1")
    again = load_dataset(tmp_path / "out1")
    for table in TABLES:
        pd.testing.assert_frame_equal(again.table(table.name), ds.table(table.name))
    second = write_dataset(again, tmp_path / "out2")
    written = [t for t in TABLES if not t.optional or len(ds.table(t.name))]  # empty optional tables are left out
    assert [p.name for p in first] == [f"{t.name}.csv" for t in written]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_canonical_csv_form(data_dir: Path, tmp_path: Path) -> None:
    """The canonical file: ',' separator, two-decimal amounts, ISO dates, empty for missing, LF."""
    (data_dir / "declaraties.csv").write_text(
        "bedrag;leveringsvorm;klant_id;maand;agb_code;postcode;prestatiecode\r\n"
        "6.012,5;intramuraal;K0000001;2023-01;01234567;8011AB;Z310\r\n"
        "850;PGB;K0000002;2023-01;;;Z900\r\n",
        encoding="cp1252",
    )
    write_dataset(load_dataset(data_dir), tmp_path / "out")
    assert (tmp_path / "out" / "declaraties.csv").read_bytes() == (
        b"klant_id,maand,agb_code,postcode,prestatiecode,leveringsvorm,bedrag\n"
        b"K0000001,2023-01,01234567,8011AB,Z310,intramuraal,6012.50\n"
        b"K0000002,2023-01,,,Z900,PGB,850.00\n"
    )
    assert (tmp_path / "out" / "indicaties.csv").read_bytes() == (
        b"indicatie_id,klant_id,zorgprofiel,sector,geldig_van,geldig_tot\n"
        b"I00000001,K0000001,GGZ-W3,GGZ,2021-03-15,\n"
        b"I00000002,K0000002,GGZ-B4,GGZ,2022-01-01,2024-12-31\n"
    )


def test_canonical_csv_quotes_only_where_needed(data_dir: Path, tmp_path: Path) -> None:
    """A name with a comma, quotes and a line break is quoted with doubled quotes, and reads back."""
    (data_dir / "aanbieders.csv").write_text(
        'agb_code,naam,contractsegment\n01234567,"Zorg, ""Wonen""\nen meer",GGZ\n', encoding="utf-8"
    )
    write_dataset(load_dataset(data_dir), tmp_path / "out")
    assert (tmp_path / "out" / "aanbieders.csv").read_bytes() == (
        b'agb_code,naam,contractsegment\n01234567,"Zorg, ""Wonen""\nen meer",GGZ\n'
    )
    assert load_dataset(tmp_path / "out").aanbieders["naam"].tolist() == ['Zorg, "Wonen"\nen meer']


def test_amount_text_rounds_to_cents() -> None:
    """Amounts are written with two decimals; missing stays empty."""
    values = pd.Series([0.0, 1234.5, 0.126, 12.0, np.nan])
    assert amount_text(values).tolist() == ["0.00", "1234.50", "0.13", "12.00", ""]


def test_contract_doc_is_up_to_date() -> None:
    """docs/data-contract.md is exactly what the schema and validator produce."""
    assert DOC.read_text(encoding="utf-8") == data_contract_markdown()
