"""Small helpers the Regioanalyse builders share: names of areas, looking up shown values."""

from __future__ import annotations

from collections.abc import Callable

from reportgen import charts
from reportgen.data.regions import REGION_NAMES
from reportgen.geo import boundaries, region_code_of
from reportgen.kinds.spec import BuiltChart, ChartRequest, Subject
from reportgen.model import DerivedValue, Ref
from reportgen.values import ALL_REGIONS, Values

ALL_REGIONS_LABEL = "Alle regio's"
SECTORS = ("VG", "LVG", "LG", "ZG")
"""The four GZ sectors, in the order the document shows them."""


def region_subjects(dataset: object, regions: tuple[str, ...]) -> tuple[Subject, ...]:
    """One analysis per region; its areas are the region and its municipalities (CBS 2023)."""
    result = []
    for r in regions:
        members = boundaries().members(region_code_of(r))
        result.append(Subject(r, REGION_NAMES.get(r, r), (r, *sorted(m.code for m in members))))
    return tuple(result)


def municipalities(subject: Subject) -> tuple[str, ...]:
    """The subject's municipality codes (every area but its own)."""
    return subject.areas[1:]


def municipality_name(code: str) -> str:
    """The CBS name of a municipality."""
    return boundaries().municipalities[code].name


def shown(values: Values, indicator: str, area: str, period: str, category: str = "", unit: str | None = None):
    """A value to print, or None when it is hidden (or absent)."""
    value = values.get(indicator, area, period, category, unit)
    return value.shown


class Collected:
    """The values a chart shows, gathered while the chart's data is looked up."""

    def __init__(self, req: ChartRequest):
        self.req = req
        self.refs: list[Ref] = []
        self.derived: list[DerivedValue] = []
        self.hidden = False

    def value(self, indicator: str, area: str, period: str, category: str = "", unit: str | None = None):
        """The shown value (None when hidden), remembered as shown by the chart in this unit
        (a chart of shares prints the shares, not the counts behind them)."""
        v = shown(self.req.values, indicator, area, period, category, unit)
        self.refs.append(Ref(indicator, area, period, category, unit))
        self.hidden = self.hidden or v is None
        return v

    def total(self, ref: Ref, parts: list[float | None]) -> float | None:
        """The sum the chart prints of values it does not print (an "n =", existing places):
        None when any part is hidden; remembered as the chart's own value, so the audit lists
        the sum and not the parts."""
        value = None if any(p is None for p in parts) else float(sum(p for p in parts if p is not None))
        self.derived.append(DerivedValue(ref, value))
        self.hidden = self.hidden or value is None
        return value

    def built(self, image) -> BuiltChart:
        """The drawn chart with what it shows."""
        refs = (*self.refs, *(d.ref for d in self.derived))
        return BuiltChart(image, tuple(dict.fromkeys(refs)), self.hidden, derived=tuple(self.derived))


def pair(subject: Subject) -> list[tuple[str, str]]:
    """(label, area) of the region and of all regions, the usual comparison."""
    return [(subject.name, subject.area), (ALL_REGIONS_LABEL, ALL_REGIONS)]


def fraction(percent: float | None) -> float | None:
    """A percentage as a fraction (charts take shares as fractions); None stays None."""
    return None if percent is None else percent / 100


def municipality_change_chart(
    req: ChartRequest,
    indicator: str,
    unit: str,
    value_format: Callable[[float | None], str],
    convert: Callable[[float | None], float | None] = lambda v: v,
) -> BuiltChart:
    """Bars of a change over the last three years per municipality of the region, with the region
    and all regions as reference lines: one layout for every change that is shown per municipality."""
    got = Collected(req)
    period = f"{req.edition - 3}-{req.edition}"
    codes = municipalities(req.subject)
    values = [convert(got.value(indicator, c, period, "", unit)) for c in codes]
    refs = [(label, convert(got.value(indicator, area, period, "", unit))) for label, area in pair(req.subject)]
    image = charts.reference_bars(
        [municipality_name(c) for c in codes],
        values,
        refs,
        width_pt=req.width,
        height_pt=req.height,
        value_format=value_format,
    )
    return got.built(image)
