"""Chart descriptions: what a chart shows, as data a renderer can draw itself.

Every chart kind that PowerPoint can draw builds one `reportgen.model.ChartData` first:
categories, series with their colours, the label text at each value, the number format
that prints those texts and the texts that are no value labels (marks: "n = ..." above
a column, "*" beside a hidden part). The matplotlib chart prints the texts of this
description, and the PPTX renderer draws a native chart from it, so both files print
the same labels. A hidden value is None: the description holds nothing to reveal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportgen.charts.numberformat import GENERAL, label_format
from reportgen.charts.series import Series, defined
from reportgen.charts.style import label_color_on_white, text_color_on
from reportgen.formatting import SUPPRESSED, format_percent
from reportgen.model import ChartData, ChartMark, ChartSeries


def _hex(color: str) -> str:
    """ "RRGGBB" from a matplotlib colour ("#RRGGBB" or "RRGGBB")."""
    return color.lstrip("#").upper()


def stack_series(
    series: Sequence[Series], colors: Sequence[str], fmt: Callable[[float], str]
) -> tuple[ChartSeries, ...]:
    """Stacked series with every shown, non-zero part labelled by `fmt`, in a text colour
    readable on its fill."""
    return tuple(
        ChartSeries(
            s.name,
            tuple(s.values),
            _hex(c),
            tuple(fmt(v) if v else "" for v in s.values),
            _hex(text_color_on(c)),
        )
        for s, c in zip(series, colors, strict=True)
    )


def hidden_part_marks(series: Sequence[Series], column: int) -> tuple[list[ChartMark], float]:
    """A "*" beside each hidden part of a stacked column, at the height the shown parts below
    it reach, and the height of the whole shown stack."""
    marks: list[ChartMark] = []
    cum = 0.0
    for s in series:
        v = s.values[column]
        if v is None:
            marks.append(ChartMark(SUPPRESSED, column, cum, "beside"))
        else:
            cum += float(v)
    return marks, cum


def stacked_description(
    categories: Sequence[str], series: Sequence[Series], colors: Sequence[str], totals: Sequence[str]
) -> ChartData:
    """100% columns: a label per shown, non-zero share; a column's total above it; "*"
    beside a hidden part, or one "*" in a column that is hidden entirely."""
    marks: list[ChartMark] = []
    for i in range(len(categories)):
        shares = [s.values[i] for s in series]
        if all(v is None for v in shares):
            marks.append(ChartMark(SUPPRESSED, i, 0.5, "center"))
        else:
            marks += hidden_part_marks(series, i)[0]
        if totals:
            marks.append(ChartMark(totals[i], i, 1.0, "above"))
    code = label_format(format_percent, [v for s in series for v in defined(s.values)])
    return ChartData(
        "stacked_percent", tuple(categories), stack_series(series, colors, format_percent), code, tuple(marks)
    )


def stacked_labels(data: ChartData, column: int) -> list[tuple[str, bool]]:
    """The texts a stacked column prints, bottom to top, each with whether it is a value
    label (True) or a mark beside the column (False); its total excluded."""
    out: list[tuple[str, bool]] = []
    marks = [m for m in data.marks if m.category == column and m.where != "above"]
    if any(m.where == "center" for m in marks):
        return [(SUPPRESSED, True)]
    for s in data.series:
        value = s.values[column]
        if value is None:
            out.append((SUPPRESSED, False))
        elif s.labels[column]:
            out.append((s.labels[column], True))
    return out


def _texts(values: Sequence[float | None], decimals: int) -> tuple[str, ...]:
    """Percentages of the shown values, "" for the hidden ones."""
    return tuple("" if v is None else format_percent(v, decimals) for v in values)


def grouped_description(
    categories: Sequence[str],
    groups: Sequence[Series],
    colors: Sequence[str],
    decimals: int,
    fmt: Callable[[float | None], str] | None = None,
) -> ChartData:
    """Columns side by side: every shown value labelled (percentages, or `fmt`), "*" above a hidden one."""
    marks = tuple(
        ChartMark(SUPPRESSED, i, 0.0, f"above:{j}")
        for i in range(len(categories))
        for j, g in enumerate(groups)
        if g.values[i] is None
    )
    described = tuple(
        ChartSeries(
            g.name,
            tuple(g.values),
            _hex(c),
            _texts(g.values, decimals) if fmt is None else tuple("" if v is None else fmt(v) for v in g.values),
        )
        for g, c in zip(groups, colors, strict=True)
    )
    shown = [v for g in groups for v in defined(g.values)]
    if fmt is not None:
        code = label_format(fmt, shown)
    else:
        code = label_format(format_percent, shown) if decimals == 0 else GENERAL
    return ChartData("clustered", tuple(categories), described, code, marks)


def line_description(
    categories: Sequence[str],
    series: Sequence[Series],
    colors: Sequence[str],
    fmt: Callable[[float | None], str],
) -> ChartData:
    """Lines over months: each line's last value labelled when it is shown. A hidden last
    value prints nothing at the line's end, as in the PDF: the legend name carries the "*"."""
    described = []
    for s, c in zip(series, colors, strict=True):
        labels = [""] * len(s.values)
        if s.values[-1] is not None:
            labels[-1] = fmt(s.values[-1])
        described.append(ChartSeries(s.name, tuple(s.values), _hex(c), tuple(labels), _hex(label_color_on_white(c))))
    code = label_format(fmt, [v for s in series for v in defined(s.values)])
    return ChartData("line", tuple(categories), tuple(described), code)


def ranked_description(
    names: Sequence[str],
    ranked: Sequence[float | None],
    texts: Sequence[str],
    color: str,
    highlight: tuple[int, str] | None,
    fmt: Callable[[float | None], str],
) -> ChartData:
    """Horizontal bars in ranked order (first on top), one series; a hidden value has
    no bar and a "*" mark at the start of its row."""
    labels = tuple("" if v is None else t for v, t in zip(ranked, texts, strict=True))
    marks = tuple(ChartMark(SUPPRESSED, i, 0.0, "beside") for i, v in enumerate(ranked) if v is None)
    series = ChartSeries("Waarde", tuple(ranked), _hex(color), labels)
    code = label_format(fmt, [float(v) for v in ranked if v is not None])
    index, accent = highlight if highlight else (None, "")
    top = max((float(v) for v in ranked if v is not None), default=0.0) or 1.0
    return ChartData("ranked_bar", tuple(names), (series,), code, marks, False, index, _hex(accent), top)
