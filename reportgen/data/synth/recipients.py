"""The example recipients table (ontvangers): who would receive the PDFs of the example data.

Derived from the example providers, so it always matches them. Every address lies in the
reserved domain example.org (RFC 2606): a test or a demonstration can never reach a real
mailbox. Every fifth provider has a second address, to show that a message may go to
several addresses of one provider.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

EXAMPLE_DOMAIN = "example.org"


def mailbox_name(name: str) -> str:
    """A provider name as the start of an address, at most 40 characters: 'De Brug' -> 'de.brug'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return ".".join(re.findall(r"[a-z0-9]+", plain))[:40].strip(".") or "aanbieder"


def recipient_frame(providers: pd.DataFrame) -> pd.DataFrame:
    """ontvangers: one row per example provider, by AGB code, addresses on example.org."""
    rows = []
    for position, (agb, name) in enumerate(zip(providers["agb_code"], providers["naam"], strict=True)):
        mailbox = f"{mailbox_name(name)}.{agb}"
        addresses = [f"{mailbox}@{EXAMPLE_DOMAIN}"]
        if position % 5 == 4:
            addresses.append(f"zorginkoop.{mailbox}@{EXAMPLE_DOMAIN}")
        rows.append((agb, name, ";".join(addresses)))
    frame = pd.DataFrame(rows, columns=["agb_code", "naam", "email"], dtype="str")
    missing = pd.Series([None] * len(frame), dtype="str")
    frame["documenten"] = missing
    frame["regios"] = missing.copy()
    return frame.sort_values("agb_code", ignore_index=True)
