"""Narrative variables are the computed values, formatted the Dutch way, hidden when small."""

from __future__ import annotations

import pandas as pd

from reportgen.kinds import Subject
from reportgen.kinds.regioplan_ggz.variables import region_variables
from reportgen.values import Values


def _row(indicator: str, category: str, value: float, unit: str, suppressed: bool = False) -> dict:
    return {
        "indicator": indicator,
        "region": "zwolle",
        "period": "2023",
        "category": category,
        "value": value,
        "unit": unit,
        "suppressed": suppressed,
    }


def test_values_formatted_and_suppressed() -> None:
    """2.438 clients, 18,43 -> '18,4' per 10.000, 44,6 -> '45' locations; a hidden GGZ-B count prints '*'."""
    frame = pd.DataFrame(
        [
            _row("inwoners", "", 1322851, "inwoners"),
            _row("ggz_klanten", "", 2438, "klanten"),
            _row("ggz_klanten", "GGZ-W", 2431, "klanten"),
            _row("ggz_klanten", "GGZ-B", 7, "klanten", suppressed=True),
            _row("ggz_klanten_per_10k", "", 18.43, "per 10.000 inwoners"),
            _row("locaties_per_1000", "", 44.6, "per 1.000 GGZ-klanten"),
        ]
    )
    variables = region_variables(Values(frame), Subject("zwolle", "Zwolle", ("zwolle",)), 2023)
    assert {k: variables[k] for k in ("inwoners", "ggz_klanten", "ggz_w", "ggz_b", "ggz_klanten_per_10k")} == {
        "inwoners": "1.322.851",
        "ggz_klanten": "2.438",
        "ggz_w": "2.431",
        "ggz_b": "*",
        "ggz_klanten_per_10k": "18,4",
    }
    assert variables["locaties_per_1000"] == "45"
    assert (variables["regio"], variables["editie"], variables["volgend_jaar"], variables["vorig_jaar"]) == (
        "Zwolle",
        "2023",
        "2024",
        "2022",
    )
