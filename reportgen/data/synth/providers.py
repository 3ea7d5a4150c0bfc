"""Providers (aanbieders) of the example data and which provider each client state uses.

Every region has its own contracted providers in the GGZ, GZ and VV segments, a few large
and many small ones. Clients stay with their provider from year to year unless they move to
another segment; GGZ clients whose state says GZ or VV are the sectorvreemde zorg.
Names and AGB codes are fictitious.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.regions import REGION_IDS
from reportgen.data.synth.targets import TARGETS

_PREFIXES = (
    ("Stichting Beschermd Wonen", "Stichting GGZ", "RIBW", "Stichting Herstelhuis", "Stichting Woonbegeleiding"),
    ("Stichting Gehandicaptenzorg", "Zorggroep", "Stichting Woongroepen", "Stichting Leefkring", "Stichting"),
    ("Stichting Zorgcentrum", "Woonzorgcentrum", "Stichting Verpleeghuis", "Zorgcentra", "Stichting Ouderenzorg"),
)
_STEMS = (
    "De Brug",
    "Het Anker",
    "De Linde",
    "De Horst",
    "Het Baken",
    "De Wissel",
    "Het Kompas",
    "De Zonnewijzer",
    "De Vaart",
    "Het Veer",
    "De Akker",
    "De Bron",
    "Het Palet",
    "De Meander",
    "De Esch",
    "Het Hofje",
    "De Kern",
    "De Overstap",
    "Het Rondeel",
    "De Waard",
    "De Beuk",
    "De Eik",
    "Lindehof",
    "De Schakel",
    "De Klaproos",
    "De Heide",
    "De Duinen",
    "Het Weidehuis",
    "De Boomgaard",
    "De Kade",
    "De Steiger",
    "De Tuinen",
    "Het Erf",
    "De Wending",
    "De Ster",
    "Het Lichtpunt",
)
_AGB_PREFIXES = (("73", "06"), ("75", "04"), ("41", "02"))


def provider_counts(scale: float) -> dict[tuple[str, int], int]:
    """Number of providers per (region, segment position), scaled with the client numbers."""
    return {
        (region, segment): max(1, round(TARGETS[region].providers[segment] * scale))
        for region in REGION_IDS
        for segment in range(3)
    }


def make_providers(places: dict[str, list[str]], scale: float, rng: np.random.Generator) -> pd.DataFrame:
    """The provider register: agb (int), naam, segment, region and a size weight.

    `places` lists municipality names per region, largest first, for the provider names.
    """
    rows = []
    used_names: set[str] = set()
    used_agb: set[int] = set()
    for (region, segment), n in provider_counts(scale).items():
        weights = 1.0 / np.arange(1, n + 1) ** 0.9
        for i in range(n):
            name = _unique_name(segment, places[region], used_names, rng)
            rows.append((_unique_agb(segment, used_agb, rng), name, segment, region, weights[i]))
    return pd.DataFrame(rows, columns=["agb", "naam", "segment", "region", "weight"])


def _unique_name(segment: int, places: list[str], used: set[str], rng: np.random.Generator) -> str:
    """A provider name not used before: prefix, stem and (mostly) a place of the region."""
    for attempt in range(1000):
        prefix = _PREFIXES[segment][rng.integers(len(_PREFIXES[segment]))]
        stem = _STEMS[rng.integers(len(_STEMS))]
        place = places[min(rng.geometric(0.35) - 1, len(places) - 1)]
        name = f"{prefix} {stem}" if attempt < 3 and rng.random() < 0.3 else f"{prefix} {stem} {place}"
        if name not in used:
            used.add(name)
            return name
    raise ValueError("ran out of provider names")


def _unique_agb(segment: int, used: set[int], rng: np.random.Generator) -> int:
    """A fictitious 8-digit AGB code not used before; about a quarter start with a zero."""
    while True:
        prefix = _AGB_PREFIXES[segment][int(rng.random() < 0.25)]
        code = int(prefix) * 1_000_000 + int(rng.integers(0, 1_000_000))
        if code not in used:
            used.add(code)
            return code


def assign_providers(states: pd.DataFrame, providers: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Provider position per state: last year's provider when the segment is unchanged, else a new draw.

    `states` needs columns client (global), year, region (name), segment; rows of one client
    are visited in year order so the stickiness follows the career.
    """
    provider = np.full(len(states), -1, dtype=np.int64)
    current = np.full(int(states["client"].max()) + 1 if len(states) else 0, -1, dtype=np.int64)
    current_segment = np.full(len(current), -1, dtype=np.int64)
    years = sorted(y for y in states["year"].unique() if y > 0) + [0]
    groups = {key: frame for key, frame in providers.groupby(["region", "segment"], sort=True)}
    for year in years:
        idx = np.flatnonzero(states["year"].to_numpy() == year)
        clients = states["client"].to_numpy()[idx]
        segment = states["segment"].to_numpy()[idx]
        keep = (segment >= 0) & (current_segment[clients] == segment) & (current[clients] >= 0)
        chosen = np.where(keep, current[clients], -1)
        draw = np.flatnonzero((segment >= 0) & ~keep)
        regions = states["region"].to_numpy()[idx]
        for (region, seg), frame in groups.items():
            sel = draw[(regions[draw] == region) & (segment[draw] == seg)]
            if len(sel):
                w = frame["weight"].to_numpy()
                chosen[sel] = rng.choice(frame.index.to_numpy(), size=len(sel), p=w / w.sum())
        provider[idx] = chosen
        if year:
            current[clients] = chosen
            current_segment[clients] = segment
    return provider
