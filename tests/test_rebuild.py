"""Fast rebuilds: the build plan skips documents whose inputs did not change, and every
input a document depends on invalidates it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from build_helpers import folder_options

from reportgen import pipeline
from reportgen.cache import keys
from reportgen.cache.plan import plan_build, record_path

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ("zwolle", "t-gooi")
EDITED = "content/2023/zwolle/terugblik.md"


def _options(root: Path, **changes) -> pipeline.Options:
    return folder_options(root, REGIONS, **changes)


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every file below `folder`."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with its own copy of the content and a first build of two regions into out/."""
    root = tmp_path_factory.mktemp("rebuild")
    shutil.copytree(ROOT / "content", root / "content")
    result = pipeline.build(_options(root))
    assert sorted(result.written) == sorted(REGIONS) and not result.failed
    return root


def test_second_build_writes_nothing(first: Path) -> None:
    before = _state(first / "out")
    result = pipeline.build(_options(first))
    assert result.written == {}
    assert sorted(result.unchanged) == sorted(REGIONS)
    assert _state(first / "out") == before  # same bytes, same modification times


def test_edited_narrative_rebuilds_only_its_region(first: Path) -> None:
    path = first / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("afgelopen periode", "voorbije periode"), "utf-8")
    t_gooi = {k: v for k, v in _state(first / "out").items() if "t-gooi" in k}
    result = pipeline.build(_options(first))
    assert list(result.written) == ["zwolle"]
    assert result.unchanged == ["t-gooi"]
    assert {k: v for k, v in _state(first / "out").items() if "t-gooi" in k} == t_gooi
    assert pipeline.build(_options(first)).written == {}  # and then it is up to date again


def test_cached_build_is_byte_identical_to_uncached(first: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    pipeline.build(_options(first, out_dir=fresh, use_cache=False))
    for path in (first / "out" / "2023").glob("*"):
        assert (fresh / "2023" / path.name).read_bytes() == path.read_bytes(), path.name


def test_no_cache_rebuilds_everything(first: Path, tmp_path: Path) -> None:
    result = pipeline.build(_options(first, regions=("t-gooi",), use_cache=False))
    assert list(result.written) == ["t-gooi"]


def test_deleted_or_changed_output_is_rebuilt(first: Path) -> None:
    pdf = next((first / "out" / "2023").glob("*t-gooi.pdf"))
    good = pdf.read_bytes()
    pdf.write_bytes(b"changed by hand")
    result = pipeline.build(_options(first))
    assert list(result.written) == ["t-gooi"]
    assert pdf.read_bytes() == good


def test_code_version_invalidates_every_document(first: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert plan_build(_options(first), []).stale == ()
    monkeypatch.setattr(keys, "code_version", lambda: "another version")
    assert plan_build(_options(first), []).stale == REGIONS


def test_settings_and_registry_invalidate(first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    layouts = tmp_path / "layouts"
    shutil.copytree(keys.LAYOUT_DIR, layouts)
    monkeypatch.setattr(keys, "LAYOUT_DIR", layouts)
    from reportgen.cache.cached import values_key
    from reportgen.cache.plan import document_keys

    def both() -> tuple[dict, str]:
        return document_keys(_options(first)), values_key("data", "regioplan-ggz", 2023, 10)

    before = both()
    settings = layouts / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(": 10", ": 11", 1), encoding="utf-8")
    after_settings = both()
    assert settings.read_text(encoding="utf-8") != (keys.PACKAGE_DIR.parent / "layouts/settings.yaml").read_text()
    registry = layouts / "indicators.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    after_registry = both()
    for old, new in ((before, after_settings), (after_settings, after_registry)):
        assert all(old[0][r] != new[0][r] for r in REGIONS)
        assert old[1] != new[1]


def test_real_layout_folder_is_the_one_hashed() -> None:
    from reportgen.indicators.registry import DEFAULT_REGISTRY
    from reportgen.layout.load import LAYOUT_DIR, default_layout_path

    assert keys.LAYOUT_DIR.resolve() == LAYOUT_DIR.resolve()
    assert Path(DEFAULT_REGISTRY).resolve().parent == LAYOUT_DIR.resolve()
    assert default_layout_path().resolve().parent == LAYOUT_DIR.resolve()


def test_data_file_invalidates(first: Path, data_dir: Path) -> None:
    from reportgen.cache.cached import dataset_key

    options = _options(first, data_dir=data_dir)
    before, data_before = plan_build(options, []).keys, dataset_key(data_dir)
    table = next(data_dir.glob("klanten.*"))
    table.write_bytes(table.read_bytes() + b"\n")
    after = plan_build(options, []).keys
    assert all(before[r] != after[r] for r in REGIONS)
    assert dataset_key(data_dir) != data_before


def test_damaged_build_record_is_ignored_with_a_warning(first: Path) -> None:
    path = record_path(_options(first))
    good = path.read_bytes()
    try:
        path.write_bytes(b'{"version": 1, "documents": {"zwolle": 3}}')
        warnings: list = []
        assert plan_build(_options(first), warnings).stale == REGIONS
        assert [w.severity for w in warnings] == ["warning"] and "build record ignored" in warnings[0].message
    finally:
        path.write_bytes(good)


def test_output_mtime_untouched_by_plan(first: Path) -> None:
    stamp = {p: p.stat().st_mtime_ns for p in (first / "out").rglob("*")}
    plan_build(_options(first), [])
    assert {p: p.stat().st_mtime_ns for p in (first / "out").rglob("*")} == stamp
    assert os.listdir(first / "out" / "2023")  # the build made files at all
