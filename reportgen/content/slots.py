"""What a narrative section may hold: the frame it is printed in.

The content checks measure an editor's text against these slots; assembly fills them.
Both get the slots from the layout, so the check and the printed page agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model import TextStyle


@dataclass(frozen=True)
class SectionSlot:
    """One narrative section's frame.

    section: the section id used in content files (e.g. "terugblik");
    title: the heading printed above it (e.g. "Terugblik regionale projecten (bereikt)");
    width/height: the text area in points; style: the text style at full size;
    min_size: the smallest font size the text may be set in to make it fit (from the theme);
    required: whether a document without this section is an error;
    shared: whether a national text (content/<edition>/landelijk/) may provide it.
    """

    section: str
    title: str
    width: float
    height: float
    style: TextStyle
    min_size: float
    required: bool = True
    shared: bool = False
