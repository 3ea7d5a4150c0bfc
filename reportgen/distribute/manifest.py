"""The plan on disk: a CSV with one row per attached file, to review and to send from.

`--plan` writes it; `--dry-run` and `--send` read it back and send exactly what it lists,
after checking that every file still has the hash it had when the plan was made.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reportgen.data.addresses import cell_items
from reportgen.distribute.plan import FOLDER, Attachment, Delivery, file_sha256
from reportgen.distribute.recipients import Recipient
from reportgen.errors import Problem

FILE = "verzendplan.csv"
COLUMNS = (
    "agb_code",
    "aanbieder",
    "naam",
    "email",
    "regios",
    "versleuteld",
    "message_id",
    "soort",
    "regio",
    "titel",
    "bestand",
    "sha256",
)


def manifest_path(out_dir: Path, edition: int) -> Path:
    """Where the plan of an edition is written."""
    return Path(out_dir) / str(edition) / FOLDER / FILE


def manifest_bytes(deliveries: list[Delivery]) -> bytes:
    """The plan as CSV (UTF-8, ',' separated, LF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for d in deliveries:
        r = d.recipient
        for a in d.attachments:
            writer.writerow(
                (
                    r.agb_code,
                    r.provider,
                    r.name,
                    ";".join(r.addresses),
                    ";".join(d.regions),
                    "ja" if d.encrypt else "nee",
                    d.message_id,
                    a.kind,
                    a.region,
                    a.title,
                    a.file,
                    a.sha256,
                )
            )
    return buffer.getvalue().encode("utf-8")


def read_manifest(path: Path) -> tuple[list[Delivery], list[Problem]]:
    """The deliveries of a plan file, or the problems that make it unusable."""
    if not path.is_file():
        return [], [
            Problem("no plan to send from: make one with 'reportgen distribute --plan' and review it", str(path))
        ]
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    if not rows or set(COLUMNS) - set(rows[0]):
        return [], [Problem(f"not a plan written by reportgen (expected the columns {', '.join(COLUMNS)})", str(path))]
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        grouped.setdefault(row["message_id"], []).append(row)
    deliveries = []
    for message_id, group in grouped.items():
        first = group[0]
        recipient = Recipient(
            agb_code=first["agb_code"],
            name=first["naam"],
            provider=first["aanbieder"],
            addresses=tuple(cell_items(first["email"])),
            kinds=(),
            regions=tuple(cell_items(first["regios"])),
        )
        attachments = tuple(Attachment(r["bestand"], r["soort"], r["regio"], r["titel"], r["sha256"]) for r in group)
        deliveries.append(Delivery(recipient, recipient.regions, attachments, first["versleuteld"] == "ja", message_id))
    return deliveries, []


def changed_since_plan(deliveries: list[Delivery], base: Path, plan: Path) -> list[Problem]:
    """A problem for every listed file that is gone or differs from its hash in the plan."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for d in deliveries:
        for a in d.attachments:
            if a.file in seen:
                continue
            seen.add(a.file)
            path = base / a.file
            if not path.is_file():
                problems.append(Problem(f"{path} is listed in the plan but no longer exists", str(plan)))
            elif file_sha256(path) != a.sha256:
                problems.append(
                    Problem(
                        f"{path} changed after the plan was made (the documents were built again); "
                        "make a new plan with 'reportgen distribute --plan', review it, then send",
                        str(plan),
                    )
                )
    return problems
