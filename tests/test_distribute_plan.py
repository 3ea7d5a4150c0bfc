"""`reportgen distribute --plan` and `--dry-run`: what each provider gets, errors, encryption, template."""

from __future__ import annotations

import csv
import email
import io
import shutil
from email import policy
from pathlib import Path

import pytest
from distribute_helpers import (
    CONTENT,
    PROVIDERS,
    Mailbox,
    SmtpServer,
    all_header_addresses,
    attachments,
    distribute,
    sha256,
    write_world,
)
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from reportgen.data.load import load_dataset
from reportgen.data.synth.recipients import EXAMPLE_DOMAIN
from reportgen.distribute.documents import document_kinds
from reportgen.distribute.encrypt import password_list_path, read_passwords
from reportgen.distribute.manifest import manifest_path
from reportgen.distribute.template import distribution_problems
from reportgen.pipeline import example_dataset


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1690000000")


def plan_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(manifest_path(out, 2023).read_text(encoding="utf-8"))))


def test_provider_in_two_regions_gets_both_and_nothing_else(tmp_path: Path) -> None:
    """The plan gives a provider with locations in Zwolle and 't Gooi the PDFs of both regions and its
    cover letter; no PPTX, audit file or PDF of a third region is ever listed."""
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan") == 0
    rows = plan_rows(out)
    files = {r["bestand"] for r in rows if r["agb_code"] == "11111111"}
    assert files == {
        "distributie/brieven/begeleidende-brief-2023-11111111.pdf",
        "regioplan-ggz-2023-2024-zwolle.pdf",
        "regioplan-ggz-2023-2024-t-gooi.pdf",
    }
    assert all(r["bestand"].endswith(".pdf") and "amsterdam" not in r["bestand"] for r in rows)
    assert {r["regios"] for r in rows if r["agb_code"] == "11111111"} == {"t-gooi;zwolle"}
    for row in rows:
        assert row["sha256"] == sha256((out / "2023" / row["bestand"]).read_bytes())


def test_region_option_limits_the_plan(tmp_path: Path) -> None:
    """--region t-gooi: only providers with a location there, only the 't Gooi PDF."""
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan", "--region", "t-gooi") == 0
    documents = {(r["agb_code"], r["bestand"]) for r in plan_rows(out) if r["soort"] != "begeleidende-brief"}
    assert documents == {
        ("11111111", "regioplan-ggz-2023-2024-t-gooi.pdf"),
        ("22222222", "regioplan-ggz-2023-2024-t-gooi.pdf"),
    }


def test_recipient_may_ask_for_fewer_regions_but_never_another(tmp_path: Path, capsys) -> None:
    """regios narrows what a provider gets; a region without its location is an error."""
    data, out = write_world(tmp_path)
    recipients = data / "ontvangers.csv"
    text = recipients.read_text(encoding="utf-8")
    recipients.write_text(
        text.replace('"info@twee.example.org;zorg@twee.example.org",,', '"info@twee.example.org",,t-gooi')
    )
    assert distribute(data, out, "--plan") == 0
    assert {r["regio"] for r in plan_rows(out) if r["agb_code"] == "11111111"} == {"", "t-gooi"}
    recipients.write_text(text.replace('"anker@anker.example.org",,', '"anker@anker.example.org",,t-gooi'))
    assert distribute(data, out, "--plan") == 1
    assert "Stichting Het Anker (AGB 33333333): region 't-gooi' is asked for" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda t: t + '99999999,Onbekend,"a@b.example.org",,\n',
            "ontvangers.csv:7: column 'agb_code': unknown provider '99999999' (not in aanbieders.csv)",
        ),
        (
            lambda t: t.replace("bron@bron.example.org", "bron@bron"),
            "ontvangers.csv:6: column 'email': not a valid e-mail address: 'bron@bron'",
        ),
        (
            lambda t: t.replace('"bron@bron.example.org",,', '"bron@bron.example.org",jaarverslag,'),
            "Stichting De Bron (AGB 44444444): unknown document 'jaarverslag' in documenten",
        ),
    ],
)
def test_recipient_errors_name_file_line_or_provider(tmp_path: Path, capsys, change, expected: str) -> None:
    """Bad recipients stop the plan with a message naming the file and line or the provider."""
    data, out = write_world(tmp_path)
    path = data / "ontvangers.csv"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert distribute(data, out, "--plan") == 1
    assert expected in capsys.readouterr().err
    assert not manifest_path(out, 2023).exists()


