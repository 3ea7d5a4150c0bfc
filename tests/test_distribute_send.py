"""`reportgen distribute --send` against a real SMTP server (aiosmtpd) in the test process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from distribute_helpers import (
    PROVIDERS,
    Mailbox,
    SmtpServer,
    all_header_addresses,
    attachments,
    distribute,
    free_port,
    self_signed_certificate,
    sha256,
    small_pdf,
    write_world,
)

from reportgen.distribute.command import EXIT_SEND_FAILED
from reportgen.distribute.ledger import ledger_path

LETTER = "begeleidende-brief-2023-{agb}.pdf"
ZWOLLE = "regioplan-ggz-2023-2024-zwolle.pdf"
GOOI = "regioplan-ggz-2023-2024-t-gooi.pdf"
EXPECTED = {
    "01234567": {ZWOLLE},
    "11111111": {ZWOLLE, GOOI},
    "22222222": {GOOI},
    "33333333": {ZWOLLE},
    "44444444": {ZWOLLE},
}
"""Per provider, the documents it must get: those of the regions where it has a location."""


@pytest.fixture()
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1690000000")
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan") == 0
    return data, out


def ledger_rows(out: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(ledger_path(out, 2023)) as db:
        return sorted(db.execute("SELECT agb_code, message_id FROM verzonden"))


def addresses_of(agb: str) -> set[str]:
    return {set_ for p in PROVIDERS if p[0] == agb for set_ in p[2].split(";")}


def test_full_send_delivers_each_provider_exactly_its_files(world: tuple[Path, Path]) -> None:
    """One message per provider, to its own addresses only, with its cover letter and exactly
    the PDFs of its regions (sha256 equal to the built files); never a PPTX, audit or other region."""
    data, out = world
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
    received = server.mailbox.received
    assert len(received) == len(PROVIDERS)
    seen = set()
    for rcpt_tos, message in received:
        agb = next(a for a in EXPECTED if any(addr in addresses_of(a) for addr in rcpt_tos))
        seen.add(agb)
        assert set(rcpt_tos) == addresses_of(agb)
        assert all_header_addresses(message) == addresses_of(agb) | {"regioplannen@zorgkantoor.example"}
        files = attachments(message)
        assert set(files) == EXPECTED[agb] | {LETTER.format(agb=agb)}
        for name, data_bytes in files.items():
            source = out / "2023" / ("distributie/brieven/" + name if name.startswith("begeleidende") else name)
            assert sha256(data_bytes) == sha256(source.read_bytes())
    assert seen == set(EXPECTED)
    assert [agb for agb, _ in ledger_rows(out)] == sorted(EXPECTED)


def test_second_send_sends_nothing(world: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """After a complete send, running --send again delivers no message."""
    data, out = world
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
        capsys.readouterr()
        assert distribute(data, out, "--send", port=server.port) == 0
    assert len(server.mailbox.received) == len(PROVIDERS)
    assert "nothing to send (5 sent before)" in capsys.readouterr().out


def test_dropped_connection_leaves_a_true_ledger_and_the_rerun_completes(
    world: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The server drops the connection at the fourth message: the ledger holds exactly the three
    accepted; the rerun sends the other two and nobody gets a message twice."""
    data, out = world
    with SmtpServer(Mailbox(drop_after=3)) as server:
        assert distribute(data, out, "--send", port=server.port) == EXIT_SEND_FAILED
    first = server.mailbox.received
    assert len(first) == 3
    accepted = {m["Message-ID"] for _, m in first}
    assert {mid for _, mid in ledger_rows(out)} == accepted
    assert "closed the connection" in capsys.readouterr().err
    with SmtpServer(Mailbox()) as again:
        assert distribute(data, out, "--send", port=again.port) == 0
    second = {m["Message-ID"] for _, m in again.mailbox.received}
    assert len(again.mailbox.received) == 2 and not second & accepted
    assert len(ledger_rows(out)) == len(PROVIDERS)


def test_refused_address_is_not_recorded_and_the_others_go(world: tuple[Path, Path], capsys) -> None:
    """A provider whose address the server refuses is reported, not recorded; the rest is sent."""
    data, out = world
    with SmtpServer(Mailbox(refuse=("post@kade.example.org",))) as server:
        assert distribute(data, out, "--send", port=server.port) == EXIT_SEND_FAILED
    assert "22222222" not in {agb for agb, _ in ledger_rows(out)}
    assert len(ledger_rows(out)) == len(PROVIDERS) - 1
    assert "Stichting De Gooise Kade (AGB 22222222): the server refused every address" in capsys.readouterr().err


