"""The whole example edition, attacked as a hostile reader would: nothing hidden comes back.

The attack combines every published audit file: all regions minus the other regions, totals
minus their categories, and 100% minus the shown shares (with "n =" turning shares into
counts), repeated until it learns nothing more. The weakened set is the one published before
suppression looked across regions: the same attack then recovers the cells named below.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from reportgen import pipeline
from reportgen.cli import main
from reportgen.disclosure.published import edition_files, read_published
from reportgen.disclosure.relations import Hierarchy
from reportgen.indicators import INDICATOR_FUNCTIONS, prepare_base
from reportgen.indicators.audit import audit_csv_bytes, audit_table
from reportgen.indicators.suppress import apply_suppression
from reportgen.indicators.tidy import empty_frame

EDITION = 2023
ALL = "alle-regios"
COUNTS = ("klanten", "wachtenden")


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """All eleven regions built from the example data (only the audit files: no format asked)."""
    out = tmp_path_factory.mktemp("edition")
    result = pipeline.build(pipeline.Options(formats=(), out_dir=out, jobs=2))
    assert not result.failed and len(result.written) == 11
    return out


@pytest.fixture(scope="module")
def municipalities() -> dict[str, list[str]]:
    """Region -> its municipalities (GM codes) in the example data."""
    areas = Hierarchy.from_gemeenten(pipeline.example_dataset().gemeenten).area_parts
    return {region: list(parts) for region, parts in areas.items() if region != ALL}


@pytest.fixture(scope="module")
def weakened(tmp_path_factory) -> Path:
    """Suppression within each distribution only, and audit files listing every value of a region and of all regions."""
    out = tmp_path_factory.mktemp("weakened")
    ds = pipeline.example_dataset()
    base = prepare_base(ds, EDITION)
    frame = pd.concat([empty_frame(), *(f(ds, EDITION, base) for f in INDICATOR_FUNCTIONS.values())], ignore_index=True)
    weak = apply_suppression(frame, 10, complementary=False)
    (out / str(EDITION)).mkdir()
    for region in base.regions:
        path = out / str(EDITION) / f"regioplan-ggz-{EDITION}-{EDITION + 1}-{region}-audit.csv"
        path.write_bytes(audit_csv_bytes(audit_table(weak, region)))
    return out


def _total_of(keys: set, ind: str, area: str, period: str, segment: str, unit: str) -> tuple:
    names = [f"{segment}|totaal"] if segment else ["", "totaal"]
    found = [(ind, area, period, n, unit) for n in names if (ind, area, period, n, unit) in keys]
    return found[0] if found else (ind, area, period, names[-1], unit)


def attack(folder: Path, municipalities: dict[str, list[str]]) -> dict[tuple, float]:
    """Every hidden value the simple attacks recover from the published files."""
    return attack_table(read_published(edition_files(folder / str(EDITION), EDITION)), municipalities)


RATES = {"gz_klanten_per_1000": ("gz_klanten", 1_000.0), "ggz_klanten_per_10k": ("ggz_klanten", 10_000.0)}
POPULATIONS = ("inwoners", "gz_inwoners")


def attack_table(table: pd.DataFrame, municipalities: dict[str, list[str]]) -> dict[tuple, float]:
    """Every hidden count of a cells table (columns indicator, region, period, category, unit,
    value, published) that these attacks recover, repeated until they learn nothing more: all
    regions minus the other regions; a region minus its other municipalities; a total minus
    its categories; 100% minus the shown shares; a share times its "n ="; a rate times the
    population (clients per 1.000 inhabitants x inhabitants / 1.000)."""
    keys = [tuple(r) for r in table[["indicator", "region", "period", "category", "unit"]].itertuples(index=False)]
    known = {k: v for k, v, p in zip(keys, table["value"], table["published"], strict=True) if p}
    hidden = {k for k, p in zip(keys, table["published"], strict=True) if not p}
    regions = sorted({k[1] for k in keys} - {ALL} - {m for parts in municipalities.values() for m in parts})
    count_unit = {k[0]: k[4] for k in keys if k[4] in COUNTS}
    parts: dict[tuple, list[str]] = {}
    for ind, _, _, cat, unit in keys:
        if unit in (*COUNTS, "aandeel") and cat not in ("", "totaal") and not cat.endswith("|totaal"):
            listed = parts.setdefault((ind, cat.split("|")[0] if "|" in cat else ""), [])
            listed.append(cat) if cat not in listed else None
    cells = {(k[0], k[1], k[2], k[3]) for k in keys}
    all_keys = set(keys) | {(*c, u) for c in cells for u in (count_unit.get(c[0], "klanten"), "aandeel")}
    learned = True
    while learned:
        learned = False

        def learn(key: tuple, value: float) -> None:
            nonlocal learned
            if key not in known:
                known[key] = value
                learned = True

        for ind, area, period, cat, unit in list(all_keys):
            if unit not in COUNTS:
                continue
            within = regions if area == ALL else municipalities.get(area, [])  # the area minus its other parts
            members = [(ind, a, period, cat, unit) for a in within]
            unknown = [m for m in members if m not in known]
            if members and (ind, area, period, cat, unit) in known and len(unknown) == 1:
                learn(unknown[0], known[(ind, area, period, cat, unit)] - sum(known.get(m, 0) for m in members))
        for (ind, area, period, cat, _), rate in list(known.items()):
            if ind in RATES and cat == "":  # a rate times the population
                count, factor = RATES[ind]
                for population in POPULATIONS:
                    inhabitants = known.get((population, area, period, "", "inwoners"))
                    if inhabitants is not None:
                        learn((count, area, period, "", "klanten"), round(rate * inhabitants / factor))
        for (ind, segment), categories in parts.items():
            unit = count_unit.get(ind, "klanten")
            for area, period in {(k[1], k[2]) for k in all_keys if k[0] == ind}:
                total = _total_of(all_keys, ind, area, period, segment, unit)
                counts = [(ind, area, period, c, unit) for c in categories]
                shares = [(ind, area, period, c, "aandeel") for c in categories]
                if total in known:
                    for share, count in zip(shares, counts, strict=True):  # shares of a printed n are counts
                        if share in known:
                            learn(count, round(known[share] * known[total]))
                    unknown = [c for c in counts if c not in known]
                    if len(unknown) == 1:  # the total minus its categories
                        learn(unknown[0], known[total] - sum(known[c] for c in counts if c in known))
                unknown_shares = [s for s in shares if s not in known]
                if len(unknown_shares) == 1 and any(s in known for s in shares):  # 100% minus the shown shares
                    learn(unknown_shares[0], 1 - sum(known[s] for s in shares if s in known))
    return {k: v for k, v in known.items() if k in hidden and not math.isnan(v)}


def test_attack_on_the_example_edition_recovers_nothing(edition: Path, municipalities):
    """No hidden value comes back from the eleven regions' published files."""
    assert attack(edition, municipalities) == {}


