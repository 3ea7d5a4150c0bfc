"""Read rendered PPTX and PDF files back, for tests.

Tests reopen what was written (python-pptx for decks, pypdf for PDFs) and compare what a
reader would find: slide and page texts, titles, fonts, pictures, tables, links,
metadata. Every function takes the file as bytes or a path. Slide and page indexes
start at 0. `sample_document()` builds a small deck with every frame type.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, ContentStream, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

from reportgen.model import (
    Box,
    ChartFrame,
    Document,
    Page,
    Paragraph,
    Rect,
    Run,
    TableFrame,
    TextFrame,
    TextStyle,
)

Source = bytes | str | Path
EMU_PER_PT = 12700


def normalized(text: str) -> str:
    """Text with every run of whitespace collapsed to one space, trimmed, and a word
    broken after its hyphen at a line end ("GGZ- klanten" in a PDF's text) joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(text.split()))


def _stream(src: Source) -> io.BytesIO:
    """A binary stream over the file's bytes."""
    return io.BytesIO(src if isinstance(src, bytes) else Path(src).read_bytes())


# --- PPTX -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RunInfo:
    """One text run of a slide as PowerPoint stores it."""

    text: str
    font: str | None
    size: float | None
    bold: bool | None
    italic: bool | None
    color: str | None
    link: str | None


def _slides(src: Source) -> list:
    """The slides of a deck."""
    return list(Presentation(_stream(src)).slides)


def _is_chart_group(shape) -> bool:
    """A group holding a native chart (with the texts drawn beside it)."""
    return shape.shape_type == MSO_SHAPE_TYPE.GROUP and any(getattr(s, "has_chart", False) for s in shape.shapes)


def _flat_shapes(slide) -> list:
    """A slide's shapes in drawing order, the members of groups in place of the group;
    a chart's group stays one shape (its texts are chart internals)."""
    out = []
    for shape in slide.shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP and not _is_chart_group(shape):
            out.extend(shape.shapes)
        else:
            out.append(shape)
    return out


def pptx_chart_groups(src: Source, index: int) -> list:
    """The chart groups of a slide (a native chart and its texts), in drawing order."""
    return [s for s in _slides(src)[index].shapes if _is_chart_group(s)]


def pptx_slide_count(src: Source) -> int:
    """Number of slides."""
    return len(_slides(src))


def pptx_titles(src: Source) -> list[str]:
    """Text of every slide's title placeholder ("" where a slide has none)."""
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in _slides(src)]


def _list_marker(paragraph, previous: list) -> str:
    """The marker PowerPoint shows before a paragraph: its bullet character, or its
    automatic number: the list's start plus the preceding numbered paragraphs of the same
    level and start (deeper levels in between do not interrupt the count)."""
    ppr = paragraph._p.pPr
    if ppr is None:
        return ""
    bullet = ppr.find(qn("a:buChar"))
    if bullet is not None:
        return bullet.get("char")
    numbering = ppr.find(qn("a:buAutoNum"))
    if numbering is None:
        return ""
    level = int(ppr.get("lvl", "0"))
    start = numbering.get("startAt", "1")
    count = 0
    for earlier in reversed(previous):
        e_ppr = earlier._p.pPr
        e_level = int(e_ppr.get("lvl", "0")) if e_ppr is not None else 0
        if e_level > level:
            continue
        e_numbering = e_ppr.find(qn("a:buAutoNum")) if e_ppr is not None else None
        if e_level < level or e_numbering is None or e_numbering.get("startAt", "1") != start:
            break
        count += 1
    return f"{int(start) + count}."


def _text_frame_text(text_frame) -> str:
    """Paragraphs of a text frame, one per line, each with its list marker."""
    lines = []
    paragraphs = list(text_frame.paragraphs)
    for i, p in enumerate(paragraphs):
        marker = _list_marker(p, paragraphs[:i])
        lines.append(f"{marker} {p.text}" if marker else p.text)
    return "\n".join(lines)


