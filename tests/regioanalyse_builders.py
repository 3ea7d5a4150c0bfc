"""Building blocks for the Regioanalyse figure tests: GZ clients counted in chosen years."""

from __future__ import annotations

from indicator_builders import DatasetBuilder


def gz_client(
    b: DatasetBuilder,
    klant_id: str,
    gemeentecode: str,
    years: tuple[int, ...] = (2023,),
    profile: str = "VG3",
    born: int = 1980,
    lv: str = "intramuraal",
    bedrag: float = 1000.0,
    agb_code: str | None = "01000001",
    postcode: str | None = "1211AA",
) -> DatasetBuilder:
    """A GZ client with an open indication since 2020 and one January claim in each of `years`."""
    b.client(klant_id, gemeentecode)
    b.rows["klanten"][-1]["geboortejaar"] = born
    b.indication(klant_id, profile, "2020-01-01")
    for year in years:
        b.claim(klant_id, f"{year}-01", leveringsvorm=lv, bedrag=bedrag, agb_code=agb_code, postcode=postcode)
    return b


def population(
    b: DatasetBuilder, gemeentecode: str, counts: dict[tuple[int, str], int], table: str = "bevolking"
) -> None:
    """Inhabitants per (year, age group) of one municipality, in bevolking or bevolkingsprognose."""
    for (jaar, group), n in counts.items():
        b.rows[table].append({"gemeentecode": gemeentecode, "jaar": jaar, "leeftijdsgroep": group, "inwoners": n})


def value(frame, indicator: str, region: str, period: str = "", category: str = "", unit: str | None = None) -> float:
    """The one value of an indicator row (unit optional)."""
    rows = frame[(frame["indicator"] == indicator) & (frame["region"] == region) & (frame["category"] == category)]
    if period:
        rows = rows[rows["period"] == period]
    if unit is not None:
        rows = rows[rows["unit"] == unit]
    assert len(rows) == 1, (indicator, region, period, category, unit, len(rows))
    return float(rows["value"].iloc[0])
