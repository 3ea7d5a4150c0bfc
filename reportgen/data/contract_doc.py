"""docs/data-contract.md, written from the schema, the rules and the validator itself.

The document is never edited by hand: a test compares the file with this function's
output, so the documented contract is always the one the loader enforces. Regenerate with
`python -m reportgen.data.contract_doc docs/data-contract.md`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportgen.data.cells import FIRST_DATE_YEAR, LAST_DATE_YEAR
from reportgen.data.contract_examples import EXAMPLE_ROWS, example_messages
from reportgen.data.findings import MAX_PROBLEMS_PER_FILE
from reportgen.data.read.files import FORMATS
from reportgen.data.rules import TABLE_RULES
from reportgen.data.schema import TABLES, Column, Table
from reportgen.write import write_text_atomic

KINDS = (
    ("code", "text matching the column's pattern", "`str`", "never read as a number, so leading zeros stay"),
    ("text", "any text", "`str`", ""),
    ("int", "a whole number, e.g. `2023`", "`int64`", "in `;`-separated CSV also `82.175`"),
    (
        "amount",
        "a number in euros, e.g. `1234.56`",
        "`float64`",
        "in `;`-separated CSV with a decimal comma: `1234,56` or `1.234,56`",
    ),
    ("month", "`YYYY-MM`, month 01-12", "`str` `YYYY-MM`", ""),
    (
        "date",
        "`YYYY-MM-DD`, an existing calendar date",
        "`datetime64[ns]`, `NaT` when empty",
        f"years {FIRST_DATE_YEAR}-{LAST_DATE_YEAR}",
    ),
    ("enum", "one of the listed values (case matters)", "`str`", ""),
)

FILES = f"""## Files

- One file per table in the data folder, named `<table>{FORMATS[0]}`, `<table>{FORMATS[1]}` or
  `<table>{FORMATS[2]}`. Two files for the same table are an error (either could be the stale
  one); other files in the folder are ignored.
- Column names in the header may be in any order, in any case, with surrounding spaces.
  Extra columns are ignored with a warning. Cells are trimmed of surrounding spaces.
- **CSV**
  - Encoding: UTF-8, UTF-8 with byte order mark (Excel "CSV UTF-8") or Windows-1252 (older
    Excel "CSV"). A file that mixes UTF-8 with other bytes, a UTF-16 file and bytes that are
    neither are refused, naming the line and byte offset of the first unreadable byte.
  - Separator: `,` or `;`, taken from the header line (more `;` than `,` means `;`).
  - Decimals: with `,` a decimal point (`1234.56`); with `;` a decimal comma, optionally with
    `.` between thousands (`1234,56`, `1.234,56`). With `;` a `.` is always a thousands
    separator, so `12.50` is refused rather than misread.
  - Quoting: standard double quotes; a quoted cell may hold the separator, `""` or a line
    break. Line ends LF, CRLF or CR. Blank lines are ignored.
  - Line numbers in messages are physical lines of the file; the header is line 1.
- **XLSX**: the first sheet, header in row 1, empty rows ignored; messages give the sheet row.
  Cells of `code` columns must be text: a number cell is refused, because Excel has already
  dropped its leading zeros (`0193` became `193`). Date cells are accepted in `date` columns,
  and in `month` columns when they are the first day of a month.
- **Parquet**: columns may be typed (string, integer, float, date, timestamp, dictionary),
  except `code` columns, which must be strings. Messages give `row N`, counting data rows
  from 1.
"""

MESSAGES_INTRO = f"""## Error messages

Loading stops before anything is computed when any file breaks the contract. Every check of
every readable file runs first, and all problems are reported together, in table order and
within a file in line order, at most {MAX_PROBLEMS_PER_FILE} per file followed by
`... and N more problems`. Each problem reads

    <file>:<line>: column '<column>': <what is wrong> (<what was expected>)

