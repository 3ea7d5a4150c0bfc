"""How far the published values pin down each unknown cell: its feasible interval.

Every unknown cell is a variable >= 0; the known cells are filled in, so each relation becomes
a linear constraint on the unknowns. The smallest and largest value a cell can take under all
of them (two linear programs, solved with HiGHS through scipy's `linprog`) is what a reader
combining every published file can learn about it. Unknowns that share no relation are solved
separately, which keeps each program small.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

from reportgen.disclosure.relations import Constraint, Key

Interval = tuple[float, float]


class Contradiction(ValueError):
    """The published values contradict the relations: no value of the unknowns fits them all."""


def reduced(
    constraints: Iterable[Constraint], known: Mapping[Key, float]
) -> list[tuple[dict[Key, float], float, float]]:
    """Constraints on the unknowns only: known cells moved to the bounds; those without unknowns dropped."""
    out = []
    for c in constraints:
        terms: dict[Key, float] = {}
        constant = 0.0
        for key, coefficient in c.terms:
            if key in known:
                constant += coefficient * known[key]
            else:
                terms[key] = terms.get(key, 0.0) + coefficient
        terms = {k: v for k, v in terms.items() if v != 0.0}
        if terms:
            out.append((terms, c.lo - constant, c.hi - constant))
    return out


def components(rows: list[tuple[dict[Key, float], float, float]]) -> list[list[int]]:
    """Groups of constraint rows that share unknowns (connected components), in first-seen order."""
    parent: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for terms, _, _ in rows:
        first, *rest = terms
        for other in rest:
            parent[find(other)] = find(first)
    groups: dict[Key, list[int]] = {}
    for i, (terms, _, _) in enumerate(rows):
        groups.setdefault(find(next(iter(terms))), []).append(i)
    return list(groups.values())


def _bound(c: np.ndarray, a_ub, b_ub, a_eq, b_eq) -> float | None:
    from scipy.optimize import linprog  # here: importing scipy costs every build, most solve nothing

    result = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    if result.status == 3:  # unbounded
        return None
    if result.status == 2:
        raise Contradiction("the published values admit no solution")
    if result.status != 0:
        raise RuntimeError(f"linear program failed: {result.message}")
    return float(result.fun)


def component_intervals(
    rows: list[tuple[dict[Key, float], float, float]], wanted: Iterable[Key] | None = None, min_width: float = 0.0
) -> dict[Key, Interval]:
    """Feasible interval of each unknown of one component (of those in `wanted`, when given).

    When the largest value is below `min_width` or unbounded, the lower bound does not change the
    verdict and is reported as 0 without solving for it.
    """
    variables = list(dict.fromkeys(k for terms, _, _ in rows for k in terms))
    index = {k: i for i, k in enumerate(variables)}
    eq, ub, b_eq, b_ub = [], [], [], []
    for terms, lo, hi in rows:
        vector = np.zeros(len(variables))
        for k, v in terms.items():
            vector[index[k]] = v
        if lo == hi:
            eq.append(vector)
            b_eq.append(lo)
            continue
        if math.isfinite(hi):
            ub.append(vector)
            b_ub.append(hi)
        if math.isfinite(lo):
            ub.append(-vector)
            b_ub.append(-lo)
    a_eq = np.array(eq) if eq else None
    a_ub = np.array(ub) if ub else None
    eq_b = np.array(b_eq) if eq else None
    ub_b = np.array(b_ub) if ub else None
    targets = variables if wanted is None else [k for k in variables if k in set(wanted)]
    out: dict[Key, Interval] = {}
    for key in targets:
        c = np.zeros(len(variables))
        c[index[key]] = 1.0
        high = _bound(-c, a_ub, ub_b, a_eq, eq_b)
        if high is None or -high < min_width:  # unbounded, or too narrow whatever the lower bound
            out[key] = (0.0, math.inf) if high is None else (0.0, max(0.0, -high))
            continue
        low = _bound(c, a_ub, ub_b, a_eq, eq_b)
        out[key] = (max(0.0, low or 0.0), -high)
    return out


def feasible_intervals(
    constraints: Iterable[Constraint], known: Mapping[Key, float], wanted: Iterable[Key], min_width: float = 0.0
) -> dict[Key, Interval]:
    """The feasible interval of every cell in `wanted` that is not known (see `component_intervals`).

    A wanted cell in no relation at all can be anything: (0, inf).
    """
    wanted = [k for k in dict.fromkeys(wanted) if k not in known]
    rows = reduced(constraints, known)
    out: dict[Key, Interval] = {k: (0.0, math.inf) for k in wanted}
    wanted_set = set(wanted)
    for group in components(rows):
        part = [rows[i] for i in group]
        targets = [k for terms, _, _ in part for k in terms if k in wanted_set]
        if targets:
            out.update(component_intervals(part, targets, min_width))
    return out
