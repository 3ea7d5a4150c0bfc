"""The GZ waiting-list figures on hand-built data, against values worked out by hand."""

from __future__ import annotations

import pytest
from indicator_builders import DatasetBuilder
from regioanalyse_builders import gz_client, value

from reportgen.data.schema import Dataset
from reportgen.kinds.regioanalyse_gz.figures import waiting


def spell(b: DatasetBuilder, klant_id: str, profile: str, status: str, van: str, op: str | None) -> None:
    """A waiting spell with its placement date (None: still waiting)."""
    b.rows["wachtperiodes"].append(
        {"klant_id": klant_id, "zorgprofiel": profile, "status": status, "wacht_van": van, "geplaatst_op": op}
    )


def waiting_data() -> Dataset:
    """Four GZ clients in care in 2022 and 2023 in 't Gooi; streefnorm actief VG 13 weeks, urgent LG 2 weeks."""
    b = DatasetBuilder().region("0402", "t-gooi")
    b.provider("01000001", "GZ")
    for i in range(4):
        gz_client(b, f"K000000{i}", "0402", years=(2022, 2023))
    for i in range(6):
        b.client(f"K000010{i}", "0402")
    b.waiting("2022-01", "K0000100", "VG3", "actief").waiting("2022-01", "K0000101", "VG3", "actief")
    b.waiting("2022-01", "K0000102", "LG2", "urgent").waiting("2022-01", "K0000103", "VG5", "wacht op voorkeur")
    b.waiting("2022-01", "K0000104", "GGZ-W3", "actief").waiting("2022-01", "K0000105", "VG3", "niet-actief")
    b.rows["streefnormen"] += [
        {"status": "actief", "classificatie": "VG", "weken": 13},
        {"status": "urgent", "classificatie": "LG", "weken": 2},
    ]
    spell(b, "K0000100", "VG3", "actief", "2023-01-01", "2023-05-01")  # 120 days: 17,1 weeks, late
    spell(b, "K0000101", "VG4", "actief", "2023-01-01", "2023-02-01")  # 31 days: 4,4 weeks
    spell(b, "K0000102", "LG2", "urgent", "2023-01-01", "2023-01-10")  # 9 days: 1,3 weeks
    spell(b, "K0000103", "VG3", "actief", "2022-01-01", "2022-12-01")  # placed in 2022: not in 2023
    spell(b, "K0000104", "VG5", "wacht op voorkeur", "2022-01-01", "2022-03-12")  # 70 days: 10 weeks
    spell(b, "K0000105", "VG5", "wacht op voorkeur", "2022-02-01", "2022-02-15")  # 14 days: 2 weeks
    spell(b, "K0000001", "VG5", "wacht op voorkeur", "2022-06-01", None)  # still waiting
    return b.build()


def test_waiting_as_share_of_clients_in_care() -> None:
    """January 2022: 3 actief/urgent GZ waiters (not GGZ, not niet-actief) and 1 on preference, of 4 in care."""
    frame = waiting.gz_wachtend(waiting_data(), 2023)
    assert value(frame, "gz_wachtend", "t-gooi", "2022-01", "actief/urgent", "wachtenden") == 3
    assert value(frame, "gz_wachtend", "t-gooi", "2022-01", "actief/urgent", "aandeel") == pytest.approx(0.75)
    assert value(frame, "gz_wachtend", "t-gooi", "2022-01", "wacht op voorkeur", "aandeel") == pytest.approx(0.25)


def test_placements_outside_the_streefnorm() -> None:
    """Placed in 2023 while actief/urgent: 3; late: the 3VG one (17,1 > 13 weeks). Total 1 of 3."""
    frame = waiting.gz_buiten_streefnorm(waiting_data(), 2023)
    assert value(frame, "gz_buiten_streefnorm", "t-gooi", "2023", "totaal", "wachtenden") == 1
    assert value(frame, "gz_buiten_streefnorm", "t-gooi", "2023", "totaal", "aandeel") == pytest.approx(1 / 3)
    assert value(frame, "gz_buiten_streefnorm", "t-gooi", "2023", "3VG", "aandeel") == pytest.approx(1.0)
    assert value(frame, "gz_buiten_streefnorm", "t-gooi", "2023", "4VG", "aandeel") == pytest.approx(0.0)
    assert value(frame, "gz_buiten_streefnorm", "t-gooi", "2023", "LG", "aandeel") == pytest.approx(0.0)


def test_weeks_until_placement_of_preference_waiters() -> None:
    """Placed in 2022 after waiting for their preference: 10 and 2 weeks, mean 6 (5VG and in total)."""
    frame = waiting.gz_wachttijd_voorkeur(waiting_data(), 2023)
    assert value(frame, "gz_wachttijd_voorkeur", "t-gooi", "2022", "5VG") == 2
    assert value(frame, "gz_wachttijd_voorkeur_weken", "t-gooi", "2022", "5VG") == pytest.approx(6.0)
    assert value(frame, "gz_wachttijd_voorkeur_weken", "t-gooi", "2022", "totaal") == pytest.approx(6.0)
