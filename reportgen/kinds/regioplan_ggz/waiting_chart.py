"""The waiting-list chart: people waiting per month, by status, with the total.

A status that would be hidden (small count) in most months makes a chart of stubs and
stray marks, so such statuses are merged into one line, 'Overig wachtend', before
anything is drawn; the source line says which statuses it holds. The merged line is
itself hidden in a month where it counts fewer than the small-count threshold, or where
showing it would let a hidden status be worked out from the total. A line that is never
shown is left out of the chart and its legend.
"""

from __future__ import annotations

from reportgen import charts
from reportgen.charts import Series
from reportgen.formatting import SUPPRESSED, join_nl
from reportgen.indicators.tidy import WAITING
from reportgen.indicators.waiting import TOTAL
from reportgen.indicators.waiting import WAITING_STATUSES as STATUSES
from reportgen.kinds.spec import BuiltChart, ChartRequest
from reportgen.model import DerivedValue, Ref
from reportgen.values import Values

STATUS_LABELS = {"urgent": "Urgent", "actief": "Actief", "wacht op voorkeur": "Wacht op voorkeur", "totaal": "Totaal"}
MERGED_LABEL = "Overig wachtend"


def statuses_to_merge(shown: dict[str, tuple[float | None, ...]], raw: dict[str, tuple[float, ...]]) -> list[str]:
    """The statuses hidden in more than half of the months; when that is only one, the
    smallest other status joins it (a merge of one would still be hidden). Status order."""
    months = len(next(iter(shown.values()), ()))
    mostly_hidden = [s for s in STATUSES if sum(v is None for v in shown[s]) * 2 > months]
    if len(mostly_hidden) == 1:
        others = [s for s in STATUSES if s not in mostly_hidden]
        mostly_hidden.append(min(others, key=lambda s: (sum(raw[s]), STATUSES.index(s))))
    return [s for s in STATUSES if s in mostly_hidden]


def merged_values(
    merged: list[str],
    shown: dict[str, tuple[float | None, ...]],
    raw: dict[str, tuple[float, ...]],
    min_count: int,
) -> tuple[float | None, ...]:
    """The merged statuses per month, hidden below `min_count` or when it would reveal a
    hidden status that is not merged (the total minus the shown parts)."""
    rest = [s for s in STATUSES if s not in merged]
    out: list[float | None] = []
    for i in range(len(raw[TOTAL])):
        value = sum(raw[s][i] for s in merged)
        hidden_rest = sum(shown[s][i] is None for s in rest)
        if 0 < value < min_count or (hidden_rest == 1 and shown[TOTAL][i] is not None):
            out.append(None)
        else:
            out.append(float(value))
    return tuple(out)


def _series(label: str, values: tuple[float | None, ...]) -> Series:
    """A line, its legend name marked when some months are hidden."""
    hidden = any(v is None for v in values)
    return Series(label + (f" {SUPPRESSED}" if hidden else ""), values)


def merged_category(merged: list[str]) -> str:
    """The category under which the audit lists 'Overig wachtend': its statuses joined by '+'."""
    return "+".join(merged)


def waiting_lines(values: Values, area: str, min_count: int) -> tuple[list[str], list[tuple[str, Series]], list[str]]:
    """(months, the lines to draw with the category each shows, the statuses merged into
    'Overig wachtend'); the merged line's category is `merged_category`."""
    months = list(values.periods("wachtlijst", area))
    cats = (*STATUSES, TOTAL)
    shown = {c: tuple(values.shown("wachtlijst", area, m, c, WAITING) for m in months) for c in cats}
    raw = {c: tuple(float(values.get("wachtlijst", area, m, c, WAITING).value or 0) for m in months) for c in cats}
    merged = statuses_to_merge(shown, raw)
    lines: list[tuple[str, Series]] = []
    if len(merged) < len(STATUSES):
        lines += [(s, _series(STATUS_LABELS[s], shown[s])) for s in STATUSES if s not in merged]
        if merged:
            merged_line = _series(MERGED_LABEL, merged_values(merged, shown, raw, min_count))
            lines.append((merged_category(merged), merged_line))
    lines.append((TOTAL, _series(STATUS_LABELS[TOTAL], shown[TOTAL])))
    drawn = [(c, s) for c, s in lines if any(v is not None for v in s.values)]
    return months, drawn, merged


def waiting_series(values: Values, area: str, min_count: int) -> tuple[list[str], list[Series], list[str]]:
    """(months, the lines to draw, the statuses merged into 'Overig wachtend')."""
    months, lines, merged = waiting_lines(values, area, min_count)
    return months, [s for _, s in lines], merged


def merge_note(merged: list[str]) -> str:
    """The source-line sentence that says what 'Overig wachtend' holds ('' when nothing merged)."""
    if not merged:
        return ""
    if len(merged) == len(STATUSES):
        return "De statussen zijn te klein om apart te tonen; alleen het totaal staat erin."
    names = join_nl([STATUS_LABELS[s].lower() for s in merged])
    return f"{MERGED_LABEL}: {names} samen, omdat die apart meestal te klein zijn om te tonen."


def wachtlijst_chart(req: ChartRequest) -> BuiltChart:
    """People waiting per month: the shown statuses, 'Overig wachtend' and the total.

    The refs name the drawn lines' values, line by line; the merged line's values are
    derived values (no indicator row holds them), so the audit lists them as printed, and
    the statuses it merges are listed as hidden, so the disclosure audit checks them.
    """
    area = req.subject.area
    months, lines, merged = waiting_lines(req.values, area, req.min_count)
    series = [s for _, s in lines]
    image = charts.monthly_lines(months, series, width_pt=req.width, height_pt=req.height, title="Wachtenden per maand")
    refs = tuple(Ref("wachtlijst", area, m, c, WAITING) for c, _ in lines for m in months)
    merged_cat = merged_category(merged)
    derived = tuple(
        DerivedValue(Ref("wachtlijst", area, m, c, WAITING), v)
        for c, s in lines
        if c == merged_cat
        for m, v in zip(months, s.values, strict=True)
    )
    # the merged statuses are named in the source line but not printed: listed as hidden
    unprinted = tuple(Ref("wachtlijst", area, m, c, WAITING) for c in merged for m in months)
    derived += tuple(DerivedValue(ref, None) for ref in unprinted)
    suppressed = any(v is None for s in series for v in s.values)
    return BuiltChart(image, refs, suppressed, note=merge_note(merged), mark_refs=unprinted, derived=derived)