def pptx_slide_text(src: Source, index: int) -> str:
    """All text of a slide in shape order: text frames with their list markers, then
    table cells row by row (text inside pictures is not text)."""
    parts = []
    for shape in _flat_shapes(_slides(src)[index]):
        if shape.has_text_frame:
            parts.append(_text_frame_text(shape.text_frame))
        elif getattr(shape, "has_table", False) and shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def pptx_pictures(src: Source, index: int) -> list[tuple[str, str]]:
    """(name, description) of every picture on a slide."""
    return [
        (shape.name, shape._element.nvPicPr.cNvPr.get("descr", ""))
        for shape in _flat_shapes(_slides(src)[index])
        if shape._element.tag == qn("p:pic")
    ]


def pptx_tables(src: Source, index: int) -> list[list[list[str]]]:
    """Cell texts of every table on a slide, as rows of cells."""
    return [
        [[cell.text for cell in row.cells] for row in shape.table.rows]
        for shape in _flat_shapes(_slides(src)[index])
        if getattr(shape, "has_table", False) and shape.has_table
    ]


def pptx_runs(src: Source, index: int) -> list[RunInfo]:
    """Every text run of a slide's text frames and tables, with its explicit formatting."""
    frames = []
    for shape in _flat_shapes(_slides(src)[index]):
        if shape.has_text_frame:
            frames.append(shape.text_frame)
        elif getattr(shape, "has_table", False) and shape.has_table:
            frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
    runs = []
    for frame in frames:
        for p in frame.paragraphs:
            for r in p.runs:
                f = r.font
                color = str(f.color.rgb) if f.color and f.color.type is not None else None
                runs.append(
                    RunInfo(
                        r.text,
                        f.name,
                        f.size.pt if f.size is not None else None,
                        f.bold,
                        f.italic,
                        color,
                        r.hyperlink.address,
                    )
                )
    return runs


def pptx_shape_boxes(src: Source, index: int) -> dict[str, tuple[int, int, int, int]]:
    """(x, y, w, h) in EMU of every shape on a slide, by shape name."""
    return {
        shape.name: (int(shape.left), int(shape.top), int(shape.width), int(shape.height))
        for shape in _flat_shapes(_slides(src)[index])
    }


def pptx_notes(src: Source, index: int) -> str:
    """The notes text of a slide ("" when it has no notes page)."""
    slide = _slides(src)[index]
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def pptx_core(src: Source) -> dict[str, object]:
    """The deck's core properties that renderers set."""
    core = Presentation(_stream(src)).core_properties
    names = ("title", "author", "subject", "keywords", "last_modified_by", "revision")
    values: dict[str, object] = {n: getattr(core, n) for n in names}
    values.update(created=core.created, modified=core.modified, last_printed=core.last_printed)
    return values


def pptx_slide_size(src: Source) -> tuple[int, int]:
    """Slide width and height in EMU."""
    presentation = Presentation(_stream(src))
    return presentation.slide_width, presentation.slide_height


# --- PDF ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontInfo:
    """One font resource found on a page (directly or inside a form XObject)."""

    page: int
    name: str
    subtype: str
    embedded: bool


def pdf_page_count(src: Source) -> int:
    """Number of pages."""
    return len(PdfReader(_stream(src)).pages)


def pdf_page_text(src: Source, page: int, include_charts: bool = False) -> str:
    """Text of one page. Without `include_charts` only the page's own content stream is
    read: form XObjects (the embedded charts) are left out, as in the PPTX, where chart
    labels are inside pictures."""
    pdf_page = PdfReader(_stream(src)).pages[page]
    if not include_charts:
        _blank_forms(pdf_page)
    return pdf_page.extract_text()


def _blank_forms(pdf_page: PageObject) -> None:
    """Replace every form XObject the page uses by an empty one (in this reader only)."""
    xobjects = pdf_page["/Resources"].get_object().get("/XObject", DictionaryObject()).get_object()
    for name in list(xobjects):
        if xobjects[name].get_object().get("/Subtype") == "/Form":
            xobjects[NameObject(name)] = _empty_form()


def _empty_form() -> DecodedStreamObject:
    """A form XObject that draws nothing, to stand in for a chart when reading text."""
    form = DecodedStreamObject()
    form.set_data(b"")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([NumberObject(0)] * 4),
        }
    )
    return form


def pdf_outline_titles(src: Source) -> list[str]:
    """Titles of the top-level outline (bookmark) entries."""
    return [item.title for item in PdfReader(_stream(src)).outline if not isinstance(item, list)]


