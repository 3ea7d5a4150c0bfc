"""What each provider gets: its regions' built PDFs, checked, with their hashes.

Planning only reads. Every problem (a missing PDF, a provider without any document, a
region it is not contracted in, a document kind that does not exist) is collected, so
the person who sends fixes them in one pass; nothing is sent from a plan with errors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from reportgen.data.regions import REGION_NAMES
from reportgen.distribute.documents import DocumentKind, built_kinds, built_pdf
from reportgen.distribute.recipients import SOURCE, Recipient, contracted_regions, recipients, regions_for
from reportgen.errors import Problem

FOLDER = "distributie"
"""Folder in <out>/<edition>/ for the plan, cover letters, password list and ledger."""

LETTER_KIND = "begeleidende-brief"


@dataclass(frozen=True)
class Attachment:
    """One file of a message: where it is (relative to <out>/<edition>/), what it is, its hash."""

    file: str
    kind: str
    region: str
    title: str
    sha256: str


@dataclass(frozen=True)
class Delivery:
    """One message to one provider: its addresses, regions and attachments (cover letter first)."""

    recipient: Recipient
    regions: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    encrypt: bool = False
    message_id: str = ""

    def documents(self) -> tuple[Attachment, ...]:
        """The attachments other than the cover letter."""
        return tuple(a for a in self.attachments if a.kind != LETTER_KIND)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def message_id(delivery: Delivery, edition: int, domain: str) -> str:
    """A Message-ID that follows from what is sent: same addresses and documents, same id.

    The ledger recognises an accepted message by it, so an unchanged message is never sent twice.
    """
    digest = hashlib.sha256()
    for part in (str(edition), delivery.recipient.agb_code, *delivery.recipient.addresses, str(delivery.encrypt)):
        digest.update(part.encode() + b"\0")
    for a in delivery.documents():  # not the cover letter: its date changes, its documents do not
        digest.update(f"{a.file}\0{a.sha256}\0".encode())
    return f"<{edition}.{delivery.recipient.agb_code}.{digest.hexdigest()[:24]}@{domain}>"


def region_title(kind: DocumentKind, edition: int, region: str) -> str:
    """'Regioplan 2023/2024 GGZ (Zwolle)': how the letter and the plan name a document."""
    return f"{kind.title_for(edition)} ({REGION_NAMES.get(region, region)})"


def _documents_of(
    recipient: Recipient,
    regions: tuple[str, ...],
    wanted: list[str],
    kinds: dict[str, DocumentKind],
    out_dir: Path,
    edition: int,
) -> tuple[list[Attachment], list[Problem]]:
    """The recipient's PDFs, and a problem for each one that should be there and is not."""
    found: list[Attachment] = []
    problems: list[Problem] = []
    for region in regions:
        for kind_id in wanted:
            kind = kinds[kind_id]
            path = built_pdf(out_dir, edition, kind, region)
            if not path.is_file():
                problems.append(
                    Problem(
                        f"{recipient.label}: the PDF {path.name} of region {region} is missing in {path.parent}; "
                        f"build it with: reportgen build --region {region} --format pdf",
                        SOURCE,
                    )
                )
                continue
            found.append(Attachment(path.name, kind_id, region, region_title(kind, edition, region), file_sha256(path)))
    return found, problems


def planned_deliveries(
    dataset, kinds: dict[str, DocumentKind], out_dir: Path, edition: int, selected: tuple[str, ...]
) -> tuple[list[Delivery], list[Problem]]:
    """One delivery per recipient with documents in the selected regions, and every problem found.

    A provider without a location in the selected regions is not part of this distribution;
    a provider without a location anywhere, or whose regions have no document, is a problem.
    """
    people = recipients(dataset)
    source = dataset.source or "the data"
    if not people:
        return [], [Problem(f"no recipients: add the table ontvangers (see docs/data-contract.md) to {source}")]
    built = built_kinds(out_dir, edition, kinds, selected)
    if not built:
        folder = Path(out_dir) / str(edition)
        return [], [Problem(f"no PDFs of {', '.join(kinds)} in {folder}: build them first (reportgen build)")]
    contracted = contracted_regions(dataset)
    deliveries: list[Delivery] = []
    problems: list[Problem] = []
    for recipient in people:
        own = contracted.get(recipient.agb_code, ())
        regions, found = regions_for(recipient, own)
        problems += found
        unknown = [k for k in recipient.kinds if k not in kinds]
        if unknown:
            problems.append(
                Problem(
                    f"{recipient.label}: unknown document {', '.join(repr(k) for k in unknown)} in documenten; "
                    f"the documents are: {', '.join(kinds)}",
                    SOURCE,
                )
            )
        if not own:
            problems.append(
                Problem(
                    f"{recipient.label}: no document to send: the provider has no location in any region, "
                    "so it is not contracted in a region (see locaties)",
                    SOURCE,
                )
            )
            continue
        regions = tuple(r for r in regions if r in selected)
        if not regions:
            continue
        wanted = [k for k in recipient.kinds if k in kinds] or ([] if recipient.kinds else built)
        attachments, missing = _documents_of(recipient, regions, wanted, kinds, out_dir, edition)
        problems += missing
        if not attachments and not missing:
            problems.append(Problem(f"{recipient.label}: no document to send for {', '.join(regions)}", SOURCE))
        if attachments:
            deliveries.append(Delivery(recipient, regions, tuple(attachments)))
    return deliveries, problems


def with_letter(delivery: Delivery, letter_file: str, letter_sha256: str, title: str) -> Delivery:
    """The delivery with its cover letter as the first attachment."""
    letter = Attachment(letter_file, LETTER_KIND, "", title, letter_sha256)
    return replace(delivery, attachments=(letter, *delivery.attachments))


def letter_file(edition: int, agb_code: str) -> str:
    """Where a provider's cover letter is written, relative to <out>/<edition>/."""
    return f"{FOLDER}/brieven/begeleidende-brief-{edition}-{agb_code}.pdf"
