"""Complementary suppression and the disclosure audit on small tables worked out by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from reportgen.cli import main
from reportgen.disclosure.findings import disclosure_findings, is_protected
from reportgen.disclosure.published import document_kind, read_published
from reportgen.disclosure.relations import Hierarchy
from reportgen.errors import DataError
from reportgen.indicators.suppress import apply_suppression


def frame(rows: list[tuple[str, str, float]], indicator: str = "tabel", unit: str = "klanten") -> pd.DataFrame:
    """A tidy frame from (area, category, value) rows of one indicator in 2023."""
    return pd.DataFrame(
        {
            "indicator": indicator,
            "region": [r[0] for r in rows],
            "period": "2023",
            "category": [r[1] for r in rows],
            "value": [float(r[2]) for r in rows],
            "unit": unit,
            "suppressed": False,
        }
    )


def hidden(result: pd.DataFrame) -> list[tuple[str, str]]:
    """(area, category) of every hidden row, in frame order."""
    rows = result[result["suppressed"]]
    return list(zip(rows["region"], rows["category"], strict=True))


def cells(rows: list[tuple[str, str, str, float | None, str]]) -> pd.DataFrame:
    """A published cells table from (indicator, area, category, value or None for hidden, unit) rows."""
    return pd.DataFrame(
        {
            "indicator": [r[0] for r in rows],
            "region": [r[1] for r in rows],
            "period": "2023",
            "category": [r[2] for r in rows],
            "unit": [r[4] for r in rows],
            "value": [math.nan if r[3] is None else float(r[3]) for r in rows],
            "published": [r[3] is not None for r in rows],
        }
    )


def test_row_with_one_small_cell_in_a_table_with_all_regions():
    """Regions x categories with row totals and an all-regions row; only zwolle/x = 3 is small.

              x    y   total
    zwolle    3   20     23
    utrecht  15   30     45
    drenthe  12   40     52
    alle     30   90    120

    zwolle/x is pinned by its row (23 - 20) and its column (30 - 15 - 12). Round 1 hides the
    smallest cell that shares a relation with it: drenthe/x = 12. Now zwolle/x and drenthe/x
    are each pinned by their own row, so round 2 hides the smallest partner in each row:
    zwolle/y = 20 and drenthe/y = 40. The four hidden cells form a rectangle: zwolle/x can be
    anything from 0 to 15 (x: zwolle + drenthe = 15), which is wide enough.
    """
    table = frame(
        [
            ("zwolle", "x", 3),
            ("zwolle", "y", 20),
            ("zwolle", "", 23),
            ("utrecht", "x", 15),
            ("utrecht", "y", 30),
            ("utrecht", "", 45),
            ("drenthe", "x", 12),
            ("drenthe", "y", 40),
            ("drenthe", "", 52),
            ("alle-regios", "x", 30),
            ("alle-regios", "y", 90),
            ("alle-regios", "", 120),
        ]
    )
    result = apply_suppression(table, 10)
    assert hidden(result) == [("zwolle", "x"), ("zwolle", "y"), ("drenthe", "x"), ("drenthe", "y")]


def test_two_level_hierarchy_municipalities_regions_all_regions():
    """Municipalities within regions within all regions; the region noord itself is small.

    GM0001 3 + GM0002 5 = noord 8;  GM0003 25 + GM0004 40 = zuid 65;  noord + zuid = 73.

    The small counts GM0001, GM0002 and noord are hidden, but all regions minus zuid gives
    noord = 8 back, and with it GM0001 + GM0002 = 8, narrower than 10. The relation that pins
    noord is the all-regions sum; of its cells, hiding zuid would leave zuid = 25 + 40 to
    work out (a fourth cell would follow), hiding the all-regions total leaves nothing: noord
    can then be any number. So the all-regions total is hidden.
    """
    table = frame(
        [
            ("GM0001", "", 3),
            ("GM0002", "", 5),
            ("GM0003", "", 25),
            ("GM0004", "", 40),
            ("noord", "", 8),
            ("zuid", "", 65),
            ("alle-regios", "", 73),
        ]
    )
    areas = Hierarchy({"alle-regios": ("noord", "zuid"), "noord": ("GM0001", "GM0002"), "zuid": ("GM0003", "GM0004")})
    result = apply_suppression(table, 10, hierarchy=areas)
    assert hidden(result) == [("GM0001", ""), ("GM0002", ""), ("noord", ""), ("alle-regios", "")]


def test_municipality_hidden_with_its_smallest_neighbour():
    """GM0001 = 3 in noord = 33: hiding GM0002 (30) protects it; noord (33) would expose the all-regions sum."""
    table = frame([("GM0001", "", 3), ("GM0002", "", 30), ("noord", "", 33), ("zuid", "", 65), ("alle-regios", "", 98)])
    areas = Hierarchy({"alle-regios": ("noord", "zuid"), "noord": ("GM0001", "GM0002")})
    assert hidden(apply_suppression(table, 10, hierarchy=areas)) == [("GM0001", ""), ("GM0002", "")]


def test_months_within_a_yearly_total():
    """Months adding up to a year: January 3 of 48 is pinned by the year, so February (20, the smallest) goes too."""
    table = frame([("zwolle", "", 3), ("zwolle", "", 20), ("zwolle", "", 25), ("zwolle", "", 48)])
    table["period"] = ["2023-01", "2023-02", "2023-03", "2023"]
    months = Hierarchy(period_parts={"2023": ("2023-01", "2023-02", "2023-03")})
    result = apply_suppression(table, 10, hierarchy=months)
    assert list(result.loc[result["suppressed"], "period"]) == ["2023-01", "2023-02"]


def test_the_weak_rule_leaves_a_region_to_be_worked_out_and_the_audit_finds_it():
    """Within one region only: utrecht/x = 4 and y = 17 hidden, but all regions (x) minus zwolle (x) gives 4.

    utrecht/y = 17 can be worked out as well, but it is not a small count, so it is no finding.
    """
    table = frame(
        [
            ("zwolle", "x", 30),
            ("zwolle", "y", 30),
            ("utrecht", "x", 4),
            ("utrecht", "y", 17),
            ("alle-regios", "x", 34),
            ("alle-regios", "y", 47),
        ]
    )
    weak = apply_suppression(table, 10, complementary=False)
    assert hidden(weak) == [("utrecht", "x"), ("utrecht", "y")]
    published = weak.drop(columns="suppressed").assign(published=~weak["suppressed"])
    found = disclosure_findings(published, Hierarchy({"alle-regios": ("zwolle", "utrecht")}), 10)
    assert [(f.key[1], f.key[3], f.low, f.high) for f in found] == [("utrecht", "x", 4, 4)]
    strong = apply_suppression(table, 10)
    assert hidden(strong) == [("zwolle", "x"), ("zwolle", "y"), ("utrecht", "x"), ("utrecht", "y")]


def test_hundred_percent_minus_the_shown_shares():
    """n = 40 with shares 50% and 30% shown: the hidden third share is 20% of 40 = 8 exactly."""
    found = disclosure_findings(
        cells(
            [
                ("v", "zwolle", "a", 0.5, "aandeel"),
                ("v", "zwolle", "b", 0.3, "aandeel"),
                ("v", "zwolle", "c", None, "aandeel"),
                ("v", "zwolle", "c", None, "klanten"),
                ("v", "zwolle", "totaal", 40, "klanten"),
            ]
        ),
        Hierarchy(),
        10,
    )
    assert [(f.key[3], round(f.low, 4), round(f.high, 4)) for f in found] == [("c", 8.0, 8.0)]


def test_a_merged_line_is_the_sum_of_its_categories():
    """A chart line "a+b" of 32 beside b = 25 gives a = 7 back; without it a and c share 25 - 0."""
    rows = [
        ("w", "zwolle", "a", None, "wachtenden"),
        ("w", "zwolle", "b", 25, "wachtenden"),
        ("w", "zwolle", "c", None, "wachtenden"),
        ("w", "zwolle", "totaal", 50, "wachtenden"),
    ]
    assert disclosure_findings(cells(rows), Hierarchy(), 10) == []
    found = disclosure_findings(cells([*rows, ("w", "zwolle", "a+b", 32, "wachtenden")]), Hierarchy(), 10)
    assert [(f.key[3], round(f.low, 4), round(f.high, 4)) for f in found] == [("a", 7.0, 7.0)]


def test_a_shown_share_of_a_small_count_is_a_finding():
    """A share is a count in disguise: 30% of n = 20 prints 6 clients, whether the count is listed or not."""
    found = disclosure_findings(
        cells(
            [
                ("v", "zwolle", "a", 0.7, "aandeel"),
                ("v", "zwolle", "b", 0.3, "aandeel"),
                ("v", "zwolle", "totaal", 20, "klanten"),
            ]
        ),
        Hierarchy(),
        10,
    )
    assert [(f.key[3], f.key[4], round(f.low, 4)) for f in found] == [("b", "klanten", 6.0)]


def test_two_hidden_shares_of_enough_people_are_safe():
    """Shares of b and c hidden: together 50% of 40 = 20, so each lies in [0, 20]."""
    found = disclosure_findings(
        cells(
            [
                ("v", "zwolle", "a", 0.5, "aandeel"),
                ("v", "zwolle", "b", None, "aandeel"),
                ("v", "zwolle", "c", None, "aandeel"),
                ("v", "zwolle", "totaal", 40, "klanten"),
            ]
        ),
        Hierarchy(),
        10,
    )
    assert found == []


def test_a_rate_with_its_published_denominator_gives_the_count_back():
    """ggz_klanten_per_10k 0.4 with 100.000 inhabitants: 4 clients, although the count is hidden."""
    published = [
        ("ggz_klanten", "zwolle", "", None, "klanten"),
        ("inwoners", "zwolle", "", 100_000, "inwoners"),
        ("ggz_klanten_per_10k", "zwolle", "", 0.4, "per 10.000 inwoners"),
    ]
    found = disclosure_findings(cells(published), Hierarchy(), 10)
    assert [(f.key[0], round(f.low, 3), round(f.high, 3)) for f in found] == [("ggz_klanten", 4.0, 4.0)]
    without_rate = disclosure_findings(cells(published[:2]), Hierarchy(), 10)
    assert without_rate == []


def test_interval_rule_boundaries():
    """Width 10 is enough, 9.99 not; certainly 0 or certainly 10 or more is not a small count."""
    assert is_protected(0, 10, 10) and not is_protected(0, 9.99, 10)
    assert is_protected(0, 0.2, 10) and is_protected(10, 12, 10) and not is_protected(9, 12, 10)


def test_municipality_areas_from_gemeenten():
    """The gemeenten table gives all regions -> regions -> municipality codes."""
    gemeenten = pd.DataFrame({"gemeentecode": ["GM0002", "GM0001", "GM0003"], "regio": ["noord", "noord", "zuid"]})
    areas = Hierarchy.from_gemeenten(gemeenten)
    assert areas.area_parts == {
        "alle-regios": ("noord", "zuid"),
        "noord": ("GM0001", "GM0002"),
        "zuid": ("GM0003",),
    }


HEADER = "indicator,region,period,category,value,unit,suppressed\n"


def test_published_files_are_read_and_a_value_shown_anywhere_is_known(tmp_path: Path):
    """All-regions rows repeat in every file; an empty value marked 'ja' is hidden."""
    (tmp_path / "regioplan-ggz-2023-2024-zwolle-audit.csv").write_text(
        HEADER + "ggz_klanten,zwolle,2023,,,klanten,ja\nggz_klanten,alle-regios,2023,,127,klanten,nee\n"
    )
    (tmp_path / "regioanalyse-gz-2023-utrecht-audit.csv").write_text(
        HEADER + "ggz_klanten,alle-regios,2023,,127,klanten,nee\n"
    )
    table = read_published(sorted(tmp_path.glob("*.csv")))
    assert list(zip(table["region"], table["published"], strict=True)) == [("alle-regios", True), ("zwolle", False)]
    assert [document_kind(p, 2023) for p in sorted(tmp_path.glob("*.csv"))] == ["regioanalyse-gz", "regioplan-ggz"]


def test_bad_published_file_names_file_line_and_column(tmp_path: Path):
    """A value that is not a number is refused with file, line and column."""
    path = tmp_path / "x-2023-zwolle-audit.csv"
    path.write_text(HEADER + "ggz_klanten,zwolle,2023,,veel,klanten,nee\n")
    with pytest.raises(DataError) as caught:
        read_published([path])
    assert str(caught.value) == f"{path}:2: column 'value': expected a number or nothing, got 'veel'"


def test_audit_disclosure_without_files_fails(tmp_path: Path, capsys):
    """No audit files for the edition: exit code 1 and a message saying where it looked."""
    (tmp_path / "2023").mkdir()
    assert main(["audit-disclosure", "--out", str(tmp_path)]) == 1
    assert "no audit files" in capsys.readouterr().err


def test_published_changes_may_be_negative_but_counts_may_not(tmp_path) -> None:
    """A change in % below 0 is an ordinary published value; a negative count is an error with file and line."""
    from reportgen.disclosure.published import read_published
    from reportgen.errors import DataError

    header = "indicator,region,period,category,value,unit,suppressed\n"
    good = tmp_path / "a-2023-x-audit.csv"
    good.write_text(header + "gz_groei,t-gooi,2023,,-4.5,%,nee\n", encoding="utf-8")
    assert read_published([good])["value"].tolist() == [-4.5]
    bad = tmp_path / "b-2023-x-audit.csv"
    bad.write_text(header + "gz_klanten,t-gooi,2023,,-3,klanten,nee\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_published([bad])
    message = f"{bad}:2: column 'value': expected a count of 0 or more, got '-3'"
    assert [str(p) for p in caught.value.problems] == [message]
