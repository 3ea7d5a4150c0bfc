"""A tiny Dataset builder so indicator tests read as a list of facts about a few clients."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reportgen.data.schema import TABLES, Dataset

SECTOR_OF_PREFIX = (("GGZ-", "GGZ"), ("VV", "VV"))


def sector_of(profile: str) -> str:
    """The sector of a zorgprofiel: GGZ-* is GGZ, VV* is VV, everything else GZ."""
    for prefix, sector in SECTOR_OF_PREFIX:
        if profile.startswith(prefix):
            return sector
    return "GZ"


@dataclass
class DatasetBuilder:
    """Collects rows per table; `build()` types them as the data contract says."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {t.name: [] for t in TABLES})

    def region(self, gemeentecode: str, regio: str, inwoners: dict[int, int] | None = None) -> DatasetBuilder:
        """A municipality in a region, with inhabitants per year (all in age group 18-64)."""
        self.rows["gemeenten"].append(
            {"gemeentecode": gemeentecode, "gemeente": f"Gemeente {gemeentecode}", "regio": regio, "regio_naam": regio}
        )
        for jaar, count in (inwoners or {}).items():
            self.rows["bevolking"].append(
                {"gemeentecode": gemeentecode, "jaar": jaar, "leeftijdsgroep": "18-64", "inwoners": count}
            )
        return self

    def provider(self, agb_code: str, segment: str) -> DatasetBuilder:
        """A provider contracted in `segment`."""
        self.rows["aanbieders"].append(
            {"agb_code": agb_code, "naam": f"Aanbieder {agb_code}", "contractsegment": segment}
        )
        return self

    def location(self, postcode: str, gemeentecode: str, agb_code: str) -> DatasetBuilder:
        """A register location of a provider."""
        n = len(self.rows["locaties"]) + 1
        self.rows["locaties"].append(
            {"locatie_id": f"L{n:06d}", "agb_code": agb_code, "postcode": postcode, "gemeentecode": gemeentecode}
        )
        return self

    def client(self, klant_id: str, gemeentecode: str) -> DatasetBuilder:
        """A client living in a municipality."""
        self.rows["klanten"].append({"klant_id": klant_id, "geboortejaar": 1970, "gemeentecode": gemeentecode})
        return self

    def indication(self, klant_id: str, profile: str, van: str, tot: str | None = None) -> DatasetBuilder:
        """An indication; ids increase in the order indications are added."""
        n = len(self.rows["indicaties"]) + 1
        self.rows["indicaties"].append(
            {
                "indicatie_id": f"I{n:08d}",
                "klant_id": klant_id,
                "zorgprofiel": profile,
                "sector": sector_of(profile),
                "geldig_van": van,
                "geldig_tot": tot,
            }
        )
        return self

    def claim(
        self,
        klant_id: str,
        maand: str,
        leveringsvorm: str = "intramuraal",
        bedrag: float = 1000.0,
        agb_code: str | None = None,
        postcode: str | None = None,
        prestatiecode: str | None = None,
    ) -> DatasetBuilder:
        """A claim; the prestatiecode defaults to one unique per claim so keys never collide."""
        n = len(self.rows["declaraties"]) + 1
        self.rows["declaraties"].append(
            {
                "klant_id": klant_id,
                "maand": maand,
                "agb_code": agb_code,
                "postcode": postcode,
                "prestatiecode": prestatiecode or f"P{n:05d}",
                "leveringsvorm": leveringsvorm,
                "bedrag": bedrag,
            }
        )
        return self

    def waiting(self, peilmaand: str, klant_id: str, profile: str, status: str) -> DatasetBuilder:
        """A waiting-list snapshot row."""
        self.rows["wachtlijst"].append(
            {"peilmaand": peilmaand, "klant_id": klant_id, "zorgprofiel": profile, "status": status, "wachtweken": 4}
        )
        return self

    def counted(
        self,
        klant_id: str,
        gemeentecode: str,
        profile: str = "GGZ-W3",
        year: int = 2023,
        **claim: object,
    ) -> DatasetBuilder:
        """A client who counts in `year`: an open indication since 2020 and one claim in January."""
        self.client(klant_id, gemeentecode)
        self.indication(klant_id, profile, "2020-01-01")
        return self.claim(klant_id, f"{year}-01", **claim)  # type: ignore[arg-type]

    def build(self) -> Dataset:
        """The Dataset, with the contract's column types."""
        frames = {}
        for table in TABLES:
            frame = pd.DataFrame(self.rows[table.name], columns=table.column_names)
            for column in table.columns:
                if column.kind == "int":
                    frame[column.name] = frame[column.name].astype(np.int64)
                elif column.kind == "amount":
                    frame[column.name] = frame[column.name].astype(np.float64)
                elif column.kind == "date":
                    frame[column.name] = pd.to_datetime(frame[column.name]).astype("datetime64[ns]")
                else:
                    frame[column.name] = frame[column.name].astype(str)
            frames[table.name] = frame
        return Dataset(**frames, source="test")


def value_of(
    frame: pd.DataFrame, indicator: str, region: str, period: str, category: str = "", unit: str | None = None
) -> float:
    """The one value of a tidy frame at this key (unit may be left out when there is only one)."""
    hit = frame[
        (frame["indicator"] == indicator)
        & (frame["region"] == region)
        & (frame["period"] == period)
        & (frame["category"] == category)
    ]
    if unit is not None:
        hit = hit[hit["unit"] == unit]
    if len(hit) != 1:
        raise KeyError(f"{indicator}/{region}/{period}/{category}/{unit}: {len(hit)} rows")
    return float(hit["value"].iloc[0])


def values_of(frame: pd.DataFrame, region: str, period: str, unit: str) -> dict[str, float]:
    """Category -> value for one region, period and unit of a single-indicator frame."""
    hit = frame[(frame["region"] == region) & (frame["period"] == period) & (frame["unit"] == unit)]
    return dict(zip(hit["category"], hit["value"].astype(float), strict=True))
