"""Kept Documents: a document assembled once is rendered again from its model alone.

A build stores each Document it assembles, with its audit CSV, file name and the problems
its preparation reported, under the document's input key (reportgen/cache/plan.py: code,
layout folder with theme, settings and registry, data and its place, shared and own
content, kind, edition, draft, SOURCE_DATE_EPOCH). Whatever the formats, a later build
with the same inputs (an output file deleted, another output folder, or only the formats
changed) renders that model with the renderers alone: no data, values, content, layout or
charts are read or drawn. A model keeps the chart pictures of the formats it was built
for, so it serves only those. A damaged or foreign entry is ignored with a warning and the
document is made afresh; `--no-cache` neither reads nor stores models.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass
from pathlib import Path

from reportgen.cache import keys
from reportgen.cache.modelcodec import document_from_json, document_json
from reportgen.cache.store import Entry, read_entry, store_entry
from reportgen.errors import Problem
from reportgen.model import Document


@dataclass(frozen=True)
class KeptModel:
    """One document's model as a build left it: enough to write its files again."""

    document: Document
    audit: bytes
    stem: str
    formats: tuple[str, ...]
    problems: tuple[Problem, ...]


def model_path(key: str) -> Path:
    """The entry of the model with this input key."""
    return keys.cache_dir() / "entries" / f"model-{key}.cache"


def _entry_key(key: str) -> str:
    """What the entry is stored under: the input key, marked as a model's."""
    return keys.digest_of("model", key)


def kept_model(key: str, formats: tuple[str, ...], warnings: list[Problem]) -> KeptModel | None:
    """The model kept under `key` if it has the pictures of `formats`; None when there is none.

    A damaged entry adds a warning (to `warnings`) and counts as absent.
    """
    path = model_path(key)
    entry = read_entry(path, _entry_key(key), warnings)
    if entry is None:
        return None
    note = entry.note
    try:
        kept = KeptModel(
            document=document_from_json(note["document"]),
            audit=base64.b64decode(note["audit"], validate=True),
            stem=str(note["stem"]),
            formats=tuple(str(f) for f in note["formats"]),
            problems=tuple(Problem(**p) for p in note["problems"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        warnings.append(
            Problem(f"cache entry ignored: unreadable document ({exc}); made again", str(path), severity="warning")
        )
        return None
    return kept if set(formats) <= set(kept.formats) else None


def _about_the_cache(problem: Problem) -> bool:
    """Whether a problem is the cache's own (a damaged entry): it concerns the build that met it only."""
    return bool(problem.source) and Path(problem.source).is_relative_to(keys.cache_dir())


def keep_model(key: str, kept: KeptModel) -> None:
    """Store a document's model under its input key (a cache that cannot be written only costs time);
    the problems kept with it are those of its inputs, not the cache's own."""
    note = {
        "document": document_json(kept.document),
        "audit": base64.b64encode(kept.audit).decode("ascii"),
        "stem": kept.stem,
        "formats": list(kept.formats),
        "problems": [asdict(p) for p in kept.problems if not _about_the_cache(p)],
    }
    store_entry(model_path(key), _entry_key(key), Entry({}, note))


def rendered_files(kept: KeptModel, formats: tuple[str, ...], target: Path) -> dict[Path, bytes]:
    """A kept document's files for `formats` in the folder `target`: path -> bytes, nothing written."""
    files: dict[Path, bytes] = {}
    if "pptx" in formats:
        from reportgen.render.pptx import render_pptx

        files[target / f"{kept.stem}.pptx"] = render_pptx(kept.document)
    if "pdf" in formats:
        from reportgen.render.pdf import render_pdf

        files[target / f"{kept.stem}.pdf"] = render_pdf(kept.document)
    files[target / f"{kept.stem}-audit.csv"] = kept.audit
    return files