def test_audit_disclosure_on_the_example_edition_finds_nothing(edition: Path, capsys):
    """The linear-programming audit agrees: exit code 0, zero cells."""
    assert main(["audit-disclosure", "--out", str(edition), "--edition", str(EDITION)]) == 0
    assert "0 hidden count(s) can be worked out" in capsys.readouterr().err


def test_the_audit_files_list_only_what_the_decks_print(edition: Path):
    """No GZ clients, no waiting list or profiles of all regions, no sectorvreemd of last year."""
    table = read_published(edition_files(edition / str(EDITION), EDITION))
    listed = set(zip(table["indicator"], table["region"], table["period"], strict=True))
    assert not any(ind.startswith("gz_") for ind, _, _ in listed)
    assert not any(ind in ("wachtlijst", "sectorvreemd_profielen") and region == ALL for ind, region, _ in listed)
    assert not any(ind == "sectorvreemd" and period == str(EDITION - 1) for ind, _, period in listed)


# Each is one hidden 'actief' count given away by all regions minus the ten others, then the
# region's total minus its other two statuses (example data, CBS 2023 population):
#   flevoland 2022-01: actief 541 - (90+24+42+43+42+30+57+101+31+56) = 541 - 516 = 25,
#     'wacht op voorkeur' 33 - 0 (urgent) - 25 = 8;
#   kennemerland 2023-02: actief 575 - (94+31+47+19+48+44+51+122+31+62) = 575 - 549 = 26,
#     'urgent' 54 - 27 (wacht op voorkeur) - 26 = 1;
#   zaanstreek-waterland 2022-09: actief 564 - (98+27+42+18+53+43+32+61+111+59) = 564 - 544 = 20,
#     'urgent' 43 - 20 (wacht op voorkeur) - 20 = 3.
WEAKENED_RECOVERED = {
    ("wachtlijst", "flevoland", "2022-01", "wacht op voorkeur", "wachtenden"): 8,
    ("wachtlijst", "kennemerland", "2023-02", "urgent", "wachtenden"): 1,
    ("wachtlijst", "zaanstreek-waterland", "2022-09", "urgent", "wachtenden"): 3,
}


