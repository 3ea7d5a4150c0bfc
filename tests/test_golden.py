"""Golden files: the Regioplan GGZ of one region, byte for byte, under a fixed date.

The recorded digests change only with a deliberate change to the deck (re-record with
`REPORTGEN_RECORD_GOLDEN=1`, in a commit of its own). On a mismatch the files just built
are kept in the test's temporary folder, and the audit CSV is compared line by line, so
the message says where to look.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from pathlib import Path

import pytest

from reportgen import pipeline

GOLDEN = Path(__file__).parent / "golden"
REGION = "zwolle"
STEM = "regioplan-ggz-2023-2024-zwolle"
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z
SUFFIXES = (".pptx", ".pdf", "-audit.csv")


def _digests(folder: Path) -> dict[str, str]:
    return {s: hashlib.sha256((folder / f"{STEM}{s}").read_bytes()).hexdigest() for s in SUFFIXES}


def _recorded() -> dict[str, str]:
    lines = (GOLDEN / "regioplan-zwolle.sha256").read_text(encoding="utf-8").splitlines()
    return {name.removeprefix(STEM): digest for digest, name in (line.split("  ", 1) for line in lines if line)}


def test_regioplan_is_byte_identical_to_the_recorded_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = pipeline.build(pipeline.Options(regions=(REGION,), out_dir=tmp_path, jobs=1))
    assert not result.failed
    built = tmp_path / "2023"
    actual = _digests(built)
    if os.environ.get("REPORTGEN_RECORD_GOLDEN"):
        lines = [f"{actual[s]}  {STEM}{s}" for s in SUFFIXES]
        (GOLDEN / "regioplan-zwolle.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (GOLDEN / f"{STEM}-audit.csv").write_bytes((built / f"{STEM}-audit.csv").read_bytes())
    audit_diff = list(
        difflib.unified_diff(
            (GOLDEN / f"{STEM}-audit.csv").read_text(encoding="utf-8").splitlines(),
            (built / f"{STEM}-audit.csv").read_text(encoding="utf-8").splitlines(),
            "recorded",
            "built",
            lineterm="",
            n=0,
        )
    )
    assert not audit_diff, "audit CSV differs from tests/golden:\n" + "\n".join(audit_diff[:40])
    changed = [s for s in SUFFIXES if actual[s] != _recorded()[s]]
    assert not changed, (
        f"{', '.join(STEM + s for s in changed)} differ from the recorded digests in "
        f"tests/golden/regioplan-zwolle.sha256; the files built are in {built}"
    )
