"""The core names no indicator, chart, KPI, headline or section of a document kind:
those belong to the kind's package, so a new kind needs no change to the core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reportgen
from reportgen.cli import main
from reportgen.kinds import get_kind
from reportgen.kinds.regioplan_ggz.headlines import THRESHOLDS

PACKAGE = Path(reportgen.__file__).parent
CORE = [
    PACKAGE / "pipeline.py",
    PACKAGE / "prepare.py",
    PACKAGE / "jobs.py",
    PACKAGE / "options.py",
    PACKAGE / "cli.py",
    PACKAGE / "model.py",
    PACKAGE / "write.py",
    *sorted((PACKAGE / "layout").glob("*.py")),
    *sorted((PACKAGE / "render").glob("*.py")),
]


def _regioplan_ids() -> set[str]:
    kind = get_kind("regioplan-ggz")
    assert kind is not None
    ids = {*kind.charts, *kind.kpis, *kind.headline_ids, *kind.sections, *THRESHOLDS}
    for spec in (*kind.charts.values(), *kind.kpis.values()):
        ids.update(spec.indicators)
    return ids


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_module_names_no_regioplan_id(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = sorted(i for i in _regioplan_ids() if re.search(rf"[\"'`]{re.escape(i)}[\"'`]", text))
    assert not found, f"{path.name} names {found}"


def test_unknown_document_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--document", "regioanalyse-vv"]) == 2
    assert "unknown document kind 'regioanalyse-vv'; the kinds are: regioplan-ggz" in capsys.readouterr().err
