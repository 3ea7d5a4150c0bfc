"""What a document kind declares, as typed specs the core reads and checks.

A kind (the Regioplan GGZ, the Regioanalyse GZ, material per aanbieder) is a package
under `reportgen/kinds/` with a module-level `KIND = Kind(...)`. The core (pipeline,
layout assembly, renderers) knows only these dataclasses: which charts, KPI tiles,
headlines, thresholds, narrative sections and subjects a kind has. A layout file names
its kind in `document:` and is checked against it before any work is done.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reportgen import charts
from reportgen.headlines.rules import Verdict
from reportgen.model import DerivedValue, Ref
from reportgen.values import Values


@dataclass(frozen=True)
class Subject:
    """What one document is about: a region, a municipality, an aanbieder.

    id: names the content folder and fills `{<placeholder>}` in titles and file names;
    name: printed (fills `{<placeholder>_naam}`);
    areas: the area ids (column `region` of the values) the document shows, its own first;
    placeholder: the word for the id in layout texts, e.g. "regio" or "aanbieder".
    """

    id: str
    name: str
    areas: tuple[str, ...]
    placeholder: str = "regio"

    @property
    def area(self) -> str:
        """The subject's own area id (a region slug, a GM code, ...)."""
        return self.areas[0]

    def fields(self) -> dict[str, str]:
        """The layout placeholders this subject fills."""
        return {self.placeholder: self.id, f"{self.placeholder}_naam": self.name}


EDITION_FIELDS = ("editie", "volgend_jaar", "vorig_jaar")
"""Placeholders every layout text may use besides the subject's own."""


def edition_fields(edition: int) -> dict[str, int]:
    """The edition placeholders' values."""
    return {"editie": edition, "volgend_jaar": edition + 1, "vorig_jaar": edition - 1}


@dataclass(frozen=True)
class ChartRequest:
    """What a chart builder gets: the values, the subject, the edition and the box to draw in."""

    values: Values
    subject: Subject
    edition: int
    width: float
    height: float
    min_count: int


@dataclass(frozen=True)
class BuiltChart:
    """A drawn chart, the values it shows, and whether any of them was suppressed.

    `has_suppressed` means a "*" is visible in the chart (only then does its source line
    explain the mark); `note` is a further sentence for the source line (what a merged
    series holds); `peildatum`, when set, names the periods the chart shows instead of
    the indicator's registry text. `refs`, `mark_refs` and `derived` go to the
    ChartFrame (see there).
    """

    image: charts.ChartImage
    refs: tuple[Ref, ...]
    has_suppressed: bool
    note: str = ""
    peildatum: str = ""
    mark_refs: tuple[Ref, ...] = ()
    derived: tuple[DerivedValue, ...] = ()


@dataclass(frozen=True)
class KpiContext:
    """What a KPI builder gets: the values, the subject and the edition."""

    values: Values
    subject: Subject
    edition: int

    @property
    def period(self) -> str:
        return str(self.edition)


@dataclass(frozen=True)
class KpiContent:
    """What one tile says: label, the value as printed, verdict, note, and what it shows.

    The verdict is filled in by assembly from the headlines (or an editor's override),
    so a tile and the summary agree.
    """

    label: str
    value: str
    verdict: Verdict | None
    note: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart a layout may place with `grafiek: <id>`.

    headline: the headline id printed above it; indicators: those it shows (leeswijzer,
    change pages, 'Bron' line); thresholds: settings.yaml `koppen` it relies on.
    """

    build: Callable[[ChartRequest], BuiltChart]
    headline: str
    indicators: tuple[str, ...]
    thresholds: tuple[str, ...] = ()


@dataclass(frozen=True)
class KpiSpec:
    """A KPI tile a layout may place with `kpi: <id>`; `headline` gives its verdict, if any."""

    build: Callable[[KpiContext], KpiContent]
    indicators: tuple[str, ...]
    headline: str | None = None
    thresholds: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeadlineRequest:
    """What the headline rules get: values, subject, edition and the thresholds of settings.yaml."""

    values: Values
    subject: Subject
    edition: int
    thresholds: Mapping[str, float]


def no_headlines(request: HeadlineRequest) -> dict[str, Verdict]:
    """For kinds without headlines."""
    return {}


def no_variables(values: Values, subject: Subject, edition: int) -> dict[str, str]:
    """For kinds whose narratives use only the subject's name and the edition."""
    return {}


def base_variables(subject: Subject, edition: int) -> dict[str, str]:
    """Variables every kind's narratives may use: the subject's name and id, and the edition."""
    p = subject.placeholder
    return {
        f"{p}_naam": subject.name,
        f"{p}_id": subject.id,
        **{k: str(v) for k, v in edition_fields(edition).items()},
    }


def no_keywords(subject: Subject) -> tuple[str, ...]:
    """For kinds without document keywords besides the subject."""
    return (subject.name,)


@dataclass(frozen=True)
class Kind:
    """A document kind: what its layout may name and how its numbers are made.

    id: the `document:` value of its layouts and the `--document` choice;
    layout: its built-in layout file;
    values(dataset, edition, min_count): the tidy indicator frame, suppressed;
    subjects(dataset, regions): the documents to make for the selected regions that the data covers;
    charts, kpis: what `grafiek:` and `kpi:` frames may name;
    headlines(request): headline id -> verdict; summary_order: the headlines the
    'samenvatting' panel lists, in order; headline_ids: those an editor may override;
    thresholds: settings.yaml `koppen` the headline rules need;
    sections: narrative section ids `verhaal` frames may name;
    variables(values, subject, edition): `{{ name }}` variables for narratives;
    keywords(subject): document metadata keywords;
    theme_roles: text styles the kind's frames need besides the core ones;
    placeholder: the word its subjects fill in titles and file names ({regio}, {regio_naam});
    content_folder: the subfolder of `content/<edition>/<subject>/` with its texts ('' = the folder itself).
    """

    id: str
    title: str
    layout: Path
    values: Callable[..., pd.DataFrame]
    subjects: Callable[..., tuple[Subject, ...]]
    charts: Mapping[str, ChartSpec] = field(default_factory=dict)
    kpis: Mapping[str, KpiSpec] = field(default_factory=dict)
    headlines: Callable[[HeadlineRequest], dict[str, Verdict]] = no_headlines
    summary_order: tuple[str, ...] = ()
    headline_ids: tuple[str, ...] = ()
    thresholds: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    variables: Callable[[Values, Subject, int], dict[str, str]] = no_variables
    keywords: Callable[[Subject], tuple[str, ...]] = no_keywords
    theme_roles: tuple[str, ...] = ()
    placeholder: str = "regio"
    content_folder: str = ""

    def all_thresholds(self) -> tuple[str, ...]:
        """Every threshold the kind and its components use, each once."""
        names = [*self.thresholds]
        for spec in (*self.charts.values(), *self.kpis.values()):
            names += spec.thresholds
        return tuple(dict.fromkeys(names))