def _font_embedded(font: DictionaryObject) -> bool:
    """Whether a font dictionary carries its glyphs (a font file, or Type 3 procedures)."""
    if font.get("/Subtype") == "/Type3":
        return "/CharProcs" in font
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _walk_resources(resources: DictionaryObject | None, seen: set[int]):
    """Yield (kind, name, object) for every font and XObject in resources, recursing
    into form XObjects."""
    if resources is None:
        return
    resources = resources.get_object()
    for name, ref in resources.get("/Font", DictionaryObject()).get_object().items():
        yield "font", str(name), ref.get_object()
    for name, ref in resources.get("/XObject", DictionaryObject()).get_object().items():
        xobject = ref.get_object()
        yield "xobject", str(name), xobject
        key = getattr(ref, "idnum", id(xobject))
        if xobject.get("/Subtype") == "/Form" and key not in seen:
            seen.add(key)
            yield from _walk_resources(xobject.get("/Resources"), seen)


def pdf_fonts(src: Source) -> list[FontInfo]:
    """Every font used on every page, including inside form XObjects."""
    fonts = []
    for i, page in enumerate(PdfReader(_stream(src)).pages):
        for kind, _, obj in _walk_resources(page.get("/Resources"), set()):
            if kind == "font":
                fonts.append(FontInfo(i, str(obj.get("/BaseFont", "")), str(obj["/Subtype"]), _font_embedded(obj)))
    return fonts


def pdf_image_xobjects(src: Source) -> list[str]:
    """Names of every image XObject on any page, including inside forms."""
    images = []
    for page in PdfReader(_stream(src)).pages:
        for kind, name, obj in _walk_resources(page.get("/Resources"), set()):
            if kind == "xobject" and obj.get("/Subtype") == "/Image":
                images.append(name)
    return images


def pdf_form_count(src: Source, page: int) -> int:
    """Number of form XObjects a page uses directly (the placed charts)."""
    resources = PdfReader(_stream(src)).pages[page]["/Resources"].get_object()
    xobjects = resources.get("/XObject", DictionaryObject()).get_object()
    return sum(1 for ref in xobjects.values() if ref.get_object().get("/Subtype") == "/Form")


def pdf_links(src: Source, page: int) -> list[str]:
    """URIs of the link annotations on a page, in order."""
    annotations = PdfReader(_stream(src)).pages[page].get("/Annots") or []
    uris = []
    for ref in annotations:
        action = ref.get_object().get("/A")
        if action is not None and "/URI" in action.get_object():
            uris.append(str(action.get_object()["/URI"]))
    return uris


def pdf_metadata(src: Source) -> dict[str, str]:
    """The document information dictionary, keys without the slash."""
    info = PdfReader(_stream(src)).metadata or {}
    return {str(k).lstrip("/"): str(v) for k, v in info.items()}


def pdf_page_size(src: Source, page: int) -> tuple[float, float]:
    """Width and height of a page's media box in points."""
    box = PdfReader(_stream(src)).pages[page].mediabox
    return float(box.width), float(box.height)


