"""Which document kinds exist and where a built PDF of one region lies.

The kinds are those of the kind registry; each kind's layout gives its `bestandsnaam`
template, and a built PDF sits in `<out>/<edition>/` under that name. Only these PDFs are ever attached: never a
PPTX, an audit or values file, or anything else in the output folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from reportgen.kinds import get_kind, kind_ids


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: its id, its title template and its file-name template."""

    id: str
    title: str
    file_name: str

    def title_for(self, edition: int) -> str:
        """The title as printed, e.g. 'Regioplan 2023/2024 GGZ'."""
        return self.title.format(editie=edition, volgend_jaar=edition + 1)

    def pdf_name(self, edition: int, region: str) -> str:
        """The file name of the region's PDF, e.g. 'regioplan-ggz-2023-2024-zwolle.pdf'."""
        return self.file_name.format(editie=edition, volgend_jaar=edition + 1, regio=region) + ".pdf"


def document_kinds() -> dict[str, DocumentKind]:
    """Every registered document kind, by id, with the title and file name of its layout.

    The kind registry says which kinds exist, and each kind's layout how its files are named:
    a PDF is attached only if the build of a registered kind would have written it.
    """
    kinds: dict[str, DocumentKind] = {}
    for kind_id in kind_ids():
        kind = get_kind(kind_id)
        if kind is None or not Path(kind.layout).is_file():
            continue
        data = yaml.safe_load(Path(kind.layout).read_text(encoding="utf-8"))
        if isinstance(data, dict) and "bestandsnaam" in data:
            kinds[kind_id] = DocumentKind(kind_id, str(data.get("titel", kind_id)), str(data["bestandsnaam"]))
    return kinds


def built_pdf(out_dir: Path, edition: int, kind: DocumentKind, region: str) -> Path:
    """Where the PDF of `kind` for `region` is (or would be) after a build."""
    return Path(out_dir) / str(edition) / kind.pdf_name(edition, region)


def built_kinds(out_dir: Path, edition: int, kinds: dict[str, DocumentKind], regions: tuple[str, ...]) -> list[str]:
    """The kinds of which at least one of `regions` has a PDF: 'every kind built'."""
    return [k for k, kind in kinds.items() if any(built_pdf(out_dir, edition, kind, r).is_file() for r in regions)]
