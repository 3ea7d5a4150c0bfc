"""Optional protection: each provider's PDFs encrypted (AES-256) under its own password.

The passwords are drawn once per provider and kept in a separate list for the sender
(`wachtwoorden.csv` beside the plan), which is never attached and never in a log. A new
plan reuses a provider's password, so a password already passed on stays valid.
"""

from __future__ import annotations

import csv
import io
import secrets
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from reportgen.distribute.plan import FOLDER

FILE = "wachtwoorden.csv"
ALGORITHM = "AES-256"
ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters and digits without the look-alikes (l, 1, I, O, 0), since a person types it over."""

LENGTH = 16


def password_list_path(out_dir: Path, edition: int) -> Path:
    """Where the sender's password list of an edition is written."""
    return Path(out_dir) / str(edition) / FOLDER / FILE


def read_passwords(path: Path) -> dict[str, str]:
    """AGB code -> password from an existing list ({} when there is none)."""
    if not path.is_file():
        return {}
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return {row["agb_code"]: row["wachtwoord"] for row in rows if row.get("agb_code") and row.get("wachtwoord")}


def new_password() -> str:
    """A random password of LENGTH characters (about 92 bits)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def passwords_for(providers: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """A password per AGB code in `providers` (code -> name): the known one, else a new one."""
    return {agb: known.get(agb) or new_password() for agb in providers}


def password_list_bytes(providers: dict[str, str], passwords: dict[str, str]) -> bytes:
    """The sender's list as CSV: AGB code, provider, password."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("agb_code", "aanbieder", "wachtwoord"))
    for agb in sorted(passwords):
        writer.writerow((agb, providers.get(agb, ""), passwords[agb]))
    return buffer.getvalue().encode("utf-8")


def encrypted_pdf(data: bytes, password: str) -> bytes:
    """The PDF encrypted with AES-256: it opens only with `password`."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=None, algorithm=ALGORITHM)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
