"""The DOCX reader on what runs hold besides text: text boxes, symbols, and content it
cannot read (which it reports, never drops silently). Expected values written by hand."""

from __future__ import annotations

import pytest

from parsers.blocks import ReaderWarning
from parsers.readers.docx.reader import read_docx
from tests.test_docx_reader import make_docx, outline, p, r, tbl, tc, tr

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
NAMESPACES = (f'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
              f'xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:o="urn:schemas-microsoft-com:office:office" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
              'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def document(body: str) -> str:
    return f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"


def read(body: str, **parts):
    return read_docx(make_docx(document=document(body), **parts))


def graphic(uri: str, inner: str = "") -> str:
    return (f'<wp:anchor><a:graphic><a:graphicData uri="{uri}">{inner}</a:graphicData>'
            "</a:graphic></wp:anchor>")


def text_box_shape(*paragraphs: str) -> str:
    """A Word 2010 text box: a wps shape holding w:txbxContent."""
    return graphic(WPS, f"<wps:wsp><wps:txbx><w:txbxContent>{''.join(paragraphs)}"
                        "</w:txbxContent></wps:txbx></wps:wsp>")


def word_text_box(*paragraphs: str, fallback: str | None = None) -> str:
    """A text box as Word writes it: DrawingML in the Choice, the same in VML in the Fallback."""
    vml = fallback if fallback is not None else "".join(paragraphs)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            + text_box_shape(*paragraphs) + "</w:drawing></mc:Choice><mc:Fallback><w:pict>"
            "<v:rect><v:textbox><w:txbxContent>" + vml + "</w:txbxContent></v:textbox></v:rect>"
            "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


CASES = {
    "a text box is read once, after the paragraph that anchors it": (
        p(r("anchor"), word_text_box(p("boxed one"), p("boxed two"))) + p("after"),
        ["anchor", "boxed one", "boxed two", "after"]),
    "the Choice is read, not the Fallback": (
        p(r("x"), word_text_box(p("choice text"), fallback=p("fallback text"))),
        ["x", "choice text"]),
    "a Choice the reader does not understand gives way to the Fallback": (
        p('<w:r><mc:AlternateContent><mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Emoji" '
          'w16se:char="1F600"/></mc:Choice><mc:Fallback><w:t>😀</w:t></mc:Fallback></mc:AlternateContent></w:r>',
          r(" smile")),
        ["😀 smile"]),
    "a VML text box alone (older Word) is read": (
        p(r("old"), "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + p("vml box")
          + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"),
        ["old", "vml box"]),
    "a text box in a table cell becomes paragraphs of the cell": (
        tbl(tr(tc(p(r("cell"), word_text_box(p("in box")))))),
        [[["cell / in box"]]]),
    "an anchor paragraph with no text of its own leaves only the box": (
        p(word_text_box(p("only the box"))), ["only the box"]),
    "a text box in a text box is read once": (
        p(r("outer"), "<w:r><w:drawing>" + text_box_shape(p(r("inner"), word_text_box(p("nested"))))
          + "</w:drawing></w:r>"),
        ["outer", "inner", "nested"]),
    "w:sym in Symbol is the character it draws": (
        p(r("a "), '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>', r(" b "),
          '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>', r(" 5")),
        ["a • b ≥ 5"]),
    "w:sym in Wingdings too": (
        p('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t xml:space="preserve"> сделано</w:t></w:r>'),
        ["✓ сделано"]),
    "Word 2007's WordArt (VML v:textpath) is read as a text box": (
        p(r("before")) + p('<w:r><w:pict><v:shapetype id="_x0000_t136" o:spt="136"/><v:shape type="#_x0000_t136">'
                           '<v:textpath style="font-family:&quot;Times New Roman&quot;" string="ПЛАН МЕРОПРИЯТИЙ"/>'
                           "</v:shape></w:pict></w:r>") + p("after"),
        ["before", "ПЛАН МЕРОПРИЯТИЙ", "after"]),
    "a hidden text box is not read": (
        p(r("seen"), word_text_box(p("unseen")).replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>", 1)),
        ["seen"]),
}


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_what_runs_hold_besides_text(body, expected):
    document = read(body)
    assert outline(document) == expected
    assert document.warnings == ()


def test_an_unknown_symbol_is_kept_raw_and_reported():
    document = read(p(r("x"), '<w:r><w:sym w:font="Wingdings" w:char="F0F1"/></w:r>'))
    assert outline(document) == ["x\uf0f1"]
    assert [(w.code, "U+F0F1" in w.message) for w in document.warnings] == [("symbol_unread", True)]


CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"
SKIPPED_CASES = {
    "a chart": (p(r("see"), f"<w:r><w:drawing>{graphic(CHART)}</w:drawing></w:r>"),
                ["a chart not read: its content is not in the output"]),
    "two charts and a diagram, each kind reported once": (
        p(f"<w:r><w:drawing>{graphic(CHART)}</w:drawing></w:r>") + p(r("x"))
        + p(f"<w:r><w:drawing>{graphic(CHART)}</w:drawing><w:drawing>{graphic(DIAGRAM)}</w:drawing></w:r>"),
        ["2 charts not read: their content is not in the output",
         "a SmartArt diagram not read: its content is not in the output"]),
    "an embedded OLE object": (
        p(r("x"), '<w:r><w:object><v:shape/><o:OLEObject ProgID="Excel.Sheet.12"/></w:object></w:r>'),
        ["an embedded object (OLE: a spreadsheet, a document) not read: its content is not in the output"]),
    "an embedded document (altChunk)": (
        p(r("x")) + '<w:altChunk r:id="rId9"/>',
        ["an embedded document (altChunk) not read: its content is not in the output"]),
    "a formula": (p(r("x = "), "<m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath>"),
                  ["a formula not read: its content is not in the output"]),
    "a picture holds no text: nothing to report": (
        p(r("x"), f"<w:r><w:drawing>{graphic(PICTURE)}</w:drawing></w:r>"), []),
}


@pytest.mark.parametrize("body, messages", SKIPPED_CASES.values(), ids=SKIPPED_CASES.keys())
def test_content_the_reader_cannot_read_is_reported(body, messages):
    document = read(body)
    assert document.warnings == tuple(ReaderWarning("content_skipped", message) for message in messages)
