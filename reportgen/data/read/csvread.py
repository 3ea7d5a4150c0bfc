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

from reportgen.data.read.quotes import OpenQuote, lines_in, unclosed_quote
from reportgen.data.read.raw import RawTable, empty_file_problem, header_problems, no_rows_problem, normalised_header
from reportgen.data.read.textdecode import decoded_text, first_line, separator_of
from reportgen.data.schema import Table
from reportgen.errors import Problem

HEADER_LINE = 1


@dataclass(frozen=True)
class ParsedCsv:
    """Records below the header: wanted columns as text, the line each record starts on."""

    columns: dict[str, pd.Series]
    lines: np.ndarray
    problems: list[Problem]


def _header_cells(header_line: str, sep: str) -> list[str]:
    return next(csv.reader([header_line], delimiter=sep), [])


def record_lines(utf8: bytes, rows: int) -> np.ndarray | None:
    """Line numbers of the `rows` records if each takes exactly one non-empty line, else None.

    Every record spanning several lines has a non-empty first and last line, so the count
    of non-empty lines below the header equals `rows` exactly when no record does.
    """
    buf = np.frombuffer(utf8, dtype=np.uint8)
    ends = np.flatnonzero(buf == ord("\n"))
    starts = np.concatenate([[0], ends + 1])
    lengths = np.concatenate([ends, [len(buf)]]) - starts
    filled = lengths > 1
    single = lengths == 1
    filled[single] = buf[starts[single]] != ord("\r")
    lines = np.flatnonzero(filled).astype(np.int64) + 1
    if len(lines) == 0 or lines[0] != HEADER_LINE or len(lines) != rows + 1:
        return None
    return lines[1:]


def _fast_parse(utf8: bytes, sep: str, width: int, wanted: dict[str, int]) -> ParsedCsv | None:
    """Parse with pyarrow, or None when the file is not one-record-per-line regular."""
    names = [f"c{i}" for i in range(width)]
    try:
        parsed = pacsv.read_csv(
            io.BytesIO(utf8),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=b'"' in utf8),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                include_columns=[names[i] for i in wanted.values()],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    lines = record_lines(utf8, parsed.num_rows)
    if lines is None:
        return None
    columns = {name: parsed.column(names[i]).to_pandas() for name, i in wanted.items()}
    return ParsedCsv(columns, lines, [])


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


def read_csv_table(path: Path, table: Table) -> RawTable | list[Problem]:
    """The file as a RawTable, or the problems that stop it from being read at all."""
    source = path.name
    data = path.read_bytes()
    decoded = decoded_text(data, source)
    if isinstance(decoded, Problem):
        return [decoded]
    text = decoded.text
    if not text.strip():
        return [empty_file_problem(table, source)]
    header_line = first_line(text)
    sep = separator_of(header_line)
    header = normalised_header(_header_cells(header_line, sep))
    quote = unclosed_quote(text, sep)
    if quote is not None and quote.line == HEADER_LINE:
        return [open_quote_problem(quote, text, [], source)]
    problems = header_problems(table, source, header, HEADER_LINE)
    if any(p.severity == "error" for p in problems):
        return problems
    wanted = {name: header.index(name) for name in table.column_names}
    utf8 = data[3:] if decoded.encoding == "utf-8-sig" else data if decoded.encoding == "utf-8" else text.encode()
    if quote is not None:  # read what comes before it; the rest would be one cell
        problems.append(open_quote_problem(quote, text, header, source))
        text = text[: quote.line_start]
        utf8 = text.encode()
    parsed = _fast_parse(utf8, sep, len(header), wanted) or _careful_parse(text, sep, len(header), wanted, source)
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
