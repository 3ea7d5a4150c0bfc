"""The command line: help, exit codes, messages, and what each command writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from readback import pdf_page_text

from reportgen.cli import main
from reportgen.data.load import load_dataset
from reportgen.data.schema import TABLES


def _content(tmp_path: Path, *regions: str) -> Path:
    """A scratch copy of the 2023 content of some regions and the national texts."""
    root = tmp_path / "content"
    for part in (*regions, "landelijk"):
        shutil.copytree(Path("content/2023") / part, root / "2023" / part)
    return root


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """--help names every command and exits 0."""
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("build", "check", "synth", "new-edition", "regions"):
        assert command in out


def test_unknown_region_lists_the_regions(capsys: pytest.CaptureFixture[str]) -> None:
    """A region that does not exist gets exit code 2 and the list of regions that do."""
    assert main(["build", "--region", "groningen"]) == 2
    err = capsys.readouterr().err
    assert "unknown region 'groningen'; the regions are: amsterdam, apeldoorn-zutphen, drenthe," in err
    assert "zwolle" in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Only pptx and pdf are formats."""
    assert main(["build", "--format", "docx"]) == 2
    assert "unknown format docx; choose from: pptx, pdf" in capsys.readouterr().err


def test_regions_lists_ids_and_names(capsys: pytest.CaptureFixture[str]) -> None:
    """`regions` prints the eleven ids with their names."""
    assert main(["regions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 11
    assert lines[5].split() == ["t-gooi", "'t", "Gooi"]


def test_check_passes_on_example_content(capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped content of a region has no errors."""
    assert main(["check", "--region", "rotterdam"]) == 0
    assert "checked 1 region(s): 0 error(s), 0 warning(s): ok" in capsys.readouterr().err


def test_check_reports_file_and_line_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown variable is an error with file and line; exit code 1."""
    content = _content(tmp_path, "zwolle")
    path = content / "2023" / "zwolle" / "vooruitblik.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nWe groeien naar {{ ggz_klantn }} klanten.\n", encoding="utf-8"
    )
    line = path.read_text(encoding="utf-8").splitlines().index("We groeien naar {{ ggz_klantn }} klanten.") + 1
    assert main(["check", "--region", "zwolle", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}: unknown variable {{{{ ggz_klantn }}}} (did you mean {{{{ ggz_klanten }}}}?)" in err


def test_override_contradicting_data_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A headline override saying 'lager' where the data say 'hoger' is a warning at its line in regio.yaml."""
    content = _content(tmp_path, "zwolle")
    settings = content / "2023" / "zwolle" / "regio.yaml"
    settings.write_text(
        "variabelen: {}\nkoppen:\n  kpi_per_10k: Lager aantal GGZ-klanten dan elders\n", encoding="utf-8"
    )
    assert main(["check", "--region", "zwolle", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert f"{settings}:3: warning: headline 'kpi_per_10k' contradicts the data: it says 'gedaald/lager'" in err
    assert "but the data say 'hoger'" in err


def test_build_with_content_error_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing section stops the build before anything is written."""
    content = _content(tmp_path, "zwolle")
    (content / "2023" / "zwolle" / "terugblik.md").unlink()
    out = tmp_path / "out"
    assert main(["build", "--region", "zwolle", "--content", str(content), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "terugblik" in err and "nothing was written" in err
    assert not out.exists()


def test_draft_builds_with_concept_marker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--draft builds despite the error and marks the affected page CONCEPT, and only that page."""
    content = _content(tmp_path, "zwolle")
    (content / "2023" / "zwolle" / "terugblik.md").unlink()
    out = tmp_path / "out"
    args = ["build", "--region", "zwolle", "--content", str(content), "--out", str(out), "--draft", "--quiet"]
    assert main(args) == 0
    pdf = out / "2023" / "regioplan-ggz-2023-2024-zwolle.pdf"
    texts = [pdf_page_text(pdf, i) for i in range(8)]
    assert ["CONCEPT" in t for t in texts] == [False, False, False, True, False, False, False, False]
    assert "[Deze tekst ontbreekt nog.]" in texts[3]


def test_bad_data_names_file_line_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Invalid input data stops the build with file, line and column; nothing is written."""
    data = tmp_path / "data"
    assert main(["synth", "--out", str(data), "--scale", "0.02"]) == 0
    claims = data / "declaraties.csv"
    lines = claims.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("maand")] = "2023-13"
    lines[1] = ",".join(cells)
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--data", str(data), "--region", "zwolle", "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "declaraties.csv:2: column 'maand': '2023-13' is not a month (expected YYYY-MM)" in err
    assert not out.exists()


def test_synth_writes_a_loadable_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`synth` writes every table of the contract, which load back through the validator."""
    assert main(["synth", "--out", str(tmp_path), "--scale", "0.02", "--seed", "5"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    assert len(load_dataset(tmp_path).gemeenten) == 110


def test_synth_rejects_a_bad_scale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--scale must be a positive number or 'national'."""
    assert main(["synth", "--out", str(tmp_path), "--scale", "big"]) == 2
    assert "--scale 'big': expected a number or 'national'" in capsys.readouterr().err


def test_new_edition_then_check_shows_concepts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """new-edition copies the content marked concept; check then lists each text as concept."""
    content = _content(tmp_path, "zwolle")
    assert main(["new-edition", "2024", "--from", "2023", "--content", str(content)]) == 0
    assert (content / "2024" / "zwolle" / "terugblik.md").is_file()
    assert main(["check", "--edition", "2024", "--region", "zwolle", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: still concept") == 6
    assert main(["new-edition", "2024", "--from", "2023", "--content", str(content)]) == 1


MINIMAL = Path(__file__).parent / "fixtures" / "data" / "minimal"


def test_named_region_without_data_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Asking for a region the data does not cover names the regions it does cover."""
    out = tmp_path / "out"
    assert main(["build", "--data", str(MINIMAL), "--region", "amsterdam", "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert (
        f"region 'amsterdam' has no municipalities in gemeenten of {MINIMAL}; "
        "the regions in the data are: t-gooi, zwolle" in err
    )
    assert not out.exists()


def test_tiny_data_builds_the_covered_regions_with_everything_hidden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a handful of records, the covered regions still build; every small count prints '*'."""
    out = tmp_path / "out"
    assert main(["build", "--data", str(MINIMAL), "--out", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "warning: no data for amsterdam, apeldoorn-zutphen," in captured.err
    assert "wrote 6 files for 2 region(s)" in captured.out
    first_page = pdf_page_text(out / "2023" / "regioplan-ggz-2023-2024-zwolle.pdf", 0)
    assert "Aantal GGZ-klanten *" in " ".join(first_page.split())
