"""Reading the first sheet of an XLSX workbook into a RawTable.

Excel stores typed cells: numbers, dates, text. Each is turned into the text the CSV form
would hold, so one validator serves all formats. The one thing that cannot be undone is a
code typed as a number: Excel has dropped its leading zeros (0193 became 193), so such a
cell is rejected with a message that says so instead of being silently repaired.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from reportgen.data.read.raw import (
    CellNote,
    RawTable,
    empty_file_problem,
    header_problems,
    no_rows_problem,
    normalised_header,
    text_frame,
)
from reportgen.data.schema import Column, Table
from reportgen.errors import Problem

HEADER_ROW = 1
DIGITS_ONLY = re.compile(r"\^?\\d\{(\d+)\}\$?")


def number_text(value: float) -> str:
    """A number as plain text without exponent or a trailing '.0'."""
    if float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    return f"{value:.12f}".rstrip("0") if "e" in text else text


def _number_in_code_column(value: float, column: Column) -> str:
    digits = number_text(value)
    width = DIGITS_ONLY.fullmatch(column.pattern or "")
    if width and len(digits) < int(width.group(1)):
        padded = digits.zfill(int(width.group(1)))
        return (
            f"{digits} is stored as a number, so its leading zeros are lost "
            f"(expected the text '{padded}'; format the column as Text)"
        )
    if width:
        return f"{digits} is stored as a number (expected text, so leading zeros are kept; format the column as Text)"
    return f"{digits} is stored as a number (expected text matching {column.pattern})"


def cell_text(value: object, column: Column) -> str | CellNote:
    """What the CSV form of this cell would hold, or a note when a number lost its zeros."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if column.kind == "code":
            return CellNote(0, column.name, _number_in_code_column(value, column))
        return number_text(value)
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if column.kind == "month" and day.day == 1:
            return f"{day.year:04d}-{day.month:02d}"
        return day.isoformat()
    return str(value)


def read_xlsx_table(path: Path, table: Table) -> RawTable | list[Problem]:
    """The first sheet as a RawTable (header in row 1), or the problems that stop reading it."""
    source = path.name
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        return [Problem(f"cannot open the workbook ({type(exc).__name__}: {exc})", source)]
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header_cells = next(rows, None)
        if header_cells is None or all(cell is None for cell in header_cells):
            return [empty_file_problem(table, source)]
        header = normalised_header(list(header_cells))
        problems = header_problems(table, source, header, HEADER_ROW)
        if any(p.severity == "error" for p in problems):
            return problems
        wanted = [(table.column(name), header.index(name)) for name in table.column_names]
        cells: dict[str, list[str]] = {name: [] for name in table.column_names}
        places: list[int] = []
        notes: list[CellNote] = []
        for number, row in enumerate(rows, start=HEADER_ROW + 1):
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row):
                continue
            for column, i in wanted:
                text = cell_text(row[i] if i < len(row) else None, column)
                if isinstance(text, CellNote):
                    notes.append(CellNote(len(places), column.name, text.message))
                    text = ""
                cells[column.name].append(text)
            places.append(number)
    finally:
        workbook.close()
    if not places:
        return [*problems, no_rows_problem(table, source, HEADER_ROW)]
    return RawTable(
        table,
        source,
        text_frame(cells),
        np.asarray(places, dtype=np.int64),
        place_word="row",
        notes=tuple(notes),
        problems=tuple(problems),
    )
