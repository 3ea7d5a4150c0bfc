"""Read one section file: characters, front matter, variables, Markdown, fit.

Every step reports what it finds and goes on, so one run of the check lists all that
is wrong with a file instead of stopping at the first problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportgen.content.fit import fitted_style, overflow_problem
from reportgen.content.frontmatter import FrontMatter, read_front_matter, split_front_matter
from reportgen.content.markdown import parsed_markdown
from reportgen.content.sanitize import cleaned_source, invisible_char_problems, missing_glyph_problems
from reportgen.content.slots import SectionSlot
from reportgen.content.subjectcontent import SectionContent
from reportgen.content.variables import substituted_text
from reportgen.errors import Problem


def decoded_text(data: bytes, source: str) -> tuple[str | None, list[Problem]]:
    """The file's UTF-8 text (a byte-order mark dropped), or None and the error; with a
    warning for each invisible character, which cleaning will drop."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} cannot be read): "
                "save it as UTF-8 ('Unicode') in your editor",
                source,
                line,
            )
        ]
    return text, invisible_char_problems(text, source)


def _status_warning(front: FrontMatter, source: str) -> list[Problem]:
    """The reminder that a concept text still needs review."""
    if front.status != "concept":
        return []
    return [
        Problem(
            "still concept: review the text and set status: definitief",
            source,
            front.line_of("status"),
            severity="warning",
        )
    ]


def read_section(
    path: Path,
    slot: SectionSlot,
    folder: str,
    edition: int,
    variables: Mapping[str, str],
    where_to_add: str,
) -> tuple[SectionContent, list[Problem]]:
    """The section's content and every problem found in its file.

    folder is the region id of the folder the file is in ('landelijk' for the shared
    national texts); where_to_add names the file where a missing variable could be
    defined, for the message.
    """
    source = str(path)
    national = folder == "landelijk"
    text, problems = decoded_text(path.read_bytes(), source)
    empty = SectionContent(slot.section, (), (), source, None, None, None, national)
    if text is None:
        return empty, problems
    split = split_front_matter(cleaned_source(text))
    front, front_problems = read_front_matter(split, source, folder, edition)
    problems.extend(front_problems)
    problems.extend(_status_warning(front, source))
    if split.closed and not split.body.strip():
        fallback = " (or delete this file to use the national text)" if slot.shared and not national else ""
        problems.append(
            Problem(
                f"section '{slot.section}' is empty: write its text below the front matter{fallback}",
                source,
                1,
            )
        )
        return empty, problems
    body, variable_problems = substituted_text(split.body, variables, source, split.body_line, where_to_add)
    problems.extend(variable_problems)
    parsed = parsed_markdown(body, source, split.body_line)
    problems.extend(parsed.problems)
    problems.extend(missing_glyph_problems(body, source, split.body_line))
    style = fitted_style(parsed.paragraphs, slot)
    if not parsed.paragraphs and split.closed:
        problems.append(
            Problem(
                f"section '{slot.section}' has no text to print (only parts that are left out): "
                "write its text as paragraphs or a list",
                source,
                split.body_line,
            )
        )
    elif style is None:
        overflow = overflow_problem(parsed.paragraphs, parsed.lines, slot, source)
        if overflow is not None:
            problems.append(overflow)
    content = SectionContent(
        section=slot.section,
        paragraphs=parsed.paragraphs,
        lines=parsed.lines,
        source=source,
        status=front.status,
        reviewed=front.laatst_beoordeeld,
        style=style,
        national=national,
        example=front.voorbeeldtekst,
        author=front.auteur,
        previous_edition=front.vorige_editie,
    )
    return content, problems
