"""Calibration targets of the example data, per region: the published figures, as data.

The four regions with a published Regioplan (Zwolle, Utrecht, Drenthe, Rotterdam) and 't Gooi
(the published Regioanalyse GZ) carry the values the decks print. The other regions get
plausible, varied values that are scaled together so the all-regions figure lands on the
published average. See docs/example-data.md.
"""

from __future__ import annotations

from dataclasses import dataclass

GGZ_YEARS = (2021, 2022, 2023)
GZ_YEARS = (2020, 2021, 2022, 2023)

GGZ_PROFILES = ("GGZ-W1", "GGZ-W2", "GGZ-W3", "GGZ-W4", "GGZ-W5", "GGZ-B3", "GGZ-B4", "GGZ-B5", "GGZ-B6", "GGZ-B7")
GZ_PROFILES = (
    *(f"VG{i}" for i in range(1, 9)),
    *(f"LVG{i}" for i in range(1, 6)),
    "SGLVG",
    *(f"LG{i}" for i in range(1, 8)),
    *(f"ZGaud{i}" for i in range(1, 5)),
    *(f"ZGvis{i}" for i in range(1, 6)),
)
GZ_PROFILE_SHARES = (
    *(2.0, 3.0, 9.0, 8.0, 12.0, 12.0, 6.0, 3.0),
    *(1.0, 1.5, 2.5, 3.0, 2.0),
    1.0,
    *(1.0, 2.0, 2.0, 3.0, 3.5, 4.0, 2.5),
    *(0.5, 1.0, 1.0, 0.5),
    *(1.0, 2.0, 2.5, 2.5, 1.0),
)
LIGHT_GZ_PROFILES = ("VG1", "VG2", "VG3", "VG4", "LVG1", "LVG2", "LG2", "LG4")
GOOI_LIGHT_SHARE = 0.45
"""'t Gooi: share of GZ clients with a light profile (the Regioanalyse's 45%)."""
GGZ_B_MIX = (0.25, 0.30, 0.25, 0.12, 0.08)

# Published all-regions figures.
GGZ_PER_10K_ALL = 16.0
LOCATIONS_PER_1000_ALL = 46.0
GZ_PER_1000_ALL = {2020: 6.61, 2021: 6.78, 2022: 6.88, 2023: 6.90}
GOOI_GZ_CLIENTS = {2020: 2386, 2021: 2438, 2022: 2582, 2023: 2668}

# Year-to-year flows.
GGZ_EXIT_RATE = 0.10
GZ_EXIT_RATE = 0.055
SHORT_STAY_RATE = 0.03
GGZ_REASSESSMENT = 0.04
GZ_REASSESSMENT = 0.02
CARE_SWITCH = 0.03


@dataclass(frozen=True)
class RegionTargets:
    """What the example data of one region is calibrated to.

    - ggz_per_10k: GGZ clients per 10.000 inhabitants in January 2023.
    - ggz_growth: GGZ clients in January 2021 and 2022 relative to 2023.
    - w_mix: shares of GGZ-W1..W5 among GGZ-W clients; b_share: share of GGZ-B clients.
    - care: shares intramuraal, VPT, MPT, PGB among GGZ clients in January 2021, 2022, 2023.
    - sectorvreemd: share of GGZ clients with a provider claim whose main provider is in the
      GZ or VV segment, January 2021, 2022, 2023; vv_share: part of those at a VV provider.
    - locations_per_1000: intramural GGZ locations per 1.000 GGZ clients.
    - waiting: GGZ waiting list (urgent, actief, wacht op voorkeur) in February 2022 as a share
      of GGZ clients, and the change from February 2022 to February 2023.
    - gz_per_1000: base GZ clients per 1.000 inhabitants; gz_trend: yearly change of that rate.
    - providers: contracted providers in the GGZ, GZ and VV segments.
    """

    ggz_per_10k: float
    ggz_growth: tuple[float, float]
    w_mix: tuple[float, float, float, float, float]
    b_share: float
    care: tuple[tuple[float, float, float, float], ...]
    sectorvreemd: tuple[float, float, float]
    vv_share: float
    locations_per_1000: float
    waiting: tuple[float, float]
    gz_per_1000: float
    gz_trend: float
    providers: tuple[int, int, int]


