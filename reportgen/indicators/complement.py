"""Complementary suppression: hide more cells until no hidden count can be worked out.

After the small counts are hidden, a reader who combines every published value (totals,
all-regions sums, shares, rates) may still pin a hidden count down. Each round computes the
feasible interval of every hidden count (see `reportgen.disclosure`); for each group of
related cells with a count that is not protected, one more cell is hidden, chosen from the
relations of that count: first from the relation with the fewest hidden cells (the one that
pins it down), then a cell whose hiding leaves no other relation with a single hidden cell,
then the smallest value (the least information lost), then the first in frame order.
Rounds repeat until every hidden count is protected, so the result is deterministic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np
import pandas as pd

from reportgen.disclosure.cells import frame_cells
from reportgen.disclosure.findings import is_protected, known_values
from reportgen.disclosure.intervals import component_intervals, components, reduced
from reportgen.disclosure.relations import COUNT_UNITS, Constraint, Hierarchy, Key, ratio_constraints, sum_constraints
from reportgen.disclosure.relations import cell_keys as keys_of

Follow = Callable[[np.ndarray], np.ndarray]


def _candidate(
    cell: Key,
    sums: list[Constraint],
    member_of: dict[Key, list[int]],
    unknown: set[Key],
    rank: dict[Key, tuple[float, int]],
) -> Key | None:
    """The cell to hide next for `cell` (see the module docstring), or None when none is left."""
    best: tuple[int, int, float, int] | None = None
    chosen: Key | None = None
    for i in member_of.get(cell, []):
        tight = sum(1 for k, _ in sums[i].terms if k in unknown)
        for key, _ in sums[i].terms:
            if key in unknown or key not in rank:
                continue
            lonely = sum(1 for j in member_of[key] if not any(k in unknown for k, _ in sums[j].terms if k != key))
            cost = (tight, lonely, *rank[key])
            if best is None or cost < best:
                best, chosen = cost, key
    return chosen


def single_row_failures(
    rows: list[tuple[dict[Key, float], float, float]], hidden: set[Key], min_count: int
) -> list[Key]:
    """Hidden counts that one relation alone pins down: the only unknown of a sum, or parts of a
    sum whose unknowns add up to a known amount between 1 and min_count - 1. Found without solving."""
    out: list[Key] = []
    for terms, lo, hi in rows:
        if lo != hi:
            continue
        signs = {v > 0 for v in terms.values()}
        if len(terms) == 1 or (len(signs) == 1 and 1 - 1e-9 <= abs(lo) < min_count):
            out += [k for k in terms if k in hidden]
    return out


def _first_picks(
    failing: list[Key],
    sums: list[Constraint],
    member_of: dict[Key, list[int]],
    unknown: set[Key],
    rank: dict[Key, tuple[float, int]],
    position: dict[Key, int],
) -> list[Key]:
    """One cell to hide for each failing cell, in frame order, without repeats."""
    picks: list[Key] = []
    for cell in sorted(dict.fromkeys(failing), key=lambda k: position.get(k, len(position))):
        pick = _candidate(cell, sums, member_of, unknown, rank)
        if pick is not None and pick not in picks:
            picks.append(pick)
    return picks


def complementary_suppression(
    frame: pd.DataFrame, hidden: np.ndarray, min_count: int, hierarchy: Hierarchy, follow: Follow
) -> np.ndarray:
    """The hidden flags extended until every hidden count is protected by the interval rule.

    `follow` hides the shares and rates of hidden counts; it is applied after every round. The
    result depends only on the inputs, so it is remembered for the same frame in this process.
    """
    hidden = follow(hidden.copy())
    digest = _digest(frame, hidden, min_count, hierarchy)
    if digest not in _DONE:
        _DONE[digest] = _extended(frame, hidden, min_count, hierarchy, follow)
    return _DONE[digest].copy()


_DONE: dict[str, np.ndarray] = {}


def _digest(frame: pd.DataFrame, hidden: np.ndarray, min_count: int, hierarchy: Hierarchy) -> str:
    """A fingerprint of everything the result depends on."""
    h = hashlib.sha256(
        repr((min_count, sorted(hierarchy.area_parts.items()), sorted(hierarchy.period_parts.items()))).encode()
    )
    for column in ("indicator", "region", "period", "category", "unit"):
        h.update("\x00".join(frame[column].astype(str)).encode())
    h.update(frame["value"].to_numpy(dtype=float).tobytes())
    h.update(np.asarray(hidden, dtype=bool).tobytes())
    return h.hexdigest()


def holding(constraints: list[Constraint], truth: dict[Key, float]) -> list[Constraint]:
    """The constraints that hold on the true values.

    The relations are read off the keys alone, so a count that does not add up over its
    parts (distinct providers per region are fewer than the sum over its municipalities)
    would otherwise be taken as a sum; such a relation is no relation a reader can use.
    A cell no table holds is 0 in truth (a category without clients has no row).
    """
    kept = []
    for c in constraints:
        total = sum(coefficient * truth.get(k, 0.0) for k, coefficient in c.terms)
        if c.lo - 1e-6 <= total <= c.hi + 1e-6:
            kept.append(c)
    return kept


def _extended(
    frame: pd.DataFrame, hidden: np.ndarray, min_count: int, hierarchy: Hierarchy, follow: Follow
) -> np.ndarray:
    """The rounds of `complementary_suppression`."""
    keys = keys_of(frame)
    position = {k: i for i, k in enumerate(keys)}
    value = frame["value"].to_numpy(dtype=float)
    rank = {k: (value[i], i) for k, i in position.items() if k[4] in COUNT_UNITS and value[i] > 0}
    base_cells = frame_cells(frame, hidden, min_count)
    base_keys = keys_of(base_cells)
    truth = dict(zip(base_keys, base_cells["value"].to_numpy(dtype=float), strict=True))
    sums = holding(sum_constraints(base_keys, hierarchy), truth)
    member_of: dict[Key, list[int]] = {}
    for i, c in enumerate(sums):
        for k, _ in c.terms:
            member_of.setdefault(k, []).append(i)
    cache: dict[tuple, dict[Key, tuple[float, float]]] = {}
    while True:
        cells = frame_cells(frame, hidden, min_count)
        known = known_values(cells)
        rows = reduced([*sums, *ratio_constraints(cells)], known)
        unknown = {k for terms, _, _ in rows for k in terms}
        unknown |= {k for k, i in position.items() if hidden[i]}
        hidden_counts = {k for k, i in position.items() if hidden[i] and k in rank}
        additions = _first_picks(
            single_row_failures(rows, hidden_counts, min_count), sums, member_of, unknown, rank, position
        )
        for group in [] if additions else components(rows):
            part = [rows[i] for i in group]
            signature = tuple(sorted((tuple(sorted(t.items())), lo, hi) for t, lo, hi in part))
            if signature not in cache:
                targets = [k for t, _, _ in part for k in t if k[4] in COUNT_UNITS]
                cache[signature] = component_intervals(part, targets, min_count)
            failing = [k for k, (lo, hi) in cache[signature].items() if not is_protected(lo, hi, min_count)]
            for cell in sorted(failing, key=lambda k: position.get(k, len(position))):
                pick = _candidate(cell, sums, member_of, unknown, rank)
                if pick is not None:
                    additions.append(pick)
                    break
        if not additions:
            return hidden
        for key in additions:
            hidden[position[key]] = True
        hidden = follow(hidden)
