"""Shared fixtures: the layout, the registry and the example data's computed values."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import cache_home
import pandas as pd
import pytest
from data_helpers import MINIMAL
from hypothesis import settings

from reportgen import pipeline
from reportgen.indicators.registry import IndicatorMeta, load_registry
from reportgen.layout.load import default_layout_path, load_layout
from reportgen.layout.spec import Layout


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The run's cache goes with the run."""
    shutil.rmtree(cache_home.CACHE_HOME, ignore_errors=True)


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


@pytest.fixture(scope="session")
def gooi_regioanalyse(tmp_path_factory: pytest.TempPathFactory):
    """'t Gooi's Regioanalyse from the example data, prepared, assembled and rendered once for
    the run: (folder with the files, Document, audit table)."""
    from reportgen.jobs import assembled, document_files
    from reportgen.options import Options
    from reportgen.prepare import prepare

    prepared = prepare(Options(regions=("t-gooi",), document="regioanalyse-gz", all_regions=False))
    assert not [p for p in prepared.problems if p.severity == "error"]
    (job,) = prepared.jobs()
    out = tmp_path_factory.mktemp("regioanalyse-t-gooi")
    for path, data in document_files(job).items():
        (out / path.name).write_bytes(data)
    audit = pd.read_csv(out / "regioanalyse-gz-2023-t-gooi-audit.csv", dtype=str, keep_default_na=False)
    return out, assembled(job), audit


# CI runs the property tests on a fixed set of examples, so a run is repeatable;
# elsewhere they explore new examples every time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
