"""Capacity needed in five years, in three scenarios for the growth of care at home.

The existing capacity is the counted clients of the edition per type of care. The capacity
needed is the forecast (max scenario) five years on; the extra capacity is the difference and
is the same in every scenario. How it splits between intramural places and places at home
(VPT, MPT, PGB) depends on the growth of the VPT/MPT share: it stays as it is, grows at half
the historic yearly rate, or keeps growing at the historic rate. The historic rate is measured
from VPT and MPT alone, so growth of intramural care does not affect it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.data.schema import LEVERINGSVORMEN, Dataset
from reportgen.indicators.base import ALL_REGIONS
from reportgen.kinds.regioanalyse_gz.figures.base import GzBase, prepare_gz_base
from reportgen.kinds.regioanalyse_gz.figures.forecast import forecast
from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, rows

HORIZON = 5
NEEDED_SCENARIO = "max"
SCENARIOS = (("geen-groei", 0.0), ("halve-groei", 0.5), ("groei", 1.0))
"""Scenario name and the part of the historic growth of the VPT/MPT share it assumes."""
HOME_PACKAGES = ("VPT", "MPT")


@dataclass(frozen=True)
class Scenario:
    """One scenario's outcome: extra places intramural and at home, and the share living independently."""

    name: str
    extra_intramural: int
    extra_home: int
    share_independent: float


def historic_growth(package_clients: np.ndarray, all_clients: np.ndarray) -> float:
    """Average yearly growth of the VPT/MPT share over the observed years (geometric); 0 when undefined.

    Undefined: fewer than two years, or no clients or no VPT/MPT clients in the first or last
    year (checked before dividing, so an area without GZ clients gives no 0/0).
    """
    if len(package_clients) < 2 or min(package_clients[0], package_clients[-1]) <= 0:
        return 0.0
    if min(all_clients[0], all_clients[-1]) <= 0:
        return 0.0
    first, last = package_clients[0] / all_clients[0], package_clients[-1] / all_clients[-1]
    return float((last / first) ** (1 / (len(package_clients) - 1)) - 1)


def scenarios(existing: dict[str, int], needed: int, growth: float, horizon: int = HORIZON) -> list[Scenario]:
    """Split the extra capacity (needed minus existing, at least 0) per scenario.

    In a scenario the VPT/MPT share of all clients grows by `factor * growth` a year for
    `horizon` years and the PGB share stays; the places at home needed are that share of
    `needed`, minus the places at home that exist (kept between 0 and the extra capacity).
    """
    total = sum(existing.values())
    home_now = existing["VPT"] + existing["MPT"] + existing["PGB"]
    extra = max(needed - total, 0)
    package_share = (existing["VPT"] + existing["MPT"]) / total if total else 0.0
    pgb_share = existing["PGB"] / total if total else 0.0
    out = []
    for name, factor in SCENARIOS:
        share_then = package_share * (1 + factor * growth) ** horizon + pgb_share
        extra_home = int(np.clip(round(share_then * needed - home_now), 0, extra))
        independent = (home_now + extra_home) / needed if needed else float("nan")
        out.append(Scenario(name, extra - extra_home, extra_home, independent))
    return out


def existing_capacity(base: GzBase) -> pd.Series:
    """Counted GZ clients per area (regions, alle-regios), year and type of care.

    Counted once per region; alle-regios is the sum of the regions (no copy of the clients).
    """
    clients = base.clients[["region", "year", "lv"]].rename(columns={"region": "area"})
    regions = full_counts(clients, {"area": list(base.regions), "year": base.years, "lv": LEVERINGSVORMEN})
    pooled = regions.groupby(level=["year", "lv"], sort=False).sum()
    keys = [(ALL_REGIONS, y, lv) for y, lv in pooled.index]
    pooled.index = pd.MultiIndex.from_tuples(keys, names=regions.index.names)
    return pd.concat([regions, pooled])


def gz_capaciteit(ds: Dataset, edition: int, base: GzBase | None = None) -> pd.DataFrame:
    """Existing capacity, capacity needed, the historic growth at home and the three scenarios."""
    base = base or prepare_gz_base(ds, edition)
    target = edition + HORIZON
    counts = existing_capacity(base)
    needed_all = forecast(ds, base, (target,))
    parts = []
    for area in [*base.regions, ALL_REGIONS]:
        by_year = counts.loc[area].unstack("lv")
        existing = {lv: int(by_year.loc[edition, lv]) for lv in LEVERINGSVORMEN}
        packages = by_year[list(HOME_PACKAGES)].sum(axis=1).to_numpy()
        growth = historic_growth(packages, by_year.sum(axis=1).to_numpy())
        needed = int(round(needed_all.get((area, target, NEEDED_SCENARIO), 0.0)))
        parts.append((area, existing, needed, growth, scenarios(existing, needed, growth)))
    return _capacity_rows(parts, edition, target, base.years[0])


def _capacity_rows(parts: list, edition: int, target: int, first: int) -> pd.DataFrame:
    """The tidy rows of gz_capaciteit (see the registry for the indicators)."""

    def frame(indicator: str, entries: list[tuple[str, str, float]], unit: str, period: str) -> pd.DataFrame:
        index = pd.MultiIndex.from_tuples([(a, c) for a, c, _ in entries], names=["area", "category"])
        return rows(indicator, pd.Series([v for _, _, v in entries], index=index), unit, period=period)

    existing = [(a, lv, float(e[lv])) for a, e, _, _, _ in parts for lv in LEVERINGSVORMEN]
    needed = [(a, "", float(n)) for a, _, n, _, _ in parts]
    growth = [(a, "", 100.0 * g) for a, _, _, g, _ in parts]
    extra = [
        (a, f"{s.name}|{kind}", float(v))
        for a, _, _, _, sc in parts
        for s in sc
        for kind, v in (("intramuraal", s.extra_intramural), ("thuis", s.extra_home))
    ]
    independent = [(a, s.name, s.share_independent) for a, _, _, _, sc in parts for s in sc]
    return pd.concat(
        [
            frame("gz_capaciteit_bestaand", existing, "klanten", str(edition)),
            frame("gz_capaciteit_benodigd", needed, "plekken", str(target)),
            frame("gz_groei_thuis", growth, "procent per jaar", f"{first}-{edition}"),
            frame("gz_capaciteit_extra", extra, "plekken", str(target)),
            frame("gz_zelfstandig_scenario", independent, "aandeel", str(target)),
        ],
        ignore_index=True,
    )
