"""The build checks what it is about to publish and writes nothing that gives a hidden count away."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from reportgen import kinds, pipeline
from reportgen.disclosure.gate import DisclosureError
from reportgen.indicators import INDICATOR_FUNCTIONS, prepare_base
from reportgen.indicators.suppress import apply_suppression
from reportgen.indicators.tidy import empty_frame


def weak_values(dataset, edition: int, min_count: int) -> pd.DataFrame:
    """The indicators with suppression inside each distribution only (no complementary cells)."""
    base = prepare_base(dataset, edition)
    frames = [f(dataset, edition, base) for f in INDICATOR_FUNCTIONS.values()]
    return apply_suppression(pd.concat([empty_frame(), *frames], ignore_index=True), min_count, complementary=False)


def test_build_refuses_a_set_that_gives_hidden_counts_away(tmp_path: Path, monkeypatch):
    """All regions with the weak suppression: the build stops before writing and names the cells."""
    regioplan = kinds.get_kind("regioplan-ggz")
    monkeypatch.setitem(kinds._registered, "regioplan-ggz", replace(regioplan, values=weak_values))
    out = tmp_path / "out"
    with pytest.raises(DisclosureError) as caught:
        pipeline.build(pipeline.Options(out_dir=out, formats=(), use_cache=False))  # the cache cannot see the swap
    assert not out.exists()
    messages = [str(p) for p in caught.value.problems]
    # flevoland 2022-01 in the example data: the hidden 'actief' is all regions' 541 minus the other
    # ten regions' 516 = 25, so 'wacht op voorkeur' is the total 33 - 0 (urgent) - 25 = 8
    assert (
        "kleine aantallen: wachtlijst flevoland 2022-01 'wacht op voorkeur' (wachtenden): "
        "af te leiden tot tussen 8.00 en 8.00" in messages
    )
