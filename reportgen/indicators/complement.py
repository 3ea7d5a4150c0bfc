"""Complementary suppression: hide more cells until no hidden count can be worked out.

After the small counts are hidden, a reader who combines every published value (totals,
municipality, region and all-regions sums, shares, rates) may still pin a hidden count down.
Each round checks every hidden count against the interval rule (see
`reportgen.disclosure.protection`); for each group of related cells with a count that is
not protected, one more cell is hidden, chosen from the relations of that count: first
from the relation with the fewest hidden cells (the one that pins it down), then a cell
whose hiding leaves no other relation with a single hidden cell, then the smallest value
(the least information lost), then the first in frame order. Rounds repeat until every
hidden count is protected, so the result is deterministic.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np
import pandas as pd

from reportgen.disclosure.cells import frame_cells
from reportgen.disclosure.intervals import Row, components
from reportgen.disclosure.protection import unprotected
from reportgen.disclosure.relations import (
    COUNT_UNITS,
    Constraint,
    Hierarchy,
    Key,
    ratio_constraints_by_row,
    sum_constraints,
)
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


class _Table:
    """Everything about a frame that does not change while cells are hidden: the cells with their
    values, every relation a published value could impose, and which relations can ever meet."""

    def __init__(self, frame: pd.DataFrame, hidden: np.ndarray, min_count: int, hierarchy: Hierarchy):
        cells = frame_cells(frame, hidden, min_count)
        self.size = len(frame)
        self.keys = keys_of(cells)
        self.value = cells["value"].to_numpy(dtype=float)
        self.totals_shown = cells["published"].to_numpy(dtype=bool)[self.size :]
        self.truth = dict(zip(self.keys, self.value, strict=True))
        self.row_of = {k: i for i, k in enumerate(self.keys)}
        self.sums = holding(sum_constraints(self.keys, hierarchy), self.truth)
        by_row = [(row, c) for row, c in ratio_constraints_by_row(cells) if holding([c], self.truth)]
        self.relations = [*self.sums, *(c for _, c in by_row)]
        self.source = [-1] * len(self.sums) + [row for row, _ in by_row]
        """The row whose publication makes each relation hold (-1: always)."""

    def shown(self, hidden: np.ndarray) -> np.ndarray:
        """Published flag of every cell, frame rows first, then the printed totals."""
        return np.concatenate([~hidden, self.totals_shown]) & ~np.isnan(self.value)

    def groups(self, fixed: set[Key]) -> list[list[int]]:
        """Relations that can ever share an unknown, grouped, in first-seen order: cells in `fixed`
        never become unknown and do not join relations."""
        rows: list[Row] = [
            ({k: 1.0 for k, _ in c.terms if k not in fixed} or {("", "", "", "", str(i)): 1.0}, 0.0, 0.0)
            for i, c in enumerate(self.relations)
        ]
        return components(rows)


def _reduced(table: _Table, group: list[int], shown: np.ndarray) -> list[tuple[int, Row]]:
    """(relation, row on the unknowns) of the group's relations that hold now and have an unknown."""
    out: list[tuple[int, Row]] = []
    for i in group:
        if table.source[i] >= 0 and not shown[table.source[i]]:
            continue
        c = table.relations[i]
        terms: dict[Key, float] = {}
        constant = 0.0
        for key, coefficient in c.terms:
            row = table.row_of.get(key)
            if row is not None and shown[row]:
                constant += coefficient * table.value[row]
            else:
                terms[key] = terms.get(key, 0.0) + coefficient
        terms = {k: v for k, v in terms.items() if v != 0.0}
        if terms:
            out.append((i, (terms, c.lo - constant, c.hi - constant)))
    return out


def _extended(
    frame: pd.DataFrame, hidden: np.ndarray, min_count: int, hierarchy: Hierarchy, follow: Follow
) -> np.ndarray:
    """The rounds of `complementary_suppression`, group by group of relations that can meet.

    Hiding a cell changes only the relations of its own group, so each group is completed on
    its own; a group without an unknown cell is never looked at.
    """
    table = _Table(frame, hidden, min_count, hierarchy)
    keys = table.keys[: table.size]
    position = {k: i for i, k in enumerate(keys)}
    rank = {k: (table.value[i], i) for k, i in position.items() if k[4] in COUNT_UNITS and table.value[i] > 0}
    member_of: dict[Key, list[int]] = {}
    for i, c in enumerate(table.sums):
        for k, _ in c.terms:
            member_of.setdefault(k, []).append(i)
    shown = table.shown(hidden)
    fixed = {k for i, k in enumerate(table.keys) if shown[i] and k[4] not in COUNT_UNITS}
    cache: dict[tuple, dict[Key, tuple[float, float]]] = {}
    for group in table.groups(fixed):
        members = {k for i in group for k, _ in table.relations[i].terms}
        while True:
            shown = table.shown(hidden)
            held = _reduced(table, group, shown)
            rows = [row for _, row in held]
            unknown = {k for k in members if table.row_of.get(k) is None or not shown[table.row_of[k]]}
            hidden_counts = {k for k in unknown if k in rank and hidden[position[k]]}
            additions = _first_picks(
                single_row_failures(rows, hidden_counts, min_count), table.sums, member_of, unknown, rank, position
            )
            for part in [] if additions else components(rows):
                ids = tuple(sorted(held[i][0] for i in part))
                variables = frozenset(k for i in part for k in rows[i][0])
                signature = (ids, variables)
                targets = sorted((k for k in variables if k[4] in COUNT_UNITS), key=lambda k: position.get(k, -1))
                if targets and signature not in cache:
                    cache[signature] = unprotected([rows[i] for i in part], targets, min_count, table.truth)
                for cell in sorted(cache.get(signature, {}), key=lambda k: position.get(k, len(position))):
                    pick = _candidate(cell, table.sums, member_of, unknown, rank)
                    if pick is not None:
                        additions.append(pick)
                        break
            if not additions:
                break
            for key in additions:
                hidden[position[key]] = True
            hidden = follow(hidden)
    return hidden
