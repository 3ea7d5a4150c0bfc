"""The indicator registry: the shipped file, the lookups, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import LayoutError
from reportgen.indicators import INDICATOR_FUNCTIONS
from reportgen.indicators.registry import load_registry, methods_changed_since, peildatum_text

ENTRY = """\
ggz_klanten:
  title: "Aantal GGZ-klanten"
  functie: ggz_klanten
  unit: klanten
  bron: "Declaratiegegevens zorgkantoor"
  peildatum: "januari {jaar}"
  toelichting: Telt klanten.
  regioanalyse: [ggz_klanten]
  methoden:
    - editie: 2022
      samenvatting: Origineel.
      beschrijving: Zo werd het geteld.
"""


def write(tmp_path: Path, text: str) -> Path:
    """The text as a registry file in tmp_path."""
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_text(path: Path) -> str:
    """The message of the LayoutError loading `path` raises."""
    with pytest.raises(LayoutError) as info:
        load_registry(path)
    return str(info.value)


def test_shipped_registry_covers_every_computed_indicator():
    """Every catalog function has an entry of the same id; the documentation-only entries (two
    analyses and the map boundaries) have none.

    The Regioanalyse GZ figures (ids from gz_) are computed outside the Regioplan catalog.
    """
    registry = load_registry()
    regioplan = {i for i, m in registry.items() if m.functie in INDICATOR_FUNCTIONS}
    assert regioplan == set(INDICATOR_FUNCTIONS)
    assert all(registry[i].functie == i for i in regioplan)
    documentation_only = [i for i, m in registry.items() if m.functie is None]
    assert documentation_only == ["voorspelmodel", "groei_zelfstandig_wonen", "gebiedsindeling"]
    assert registry["ggz_klanten"].function is INDICATOR_FUNCTIONS["ggz_klanten"]


NEEDS_MORE_TABLES = [
    "gz_herkomst",  # gemeentekenmerken
    "gz_locatiepunten",  # locatiecoordinaten
    "gz_medewerkers",  # personeel
    "gz_medewerkers_per_klant",
    "gz_ses_groep",
    "gz_stedelijkheid",
    "gz_wachtend",  # wachtlijst
]
"""Indicators whose tables the small data set leaves empty; their function's name is still checked."""


def test_every_regioanalyse_entry_names_the_figure_function_that_returns_it():
    """Each Regioanalyse indicator's `functie` is one of the kind's figure functions, and that
    function's rows carry the indicator in the registry's unit (on a small hand-built data set: 20 VG3 clients at a VV
    provider, enough for every profile figure, and a 2040 forecast population)."""
    from regioanalyse_builders import gz_client, population
    from test_regioanalyse_figures import two_municipalities

    from reportgen.kinds.regioanalyse_gz.figures import FIGURES, prepare_gz_base

    registry = load_registry()
    figures = set(FIGURES.values())
    analysis = {i: m for i, m in registry.items() if m.functie and m.functie not in INDICATOR_FUNCTIONS}
    assert analysis and all(m.function in figures for m in analysis.values())
    assert registry["gz_capaciteit_extra"].functie.endswith("figures.capacity:gz_capaciteit")
    b = two_municipalities()
    for n in range(20):
        gz_client(b, f"K{n:07d}", "0034", years=(2020, 2023), agb_code="03000003")
    population(b, "0034", {(2040, "18-64"): 4000}, table="bevolkingsprognose")
    ds = b.build()
    base = prepare_gz_base(ds, 2023)
    frames = {f: f(ds, 2023, base) for f in figures}
    missing = sorted(i for i, m in analysis.items() if i not in set(frames[m.function]["indicator"]))
    assert missing == NEEDS_MORE_TABLES
    for ident, meta in analysis.items():
        frame = frames[meta.function]
        units = set(frame.loc[frame["indicator"] == ident, "unit"])
        assert ident in NEEDS_MORE_TABLES or meta.unit in units, (ident, meta.unit, units)


def test_a_function_outside_the_kinds_or_missing_is_refused(tmp_path: Path):
    """Only modules under reportgen.kinds may be named, and the function must exist."""
    for functie in ("os:getcwd", "reportgen.kinds.regioanalyse_gz.figures.supply:nothing_here"):
        text = error_text(write(tmp_path, ENTRY.replace("functie: ggz_klanten", f'functie: "{functie}"')))
        assert f"indicators.yaml:3: indicator 'ggz_klanten', key 'functie': unknown function '{functie}'" in text


def test_shipped_registry_fields():
    """Titles, sources, pages and units as the leeswijzer prints them."""
    registry = load_registry()
    assert registry["ggz_klanten"].title == "Aantal GGZ-klanten"
    assert registry["ggz_locaties"].bronnen == ("Declaratiegegevens zorgkantoor", "Zorgatlas")
    assert registry["wachtlijst"].regioanalyse == ("gz_wachtend",)
    assert registry["voorspelmodel"].regioanalyse == ("voorspelmodel",)  # no key: the entry itself
    assert registry["leveringsvorm"].regioanalyse == ()
    assert registry["ggz_klanten_per_10k"].unit == "per 10.000 inwoners"


