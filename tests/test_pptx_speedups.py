"""python-pptx's remembered helpers give what the originals give."""

from __future__ import annotations

from pptx.oxml import ns, parse_xml, xmlchemy

from reportgen.render import pptx_speedups

XML = (
    '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    "<p:txBody><a:p><a:r><a:t>een</a:t></a:r><a:r><a:t>twee</a:t></a:r></a:p></p:txBody></p:sp>"
)


def test_remembered_qn_is_the_original():
    pptx_speedups.install()
    for tag in ("a:t", "p:sp", "c:chart", "r:id", "a:t"):
        assert ns.qn(tag) == pptx_speedups._original_qn(tag)
    assert ns.qn is pptx_speedups._remembered_qn


def test_remembered_xpath_finds_what_lxml_finds():
    pptx_speedups.install()
    element = parse_xml(XML)
    for expr in ("./p:txBody/a:p/a:r/a:t", ".//a:t/text()", "count(.//a:r)"):
        expected = super(xmlchemy.BaseOxmlElement, element).xpath(expr, namespaces=xmlchemy._nsmap)
        assert element.xpath(expr) == expected
    assert [t.text for t in element.xpath(".//a:t")] == ["een", "twee"]


def test_install_twice_changes_nothing():
    pptx_speedups.install()
    before = (ns.qn, xmlchemy.BaseOxmlElement.xpath)
    pptx_speedups.install()
    assert (ns.qn, xmlchemy.BaseOxmlElement.xpath) == before


def test_remembered_element_is_the_original():
    from lxml import etree

    pptx_speedups.install()
    for tag in ("a:tbl", "p:sp", "a:tbl"):
        new, old = xmlchemy.OxmlElement(tag), pptx_speedups._original_element(tag)
        assert (type(new), etree.tostring(new)) == (type(old), etree.tostring(old))
    nsmap = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    assert etree.tostring(xmlchemy.OxmlElement("a:t", nsmap)) == etree.tostring(
        pptx_speedups._original_element("a:t", nsmap)
    )
