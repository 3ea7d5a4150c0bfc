"""The eleven zorgkantoorregio's reportgen makes documents for, and their municipalities.

Reference data: ids are the slugs used in file names and on the command line; names are
printed in documents.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """A zorgkantoorregio: slug id, printed name."""

    id: str
    name: str


REGIONS: tuple[Region, ...] = (
    Region("amsterdam", "Amsterdam"),
    Region("apeldoorn-zutphen", "Apeldoorn/Zutphen"),
    Region("drenthe", "Drenthe"),
    Region("flevoland", "Flevoland"),
    Region("friesland", "Friesland"),
    Region("t-gooi", "'t Gooi"),
    Region("kennemerland", "Kennemerland"),
    Region("rotterdam", "Rotterdam"),
    Region("utrecht", "Utrecht"),
    Region("zaanstreek-waterland", "Zaanstreek/Waterland"),
    Region("zwolle", "Zwolle"),
)

ALL_REGIONS = "alle-regios"
"""The area id of the eleven regions together (the column `region` of the values)."""

REGION_IDS: tuple[str, ...] = tuple(r.id for r in REGIONS)
REGION_NAMES: dict[str, str] = {r.id: r.name for r in REGIONS}

MUNICIPALITY_PREFIX = "GM"
"""CBS writes a municipality's statcode as "GM" and its four-digit code: GM0363 for Amsterdam."""


def municipality_area(gemeentecode: object) -> str:
    """The area id of a municipality ("GM0363") from the data's gemeentecode ("0363"; "GM0363" stays as it is).

    Input tables carry the bare four digits; indicator frames, maps and the disclosure relations
    all name a municipality by its statcode, so every conversion goes through here.
    """
    code = str(gemeentecode).strip()
    return code if code.startswith(MUNICIPALITY_PREFIX) else MUNICIPALITY_PREFIX + code