def test_provider_without_any_document_is_an_error(tmp_path: Path, capsys) -> None:
    """A recipient whose provider has no location in any region has nothing to get: an error."""
    providers = (*PROVIDERS, ("55555555", "Stichting Zonder Locatie", "leeg@leeg.example.org", ()))
    data, out = write_world(tmp_path, providers)
    assert distribute(data, out, "--plan") == 1
    err = capsys.readouterr().err
    assert "Stichting Zonder Locatie (AGB 55555555): no document to send" in err
    assert not manifest_path(out, 2023).exists()


def test_missing_pdf_is_an_error(tmp_path: Path, capsys) -> None:
    """A region of a provider without its built PDF: the plan names the file and the fix."""
    data, out = write_world(tmp_path, regions=("zwolle",))
    assert distribute(data, out, "--plan") == 1
    err = capsys.readouterr().err
    assert "the PDF regioplan-ggz-2023-2024-t-gooi.pdf of region t-gooi is missing" in err
    assert "reportgen build --region t-gooi --format pdf" in err


def test_send_without_a_plan_is_refused(tmp_path: Path, capsys) -> None:
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--send", port=1) == 1
    assert "no plan to send from" in capsys.readouterr().err


def test_dry_run_writes_one_reviewable_message_per_provider(tmp_path: Path) -> None:
    """--dry-run writes an .eml per provider: its own addresses only, subject and body from the template."""
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan") == 0
    outbox = tmp_path / "outbox"
    assert distribute(data, out, "--dry-run", "--outbox", str(outbox)) == 0
    files = sorted(outbox.glob("*.eml"))
    assert len(files) == len(PROVIDERS)
    message = email.message_from_bytes(
        (outbox / "11111111-stichting-twee-regio-s.eml").read_bytes(), policy=policy.default
    )
    assert all_header_addresses(message) == {
        "info@twee.example.org",
        "zorg@twee.example.org",
        "regioplannen@zorgkantoor.example",
    }
    assert message["Subject"] == "Regiodocumenten 2023/2024 voor Stichting Twee Regio's"
    body = message.get_body(("plain",)).get_content()
    assert "'t Gooi en Zwolle" in body
    assert len(attachments(message)) == 3
    assert not (out / "2023" / "distributie" / "verzendlog.sqlite").exists()


def test_cover_letter_names_provider_regions_and_documents(tmp_path: Path) -> None:
    """The cover letter's text names the provider, its regions and every enclosed document."""
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan") == 0
    letter = out / "2023" / "distributie" / "brieven" / "begeleidende-brief-2023-11111111.pdf"
    text = " ".join(PdfReader(letter).pages[0].extract_text().split())
    assert "Stichting Twee Regio's" in text and "'t Gooi en Zwolle" in text
    assert "regioplan-ggz-2023-2024-zwolle.pdf" in text and "regioplan-ggz-2023-2024-t-gooi.pdf" in text
    assert "22 juli 2023" in text


def test_encrypted_pdfs_open_only_with_the_providers_password(tmp_path: Path) -> None:
    """--plan --encrypt: every attachment is AES-256 encrypted; it opens with the password from the
    sender's list and not without; the list itself is never attached."""
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan", "--encrypt") == 0
    passwords = read_passwords(password_list_path(out, 2023))
    assert set(passwords) == {p[0] for p in PROVIDERS} and len(set(passwords.values())) == len(PROVIDERS)
    with SmtpServer(Mailbox()) as server:
        assert distribute(data, out, "--send", port=server.port) == 0
    for rcpt, message in server.mailbox.received:
        agb = next(p[0] for p in PROVIDERS if rcpt[0] in p[2])
        files = attachments(message)
        assert "wachtwoorden.csv" not in files
        for data_bytes in files.values():
            reader = PdfReader(io.BytesIO(data_bytes))
            assert reader.is_encrypted
            encryption = reader.trailer["/Encrypt"]
            assert encryption["/V"] == 5 and encryption["/CF"]["/StdCF"]["/CFM"] == "/AESV3"  # AES-256
            with pytest.raises(FileNotDecryptedError):
                reader.pages[0].extract_text()
            assert not PdfReader(io.BytesIO(data_bytes), password=None).decrypt("verkeerd")
            opened = PdfReader(io.BytesIO(data_bytes), password=passwords[agb])
            assert opened.pages[0].extract_text()
        assert "wachtwoord" in message.get_body(("plain",)).get_content()


