"""One e-mail per delivery: one provider's addresses, its texts and its PDFs.

The only addresses in a message are the sender's and the provider's own: no Cc, no Bcc,
no other provider, so a message can never leak one provider's documents or address to
another. The Message-ID is the plan's, which the ledger recognises.
"""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path

from reportgen.distribute.encrypt import encrypted_pdf
from reportgen.distribute.plan import Delivery


def sender_domain(sender: str) -> str:
    """The domain of the sender's address, for Message-IDs ('zorgkantoor.example')."""
    address = parseaddr(sender)[1]
    return address.rpartition("@")[2] or "localhost"


def delivery_message(
    delivery: Delivery,
    subject: str,
    body: str,
    sender: str,
    base: Path,
    when: datetime,
    password: str | None = None,
) -> EmailMessage:
    """The message of one delivery; attachments read from `base`, encrypted when a password is given."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = [Address(addr_spec=a) for a in delivery.recipient.addresses]
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = delivery.message_id
    message.set_content(body)
    for attachment in delivery.attachments:
        data = (base / attachment.file).read_bytes()
        if password is not None:
            data = encrypted_pdf(data, password)
        name = attachment.file.rsplit("/", 1)[-1]
        message.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return message


def eml_name(delivery: Delivery) -> str:
    """The outbox file name of a delivery: '<agb>-<provider>.eml', safe on every file system."""
    safe = "".join(c if c.isalnum() else "-" for c in delivery.recipient.provider.lower()).strip("-")
    while "--" in safe:
        safe = safe.replace("--", "-")
    return f"{delivery.recipient.agb_code}-{safe[:60]}.eml"
