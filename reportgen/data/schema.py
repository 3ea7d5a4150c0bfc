"""The data contract: every input table, its columns, types, keys and references.

This is data, not code: the loader, the validator, the example-data generator and
docs/data-contract.md all follow these specs, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reportgen.data.schema_gz import GZ_TABLES
from reportgen.data.spec import (
    LEEFTIJDSGROEPEN,
    LEVERINGSVORMEN,
    SECTORS,
    WACHTSTATUS,
    ZORGPROFIEL_PATTERN,
    Column,
    Table,
)

__all__ = [
    "LEEFTIJDSGROEPEN",
    "LEVERINGSVORMEN",
    "SECTORS",
    "TABLES",
    "TABLES_BY_NAME",
    "WACHTSTATUS",
    "ZORGPROFIEL_PATTERN",
    "Column",
    "Dataset",
    "Table",
]

CORE_TABLES: tuple[Table, ...] = (
    Table(
        "gemeenten",
        "Municipalities and the zorgkantoorregio they belong to.",
        (
            Column(
                "gemeentecode",
                "code",
                "CBS municipality code, 4 digits with leading zeros (e.g. 0193)",
                pattern=r"^\d{4}$",
            ),
            Column("gemeente", "text", "Municipality name"),
            Column("regio", "code", "Zorgkantoorregio id (e.g. zwolle, t-gooi)", pattern=r"^[a-z][a-z0-9-]*$"),
            Column("regio_naam", "text", "Zorgkantoorregio name as printed (e.g. 't Gooi)"),
        ),
        key=("gemeentecode",),
    ),
    Table(
        "bevolking",
        "Inhabitants per municipality on 1 January of each year, by age group (CBS).",
        (
            Column(
                "gemeentecode",
                "code",
                "CBS municipality code",
                pattern=r"^\d{4}$",
                references=("gemeenten", "gemeentecode"),
            ),
            Column("jaar", "int", "Year; the count is on 1 January", minimum=1900, maximum=2100),
            Column("leeftijdsgroep", "enum", "Age group", allowed=LEEFTIJDSGROEPEN),
            Column("inwoners", "int", "Number of inhabitants", minimum=0, maximum=10_000_000),
        ),
        key=("gemeentecode", "jaar", "leeftijdsgroep"),
    ),
    Table(
        "klanten",
        "Clients (pseudonymous).",
        (
            Column("klant_id", "code", "Pseudonymous client id", pattern=r"^K\d{7}$"),
            Column("geboortejaar", "int", "Year of birth", minimum=1900, maximum=2100),
            Column(
                "gemeentecode",
                "code",
                "Municipality of residence",
                pattern=r"^\d{4}$",
                references=("gemeenten", "gemeentecode"),
            ),
        ),
        key=("klant_id",),
    ),
    Table(
        "indicaties",
        "Indications (CIZ decisions): which care profile a client is entitled to, and when.",
        (
            Column("indicatie_id", "code", "Indication id", pattern=r"^I\d{8}$"),
            Column("klant_id", "code", "Client", pattern=r"^K\d{7}$", references=("klanten", "klant_id")),
            Column(
                "zorgprofiel",
                "code",
                "Care profile, e.g. GGZ-W2, GGZ-B4, VG3, LVG2, LG5, ZGaud2, VV5",
                pattern=ZORGPROFIEL_PATTERN,
            ),
            Column("sector", "enum", "Sector of the profile", allowed=SECTORS),
            Column("geldig_van", "date", "First day the indication is valid"),
            Column(
                "geldig_tot",
                "date",
                "Last day the indication is valid; empty while open-ended",
                required=False,
            ),
        ),
        key=("indicatie_id",),
    ),
    Table(
        "declaraties",
        "Claims: care delivered to a client in a month, by a provider at a location.",
        (
            Column("klant_id", "code", "Client", pattern=r"^K\d{7}$", references=("klanten", "klant_id")),
            Column("maand", "month", "Month of care (YYYY-MM)"),
            Column(
                "agb_code",
                "code",
                "Provider AGB code, 8 digits; may be empty for PGB",
                pattern=r"^\d{8}$",
                required=False,
                references=("aanbieders", "agb_code"),
            ),
            Column(
                "postcode",
                "code",
                "Postcode (pc6) where care was delivered; may be empty for PGB",
                pattern=r"^\d{4}[A-Z]{2}$",
                required=False,
            ),
            Column("prestatiecode", "code", "Prestatiecode (tariff code)", pattern=r"^[A-Z0-9]{3,8}$"),
            Column("leveringsvorm", "enum", "Delivery form", allowed=LEVERINGSVORMEN),
            Column("bedrag", "amount", "Claimed amount in euros", minimum=0, maximum=1_000_000),
        ),
        key=("klant_id", "maand", "agb_code", "prestatiecode"),
    ),
    Table(
        "aanbieders",
        "Providers and the contract segment they are contracted in.",
        (
            Column("agb_code", "code", "AGB code, 8 digits", pattern=r"^\d{8}$"),
            Column("naam", "text", "Provider name"),
            Column("contractsegment", "enum", "Contract segment", allowed=SECTORS),
        ),
        key=("agb_code",),
    ),
    Table(
        "locaties",
        "Care locations (a Zorgatlas-like register).",
        (
            Column("locatie_id", "code", "Location id", pattern=r"^L\d{6}$"),
            Column("agb_code", "code", "Provider", pattern=r"^\d{8}$", references=("aanbieders", "agb_code")),
            Column("postcode", "code", "Postcode (pc6)", pattern=r"^\d{4}[A-Z]{2}$"),
            Column(
                "gemeentecode",
                "code",
                "Municipality",
                pattern=r"^\d{4}$",
                references=("gemeenten", "gemeentecode"),
            ),
        ),
        key=("locatie_id",),
    ),
    Table(
        "wachtlijst",
        "Monthly waiting-list snapshots.",
        (
            Column("peilmaand", "month", "Snapshot month (YYYY-MM)"),
            Column("klant_id", "code", "Client", pattern=r"^K\d{7}$", references=("klanten", "klant_id")),
            Column("zorgprofiel", "code", "Care profile waited for", pattern=ZORGPROFIEL_PATTERN),
            Column("status", "enum", "Waiting status", allowed=WACHTSTATUS),
            Column("wachtweken", "int", "Weeks waiting at the snapshot", minimum=0, maximum=1040),
        ),
        key=("peilmaand", "klant_id"),
    ),
    Table(
        "ontvangers",
        "Who receives the finished PDFs of `reportgen distribute`: one row per provider. "
        "Without this file nothing is distributed; the other documents do not need it.",
        (
            Column(
                "agb_code",
                "code",
                "Provider that receives the documents",
                pattern=r"^\d{8}$",
                references=("aanbieders", "agb_code"),
            ),
            Column("naam", "text", "Name the cover letter is addressed to (e.g. the provider or a department)"),
            Column(
                "email",
                "text",
                "One or more e-mail addresses of this provider, separated by ';' (quote the cell in a ';' CSV)",
            ),
            Column(
                "documenten",
                "text",
                "Document kinds to send, separated by ';' (e.g. regioplan-ggz); empty: every kind built",
                required=False,
            ),
            Column(
                "regios",
                "text",
                "Region ids to send, separated by ';' (e.g. zwolle;t-gooi); empty: every region where "
                "the provider has a location",
                required=False,
            ),
        ),
        key=("agb_code",),
        optional=True,
    ),
)
"""The tables of the Regioplan GGZ, and the recipients of `reportgen distribute`."""

TABLES: tuple[Table, ...] = CORE_TABLES + GZ_TABLES

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


@dataclass(frozen=True)
class Dataset:
    """All input tables, validated, with columns typed as the contract says.

    Optional tables that were not supplied are empty frames with the contract's columns.

        Types after loading: "code"/"text"/"enum" -> str (missing: None/NA), "int" -> int64,
        "amount" -> float64, "month" -> str "YYYY-MM", "date" -> datetime64[ns] (missing: NaT).
    """

    gemeenten: pd.DataFrame
    bevolking: pd.DataFrame
    klanten: pd.DataFrame
    indicaties: pd.DataFrame
    declaraties: pd.DataFrame
    aanbieders: pd.DataFrame
    locaties: pd.DataFrame
    wachtlijst: pd.DataFrame
    ontvangers: pd.DataFrame
    bevolkingsprognose: pd.DataFrame
    bevolking_nederland: pd.DataFrame
    gemeentekenmerken: pd.DataFrame
    personeel: pd.DataFrame
    streefnormen: pd.DataFrame
    wachtperiodes: pd.DataFrame
    locatiecoordinaten: pd.DataFrame
    source: str = field(default="")  # where it was loaded from, for messages

    def table(self, name: str) -> pd.DataFrame:
        """One table by its contract name."""
        return getattr(self, name)
