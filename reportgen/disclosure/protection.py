"""Which hidden counts are protected: the interval rule, decided with as few linear programs as possible.

A hidden count is protected when the interval it can lie in, given everything published, is
at least as wide as the small-count threshold, or when it is certain to be 0 or at least the
threshold. Two values of a count that both fit every relation prove that its interval is at
least as wide as their difference. So each group of related unknowns starts from the values
that are known to fit (the true values, when they satisfy every relation), then from the two
extreme solutions that push all still-unproven counts up together and down together; only a
count that is still not proven gets programs of its own (largest, then smallest value). The
verdicts are the same as from solving every count separately, with far fewer programs.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import math
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

from reportgen.disclosure.intervals import Contradiction, Interval, Row, components, reduced
from reportgen.disclosure.relations import Constraint, Key

EPSILON = 1e-6
FIT = 1e-6
"""How far a value may miss a relation and still count as fitting it (rounding of the inputs)."""


def is_protected(low: float, high: float, min_count: int) -> bool:
    """Wide enough, or certainly 0, or certainly at least min_count."""
    if high < 1 - EPSILON:
        return True
    if math.ceil(low - EPSILON) >= min_count:
        return True
    return high - low >= min_count - EPSILON


class Program:
    """The relations of one group of unknowns (each >= 0), solved for one objective after another.

    HiGHS keeps its last basis, so a program solved again with another objective starts
    from the previous solution; scipy's `linprog` (the same solver, set up anew for every
    objective) is the fallback where that interface is missing.
    """

    def __init__(self, rows: list[Row]):
        self.variables = list(dict.fromkeys(k for terms, _, _ in rows for k in terms))
        self.index = {k: i for i, k in enumerate(self.variables)}
        n = len(self.variables)
        self.matrix = np.zeros((len(rows), n))
        for r, (terms, _, _) in enumerate(rows):
            for k, v in terms.items():
                self.matrix[r, self.index[k]] = v
        self.lower = np.array([lo for _, lo, _ in rows], dtype=float)
        self.upper = np.array([hi for _, _, hi in rows], dtype=float)
        self.solver = _highs_solver(self.matrix, self.lower, self.upper)

    def fits(self, point: np.ndarray) -> bool:
        """Whether `point` (one value per variable) satisfies every relation and is not negative."""
        totals = self.matrix @ point
        return bool((point >= -FIT).all() and (totals >= self.lower - FIT).all() and (totals <= self.upper + FIT).all())

    def optimum(self, objective: np.ndarray) -> np.ndarray | None:
        """A solution that minimises `objective`, or None when it can decrease without end."""
        if self.solver is None:
            return _linprog_optimum(objective, self.matrix, self.lower, self.upper)
        core, highs = self.solver
        n = len(objective)
        highs.changeColsCost(n, np.arange(n, dtype=np.int32), np.asarray(objective, dtype=float))
        highs.run()
        status = highs.getModelStatus()
        if status == core.HighsModelStatus.kOptimal:
            return np.asarray(highs.getSolution().col_value, dtype=float)
        if status == core.HighsModelStatus.kUnbounded:
            return None
        if status == core.HighsModelStatus.kInfeasible:
            raise Contradiction("the published values admit no solution")
        raise RuntimeError(f"linear program failed: {highs.modelStatusToString(status)}")


def _highs_solver(matrix: np.ndarray, lower: np.ndarray, upper: np.ndarray):
    """(module, HiGHS instance) holding the program, or None when scipy has no HiGHS interface of its own."""
    try:
        return _highs_program(matrix, lower, upper)
    except (ImportError, AttributeError, TypeError):  # absent, or not the interface this code was written for
        return None


def _highs_program(matrix: np.ndarray, lower: np.ndarray, upper: np.ndarray):
    """(module, HiGHS instance) holding the program, through scipy's private HiGHS interface."""
    _core = _highs_core()
    highs = _core._Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("presolve", "off")  # tells unbounded from infeasible; the programs are small
    lp = _core.HighsLp()
    rows, cols = matrix.shape
    lp.num_col_, lp.num_row_ = cols, rows
    lp.col_cost_ = np.zeros(cols)
    lp.col_lower_ = np.zeros(cols)
    lp.col_upper_ = np.full(cols, _core.kHighsInf)
    lp.row_lower_ = np.where(np.isfinite(lower), lower, -_core.kHighsInf)
    lp.row_upper_ = np.where(np.isfinite(upper), upper, _core.kHighsInf)
    nonzero = matrix.T != 0  # column by column
    lp.a_matrix_.format_ = _core.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.concatenate([[0], np.cumsum(nonzero.sum(axis=1))]).astype(np.int32)
    lp.a_matrix_.index_ = np.nonzero(nonzero)[1].astype(np.int32)
    lp.a_matrix_.value_ = matrix.T[nonzero].astype(float)
    highs.passModel(lp)
    return _core, highs


