"""Rewrite a zip package (PPTX) so that its bytes depend only on its content.

python-pptx stamps every zip entry with the current time, so two saves of the same deck
differ. Rewriting the archive with one fixed entry time, fixed attributes and one
compression method, in the original entry order, makes equal decks byte-identical.
"""

from __future__ import annotations

import io
import zipfile

FILE_MODE = 0o644


def normalized_zip(data: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """`data` (a zip archive) rewritten with every entry dated `date_time`, mode 0644,
    made on Unix, deflated, in the same order and with the same content."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = FILE_MODE << 16
            target.writestr(info, source.read(entry))
    return out.getvalue()