def test_attack_on_the_weakened_set_recovers_the_known_cells(weakened: Path, municipalities):
    """Without complementary suppression the attack gives back the small counts worked out
    by hand above (all regions minus the others, then the total minus its categories)."""
    recovered = attack(weakened, municipalities)
    assert {k: recovered.get(k) for k in WEAKENED_RECOVERED} == WEAKENED_RECOVERED


def test_audit_disclosure_on_the_weakened_set_reports_them(weakened: Path, capsys):
    """Exit code 1; every one of those cells is reported with its exact value."""
    assert main(["audit-disclosure", "--out", str(weakened), "--edition", str(EDITION)]) == 1
    out = capsys.readouterr().out
    for (ind, region, period, category, unit), value in WEAKENED_RECOVERED.items():
        line = f"{ind} {region} {period} {category!r} ({unit}): af te leiden tot tussen {value:.2f} en {value:.2f}"
        assert line in out.splitlines()


@pytest.fixture(scope="module")
def whole_edition() -> pd.DataFrame:
    """Everything the Regioplan and the Regioanalyse may print for all regions and their
    municipalities, as the build gate sees it (a cells table: more than the documents print)."""
    from reportgen.disclosure.edition import edition_publication
    from reportgen.disclosure.gate import edition_cells
    from reportgen.options import Options
    from reportgen.prepare import prepare

    prepared = prepare(Options(document="regioanalyse-gz", formats=()))
    o, min_count = prepared.options, prepared.layout.settings.min_count
    published = edition_publication(
        prepared.layout.kind, prepared.values, prepared.dataset, o.data_dir, o.edition, min_count, o.use_cache
    )
    assert set(published) == {"regioplan-ggz", "regioanalyse-gz"}
    return edition_cells(published, min_count)


def test_attack_on_everything_both_kinds_may_print_recovers_nothing(whole_edition: pd.DataFrame, municipalities):
    """Regions minus their other municipalities, rates times the population, and the rest:
    nothing hidden comes back, though the table has every municipality's figures."""
    assert {k[1] for k in whole_edition[["indicator", "region"]].itertuples(index=False)} >= {"GM0088", "GM0363"}
    assert attack_table(whole_edition, municipalities) == {}


@pytest.fixture(scope="module")
def weakened_analysis(tmp_path_factory) -> Path:
    """The Regioanalyse with suppression within each distribution only, every value of every
    area in one audit file."""
    from reportgen.kinds.regioanalyse_gz.figures import compute_regioanalyse

    out = tmp_path_factory.mktemp("weakened-analysis")
    weak = compute_regioanalyse(pipeline.example_dataset(), EDITION, complementary=False)
    (out / str(EDITION)).mkdir()
    path = out / str(EDITION) / f"regioanalyse-gz-{EDITION}-{EDITION + 1}-alle-audit.csv"
    path.write_bytes(audit_csv_bytes(audit_table(weak, None)))
    return out


# Friesland minus its 17 other municipalities gives Schiermonnikoog (GM0088) back (example data, 2023):
#   GZ clients 5.188 - 5.179 = 9; living independently 2.542 - 2.537 = 5.
WEAKENED_MUNICIPALITIES = {
    ("gz_klanten", "GM0088", "2023", "", "klanten"): 9,
    ("gz_zelfstandig", "GM0088", "2023", "", "klanten"): 5,
}


def test_attack_on_the_weakened_analysis_recovers_a_municipality(weakened_analysis: Path, municipalities):
    """Without complementary suppression the region minus its other municipalities gives
    the small counts above back."""
    recovered = attack(weakened_analysis, municipalities)
    assert {k: recovered.get(k) for k in WEAKENED_MUNICIPALITIES} == WEAKENED_MUNICIPALITIES


def test_audit_disclosure_on_the_weakened_analysis_reports_the_municipality(weakened_analysis: Path, capsys):
    """Exit code 1; both municipality cells are reported with their exact value."""
    args = ["audit-disclosure", "--out", str(weakened_analysis), "--document", "regioanalyse-gz"]
    assert main(args) == 1
    out = capsys.readouterr().out.splitlines()
    for (ind, region, period, _, unit), value in WEAKENED_MUNICIPALITIES.items():
        assert f"{ind} {region} {period} ({unit}): af te leiden tot tussen {value:.2f} en {value:.2f}" in out