@dataclass(frozen=True)
class Placement:
    """Something painted on a PDF page, in model coordinates (points, origin top-left):
    kind "fill" (a filled rectangle, with its colour), "stroke" (an outlined rectangle)
    or "form" (a form XObject such as a chart, by its bounding box)."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    color: str = ""


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f] (a applied first)."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _model_box(ctm: list[float], x: float, y: float, w: float, h: float, height: float) -> tuple[float, ...]:
    """A rectangle in user space mapped through `ctm` to model coordinates."""
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y + h)):
        xs.append(px * ctm[0] + py * ctm[2] + ctm[4])
        ys.append(px * ctm[1] + py * ctm[3] + ctm[5])
    return min(xs), height - max(ys), max(xs) - min(xs), max(ys) - min(ys)


def pdf_placements(src: Source, page: int) -> list[Placement]:
    """Filled and stroked rectangles and placed forms of a page's own content stream, in
    painting order, with the transformation matrix applied."""
    reader = PdfReader(_stream(src))
    pdf_page = reader.pages[page]
    height = float(pdf_page.mediabox.height)
    xobjects = pdf_page["/Resources"].get_object().get("/XObject", DictionaryObject()).get_object()
    ctm, fill, stack, pending = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], "", [], []
    placements = []
    for operands, operator in ContentStream(pdf_page.get_contents(), reader).operations:
        op = operator.decode()
        if op == "q":
            stack.append((ctm, fill))
        elif op == "Q":
            ctm, fill = stack.pop()
        elif op == "cm":
            ctm = _multiply([float(v) for v in operands], ctm)
        elif op == "rg":
            fill = "".join(f"{round(float(v) * 255):02X}" for v in operands)
        elif op == "re":
            pending.append(_model_box(ctm, *(float(v) for v in operands), height))
        elif op in ("f", "f*", "B", "S", "n"):
            kind = {"S": "stroke", "n": ""}.get(op, "fill")
            placements += [Placement(kind, *box, color=fill if kind == "fill" else "") for box in pending if kind]
            pending = []
        elif op == "Do":
            form = xobjects[operands[0]].get_object()
            if form.get("/Subtype") == "/Form":
                x0, y0, x1, y1 = (float(v) for v in form["/BBox"])
                placements.append(Placement("form", *_model_box(ctm, x0, y0, x1 - x0, y1 - y0, height)))
    return placements


def pdf_text_origins(src: Source, page: int) -> list[tuple[str, float, float]]:
    """(text, x, baseline y) of every piece of text the page's own content stream shows,
    in model coordinates (charts left out)."""
    reader = PdfReader(_stream(src))
    pdf_page = reader.pages[page]
    height = float(pdf_page.mediabox.height)
    _blank_forms(pdf_page)
    origins: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            m = _multiply([float(v) for v in tm], [float(v) for v in cm])
            origins.append((text, round(m[4], 3), round(height - m[5], 3)))

    pdf_page.extract_text(visitor_text=visit)
    return origins


# --- sample document ------------------------------------------------------------------


@cache
def sample_chart() -> tuple[bytes, bytes]:
    """(pdf, png) of a tiny bar chart with value labels, drawn with matplotlib's Figure
    at 300 x 200 pt, TrueType fonts embedded, no dates in the file."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": 42, "svg.hashsalt": "reportgen"}):
        figure = Figure(figsize=(300 / 72, 200 / 72))
        axes = figure.add_subplot()
        bars = axes.bar(["Zwolle", "Drenthe"], [12, 16], color="#1F3864")
        axes.bar_label(bars, labels=["12", "16"])
        axes.set_ylim(0, 20)
        axes.set_title("Cliënten per 10.000")
        pdf, png = io.BytesIO(), io.BytesIO()
        figure.savefig(pdf, format="pdf", metadata={"CreationDate": None, "Producer": None, "Creator": None})
        figure.savefig(png, format="png", dpi=100, metadata={"Software": None})
    return pdf.getvalue(), png.getvalue()


BODY = TextStyle(size=11, leading=13.2, space_after=4, indent=12, color="222222")
TITLE = TextStyle(size=24, leading=28.8, space_after=0, color="1F3864", bold=True, valign="bottom")


