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
    changed: list[Delivery]  # the provider got these documents before in another version; needs --resend-changed


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

    def accepted(self, edition: int) -> tuple[set[str], dict[str, set[str]]]:
        """The message ids accepted in an edition, and per AGB code the files sent to it."""
        rows = self.connection.execute(
            "SELECT message_id, agb_code, bestanden FROM verzonden WHERE editie = ?", (edition,)
        )
        ids: set[str] = set()
        files: dict[str, set[str]] = {}
        for message, agb, sent in rows:
            ids.add(str(message))
            files.setdefault(str(agb), set()).update(str(name) for name, _ in json.loads(sent))
        return ids, files

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
        """Which deliveries still have to go.

        Never one accepted before. One whose documents were all sent to the provider before,
        in another version, only when asked. One with a document the provider never got
        (e.g. a region distributed later) always.
        """
        ids, sent = self.accepted(edition)
        to_send, already, changed = [], [], []
        for d in deliveries:
            before = sent.get(d.recipient.agb_code, set())
            if d.message_id in ids:
                already.append(d)
            elif before and {a.file for a in d.documents()} <= before and not resend_changed:
                changed.append(d)
            else:
                to_send.append(d)
        return Selection(to_send, already, changed)