def _highs_core():
    """The HiGHS interface scipy's `linprog` itself uses, loaded without `scipy.optimize`.

    Importing `scipy.optimize` brings in most of scipy (linalg, sparse, stats helpers) and
    costs about a second, several times the work of all programs of a document; the HiGHS
    extension on its own loads in milliseconds. It is registered under its own name, so a
    later import of `scipy.optimize` finds and shares this same module.
    """
    name = "scipy.optimize._highspy._core"
    if name in sys.modules:
        return sys.modules[name]
    scipy_spec = importlib.util.find_spec("scipy")
    if scipy_spec is None or scipy_spec.origin is None:
        raise ImportError("scipy is not installed")
    folder = Path(scipy_spec.origin).parent / "optimize" / "_highspy"
    found = sorted(folder.glob("_core.*.so")) + sorted(folder.glob("_core.*.pyd"))
    if not found:
        raise ImportError(f"no HiGHS extension in {folder}")
    loader = importlib.machinery.ExtensionFileLoader(name, str(found[0]))
    spec = importlib.util.spec_from_file_location(name, found[0], loader=loader)
    if spec is None:
        raise ImportError(f"cannot load {found[0]}")
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    sys.modules[name] = module
    return module


def _linprog_optimum(objective: np.ndarray, matrix: np.ndarray, lower: np.ndarray, upper: np.ndarray):
    """`Program.optimum` through scipy's `linprog`."""
    from scipy.optimize import linprog

    equal = lower == upper
    above = ~equal & np.isfinite(upper)
    below = ~equal & np.isfinite(lower)
    a_ub = np.vstack([matrix[above], -matrix[below]])
    b_ub = np.concatenate([upper[above], -lower[below]])
    result = linprog(
        objective,
        A_ub=a_ub if len(b_ub) else None,
        b_ub=b_ub if len(b_ub) else None,
        A_eq=matrix[equal] if equal.any() else None,
        b_eq=lower[equal] if equal.any() else None,
        bounds=(0, None),
        method="highs",
    )
    if result.status == 3:  # unbounded
        return None
    if result.status == 2:
        raise Contradiction("the published values admit no solution")
    if result.status != 0:
        raise RuntimeError(f"linear program failed: {result.message}")
    return np.asarray(result.x, dtype=float)


def unprotected(
    rows: list[Row], targets: Iterable[Key], min_count: int, truth: Mapping[Key, float] | None = None
) -> dict[Key, Interval]:
    """The exact feasible interval of every target of one group of relations that is not protected.

    `truth` (the real values, when the caller has them) is used as a first fitting solution
    if it satisfies every relation; a cell it does not name is 0.
    """
    program = Program(rows)
    wanted = [program.index[k] for k in dict.fromkeys(targets) if k in program.index]
    low_seen = np.full(len(program.variables), math.inf)
    high_seen = np.full(len(program.variables), -math.inf)

    def seen(point: np.ndarray) -> None:
        np.minimum(low_seen, point, out=low_seen)
        np.maximum(high_seen, point, out=high_seen)

    def open_targets() -> list[int]:
        return [i for i in wanted if not high_seen[i] - low_seen[i] >= min_count - EPSILON]

    if truth is not None:
        start = np.array([truth.get(k, 0.0) for k in program.variables], dtype=float)
        if program.fits(start):
            seen(start)
    for sign in (-1.0, 1.0):  # all open targets as large as they can be together, then as small
        still = open_targets()
        if not still:
            break
        objective = np.zeros(len(program.variables))
        objective[still] = sign
        point = program.optimum(objective)
        if point is not None:
            seen(point)
    out: dict[Key, Interval] = {}
    for i in open_targets():
        if high_seen[i] - low_seen[i] >= min_count - EPSILON:  # proven by a solution found for another
            continue
        objective = np.zeros(len(program.variables))
        objective[i] = -1.0
        top = program.optimum(objective)
        if top is None:  # no upper bound: protected
            continue
        seen(top)
        high = float(top[i])
        if high < 1 - EPSILON or high - low_seen[i] >= min_count - EPSILON:  # certainly 0, or wide enough
            continue
        objective[i] = 1.0
        bottom = program.optimum(objective)
        assert bottom is not None  # bounded below by 0
        low = max(0.0, float(bottom[i]))
        if not is_protected(low, high, min_count):
            out[program.variables[i]] = (low, high)
    return out


def unprotected_intervals(
    constraints: Iterable[Constraint], known: Mapping[Key, float], wanted: Iterable[Key], min_count: int
) -> dict[Key, Interval]:
    """The exact feasible interval of every cell in `wanted` that is unknown and not protected.

    A wanted cell in no relation at all can be anything, and is protected.
    """
    wanted_set = {k for k in wanted if k not in known}
    rows = reduced(constraints, known)
    out: dict[Key, Interval] = {}
    for group in components(rows):
        part = [rows[i] for i in group]
        targets = [k for terms, _, _ in part for k in terms if k in wanted_set]
        if targets:
            out.update(unprotected(part, targets, min_count))
    return out
