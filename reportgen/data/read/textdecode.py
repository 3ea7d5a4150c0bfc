"""Turning the bytes of a CSV file into text, and finding its separator.

Files come from many systems: UTF-8 from databases, UTF-8 with a byte order mark from
"CSV UTF-8" in Excel, Windows-1252 from older Dutch Excel. Each is recognised without
guessing at the content; a file that is none of them is rejected with the line and byte
offset of the first byte that cannot be read, so the user can find it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reportgen.errors import Problem

BOM = b"\xef\xbb\xbf"
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
SAVE_AS = "save the file as UTF-8 (in Excel: 'CSV UTF-8')"
CHUNK = 1 << 24
"""Bytes checked at a time when only the encoding is wanted, not the text."""


@dataclass(frozen=True)
class DecodedText:
    """The text of a file and the encoding it was read in."""

    text: str
    encoding: str


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line that byte `offset` lies on."""
    return data.count(b"\n", 0, offset) + 1


def _unreadable(data: bytes, offset: int, source: str, why: str) -> Problem:
    byte = data[offset]
    line = line_of_offset(data, offset)
    return Problem(f"cannot read the file as text: byte 0x{byte:02x} at offset {offset} {why}; {SAVE_AS}", source, line)


def decoded_text(data: bytes, source: str) -> DecodedText | Problem:
    """The file's text (UTF-8, UTF-8 with BOM, else Windows-1252), or the problem why not.

    A file with UTF-8 characters and also bytes that are not UTF-8 has mixed encodings;
    reading it as Windows-1252 would silently garble every accented name, so it is refused.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
        try:
            return DecodedText(data.decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            return _unreadable(data, exc.start, source, "is not valid UTF-8 (the file starts with a UTF-8 mark)")
    nul = data.find(b"\x00")
    if nul >= 0:
        return _unreadable(data, nul, source, "is a NUL byte (is this a UTF-16 or binary file?)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if UTF8_MULTIBYTE.search(data):
        return _unreadable(data, utf8_error, source, "is not valid UTF-8, although the rest of the file is UTF-8")
    try:
        return DecodedText(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as exc:
        return _unreadable(data, exc.start, source, "is neither UTF-8 nor Windows-1252")


def _utf8_error(data: bytes, start: int) -> int | None:
    """Offset (from `start`) of the first byte of `data[start:]` that is not valid UTF-8, or None.

    Checked in pieces that end after a line feed: a line feed never lies inside a UTF-8
    sequence, so each piece decodes exactly as it would within the whole file, and a file of
    hundreds of megabytes never exists twice in memory.
    """
    if data.isascii():
        return None
    view = memoryview(data)
    position = start
    while position < len(data):
        end = data.find(b"\n", position + CHUNK)
        end = len(data) if end < 0 else end + 1
        try:
            codecs.utf_8_decode(view[position:end], "strict", True)
        except UnicodeDecodeError as exc:
            return position - start + exc.start
        position = end
    return None


def encoding_of(data: bytes, source: str) -> str | Problem:
    """The encoding `decoded_text` would read `data` in, or its problem, without decoding a UTF-8 file.

    A large UTF-8 file is parsed straight from its bytes; its text is only needed when
    something in it must be looked at more closely.
    """
    if data.startswith(BOM):
        if _utf8_error(data, len(BOM)) is None:
            return "utf-8-sig"
    elif data.find(b"\x00") < 0 and _utf8_error(data, 0) is None:
        return "utf-8"
    decoded = decoded_text(data, source)
    return decoded if isinstance(decoded, Problem) else decoded.encoding


def first_line(text: str) -> str:
    """The header line: everything before the first line end (LF, CRLF or a lone CR)."""
    ends = [i for i in (text.find("\n"), text.find("\r")) if i >= 0]
    return text[: min(ends)] if ends else text


def separator_of(header_line: str) -> str:
    """';' when the header has more semicolons than commas (Dutch Excel), else ','."""
    return ";" if header_line.count(";") > header_line.count(",") else ","
