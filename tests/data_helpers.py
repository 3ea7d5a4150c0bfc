"""Helpers shared by the data loading and validation tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.data.load import load_dataset
from reportgen.errors import DataError

MINIMAL = Path(__file__).parent / "fixtures" / "data" / "minimal"
REGIOANALYSE = Path(__file__).parent / "fixtures" / "data" / "regioanalyse"
"""The six optional Regioanalyse tables, small and valid against MINIMAL's municipalities,
clients and locations; copy them next to MINIMAL's files for a complete data set."""


def complete_copy(target: Path) -> Path:
    """MINIMAL with the Regioanalyse tables, copied to `target` (which must not exist)."""
    shutil.copytree(MINIMAL, target)
    for path in REGIOANALYSE.iterdir():
        shutil.copy(path, target / path.name)
    return target


def messages(directory: Path) -> list[str]:
    """The problems load_dataset raises for `directory`, as printed."""
    with pytest.raises(DataError) as raised:
        load_dataset(directory)
    return [str(problem) for problem in raised.value.problems]
