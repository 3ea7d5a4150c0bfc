"""The built-in example data: a seeded synthetic Dataset that looks like the real records.

`synthesize()` is what `reportgen build` uses without `--data`. It is calibrated so the
Regioplan indicators reproduce the published decks (see docs/example-data.md and
synth_targets.py), deterministic for a seed, and built with vectorised numpy so the default
set takes a few seconds. `scale` multiplies inhabitants, clients and providers; the
`national_scale()` factor gives a data set about the size of the whole Wlz for benchmarks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import Dataset
from reportgen.data.synth.careers import Careers, build_careers
from reportgen.data.synth.clients import LATE_ARRIVALS
from reportgen.data.synth.counts import ggz_stocks, gz_stocks, location_targets
from reportgen.data.synth.declaraties import claim_frame
from reportgen.data.synth.frames import (
    indication_frame,
    indication_rows,
    klanten_frame,
    location_frame,
    municipality_frame,
    population_frame,
    provider_frame,
    waiting_frame,
)
from reportgen.data.synth.gooi_rates import steadied_population
from reportgen.data.synth.gz_careers import adjusted_gz_careers, homes_off_the_register
from reportgen.data.synth.gz_records import (
    calibrated_births,
    coordinate_frame,
    cost_calibration,
    waiting_spell_frame,
)
from reportgen.data.synth.gz_tables import (
    age_group_positions,
    characteristics_frame,
    forecast_frame,
    gooi_forecast_shape,
    streefnorm_frame,
    workforce_frame,
)
from reportgen.data.synth.ids import formatted, spaced_ids
from reportgen.data.synth.people import birth_years, home_postcodes, residences
from reportgen.data.synth.recipients import recipient_frame
from reportgen.data.synth.reference import (
    national_population,
    reference_municipalities,
    reference_population,
    scaled_population,
)
from reportgen.data.synth.targets import GGZ_EXIT_RATE, GZ_EXIT_RATE, GZ_YEARS, SHORT_STAY_RATE
from reportgen.data.synth.waiting import build_waiting

NATIONAL_CLIENTS = 400_000
WAITING_ONLY_SHARE = 0.073


def national_scale() -> float:
    """The `scale` that gives about 400.000 clients: the size of the Wlz for benchmarks."""
    return NATIONAL_CLIENTS / expected_clients(1.0)


def expected_clients(scale: float) -> int:
    """About how many clients `synthesize(scale=scale)` makes, without making them.

    The clients in care follow exactly from the stock targets and flow rates; people only on
    the waiting list add about WAITING_ONLY_SHARE to that.
    """
    population = _region_population(scale)
    total = 0
    for stocks, exit_rate in ((ggz_stocks(population), GGZ_EXIT_RATE), (gz_stocks(population, scale), GZ_EXIT_RATE)):
        for by_year in stocks.values():
            years = sorted(by_year)
            total += by_year[years[0]] + round(LATE_ARRIVALS * by_year[years[-1]])
            for year, following in zip(years, years[1:], strict=False):
                n, n_next = by_year[year], by_year[following]
                leavers = max(round(exit_rate * n), n - n_next)
                total += n_next - n + leavers + round(SHORT_STAY_RATE * n)
    return round(total * (1 + WAITING_ONLY_SHARE))


def _region_population(scale: float) -> pd.DataFrame:
    """Inhabitants per region and year after scaling."""
    municipalities = reference_municipalities()
    pop = scaled_population(reference_population(), scale)
    pop = pop.merge(municipalities[["gemeentecode", "regio"]], on="gemeentecode")
    table = pop.pivot_table(index="regio", columns="jaar", values="inwoners", aggfunc="sum")
    return table.astype("int64")


def synthesize(seed: int = 2023, scale: float = 1.0) -> Dataset:
    """The example Dataset for `seed`, with client numbers multiplied by `scale`."""
    if not scale > 0:
        raise ValueError(f"scale must be greater than 0, got {scale}")
    municipalities = reference_municipalities()
    population = scaled_population(reference_population(), scale)
    region_pop = _region_population(scale)
    stocks = {"GGZ": ggz_stocks(region_pop), "GZ": gz_stocks(region_pop, scale)}
    careers = build_careers(
        stocks, location_targets(stocks["GGZ"]), municipalities, scale, np.random.default_rng([seed, 1])
    )
    careers = adjusted_gz_careers(careers, scale == 1.0, np.random.default_rng([seed, 7]))
    clients, states = careers.clients, careers.states
    waiting = build_waiting(stocks, clients, states, np.random.default_rng([seed, 2]))

    rng = np.random.default_rng([seed, 3])
    sector = np.concatenate([clients["sector"].to_numpy(), waiting.new_people["sector"].to_numpy()])
    region = np.concatenate([clients["region"].to_numpy(), waiting.new_people["region"].to_numpy()])
    first_profile = np.concatenate(
        [states.drop_duplicates("client")["profile"].to_numpy(), waiting.new_people["profile"].to_numpy()]
    )
    at_vv = np.zeros(len(sector), dtype=bool)
    ggz_at_vv = (states["segment"].to_numpy() == 2) & (clients["sector"].to_numpy()[states["client"].to_numpy()] == 0)
    at_vv[states["client"].to_numpy()[ggz_at_vv]] = True
    municipality = residences(region, municipalities, rng)
    home = home_postcodes(municipality, municipalities, rng)
    home = homes_off_the_register(home, sector == 1, careers.locations["pc6"].to_numpy())
    cared_since = np.concatenate(
        [2020 + np.floor_divide(clients["start"].to_numpy(), 12), waiting.new_people["start_date"].dt.year.to_numpy()]
    )
    born = np.minimum(birth_years(first_profile, sector, at_vv, rng), cared_since)
    klant_numbers = spaced_ids(len(sector), 100_000, 10_000_000, rng)
    klant_text = formatted("K", klant_numbers, 7)
    agb_text = formatted("", careers.providers["agb"].to_numpy(), 8)
    gem_codes = municipalities["gemeentecode"].to_numpy(dtype=object)

    providers = provider_frame(careers.providers, agb_text)
    counted_gz = _counted_gz(careers)
    born = calibrated_births(born, counted_gz, np.random.default_rng([seed, 6])) if scale == 1.0 else born
    gooi = counted_gz[counted_gz["region"] == "t-gooi"]
    gooi = gooi.assign(age_group=age_group_positions(gooi["year"].to_numpy() - born[gooi["client"].to_numpy()]))
    pop_region = population["gemeentecode"].map(municipalities.set_index("gemeentecode")["regio"])
    if scale == 1.0:
        population = steadied_population(population, pop_region, gooi)
    locaties = location_frame(careers.locations, agb_text, gem_codes, rng)
    adjust = cost_calibration(counted_gz, len(klant_text), scale)
    claims = claim_frame(careers, home, klant_numbers, klant_text, agb_text, np.random.default_rng([seed, 4]), adjust)
    rng_gz = np.random.default_rng([seed, 5])
    return Dataset(
        gemeenten=municipality_frame(municipalities),
        bevolking=population_frame(population),
        klanten=klanten_frame(klant_text, born, gem_codes, municipality),
        indicaties=indication_frame(indication_rows(clients, states, waiting, rng), klant_text, rng),
        declaraties=claims,
        aanbieders=providers,
        locaties=locaties,
        wachtlijst=waiting_frame(waiting, klant_text),
        ontvangers=recipient_frame(providers),
        bevolkingsprognose=forecast_frame(
            population,
            municipalities,
            _gooi_shape(gooi_forecast_shape(population, pop_region, gooi), scale),
        ),
        bevolking_nederland=national_population(scale),
        gemeentekenmerken=characteristics_frame(municipalities, rng_gz),
        personeel=workforce_frame(stocks["GZ"], scale),
        streefnormen=streefnorm_frame(),
        wachtperiodes=waiting_spell_frame(waiting, klant_text, rng_gz),
        locatiecoordinaten=coordinate_frame(locaties, municipalities, rng_gz),
        source=f"example data (seed {seed}, scale {scale:g})",
    )


def _gooi_shape(shape: tuple[float, float], scale: float) -> tuple[float, float | None]:
    """'t Gooi's forecast factor, with its 2028 path only at scale 1 (the calibrated size)."""
    return shape if scale == 1.0 else (shape[0], None)


def _counted_gz(careers: Careers) -> pd.DataFrame:
    """GZ clients in care in each January of GZ_YEARS: client (global number), year, region."""
    states = careers.states
    sector = careers.clients["sector"].to_numpy()[states["client"].to_numpy()]
    keep = (sector == 1) & states["year"].isin(GZ_YEARS).to_numpy()
    counted = states.loc[keep, ["client", "year", "region"]].drop_duplicates(["client", "year"])
    return counted.reset_index(drop=True)