def test_server_down_sends_and_records_nothing(world: tuple[Path, Path], capsys) -> None:
    """Nothing listens on the port: a clear message, exit 3, an empty ledger."""
    data, out = world
    assert distribute(data, out, "--send", port=free_port()) == EXIT_SEND_FAILED
    assert "cannot reach the mail server 127.0.0.1:" in capsys.readouterr().err
    assert ledger_rows(out) == []


def test_login_failure_names_the_user_and_never_the_password(
    world: tuple[Path, Path], capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong password: refused login reported with the user, the password nowhere in the output."""
    data, out = world
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "fout-wachtwoord-42")
    with SmtpServer(Mailbox(), login=True) as server:
        code = distribute(data, out, "--send", "--smtp-user", "verzender", port=server.port)
    captured = capsys.readouterr()
    assert code == EXIT_SEND_FAILED
    assert "refused the login of 'verzender'" in captured.err
    assert "fout-wachtwoord-42" not in captured.out + captured.err
    assert ledger_rows(out) == [] and server.mailbox.received == []
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "juist")
    with SmtpServer(Mailbox(), login=True) as server:
        assert distribute(data, out, "--send", "--smtp-user", "verzender", port=server.port) == 0
    assert len(server.mailbox.received) == len(PROVIDERS)


def test_a_build_after_the_plan_stops_the_send(world: tuple[Path, Path], capsys) -> None:
    """A PDF that changed since the plan (hash mismatch) stops the send before anything goes."""
    data, out = world
    (out / "2023" / ZWOLLE).write_bytes(small_pdf("Regioplan zwolle, opnieuw gebouwd"))
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 1
    assert server.mailbox.received == []
    assert f"{ZWOLLE} changed after the plan was made" in capsys.readouterr().err


def test_changed_pdf_is_sent_again_only_when_asked(world: tuple[Path, Path]) -> None:
    """After a full send and a rebuild of Zwolle, a new plan sends nothing, unless --resend-changed:
    then only the providers with a Zwolle document get it again."""
    data, out = world
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
    (out / "2023" / ZWOLLE).write_bytes(small_pdf("Regioplan zwolle, verbeterd"))
    assert distribute(data, out, "--plan") == 0
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
        assert server.mailbox.received == []
        assert distribute(data, out, "--send", "--resend-changed", port=server.port) == 0
    again = sorted(rcpt[0] for rcpt, _ in server.mailbox.received)
    assert len(again) == 4 and "post@kade.example.org" not in again
    for _, message in server.mailbox.received:
        assert sha256(attachments(message)[ZWOLLE]) == sha256((out / "2023" / ZWOLLE).read_bytes())


def test_rate_limit_spaces_the_messages(world: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """--rate 6 (one per 10 s) waits up to 10 s between messages, minus the time sending took."""
    data, out = world
    waits: list[float] = []
    monkeypatch.setattr("reportgen.distribute.smtp.pause", waits.append)
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", "--rate", "6", port=server.port) == 0
    assert len(waits) == len(PROVIDERS) - 1
    assert all(8 < w <= 10 for w in waits)


def test_a_region_distributed_later_still_goes_to_a_provider_that_got_another(world: tuple[Path, Path]) -> None:
    """Zwolle first, 't Gooi later: the provider in both regions gets the 't Gooi PDF the second time."""
    data, out = world
    assert distribute(data, out, "--plan", "--region", "zwolle") == 0
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
    assert len(server.mailbox.received) == 4
    assert distribute(data, out, "--plan", "--region", "t-gooi") == 0
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
    got = {
        rcpt[0]: set(attachments(m)) - {LETTER.format(agb=m["Message-ID"].split(".")[1])}
        for rcpt, m in server.mailbox.received
    }
    assert got == {"info@twee.example.org": {GOOI}, "post@kade.example.org": {GOOI}}


def test_starttls_with_login(world: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """STARTTLS (certificate checked against the trusted one) and then the login: everything is sent."""
    data, out = world
    cert, key = self_signed_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    monkeypatch.setenv("REPORTGEN_SMTP_PASSWORD", "juist")
    with SmtpServer(Mailbox(), login=True, tls=(cert, key)) as server:
        args = ("--send", "--smtp-security", "starttls", "--smtp-user", "verzender")
        assert distribute(data, out, *args, port=server.port) == 0
    assert len(server.mailbox.received) == len(PROVIDERS)
