"""Chart descriptions of the Regioanalyse charts: growth panels, reference bars, the
forecast and the capacity scenarios (see `reportgen.charts.describe` for the idea).

Each returns the `ChartData` the matplotlib chart was drawn from, with the same label
texts; what PowerPoint cannot draw (arrows, reference lines, the fan, bubbles) is
described as `ChartExtra`s, which the PPTX renderer draws as shapes grouped with the chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportgen.charts.describe import _hex, hidden_part_marks, stack_series
from reportgen.charts.numberformat import GENERAL, label_format
from reportgen.charts.series import Series, defined
from reportgen.formatting import SUPPRESSED, format_int
from reportgen.model import ChartData, ChartExtra, ChartMark, ChartSeries


def growth_description(
    years: Sequence[str],
    groups: Sequence[Series],
    colors: Sequence[str],
    texts: Sequence[Sequence[str]],
    growths: Sequence[str],
    counts: Sequence[Sequence[str]],
    counts_name: str,
    y_max: float,
) -> ChartData:
    """A panel per group: its years as categories (an empty category between panels),
    series j holding values only in its own panel; a hidden value prints "*" on the
    baseline; a growth arrow per panel; counts and the group's name in rows below."""
    n = len(years)
    categories: list[str] = []
    marks: list[ChartMark] = []
    extras: list[ChartExtra] = []
    series: list[ChartSeries] = []
    starts = [j * (n + 1) for j in range(len(groups))]
    for j in range(len(groups)):
        categories += list(years) + ([""] if j < len(groups) - 1 else [])
    total = len(categories)
    for j, (group, color, start) in enumerate(zip(groups, colors, starts, strict=True)):
        values: list[float | None] = [None] * total
        labels = [""] * total
        for i, v in enumerate(group.values):
            values[start + i] = v
            labels[start + i] = "" if v is None else texts[j][i]
            if v is None:
                marks.append(ChartMark(SUPPRESSED, start + i, 0.0, "above:0"))
        series.append(ChartSeries(group.name, tuple(values), _hex(color), tuple(labels)))
        shown = [float(v or 0.0) for v in group.values]
        first, last = shown[0], shown[-1]
        extras.append(ChartExtra("arrow", growths[j], start, start + n - 1, (first, last, max(shown))))
        row = 0
        if any(counts):
            row = 1
            for i, text in enumerate(counts[j]):
                marks.append(ChartMark(text, start + i, start + i, "below:0"))
        marks.append(ChartMark(group.name, start, start + (n - 1) / 2, f"name:{row}"))
    if any(counts):
        marks.append(ChartMark(counts_name, 0, 0.0, "head:0"))
    return ChartData(
        "growth", tuple(categories), tuple(series), GENERAL, tuple(marks), False, axis_max=y_max, extras=tuple(extras)
    )


def reference_description(
    names: Sequence[str],
    ranked: Sequence[float | None],
    texts: Sequence[str],
    color: str,
    references: Sequence[tuple[str, float | None]],
    ref_texts: Sequence[str],
    ref_colors: Sequence[str],
    scale: tuple[float, float],
) -> ChartData:
    """Ranked bars (first on top) from zero, left when negative, with a "*" at the start of
    a hidden row, and a dashed reference line per shown reference, named below the chart."""
    labels = tuple("" if v is None else t for v, t in zip(ranked, texts, strict=True))
    marks = tuple(ChartMark(SUPPRESSED, i, 0.0, "beside") for i, v in enumerate(ranked) if v is None)
    extras = tuple(
        ChartExtra("reference", text, k, k, () if v is None else (float(v),), _hex(c))
        for k, ((_, v), text, c) in enumerate(zip(references, ref_texts, ref_colors, strict=True))
    )
    series = ChartSeries("Waarde", tuple(ranked), _hex(color), labels)
    lo, hi = scale
    return ChartData(
        "reference_bar", tuple(names), (series,), GENERAL, marks, False, axis_max=hi, axis_min=lo, extras=extras
    )


def forecast_description(
    years: Sequence[int],
    lines: Sequence[tuple[str, Sequence[float | None], str]],
    ends: Sequence[str],
    band: tuple[int, int],
    band_color: str,
    ticks: Sequence[float],
    fmt: Callable[[float | None], str],
) -> ChartData:
    """Lines over the years (x proportional to the year), each with its end label right of
    its last known point; the years in a row below; the band between two of the lines."""
    described = tuple(
        ChartSeries(name, tuple(values), _hex(color), tuple("" for _ in values)) for name, values, color in lines
    )
    marks = [ChartMark(text, len(years) - 1, 0.0, f"end:{j}") for j, text in enumerate(ends)]
    marks += [ChartMark(str(y), i, float(y), "below:0") for i, y in enumerate(years)]
    shown = [v for _, values, _ in lines for v in defined(values)]
    code = label_format(fmt, shown)
    extras = (ChartExtra("band", "", band[0], band[1], (), _hex(band_color)),)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else None
    return ChartData(
        "forecast",
        tuple(str(y) for y in years),
        described,
        code,
        tuple(marks),
        False,
        axis_max=ticks[-1],
        axis_step=step,
        axis_min=ticks[0],
        extras=extras,
    )


def scenario_description(
    categories: Sequence[str],
    series: Sequence[Series],
    colors: Sequence[str],
    totals: Sequence[float | None],
    bubbles: Sequence[str],
    y_max: float,
) -> ChartData:
    """Stacked counts: every shown, non-zero part labelled, "*" beside a hidden part, the
    total (or "*") over each column and a bubble over all with the column's share."""
    marks: list[ChartMark] = []
    for i in range(len(categories)):
        hidden, cum = hidden_part_marks(series, i)
        marks += [*hidden, ChartMark(format_int(totals[i]), i, cum, "top")]
    described = stack_series(series, colors, format_int)
    code = label_format(format_int, [v for s in series for v in defined(s.values)])
    extras = tuple(ChartExtra("bubble", text, i, i) for i, text in enumerate(bubbles))
    return ChartData("scenario", tuple(categories), described, code, tuple(marks), True, axis_max=y_max, extras=extras)
