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


def attack(folder: Path) -> dict[tuple, float]:
    """Every hidden value the three simple attacks recover from the published files."""
    table = read_published(edition_files(folder / str(EDITION), EDITION))
    keys = [tuple(r) for r in table[["indicator", "region", "period", "category", "unit"]].itertuples(index=False)]
    known = {k: v for k, v, p in zip(keys, table["value"], table["published"], strict=True) if p}
    hidden = {k for k, p in zip(keys, table["published"], strict=True) if not p}
    regions = sorted({k[1] for k in keys} - {ALL})
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
            if unit in COUNTS and area == ALL:  # all regions minus the other regions
                members = [(ind, r, period, cat, unit) for r in regions]
                unknown = [m for m in members if m not in known]
                if (ind, area, period, cat, unit) in known and len(unknown) == 1:
                    learn(unknown[0], known[(ind, area, period, cat, unit)] - sum(known.get(m, 0) for m in members))
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


def test_attack_on_the_example_edition_recovers_nothing(edition: Path):
    """No hidden value comes back from the eleven regions' published files."""
    assert attack(edition) == {}


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


def test_attack_on_the_weakened_set_recovers_the_known_cells(weakened: Path):
    """Without complementary suppression the attack gives back the small counts worked out
    by hand above (all regions minus the others, then the total minus its categories)."""
    recovered = attack(weakened)
    assert {k: recovered.get(k) for k in WEAKENED_RECOVERED} == WEAKENED_RECOVERED


def test_audit_disclosure_on_the_weakened_set_reports_them(weakened: Path, capsys):
    """Exit code 1; every one of those cells is reported with its exact value."""
    assert main(["audit-disclosure", "--out", str(weakened), "--edition", str(EDITION)]) == 1
    out = capsys.readouterr().out
    for (ind, region, period, category, unit), value in WEAKENED_RECOVERED.items():
        line = f"{ind} {region} {period} {category!r} ({unit}): af te leiden tot tussen {value:.2f} en {value:.2f}"
        assert line in out.splitlines()
