"""Sending settings: the `verzending` block of layouts/settings.yaml, overridden by the command line.

Host, port, security, user and sender address are configuration; the password is not:
it comes only from the environment or a prompt, so it never lands in a file or a log.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportgen.data.addresses import ADDRESS
from reportgen.distribute.smtp import SECURITY, SmtpSettings
from reportgen.errors import LayoutError, Problem, UsageError
from reportgen.layout.load import LAYOUT_DIR
from reportgen.yamlfile import LineDict, load_yaml_with_lines

SETTINGS = LAYOUT_DIR / "settings.yaml"
BLOCK = "verzending"
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "geen": 25}


def settings_block(path: Path = SETTINGS) -> dict:
    """The `verzending` block ({} when absent)."""
    data = load_yaml_with_lines(path)
    block = data.get(BLOCK) if isinstance(data, LineDict) else None
    if block is None:
        return {}
    if not isinstance(block, dict):
        raise LayoutError([Problem(f"'{BLOCK}' must be a mapping", str(path), data.line_of(BLOCK))])
    return dict(block)


def sender_address(args: argparse.Namespace, block: dict) -> str:
    """The From address: --from, else verzending.afzender; checked."""
    from email.utils import parseaddr

    sender = args.sender or block.get("afzender")
    if not sender:
        raise UsageError(f"no sender address: set '{BLOCK}: afzender' in {SETTINGS} or give --from")
    if not ADDRESS.fullmatch(parseaddr(str(sender))[1]):
        raise UsageError(f"sender {sender!r} is not a valid e-mail address")
    return str(sender)


def smtp_settings(args: argparse.Namespace, block: dict) -> SmtpSettings:
    """Where and how to send, from the command line or else the settings file."""
    security = str(args.smtp_security or block.get("beveiliging") or "starttls").lower()
    if security not in SECURITY:
        raise UsageError(f"security {security!r}: choose from {', '.join(SECURITY)}")
    host = args.smtp_host or block.get("smtp_server")
    if not host:
        raise UsageError(f"no SMTP server: set '{BLOCK}: smtp_server' in {SETTINGS} or give --smtp-host")
    port = args.smtp_port or block.get("smtp_poort") or DEFAULT_PORTS[security]
    try:
        port = int(port)
    except (TypeError, ValueError):
        raise UsageError(f"SMTP port {port!r} is not a number") from None
    user = args.smtp_user if args.smtp_user is not None else block.get("gebruiker")
    return SmtpSettings(str(host), port, security, str(user) if user else None, sender_address(args, block))
