"""The cover letter: one A4 PDF per provider in the house style (Carlito, theme colours).

It names the provider, the regions and every enclosed document, so the recipient can see
at once that the set is complete. The same letter content gives the same bytes: reportlab
runs in invariant mode and the date is passed in.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from reportgen.fonts import text_width
from reportgen.printable import printable
from reportgen.render.pdf_fonts import font_name

MARGIN = 70.0
BODY_SIZE, BODY_LEADING = 11.0, 14.5
TITLE_SIZE = 16.0
SMALL_SIZE = 8.0


@dataclass(frozen=True)
class LetterContent:
    """Everything a cover letter prints, variables already filled in."""

    organisation: str
    address_lines: tuple[str, ...]
    date: str
    title: str
    body: str
    signature: str
    enclosures: tuple[str, ...]


def wrapped(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """A paragraph broken into lines no wider than `width` at `size` (house font metrics)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def body_lines(text: str, width: float) -> list[str]:
    """Paragraphs (blank-line separated) as lines, "" between paragraphs; '- ' lines stay bullets."""
    out: list[str] = []
    for block in text.split("\n\n"):
        rows = [row.strip() for row in block.strip().split("\n") if row.strip()]
        if not rows:
            continue
        if out:
            out.append("")
        if all(row.startswith("- ") for row in rows):
            for row in rows:
                parts = wrapped(row[2:], BODY_SIZE, width - 14)
                out += [f"•\t{parts[0]}", *(f"\t{p}" for p in parts[1:])]
        else:
            out += wrapped(" ".join(rows), BODY_SIZE, width)
    return out


class _Writer:
    """Draws lines from the top of the page down, starting a new page when one is full."""

    def __init__(self, canvas: Canvas, colors: dict[str, str], footer: str) -> None:
        self.canvas, self.colors, self.footer = canvas, colors, footer
        self.width, self.height = A4
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        c = self.canvas
        c.setFillColor(HexColor("#" + self.colors["primair"]))
        c.rect(0, self.height - 12, self.width, 12, stroke=0, fill=1)
        c.setFont(font_name(bold=True), 13)
        c.drawString(MARGIN, self.height - 52, self.footer)
        c.setStrokeColor(HexColor("#" + self.colors["accent"]))
        c.setLineWidth(1.5)
        c.line(MARGIN, self.height - 62, self.width - MARGIN, self.height - 62)
        c.setFillColor(HexColor("#" + self.colors["grijs"]))
        c.setFont(font_name(), SMALL_SIZE)
        c.drawRightString(self.width - MARGIN, 40, f"{self.footer} · pagina {self.page}")
        self.y = self.height - 100

    def line(self, text: str, size: float = BODY_SIZE, bold: bool = False, colour: str = "tekst") -> None:
        if self.y < 80:
            self.new_page()
        self.canvas.setFillColor(HexColor("#" + self.colors[colour]))
        self.canvas.setFont(font_name(bold=bold), size)
        if "\t" in text:
            bullet, _, rest = text.rpartition("\t")
            if bullet:
                self.canvas.drawString(MARGIN + 2, self.y, bullet)
            self.canvas.drawString(MARGIN + 14, self.y, printable(rest))
        else:
            self.canvas.drawString(MARGIN, self.y, printable(text))
        self.y -= size * 1.32 if size != BODY_SIZE else BODY_LEADING

    def space(self, points: float) -> None:
        self.y -= points


def cover_letter_pdf(content: LetterContent, colors: dict[str, str]) -> bytes:
    """The cover letter as PDF bytes."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1, initialFontName=font_name(), lang="nl-NL")
    canvas.setTitle(printable(content.title))
    canvas.setAuthor(printable(content.organisation))
    canvas.setCreator("reportgen")
    width = A4[0] - 2 * MARGIN
    writer = _Writer(canvas, colors, content.organisation)
    for line in content.address_lines:
        writer.line(line)
    writer.space(18)
    writer.line(content.date, colour="grijs")
    writer.space(18)
    for line in wrapped(content.title, TITLE_SIZE, width, bold=True):
        writer.line(line, TITLE_SIZE, bold=True, colour="primair")
    writer.space(8)
    for line in body_lines(content.body, width):
        writer.line(line)
    writer.space(BODY_LEADING)
    writer.line("Bijlagen", bold=True, colour="primair")
    for item in content.enclosures:
        for line in body_lines(f"- {item}", width):
            writer.line(line)
    writer.space(BODY_LEADING)
    for line in content.signature.split("\n"):
        writer.line(line.strip())
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
