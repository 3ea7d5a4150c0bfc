"""python-pptx's XML helpers, remembered: the same results without working them out again.

Building a deck spends much of its time in helpers python-pptx calls for every element it
reads or adds: `qn`, which turns "a:t" into the full namespaced tag name, `OxmlElement`,
which works that name out again for every new element, and `xpath`, which compiles its
expression anew on every call. The names and expressions depend only on their text, so
`install()` replaces the helpers with versions that remember them; the XML, and so every
byte of the file, is the same.
"""

from __future__ import annotations

import sys
from functools import cache

from lxml import etree
from pptx.oxml import ns, xmlchemy

_original_qn = ns.qn
_original_element = xmlchemy.OxmlElement


@cache
def _remembered_qn(namespace_prefixed_tag: str) -> str:
    """`pptx.oxml.ns.qn`, computed once per tag."""
    return _original_qn(namespace_prefixed_tag)


@cache
def _compiled(xpath_str: str) -> etree.XPath:
    """An XPath expression compiled once, with python-pptx's namespace prefixes."""
    return etree.XPath(xpath_str, namespaces=xmlchemy._nsmap)


@cache
def _tag_parts(nsptag_str: str) -> tuple[str, dict[str, str]]:
    """The full tag name of "a:tbl" and its namespace declaration, worked out once."""
    tag = ns.NamespacePrefixedTag(nsptag_str)
    return tag.clark_name, tag.nsmap


def _oxml_element(nsptag_str: str, nsmap: dict[str, str] | None = None):
    """`pptx.oxml.xmlchemy.OxmlElement` with the tag's name remembered."""
    clark_name, own_nsmap = _tag_parts(nsptag_str)
    return xmlchemy.oxml_parser.makeelement(clark_name, nsmap=nsmap if nsmap is not None else own_nsmap)


def _xpath(self, xpath_str: str):
    """`BaseOxmlElement.xpath` with the expression compiled once."""
    return _compiled(xpath_str)(self)


def install() -> None:
    """Use the remembered helpers everywhere in python-pptx (idempotent)."""
    if ns.qn is _remembered_qn:
        return
    ns.qn = _remembered_qn  # modules imported from now on take these
    xmlchemy.OxmlElement = _oxml_element
    for module in list(sys.modules.values()):
        if getattr(module, "qn", None) is _original_qn:
            module.qn = _remembered_qn
        if getattr(module, "OxmlElement", None) is _original_element:
            module.OxmlElement = _oxml_element
    xmlchemy.BaseOxmlElement.xpath = _xpath
