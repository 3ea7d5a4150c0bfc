"""Shared fixtures: the layout, the registry and the example data's computed values."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from data_helpers import MINIMAL
from hypothesis import settings

from reportgen import pipeline
from reportgen.indicators.registry import IndicatorMeta, load_registry
from reportgen.layout.load import default_layout_path, load_layout
from reportgen.layout.spec import Layout


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The built-in Regioplan GGZ layout."""
    return load_layout(default_layout_path())


@pytest.fixture(scope="session")
def registry() -> dict[str, IndicatorMeta]:
    """The indicator registry."""
    return load_registry()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the minimal valid eight-table data set, free to break."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def example_values(layout: Layout) -> pd.DataFrame:
    """Indicator values of edition 2023 computed from the built-in example data."""
    return pipeline.compute_values(pipeline.example_dataset(), 2023, layout.settings.min_count)


# CI runs the property tests on a fixed set of examples, so a run is repeatable;
# elsewhere they explore new examples every time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
