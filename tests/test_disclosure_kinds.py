"""The build gate checks what the whole edition publishes: both document kinds together.

Hand-built case, worked out by hand: the Regioanalyse GZ (stand-in values below) splits Zwolle's
GZ clients of 2023 by sector, VG = 7 (small, hidden), LVG = 2.820, LG = 1.000, ZG = 500, and
hides its total. Alone that is safe: VG can be anything from 0 up. The Regioplan GGZ prints
Zwolle's total of GZ clients, 4.327 (example data). Together: VG = 4.327 - 2.820 - 1.000 - 500 = 7.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from reportgen import kinds, pipeline
from reportgen.disclosure.edition import Published
from reportgen.disclosure.gate import DisagreementError, DisclosureError, refuse_disclosing
from reportgen.indicators.tidy import COLUMNS

SECTORS = {"VG": (7, True), "LVG": (2820, False), "LG": (1000, False), "ZG": (500, False)}


def split_values(dataset, edition: int, min_count: int) -> pd.DataFrame:
    """Zwolle's GZ clients of 2023 by sector, total hidden (see the module docstring)."""
    rows = [("gz_klanten", "zwolle", "2023", "", 4327.0, "klanten", True)]
    rows += [("gz_klanten", "zwolle", "2023", s, float(v), "klanten", hidden) for s, (v, hidden) in SECTORS.items()]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def total_values() -> pd.DataFrame:
    """The Regioplan's printed total of Zwolle's GZ clients of 2023."""
    return pd.DataFrame([("gz_klanten", "zwolle", "2023", "", 4327.0, "klanten", False)], columns=list(COLUMNS))


EXPECTED = "kleine aantallen: gz_klanten zwolle 2023 'VG' (klanten): af te leiden tot tussen 7.00 en 7.00"


def test_each_kind_alone_is_safe_together_they_disclose():
    """The gate on either kind alone passes; on both it names the VG count and the kinds checked."""
    gemeenten = pipeline.example_dataset().gemeenten
    regioplan = Published(total_values(), ("zwolle",))
    analyse = Published(split_values(None, 2023, 10), ("zwolle",))
    refuse_disclosing({"regioplan-ggz": regioplan}, 10, gemeenten)
    refuse_disclosing({"regioanalyse-gz": analyse}, 10, gemeenten)
    with pytest.raises(DisclosureError) as caught:
        refuse_disclosing({"regioplan-ggz": regioplan, "regioanalyse-gz": analyse}, 10, gemeenten)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        EXPECTED,
        "gecontroleerd: alles wat regioplan-ggz en regioanalyse-gz in deze editie publiceren; niets geschreven",
    ]


def test_two_kinds_printing_different_values_for_one_figure_are_refused():
    """One figure, two printed values (4.327 and 4.300): named, with both values."""
    other = total_values().assign(value=4300.0)
    published = {
        "regioplan-ggz": Published(total_values(), ("zwolle",)),
        "regioanalyse-gz": Published(other, ("zwolle",)),
    }
    with pytest.raises(DisagreementError) as caught:
        refuse_disclosing(published, 10, pipeline.example_dataset().gemeenten)
    assert [str(p) for p in caught.value.problems] == [
        "gz_klanten zwolle 2023 (klanten) verschilt per document: regioplan-ggz: 4327, regioanalyse-gz: 4300"
    ]


def test_building_the_regioplan_refuses_what_the_regioanalyse_would_give_away(tmp_path: Path, monkeypatch):
    """The Regioplan of Zwolle alone passes its own check, but the edition's Regioanalyse (its
    values computed, no document made) prints the split: nothing is written, VG named."""
    analyse = kinds.get_kind("regioanalyse-gz")
    monkeypatch.setitem(kinds._registered, "regioanalyse-gz", replace(analyse, values=split_values))
    out = tmp_path / "out"
    options = pipeline.Options(out_dir=out, formats=(), regions=("zwolle",), all_regions=False, use_cache=False)
    with pytest.raises(DisclosureError) as caught:
        pipeline.build(options)
    assert not out.exists()
    assert EXPECTED in [str(p) for p in caught.value.problems]


AUDIT_HEADER = "indicator,region,period,category,value,unit,suppressed\n"


def test_audit_disclosure_reads_every_kind_of_the_edition(tmp_path: Path, capsys):
    """The same case as published files: each kind's file alone is safe (exit 0 with --document),
    both together, the default, give VG = 7 back (exit 1)."""
    folder = tmp_path / "2023"
    folder.mkdir()
    (folder / "regioplan-ggz-2023-2024-zwolle-audit.csv").write_text(
        AUDIT_HEADER + "gz_klanten,zwolle,2023,,4327,klanten,nee\n", encoding="utf-8"
    )
    (folder / "regioanalyse-gz-2023-zwolle-audit.csv").write_text(
        AUDIT_HEADER
        + "gz_klanten,zwolle,2023,,,klanten,ja\n"
        + "".join(
            f"gz_klanten,zwolle,2023,{s},{'' if hidden else v},klanten,{'ja' if hidden else 'nee'}\n"
            for s, (v, hidden) in SECTORS.items()
        ),
        encoding="utf-8",
    )
    from reportgen.cli import main

    for kind in ("regioplan-ggz", "regioanalyse-gz"):
        assert main(["audit-disclosure", "--out", str(tmp_path), "--document", kind]) == 0
    capsys.readouterr()
    assert main(["audit-disclosure", "--out", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [EXPECTED.removeprefix("kleine aantallen: ")]
    assert captured.err.startswith("2 file(s)")


def test_a_passed_edition_is_remembered_in_the_cache_a_failed_one_never(monkeypatch):
    """The same safe cells in a new process (the in-process memory cleared) are not solved again;
    the disclosing pair is solved and refused every time."""
    from reportgen.disclosure import gate

    gemeenten = pipeline.example_dataset().gemeenten
    safe = {"regioanalyse-gz": Published(split_values(None, 2023, 10), ("zwolle",))}
    unsafe = {**safe, "regioplan-ggz": Published(total_values(), ("zwolle",))}
    monkeypatch.setattr(gate, "_PASSED", set())
    refuse_disclosing(safe, 10, gemeenten, use_cache=True)
    for pair in (unsafe, unsafe):
        with pytest.raises(DisclosureError):
            refuse_disclosing(pair, 10, gemeenten, use_cache=True)

    def unsolvable(*args, **kwargs):
        raise AssertionError("solved again")

    monkeypatch.setattr(gate, "_PASSED", set())
    monkeypatch.setattr(gate, "disclosure_findings", unsolvable)
    refuse_disclosing(safe, 10, gemeenten, use_cache=True)
    monkeypatch.setattr(gate, "_PASSED", set())
    with pytest.raises(AssertionError, match="solved again"):
        refuse_disclosing(safe, 10, gemeenten, use_cache=False)