def sample_document(title: str = "Regioplan GGZ 2024 Zwolle") -> Document:
    """A 3-page deck with every frame type: titles, narrative with bold, italic, link,
    bullets, numbers and a heading, a filled rectangle, a chart, a table, notes."""
    pdf, png = sample_chart()
    narrative = (
        Paragraph((Run("Terugblik"),), kind="heading"),
        Paragraph(
            (
                Run("In de regio Zwolle wonen "),
                Run("meer cliënten", bold=True),
                Run(" met een GGZ-"),
                Run("profiel", bold=True),
                Run(" dan "),
                Run("vorig jaar", italic=True),
                Run(". Zie "),
                Run("de website", link="https://example.org/zwolle?a=1&b=2"),
                Run(" voor de cijfers."),
            )
        ),
        Paragraph((Run("Wonen met begeleiding"),), kind="bullet"),
        Paragraph((Run("Behandeling in de wijk, ook voor cliënten met een lange wachttijd"),), kind="bullet"),
        Paragraph((Run("Eerst de wachtlijst"),), kind="number", number=1),
        Paragraph((Run("Dan de doorstroom"),), kind="number", number=2),
    )
    page1 = Page(
        number=1,
        title="Regioplan GGZ Zwolle",
        frames=(
            Rect("band", Box(0, 0, 960, 8), fill="1F3864"),
            TextFrame("title", Box(40, 24, 880, 40), (Paragraph((Run(title),)),), TITLE, role="title"),
            TextFrame("terugblik", Box(40, 90, 420, 300), narrative, BODY, role="narrative"),
            TextFrame(
                "kpi",
                Box(520, 90, 180, 60),
                (Paragraph((Run("16"),)),),
                TextStyle(size=28, leading=33.6, color="FFFFFF", bold=True, align="center", valign="middle"),
                role="kpi-value",
                fill="2E75B6",
            ),
            TextFrame(
                "bron",
                Box(40, 500, 880, 20),
                (Paragraph((Run("Bron: Vektis, bewerking zorgkantoor"),)),),
                TextStyle(size=8, leading=9.6, color="7F7F7F", align="right"),
                role="source",
            ),
        ),
        notes="Toelichting bij de eerste pagina.\nTweede regel.",
    )
    page2 = Page(
        number=2,
        title="Cliënten per 10.000 inwoners",
        frames=(
            TextFrame("title", Box(40, 24, 880, 40), (Paragraph((Run("Cliënten per 10.000"),)),), TITLE, role="title"),
            ChartFrame(
                "chart",
                Box(40, 90, 450, 300),
                pdf=pdf,
                png=png,
                alt_text="Staafdiagram: Zwolle 12, Drenthe 16 cliënten per 10.000 inwoners",
                labels=("12", "16"),
            ),
            Rect("kader", Box(520, 90, 400, 300), fill="F2F2F2", line="BFBFBF"),
        ),
    )
    page3 = Page(
        number=3,
        title="Aanbieders",
        frames=(
            TextFrame("title", Box(40, 24, 880, 40), (Paragraph((Run("Aanbieders"),)),), TITLE, role="title"),
            TableFrame(
                "aanbieders",
                Box(40, 90, 600, 200),
                header=("Aanbieder", "Cliënten", "Aandeel"),
                rows=(
                    ("Dimence Groep", "412", "38%"),
                    ("Stichting Philadelphia Zorg, locatie Zwolle-Zuid en omgeving", "95", "9%"),
                    ("Overig", "580", "53%"),
                ),
                col_widths=(360, 120, 120),
                style=TextStyle(size=10, leading=12, space_after=0),
            ),
        ),
    )
    return Document(
        kind="regioplan-ggz",
        subject="zwolle",
        subject_name="Zwolle",
        edition=2024,
        title=title,
        author="Zorgkantoor",
        created="2024-03-01T09:30:00",
        pages=(page1, page2, page3),
        keywords=("Wlz", "GGZ", "Zwolle"),
    )


def libreoffice_pdf(pptx: Path, workdir: Path, timeout: int = 400, env: dict[str, str] | None = None) -> PdfReader:
    """The PPTX converted to PDF by LibreOffice (as a reader without PowerPoint sees it), read.

    Each conversion gets its own LibreOffice profile in `workdir`, so parallel or earlier runs
    cannot lock or change it; `env` replaces the environment (e.g. another locale).
    """
    import subprocess

    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{workdir}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
        env=env,
    )
    return PdfReader(Path(workdir) / f"{Path(pptx).stem}.pdf")


def pptx_chart_printed_texts(chart, group) -> list[str]:
    """What PowerPoint prints on a native chart: each labelled point's value through its label
    number format (one of the Dutch codes) or its own text, then the non-empty texts grouped
    with the chart."""
    from reportgen.charts.numberformat import FORMATTERS

    texts = []
    for series in chart.plots[0].series:
        d_lbls = series._element.find(qn("c:dLbls"))
        if d_lbls is None:
            continue
        code = d_lbls.find(qn("c:numFmt")).get("formatCode")
        deleted = {
            int(d.find(qn("c:idx")).get("val"))
            for d in d_lbls.findall(qn("c:dLbl"))
            if d.find(qn("c:delete")) is not None
        }
        for i, value in enumerate(series.values):
            if i in deleted or value is None:
                continue
            custom = series.points[i].data_label
            if custom.has_text_frame and custom.text_frame.text:
                texts.append(custom.text_frame.text)
            else:
                texts.append(FORMATTERS[code](value))
    return texts + [s.text_frame.text for s in group.shapes if s.has_text_frame and s.text_frame.text]
