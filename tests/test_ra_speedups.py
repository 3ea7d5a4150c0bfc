"""The shortcuts that make the Regioanalyse figures fast give the same results as the long way."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd

from reportgen.kinds.regioanalyse_gz.figures.frames import full_counts, with_areas


def test_highs_loads_without_scipy_optimize_and_is_shared_with_it():
    """The suppression programs run without importing scipy.optimize, and a later import of it
    uses the very same HiGHS module (no second copy of the extension)."""
    script = (
        "import sys\n"
        "from reportgen.disclosure.protection import Program\n"
        "p = Program([({'a': 1.0, 'b': 1.0}, 12.0, 12.0)])\n"
        "top = p.optimum([-1.0, 0.0])\n"
        "print(round(float(top[0]), 6), 'scipy.optimize' in sys.modules)\n"
        "core = sys.modules['scipy.optimize._highspy._core']\n"
        "from scipy.optimize import linprog\n"
        "from scipy.optimize._highspy import _core\n"
        "r = linprog([1.0, 1.0], A_ub=[[-1.0, -1.0]], b_ub=[-3.0])\n"
        "print(_core is core, round(float(r.fun), 6))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["12.0", "False", "True", "3.0"]


def test_with_areas_keeping_few_columns_counts_the_same():
    """Dropping columns the count does not use changes no count: 2 clients in zwolle (one in
    GM0193), 1 in utrecht, 3 in alle-regios."""
    frame = pd.DataFrame(
        {
            "region": ["zwolle", "zwolle", "utrecht"],
            "gemeente": ["GM0193", "GM0148", "GM0344"],
            "year": [2023, 2023, 2023],
            "profile": ["VG3", "LG2", "ZGvis"],
        }
    )
    levels = {"area": ["zwolle", "utrecht", "alle-regios", "GM0193"], "year": [2023]}
    full = full_counts(with_areas(frame, municipal=True), levels)
    kept = full_counts(with_areas(frame, municipal=True, keep=["year"]), levels)
    assert kept.to_numpy().tolist() == [2.0, 1.0, 3.0, 1.0]
    assert np.array_equal(full.to_numpy(), kept.to_numpy())
    assert list(with_areas(frame, keep=[]).columns) == ["region", "area"]
