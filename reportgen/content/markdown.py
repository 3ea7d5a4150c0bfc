"""Markdown (CommonMark) to the paragraphs of the document model.

Editors write plain Markdown; the deck supports a small part of it: paragraphs, lists
(two levels), bold, italic, links and sub-headings. Everything else still prints, as
plain text, with a warning that names the line and what to write instead, so nothing
an editor wrote silently disappears (images and HTML are the exceptions: they cannot
be shown as text, and the warning says they were left out). Text is never read as
HTML or entities: '<', '&' and quotes print as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reportgen.content.sanitize import cleaned_inline
from reportgen.errors import Problem
from reportgen.model import Paragraph, Run

LINK_SCHEMES = ("https://", "http://", "mailto:")
_SPACES = re.compile(r" {2,}")


@dataclass(frozen=True)
class ParsedText:
    """Paragraphs, the file line each starts on, and warnings about unsupported Markdown."""

    paragraphs: tuple[Paragraph, ...]
    lines: tuple[int, ...]
    problems: tuple[Problem, ...]


@dataclass
class _Block:
    """A paragraph being built: list items gather the text of all their paragraphs."""

    runs: list[Run]
    kind: str
    line: int
    level: int = 0
    number: int | None = None


@dataclass
class _List:
    """An open list: its kind ("bullet" or "number") and the number its next item gets."""

    kind: str
    next_number: int


@dataclass
class _Item:
    """An open list item and, once its text began, the block holding it."""

    kind: str
    level: int
    number: int | None
    block: _Block | None = None


@cache
def _parser() -> MarkdownIt:
    """CommonMark with tables recognised (to warn about them) and entities left as typed."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("entity")


