"""The three steps of a distribution: make the plan, fill an outbox, send.

Each step returns what it did and the problems it met; nothing here prints or chooses an
exit code (that is `command`). `--dry-run` and `--send` work from the plan on disk, after
checking that no file changed since it was made.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from reportgen.distribute.compose import letter_content, letter_date, message_texts
from reportgen.distribute.documents import document_kinds
from reportgen.distribute.encrypt import password_list_bytes, password_list_path, passwords_for, read_passwords
from reportgen.distribute.ledger import Ledger, Selection, ledger_path
from reportgen.distribute.letter import cover_letter_pdf
from reportgen.distribute.manifest import changed_since_plan, manifest_bytes, manifest_path, read_manifest
from reportgen.distribute.message import delivery_message, eml_name, sender_domain
from reportgen.distribute.plan import Delivery, letter_file, message_id, planned_deliveries, with_letter
from reportgen.distribute.template import Template, read_template
from reportgen.errors import Problem
from reportgen.write import write_all_atomic


@dataclass(frozen=True)
class Setup:
    """What every step needs: where the outputs are, the edition, the texts and the house style."""

    out_dir: Path
    edition: int
    content_dir: Path
    organisation: str
    colors: dict[str, str]
    sender: str

    @property
    def base(self) -> Path:
        """The edition's output folder: the files of a plan are relative to it."""
        return self.out_dir / str(self.edition)


@dataclass
class Outcome:
    """What a step produced, and the problems that stopped it (nothing done when there are errors)."""

    deliveries: list[Delivery] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    selection: Selection | None = None


def make_plan(setup: Setup, dataset, regions: tuple[str, ...], encrypt: bool) -> Outcome:
    """Plan every delivery, write the cover letters, the plan and (with `encrypt`) the password list."""
    template, problems = read_template(setup.content_dir, setup.edition)
    deliveries, found = planned_deliveries(dataset, document_kinds(), setup.out_dir, setup.edition, regions)
    problems += found
    if problems or template is None:
        return Outcome(problems=problems)
    day = letter_date()
    files: dict[Path, bytes] = {}
    planned: list[Delivery] = []
    for delivery in deliveries:
        content, found = letter_content(template, delivery, setup.edition, setup.organisation, day)
        problems += found
        pdf = cover_letter_pdf(content, setup.colors)
        name = letter_file(setup.edition, delivery.recipient.agb_code)
        files[setup.base / name] = pdf
        delivery = replace(with_letter(delivery, name, hashlib.sha256(pdf).hexdigest(), content.title), encrypt=encrypt)
        planned.append(replace(delivery, message_id=message_id(delivery, setup.edition, sender_domain(setup.sender))))
    if problems:
        return Outcome(problems=problems)
    files[manifest_path(setup.out_dir, setup.edition)] = manifest_bytes(planned)
    if encrypt:
        path = password_list_path(setup.out_dir, setup.edition)
        names = {d.recipient.agb_code: d.recipient.provider for d in planned}
        files[path] = password_list_bytes(names, passwords_for(names, read_passwords(path)))
    written = write_all_atomic(files)
    return Outcome(planned, [], written, _selection(setup, planned, resend_changed=False))


def _selection(setup: Setup, deliveries: list[Delivery], resend_changed: bool) -> Selection:
    path = ledger_path(setup.out_dir, setup.edition)
    if not path.is_file():
        return Selection(list(deliveries), [], [])
    with Ledger(path) as ledger:
        return ledger.selection(setup.edition, deliveries, resend_changed)


def planned_messages(setup: Setup, resend_changed: bool) -> tuple[Outcome, Template | None]:
    """The plan on disk, checked against the files, split by the ledger."""
    path = manifest_path(setup.out_dir, setup.edition)
    deliveries, problems = read_manifest(path)
    if not problems:
        problems = changed_since_plan(deliveries, setup.base, path)
    template, found = read_template(setup.content_dir, setup.edition)
    problems += found
    if problems:
        return Outcome(problems=problems), None
    return Outcome(deliveries, [], [], _selection(setup, deliveries, resend_changed)), template


def message_maker(setup: Setup, template: Template):
    """A function that makes the e-mail of one delivery, dated now."""
    passwords = read_passwords(password_list_path(setup.out_dir, setup.edition))

    def make(delivery: Delivery) -> EmailMessage:
        subject, body = message_texts(template, delivery, setup.edition, setup.organisation)
        password = passwords[delivery.recipient.agb_code] if delivery.encrypt else None
        return delivery_message(delivery, subject, body, setup.sender, setup.base, datetime.now(UTC), password)

    return make


def missing_passwords(setup: Setup, deliveries: list[Delivery]) -> list[Problem]:
    """A problem for every encrypted delivery whose password is not in the list."""
    path = password_list_path(setup.out_dir, setup.edition)
    known = read_passwords(path)
    return [
        Problem(f"{d.recipient.label}: no password in the list; make the plan again with --encrypt", str(path))
        for d in deliveries
        if d.encrypt and d.recipient.agb_code not in known
    ]


def write_outbox(setup: Setup, template: Template, deliveries: list[Delivery], outbox: Path) -> list[Path]:
    """Every message as an .eml file in `outbox`, written together."""
    make = message_maker(setup, template)
    return write_all_atomic({outbox / eml_name(d): make(d).as_bytes() for d in deliveries})
