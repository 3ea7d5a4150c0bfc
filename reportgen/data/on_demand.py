"""A dataset whose municipalities are read at once and whose other tables only when used.

A build whose values come from the cache needs no more of the data than which
municipalities make up which region; reading every table of the example set would cost
such a build more than the rest of its preparation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

import pandas as pd

from reportgen.data.schema import Dataset


class DatasetOnDemand:
    """Stands for the dataset `load` returns: `gemeenten` from `read_gemeenten` (None when
    that table cannot be read alone), every other attribute from the whole dataset, loaded
    on first use."""

    def __init__(self, load: Callable[[], Dataset], read_gemeenten: Callable[[], pd.DataFrame | None], source: str):
        self._load = load
        self._read_gemeenten = read_gemeenten
        self.source = source

    @cached_property
    def gemeenten(self) -> pd.DataFrame:
        """The municipalities and the region each belongs to."""
        table = self._read_gemeenten()
        return table if table is not None else self.whole().gemeenten

    def whole(self) -> Dataset:
        """The whole dataset (loaded now if it was not yet)."""
        return self._load()

    def __getattr__(self, name: str):
        if name.startswith("_"):  # not found among our own: never load the data for it
            raise AttributeError(name)
        return getattr(self.whole(), name)


def whole_dataset(dataset: Dataset | DatasetOnDemand) -> Dataset:
    """The dataset itself, loaded in full when it stands for one."""
    return dataset.whole() if isinstance(dataset, DatasetOnDemand) else dataset
