"""The example data's tables in the contract's exact columns, dtypes and a stable row order.

Internally the generator works with integer codes; this module turns them into the text ids,
months and postcodes of the data contract (str, int64, float64, datetime64[ns]) and sorts
every table by its key so the same seed always gives identical frames.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.data.schema import LEEFTIJDSGROEPEN, SECTORS, WACHTSTATUS
from reportgen.data.synth.ids import as_ns, formatted, month_labels, pc6_text, spaced_ids, text_column
from reportgen.data.synth.people import indication_starts, indications
from reportgen.data.synth.targets import GGZ_PROFILES, GZ_PROFILES
from reportgen.data.synth.waiting import Waiting
from reportgen.data.synth.waitlist import ACTIVE, WINDOW_START

PROFILES = GGZ_PROFILES + GZ_PROFILES
PROFILE_SECTOR = np.array([0] * len(GGZ_PROFILES) + [1] * len(GZ_PROFILES))


def _str(values: np.ndarray | list) -> pd.Series:
    """A str column from Python strings."""
    return pd.Series(np.asarray(values, dtype=object), dtype="str")


def municipality_frame(municipalities: pd.DataFrame) -> pd.DataFrame:
    """gemeenten: code, name, region id and printed region name, by code."""
    cols = ["gemeentecode", "gemeente", "regio", "regio_naam"]
    frame = pd.DataFrame({c: _str(municipalities[c].to_numpy()) for c in cols})
    return frame.sort_values("gemeentecode", ignore_index=True)


def population_frame(population: pd.DataFrame) -> pd.DataFrame:
    """bevolking: inhabitants per municipality, year and age group, in that order."""
    age_pos = population["leeftijdsgroep"].map({g: i for i, g in enumerate(LEEFTIJDSGROEPEN)})
    order = np.lexsort((age_pos.to_numpy(), population["jaar"].to_numpy(), population["gemeentecode"].to_numpy()))
    p = population.iloc[order]
    return pd.DataFrame(
        {
            "gemeentecode": _str(p["gemeentecode"].to_numpy()),
            "jaar": p["jaar"].to_numpy(dtype=np.int64),
            "leeftijdsgroep": _str(p["leeftijdsgroep"].to_numpy()),
            "inwoners": p["inwoners"].to_numpy(dtype=np.int64),
        }
    )


def klanten_frame(
    klant_text: np.ndarray, born: np.ndarray, gem_codes: np.ndarray, municipality: np.ndarray
) -> pd.DataFrame:
    """klanten: id, year of birth, municipality, by id."""
    frame = pd.DataFrame(
        {
            "klant_id": _str(klant_text),
            "geboortejaar": np.asarray(born, dtype=np.int64),
            "gemeentecode": text_column(gem_codes, municipality),
        }
    )
    return frame.sort_values("klant_id", ignore_index=True)


def indication_rows(
    clients: pd.DataFrame, states: pd.DataFrame, waiting: Waiting, rng: np.random.Generator
) -> pd.DataFrame:
    """Indications of clients in care and of people only on the waiting list (integer codes).

    A client found through a placed wait got their indication when the wait began.
    """
    first_start = indication_starts(clients, rng)
    sp = waiting.spells
    linked = (sp["status"].to_numpy() <= ACTIVE) & (sp["client"].to_numpy() < len(clients))
    first_start[sp["client"].to_numpy()[linked]] = sp["start_date"].to_numpy()[linked]
    in_care = indications(states, clients, first_start, rng)
    new = waiting.new_people
    only_waiting = pd.DataFrame(
        {
            "client": len(clients) + np.arange(len(new)),
            "profile": new["profile"].to_numpy(),
            "geldig_van": new["start_date"].to_numpy(),
            "geldig_tot": np.full(len(new), np.datetime64("NaT", "D")),
        }
    )
    return pd.concat([in_care, only_waiting], ignore_index=True)


def indication_frame(ind: pd.DataFrame, klant_text: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """indicaties: ids numbered in order of decision date, so later decisions have higher ids."""
    start = ind["geldig_van"].to_numpy().astype("datetime64[D]")
    order = np.lexsort((ind["client"].to_numpy(), start))
    ind = ind.iloc[order]
    numbers = np.sort(spaced_ids(len(ind), 10_000_000, 100_000_000, rng))
    profile = ind["profile"].to_numpy()
    return pd.DataFrame(
        {
            "indicatie_id": _str(formatted("I", numbers, 8)),
            "klant_id": text_column(klant_text, ind["client"].to_numpy()),
            "zorgprofiel": text_column(np.array(PROFILES, dtype=object), profile),
            "sector": text_column(np.array(SECTORS, dtype=object), PROFILE_SECTOR[profile]),
            "geldig_van": as_ns(ind["geldig_van"].to_numpy()),
            "geldig_tot": as_ns(ind["geldig_tot"].to_numpy()),
        }
    )


def provider_frame(providers: pd.DataFrame, agb_text: np.ndarray) -> pd.DataFrame:
    """aanbieders: AGB code, name and contract segment, by code."""
    frame = pd.DataFrame(
        {
            "agb_code": _str(agb_text),
            "naam": _str(providers["naam"].to_numpy()),
            "contractsegment": text_column(np.array(SECTORS, dtype=object), providers["segment"].to_numpy()),
        }
    )
    return frame.sort_values("agb_code", ignore_index=True)


def location_frame(
    locations: pd.DataFrame, agb_text: np.ndarray, gem_codes: np.ndarray, rng: np.random.Generator
) -> pd.DataFrame:
    """locaties: register id, provider, postcode and municipality, by id."""
    numbers = spaced_ids(len(locations), 100_000, 1_000_000, rng)
    frame = pd.DataFrame(
        {
            "locatie_id": _str(formatted("L", numbers, 6)),
            "agb_code": text_column(agb_text, locations["provider"].to_numpy()),
            "postcode": _str(pc6_text(locations["pc6"].to_numpy())),
            "gemeentecode": text_column(gem_codes, locations["municipality"].to_numpy()),
        }
    )
    return frame.sort_values("locatie_id", ignore_index=True)


def waiting_frame(waiting: Waiting, klant_text: np.ndarray) -> pd.DataFrame:
    """wachtlijst: one row per month per waiting person, by month and client."""
    rows = waiting.rows
    spell = rows["spell"].to_numpy()
    sp = waiting.spells
    frame = pd.DataFrame(
        {
            "peilmaand": text_column(month_labels(), WINDOW_START + rows["month"].to_numpy()),
            "klant_id": text_column(klant_text, sp["client"].to_numpy()[spell]),
            "zorgprofiel": text_column(np.array(PROFILES, dtype=object), sp["profile"].to_numpy()[spell]),
            "status": text_column(np.array(WACHTSTATUS, dtype=object), sp["status"].to_numpy()[spell]),
            "wachtweken": rows["weeks"].to_numpy(dtype=np.int64),
        }
    )
    return frame.sort_values(["peilmaand", "klant_id"], ignore_index=True)
