"""The package around the slides: no leftovers of python-pptx's built-in template.

The built-in template was saved by PowerPoint for Mac as a 4:3 deck: it brings a blank
4:3 thumbnail, Apple printer settings, an app.xml naming "Microsoft Macintosh
PowerPoint" with zero slides, `sldSz type="screen4x3"` and a "last printed" date.
These are removed or rewritten here, and the masters' title style carries the house
title font and colour, so the slide titles take them from the master (and from a
company template's master when one is used).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PptxPresentation

from reportgen.model import Document, TextFrame

APPLICATION = "reportgen"
PRESENTATION_FORMAT = "Breedbeeld"
"""PowerPoint's name (Dutch) for the 16:9 slide size of 13,33 x 7,5 inch."""

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><PresentationFormat>{format}</PresentationFormat>"
    "<Slides>{slides}</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides>"
    "<ScaleCrop>false</ScaleCrop><Company>{company}</Company><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def drop_template_leftovers(presentation: PptxPresentation) -> None:
    """No thumbnail, no printer settings, no 4:3 slide-size type."""
    package = presentation.part.package
    for r_id, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package._rels.pop(r_id)
    for r_id, rel in list(presentation.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            presentation.part.drop_rel(r_id)
    size = presentation.part._element.find(qn("p:sldSz"))
    if size is not None and "type" in size.attrib:
        del size.attrib["type"]


def write_app_properties(presentation: PptxPresentation, doc: Document) -> None:
    """docProps/app.xml naming this program, the 16:9 format and the real counts."""
    notes = sum(1 for page in doc.pages if page.notes.strip())
    xml = APP_XML.format(
        application=APPLICATION,
        format=PRESENTATION_FORMAT,
        slides=len(doc.pages),
        notes=notes,
        company=escape(doc.author),
    )
    for part in presentation.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = xml.encode("utf-8")


def drop_last_printed(presentation: PptxPresentation) -> None:
    """A deck that was never printed has no "last printed" date."""
    core = presentation.core_properties._element
    for element in core.findall(qn("cp:lastPrinted")):
        core.remove(element)


def set_master_title_style(presentation: PptxPresentation, doc: Document) -> None:
    """The built-in master's titles: left aligned, bold, in the house title colour and
    size, in the theme's heading font (Calibri); slide titles then set none of these
    themselves except a size shrunk to fit."""
    title = next((f for p in doc.pages for f in p.frames if isinstance(f, TextFrame) and f.role == "title"), None)
    if title is None:
        return
    for master in presentation.slide_masters:
        level = master._element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
        if level is None:
            continue
        level.set("algn", {"left": "l", "center": "ctr", "right": "r"}[title.style.align])
        props = level.find(qn("a:defRPr"))
        props.set("sz", str(round(title.style.size * 100)))
        props.set("b", "1" if title.style.bold else "0")
        fill = props.find(qn("a:solidFill"))
        for child in list(fill):
            fill.remove(child)
        etree.SubElement(fill, qn("a:srgbClr"), val=title.style.color)
