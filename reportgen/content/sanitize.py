"""Clean the characters of an editor's text before anything reads it.

Content files come from word processors, e-mails and web pages, and carry invisible
control characters, Windows line ends and decomposed accents. PPTX is XML, so a
character XML 1.0 forbids would break the file; a character the house font lacks
shows as an empty box. Cleaning once, at the door, means no later stage has to care.
"""

from __future__ import annotations

import unicodedata

from reportgen.errors import Problem
from reportgen.fonts import has_glyph
from reportgen.textchars import character_name, is_invisible

_SPACES = {"\t": " ", "\n": " "}
# Characters word processors insert that the house font cannot draw, as what they mean:
# soft hyphen (a hyphenation hint) goes, the non-breaking hyphen becomes a hyphen.
_PLAIN = {"\u00ad": "", "\u2011": "-", "\u2028": " ", "\u2029": " "}


def xml_allowed(char: str) -> bool:
    """Whether XML 1.0 allows this character in a document (its `Char` production)."""
    cp = ord(char)
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def _plain(char: str) -> str:
    """A character as the house font can draw it: every kind of space (no-break,
    ideographic, ...) a plain space, invisible hints dropped."""
    if char in _PLAIN:
        return _PLAIN[char]
    if char != " " and unicodedata.category(char) == "Zs":
        return " "
    return char


def _kept_in_source(char: str) -> bool:
    """Whether a character survives source cleaning: tabs and newlines do; other
    control characters, invisible format characters (zero-width spaces, bidi controls,
    ...) and XML-forbidden characters do not."""
    if char in "\t\n":
        return True
    if unicodedata.category(char) == "Cc" or is_invisible(char):
        return False
    return xml_allowed(char)


def invisible_char_problems(text: str, source: str) -> list[Problem]:
    """A warning per line and invisible character the file holds, which cleaning drops.

    `text` is the file's text as read (before cleaning), so lines and character
    positions are those the editor sees; the soft hyphen, a mere hyphenation hint, is
    dropped without a word.
    """
    if text.isascii():
        return []
    problems: list[Problem] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        seen: set[str] = set()
        for position, ch in enumerate(line, start=1):
            if ch in seen or ch == "\u00ad" or not is_invisible(ch):
                continue
            seen.add(ch)
            problems.append(
                Problem(
                    f"invisible character {character_name(ch)} at character {position} is left out: delete it",
                    source,
                    number,
                    severity="warning",
                )
            )
    return problems


def cleaned_source(text: str) -> str:
    """The file text with LF line ends, NFC-normalised, without control characters
    (tabs and newlines kept, since Markdown and YAML need them) and without characters
    XML forbids; spaces of every kind become plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return "".join(_plain(ch) for ch in text if _kept_in_source(ch))


def cleaned_inline(text: str) -> str:
    """Text of one printed run: tabs and line breaks become spaces, nothing a renderer
    could choke on remains."""
    text = "".join(_SPACES.get(ch, _plain(ch)) for ch in text)
    return "".join(ch for ch in text if ch == " " or _kept_in_source(ch))


def missing_glyph_problems(text: str, source: str, first_line: int) -> list[Problem]:
    """A warning per line and character the house font cannot draw.

    Checked on the cleaned text (line by line, so the warning can name the line); each
    character is reported once per line.
    """
    problems: list[Problem] = []
    for offset, line in enumerate(text.split("\n")):
        seen: set[str] = set()
        for ch in line:
            if ch in seen or ch in " \t" or has_glyph(ch):
                continue
            seen.add(ch)
            problems.append(
                Problem(
                    f"character '{ch}' (U+{ord(ch):04X}) cannot be drawn by the house font and "
                    "would print as an empty box: replace it with a plain character or a word",
                    source,
                    first_line + offset,
                    severity="warning",
                )
            )
    return problems
