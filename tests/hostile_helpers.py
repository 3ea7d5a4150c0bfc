"""Running the command line on hostile input and checking what it leaves behind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.cli import main

EARLIER = {
    "regioplan-ggz-2023-2024-zwolle.pptx": b"earlier pptx",
    "regioplan-ggz-2023-2024-zwolle.pdf": b"earlier pdf",
    "regioplan-ggz-2023-2024-zwolle-audit.csv": b"earlier audit\n",
}
"""Files an earlier build left, which a failed or interrupted build must not touch."""


@dataclass(frozen=True)
class Run:
    """Exit code and output of one command."""

    code: int
    out: str
    err: str


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative path -> bytes)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def with_earlier_outputs(out: Path) -> dict[str, bytes]:
    """Put an earlier build's files in `out`; return the tree to compare against."""
    (out / "2023").mkdir(parents=True, exist_ok=True)
    for name, data in EARLIER.items():
        (out / "2023" / name).write_bytes(data)
    return tree(out)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    """`reportgen <args>` in this process, without a traceback escaping."""
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return Run(code, captured.out, captured.err)


def temp_files(root: Path) -> list[Path]:
    """Temporary files the writer would leave behind."""
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]