@dataclass
class _Converter:
    """Walks the token stream of one text once, keeping the list and heading context."""

    source: str
    first_line: int
    blocks: list[_Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    heading: str | None = None
    row: list[list[Run]] | None = None
    row_line: int = 0

    def warn(self, line: int, message: str) -> None:
        """Record a warning: unsupported Markdown never stops a build."""
        self.problems.append(Problem(message, self.source, line, severity="warning"))

    def block_token(self, tok: Token, line: int) -> None:
        """Handle one block-level token."""
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if len(self.lists) >= 2:
                self.warn(
                    line,
                    "lists nested more than one level deep are not supported: shown at the "
                    "second level; move these points up a level",
                )
            start = tok.attrGet("start")
            self.lists.append(_List("bullet" if kind == "bullet_list_open" else "number", int(start or 1)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            current = self.lists[-1]
            number = current.next_number if current.kind == "number" else None
            current.next_number += 1
            self.items.append(_Item(current.kind, min(len(self.lists) - 1, 1), number))
        elif kind == "list_item_close":
            self.items.pop()
        elif kind == "heading_open":
            self.heading = tok.tag
            self.heading_warning(tok.tag, line)
        elif kind == "heading_close":
            self.heading = None
        elif kind == "blockquote_open":
            self.warn(line, "block quotes ('>') are not supported: shown as plain text; remove the '>'")
        elif kind == "table_open":
            self.warn(
                line,
                "tables are not supported: each row is shown as a line of plain text; "
                "write the points as a list ('- ...') instead",
            )
        elif kind == "tr_open":
            self.row, self.row_line = [], line
        elif kind == "tr_close" and self.row is not None:
            cells: list[Run] = []
            for i, cell in enumerate(self.row):
                cells.extend(([Run(" | ")] if i else []) + cell)
            self.add(_Block(cells, "body", self.row_line))
            self.row = None
        elif kind in ("fence", "code_block"):
            self.warn(
                line,
                "code blocks are not supported: shown as plain text; remove the indentation or the ``` lines",
            )
            self.add(_Block([Run(tok.content)], "body", line))
        elif kind == "html_block":
            self.warn(line, f"HTML is not supported and was left out: {_html_advice(tok.content)}")
        elif kind == "hr":
            self.warn(
                line,
                "horizontal rules ('---', '***') are not supported and were left out: start a new "
                "paragraph or a '##' sub-heading instead",
            )
        elif kind == "inline":
            self.inline_token(tok, line)

    def heading_warning(self, tag: str, line: int) -> None:
        """Warn about heading levels other than ## and ###."""
        if tag == "h1":
            self.warn(
                line,
                "a '#' heading is not supported (the layout prints the section title): shown as "
                "plain text; use '##' for a sub-heading",
            )
        elif tag not in ("h2", "h3"):
            self.warn(
                line,
                f"heading level {tag[1:]} is not supported: shown as a sub-heading; use '##' or '###'",
            )

    def inline_token(self, tok: Token, line: int) -> None:
        """Put the runs of one inline token where its context says they belong."""
        runs = self.runs(tok, line)
        if self.row is not None:
            self.row.append(runs)
        elif self.heading is not None:
            self.add(_Block(runs, "body" if self.heading == "h1" else "heading", line))
        elif self.items:
            item = self.items[-1]
            if item.block is None:
                item.block = _Block(runs, item.kind, line, item.level, item.number)
                self.add(item.block)
            else:
                item.block.runs.extend([Run(" ")] + runs)
        else:
            self.add(_Block(runs, "body", line))

    def add(self, block: _Block) -> None:
        """Keep a block in reading order (list items are added once, then grow)."""
        self.blocks.append(block)

    def runs(self, tok: Token, line: int) -> list[Run]:
        """The styled runs of an inline token; line breaks inside a paragraph become spaces."""
        runs: list[Run] = []
        bold = italic = 0
        link: str | None = None
        offset = 0
        for child in tok.children or []:
            kind, here = child.type, line + offset
            if kind == "text":
                runs.append(Run(child.content, bold > 0, italic > 0, link))
            elif kind in ("softbreak", "hardbreak"):
                runs.append(Run(" ", bold > 0, italic > 0, link))
                offset += 1
            elif kind in ("strong_open", "strong_close"):
                bold += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                italic += 1 if kind == "em_open" else -1
            elif kind == "link_open":
                link = self.checked_link(str(child.attrGet("href") or ""), here)
            elif kind == "link_close":
                link = None
            elif kind == "code_inline":
                self.warn(
                    here, "code (text between backticks) is not supported: shown as plain text; remove the backticks"
                )
                runs.append(Run(child.content, bold > 0, italic > 0, link))
            elif kind == "html_inline":
                self.warn(here, f"HTML is not supported and was left out: {_html_advice(child.content)}")
            elif kind == "image":
                self.warn(
                    here,
                    "images are not supported and were left out: describe the point in words "
                    "(charts come from the layout)",
                )
            elif child.content:
                runs.append(Run(child.content, bold > 0, italic > 0, link))
        return runs

    def checked_link(self, href: str, line: int) -> str | None:
        """The link target when it is a web or mail address, else None with a warning."""
        if href.lower().startswith(LINK_SCHEMES):
            return href
        self.warn(
            line,
            f"link '{href}' is not a web address: only links starting with https://, http:// or "
            "mailto: work; the text is shown without a link",
        )
        return None


def _html_advice(html: str) -> str:
    """How to replace a piece of HTML, quoting (the start of) it."""
    shown = " ".join(html.split())
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"remove '{shown}'; use **bold** or *italic* for emphasis"


def _finished(block: _Block) -> Paragraph | None:
    """The block as a Paragraph with clean, merged runs, or None when it holds no text."""
    merged: list[Run] = []
    for run in block.runs:
        text = _SPACES.sub(" ", cleaned_inline(run.text))
        if not text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (run.bold, run.italic, run.link):
            prev = merged[-1]
            merged[-1] = Run(_SPACES.sub(" ", prev.text + text), prev.bold, prev.italic, prev.link)
        else:
            merged.append(Run(text, run.bold, run.italic, run.link))
    while merged and not merged[0].text.strip():
        merged.pop(0)
    while merged and not merged[-1].text.strip():
        merged.pop()
    if not merged:
        return None
    first, last = merged[0], merged[-1]
    merged[0] = Run(first.text.lstrip(), first.bold, first.italic, first.link)
    last = merged[-1]
    merged[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.link)
    return Paragraph(tuple(merged), block.kind, block.level, block.number)


def parsed_markdown(body: str, source: str, first_line: int) -> ParsedText:
    """The paragraphs of a Markdown body whose first line is line `first_line` of `source`."""
    converter = _Converter(source, first_line)
    for tok in _parser().parse(body):
        line = first_line + tok.map[0] if tok.map else first_line
        converter.block_token(tok, line)
    paragraphs: list[Paragraph] = []
    lines: list[int] = []
    for block in converter.blocks:
        paragraph = _finished(block)
        if paragraph is not None:
            paragraphs.append(paragraph)
            lines.append(block.line)
    return ParsedText(tuple(paragraphs), tuple(lines), tuple(converter.problems))
