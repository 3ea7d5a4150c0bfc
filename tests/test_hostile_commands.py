"""Absurd values on the command line are usage errors (exit 2) before any work."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_helpers import tree

from reportgen.cli import main


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["build", "--edition", "99999"],
            "reportgen build: error: argument --edition: 99999 is not a plausible edition year (2000-2100)",
        ),
        (
            ["check", "--edition", "２０２３"],
            "reportgen check: error: argument --edition: '２０２３' is not a year (expected e.g. 2023)",
        ),
        (
            ["new-edition", "2024", "--from", "1e3"],
            "reportgen new-edition: error: argument --from: '1e3' is not a year (expected e.g. 2023)",
        ),
    ],
)
def test_implausible_edition_is_a_usage_error(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edition year such as 99999 once made the indicators run for hours; now argparse refuses it."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == expected
    assert "Traceback" not in err


@pytest.mark.parametrize("scale", ["nan", "inf", "-1", "1e9", "0"])
def test_absurd_scale_is_a_usage_error(scale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """nan, infinity and sizes far above national are refused, and nothing is written."""
    assert main(["synth", "--out", str(tmp_path / "data"), "--scale", scale]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [f"reportgen: --scale '{scale}': expected a number above 0 and at most 10"]
    assert tree(tmp_path) == {}
