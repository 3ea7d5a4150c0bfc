"""Example values for every contract column, and example error messages made by the validator.

The examples form one valid row per table (they refer to each other), so the documentation
shows values that really pass. The example messages are produced by running the real
checks on a deliberately broken copy, so the documented wording cannot drift from the code.
"""

from __future__ import annotations

import numpy as np

from reportgen.data.read.csvread import open_quote_problem
from reportgen.data.read.quotes import unclosed_quote
from reportgen.data.read.raw import CellNote, RawTable, empty_file_problem, header_problems, text_frame
from reportgen.data.read.textdecode import decoded_text
from reportgen.data.read.xlsxread import cell_text
from reportgen.data.schema import TABLES, TABLES_BY_NAME
from reportgen.data.validate import validated_tables
from reportgen.errors import Problem

EXAMPLE_ROWS: dict[str, dict[str, str]] = {
    "gemeenten": {"gemeentecode": "0193", "gemeente": "Zwolle", "regio": "zwolle", "regio_naam": "Zwolle"},
    "bevolking": {"gemeentecode": "0193", "jaar": "2023", "leeftijdsgroep": "18-64", "inwoners": "82175"},
    "klanten": {"klant_id": "K0000001", "geboortejaar": "1961", "gemeentecode": "0193"},
    "indicaties": {
        "indicatie_id": "I00000001",
        "klant_id": "K0000001",
        "zorgprofiel": "GGZ-W3",
        "sector": "GGZ",
        "geldig_van": "2021-03-15",
        "geldig_tot": "2025-03-14",
    },
    "declaraties": {
        "klant_id": "K0000001",
        "maand": "2023-01",
        "agb_code": "03012345",
        "postcode": "8011AB",
        "prestatiecode": "Z310",
        "leveringsvorm": "intramuraal",
        "bedrag": "6012.48",
    },
    "aanbieders": {"agb_code": "03012345", "naam": "Zorggroep Voorbeeld", "contractsegment": "GGZ"},
    "locaties": {"locatie_id": "L000001", "agb_code": "03012345", "postcode": "8011AB", "gemeentecode": "0193"},
    "wachtlijst": {
        "peilmaand": "2023-02",
        "klant_id": "K0000001",
        "zorgprofiel": "GGZ-W3",
        "status": "actief",
        "wachtweken": "6",
    },
    "ontvangers": {
        "agb_code": "03012345",
        "naam": "Zorggroep Voorbeeld (zorginkoop)",
        "email": "zorginkoop@voorbeeld.example.org;directie@voorbeeld.example.org",
        "documenten": "regioplan-ggz",
        "regios": "zwolle",
    },
    "bevolkingsprognose": {"gemeentecode": "0193", "jaar": "2040", "leeftijdsgroep": "65-79", "inwoners": "17250"},
    "bevolking_nederland": {"jaar": "2023", "inwoners": "17811291"},
    "gemeentekenmerken": {
        "gemeentecode": "0193",
        "ses_groep": "3",
        "stedelijkheid": "4",
        "pct_nederlands": "79.5",
        "pct_westers": "8.1",
        "pct_niet_westers": "12.4",
    },
    "personeel": {"regio": "zwolle", "jaar": "2040", "medewerkers": "3150"},
    "streefnormen": {"status": "actief", "classificatie": "VG", "weken": "13"},
    "wachtperiodes": {
        "klant_id": "K0000001",
        "zorgprofiel": "VG5",
        "status": "actief",
        "wacht_van": "2022-10-03",
        "geplaatst_op": "2023-01-16",
    },
    "locatiecoordinaten": {"locatie_id": "L000001", "x": "203150", "y": "502870"},
}
"""One valid row per table, as text in the canonical CSV form."""

