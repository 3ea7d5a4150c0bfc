"""Table geometry both renderers share: cell lines and row heights.

PowerPoint sizes a table row to its tallest cell; the PDF has to work the same height
out itself. Both renderers take the row heights from here (the house line breaker at the
column width less the cell padding), so a table is as tall on the slide as on the page.
"""

from __future__ import annotations

from dataclasses import replace

from reportgen.model import Paragraph, Run, TableFrame, TextStyle
from reportgen.printable import run_text
from reportgen.textfit import Line, text_height, wrap_text

CELL_PADDING = 4.0
"""Space in points between a cell's edges and its text, on all four sides."""

RULE_WIDTH = 0.5
"""Width in points of the rules under the table's rows."""


def header_style(frame: TableFrame) -> TextStyle:
    """The text style of header cells: the table's style, bold, in the header colour."""
    return replace(frame.style, bold=True, color=frame.header_color, align="left", valign="top")


def body_style(frame: TableFrame) -> TextStyle:
    """The text style of body cells: the table's style, aligned top-left."""
    return replace(frame.style, align="left", valign="top")


def cell_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """A cell's text as the one plain paragraph it is printed as."""
    return (Paragraph(runs=(Run(run_text(text)),)),)


def cell_lines(text: str, style: TextStyle, col_width: float) -> list[Line]:
    """A cell's text broken into lines for its column, inside the padding."""
    return wrap_text(cell_paragraphs(text), style, max(col_width - 2 * CELL_PADDING, style.size))


def table_rows(frame: TableFrame) -> list[tuple[tuple[str, ...], TextStyle]]:
    """Every row of the table, header first, with the style its cells are set in;
    short rows are padded with empty cells to the number of columns."""
    ncols = len(frame.col_widths)
    rows = [(frame.header, header_style(frame))] if frame.header else []
    rows += [(row, body_style(frame)) for row in frame.rows]
    return [(tuple(cells[:ncols]) + ("",) * (ncols - len(cells)), style) for cells, style in rows]


def row_heights(frame: TableFrame) -> list[float]:
    """Height in points of every row (header first): the tallest cell's text plus padding."""
    heights = []
    for cells, style in table_rows(frame):
        tallest = max(
            (text_height(cell_lines(text, style, w), style) for text, w in zip(cells, frame.col_widths, strict=True)),
            default=0.0,
        )
        heights.append(max(tallest, style.leading) + 2 * CELL_PADDING)
    return heights
