"""Invisible characters: which they are, and text without them.

Format characters (Unicode category Cf: zero-width space and joiners, word joiner, byte
order mark, bidirectional embeddings, overrides and isolates, ...) and the few other
characters Unicode marks as default-ignorable print nothing, yet change how text breaks,
joins or runs in one program and not in another. PowerPoint honours a right-to-left
override where the PDF does not, and a zero-width space lets PowerPoint break a word the
line breaker keeps whole, so both formats would disagree. Editors cannot see them either.
Content and renderers therefore drop every one of them, by this one rule.
"""

from __future__ import annotations

import unicodedata

_IGNORABLE_NOT_CF = frozenset(
    [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0]
    + list(range(0x180B, 0x1810))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0100, 0xE01F0))
)
"""Default-ignorable code points outside category Cf: combining grapheme joiner, Hangul
fillers, Khmer inherent vowels, Mongolian free variation selectors, variation selectors."""


def is_invisible(char: str) -> bool:
    """Whether `char` is a format character or otherwise prints as nothing by definition."""
    return unicodedata.category(char) == "Cf" or ord(char) in _IGNORABLE_NOT_CF


def without_invisible(text: str) -> str:
    """`text` without invisible characters (plain ASCII text is returned as it is)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if not is_invisible(ch))


def character_name(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE': how messages name a character one cannot see."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"
