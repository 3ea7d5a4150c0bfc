"""A build whose values are cached reads only the municipalities of the example data, and
does not solve the disclosure check again when it passed for the same values; the command
line parser loads no solver."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from build_helpers import one_region_options, refusing

from reportgen import pipeline, prepare
from reportgen.disclosure import gate, protection

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def assembled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document is prepared and assembled (not rendered from a kept Document), and the
    gate runs (its own remembered pass aside), so these tests see what a build reads then."""
    monkeypatch.setattr(pipeline, "_kept_models", lambda *args: {})
    monkeypatch.setattr(pipeline, "_refuse_disclosing", lambda prepared: prepared.refuse_disclosing())


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build, so the example data, the values and the disclosure check's pass are cached."""
    out = tmp_path_factory.mktemp("first")
    result = pipeline.build(one_region_options(out, "zwolle"))
    assert list(result.written) == ["zwolle"] and not result.failed
    return out


def test_cached_values_need_only_the_municipalities(first_build, tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "example_dataset", refusing("example_dataset"))
    result = pipeline.build(one_region_options(tmp_path, "zwolle"))
    assert list(result.written) == ["zwolle"] and not result.failed
    assert (tmp_path / "2023" / "regioplan-ggz-2023-2024-zwolle.pdf").read_bytes() == (
        first_build / "2023" / "regioplan-ggz-2023-2024-zwolle.pdf"
    ).read_bytes()


def test_without_cache_the_whole_dataset_is_read(first_build, tmp_path, monkeypatch):
    monkeypatch.setattr(prepare, "example_dataset", refusing("example_dataset"))
    with pytest.raises(AssertionError, match="example_dataset was called"):
        pipeline.build(one_region_options(tmp_path, "zwolle", use_cache=False))


def test_a_passed_check_is_not_solved_again(first_build, tmp_path, monkeypatch):
    monkeypatch.setattr(gate, "_PASSED", set())  # forget this process's passes: only the cache remembers
    monkeypatch.setattr(protection.Program, "optimum", refusing("the linear program"))
    result = pipeline.build(one_region_options(tmp_path, "zwolle"))
    assert list(result.written) == ["zwolle"] and not result.failed


def test_a_pass_covers_the_whole_edition(first_build, tmp_path, monkeypatch):
    """The gate checks what the whole edition publishes, every region of both kinds, whichever
    regions a build asks for: the pass remembered for zwolle's build holds for t-gooi's."""
    monkeypatch.setattr(gate, "_PASSED", set())
    calls = []
    monkeypatch.setattr(gate, "disclosure_findings", lambda *args: calls.append(args) or [])
    result = pipeline.build(one_region_options(tmp_path, "t-gooi"))
    assert list(result.written) == ["t-gooi"] and not result.failed
    assert calls == []


def test_the_parser_loads_no_solver():
    code = "import sys; from reportgen.cli import build_parser; build_parser(); print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