TARGETS: dict[str, RegionTargets] = {
    "amsterdam": RegionTargets(
        17.2,
        (0.82, 0.91),
        (0.06, 0.22, 0.41, 0.21, 0.10),
        0.19,
        ((0.58, 0.08, 0.21, 0.13), (0.56, 0.08, 0.23, 0.13), (0.53, 0.09, 0.25, 0.13)),
        (0.21, 0.22, 0.23),
        0.50,
        44.0,
        (0.10, 0.12),
        5.8,
        0.015,
        (12, 14, 18),
    ),
    "apeldoorn-zutphen": RegionTargets(
        16.4,
        (0.80, 0.90),
        (0.04, 0.19, 0.44, 0.23, 0.10),
        0.15,
        ((0.66, 0.07, 0.15, 0.12), (0.64, 0.07, 0.17, 0.12), (0.61, 0.08, 0.19, 0.12)),
        (0.22, 0.24, 0.25),
        0.40,
        40.0,
        (0.09, 0.20),
        8.6,
        0.008,
        (7, 10, 9),
    ),
    "drenthe": RegionTargets(
        18.8,
        (0.80, 0.90),
        (0.04, 0.18, 0.45, 0.23, 0.10),
        0.17,
        ((0.66, 0.09, 0.14, 0.11), (0.63, 0.09, 0.17, 0.11), (0.59, 0.10, 0.20, 0.11)),
        (0.20, 0.21, 0.22),
        0.45,
        49.0,
        (0.08, 0.08),
        8.8,
        0.010,
        (10, 12, 14),
    ),
    "flevoland": RegionTargets(
        15.1,
        (0.78, 0.89),
        (0.05, 0.21, 0.42, 0.22, 0.10),
        0.14,
        ((0.60, 0.08, 0.19, 0.13), (0.58, 0.08, 0.21, 0.13), (0.55, 0.09, 0.23, 0.13)),
        (0.18, 0.19, 0.20),
        0.45,
        38.0,
        (0.11, 0.15),
        6.2,
        0.018,
        (6, 7, 8),
    ),
    "friesland": RegionTargets(
        16.6,
        (0.81, 0.90),
        (0.04, 0.19, 0.44, 0.23, 0.10),
        0.16,
        ((0.64, 0.08, 0.16, 0.12), (0.62, 0.08, 0.18, 0.12), (0.60, 0.09, 0.19, 0.12)),
        (0.23, 0.24, 0.24),
        0.50,
        42.0,
        (0.08, 0.05),
        7.8,
        0.008,
        (11, 13, 16),
    ),
    "t-gooi": RegionTargets(
        14.4,
        (0.79, 0.89),
        (0.06, 0.21, 0.42, 0.21, 0.10),
        0.15,
        ((0.57, 0.09, 0.20, 0.14), (0.55, 0.09, 0.22, 0.14), (0.53, 0.10, 0.23, 0.14)),
        (0.19, 0.20, 0.21),
        0.55,
        37.0,
        (0.10, 0.10),
        5.2,
        0.0,
        (7, 17, 10),
    ),
    "kennemerland": RegionTargets(
        15.6,
        (0.82, 0.91),
        (0.05, 0.20, 0.43, 0.22, 0.10),
        0.18,
        ((0.59, 0.08, 0.19, 0.14), (0.57, 0.08, 0.21, 0.14), (0.55, 0.09, 0.22, 0.14)),
        (0.20, 0.21, 0.21),
        0.50,
        43.0,
        (0.09, -0.04),
        6.0,
        0.012,
        (8, 9, 12),
    ),
    "rotterdam": RegionTargets(
        GGZ_PER_10K_ALL,
        (0.82, 0.91),
        (0.06, 0.28, 0.36, 0.21, 0.09),
        0.16,
        ((0.55, 0.10, 0.22, 0.13), (0.52, 0.10, 0.25, 0.13), (0.49, 0.11, 0.27, 0.13)),
        (0.15, 0.145, 0.14),
        0.45,
        66.0,
        (0.09, -0.08),
        5.9,
        0.012,
        (8, 12, 16),
    ),
    "utrecht": RegionTargets(
        13.6,
        (0.81, 0.90),
        (0.05, 0.20, 0.43, 0.22, 0.10),
        0.18,
        ((0.64, 0.07, 0.17, 0.12), (0.60, 0.07, 0.21, 0.12), (0.56, 0.08, 0.24, 0.12)),
        (0.14, 0.15, 0.20),
        0.45,
        45.0,
        (0.10, 0.14),
        7.0,
        0.010,
        (10, 16, 20),
    ),
    "zaanstreek-waterland": RegionTargets(
        15.2,
        (0.80, 0.90),
        (0.05, 0.21, 0.42, 0.22, 0.10),
        0.15,
        ((0.61, 0.08, 0.18, 0.13), (0.59, 0.08, 0.20, 0.13), (0.56, 0.09, 0.22, 0.13)),
        (0.21, 0.22, 0.22),
        0.50,
        41.0,
        (0.09, 0.03),
        6.1,
        0.010,
        (6, 8, 9),
    ),
    "zwolle": RegionTargets(
        18.4,
        (0.79, 0.89),
        (0.04, 0.19, 0.44, 0.23, 0.10),
        0.16,
        ((0.60, 0.10, 0.16, 0.14), (0.57, 0.12, 0.20, 0.11), (0.54, 0.14, 0.23, 0.09)),
        (0.20, 0.21, 0.22),
        0.40,
        45.0,
        (0.09, 0.18),
        7.4,
        0.010,
        (11, 12, 14),
    ),
}

# Regions whose Regioplan figures are published: kept exactly; the others are scaled together.
CALIBRATED_REGIONS = ("drenthe", "rotterdam", "utrecht", "zwolle")

# Type of care of GZ clients (intramuraal, VPT, MPT, PGB), January 2020..2023.
GZ_CARE = ((0.54, 0.05, 0.17, 0.24), (0.53, 0.05, 0.18, 0.24), (0.52, 0.05, 0.19, 0.24), (0.51, 0.05, 0.20, 0.24))

# Waiting status shares among waiters that count (urgent, actief, wacht op voorkeur).
WAITING_STATUS = (0.08, 0.62, 0.30)
NOT_ACTIVE_SHARE = 0.15
GZ_WAITING_SHARE = 0.06
