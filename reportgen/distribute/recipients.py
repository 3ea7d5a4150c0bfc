"""Who receives what: recipients from the data, and the regions each provider works in.

A provider is contracted in the regions where it has a care location (locaties ->
gemeenten). It never receives a document of any other region, even when the recipients
table asks for one: that is reported as a problem instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.data.addresses import cell_items
from reportgen.data.regions import REGION_IDS
from reportgen.errors import Problem

SOURCE = "ontvangers"


@dataclass(frozen=True)
class Recipient:
    """One provider as a recipient: its addresses and what it asked for (empty: everything)."""

    agb_code: str
    name: str
    provider: str
    addresses: tuple[str, ...]
    kinds: tuple[str, ...]
    regions: tuple[str, ...]

    @property
    def label(self) -> str:
        """How messages name the provider: 'Stichting De Brug (AGB 01234567)'."""
        return f"{self.provider} (AGB {self.agb_code})"


def contracted_regions(dataset) -> dict[str, tuple[str, ...]]:
    """Per AGB code, the regions where the provider has a location, in region order."""
    located = dataset.locaties[["agb_code", "gemeentecode"]].merge(
        dataset.gemeenten[["gemeentecode", "regio"]], on="gemeentecode", how="inner"
    )
    order = {r: i for i, r in enumerate(REGION_IDS)}
    regions: dict[str, tuple[str, ...]] = {}
    for agb, group in located.groupby("agb_code", sort=True):
        regions[str(agb)] = tuple(sorted(set(group["regio"].astype(str)), key=lambda r: order.get(r, len(order))))
    return regions


def _cell(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def recipients(dataset) -> list[Recipient]:
    """Every row of the recipients table, by AGB code, with the provider's registered name."""
    names = dict(zip(dataset.aanbieders["agb_code"], dataset.aanbieders["naam"], strict=True))
    found = []
    for row in dataset.ontvangers.itertuples(index=False):
        agb = str(row.agb_code)
        found.append(
            Recipient(
                agb_code=agb,
                name=str(row.naam),
                provider=str(names.get(agb, row.naam)),
                addresses=tuple(cell_items(_cell(row.email))),
                kinds=tuple(cell_items(_cell(row.documenten))),
                regions=tuple(cell_items(_cell(row.regios))),
            )
        )
    return sorted(found, key=lambda r: r.agb_code)


def regions_for(recipient: Recipient, contracted: tuple[str, ...]) -> tuple[tuple[str, ...], list[Problem]]:
    """The regions a recipient gets documents of, and a problem per asked region it is not contracted in."""
    if not recipient.regions:
        return contracted, []
    problems = [
        Problem(
            f"{recipient.label}: region '{r}' is asked for, but the provider has no location there "
            f"(its regions: {', '.join(contracted) or 'none'}); a provider only receives its own regions",
            SOURCE,
        )
        for r in recipient.regions
        if r not in contracted
    ]
    return tuple(r for r in contracted if r in recipient.regions), problems