def test_peildatum_text_fills_the_years():
    """Edition 2023: the waiting list runs from January 2022 to February 2023."""
    registry = load_registry()
    assert peildatum_text(registry["wachtlijst"], 2023) == "januari 2022 t/m februari 2023"
    assert peildatum_text(registry["leveringsvorm"], 2023) == "januari 2021, 2022 en 2023"
    assert peildatum_text(registry["inwoners"], 2024) == "1 januari 2024"


def test_method_changes_since_previous_edition():
    """The 2023 changes show in edition 2023 only; the original method is never a change."""
    registry = load_registry()
    changed_2023 = [i for i, m in registry.items() if methods_changed_since(m, 2023)]
    assert changed_2023 == ["ggz_locaties", "voorspelmodel", "groei_zelfstandig_wonen", "gz_locaties"]
    assert [m.editie for m in methods_changed_since(registry["ggz_locaties"], 2023)] == [2023]
    assert methods_changed_since(registry["ggz_locaties"], 2024) == []
    assert methods_changed_since(registry["ggz_klanten"], 2022) == []


def test_minimal_file_loads(tmp_path):
    """One complete entry gives one IndicatorMeta with its values."""
    meta = load_registry(write(tmp_path, ENTRY))["ggz_klanten"]
    assert (meta.id, meta.unit, meta.regioanalyse) == ("ggz_klanten", "klanten", ("ggz_klanten",))
    assert meta.methoden[0].beschrijving == "Zo werd het geteld."


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    """A broken flow list is reported at its line."""
    path = write(tmp_path, ENTRY.replace("[ggz_klanten]", "[ggz_klanten"))
    assert error_text(path).startswith(f"{path}:9: YAML syntax error")


def test_missing_key_names_file_line_and_key(tmp_path):
    """Without 'bron' the line of the indicator id is reported with the key."""
    path = write(tmp_path, ENTRY.replace('  bron: "Declaratiegegevens zorgkantoor"\n', ""))
    assert error_text(path) == f"{path}:1: indicator 'ggz_klanten': key 'bron' is missing"


def test_wrong_values_each_reported_at_their_line(tmp_path):
    """An unknown date field, an unknown function and an edition that is not a number: three problems."""
    text = (
        ENTRY.replace("januari {jaar}", "januari {jaar_x}")
        .replace("functie: ggz_klanten", "functie: ggz_kalnten")
        .replace("editie: 2022", "editie: twintig")
    )
    path = write(tmp_path, text)
    lines = error_text(path).splitlines()
    assert lines[0] == (
        f"{path}:6: indicator 'ggz_klanten', key 'peildatum': unknown field {{jaar_x}}; "
        "use {jaar}, {vorig_jaar}, {twee_jaar_terug}"
    )
    assert lines[1].startswith(f"{path}:3: indicator 'ggz_klanten', key 'functie': unknown function 'ggz_kalnten'")
    assert lines[2] == (
        f"{path}:10: indicator 'ggz_klanten', key 'methoden'[0], key 'editie': expected a whole number, got 'twintig'"
    )


def test_editions_must_increase(tmp_path):
    """A method version may not start before or with the one above it."""
    text = ENTRY + "    - editie: 2022\n      samenvatting: Nieuw.\n      beschrijving: Anders.\n"
    path = write(tmp_path, text)
    assert error_text(path) == (
        f"{path}:13: indicator 'ggz_klanten', key 'methoden'[1], key 'editie': 2022 must come after 2022"
    )


def test_unknown_key_and_duplicate_entry(tmp_path):
    """A misspelt key and an id used twice are both reported."""
    text = ENTRY.replace("  unit: klanten\n", "  unit: klanten\n  eenheid: klanten\n") + ENTRY
    lines = error_text(write(tmp_path, text)).splitlines()
    assert lines[0].endswith(":14: registry: key 'ggz_klanten' appears twice")
    assert ":5: indicator 'ggz_klanten': unknown key 'eenheid'" in lines[1]


def test_missing_file():
    """A path that does not exist is a LayoutError naming it."""
    with pytest.raises(LayoutError, match="indicator registry not found"):
        load_registry(Path("/nonexistent/indicators.yaml"))


def test_entry_that_is_not_a_mapping(tmp_path):
    """An id followed by plain text instead of fields is reported at that text."""
    path = write(tmp_path, ENTRY + "wachtlijst: Wachtlijsten\n")
    assert error_text(path) == f"{path}:13: indicator 'wachtlijst': expected a mapping of keys, got 'Wachtlijsten'"


def test_regioanalyse_names_only_known_indicators(tmp_path):
    """An id under 'regioanalyse' that is no entry is reported at its entry's line; a number is no id."""
    path = write(tmp_path, ENTRY.replace("[ggz_klanten]", "[gz_klantn]"))
    with pytest.raises(LayoutError) as err:
        load_registry(path)
    assert [(p.line, p.message) for p in err.value.problems] == [
        (1, "indicator 'ggz_klanten', key 'regioanalyse': unknown indicator 'gz_klantn'")
    ]
    path = write(tmp_path, ENTRY.replace("[ggz_klanten]", "12"))
    with pytest.raises(LayoutError) as err:
        load_registry(path)
    assert "key 'regioanalyse': expected a list of indicator ids, got '12'" in err.value.problems[0].message
