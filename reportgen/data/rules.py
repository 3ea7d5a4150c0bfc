"""Rules of particular tables that column specs alone cannot say.

- every municipality (and every region of the personeel table) is one of the known
  zorgkantoorregio's;
- an indication does not end before it starts, a waiting spell is not placed before it starts;
- a claim names a provider and a postcode, except a PGB claim (a personal budget is paid
  to the client, so there is no contracted provider or care location).
- a recipient's addresses are valid e-mail addresses, its regions known region ids and its
  document kinds written as ids.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from reportgen.data.addresses import SLUG, cell_items, invalid_addresses
from reportgen.data.checked import CheckedTable
from reportgen.data.findings import Finding, quoted
from reportgen.data.regions import REGION_IDS

PGB = "PGB"


def unknown_regions(table: CheckedTable) -> list[Finding]:
    """regio must be one of the regions reportgen knows."""
    regio = table.text["regio"]
    unknown = table.usable("regio") & ~regio.isin(REGION_IDS).to_numpy(dtype=bool)
    expected = ", ".join(REGION_IDS)
    return [Finding(unknown, "regio", lambda i: f"unknown region {quoted(regio.iloc[i])} (expected one of {expected})")]


def _ending_before_start(table: CheckedTable, start_name: str, end_name: str) -> list[Finding]:
    """Rows whose `end_name` date lies before their `start_name` date."""
    start = table.columns[start_name].values
    end = table.columns[end_name].values
    both = table.usable(start_name) & table.usable(end_name)
    early = both & (end < start).to_numpy(dtype=bool, na_value=False)
    text = table.text
    return [
        Finding(
            early,
            end_name,
            lambda i: f"{quoted(text[end_name].iloc[i])} is before {start_name} {quoted(text[start_name].iloc[i])}",
        )
    ]


def indications_ending_before_start(table: CheckedTable) -> list[Finding]:
    """indicaties.geldig_tot may not lie before geldig_van."""
    return _ending_before_start(table, "geldig_van", "geldig_tot")


def placements_before_waiting(table: CheckedTable) -> list[Finding]:
    """wachtperiodes.geplaatst_op may not lie before wacht_van."""
    return _ending_before_start(table, "wacht_van", "geplaatst_op")


def claims_without_provider(table: CheckedTable) -> list[Finding]:
    """declaraties.agb_code and postcode may only be empty for PGB."""
    form = table.text["leveringsvorm"]
    not_pgb = (form != PGB).to_numpy(dtype=bool, na_value=True)
    findings = []
    for name in ("agb_code", "postcode"):
        empty = (table.text[name] == "").to_numpy(dtype=bool, na_value=True) & ~table.columns[name].bad
        findings.append(
            Finding(
                empty & not_pgb,
                name,
                lambda i: f"is empty (required unless leveringsvorm is {PGB}; here {quoted(form.iloc[i])})",
            )
        )
    return findings


def recipient_lists(table: CheckedTable) -> list[Finding]:
    """ontvangers: every address valid, every region known, every document kind an id."""
    text = table.text
    bad_address = [bool(invalid_addresses(cell)) for cell in text["email"]]
    no_address = [not cell_items(cell) for cell in text["email"]]
    unknown_region = [any(r not in REGION_IDS for r in cell_items(cell)) for cell in text["regios"]]
    bad_kind = [any(not SLUG.fullmatch(k) for k in cell_items(cell)) for cell in text["documenten"]]
    usable = table.usable("email")

    def address_message(i: int) -> str:
        wrong = ", ".join(quoted(a) for a in invalid_addresses(text["email"].iloc[i]))
        return f"not a valid e-mail address: {wrong} (expected e.g. naam@aanbieder.nl; separate several with ';')"

    def region_message(i: int) -> str:
        wrong = ", ".join(quoted(r) for r in cell_items(text["regios"].iloc[i]) if r not in REGION_IDS)
        return f"unknown region {wrong} (expected region ids separated by ';', one of {', '.join(REGION_IDS)})"

    return [
        Finding(usable & np.array(bad_address, dtype=bool), "email", address_message),
        Finding(usable & np.array(no_address, dtype=bool), "email", lambda i: "holds no e-mail address"),
        Finding(np.array(unknown_region, dtype=bool), "regios", region_message),
        Finding(
            np.array(bad_kind, dtype=bool),
            "documenten",
            lambda i: (
                f"{quoted(text['documenten'].iloc[i])}: expected document ids such as regioplan-ggz, separated by ';'"
            ),
        ),
    ]


TABLE_RULES: dict[str, tuple[Callable[[CheckedTable], list[Finding]], ...]] = {
    "gemeenten": (unknown_regions,),
    "indicaties": (indications_ending_before_start,),
    "declaraties": (claims_without_provider,),
    "ontvangers": (recipient_lists,),
    "personeel": (unknown_regions,),
    "wachtperiodes": (placements_before_waiting,),
}
"""Per table name, the rules beyond its column specs."""


def table_rule_findings(table: CheckedTable) -> list[Finding]:
    """Findings of every rule for this table."""
    findings: list[Finding] = []
    for rule in TABLE_RULES.get(table.raw.table.name, ()):
        findings += rule(table)
    return findings
