"""`reportgen distribute`: plan, review and send the PDFs to the providers.

Exit codes: 0 done (or nothing left to send), 1 the input has errors (data, template,
plan, a file changed since the plan; nothing sent), 2 the command line is wrong,
3 sending failed (server down, login refused, a message refused or the connection
dropped); what the server accepted before the failure is in the ledger, and running
--send again sends only the rest.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from reportgen.data.regions import REGION_IDS
from reportgen.errors import Problem, UsageError

EXIT_SEND_FAILED = 3
EPILOG = """steps:
  reportgen distribute --plan                      what each provider gets; writes the plan
  reportgen distribute --dry-run --outbox DIR      every message as an .eml file, nothing sent
  reportgen distribute --send                      send; a second run sends only what is left

The plan, cover letters, password list and send ledger are in <out>/<edition>/distributie/.
The SMTP password comes from $REPORTGEN_SMTP_PASSWORD or a prompt, never from a file.
Exit codes: 0 done, 1 input errors (nothing sent), 2 usage, 3 sending failed."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the `distribute` subcommand to the CLI's subparsers."""
    p = subparsers.add_parser(
        "distribute",
        help="send the built PDFs to the providers (plan, dry run, send)",
        description="Send each provider the PDFs of its regions with a cover letter, one message per provider.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    step = p.add_mutually_exclusive_group(required=True)
    step.add_argument("--plan", action="store_true", help="write the plan (CSV) and the cover letters; send nothing")
    step.add_argument("--dry-run", action="store_true", help="write every message to --outbox as .eml; send nothing")
    step.add_argument("--send", action="store_true", help="send the plan over SMTP")
    p.add_argument("--outbox", type=Path, metavar="DIR", help="folder for the .eml files of --dry-run")
    p.add_argument("--region", action="append", metavar="R", help="only these regions (repeat; default: all)")
    p.add_argument("--edition", type=int, default=2023, help="edition year (default: %(default)s)")
    p.add_argument("--data", type=Path, metavar="DIR", help="data folder with ontvangers (default: example data)")
    p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="(default: %(default)s)")
    p.add_argument("--out", type=Path, default=Path("output"), metavar="DIR", help="(default: %(default)s)")
    p.add_argument("--encrypt", action="store_true", help="with --plan: encrypt each provider's PDFs (AES-256)")
    p.add_argument("--resend-changed", action="store_true", help="send again to providers whose files changed")
    p.add_argument("--rate", type=float, metavar="N", help="at most N messages per minute")
    p.add_argument("--smtp-host", metavar="HOST", help="SMTP server (default: verzending.smtp_server)")
    p.add_argument("--smtp-port", type=int, metavar="PORT", help="SMTP port (default: verzending.smtp_poort)")
    p.add_argument("--smtp-security", choices=("starttls", "ssl", "geen"), help="(default: verzending.beveiliging)")
    p.add_argument("--smtp-user", metavar="USER", help="login name; '' for no login (default: verzending.gebruiker)")
    p.add_argument("--from", dest="sender", metavar="ADDRESS", help="sender address (default: verzending.afzender)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def _print_problems(problems: list[Problem], what: str) -> int:
    for problem in problems:
        print(str(problem), file=sys.stderr)
    errors = [p for p in problems if p.severity == "error"]
    print(f"reportgen: stopped: {len(errors)} problem(s); {what}", file=sys.stderr)
    return 1


def _checked(args: argparse.Namespace) -> tuple[str, ...]:
    if args.dry_run and args.outbox is None:
        raise UsageError("--dry-run needs --outbox DIR: the folder to write the messages to")
    if args.encrypt and not args.plan:
        raise UsageError("--encrypt belongs to --plan: encryption is chosen when the plan is made")
    if args.rate is not None and args.rate <= 0:
        raise UsageError("--rate must be a number of messages per minute greater than 0")
    regions = tuple(dict.fromkeys(args.region)) if args.region else REGION_IDS
    unknown = [r for r in regions if r not in REGION_IDS]
    if unknown:
        raise UsageError(f"unknown region {', '.join(unknown)}; the regions are: {', '.join(REGION_IDS)}")
    if args.data is not None and not args.data.is_dir():
        raise UsageError(f"--data {args.data}: no such folder")
    return regions


def _setup(args: argparse.Namespace):
    from reportgen.distribute.config import sender_address, settings_block
    from reportgen.distribute.steps import Setup
    from reportgen.layout.load import default_layout_path, load_layout

    layout = load_layout(default_layout_path())
    sender = sender_address(args, settings_block())
    return Setup(args.out, args.edition, args.content, layout.settings.organisation, layout.theme.colors, sender)


def _progress(quiet: bool):
    if quiet:
        return None
    tty = sys.stderr.isatty()

    def show(done: int, total: int, label: str) -> None:
        width = 24
        filled = int(width * done / max(total, 1))
        line = f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} {label}"
        if tty:
            print(f"\r{line[:78]:<78}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done == total:
            print(line, file=sys.stderr, flush=True)

    return show


def _password(user: str | None) -> str | None:
    from reportgen.distribute.smtp import PASSWORD_VARIABLE

    if not user:
        return None
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    if not sys.stdin.isatty():
        raise UsageError(f"no SMTP password: set {PASSWORD_VARIABLE}, or run in a terminal to be asked for it")
    return getpass.getpass(f"SMTP password for {user}: ")


def run(args: argparse.Namespace) -> int:
    """Run one step of `reportgen distribute`; returns the exit code."""
    from reportgen import pipeline
    from reportgen.distribute import steps
    from reportgen.distribute.manifest import manifest_path

    regions = _checked(args)
    setup = _setup(args)
    if args.plan:
        dataset = pipeline.load_data(pipeline.Options(edition=args.edition, data_dir=args.data))
        outcome = steps.make_plan(setup, dataset, regions, args.encrypt)
        if outcome.problems:
            return _print_problems(outcome.problems, "no plan was written")
        files = sum(len(d.attachments) for d in outcome.deliveries)
        print(f"plan: {len(outcome.deliveries)} message(s), one per provider, {files} file(s) with cover letters")
        print(f"written: {manifest_path(setup.out_dir, setup.edition)} and the cover letters beside it")
        if args.encrypt:
            from reportgen.distribute.encrypt import password_list_path

            print(f"passwords: {password_list_path(setup.out_dir, setup.edition)} (pass them on separately)")
        if outcome.selection and outcome.selection.already_sent:
            print(f"{len(outcome.selection.already_sent)} of them were sent before and will not be sent again")
        return 0
    outcome, template = steps.planned_messages(setup, args.resend_changed)
    if not outcome.problems:
        outcome.problems += steps.missing_passwords(setup, outcome.deliveries)
    if outcome.problems or template is None or outcome.selection is None:
        return _print_problems(outcome.problems, "nothing was sent")
    chosen = outcome.selection
    skipped = f"{len(chosen.already_sent)} sent before"
    if chosen.changed:
        skipped += f", {len(chosen.changed)} changed since sent (use --resend-changed to send those again)"
    if args.dry_run:
        written = steps.write_outbox(setup, template, chosen.to_send, args.outbox)
        print(f"wrote {len(written)} message(s) to {args.outbox} ({skipped}); nothing was sent")
        return 0
    if not chosen.to_send:
        print(f"nothing to send ({skipped})")
        return 0
    return _send(args, setup, template, chosen.to_send, skipped)


def _send(args, setup, template, deliveries, skipped: str) -> int:
    from reportgen.distribute.config import settings_block, smtp_settings
    from reportgen.distribute.ledger import Ledger, ledger_path
    from reportgen.distribute.smtp import send_all
    from reportgen.distribute.steps import message_maker

    settings = smtp_settings(args, settings_block())
    password = _password(settings.user)
    with Ledger(ledger_path(setup.out_dir, setup.edition)) as ledger:
        report = send_all(
            deliveries,
            settings,
            password,
            ledger,
            setup.edition,
            message_maker(setup, template),
            progress=_progress(args.quiet),
            per_minute=args.rate,
        )
    if report.stopped and not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    for failure in report.failures:
        print(f"reportgen: {failure}", file=sys.stderr)
    print(f"sent {len(report.accepted)} of {len(deliveries)} message(s) via {settings.where} ({skipped})")
    if report.failures:
        rest = len(deliveries) - len(report.accepted)
        print(
            f"reportgen: {rest} message(s) not sent; the ledger holds only what the server accepted: "
            "fix the cause and run --send again to send the rest",
            file=sys.stderr,
        )
        return EXIT_SEND_FAILED
    return 0
