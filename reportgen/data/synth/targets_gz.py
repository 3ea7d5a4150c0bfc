"""Calibration targets of the example data's Regioanalyse GZ tables, as data.

't Gooi carries the figures of the published Regioanalyse GZ 2023; the other regions get
plausible values. See docs/example-data.md for which published figures are reproduced.
"""

from __future__ import annotations

from reportgen.data.synth.targets import GOOI_GZ_CLIENTS

FORECAST_YEARS = tuple(range(2024, 2041))
FORECAST_AGE_GROWTH = {"0-17": -0.004, "18-64": 0.001, "65-79": 0.012, "80+": 0.032}
"""Modelled yearly change of the population per age group, all municipalities."""
GOOI_MID_2040 = 0.154
"""'t Gooi: the mid forecast of GZ clients in 2040 lies 15% above the clients of 2023 (15,4%: the
band is symmetric around the mid, so the published min of -12% beside a max of 3.820 clients
needs a mid of at least +15,34%)."""
GOOI_MAX_2040 = 3820 / GOOI_GZ_CLIENTS[2023] - 1
"""'t Gooi: the max forecast of 2040 is the 3.820 clients of the workforce and spending pages
(+43,2%); the min then lands on 2 x 15,4% - 43,2% = -12,4%."""

ORIGIN = {
    "amsterdam": (45.0, 17.0, 38.0),
    "apeldoorn-zutphen": (84.0, 9.0, 7.0),
    "drenthe": (89.0, 7.0, 4.0),
    "flevoland": (76.0, 10.0, 14.0),
    "friesland": (89.0, 7.0, 4.0),
    "t-gooi": (66.0, 12.0, 22.0),
    "kennemerland": (76.0, 13.0, 11.0),
    "rotterdam": (48.0, 12.0, 40.0),
    "utrecht": (74.0, 10.0, 16.0),
    "zaanstreek-waterland": (75.0, 10.0, 15.0),
    "zwolle": (86.0, 7.0, 7.0),
}
"""% of inhabitants with a Dutch, western and non-western background per region (modelled)."""
SES_SHIFT = {"t-gooi": 1, "amsterdam": 0, "rotterdam": -1}
"""Regions whose municipalities lean to a higher (+) or lower (-) SES group."""

EMPLOYEES_PER_CLIENT = 0.67
GOOI_EMPLOYEES = {2020: 1604, 2040: 1692}
EMPLOYEE_GROWTH_2040 = 1.055
"""Employees in 2040 relative to 2020, for the regions without a published figure."""

STREEFNORM_WEEKS = {"urgent": 2, "actief": 13, "wacht op voorkeur": 26}
"""Illustrative streefnormen per status, the same for every classification."""

COST_PER_CLIENT = {
    "t-gooi": {2020: 5763.0, 2021: 5837.0, 2022: 5825.0, 2023: 6289.0},
    "alle-regios": {2020: 7177.0, 2021: 7323.0, 2022: 7441.0, 2023: 7799.0},
}
"""January cost per counted GZ client (euros), 't Gooi and all regions pooled."""

GOOI_AGED_23_65 = 0.57
"""'t Gooi: share of the GZ clients of 2023 aged 23 up to 65 (the rest is older or younger)."""

GOOI_LOCATIONS = 53
"""'t Gooi: care locations with at least five intramural or two VPT/MPT GZ clients in January 2023."""
GOOI_PACKAGE_SHARE = {2020: 0.2805, 2021: 0.2875, 2022: 0.2947, 2023: 0.3021}
"""'t Gooi: share of GZ clients with VPT or MPT per January. With the PGB share (about 24%) 54,2%
live independently in 2023, and the share grows about 2,5% a year: the capacity scenarios of
2028 then give 54% / 56% / 58% living independently."""
GOOI_NEEDED_2028 = 2972
"""'t Gooi: the max forecast of 2028 (the capacity needed): the forecast population's path to
2040 is shaped so that it lands here."""
SECTORVREEMD_GZ = {"t-gooi": (0.048, 0.001), "overig": (0.05412, 0.004877)}
"""Share of GZ clients (with a provider, January 2023) at a VV and at a GGZ provider: 't Gooi
4,8% and 0,1%; the other regions so that all regions together have 5,4% and 0,5%, and 94,2%
at a GZ provider (the published shares add up to 100,1%: VV and GGZ stay just below 5,85%)."""
VV_PROFILE_WEIGHT = {"ZGvis": 20.0, "LG6": 20.0, "LG7": 20.0, "VG3": 6.0}
"""How much more likely a GZ client with this profile (prefix) is at a VV provider than others."""
