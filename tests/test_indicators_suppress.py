"""Small-count suppression, rule by rule."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.indicators.suppress import apply_suppression


def frame(*rows: tuple) -> pd.DataFrame:
    """A tidy frame from (indicator, category, value, unit) rows, all Zwolle 2023."""
    return pd.DataFrame(
        {
            "indicator": [r[0] for r in rows],
            "region": "zwolle",
            "period": "2023",
            "category": [r[1] for r in rows],
            "value": [float(r[2]) for r in rows],
            "unit": [r[3] for r in rows],
            "suppressed": False,
        }
    )


def flags(result: pd.DataFrame) -> list[bool]:
    """The suppressed column as plain booleans."""
    return [bool(f) for f in result["suppressed"]]


def test_count_threshold_boundary():
    """0 shown, 1 and 9 suppressed, 10 shown, for both count units."""
    f = frame(
        ("ggz_klanten", "", 0, "klanten"),
        ("ggz_klanten", "", 1, "klanten"),
        ("ggz_klanten", "", 9, "klanten"),
        ("ggz_klanten", "", 10, "klanten"),
        ("wachtlijst", "totaal", 9, "wachtenden"),
    )
    assert flags(apply_suppression(f)) == [False, True, True, False, True]


def test_other_threshold():
    """With min_count 5: 4 suppressed, 5 shown."""
    f = frame(("ggz_klanten", "", 4, "klanten"), ("ggz_klanten", "", 5, "klanten"))
    assert flags(apply_suppression(f, min_count=5)) == [True, False]


def test_values_are_kept():
    """Suppression only sets the flag; the value stays for the audit."""
    result = apply_suppression(frame(("ggz_klanten", "", 3, "klanten")))
    assert list(result["value"]) == [3.0]


def test_inhabitants_and_locations_are_not_counts_of_people():
    """3 inhabitants or 3 locations are shown."""
    f = frame(("inwoners", "", 3, "inwoners"), ("ggz_locaties", "", 3, "locaties"))
    assert flags(apply_suppression(f)) == [False, False]


def test_share_follows_its_count():
    """The share of a suppressed count is suppressed; of a shown count, shown."""
    f = frame(
        ("sectorvreemd", "GGZ", 40, "klanten"),
        ("sectorvreemd", "GGZ", 0.8, "aandeel"),
        ("sectorvreemd", "GZ", 10, "klanten"),
        ("sectorvreemd", "GZ", 0.2, "aandeel"),
        ("sectorvreemd", "VV", 0, "klanten"),
        ("sectorvreemd", "VV", 0.0, "aandeel"),
    )
    assert flags(apply_suppression(f)) == [False] * 6


def test_rate_follows_its_base_count():
    """Rates based on 9 clients, 0 clients or no count row are suppressed; on 10 clients shown."""
    shown = frame(("ggz_klanten", "", 10, "klanten"), ("ggz_klanten_per_10k", "", 2.5, "per 10.000 inwoners"))
    small = frame(("ggz_klanten", "", 9, "klanten"), ("locaties_per_1000", "", 111.1, "per 1.000 GGZ-klanten"))
    zero = frame(("gz_klanten", "", 0, "klanten"), ("gz_klanten_per_1000", "", 0.0, "per 1.000 inwoners"))
    missing = frame(("ggz_klanten_per_10k", "", 2.5, "per 10.000 inwoners"))
    assert flags(apply_suppression(shown)) == [False, False]
    assert flags(apply_suppression(small)) == [True, True]
    assert flags(apply_suppression(zero)) == [False, True]
    assert flags(apply_suppression(missing)) == [True]


def test_secondary_suppression_hides_smallest_other_category():
    """W1=3 is suppressed, so W2=12 (smallest other non-zero) is too; W3=20 and W4=0 stay; shares follow."""
    f = frame(
        ("ggz_w_verdeling", "GGZ-W1", 3, "klanten"),
        ("ggz_w_verdeling", "GGZ-W1", 3 / 35, "aandeel"),
        ("ggz_w_verdeling", "GGZ-W2", 12, "klanten"),
        ("ggz_w_verdeling", "GGZ-W2", 12 / 35, "aandeel"),
        ("ggz_w_verdeling", "GGZ-W3", 20, "klanten"),
        ("ggz_w_verdeling", "GGZ-W3", 20 / 35, "aandeel"),
        ("ggz_w_verdeling", "GGZ-W4", 0, "klanten"),
        ("ggz_w_verdeling", "GGZ-W4", 0.0, "aandeel"),
    )
    assert flags(apply_suppression(f)) == [True, True, True, True, False, False, False, False]


def test_secondary_tie_goes_to_first_category():
    """Two candidates of 12: the one listed first is suppressed."""
    f = frame(
        ("sectorvreemd", "GGZ", 12, "klanten"),
        ("sectorvreemd", "GZ", 12, "klanten"),
        ("sectorvreemd", "VV", 2, "klanten"),
    )
    assert flags(apply_suppression(f)) == [True, False, True]


def test_two_small_cells_whose_sum_is_small_need_a_third():
    """MPT 4 and PGB 5 hidden: with n = 51 printed they lie in [0, 9], narrower than 10, so VPT 12 goes too.

    Then MPT lies in [0, 21]: 51 - 30 = 21 is shared by the three hidden cells.
    """
    f = frame(
        ("leveringsvorm", "intramuraal", 30, "klanten"),
        ("leveringsvorm", "VPT", 12, "klanten"),
        ("leveringsvorm", "MPT", 4, "klanten"),
        ("leveringsvorm", "PGB", 5, "klanten"),
    )
    assert flags(apply_suppression(f)) == [False, True, True, True]


def test_two_small_cells_whose_sum_reaches_the_threshold_protect_each_other():
    """MPT 4 and PGB 6 lie in [0, 10] each: wide enough; nothing more is hidden."""
    f = frame(
        ("leveringsvorm", "intramuraal", 30, "klanten"),
        ("leveringsvorm", "VPT", 12, "klanten"),
        ("leveringsvorm", "MPT", 4, "klanten"),
        ("leveringsvorm", "PGB", 6, "klanten"),
    )
    assert flags(apply_suppression(f)) == [False, False, True, True]


def test_totals_are_not_part_of_the_distribution():
    """Wachtlijst: urgent 3 hides actief 15 (not the total 38, which stays shown)."""
    f = frame(
        ("wachtlijst", "urgent", 3, "wachtenden"),
        ("wachtlijst", "actief", 15, "wachtenden"),
        ("wachtlijst", "wacht op voorkeur", 20, "wachtenden"),
        ("wachtlijst", "totaal", 38, "wachtenden"),
    )
    assert flags(apply_suppression(f)) == [True, True, False, False]


def test_ggz_klanten_total_is_not_part_of_the_distribution():
    """GGZ-B=3 hides GGZ-W=40; the total "" of 43 stays."""
    f = frame(
        ("ggz_klanten", "", 43, "klanten"),
        ("ggz_klanten", "GGZ-W", 40, "klanten"),
        ("ggz_klanten", "GGZ-B", 3, "klanten"),
    )
    assert flags(apply_suppression(f)) == [False, True, True]


def test_segment_profile_categories_are_one_distribution_per_segment():
    """GZ|W1=2 hides GZ|W2=11, not VV|W1=10, which is in another segment."""
    f = frame(
        ("sectorvreemd_profielen", "GZ|GGZ-W1", 2, "klanten"),
        ("sectorvreemd_profielen", "GZ|GGZ-W2", 11, "klanten"),
        ("sectorvreemd_profielen", "GZ|GGZ-W3", 30, "klanten"),
        ("sectorvreemd_profielen", "VV|GGZ-W1", 10, "klanten"),
        ("sectorvreemd_profielen", "VV|GGZ-W2", 25, "klanten"),
    )
    assert flags(apply_suppression(f)) == [True, True, False, False, False]


def test_distributions_are_per_region():
    """A small count in Zwolle does not hide anything in Utrecht."""
    f = frame(("sectorvreemd", "GGZ", 30, "klanten"), ("sectorvreemd", "GZ", 3, "klanten"))
    other = f.assign(region="utrecht", value=[30.0, 12.0])
    result = apply_suppression(pd.concat([f, other], ignore_index=True))
    assert flags(result) == [True, True, False, False]


def test_not_a_number_is_suppressed_and_set_flags_stay():
    """A share of nothing (NaN) cannot be printed; a flag set before stays set."""
    f = frame(("ggz_w_verdeling", "GGZ-W1", math.nan, "aandeel"), ("inwoners", "", 5000, "inwoners"))
    f.loc[1, "suppressed"] = True
    assert flags(apply_suppression(f)) == [True, True]


def test_threshold_must_be_positive():
    """min_count 0 makes no sense."""
    with pytest.raises(ValueError, match="at least 1"):
        apply_suppression(frame(("ggz_klanten", "", 3, "klanten")), min_count=0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=2, max_size=6))
def test_a_single_hidden_category_never_stands_alone(counts):
    """Every count 1-9 is hidden, and a hidden category always has a hidden partner when one exists."""
    rows = [("leveringsvorm", "", sum(counts), "klanten")]
    rows += [("leveringsvorm", f"c{i}", c, "klanten") for i, c in enumerate(counts)]
    hidden = flags(apply_suppression(frame(*rows)))[1:]
    assert all(h for c, h in zip(counts, hidden, strict=True) if 0 < c < 10)
    hidden_nonzero = sum(h for c, h in zip(counts, hidden, strict=True) if c > 0)
    nonzero = sum(1 for c in counts if c > 0)
    assert hidden_nonzero != 1 or nonzero == 1
