"""A small world for the distribution tests: data, built PDFs, and a real SMTP server.

The SMTP server is aiosmtpd, run in the test process on a free port of 127.0.0.1; it
keeps every message it accepts, and can refuse addresses, require a login, or drop the
connection after a number of messages.
"""

from __future__ import annotations

import email
import hashlib
import io
import shutil
import socket
import ssl
from email import policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from data_helpers import MINIMAL
from reportlab.pdfgen.canvas import Canvas

from reportgen.cli import main

CONTENT = Path(__file__).parent.parent / "content"
SENDER = "Zorgkantoor <regioplannen@zorgkantoor.example>"
PROVIDERS = (
    # agb, name, addresses, location municipalities (0193 Zwolle, 0402 Hilversum: 't Gooi)
    ("01234567", "Zorggroep Voorbeeld", "zorginkoop@voorbeeld.example.org", ("0193",)),
    ("11111111", "Stichting Twee Regio's", "info@twee.example.org;zorg@twee.example.org", ("0193", "0402")),
    ("22222222", "Stichting De Gooise Kade", "post@kade.example.org", ("0402",)),
    ("33333333", "Stichting Het Anker", "anker@anker.example.org", ("0193",)),
    ("44444444", "Stichting De Bron", "bron@bron.example.org", ("0193",)),
)
BUILT = ("zwolle", "t-gooi", "amsterdam")


def small_pdf(text: str) -> bytes:
    """A one-page PDF saying `text`."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_world(root: Path, providers=PROVIDERS, regions=BUILT) -> tuple[Path, Path]:
    """A data folder (minimal data plus these providers and recipients) and an output folder with
    PDFs of `regions`, and the files that must never be sent beside them. Returns (data, out)."""
    data = root / "data"
    shutil.copytree(MINIMAL, data)
    aanbieders = ["agb_code,naam,contractsegment"] + [f"{agb},{name},GGZ" for agb, name, _, _ in providers]
    (data / "aanbieders.csv").write_text("\n".join(aanbieders) + "\n", encoding="utf-8")
    locations = ["locatie_id,agb_code,postcode,gemeentecode"]
    for agb, _, _, places in providers:
        for gem in places:
            locations.append(f"L{len(locations):06d},{agb},{'8011AB' if gem == '0193' else '1211AB'},{gem}")
    (data / "locaties.csv").write_text("\n".join(locations) + "\n", encoding="utf-8")
    rows = ["agb_code,naam,email,documenten,regios"] + [f'{a},{n},"{e}",,' for a, n, e, _ in providers]
    (data / "ontvangers.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = root / "out"
    edition = out / "2023"
    edition.mkdir(parents=True)
    for region in regions:
        stem = f"regioplan-ggz-2023-2024-{region}"
        (edition / f"{stem}.pdf").write_bytes(small_pdf(f"Regioplan {region}"))
        (edition / f"{stem}.pptx").write_bytes(b"not to be sent")
        (edition / f"{stem}-audit.csv").write_text("indicator,value\n", encoding="utf-8")
    return data, out


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """aiosmtpd handler: keeps accepted messages; may refuse addresses or drop the connection."""

    def __init__(self, refuse: tuple[str, ...] = (), drop_after: int | None = None) -> None:
        self.refuse = set(refuse)
        self.drop_after = drop_after
        self.received: list[tuple[list[str], EmailMessage]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            server.transport.close()
            return "421 4.3.0 going away"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def check_login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    """Accept only user 'verzender' with password 'juist'."""
    ok = auth_data.login == b"verzender" and auth_data.password == b"juist"
    return AuthResult(success=ok, handled=False)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files (the test's own little CA)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


class SmtpServer:
    """A running aiosmtpd on 127.0.0.1; use as a context manager.

    With `login` it accepts only user 'verzender' with password 'juist'; with `tls` (a
    certificate and key) it requires STARTTLS before anything else.
    """

    def __init__(self, mailbox: Mailbox, login: bool = False, tls: tuple[Path, Path] | None = None) -> None:
        self.mailbox = mailbox
        self.port = free_port()
        extra: dict = {"authenticator": check_login, "auth_require_tls": tls is not None} if login else {}
        if tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*tls)
            extra.update(tls_context=context, require_starttls=True)
        self.controller = Controller(mailbox, hostname="127.0.0.1", port=self.port, **extra)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def distribute(data: Path, out: Path, *args: str, port: int | None = None, content: Path = CONTENT) -> int:
    """Run `reportgen distribute` on the test world; SMTP without login on `port`."""
    argv = ["distribute", *args, "--data", str(data), "--out", str(out), "--content", str(content)]
    argv += ["--from", SENDER, "--quiet"]
    if port is not None:
        argv += ["--smtp-host", "127.0.0.1", "--smtp-port", str(port)]
        if "--smtp-security" not in args:
            argv += ["--smtp-security", "geen"]
        if "--smtp-user" not in args:
            argv += ["--smtp-user", ""]
    return main(argv)


def attachments(message: EmailMessage) -> dict[str, bytes]:
    """File name -> bytes of every attachment."""
    return {part.get_filename(): part.get_content() for part in message.iter_attachments()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def all_header_addresses(message: EmailMessage) -> set[str]:
    """Every address in any header of the message (From, To, Cc, Reply-To, ...)."""
    found: set[str] = set()
    for name, value in message.items():
        if "@" not in str(value) or name.lower() == "message-id":
            continue
        for _, address in email.utils.getaddresses([str(value)]):
            if address:
                found.add(address)
    return found
