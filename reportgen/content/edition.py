"""Start a new edition from last year's texts.

Every yearly deck starts from the one before: the new folder gets each text with
`status: concept` and the new `editie`, and last year's wording stays as the body for
the editors to rewrite. The check then lists every file as still concept until an
editor has reviewed it, so no text goes out unread.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.content.frontmatter import split_front_matter
from reportgen.content.sanitize import cleaned_source
from reportgen.content.sectionfile import decoded_text
from reportgen.content.yamltext import Entry, yaml_entries
from reportgen.errors import ContentError, Problem
from reportgen.write import write_all_atomic

_FRONT_FIRST_LINE = 2


def _renewed_front(front: str, entries: list[Entry], new: int, old: int) -> str:
    """The front matter with editie, status and vorige_editie set for the new edition;
    other keys, comments and their order stay as written."""
    replaced = {"editie": f"editie: {new}", "status": "status: concept", "vorige_editie": f"vorige_editie: {old}"}
    lines = front.split("\n")
    starts = [e.line - _FRONT_FIRST_LINE for e in entries] + [len(lines)]
    drop: set[int] = set()
    put: dict[int, str] = {}
    for entry, start, end in zip(entries, starts, starts[1:], strict=False):
        if entry.key in replaced:
            put[start] = replaced.pop(entry.key)
            drop.update(i for i in range(start + 1, end) if lines[i].startswith((" ", "\t")))
    out = [put.get(i, line) for i, line in enumerate(lines) if i not in drop]
    while out and not out[-1].strip():
        out.pop()
    out.extend(replaced[k] for k in ("editie", "status", "vorige_editie") if k in replaced)
    return "\n".join(out)


def renewed_section_text(data: bytes, source: str, new: int, old: int) -> tuple[bytes | None, list[Problem]]:
    """A section file's bytes for the new edition, or None and why it cannot be renewed."""
    text, problems = decoded_text(data, source)
    if text is None:
        return None, problems
    split = split_front_matter(cleaned_source(text))
    if split.front is None:
        return None, [Problem("no (closed) front matter to renew: fix the file first", source, 1)]
    entries, problems = yaml_entries(split.front, source, _FRONT_FIRST_LINE, "front matter")
    if entries is None or problems:
        return None, problems
    front = _renewed_front(split.front, entries, new, old)
    return f"---\n{front}\n---\n{split.body}".encode(), []


def new_edition(content_dir: Path, new: int, old: int) -> list[Path]:
    """Scaffold `content/<new>/` from `content/<old>/`; return the files written, sorted.

    Section files (.md) get `editie: <new>`, `status: concept` and `vorige_editie: <old>`;
    all other files (regio.yaml, variabelen.yaml) are copied as they are. Nothing is
    written when the old edition is missing, the new one exists, or a file cannot be
    renewed (ContentError).
    """
    old_dir = Path(content_dir) / str(old)
    new_dir = Path(content_dir) / str(new)
    if not old_dir.is_dir():
        raise ContentError(
            [Problem(f"edition {old} does not exist: there is nothing to start edition {new} from", str(old_dir))]
        )
    if new_dir.exists():
        raise ContentError(
            [
                Problem(
                    f"edition {new} already exists: edit its files, or remove the folder to start it afresh",
                    str(new_dir),
                )
            ]
        )
    files: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for path in sorted(p for p in old_dir.rglob("*") if p.is_file() and not p.name.startswith(".")):
        target = new_dir / path.relative_to(old_dir)
        data = path.read_bytes()
        if path.suffix != ".md":
            files[target] = data
            continue
        renewed, errs = renewed_section_text(data, str(path), new, old)
        problems.extend(errs)
        if renewed is not None:
            files[target] = renewed
    if problems:
        raise ContentError(problems)
    return sorted(write_all_atomic(files))
