"""Arbitrary text in a narrative never crashes a build or yields a corrupt file."""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from reportgen import pipeline
from reportgen.errors import ContentError

HEADER = "---\nregio: zwolle\neditie: 2023\nstatus: definitief\nlaatst_beoordeeld: 2023-06-12\n---\n"


def _content_copy(root: Path) -> Path:
    """The example content of Zwolle and the national texts, in a scratch folder."""
    for part in ("zwolle", "landelijk"):
        shutil.copytree(Path("content/2023") / part, root / "2023" / part)
    return root


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.text(max_size=400))
def test_any_text_builds_or_stops_with_a_clear_error(body: str) -> None:
    """The build either writes a valid PPTX and PDF, or stops with a ContentError naming the file."""
    with tempfile.TemporaryDirectory() as tmp:
        content = _content_copy(Path(tmp) / "content")
        (content / "2023" / "zwolle" / "wat_valt_op.md").write_text(HEADER + body, encoding="utf-8")
        out = Path(tmp) / "out"
        options = pipeline.Options(regions=("zwolle",), content_dir=content, out_dir=out)
        try:
            result = pipeline.build(options)
        except ContentError as exc:
            assert exc.problems and all(p.source for p in exc.problems)
            assert not out.exists()
            return
        pptx, pdf = (p for p in result.written["zwolle"] if p.suffix in (".pptx", ".pdf"))
        assert len(Presentation(io.BytesIO(pptx.read_bytes())).slides) == 7
        assert len(PdfReader(io.BytesIO(pdf.read_bytes())).pages) == 7
