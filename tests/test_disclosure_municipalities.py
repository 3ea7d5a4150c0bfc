"""Municipalities within regions within all regions: the areas add up, and suppression protects
the municipality figures against the region totals. Tables worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from reportgen.data.regions import municipality_area
from reportgen.disclosure.cells import frame_cells
from reportgen.disclosure.findings import disclosure_findings
from reportgen.disclosure.intervals import reduced
from reportgen.disclosure.protection import Program, is_protected, unprotected
from reportgen.disclosure.relations import Hierarchy, all_constraints
from reportgen.indicators.suppress import apply_suppression

AREAS = Hierarchy(
    {
        "alle-regios": ("noord", "zuid"),
        "noord": ("GM0001", "GM0002", "GM0003"),
        "zuid": ("GM0004", "GM0005"),
    }
)


def table(rows: list[tuple[str, int, int]]) -> pd.DataFrame:
    """Clients in categories A and B with their total (category ""), per area: (area, A, B) rows."""
    out = []
    for area, a, b in rows:
        out += [(area, "A", a), (area, "B", b), (area, "", a + b)]
    return pd.DataFrame(
        {
            "indicator": "klanten",
            "region": [r[0] for r in out],
            "period": "2023",
            "category": [r[1] for r in out],
            "value": [float(r[2]) for r in out],
            "unit": "klanten",
            "suppressed": False,
        }
    )


TWO_LEVELS = [
    ("GM0001", 4, 26),
    ("GM0002", 20, 25),
    ("GM0003", 30, 35),
    ("GM0004", 40, 45),
    ("GM0005", 50, 55),
    ("noord", 54, 86),
    ("zuid", 90, 100),
    ("alle-regios", 144, 186),
]


def hidden(result: pd.DataFrame) -> list[tuple[str, str]]:
    rows = result[result["suppressed"].to_numpy(dtype=bool)]
    return list(zip(rows["region"], rows["category"], strict=True))


def findings(result: pd.DataFrame) -> list[tuple[str, str]]:
    cells = frame_cells(result, result["suppressed"].to_numpy(dtype=bool), 10)
    return [(f.key[1], f.key[3]) for f in disclosure_findings(cells, AREAS, 10)]


def test_the_data_s_municipality_codes_become_area_ids():
    """The gemeenten table writes 0363; indicator frames, maps and the hierarchy write GM0363."""
    gemeenten = pd.DataFrame({"gemeentecode": ["0384", "0363", "GM0050"], "regio": ["amsterdam", "amsterdam", "fl"]})
    areas = Hierarchy.from_gemeenten(gemeenten)
    assert areas.area_parts == {
        "alle-regios": ("amsterdam", "fl"),
        "amsterdam": ("GM0363", "GM0384"),
        "fl": ("GM0050",),
    }
    assert [municipality_area(c) for c in ("0363", "GM0363", " 0034")] == ["GM0363", "GM0363", "GM0034"]


def test_two_levels_with_one_small_cell_in_a_row():
    """Municipality x category, municipalities adding up to regions, regions to all regions.

                 A    B   total
        GM0001   4   26     30    <- only A is small
        GM0002  20   25     45
        GM0003  30   35     65
        noord   54   86    140    (GM0001 + GM0002 + GM0003)
        GM0004  40   45     85
        GM0005  50   55    105
        zuid    90  100    190
        alle   144  186    330

    GM0001/A = 4 is pinned twice: by its row (30 - 26) and by its region (54 - 20 - 30).
    Round 1 hides, from those two relations, the smallest cell whose hiding leaves the fewest
    other relations with a single hidden cell: GM0002/A = 20 (GM0001/B 26, GM0001's total 30,
    GM0003/A 30 and noord/A 54 are larger; noord/A would also open the all-regions sum).
    Round 2: GM0001/A and GM0002/A are each still pinned by their own row; the smallest
    partners there are GM0001/B = 26 and GM0002/B = 25. The four hidden cells form a
    rectangle within noord: with x = GM0001/A, GM0001/B = 30 - x, GM0002/A = 24 - x and
    GM0002/B = 21 + x, so x can be anything from 0 to 24, and every hidden cell moves over
    24 >= 10. No smaller loss protects GM0001/A: a cell pinned by a row and a column needs
    a rectangle of four, and 4 + 26 + 20 + 25 = 75 is the cheapest one (with GM0003 instead
    of GM0002: 95; with the totals: 99; with noord's cells, all regions minus zuid pins them).
    """
    result = apply_suppression(table(TWO_LEVELS), 10, hierarchy=AREAS)
    assert hidden(result) == [("GM0001", "A"), ("GM0001", "B"), ("GM0002", "A"), ("GM0002", "B")]
    assert findings(result) == []


def test_without_complementary_suppression_the_region_gives_the_municipality_back():
    """The rule within one distribution alone hides GM0001/A and its row's smallest other
    cell, GM0001/B = 26; then noord/A - GM0002/A - GM0003/A = 54 - 20 - 30 = 4 comes back
    exactly, which the audit reports (GM0001/B = 86 - 25 - 35 = 26 comes back too, but that
    is no small count)."""
    weak = apply_suppression(table(TWO_LEVELS), 10, hierarchy=AREAS, complementary=False)
    assert hidden(weak) == [("GM0001", "A"), ("GM0001", "B")]
    cells = frame_cells(weak, weak["suppressed"].to_numpy(dtype=bool), 10)
    found = {(f.key[1], f.key[3]): (f.low, f.high) for f in disclosure_findings(cells, AREAS, 10)}
    assert found == {("GM0001", "A"): pytest.approx((4.0, 4.0))}


def test_a_small_municipality_is_hidden_with_its_neighbour_column_by_column():
    """A municipality whose every cell is small: GM0004 has 4 + 5 = 9 clients.

                 A    B   total
        GM0001  14   26     40
        GM0002  20   25     45
        GM0003  30   35     65
        noord   64   86    150
        GM0004   4    5      9    <- all three small
        GM0005  50   55    105
        zuid    54   60    114
        alle   118  146    264

    zuid minus GM0005 gives each of GM0004's three cells back (54 - 50, 60 - 55, 114 - 105),
    so each of those three sums needs one more hidden cell: GM0005's (50, 55, 105) rather
    than zuid's (54, 60, 114), which would open the all-regions sums as well. With x =
    GM0004/A and y = GM0004/B, GM0005 is (54 - x, 60 - y, 114 - x - y): x anywhere from 0 to
    54, y from 0 to 60, so every hidden cell is protected; no cell of noord is touched.
    """
    rows = [
        ("GM0001", 14, 26),
        ("GM0002", 20, 25),
        ("GM0003", 30, 35),
        ("GM0004", 4, 5),
        ("GM0005", 50, 55),
        ("noord", 64, 86),
        ("zuid", 54, 60),
        ("alle-regios", 118, 146),
    ]
    result = apply_suppression(table(rows), 10, hierarchy=AREAS)
    assert hidden(result) == [(area, c) for area in ("GM0004", "GM0005") for c in ("A", "B", "")]
    assert findings(result) == []


def exact_intervals(rows, targets) -> dict:
    """Smallest and largest value of every target, one program each: what `unprotected` must agree with."""
    program = Program(rows)
    out = {}
    for key in targets:
        objective = np.zeros(len(program.variables))
        objective[program.index[key]] = 1.0
        low = program.optimum(objective)
        top = program.optimum(-objective)
        out[key] = (low[program.index[key]], math.inf if top is None else top[program.index[key]])
    return out


@pytest.mark.parametrize("seed", range(12))
def test_fewer_programs_give_the_same_verdicts(seed: int):
    """On random sums of random counts, with a random half hidden, the cells `unprotected`
    names are exactly those whose own smallest and largest values are less than 10 apart."""
    rng = np.random.default_rng(seed)
    n = 12
    truth = rng.integers(0, 40, size=n).astype(float)
    keys = [("t", f"c{i}", "2023", "", "klanten") for i in range(n)]
    rows = []
    for _ in range(7):
        members = rng.choice(n, size=rng.integers(2, 5), replace=False)
        terms = {keys[i]: 1.0 for i in members}
        total = float(truth[members].sum())
        rows.append((terms, total, total))
    variables = {k for terms, _, _ in rows for k in terms}
    exact = exact_intervals(rows, sorted(variables))
    expected = {k: (round(lo, 6), round(hi, 6)) for k, (lo, hi) in exact.items() if not is_protected(lo, hi, 10)}
    truth_of = dict(zip(keys, truth, strict=True))
    for start in (None, truth_of):
        found = unprotected(rows, sorted(variables), 10, start)
        assert {k: (round(lo, 6), round(hi, 6)) for k, (lo, hi) in found.items()} == expected


def test_a_rate_times_the_municipality_s_population_is_a_relation():
    """The Regioanalyse prints clients per 1.000 inhabitants and the population per municipality:
    3 clients among 1.500 inhabitants is 2 per 1.000, and 2 x 1.500 / 1.000 gives 3 back."""
    frame = pd.DataFrame(
        {
            "indicator": ["gz_klanten", "gz_klanten_per_1000", "gz_inwoners"],
            "region": "GM0001",
            "period": "2023",
            "category": "",
            "unit": ["klanten", "per 1.000 inwoners", "inwoners"],
            "value": [3.0, 2.0, 1500.0],
            "published": [False, True, True],
        }
    )
    constraints = all_constraints(frame, Hierarchy())
    known = {("gz_klanten_per_1000", "GM0001", "2023", "", "per 1.000 inwoners"): 2.0}
    known[("gz_inwoners", "GM0001", "2023", "", "inwoners")] = 1500.0
    assert any(len(terms) == 1 for terms, _, _ in reduced(constraints, known))
    found = disclosure_findings(frame, Hierarchy(), 10)
    assert [(f.key[0], round(f.low, 3), round(f.high, 3)) for f in found] == [("gz_klanten", 3.0, 3.0)]


def test_without_scipy_s_highs_interface_linprog_gives_the_same_verdicts(monkeypatch):
    """Where scipy has no HiGHS interface of its own, every program goes through `linprog`:
    the same cells, the same intervals (the two-level table without complementary suppression)."""
    import reportgen.disclosure.protection as protection

    weak = apply_suppression(table(TWO_LEVELS), 10, hierarchy=AREAS, complementary=False)
    cells = frame_cells(weak, weak["suppressed"].to_numpy(dtype=bool), 10)
    with_highs = [(f.key, round(f.low, 6), round(f.high, 6)) for f in disclosure_findings(cells, AREAS, 10)]
    monkeypatch.setattr(protection, "_highs_solver", lambda *_: None)
    with_linprog = [(f.key, round(f.low, 6), round(f.high, 6)) for f in disclosure_findings(cells, AREAS, 10)]
    assert with_linprog == with_highs and len(with_highs) == 1
