"""The declaraties table of the example data: client states expanded to monthly claim rows.

States are put in order of client id and switch month first, so the expanded rows come out
already sorted by client, month and row number, without sorting millions of rows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from reportgen.data.schema import LEVERINGSVORMEN
from reportgen.data.synth.careers import Careers
from reportgen.data.synth.claims import (
    KIND_CARE,
    KIND_PGB,
    KIND_STAY,
    KIND_TREATMENT,
    amounts,
    client_traits,
    part_of_month,
    prestatie_index,
    prestatie_table,
    row_kinds,
    state_months,
)
from reportgen.data.synth.ids import month_labels, pc6_text, text_column
from reportgen.data.synth.targets import GGZ_PROFILES, GZ_PROFILES

PROFILES = GGZ_PROFILES + GZ_PROFILES


def claim_frame(
    careers: Careers,
    home: np.ndarray,
    klant_numbers: np.ndarray,
    klant_text: np.ndarray,
    agb_text: np.ndarray,
    rng: np.random.Generator,
    adjust: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> pd.DataFrame:
    """declaraties: one row per client, month, provider and prestatiecode, in that order.

    `adjust(client, month, bedrag)` may return recalibrated amounts (see gz_records).
    """
    clients = careers.clients
    states = careers.states
    order = np.lexsort((states["switch"].to_numpy(), klant_numbers[states["client"].to_numpy()]))
    states = states.iloc[order].reset_index(drop=True)
    c_start = clients["start"].to_numpy()
    c_end = clients["end"].to_numpy()
    srow, month = state_months(states, c_start, c_end)
    traits = client_traits(len(home), rng)
    care = states["care"].to_numpy()[srow]
    client = states["client"].to_numpy()[srow]
    parent, kind, k = row_kinds(care, client, traits)
    srow, month, client, care = srow[parent], month[parent], client[parent], care[parent]
    part = part_of_month(
        month,
        c_start[client],
        clients["start_day"].to_numpy()[client],
        c_end[client],
        clients["end_day"].to_numpy()[client],
        clients["closed"].to_numpy()[client],
    )
    profile = states["profile"].to_numpy()[srow]
    bedrag = amounts(kind, k, care, client, month, profile, part, traits)
    if adjust is not None:
        bedrag = adjust(client, month, bedrag)

    locations = careers.locations
    at_location = (kind == KIND_STAY) | (kind == KIND_TREATMENT)
    postcodes = np.concatenate([pc6_text(locations["pc6"].to_numpy()), pc6_text(home)])
    pc_index = np.where(at_location, states["location"].to_numpy()[srow], len(locations) + client)
    pc_index = np.where(kind == KIND_PGB, -1, pc_index)
    provider = np.where(kind == KIND_PGB, -1, states["provider"].to_numpy()[srow])
    return pd.DataFrame(
        {
            "klant_id": text_column(klant_text, client),
            "maand": text_column(month_labels(), month),
            "agb_code": text_column(agb_text, provider),
            "postcode": text_column(postcodes, pc_index),
            "prestatiecode": text_column(prestatie_table(PROFILES), prestatie_index(kind, profile, k, len(PROFILES))),
            "leveringsvorm": text_column(np.array(LEVERINGSVORMEN, dtype=object), KIND_CARE[kind]),
            "bedrag": bedrag,
        }
    )
