"""Which line of a CSV file each record starts on, without an array per line of the file.

A message names the line a problem is on. When every record takes one line and no line is
blank, record i is on line i + 2, which a count of line ends confirms; only other files need
every line end located.
"""

from __future__ import annotations

import numpy as np

HEADER_LINE = 1


def filled_line_count(utf8: bytes) -> int | None:
    """How many lines `utf8` has when none is empty (nor only a carriage return), else None."""
    empty_line = utf8.startswith((b"\n", b"\r\n")) or b"\n\n" in utf8 or b"\n\r\n" in utf8 or utf8.endswith(b"\n\r")
    if empty_line or utf8 in (b"", b"\r"):
        return None
    return utf8.count(b"\n") + (0 if utf8.endswith(b"\n") else 1)


def regular_record_lines(filled_lines: int | None, rows: int) -> np.ndarray | None:
    """Lines 2 to rows + 1 when the file has rows + 1 lines and none is empty, else None."""
    if filled_lines != rows + 1:
        return None
    return np.arange(HEADER_LINE + 1, rows + 2, dtype=np.int64)


def record_lines(utf8: bytes, rows: int) -> np.ndarray | None:
    """Line numbers of the `rows` records if each takes exactly one non-empty line, else None.

    Every record spanning several lines has a non-empty first and last line, so the count
    of non-empty lines below the header equals `rows` exactly when no record does.
    """
    regular = regular_record_lines(filled_line_count(utf8), rows)
    if regular is not None:
        return regular
    return record_lines_by_array(utf8, rows)


def record_lines_by_array(utf8: bytes, rows: int) -> np.ndarray | None:
    """`record_lines` worked out line by line over the bytes: the general way, for files
    with empty lines (and the reference the counting shortcut is tested against)."""
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
