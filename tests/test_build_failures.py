"""A document that fails for any reason is reported with its cause; the others are written,
and the summary lists exactly the files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import without_kept_documents

from reportgen import jobs, pipeline
from reportgen.cli import main
from reportgen.errors import LayoutError, Problem


@pytest.fixture(autouse=True)
def assembled_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The failing stand-in for the assembly is reached: no document comes from a kept one."""
    without_kept_documents(monkeypatch)


def test_failed_region_is_reported_and_others_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = jobs.document_files

    def failing(job: jobs.DocumentJob):
        if job.subject.id == "zwolle":
            raise LayoutError([Problem("frame 'x': text needs 90 pt but the box is 40 pt high")])
        return real(job)

    monkeypatch.setattr(jobs, "document_files", failing)
    out = tmp_path / "out"
    code = main(
        ["build", "--region", "t-gooi", "--region", "zwolle", "--format", "pdf", "--jobs", "1", "--out", str(out)]
    )
    captured = capsys.readouterr()
    assert code == 1
    written = sorted(p.name for p in (out / "2023").iterdir())
    assert written == ["regioplan-ggz-2023-2024-t-gooi-audit.csv", "regioplan-ggz-2023-2024-t-gooi.pdf"]
    assert "wrote 2 files for 1 region(s)" in captured.out
    for name in written:
        assert name in captured.out
    assert "zwolle (frame 'x': text needs 90 pt but the box is 40 pt high)" in captured.err
    assert "nothing was written" not in captured.err


def test_build_result_keeps_the_cause(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "document_files", lambda job: (_ for _ in ()).throw(ValueError("kapot")))
    result = pipeline.build(pipeline.Options(regions=("zwolle",), out_dir=tmp_path, jobs=1, formats=("pdf",)))
    assert result.failed == {"zwolle": "ValueError: kapot"} and result.written == {}
