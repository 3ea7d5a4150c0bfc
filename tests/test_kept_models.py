"""Kept Documents: a build renders a document again from its kept model when none of its inputs
changed, byte for byte as a fresh build; every input changes the key; a damaged entry is made
again with a warning; --no-cache neither reads nor stores a model."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from build_helpers import folder_options

from reportgen import pipeline
from reportgen.cache import keys
from reportgen.cache.modelcodec import document_from_json, document_json
from reportgen.cache.models import KeptModel, keep_model, kept_model, model_path
from reportgen.cache.plan import document_keys, input_keys
from reportgen.cache.store import Entry, store_entry
from reportgen.model import Box

ROOT = Path(__file__).resolve().parents[1]
REGION = "zwolle"


def _options(root: Path, **changes) -> pipeline.Options:
    return folder_options(root, (REGION,), **changes)


@pytest.fixture
def prepare_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The calls of `pipeline.prepare` from here on: none means the document came from its kept model."""
    real, calls = pipeline.prepare, []

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "prepare", counted)
    return calls


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Its own copy of the content and a first, fresh build of one region's PDF into out/."""
    root = tmp_path_factory.mktemp("kept")
    shutil.copytree(ROOT / "content", root / "content")
    result = pipeline.build(_options(root))
    assert list(result.written) == [REGION] and not result.failed
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))}


def _key(root: Path, **changes) -> str:
    return input_keys(_options(root, **changes))[REGION]


def test_deleted_output_is_rendered_from_the_kept_model(built: Path, prepare_calls: list[int]) -> None:
    fresh = _files(built / "out" / "2023")
    next((built / "out" / "2023").glob("*.pdf")).unlink()
    result = pipeline.build(_options(built))
    assert list(result.written) == [REGION] and len(prepare_calls) == 0
    assert _files(built / "out" / "2023") == fresh  # the fresh build's bytes, audit CSV included


def test_new_output_folder_and_fewer_formats_use_the_kept_model(
    built: Path, tmp_path: Path, prepare_calls: list[int]
) -> None:
    both = pipeline.build(_options(built, out_dir=tmp_path / "both", formats=("pptx", "pdf")))
    assert list(both.written) == [REGION] and len(prepare_calls) == 1  # the PDF-only model has no PPTX pictures
    pdf = pipeline.build(_options(built, out_dir=tmp_path / "pdf"))
    assert list(pdf.written) == [REGION] and len(prepare_calls) == 1
    for name, data in _files(tmp_path / "pdf" / "2023").items():
        assert (tmp_path / "both" / "2023" / name).read_bytes() == data, name
        assert (built / "out" / "2023" / name).read_bytes() == data, name


def test_model_serves_only_the_formats_of_its_pictures(built: Path) -> None:
    kept = kept_model(_key(built), ("pdf",), [])
    assert kept is not None
    keep_model("only-pdf", KeptModel(kept.document, kept.audit, kept.stem, ("pdf",), kept.problems))
    assert kept_model("only-pdf", ("pdf",), []) is not None
    assert kept_model("only-pdf", ("pptx",), []) is None
    assert kept_model("only-pdf", ("pptx", "pdf"), []) is None


def test_edited_narrative_is_not_served_from_the_old_model(built: Path, prepare_calls: list[int]) -> None:
    path = built / "content/2023" / REGION / "terugblik.md"
    before = path.read_text(encoding="utf-8")
    old_pdf = next((built / "out" / "2023").glob("*.pdf")).read_bytes()
    try:
        # an edit no other test makes: a kept Document of the same content would be served, rightly
        path.write_text(before.replace("afgelopen", "voorgaande", 1), encoding="utf-8")
        result = pipeline.build(_options(built))
        assert list(result.written) == [REGION] and len(prepare_calls) == 1
        assert next((built / "out" / "2023").glob("*.pdf")).read_bytes() != old_pdf
    finally:
        path.write_text(before, encoding="utf-8")


