"""GGZ waiting list per month and status."""

from __future__ import annotations

from indicator_builders import DatasetBuilder, values_of

from reportgen.indicators.waiting import wachtlijst


def test_wachtlijst_counts_ggz_waiters_by_status():
    """Only GGZ profiles and the three waiting statuses count, Jan 2022 up to Feb 2023."""
    b = DatasetBuilder().region("0001", "zwolle").region("0002", "utrecht")
    for i in range(1, 9):
        b.client(f"K000000{i}", "0001" if i < 8 else "0002")
    b.waiting("2022-03", "K0000001", "GGZ-W3", "urgent")
    b.waiting("2022-03", "K0000002", "GGZ-B4", "actief")
    b.waiting("2022-03", "K0000003", "GGZ-W2", "niet-actief")
    b.waiting("2022-03", "K0000004", "VG3", "urgent")
    b.waiting("2023-02", "K0000005", "GGZ-W1", "wacht op voorkeur")
    b.waiting("2023-03", "K0000006", "GGZ-W1", "urgent")
    b.waiting("2021-12", "K0000007", "GGZ-W1", "urgent")
    b.waiting("2022-03", "K0000008", "GGZ-W4", "actief")
    frame = wachtlijst(b.build(), 2023)
    periods = list(dict.fromkeys(frame["period"]))
    assert periods[0] == "2022-01" and periods[-1] == "2023-02" and len(periods) == 14
    assert values_of(frame, "zwolle", "2022-03", "wachtenden") == {
        "urgent": 1.0,
        "actief": 1.0,
        "wacht op voorkeur": 0.0,
        "totaal": 2.0,
    }
    assert values_of(frame, "zwolle", "2023-02", "wachtenden")["totaal"] == 1.0
    assert values_of(frame, "alle-regios", "2022-03", "wachtenden")["actief"] == 2.0
    # four counted waiters, each in a status and in "totaal", for their region and for all regions
    assert frame["value"].sum() == 4 * 2 * 2
