"""python-pptx's XML helpers, remembered: the same results without working them out again.

Building a deck spends much of its time in two helpers python-pptx calls for every element
it reads or adds: `qn`, which turns "a:t" into the full namespaced tag name, and `xpath`,
which compiles its expression anew on every call. Both are pure (the same text gives the
same answer), so `install()` replaces them with remembered versions; the XML, and so every
byte of the file, is the same.
"""

from __future__ import annotations

import sys
from functools import cache

from lxml import etree
from pptx.oxml import ns, xmlchemy

_original_qn = ns.qn


@cache
def _remembered_qn(namespace_prefixed_tag: str) -> str:
    """`pptx.oxml.ns.qn`, computed once per tag."""
    return _original_qn(namespace_prefixed_tag)


@cache
def _compiled(xpath_str: str) -> etree.XPath:
    """An XPath expression compiled once, with python-pptx's namespace prefixes."""
    return etree.XPath(xpath_str, namespaces=xmlchemy._nsmap)


def _xpath(self, xpath_str: str):
    """`BaseOxmlElement.xpath` with the expression compiled once."""
    return _compiled(xpath_str)(self)


def install() -> None:
    """Use the remembered helpers everywhere in python-pptx (idempotent)."""
    if ns.qn is _remembered_qn:
        return
    ns.qn = _remembered_qn  # modules imported from now on take this one
    for module in list(sys.modules.values()):
        if getattr(module, "qn", None) is _original_qn:
            module.qn = _remembered_qn
    xmlchemy.BaseOxmlElement.xpath = _xpath
