"""The building blocks of the data contract: a column spec and a table spec.

Kept apart from the tables themselves so the contract can be split over modules (the tables
of the Regioplan in schema.py, those added for the Regioanalyse GZ in schema_gz.py).
"""

from __future__ import annotations

from dataclasses import dataclass

ZORGPROFIEL_PATTERN = r"^(GGZ-W[1-5]|GGZ-B[3-7]|VG[1-8]|LVG[1-5]|SGLVG|LG[1-7]|ZGaud[1-4]|ZGvis[1-5]|VV[1-9]|VV10)$"
SECTORS = ("GGZ", "GZ", "VV")
LEVERINGSVORMEN = ("intramuraal", "VPT", "MPT", "PGB")
WACHTSTATUS = ("urgent", "actief", "wacht op voorkeur", "niet-actief")
LEEFTIJDSGROEPEN = ("0-17", "18-64", "65-79", "80+")


@dataclass(frozen=True)
class Column:
    """One column: its name, kind, and what values are allowed.

    kind is one of:
    - "code": text that must keep leading zeros (AGB, CBS code, postcode, ids); never parsed as a number
    - "text": free text
    - "int": whole number
    - "amount": decimal number in euros (decimal comma accepted in ';'-separated CSV)
    - "month": YYYY-MM
    - "date": YYYY-MM-DD
    - "enum": one of `allowed`
    """

    name: str
    kind: str
    description: str
    required: bool = True  # False: the cell may be empty
    pattern: str | None = None  # regular expression a "code" must match in full
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    references: tuple[str, str] | None = None  # (table, column) this value must exist in


@dataclass(frozen=True)
class Table:
    """One input table: file stem, columns, and the columns that identify a row."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    optional: bool = False

    def column(self, name: str) -> Column:
        """The spec of one column, by name."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> list[str]:
        """Column names in contract order."""
        return [c.name for c in self.columns]
