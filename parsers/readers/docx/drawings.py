"""What a run holds besides text: text boxes, charts, diagrams, embedded objects, and the
mc:AlternateContent that Word wraps them in.

Word writes a text box twice: as a DrawingML shape in ``mc:Choice Requires="wps"`` and as
a VML shape in ``mc:Fallback``, each with the same ``w:txbxContent``. Markup compatibility
says: take the first Choice whose required namespaces the reader understands, else the
Fallback, so the content is read once. A text box's paragraphs are read after the
paragraph that anchors it. What holds text the reader cannot read (a chart, a SmartArt
diagram, an embedded OLE object, a formula, an embedded document of a type no reader
reads) is named, so the reader can warn; pictures and plain shapes hold no text and are
passed over.
"""

from __future__ import annotations

from lxml import etree

from parsers.readers.docx.styles import W_NS, w

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE_CONTENT = f"{{{MC_NS}}}AlternateContent"
CHOICE, FALLBACK = f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
TEXT_BOX = w("txbxContent")
TEXT_PATH = "{urn:schemas-microsoft-com:vml}textpath"  # Word 2007's WordArt
GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MATH_ZONES = frozenset({f"{{{MATH_NS}}}oMath", f"{{{MATH_NS}}}oMathPara"})  # formulas in a paragraph

# Namespaces whose content this reader reads or safely passes over, so a Choice requiring
# only these is taken: Word 2010+ shapes, groups, canvases and ink, and the w14/w15 extras.
UNDERSTOOD = frozenset({
    W_NS,
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "urn:schemas-microsoft-com:vml",
    "urn:schemas-microsoft-com:office:office",
})

# Graphics that hold text the reader does not read, by their a:graphicData uri.
UNREAD_GRAPHICS = {
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "chart",
    "http://schemas.microsoft.com/office/drawing/2014/chartex": "chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "diagram",
    "http://schemas.openxmlformats.org/presentationml/2006/ole": "embedded object",
}
# How a skipped kind is named in a warning: (one, several).
SKIPPED_NAMES = {
    "chart": ("a chart", "charts"),
    "diagram": ("a SmartArt diagram", "SmartArt diagrams"),
    "embedded object": ("an embedded object (OLE: a spreadsheet, a document)", "embedded objects (OLE)"),
    "formula": ("a formula", "formulas"),
    "embedded document": ("an embedded document (altChunk)", "embedded documents (altChunk)"),
    "repeated embedded document": ("an embedded document (altChunk) naming a part already read there",
                                   "embedded documents (altChunk) naming parts already read there"),
    "list number field": ("a LISTNUM field's number (of the document's own list; Word stores none)",
                          "LISTNUM fields' numbers (of the document's own lists; Word stores none)"),
}


def chosen_branch(alternate: etree._Element) -> etree._Element:
    """The branch of an mc:AlternateContent to read: the first Choice the reader understands,
    else the Fallback, else nothing (an empty element)."""
    for branch in alternate:
        if branch.tag == CHOICE and understood(branch):
            return branch
    fallback = alternate.find(FALLBACK)
    return fallback if fallback is not None else etree.Element(FALLBACK)


def understood(choice: etree._Element) -> bool:
    """True when every prefix in the Choice's Requires names a namespace the reader knows."""
    prefixes = (choice.get("Requires") or "").split()
    return bool(prefixes) and all(choice.nsmap.get(prefix) in UNDERSTOOD for prefix in prefixes)


def text_boxes(element: etree._Element) -> list[etree._Element]:
    """The outermost w:txbxContent inside a drawing or VML picture, in order; text boxes
    inside them are read with them. An mc:AlternateContent inside is read through its
    chosen branch only. Word 2007's WordArt (a VML v:textpath, its text in an attribute)
    counts as a text box of one paragraph."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == TEXT_BOX:
            found.append(child)
        elif child.tag == TEXT_PATH:
            if (child.get("string") or "").strip():
                found.append(word_art_box(child.get("string")))
        elif child.tag == ALTERNATE_CONTENT:
            found.extend(text_boxes(chosen_branch(child)))
        elif isinstance(child.tag, str):
            found.extend(text_boxes(child))
    return found


def word_art_box(text: str) -> etree._Element:
    """A text box holding WordArt's text, one paragraph per line, as Word draws it."""
    box = etree.Element(TEXT_BOX)
    for line in text.splitlines():
        etree.SubElement(etree.SubElement(etree.SubElement(box, w("p")), w("r")), w("t")).text = line
    return box


def unread_graphic(element: etree._Element) -> str | None:
    """The kind of text-holding graphic inside a drawing that the reader cannot read, if any."""
    for data in element.iter(GRAPHIC_DATA):
        kind = UNREAD_GRAPHICS.get(data.get("uri", ""))
        if kind:
            return kind
    return None


def skipped_message(kind: str, count: int) -> str:
    """The warning for ``count`` skipped items of ``kind``."""
    one, several = SKIPPED_NAMES[kind]
    what = one if count == 1 else f"{count} {several}"
    return f"{what} not read: its content is not in the output" if count == 1 else \
        f"{what} not read: their content is not in the output"
