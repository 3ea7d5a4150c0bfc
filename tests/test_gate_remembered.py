"""The build's edition-wide disclosure gate runs once per set of inputs it depends on (code,
layout folder with threshold and registry, data, kind, edition): a rebuild after a narrative
edit skips it, any of those inputs brings it back, a damaged record is checked again with a
warning, a failing gate is never remembered, and --no-cache always checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from build_helpers import folder_options

from reportgen import pipeline
from reportgen.cache import cached, keys
from reportgen.errors import Problem, ReportgenError
from reportgen.prepare import Prepared

ROOT = Path(__file__).resolve().parents[1]
REGION = "t-gooi"


def _options(root: Path, **changes) -> pipeline.Options:
    return folder_options(root, (REGION,), **changes)


def _record(options: pipeline.Options) -> Path:
    return cached._check_path(pipeline.GATE_CHECK, cached.edition_gate_digest(options))[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gate")
    shutil.copytree(ROOT / "content", root / "content")
    assert list(pipeline.build(_options(root)).written) == [REGION]
    return root


@pytest.fixture
def gate_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The runs of the gate from here on."""
    real, calls = Prepared.refuse_disclosing, []

    def counted(self: Prepared) -> None:
        calls.append(1)
        real(self)

    monkeypatch.setattr(Prepared, "refuse_disclosing", counted)
    return calls


def _edit(root: Path, word: str) -> None:
    """A new narrative text for the region, so its document must be made again."""
    path = root / "content/2023" / REGION / "terugblik.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{word}\n", encoding="utf-8")


def test_narrative_edit_skips_the_remembered_gate(built: Path, gate_calls: list[int]) -> None:
    assert cached.passed_before(pipeline.GATE_CHECK, cached.edition_gate_digest(_options(built)))
    _edit(built, "Eerste aanvulling.")
    assert list(pipeline.build(_options(built)).written) == [REGION]
    assert gate_calls == []


def test_no_cache_always_runs_the_gate(built: Path, tmp_path: Path, gate_calls: list[int]) -> None:
    pipeline.build(_options(built, out_dir=tmp_path, use_cache=False))
    assert gate_calls == [1]


def test_damaged_record_runs_the_gate_again_with_a_warning(built: Path, gate_calls: list[int]) -> None:
    record = _record(_options(built))
    record.write_bytes(record.read_bytes()[:-3])
    _edit(built, "Tweede aanvulling.")
    result = pipeline.build(_options(built))
    assert gate_calls == [1] and list(result.written) == [REGION]
    assert any("cache entry ignored" in p.message and p.severity == "warning" for p in result.problems)
    found: list[Problem] = []
    assert cached.passed_before(pipeline.GATE_CHECK, cached.edition_gate_digest(_options(built)), found)
    assert found == []  # remembered anew


def test_failing_gate_is_not_remembered(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = _options(built)
    _record(options).unlink()

    def refuse(self: Prepared) -> None:
        raise ReportgenError("disclosure check", [Problem("kleine aantallen: te herleiden")])

    monkeypatch.setattr(Prepared, "refuse_disclosing", refuse)
    _edit(built, "Derde aanvulling.")
    with pytest.raises(ReportgenError):
        pipeline.build(options)
    assert not _record(options).exists()


def test_gate_inputs_change_its_digest(
    built: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = cached.edition_gate_digest(_options(built))
    record = cached._check_path(pipeline.GATE_CHECK, base)
    content = tmp_path / "content"
    shutil.copytree(built / "content", content)
    _edit(tmp_path, "Vierde aanvulling.")
    same = [
        _options(built, content_dir=content),
        _options(built, regions=("zwolle",)),
        _options(built, formats=("pptx",)),
        _options(built, out_dir=tmp_path),
    ]
    assert {cached.edition_gate_digest(o) for o in same} == {base}  # the gate reads none of these
    changed = [
        cached.edition_gate_digest(_options(built, edition=2024)),
        cached.edition_gate_digest(_options(built, document="regioanalyse-gz")),
        cached.edition_gate_digest(_options(built, data_dir=data_dir)),
    ]
    table = next(data_dir.glob("klanten.*"))
    table.write_bytes(table.read_bytes() + b"\n")
    changed.append(cached.edition_gate_digest(_options(built, data_dir=data_dir)))
    layouts = tmp_path / "layouts"
    shutil.copytree(keys.LAYOUT_DIR, layouts)
    monkeypatch.setattr(keys, "LAYOUT_DIR", layouts)
    for name in ("settings.yaml", "indicators.yaml"):
        (layouts / name).write_bytes((layouts / name).read_bytes() + b"\n# changed\n")
        changed.append(cached.edition_gate_digest(_options(built)))
    assert base not in changed and len(set(changed)) == len(changed)
    monkeypatch.setattr(keys, "code_version", lambda: "another version")  # the record's key holds the code
    assert cached._check_path(pipeline.GATE_CHECK, base) != record
