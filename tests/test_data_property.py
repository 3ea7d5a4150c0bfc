"""Whatever bytes a claims file holds, loading either succeeds or stops with a located DataError."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from data_helpers import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.data.load import load_dataset
from reportgen.errors import DataError

LINES = (MINIMAL / "declaraties.csv").read_text(encoding="utf-8").splitlines()


@st.composite
def claims_file(draw: st.DrawFn) -> bytes:
    """Random bytes, a valid file with one line replaced by random text, or one with a junk line added."""
    mode = draw(st.integers(0, 2))
    if mode == 0:
        return draw(st.binary(max_size=300))
    lines = list(LINES)
    if mode == 1:
        lines[draw(st.integers(0, len(lines) - 1))] = draw(st.text(max_size=80))
    else:
        lines.append(draw(st.text(alphabet=',;"0123456789.-KAB \r\n', max_size=60)))
    return "\n".join(lines).encode("utf-8", "replace")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=claims_file())
def test_any_claims_file_loads_or_is_reported(payload: bytes) -> None:
    """No input crashes the loader: every refusal is a DataError whose problems name the file."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(MINIMAL, folder)
        (folder / "declaraties.csv").write_bytes(payload)
        try:
            load_dataset(folder)
        except DataError as exc:
            assert exc.problems
            assert all(p.source and p.source.startswith("declaraties.csv") for p in exc.problems), exc.problems
