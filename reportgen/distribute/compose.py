"""The words of one delivery: the template filled in for one provider.

The letter and the e-mail draw on the same values, so both always name the same
regions and documents as the plan.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from reportgen.data.regions import REGION_NAMES
from reportgen.distribute.letter import LetterContent
from reportgen.distribute.plan import Delivery
from reportgen.distribute.template import Template
from reportgen.errors import Problem, UsageError
from reportgen.formatting import format_date_nl, join_nl

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def letter_date() -> date:
    """The date on the letters: today, or SOURCE_DATE_EPOCH when set (for reproducible files)."""
    epoch = os.environ.get(EPOCH_VARIABLE, "").strip()
    if not epoch:
        return datetime.now(UTC).date()
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError) as exc:
        raise UsageError(f"{EPOCH_VARIABLE} must be whole seconds since 1970, got {epoch!r}") from exc


def template_values(delivery: Delivery, edition: int, organisation: str) -> dict[str, str]:
    """The variables of the template for one delivery."""
    r = delivery.recipient
    documents = delivery.documents()
    return {
        "aanbieder": r.provider,
        "naam": r.name,
        "agb_code": r.agb_code,
        "regios": join_nl([REGION_NAMES.get(region, region) for region in delivery.regions]),
        "documenten": join_nl([a.title for a in documents]),
        "aantal_bijlagen": str(len(documents)),
        "editie": str(edition),
        "volgend_jaar": str(edition + 1),
        "organisatie": organisation,
    }


def letter_content(
    template: Template, delivery: Delivery, edition: int, organisation: str, day: date
) -> tuple[LetterContent, list[Problem]]:
    """What the provider's cover letter prints, and any template problem met."""
    values = template_values(delivery, edition, organisation)
    title, p1 = template.filled("brief_titel", values)
    body, p2 = template.filled("brief_tekst", values)
    signature, p3 = template.filled("ondertekening", values)
    r = delivery.recipient
    address = [r.name] + ([r.provider] if r.provider != r.name else []) + [f"AGB-code {r.agb_code}"]
    enclosures = tuple(f"{a.title}: {a.file.rsplit('/', 1)[-1]}" for a in delivery.documents())
    content = LetterContent(organisation, tuple(address), format_date_nl(day), title, body, signature, enclosures)
    return content, p1 + p2 + p3


def message_texts(template: Template, delivery: Delivery, edition: int, organisation: str) -> tuple[str, str]:
    """The e-mail subject and body for one delivery (the template was checked when planning)."""
    values = template_values(delivery, edition, organisation)
    subject = " ".join(template.filled("onderwerp", values)[0].split())
    body = template.filled("bericht", values)[0].rstrip()
    if delivery.encrypt:
        body += "\n\n" + template.filled("versleuteld", values)[0].rstrip()
    return subject, body + "\n"