def test_a_new_plan_keeps_the_passwords(tmp_path: Path) -> None:
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--plan", "--encrypt") == 0
    first = read_passwords(password_list_path(out, 2023))
    assert distribute(data, out, "--plan", "--encrypt") == 0
    assert read_passwords(password_list_path(out, 2023)) == first


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    data, out = write_world(tmp_path)
    assert distribute(data, out, "--dry-run") == 2
    assert distribute(data, out, "--send", "--encrypt") == 2
    assert distribute(data, out, "--plan", "--region", "nergens") == 2


def test_the_editions_template_passes_the_check() -> None:
    assert distribution_problems(CONTENT, 2023) == []


def test_template_errors_name_file_and_line(tmp_path: Path) -> None:
    """An unknown variable and a missing key are errors with file and line; no folder is a warning."""
    folder = tmp_path / "2023" / "distributie"
    folder.mkdir(parents=True)
    text = (CONTENT / "2023" / "distributie" / "sjabloon.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("onderwerp:"))
    lines[at] = 'onderwerp: "Documenten voor {{ aanbeider }}"'
    (folder / "sjabloon.yaml").write_text("\n".join(lines).replace("ondertekening:", "ondertekenen:"), encoding="utf-8")
    found = [str(p) for p in distribution_problems(tmp_path, 2023)]
    source = str(folder / "sjabloon.yaml")
    assert any(
        f.startswith(f"{source}:") and "unknown key 'ondertekenen' (did you mean 'ondertekening'?)" in f for f in found
    )
    assert any("'ondertekening' is missing" in f for f in found)
    (folder / "sjabloon.yaml").write_text("\n".join(lines), encoding="utf-8")
    found = [str(p) for p in distribution_problems(tmp_path, 2023)]
    assert found == [
        f"{source}:{at + 1}: unknown variable {{{{ aanbeider }}}} (did you mean {{{{ aanbieder }}}}?); "
        "use one of: aanbieder, aantal_bijlagen, agb_code, documenten, editie, naam, organisatie, regios, "
        "volgend_jaar"
    ]
    assert distribution_problems(tmp_path, 2024) == []  # no distribution folder: nothing to check


def test_document_kinds_come_from_the_layouts() -> None:
    kinds = document_kinds()
    assert sorted(kinds) == ["regioanalyse-gz", "regioplan-ggz"]
    assert kinds["regioanalyse-gz"].pdf_name(2023, "zwolle") == "regioanalyse-gz-2023-zwolle.pdf"
    assert kinds["regioplan-ggz"].pdf_name(2023, "t-gooi") == "regioplan-ggz-2023-2024-t-gooi.pdf"
    assert kinds["regioplan-ggz"].title_for(2023) == "Regioplan 2023/2024 GGZ"


def test_example_data_has_recipients_on_example_domains(tmp_path: Path) -> None:
    """The built-in example data (and so `reportgen synth`) has a recipient per provider, on example.org."""
    ds = example_dataset()
    assert sorted(ds.ontvangers["agb_code"]) == sorted(ds.aanbieders["agb_code"])
    addresses = [a for cell in ds.ontvangers["email"] for a in cell.split(";")]
    assert all(a.endswith("@" + EXAMPLE_DOMAIN) for a in addresses)
    assert len(addresses) > len(ds.ontvangers)
    assert load_dataset(write_world(tmp_path)[0]).ontvangers["agb_code"].tolist() == [p[0] for p in PROVIDERS]


def test_reportgen_check_reports_template_errors(tmp_path: Path) -> None:
    """`reportgen check` (pipeline.check) includes the distribution template's problems."""
    from data_helpers import MINIMAL

    from reportgen import pipeline

    content = tmp_path / "content"
    for part in ("zwolle", "landelijk", "distributie"):
        shutil.copytree(CONTENT / "2023" / part, content / "2023" / part)
    template = content / "2023" / "distributie" / "sjabloon.yaml"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ regios }}", "{{ regio }}"), encoding="utf-8")
    report = pipeline.check(pipeline.Options(regions=("zwolle",), data_dir=MINIMAL, content_dir=content))
    assert any(str(template) == p.source and "unknown variable {{ regio }}" in p.message for p in report.errors)


def test_same_inputs_give_the_same_plan_and_letters(tmp_path: Path) -> None:
    """Planning twice (same data, PDFs and date) writes byte-identical plan and cover letters."""
    data, out = write_world(tmp_path)
    folder = out / "2023" / "distributie"
    assert distribute(data, out, "--plan") == 0
    first = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert distribute(data, out, "--plan") == 0
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == first
