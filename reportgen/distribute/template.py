"""The editors' template of the e-mail and the cover letter, and its check.

`content/<edition>/distributie/sjabloon.yaml` holds the subject, the message body, the
note about encrypted files, and the letter's title, text and signature, with variables
such as `{{ aanbieder }}` and `{{ regios }}`. `reportgen check` runs the same reading, so
a template that passes the check fills in without surprises when sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.content.suggest import did_you_mean, name_list
from reportgen.content.variables import NAME, PLACEHOLDER
from reportgen.errors import ContentError, LayoutError, Problem
from reportgen.yamlfile import LineDict, load_yaml_with_lines

FOLDER = "distributie"
FILE = "sjabloon.yaml"
FIELDS = {
    "onderwerp": "the e-mail subject (one line)",
    "bericht": "the e-mail text",
    "versleuteld": "the paragraph added to the e-mail when the PDFs are encrypted",
    "brief_titel": "the title of the cover letter",
    "brief_tekst": "the text of the cover letter (paragraphs separated by a blank line)",
    "ondertekening": "the closing lines of the cover letter",
}
VARIABLES = {
    "aanbieder": "Stichting Voorbeeld",
    "naam": "Stichting Voorbeeld, afdeling zorginkoop",
    "agb_code": "01234567",
    "regios": "Zwolle en 't Gooi",
    "documenten": "Regioplan 2023/2024 GGZ",
    "aantal_bijlagen": "2",
    "editie": "2023",
    "volgend_jaar": "2024",
    "organisatie": "Zorgkantoor",
}
"""Every variable a template may use, with an example value (used by the check)."""


@dataclass(frozen=True)
class Template:
    """The template's texts, as written (variables not yet filled in), and where each starts."""

    texts: dict[str, str]
    lines: dict[str, int]
    source: str

    def filled(self, field: str, values: dict[str, str]) -> tuple[str, list[Problem]]:
        """One field with its variables filled in, and a problem per unknown or unclosed one."""
        problems: list[Problem] = []
        lines = []
        for offset, line in enumerate(self.texts[field].split("\n")):
            where = self.lines[field] + offset

            def value(match, where=where) -> str:
                name = match.group(1).strip()
                if NAME.fullmatch(name) and name in values:
                    return values[name]
                hint = did_you_mean(name, values, "{{{{ {} }}}}")
                problems.append(
                    Problem(
                        f"unknown variable {{{{ {name} }}}}{hint}; use one of: {name_list(values)}", self.source, where
                    )
                )
                return match.group(0)

            filled = PLACEHOLDER.sub(value, line)
            if "{{" in PLACEHOLDER.sub("", line):
                problems.append(
                    Problem("'{{' without a closing '}}' on the same line: write {{ naam }}", self.source, where)
                )
            lines.append(filled)
        return "\n".join(lines), problems


def template_path(content_dir: Path, edition: int) -> Path:
    """Where the template of an edition lives."""
    return Path(content_dir) / str(edition) / FOLDER / FILE


def read_template(content_dir: Path, edition: int) -> tuple[Template | None, list[Problem]]:
    """The template, or None with the problems that make it unusable (file, line, what to fix)."""
    path = template_path(content_dir, edition)
    source = str(path)
    if not path.is_file():
        return None, [
            Problem(
                f"no distribution template: create {FILE} in {path.parent} with "
                f"{', '.join(FIELDS)} (see the README, 'Verzenden naar aanbieders')",
                source,
            )
        ]
    try:
        data = load_yaml_with_lines(path, ContentError)
    except (ContentError, LayoutError) as exc:
        return None, list(exc.problems)
    if not isinstance(data, LineDict):
        return None, [Problem(f"expected the keys {', '.join(FIELDS)}", source, 1)]
    problems: list[Problem] = []
    for key in data:
        if key not in FIELDS:
            hint = did_you_mean(str(key), FIELDS, "'{}'")
            problems.append(
                Problem(f"unknown key '{key}'{hint}; the keys are: {', '.join(FIELDS)}", source, data.line_of(str(key)))
            )
    texts: dict[str, str] = {}
    lines: dict[str, int] = {}
    for key, meaning in FIELDS.items():
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(f"'{key}' is missing or empty: write {meaning}", source, data.line_of(key)))
            continue
        texts[key] = value.strip("\n")
        lines[key] = data.line_of(key) + (1 if "\n" in value else 0)
    if "onderwerp" in texts and "\n" in texts["onderwerp"].strip():
        problems.append(Problem("'onderwerp' must be one line", source, lines["onderwerp"]))
    if problems:
        return None, problems
    return Template(texts, lines, source), []


def distribution_problems(content_dir: Path, edition: int) -> list[Problem]:
    """Everything wrong with an edition's distribution template, for `reportgen check`.

    An edition without a distribution folder has nothing to check here: its documents can
    be built, and `reportgen distribute` says what is missing when they are to be sent.
    """
    if not template_path(content_dir, edition).parent.is_dir():
        return []
    template, problems = read_template(content_dir, edition)
    if template is None:
        return problems
    for field in FIELDS:
        problems += template.filled(field, VARIABLES)[1]
    return problems
