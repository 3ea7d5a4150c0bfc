"""Helpers shared by the data loading and validation tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.data.load import load_dataset
from reportgen.errors import DataError

MINIMAL = Path(__file__).parent / "fixtures" / "data" / "minimal"


def messages(directory: Path) -> list[str]:
    """The problems load_dataset raises for `directory`, as printed."""
    with pytest.raises(DataError) as raised:
        load_dataset(directory)
    return [str(problem) for problem in raised.value.problems]
