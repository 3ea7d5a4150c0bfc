"""The build plan: which documents must be made again.

Every document's inputs are summed up in one key before any data is read: the code
version, the layout folder (layout, theme, settings, registry, templates), the data, the
content shared by all documents, the document's own content folder, and the build's
choices (kind, edition, draft, SOURCE_DATE_EPOCH): the input key, which also names the
document's kept Document model (reportgen/cache/models.py); with the formats it is the
document's key. A record per output folder
remembers each document's key and the SHA-256 of every file it wrote. A document whose
key is unchanged and whose files are all still there, unchanged, is skipped: nothing is
read for it and none of its files is touched.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.cache import keys
from reportgen.errors import Problem

RECORD_VERSION = 1


@dataclass(frozen=True)
class Plan:
    """The documents to build and those whose files are up to date."""

    stale: tuple[str, ...]
    fresh: tuple[str, ...]
    keys: dict[str, str]
    record_path: Path
    inputs: dict[str, str] = field(default_factory=dict)  # per subject: `input_keys`, for the kept Documents


def _target(options) -> Path:
    return (Path(options.out_dir) / str(options.edition)).resolve()


def record_path(options) -> Path:
    """Where the record of builds into this output folder is kept (in the cache folder)."""
    name = keys.digest_of(str(_target(options)), options.document)
    return keys.cache_dir() / "builds" / f"{name}.json"


def input_keys(options) -> dict[str, str]:
    """Per selected subject id: a key of everything its Document is assembled from (the
    code, layout folder, data and its place, shared and own content, kind, edition,
    draft, SOURCE_DATE_EPOCH), whatever formats are asked for."""
    from reportgen.data.regions import REGION_IDS

    edition_dir = Path(options.content_dir) / str(options.edition)
    own = set(REGION_IDS) | set(options.regions)

    def is_own(p: Path) -> bool:  # in some document's own content folder
        return p.parent != edition_dir and p.is_relative_to(edition_dir) and p.relative_to(edition_dir).parts[0] in own

    shared = [p for p in keys.files_under(Path(options.content_dir)) if not is_own(p)]
    common = keys.digest_of(
        keys.code_version(),
        keys.layout_digest(options.layout_path, options.document),
        keys.data_digest(options.data_dir),
        str(Path(options.data_dir).resolve()) if options.data_dir is not None else "",
        keys.files_digest(shared, Path(options.content_dir)),
        options.document,
        str(options.edition),
        str(options.draft),
        os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
    )
    return {s: keys.digest_of(common, s, keys.folder_digest(edition_dir / s)) for s in options.regions}


def document_keys(options, inputs: dict[str, str] | None = None) -> dict[str, str]:
    """Per selected subject id: a key of everything its files are made from (its inputs and the formats)."""
    formats = ",".join(sorted(options.formats))
    return {s: keys.digest_of("files", key, formats) for s, key in (inputs or input_keys(options)).items()}


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def read_record(path: Path, warnings: list[Problem]) -> dict[str, dict]:
    """subject id -> {"key", "files": {path: sha256}}; a damaged record is ignored with a warning."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError):
        text = ""
    try:
        data = json.loads(text)
        documents = data["documents"] if data.get("version") == RECORD_VERSION else None
        if not isinstance(documents, dict) or not all(
            isinstance(d, dict) and isinstance(d.get("key"), str) and isinstance(d.get("files"), dict)
            for d in documents.values()
        ):
            raise ValueError
        return documents
    except (ValueError, KeyError, TypeError, AttributeError):
        warnings.append(
            Problem(
                "build record ignored: damaged or not ours; every document is built again",
                str(path),
                severity="warning",
            )
        )
        return {}


def _files_intact(files: dict) -> bool:
    return bool(files) and all(_file_digest(Path(p)) == digest for p, digest in files.items())


def plan_build(options, warnings: list[Problem], use_record: bool = True) -> Plan:
    """Which of the selected documents must be built, by their keys and the last build's record."""
    inputs = input_keys(options)
    wanted = document_keys(options, inputs)
    path = record_path(options)
    record = read_record(path, warnings) if use_record else {}
    fresh = tuple(
        s for s, key in wanted.items() if s in record and record[s]["key"] == key and _files_intact(record[s]["files"])
    )
    stale = tuple(s for s in wanted if s not in fresh)
    return Plan(stale, fresh, wanted, path, inputs)


def remember(plan: Plan, written: dict[str, list[Path]]) -> None:
    """Record the keys and file digests of the documents just written, keeping the others'."""
    from reportgen.write import WriteError, write_bytes_atomic

    if not written:
        return
    record = read_record(plan.record_path, [])
    for subject, paths in written.items():
        if subject in plan.keys:
            files = {str(Path(p).resolve()): _file_digest(Path(p)) for p in paths}
            record[subject] = {"key": plan.keys[subject], "files": files}
    data = json.dumps({"version": RECORD_VERSION, "documents": record}, indent=1, sort_keys=True)
    try:
        write_bytes_atomic(plan.record_path, data.encode("utf-8"))
    except (OSError, WriteError):
        pass  # without a record the next build simply makes everything again
