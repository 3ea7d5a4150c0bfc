"""The relations on the unknown cells, in groups that can be solved separately.

Every unknown cell is a variable >= 0; the known cells are filled in, so each relation becomes
a linear constraint on the unknowns. The smallest and largest value a cell can take under all
of them is what a reader combining every published file can learn about it (see
`protection`). Unknowns that share no relation are solved separately, which keeps each
program small.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reportgen.disclosure.relations import Constraint, Key

Interval = tuple[float, float]
Row = tuple[dict[Key, float], float, float]
"""A relation on unknowns only: lo <= sum(coefficient * unknown) <= hi."""


class Contradiction(ValueError):
    """The published values contradict the relations: no value of the unknowns fits them all."""


def reduced(constraints: Iterable[Constraint], known: Mapping[Key, float]) -> list[Row]:
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


def components(rows: list[Row]) -> list[list[int]]:
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
