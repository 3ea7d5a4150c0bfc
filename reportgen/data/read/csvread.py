"""Reading a CSV file into a RawTable: every cell as text, every row with its line number.

Well-formed files (one record per line, blank lines allowed, same number of fields
everywhere) are parsed by pyarrow, which is fast enough for tens of millions of claims.
Anything irregular (line breaks inside quoted cells, rows with too many or too few fields,
old Mac line ends) is parsed again with the csv module, which is slower but knows on which
physical line each record starts, so every message still points at the right line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from reportgen.data.read.lines import HEADER_LINE, filled_line_count, record_lines, regular_record_lines
from reportgen.data.read.quotes import OpenQuote, lines_in, unclosed_quote
from reportgen.data.read.raw import RawTable, empty_file_problem, header_problems, no_rows_problem, normalised_header
from reportgen.data.read.textdecode import BOM, encoding_of, first_line, separator_of
from reportgen.data.schema import Table
from reportgen.errors import Problem

HEAD_BYTES = 1 << 16
"""Bytes decoded to find the header line of a file whose full text is not needed."""


@dataclass(frozen=True)
class ParsedCsv:
    """Records below the header: wanted columns as text, the line each record starts on."""

    columns: dict[str, pd.Series]
    lines: np.ndarray
    problems: list[Problem]


def _header_cells(header_line: str, sep: str) -> list[str]:
    return next(csv.reader([header_line], delimiter=sep), [])


def _arrow_columns(
    source: pa.NativeFile, sep: str, width: int, wanted: dict[str, int], quoted: bool
) -> dict[str, pd.Series] | None:
    """The wanted columns parsed by pyarrow, or None when it cannot parse the file.

    The columns come out as large_string, the type pandas keeps its `str` columns in, so
    handing them to pandas copies nothing; pyarrow skips a UTF-8 byte order mark itself.
    """
    names = [f"c{i}" for i in range(width)]
    try:
        parsed = pacsv.read_csv(
            source,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=quoted),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},
                include_columns=[names[i] for i in wanted.values()],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    return {name: parsed.column(names[i]).to_pandas() for name, i in wanted.items()}


@dataclass(frozen=True)
class _Layout:
    """What parsing needs to know of a file besides its bytes."""

    filled_lines: int | None
    quoted: bool
    skip: int
    sep: str
    width: int


def _parsed(path: Path, own: bytes | None, layout: _Layout, wanted: dict[str, int], source: str) -> ParsedCsv:
    """The records of the file, or of `own` when its text had to change (re-encoded, or cut at a quote).

    pyarrow parses; the bytes are read again only when the file proves irregular, to locate
    every record's line or to read it record by record.
    """
    if own is None:
        with pa.OSFile(str(path)) as file:
            columns = _arrow_columns(file, layout.sep, layout.width, wanted, layout.quoted)
    else:
        columns = _arrow_columns(pa.BufferReader(own), layout.sep, layout.width, wanted, layout.quoted)
    if columns is not None:
        rows = len(next(iter(columns.values())))
        lines = regular_record_lines(layout.filled_lines, rows)
        if lines is None:
            lines = record_lines(own if own is not None else path.read_bytes(), rows)
        if lines is not None:
            return ParsedCsv(columns, lines, [])
    del columns
    utf8 = own if own is not None else path.read_bytes()[layout.skip :]
    return _careful_parse(utf8.decode("utf-8"), layout.sep, layout.width, wanted, source)


def _careful_parse(text: str, sep: str, width: int, wanted: dict[str, int], source: str) -> ParsedCsv:
    """Parse with the csv module, tracking the physical line each record starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    next(reader, None)
    after = reader.line_num
    cells: dict[str, list[str]] = {name: [] for name in wanted}
    lines: list[int] = []
    problems: list[Problem] = []
    for record in reader:
        start, after = after + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != width and not (len(record) > width and not any(record[width:])):
            fields = f"{len(record)} field{'' if len(record) == 1 else 's'}"
            problems.append(Problem(f"has {fields}, expected {width} (separator '{sep}')", source, start))
            continue
        for name, i in wanted.items():
            cells[name].append(record[i])
        lines.append(start)
    columns = {name: pd.Series(values, dtype=str) for name, values in cells.items()}
    return ParsedCsv(columns, np.asarray(lines, dtype=np.int64), problems)