def test_every_input_changes_the_key(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = _key(built)
    assert _key(built, formats=("pptx", "pdf")) == base  # the formats choose the pictures, not the Document
    assert document_keys(_options(built, formats=("pptx", "pdf"))) != document_keys(_options(built))
    changed = {
        "edition": _key(built, edition=2024),
        "document": _key(built, document="regioanalyse-gz"),
        "draft": _key(built, draft=True),
    }
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    changed["SOURCE_DATE_EPOCH"] = _key(built)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    content = tmp_path / "content"
    shutil.copytree(built / "content", content)
    for name, rel in (("own content", f"2023/{REGION}/regio.yaml"), ("shared content", "2023/landelijk")):
        target = content / rel
        target = next(p for p in sorted(target.rglob("*")) if p.is_file()) if target.is_dir() else target
        target.write_bytes(target.read_bytes() + b"\n")
        changed[name] = _key(built, content_dir=content)
    monkeypatch.setattr(keys, "code_version", lambda: "another version")
    changed["code"] = _key(built, content_dir=content)
    monkeypatch.undo()
    layouts = tmp_path / "layouts"
    shutil.copytree(keys.LAYOUT_DIR, layouts)
    monkeypatch.setattr(keys, "LAYOUT_DIR", layouts)
    for name in ("settings.yaml", "theme.yaml", "indicators.yaml", "regioplan-ggz.yaml"):
        (layouts / name).write_bytes((layouts / name).read_bytes() + b"\n# changed\n")
        changed[name] = _key(built)
    values = list(changed.values())
    assert base not in values and len(set(values)) == len(values), changed


def test_data_and_its_place_change_the_key(built: Path, data_dir: Path, tmp_path: Path) -> None:
    before = _key(built, data_dir=data_dir)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(data_dir, elsewhere)
    assert _key(built, data_dir=elsewhere) != before  # the dataset's warnings name its files
    table = next(data_dir.glob("klanten.*"))
    table.write_bytes(table.read_bytes() + b"\n")
    assert _key(built, data_dir=data_dir) not in (before, _key(built))


def test_damaged_model_is_made_again_with_a_warning(built: Path, prepare_calls: list[int]) -> None:
    pipeline.build(_options(built))  # up to date with the content as it is
    prepare_calls.clear()
    path = model_path(_key(built))
    good = _files(built / "out" / "2023")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    next((built / "out" / "2023").glob("*.pdf")).unlink()
    result = pipeline.build(_options(built))
    assert list(result.written) == [REGION] and len(prepare_calls) == 1
    assert any("cache entry ignored" in p.message and p.severity == "warning" for p in result.problems)
    assert _files(built / "out" / "2023") == good
    warnings: list = []
    assert kept_model(_key(built), ("pdf",), warnings) is not None and warnings == []  # stored anew
    assert not any("cache entry" in p.message for p in kept_model(_key(built), ("pdf",), []).problems)


def test_foreign_document_under_the_right_key_is_not_trusted(tmp_path: Path) -> None:
    note = {"document": '{"$c": "Popen", "args": "true"}', "audit": "", "stem": "x", "formats": ["pdf"]}
    store_entry(model_path("foreign"), keys.digest_of("model", "foreign"), Entry({}, {**note, "problems": []}))
    warnings: list = []
    assert kept_model("foreign", ("pdf",), warnings) is None
    assert [w.severity for w in warnings] == ["warning"] and "unreadable document" in warnings[0].message


def test_no_cache_neither_reads_nor_stores_a_model(built: Path, tmp_path: Path, prepare_calls: list[int]) -> None:
    key = _key(built, draft=True)
    assert not model_path(key).exists()
    result = pipeline.build(_options(built, out_dir=tmp_path / "a", draft=True, use_cache=False))
    assert list(result.written) == [REGION] and len(prepare_calls) == 1
    assert not model_path(key).exists()
    pipeline.build(_options(built, out_dir=tmp_path / "b", use_cache=False))
    assert len(prepare_calls) == 2  # a kept model exists for these inputs, and is not read


def test_document_json_round_trip(built: Path) -> None:
    kept = kept_model(_key(built), ("pdf",), [])
    assert kept is not None
    assert document_from_json(document_json(kept.document)) == kept.document
    assert document_json(kept.document) == document_json(document_from_json(document_json(kept.document)))


@pytest.mark.parametrize(
    "text",
    [
        '{"$c": "Box", "x": 1, "y": 2, "w": 3, "h": 4}',  # a model class, but no Document
        '{"$c": "Document", "kind": "k", "rogue": 1}',
        '{"$c": "os.system"}',
        '{"$c": "Document", "template": {"$b": "not base64!"}}',
        "not json",
        "[" * 100_000 + "]" * 100_000,  # nested deeper than a reader goes
    ],
)
def test_document_from_json_refuses_what_is_no_document(text: str) -> None:
    with pytest.raises(ValueError):
        document_from_json(text)


def test_document_json_refuses_what_is_no_model() -> None:
    from reportgen.errors import Problem

    with pytest.raises(TypeError):
        document_json(Problem("not a model class"))
    assert "Box" in document_json(Box(1, 2.5, 3, 4))  # a model class is written


def test_kept_render_loads_no_data_or_chart_libraries(built: Path, tmp_path: Path) -> None:
    script = f"""
import sys
from pathlib import Path
from reportgen import pipeline
options = pipeline.Options(regions=("{REGION}",), formats=("pdf",), content_dir=Path({str(built / "content")!r}),
                           out_dir=Path({str(tmp_path)!r}), jobs=1, all_regions=False)
assert list(pipeline.build(options).written) == ["{REGION}"]
print(sorted(m for m in ("pandas", "matplotlib", "pptx", "scipy", "yaml", "fontTools") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]", done.stderr
    assert _files(tmp_path / "2023") == _files(built / "out" / "2023")


def test_content_errors_elsewhere_stop_before_a_kept_document_is_written(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.errors import ContentError, Problem

    real_prepare, real_kept = pipeline.prepare, pipeline._kept_models

    def with_error(*args, **kwargs):
        prepared = real_prepare(*args, **kwargs)
        prepared.problems.append(Problem("a broken narrative", severity="error"))
        return prepared

    monkeypatch.setattr(pipeline, "prepare", with_error)
    monkeypatch.setattr(pipeline, "_kept_models", lambda *a: {s: k for s, k in real_kept(*a).items() if s == REGION})
    with pytest.raises(ContentError):
        pipeline.build(_options(built, regions=(REGION, "t-gooi"), out_dir=tmp_path))
    assert not (tmp_path / "2023").exists()  # zwolle's kept Document was not rendered either


def test_a_cache_that_cannot_be_written_costs_only_time(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from reportgen import write

    real = write.write_bytes_atomic

    def full_cache(path: Path, data: bytes) -> Path:
        if Path(path).is_relative_to(keys.cache_dir()):
            raise write.WriteError(Path(path), OSError(errno.EFBIG, "File too large"))
        return real(path, data)

    monkeypatch.setattr(write, "write_bytes_atomic", full_cache)
    result = pipeline.build(_options(built, out_dir=tmp_path, draft=True))
    assert list(result.written) == [REGION] and not result.failed
    assert not model_path(_key(built, draft=True)).exists()
