"""Gather a region's narrative: which file serves each section, with what variables.

A region's own file for a section wins; a shared section without one takes the
national text from `content/<edition>/landelijk/`. Reading and checking are one pass,
so `reportgen check` reports exactly what building the deck would run into.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path

from reportgen.content.frontmatter import NATIONAL
from reportgen.content.sectionfile import read_section
from reportgen.content.settingsfile import read_national_variables, read_region_settings
from reportgen.content.slots import SectionSlot
from reportgen.content.subjectcontent import Headline, SectionContent, SubjectContent
from reportgen.content.suggest import did_you_mean, name_list
from reportgen.content.variables import merged_variables, substituted_text
from reportgen.errors import ContentError, Problem

REGION_SETTINGS = "regio.yaml"
NATIONAL_VARIABLES = "variabelen.yaml"


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Problems by file, then line (problems without a line first); otherwise as found."""
    return sorted(problems, key=lambda p: (p.source or "", p.line or 0))


def section_path(region_dir: Path, national_dir: Path, slot: SectionSlot) -> Path | None:
    """The file that serves a section: the region's own, else the national one if the
    section may be shared, else None."""
    own = region_dir / f"{slot.section}.md"
    if own.exists():
        return own
    shared = national_dir / f"{slot.section}.md"
    if slot.shared and shared.exists():
        return shared
    return None


def folder_problem(path: Path, what: str) -> Problem:
    """The error for a folder where a file is expected: the folder is named, not taken
    for a missing file (which would send the editor off to create what seems to exist)."""
    return Problem(f"is a folder, not a file (expected {what} here; rename or remove the folder)", str(path))


def _missing_problem(region_dir: Path, national_dir: Path, slot: SectionSlot) -> Problem:
    """The error for a required section no file provides."""
    other = f" (or the national {national_dir / (slot.section + '.md')})" if slot.shared else ""
    return Problem(
        f"section '{slot.section}' ('{slot.title}') has no text: create this file{other} with "
        "front matter and text (see docs/editors.md)",
        str(region_dir / f"{slot.section}.md"),
    )


def _stray_file_problems(region_dir: Path, slots: Mapping[str, SectionSlot]) -> list[Problem]:
    """A warning for each file in the region folder that no section or setting reads."""
    expected = {f"{s.section}.md" for s in slots.values()} | {REGION_SETTINGS}
    problems: list[Problem] = []
    for path in sorted(region_dir.iterdir()):
        if path.name.startswith(".") or path.name in expected or not path.is_file():
            continue
        hint = did_you_mean(path.name, expected)
        problems.append(
            Problem(
                f"'{path.name}' is not read{hint}; files here are: {name_list(expected)}; rename or remove it",
                str(path),
                severity="warning",
            )
        )
    return problems


def national_override_warnings(path: Path, national: Mapping[str, str], regional: Mapping[str, str]) -> list[Problem]:
    """A warning per region variable that gives a national variable another value: a
    national fact (a publication date, a name) usually holds for every region, so a
    different regional value is more often a slip than a real exception."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    problems = []
    for name, text in regional.items():
        if name not in national or national[name].strip() == text.strip():
            continue
        line = next((i for i, ln in enumerate(lines, 1) if re.match(rf"\s*{re.escape(name)}\s*:", ln)), None)
        problems.append(
            Problem(
                f"variable '{name}' is '{text}' here but '{national[name]}' in the national "
                f"{NATIONAL_VARIABLES}; remove it if the national value holds for this region too",
                str(path),
                line,
                severity="warning",
            )
        )
    return problems


def read_subject_content(
    content_dir: Path,
    edition: int,
    region: str,
    slots: Mapping[str, SectionSlot],
    variables: Mapping[str, str],
    headline_ids: Collection[str],
    subfolder: str = "",
) -> tuple[SubjectContent, list[Problem]]:
    """The region's content as far as it can be read, and all problems, sorted.

    subfolder: where in the region's (and the national) folder this kind's texts are,
    so the texts of several document kinds stand apart (e.g. 'regioanalyse').
    """
    region_dir = Path(content_dir) / str(edition) / region / subfolder
    national_dir = Path(content_dir) / str(edition) / NATIONAL / subfolder
    national_vars, problems = read_national_variables(national_dir / NATIONAL_VARIABLES)
    region_vars, raw_headlines, more = read_region_settings(region_dir / REGION_SETTINGS, headline_ids)
    problems.extend(more)
    problems.extend(national_override_warnings(region_dir / REGION_SETTINGS, national_vars, region_vars))
    merged = merged_variables(variables, national_vars, region_vars)
    if region_dir.exists() and not region_dir.is_dir():
        problems.append(
            Problem(
                f"is a file, not a folder (expected the folder with the texts of region '{region}')",
                str(region_dir),
            )
        )
    elif not region_dir.is_dir():
        problems.append(
            Problem(
                f"no content for region '{region}' in edition {edition}: create this folder with one "
                ".md file per section (see docs/editors.md), or start the edition from last year's",
                str(region_dir),
            )
        )
    else:
        problems.extend(_stray_file_problems(region_dir, slots))
    sections: list[SectionContent] = []
    for slot in slots.values():
        path = section_path(region_dir, national_dir, slot)
        if path is None:
            if slot.required and region_dir.is_dir():
                problems.append(_missing_problem(region_dir, national_dir, slot))
            continue
        if path.is_dir():
            problems.append(folder_problem(path, f"the Markdown text of section '{slot.section}'"))
            continue
        national = path.parent == national_dir
        where_to_add = str(national_dir / NATIONAL_VARIABLES if national else region_dir / REGION_SETTINGS)
        section, more = read_section(path, slot, NATIONAL if national else region, edition, merged, where_to_add)
        sections.append(section)
        problems.extend(more)
    headlines: list[Headline] = []
    settings_source = str(region_dir / REGION_SETTINGS)
    for raw in raw_headlines:
        text, more = substituted_text(raw.text, merged, settings_source, raw.line, settings_source, markdown=False)
        problems.extend(more)
        headlines.append(Headline(raw.id, text, settings_source, raw.line))
    problems = sorted_problems(problems)
    content = SubjectContent(
        region=region,
        edition=edition,
        sections=tuple(sections),
        headlines=tuple(headlines),
        variables=tuple(sorted(merged.items())),
        warnings=tuple(p for p in problems if p.severity == "warning"),
    )
    return content, problems


def load_subject_content(
    content_dir: Path,
    edition: int,
    region: str,
    slots: Mapping[str, SectionSlot],
    variables: Mapping[str, str],
    headline_ids: Collection[str],
) -> SubjectContent:
    """The region's content for assembly; raises ContentError listing every error.

    Warnings do not stop loading; they travel in `SubjectContent.warnings`.
    """
    content, problems = read_subject_content(content_dir, edition, region, slots, variables, headline_ids)
    errors = [p for p in problems if p.severity != "warning"]
    if errors:
        raise ContentError(errors)
    return content
