"""Sending over SMTP: connecting, one message at a time, and words for every failure.

A message counts as sent only when the server accepted it; only then is it recorded in
the ledger. A failure that concerns one provider (its address refused) is reported and
the others still go; a failure of the connection (server down, login refused, connection
dropped) stops the run, so the rest can follow with a later `--send` without duplicates.
The password is passed in, used for the login only, and never put in a message.
"""

from __future__ import annotations

import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr

from reportgen.distribute.ledger import Ledger
from reportgen.distribute.plan import Delivery

SECURITY = ("starttls", "ssl", "geen")
PASSWORD_VARIABLE = "REPORTGEN_SMTP_PASSWORD"


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send; the password is never part of it."""

    host: str
    port: int
    security: str
    user: str | None
    sender: str
    timeout: float = 60.0

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


class SendFailure(Exception):
    """Sending failed; `fatal` when the connection is gone and the run must stop."""

    def __init__(self, message: str, fatal: bool) -> None:
        super().__init__(message)
        self.fatal = fatal


@dataclass
class SendReport:
    """What a send run did."""

    accepted: list[Delivery] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    stopped: bool = False


def pause(seconds: float) -> None:
    """Wait between two messages (the rate limit)."""
    time.sleep(seconds)


def connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """An open, secured and logged-in connection, or SendFailure saying what went wrong."""
    try:
        if settings.security == "ssl":
            conn: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=ssl.create_default_context()
            )
        else:
            conn = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
            if settings.security == "starttls":
                conn.starttls(context=ssl.create_default_context())
        if settings.user:
            conn.login(settings.user, password or "")
        return conn
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailure(
            f"the mail server {settings.where} refused the login of '{settings.user}' ({exc.smtp_code}): "
            f"check the user name and the password (from {PASSWORD_VARIABLE} or the prompt)",
            fatal=True,
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise SendFailure(f"the mail server {settings.where} does not support this: {exc}", fatal=True) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailure(
            f"cannot reach the mail server {settings.where} ({type(exc).__name__}: {exc}); "
            "check the host, the port and the security setting (starttls, ssl or geen)",
            fatal=True,
        ) from None


def send_one(conn: smtplib.SMTP, message: EmailMessage, delivery: Delivery, sender: str) -> list[str]:
    """Hand one message to the server; the addresses it refused (empty: all accepted)."""
    label = delivery.recipient.label
    try:
        refused = conn.send_message(
            message, from_addr=parseaddr(sender)[1], to_addrs=list(delivery.recipient.addresses)
        )
    except smtplib.SMTPRecipientsRefused as exc:
        detail = "; ".join(f"{a}: {c} {m.decode(errors='replace')}" for a, (c, m) in exc.recipients.items())
        raise SendFailure(f"{label}: the server refused every address ({detail}); not sent", fatal=False) from None
    except smtplib.SMTPSenderRefused as exc:
        raise SendFailure(
            f"the server refused the sender {exc.sender} ({exc.smtp_code}); stopped", fatal=True
        ) from None
    except smtplib.SMTPDataError as exc:
        fatal = exc.smtp_code == 421 or exc.smtp_code < 500
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        raise SendFailure(f"{label}: the server did not accept the message ({exc.smtp_code} {text})", fatal) from None
    except smtplib.SMTPServerDisconnected:
        raise SendFailure(f"{label}: the server closed the connection before accepting the message", True) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailure(f"{label}: sending failed ({type(exc).__name__}: {exc})", fatal=True) from None
    return sorted(refused)


def send_all(
    deliveries: list[Delivery],
    settings: SmtpSettings,
    password: str | None,
    ledger: Ledger,
    edition: int,
    message_of: Callable[[Delivery], EmailMessage],
    progress: Callable[[int, int, str], None] | None = None,
    per_minute: float | None = None,
) -> SendReport:
    """Send every delivery in order, recording each accepted one in the ledger at once."""
    report = SendReport()
    if not deliveries:
        return report
    conn = None
    interval = 60.0 / per_minute if per_minute else 0.0
    last = None
    try:
        conn = connect(settings, password)
        for done, delivery in enumerate(deliveries):
            if progress:
                progress(done, len(deliveries), delivery.recipient.label)
            if last is not None and interval:
                pause(max(0.0, last + interval - time.monotonic()))
            last = time.monotonic()
            try:
                refused = send_one(conn, message_of(delivery), delivery, settings.sender)
            except SendFailure as failure:
                report.failures.append(str(failure))
                if failure.fatal:
                    report.stopped = True
                    break
                continue
            ledger.record(edition, delivery, datetime.now(UTC))
            report.accepted.append(delivery)
            if refused:
                report.failures.append(f"{delivery.recipient.label}: sent, but the server refused {', '.join(refused)}")
        if progress and not report.stopped:
            progress(len(deliveries), len(deliveries), "")
    except SendFailure as failure:
        report.failures.append(str(failure))
        report.stopped = True
    finally:
        if conn is not None:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                conn.close()
    return report