without the line for problems of a whole file, without the column for problems of a whole
row, with `row N: ` at the start of the message for Parquet, and with `warning: ` before
warnings (which do not stop loading). Examples, as the loader words them:
"""

WRITING = """## Canonical form

`reportgen synth` writes data in the canonical form, and every folder written this way loads
back unchanged (as long as every table has a row: a table without rows is refused when
loading): one `<table>.csv` per table, UTF-8 without byte order mark, `,` separator,
`.` decimals, LF line ends, columns in contract order, dates as `YYYY-MM-DD`, amounts with
two decimals, an empty cell for a missing value. The same data always gives the same bytes.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def column_rule(column: Column) -> str:
    """The column's constraints in words."""
    rules = []
    if column.pattern:
        rules.append(f"pattern `{column.pattern}`")
    if column.allowed:
        rules.append("one of " + ", ".join(f"`{value}`" for value in column.allowed))
    if column.kind == "month":
        rules.append("`YYYY-MM`")
    if column.kind == "date":
        rules.append("`YYYY-MM-DD`")
    if column.minimum is not None and column.maximum is not None:
        rules.append(f"{column.minimum:.0f} to {column.maximum:.0f}")
    elif column.minimum is not None:
        rules.append(f"at least {column.minimum:g}")
    if column.references:
        rules.append(f"must exist in `{column.references[0]}.{column.references[1]}`")
    return "; ".join(rules)


def table_section(table: Table) -> str:
    """One table: description, key, rules, the column table and an example file."""
    example = EXAMPLE_ROWS[table.name]
    lines = [f"### {table.name}", "", table.description, ""]
    lines.append(f"File: `{table.name}.csv` (or `.parquet`, `.xlsx`).{' Optional.' if table.optional else ''}")
    if table.key:
        lines.append(f"Key: {', '.join(f'`{name}`' for name in table.key)} (no two rows may have the same key).")
    lines += [
        "",
        "| column | type | required | rule | example | description |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for column in table.columns:
        cells = [
            f"`{column.name}`",
            column.kind,
            "yes" if column.required else "no",
            column_rule(column),
            f"`{example[column.name]}`",
            column.description,
        ]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    rules = [(rule.__doc__ or "").strip().splitlines()[0] for rule in TABLE_RULES.get(table.name, ())]
    if rules:
        lines += ["", "Also:", ""] + [f"- {rule}" for rule in rules]
    lines += ["", "```csv", ",".join(table.column_names), ",".join(example[n] for n in table.column_names), "```", ""]
    return "\n".join(lines)


def types_section() -> str:
    """What each column type accepts and what it becomes after loading."""
    lines = [
        "## Column types",
        "",
        "| type | written as | after loading | notes |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {kind} | {written} | {loaded} | {notes} |" for kind, written, loaded, notes in KINDS]
    lines += [
        "",
        "An empty cell is allowed only where the column is not required; it loads as missing",
        "(`NaN` for text and amounts, `NaT` for dates). Amounts are in euros.",
        "",
    ]
    return "\n".join(lines)


def data_contract_markdown() -> str:
    """The whole of docs/data-contract.md."""
    intro = (
        "# Data contract\n\n"
        f"reportgen reads {len(TABLES)} tables from one folder (`reportgen build --data DIR`), checks them\n"
        "against this contract and refuses to compute anything from data that breaks it. This file\n"
        "is written from `reportgen/data/schema.py`; regenerate it with\n"
        "`python -m reportgen.data.contract_doc docs/data-contract.md`.\n"
    )
    tables = "## Tables\n\n" + "\n".join(table_section(table) for table in TABLES)
    messages = MESSAGES_INTRO + "\n```text\n" + "\n".join(example_messages()) + "\n```\n"
    return "\n".join([intro, FILES, types_section(), tables, messages, WRITING])


def main(argv: list[str]) -> int:
    """Write the document to the path given on the command line."""
    write_text_atomic(Path(argv[0]), data_contract_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
