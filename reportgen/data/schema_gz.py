"""The tables the Regioanalyse GZ needs beyond the Regioplan's: all optional in the contract.

A data folder made for the Regioplan still loads; the Regioanalyse asks for these tables
when it is built. Specs only, like schema.py.
"""

from __future__ import annotations

from reportgen.data.spec import LEEFTIJDSGROEPEN, WACHTSTATUS, ZORGPROFIEL_PATTERN, Column, Table

GEMEENTECODE = Column(
    "gemeentecode", "code", "CBS municipality code", pattern=r"^\d{4}$", references=("gemeenten", "gemeentecode")
)
STREEFNORM_STATUS = WACHTSTATUS[:3]
"""Waiting statuses that have a streefnorm (niet-actief waiters wait by choice, without one)."""
CLASSIFICATIES = ("GGZ", "VG", "LVG", "LG", "ZG")
"""Classification of a waiting spell for the streefnorm: the profile group waited for."""

GZ_TABLES: tuple[Table, ...] = (
    Table(
        "bevolkingsprognose",
        "Forecast inhabitants per municipality, year and age group (supplied by the user: CBS no "
        "longer publishes the age detail of its regional forecast).",
        (
            GEMEENTECODE,
            Column("jaar", "int", "Forecast year; the count is on 1 January", minimum=1900, maximum=2100),
            Column("leeftijdsgroep", "enum", "Age group", allowed=LEEFTIJDSGROEPEN),
            Column("inwoners", "int", "Forecast number of inhabitants", minimum=0, maximum=10_000_000),
        ),
        key=("gemeentecode", "jaar", "leeftijdsgroep"),
        optional=True,
    ),
    Table(
        "bevolking_nederland",
        "Inhabitants of the whole of the Netherlands on 1 January, so a region's share of the country "
        "can be given (CBS StatLine; the sum of all municipalities).",
        (
            Column("jaar", "int", "Year; the count is on 1 January", minimum=1900, maximum=2100),
            Column("inwoners", "int", "Inhabitants of the Netherlands", minimum=1, maximum=100_000_000),
        ),
        key=("jaar",),
        optional=True,
    ),
    Table(
        "gemeentekenmerken",
        "Characteristics of each municipality: socio-economic status, urbanity and origin of inhabitants.",
        (
            GEMEENTECODE,
            Column("ses_groep", "int", "Socio-economic status group, 1 (low) to 5 (high)", minimum=1, maximum=5),
            Column("stedelijkheid", "int", "Urbanity group, 1 (rural) to 5 (very urban)", minimum=1, maximum=5),
            Column("pct_nederlands", "amount", "% of inhabitants with a Dutch background", minimum=0, maximum=100),
            Column("pct_westers", "amount", "% with a western migration background", minimum=0, maximum=100),
            Column("pct_niet_westers", "amount", "% with a non-western migration background", minimum=0, maximum=100),
        ),
        key=("gemeentecode",),
        optional=True,
    ),
    Table(
        "personeel",
        "Employees in disability care (GZ) per region: counted years and forecast years.",
        (
            Column("regio", "code", "Zorgkantoorregio id (e.g. t-gooi)", pattern=r"^[a-z][a-z0-9-]*$"),
            Column("jaar", "int", "Year", minimum=1900, maximum=2100),
            Column("medewerkers", "int", "Number of employees (persons)", minimum=0, maximum=1_000_000),
        ),
        key=("regio", "jaar"),
        optional=True,
    ),
    Table(
        "streefnormen",
        "The streefnorm: within how many weeks a waiting client should be placed, per status and classification.",
        (
            Column("status", "enum", "Waiting status", allowed=STREEFNORM_STATUS),
            Column("classificatie", "enum", "Profile group waited for", allowed=CLASSIFICATIES),
            Column("weken", "int", "Weeks within which placement is due", minimum=0, maximum=1040),
        ),
        key=("status", "classificatie"),
        optional=True,
    ),
    Table(
        "wachtperiodes",
        "Waiting spells: when a client started waiting, with what status, and when they were placed.",
        (
            Column("klant_id", "code", "Client", pattern=r"^K\d{7}$", references=("klanten", "klant_id")),
            Column("zorgprofiel", "code", "Care profile waited for", pattern=ZORGPROFIEL_PATTERN),
            Column("status", "enum", "Waiting status", allowed=WACHTSTATUS),
            Column("wacht_van", "date", "First day of waiting"),
            Column("geplaatst_op", "date", "Day of placement; empty while still waiting", required=False),
        ),
        key=("klant_id", "wacht_van"),
        optional=True,
    ),
    Table(
        "locatiecoordinaten",
        "Coordinates of care locations (RD New, EPSG:28992, metres), e.g. from the Zorgatlas.",
        (
            Column("locatie_id", "code", "Location", pattern=r"^L\d{6}$", references=("locaties", "locatie_id")),
            Column("x", "int", "RD x coordinate in metres", minimum=0, maximum=300_000),
            Column("y", "int", "RD y coordinate in metres", minimum=300_000, maximum=625_000),
        ),
        key=("locatie_id",),
        optional=True,
    ),
)
