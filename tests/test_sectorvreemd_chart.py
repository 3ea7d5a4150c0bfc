"""The profile chart of sectorvreemde zorg never shows a hidden count, not even through a sum."""

from __future__ import annotations

import pandas as pd

from reportgen.kinds.regioplan_ggz.charts import OTHER_PROFILES, ranked_profile_shares
from reportgen.kinds.regioplan_ggz.headlines import main_profile, sectorvreemd_profile_counts
from reportgen.values import Values


def _values(rows: list[tuple[str, float, bool]]) -> Values:
    return Values(
        pd.DataFrame(
            [
                {
                    "indicator": "sectorvreemd_profielen",
                    "region": "x",
                    "period": "2023",
                    "category": cat,
                    "value": value,
                    "unit": "klanten",
                    "suppressed": hidden,
                }
                for cat, value, hidden in rows
            ]
        )
    )


def test_profile_counts_add_gz_and_vv_only_when_both_shown() -> None:
    """W3: 20 + 15 = 35; W4 has a hidden VV part, so its sum is hidden too; GGZ segment ignored."""
    values = _values(
        [
            ("GZ|GGZ-W3", 20, False),
            ("VV|GGZ-W3", 15, False),
            ("GZ|GGZ-W4", 12, False),
            ("VV|GGZ-W4", 4, True),
            ("GZ|GGZ-W1", 0, False),
            ("VV|GGZ-W1", 0, False),
            ("GGZ|GGZ-W3", 500, False),
        ]
    )
    counts = sectorvreemd_profile_counts(values, "x", 2023)
    assert counts == {"GGZ-W3": 35, "GGZ-W4": None, "GGZ-W1": 0}
    assert main_profile(counts) == "GGZ-W3"


def test_hidden_profiles_merge_into_one_bar() -> None:
    """Of 50 clients: W3 30 (60%), W4 12 (24%); the other 8 form one bar, hidden as it is below 10."""
    labels, shares = ranked_profile_shares({"GGZ-W3": 30, "GGZ-W4": 12, "GGZ-W2": None, "GGZ-W1": 0}, 50, 10)
    assert labels == ["GGZ-W3", "GGZ-W4", OTHER_PROFILES]
    assert shares == [0.6, 0.24, None]


def test_merged_bar_shown_from_the_threshold() -> None:
    """A remainder of exactly 10 clients is shown as its share."""
    labels, shares = ranked_profile_shares({"GGZ-W3": 40, "GGZ-W2": None, "GGZ-W5": None}, 50, 10)
    assert labels == ["GGZ-W3", OTHER_PROFILES]
    assert shares == [0.8, 0.2]