BROKEN_ROWS: dict[str, list[dict[str, str]]] = {
    "gemeenten": [{"gemeentecode": "0200", "regio": "zwolle-oost"}],
    "bevolking": [{"jaar": "2023a"}],
    "klanten": [{"klant_id": "K0000002", "gemeentecode": "9999"}, {}],
    "indicaties": [
        {"indicatie_id": "I00000002", "geldig_van": "15-03-2021"},
        {"indicatie_id": "I00000003", "geldig_van": "2023-02-30"},
        {"indicatie_id": "I00000004", "geldig_tot": "2020-12-31"},
    ],
    "declaraties": [
        {"maand": "2023-13"},
        {"maand": "2023-02", "bedrag": "-12.50"},
        {"maand": "2023-03", "agb_code": ""},
        {"maand": "2023-04", "leveringsvorm": "thuis"},
        {"maand": "2023-05", "klant_id": "K12"},
        {"maand": "2023-06", "bedrag": ""},
        {"maand": "2023-07", "bedrag": "1e999"},
        {"maand": "2023-08", "agb_code": "\uff103012345"},
    ],
    "wachtlijst": [{"peilmaand": "2023-14"}],
    "ontvangers": [{"agb_code": "03099999", "email": "zorginkoop@voorbeeld", "regios": "zwolle;oost"}],
    "bevolking_nederland": [{"inwoners": "0"}],
    "gemeentekenmerken": [{"gemeentecode": "0200", "ses_groep": "6"}],
    "personeel": [{"regio": "twente"}],
    "wachtperiodes": [{"wacht_van": "2022-11-01", "geplaatst_op": "2022-10-31"}],
}
"""Rows added after each table's example row, each breaking one rule."""

PARQUET_EXAMPLE = "wachtlijst"
"""The table the example messages show as a Parquet file, to show its 'row N' form."""


def example_raw(table_name: str, extra_rows: list[dict[str, str]] = (), parquet: bool = False) -> RawTable:
    """An in-memory table: the example row, then the example row changed by each extra.

    As CSV (header on line 1, rows from line 2) or as Parquet (rows counted from 1).
    """
    table = TABLES_BY_NAME[table_name]
    rows = [EXAMPLE_ROWS[table_name]] + [{**EXAMPLE_ROWS[table_name], **change} for change in extra_rows]
    frame = text_frame({name: [row[name] for row in rows] for name in table.column_names})
    if parquet:
        places = np.arange(1, len(rows) + 1, dtype=np.int64)
        return RawTable(table, f"{table_name}.parquet", frame, places, place_word="row", place_in_message=True)
    places = np.arange(2, len(rows) + 2, dtype=np.int64)
    return RawTable(table, f"{table_name}.csv", frame, places)


def example_messages() -> list[str]:
    """Messages the loader really gives for typical mistakes, one per kind of mistake."""
    klanten = TABLES_BY_NAME["klanten"]
    zero_lost = cell_text(193, TABLES_BY_NAME["gemeenten"].column("gemeentecode"))
    file_level: list[Problem] = [
        *header_problems(klanten, "klanten.csv", ["klant_id", "geboortejaar", "woonplaats"], 1),
        *header_problems(klanten, "klanten.csv", [*klanten.column_names, "opmerking"], 1),
        empty_file_problem(TABLES_BY_NAME["aanbieders"], "aanbieders.csv"),
    ]
    if isinstance(zero_lost, CellNote):
        file_level.append(Problem(zero_lost.message, "gemeenten.xlsx", 5, zero_lost.column))
    unreadable = decoded_text(
        "gemeentecode,gemeente\n0193,Zwolle\n0363,Amst\x81rdam\n".encode("latin-1"), "gemeenten.csv"
    )
    if isinstance(unreadable, Problem):
        file_level.append(unreadable)
    quoted_text = 'klant_id,geboortejaar,gemeentecode\nK0000001,1961,0193\nK0000002,"1975,0193\nK0000003,1980,0193\n'
    quote = unclosed_quote(quoted_text, ",")
    if quote is not None:
        file_level.append(open_quote_problem(quote, quoted_text, klanten.column_names, "klanten.csv"))
    raws = {t.name: example_raw(t.name, BROKEN_ROWS.get(t.name, []), t.name == PARQUET_EXAMPLE) for t in TABLES}
    validated = validated_tables(raws)
    found = [problem for t in TABLES for problem in validated.problems[t.name]]
    return [str(problem) for problem in file_level + found]
