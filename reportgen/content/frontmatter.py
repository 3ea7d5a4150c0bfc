"""The front matter of a section file: who it is for, which edition, and how final.

The block between the two `---` lines says which region and edition a text was written
for and whether it was reviewed. Checking it against the folder the file sits in
catches the commonest slip: last year's file, or another region's, copied into place
unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportgen.content.suggest import did_you_mean, name_list
from reportgen.content.yamltext import Entry, yaml_entries
from reportgen.errors import Problem

NATIONAL = "landelijk"
STATUSES = ("concept", "definitief")
ALLOWED_KEYS = ("regio", "editie", "status", "laatst_beoordeeld", "voorbeeldtekst", "auteur", "vorige_editie")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DELIMITERS = ("---", "...")


@dataclass(frozen=True)
class SplitText:
    """A file's text cut in front matter and body.

    front: the YAML between the `---` lines, None when the file has none (or it is not
    closed: then `closed` is False); body_line: the file line of the body's first line.
    """

    front: str | None
    body: str
    body_line: int
    closed: bool = True


@dataclass(frozen=True)
class FrontMatter:
    """The values of a section file's front matter, and the line of each key given."""

    regio: str | None = None
    editie: int | None = None
    status: str | None = None
    laatst_beoordeeld: str | None = None
    voorbeeldtekst: bool = False
    auteur: str | None = None
    vorige_editie: int | None = None
    key_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int:
        """The file line of `key`, or 1 (the opening `---`) when it is not given."""
        return dict(self.key_lines).get(key, 1)


def split_front_matter(text: str) -> SplitText:
    """Cut the text at the `---` lines that open and close the front matter."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return SplitText(None, text, 1)
    for i in range(1, len(lines)):
        if lines[i].strip() in _DELIMITERS:
            return SplitText("\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2)
    return SplitText(None, "", len(lines) + 1, closed=False)


def _year(value: object) -> int | None:
    """An edition year from a YAML value (a number, or digits in quotes), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _valid_date(value: object) -> str | None:
    """The value when it is a real date written YYYY-MM-DD, else None."""
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        return None
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return value.strip()


def _entry_problem(entry: Entry, region: str, edition: int) -> tuple[object, str | None]:
    """(the checked value, None) or (None, what is wrong and how to fix it) for one key."""
    key, value = entry.key, entry.value
    if key == "regio":
        if not isinstance(value, str) or value != region:
            return None, f"regio '{value}' does not match the folder '{region}': set 'regio: {region}'"
        return value, None
    if key in ("editie", "vorige_editie"):
        year = _year(value)
        if year is None:
            return None, f"{key} '{value}' is not a year: write it as a number, e.g. '{key}: {edition}'"
        if key == "editie" and year != edition:
            return None, (
                f"editie {year} does not match the folder {edition}: set 'editie: {edition}' "
                f"(or move the file to the folder of edition {year})"
            )
        return year, None
    if key == "status":
        if value not in STATUSES:
            return None, f"status '{value}' is not allowed: use 'concept' or 'definitief'"
        return value, None
    if key == "laatst_beoordeeld":
        date = _valid_date(value)
        if date is None:
            return None, (
                f"laatst_beoordeeld '{value}' is not a date in the form YYYY-MM-DD: "
                f"write e.g. 'laatst_beoordeeld: {edition}-05-01'"
            )
        return date, None
    if key == "voorbeeldtekst":
        if not isinstance(value, bool):
            return None, f"voorbeeldtekst '{value}' must be true or false"
        return value, None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None, f"auteur must be a name, e.g. 'auteur: Anna de Vries', not '{value}'"
    return str(value), None


def _missing_message(key: str, region: str, edition: int) -> str:
    """What to add for a required key that is missing."""
    example = {
        "regio": f"regio: {region}",
        "editie": f"editie: {edition}",
        "status": "status: concept",
        "laatst_beoordeeld": "laatst_beoordeeld: YYYY-MM-DD",
    }[key]
    return f"front matter lacks '{key}': add a line '{example}' between the '---' lines"


def read_front_matter(split: SplitText, source: str, region: str, edition: int) -> tuple[FrontMatter, list[Problem]]:
    """The front matter of a section file in `content/<edition>/<region>/`, checked.

    Problems name the line of the key at fault; values that are wrong are left unset.
    In the national folder `regio` may be left out (or be 'landelijk').
    """
    if not split.closed:
        return FrontMatter(), [Problem("front matter is not closed: add a line '---' after its last key", source, 1)]
    if split.front is None:
        return FrontMatter(), [
            Problem(
                "the file has no front matter: start it with a line '---', then the lines regio, "
                "editie, status and laatst_beoordeeld, then a line '---'",
                source,
                1,
            )
        ]
    entries, problems = yaml_entries(split.front, source, 2, "front matter")
    if entries is None:
        return FrontMatter(), problems
    values: dict[str, object] = {}
    for entry in entries:
        if entry.key not in ALLOWED_KEYS:
            hint = did_you_mean(entry.key, ALLOWED_KEYS)
            problems.append(
                Problem(
                    f"unknown front-matter key '{entry.key}'{hint}; allowed keys: {name_list(ALLOWED_KEYS)}",
                    source,
                    entry.line,
                )
            )
            continue
        value, message = _entry_problem(entry, region, edition)
        if message:
            problems.append(Problem(message, source, entry.line))
        else:
            values[entry.key] = value
    given = {e.key for e in entries}
    required = ["editie", "status", "laatst_beoordeeld"] + ([] if region == NATIONAL else ["regio"])
    for key in required:
        if key not in given:
            problems.append(Problem(_missing_message(key, region, edition), source, 1))
    front = FrontMatter(**values, key_lines=tuple((e.key, e.line) for e in entries))  # type: ignore[arg-type]
    return front, problems