def without_blank_rows(parsed: ParsedCsv) -> ParsedCsv:
    """Drop records whose contract cells are all blank, such as the ',,,,' rows Excel leaves."""
    if not parsed.columns:
        return parsed
    filled = np.zeros(len(parsed.lines), dtype=bool)
    for values in parsed.columns.values():
        filled |= (values.str.strip() != "").to_numpy(dtype=bool, na_value=False)
    if filled.all():
        return parsed
    columns = {name: values[filled].reset_index(drop=True) for name, values in parsed.columns.items()}
    return ParsedCsv(columns, parsed.lines[filled], parsed.problems)


def open_quote_problem(quote: OpenQuote, text: str, header: list[str], source: str) -> Problem:
    """The error for a quote that is never closed, naming its line and column."""
    column = header[quote.field] if quote.field < len(header) and header[quote.field] else None
    last = lines_in(text)
    rest = f"line {quote.line}" if last <= quote.line else f"lines {quote.line}-{last}"
    return Problem(
        f'a quote (") opens this cell and is never closed, so {rest} could not be read (close the quote, or remove it)',
        source,
        quote.line,
        column,
    )


def _head(utf8: bytes, skip: int) -> str:
    """The start of a UTF-8 file as text: enough for its header line and to see it is not blank."""
    return utf8[skip : skip + HEAD_BYTES].decode("utf-8", errors="ignore")


def read_csv_table(path: Path, table: Table) -> RawTable | list[Problem]:
    """The file as a RawTable, or the problems that stop it from being read at all.

    A UTF-8 file is parsed from its bytes; its text is decoded only to look for an
    unclosed quote (when it has quotes) or to read an irregular file record by record.
    """
    source = path.name
    data = path.read_bytes()
    encoding = encoding_of(data, source)
    if isinstance(encoding, Problem):
        return [encoding]
    skip = len(BOM) if encoding == "utf-8-sig" else 0
    if encoding == "cp1252":
        full: str | None = data.decode("cp1252")
        data, skip = full.encode(), 0
    else:
        full = None
    head = _head(data, skip)
    if len(data) - skip > HEAD_BYTES and not (head.strip() and first_line(head) != head):
        full = data[skip:].decode("utf-8")
    text = full if full is not None else head
    if not text.strip():
        return [empty_file_problem(table, source)]
    header_line = first_line(text)
    sep = separator_of(header_line)
    header = normalised_header(_header_cells(header_line, sep))
    if b'"' in data and full is None:
        full = text = data[skip:].decode("utf-8")
    quote = unclosed_quote(text, sep) if full is not None else None
    if quote is not None and quote.line == HEADER_LINE:
        return [open_quote_problem(quote, text, [], source)]
    problems = header_problems(table, source, header, HEADER_LINE)
    if any(p.severity == "error" for p in problems):
        return problems
    wanted = {name: header.index(name) for name in table.column_names}
    if quote is not None:  # read what comes before it; the rest would be one cell
        problems.append(open_quote_problem(quote, text, header, source))
        full = text[: quote.line_start]
        data, skip = full.encode(), 0
    own = data if encoding == "cp1252" or quote is not None else None
    layout = _Layout(filled_line_count(data), b'"' in data, skip, sep, len(header))
    del data, full, text  # a large file is parsed from disk, not held twice
    parsed = _parsed(path, own, layout, wanted, source)
    parsed = without_blank_rows(parsed)
    problems += parsed.problems
    if len(parsed.lines) == 0 and not any(p.severity == "error" for p in problems):
        return [*problems, no_rows_problem(table, source, HEADER_LINE)]
    frame = pd.DataFrame({name: parsed.columns[name] for name in table.column_names})
    return RawTable(
        table,
        source,
        frame,
        parsed.lines,
        place_word="line",
        decimal_comma=sep == ";",
        problems=tuple(problems),
    )
