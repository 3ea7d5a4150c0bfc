"""The send ledger: an SQLite file beside the outputs with every message the server accepted.

A row is written, and committed, only after the SMTP server accepted the message, so the
ledger never claims more than was delivered; a failure midway leaves exactly the accepted
messages in it. A later `--send` skips them: a provider is sent the same plan only once,
and a changed document again only when asked (`--resend-changed`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportgen.distribute.plan import FOLDER, Delivery

FILE = "verzendlog.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS verzonden (
    message_id TEXT PRIMARY KEY,
    editie INTEGER NOT NULL,
    agb_code TEXT NOT NULL,
    adressen TEXT NOT NULL,
    bestanden TEXT NOT NULL,
    geaccepteerd TEXT NOT NULL
)
"""


def ledger_path(out_dir: Path, edition: int) -> Path:
    """Where the ledger of an edition lives."""
    return Path(out_dir) / str(edition) / FOLDER / FILE


@dataclass(frozen=True)
class Selection:
    """The plan's deliveries split by what the ledger says about them."""

    to_send: list[Delivery]
    already_sent: list[Delivery]
    changed: list[Delivery]  # the provider was sent other files before; left out without --resend-changed


class Ledger:
    """The ledger file, opened; use as a context manager."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path)
        self.connection.execute(SCHEMA)
        self.connection.commit()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()

    def accepted(self, edition: int) -> list[tuple[str, str]]:
        """(message id, AGB code) of every accepted message of an edition."""
        rows = self.connection.execute(
            "SELECT message_id, agb_code FROM verzonden WHERE editie = ? ORDER BY geaccepteerd, message_id",
            (edition,),
        )
        return [(str(m), str(a)) for m, a in rows]

    def record(self, edition: int, delivery: Delivery, when: datetime) -> None:
        """Record one message the server accepted, committed at once."""
        files = [[a.file, a.sha256] for a in delivery.attachments]
        self.connection.execute(
            "INSERT OR REPLACE INTO verzonden VALUES (?, ?, ?, ?, ?, ?)",
            (
                delivery.message_id,
                edition,
                delivery.recipient.agb_code,
                ";".join(delivery.recipient.addresses),
                json.dumps(files),
                when.isoformat(timespec="seconds"),
            ),
        )
        self.connection.commit()

    def selection(self, edition: int, deliveries: list[Delivery], resend_changed: bool) -> Selection:
        """Which deliveries still have to go: never one accepted before, a changed one only when asked."""
        accepted = self.accepted(edition)
        ids = {m for m, _ in accepted}
        providers = {a for _, a in accepted}
        to_send, already, changed = [], [], []
        for d in deliveries:
            if d.message_id in ids:
                already.append(d)
            elif d.recipient.agb_code in providers and not resend_changed:
                changed.append(d)
            else:
                to_send.append(d)
        return Selection(to_send, already, changed)
