"""A tagged PDF's paragraphs: the structure tree read as each MCID's paragraph element
(``parsers/readers/pdf/structure.py``), and the paragraph breaks it gives where the layout
shows none. The real files: every Chromium print in samples/ is tagged
(tests/test_samples_producers.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import LIT

from parsers.readers.pdf.lines import Frame, Glyph, make_line
from parsers.readers.pdf.paragraphs import paragraphs
from parsers.readers.pdf.structure import Mark, TaggedBlocks, marks


class Doc:
    """What TaggedBlocks asks of pdfminer's PDFDocument: its catalogue and its objects."""

    def __init__(self, objects: dict, catalog: dict):
        self.objects, self.catalog = objects, catalog

    def getobj(self, objid: int):
        return self.objects[objid]


def tagged(objects: dict, parents: list, roles: dict | None = None, page_key: int = 0) -> Doc:
    doc = Doc(objects, {})
    refs = [PDFObjRef(doc, objid) if isinstance(objid, int) else objid for objid in parents]
    root = {"ParentTree": {"Nums": [page_key, refs]}}
    if roles:
        root["RoleMap"] = roles
    doc.catalog["StructTreeRoot"] = root
    return doc


# Objects: 1 a paragraph, 2 text in it; 3 a list item's label in item 4; 5 an element whose
# parent is itself; 6 a producer's own type mapped to P; 7 one mapped to 6's, mapped to P in
# turn; 8 one the map maps to itself.
def objects(doc: Doc) -> dict:
    ref = lambda objid: PDFObjRef(doc, objid)  # noqa: E731
    return {1: {"S": LIT("P")}, 2: {"S": LIT("NonStruct"), "P": ref(1)}, 3: {"S": LIT("Lbl"), "P": ref(4)},
            4: {"S": LIT("LI")}, 5: {"S": LIT("Span"), "P": ref(5)}, 6: {"S": LIT("Para")},
            7: {"S": LIT("Normal")}, 8: {"S": LIT("Loop")}}


BLOCK_CASES = {
    "text inside a paragraph element is that paragraph's": (0, 1),
    "a list item's label names no paragraph": (1, None),
    "a tree that loops names none": (2, None),
    "a producer's own type mapped to P by the role map is a paragraph": (3, 6),
    "... mapped to P through another type of its own": (4, 7),
    "a type the role map maps to itself names none": (5, None),
    "an MCID the page's array lacks names none": (9, None),
}


@pytest.mark.parametrize(("mcid", "block"), BLOCK_CASES.values(), ids=BLOCK_CASES.keys())
def test_each_mcid_is_read_as_its_nearest_paragraph_element(mcid, block):
    doc = tagged({}, [2, 3, 5, 6, 7, 8], roles={"Para": LIT("P"), "Normal": LIT("Para"), "Loop": LIT("Loop")})
    doc.objects.update(objects(doc))
    assert TaggedBlocks(doc).of_page({"StructParents": 0})(mcid) == block


@pytest.mark.parametrize(("catalog", "page"), [
    ({}, {"StructParents": 0}),  # untagged
    ({"StructTreeRoot": {"ParentTree": 7}}, {"StructParents": 0}),  # a parent tree that is no number tree
    ({"StructTreeRoot": {"ParentTree": {"Nums": [0, []]}}}, {}),  # a page without StructParents
    ({"StructTreeRoot": {"ParentTree": {"Nums": [0, 12]}}}, {"StructParents": 0}),  # its entry not an array
])
def test_a_pdf_without_a_readable_tree_has_no_tagged_paragraphs(catalog, page):
    assert TaggedBlocks(Doc({}, catalog)).of_page(page) is None


class CountingDoc(Doc):
    """A Doc that counts the objects asked of it."""

    reads = 0

    def getobj(self, objid: int):
        self.reads += 1
        return super().getobj(objid)


def shared_kids_tree(depth: int) -> CountingDoc:
    """A parent tree of ``depth`` nodes above one leaf, each node listing the one below twice
    (as a damaged or hostile file may): 2**depth paths to the leaf, depth + 1 nodes."""
    doc = CountingDoc({}, {})
    doc.objects = {100: {"Nums": [0, [PDFObjRef(doc, 1)]]}, 1: {"S": LIT("P")}}
    for level in range(1, depth + 1):
        below = PDFObjRef(doc, 100 + level - 1)
        doc.objects[100 + level] = {"Kids": [below, below]}
    doc.catalog["StructTreeRoot"] = {"ParentTree": PDFObjRef(doc, 100 + depth)}
    return doc


def test_a_parent_tree_whose_nodes_share_kids_is_read_once_per_node():
    doc = shared_kids_tree(14)
    blocks = TaggedBlocks(doc)
    assert doc.reads <= 15 + 1  # each node once, the leaf's element once at most
    assert blocks.of_page({"StructParents": 0})(0) == 1


def test_a_parent_tree_that_loops_is_read_once_per_node():
    doc = Doc({}, {})
    doc.objects = {7: {"Kids": [PDFObjRef(doc, 7)], "Nums": [0, [PDFObjRef(doc, 1)]]}, 1: {"S": LIT("P")}}
    doc.catalog["StructTreeRoot"] = {"ParentTree": PDFObjRef(doc, 7)}
    assert TaggedBlocks(doc).of_page({"StructParents": 0})(0) == 1


def _mark(block: int | None) -> Mark | None:
    """A page's mark of a run of text drawn in paragraph element ``block`` (None: unmarked)."""
    return None if block is None else Mark(lambda mcid: mcid, block)


def _line(text: str, top: float, block: int | None):
    """A line of 5 pt glyphs from x 0, its glyphs in paragraph ``block``."""
    mark = _mark(block)
    return make_line([Glyph(char, 5.0 * i, 5.0 * (i + 1), top, top + 10.0, 10.0, block=mark)
                      for i, char in enumerate(text)])


# Two lines as close as a paragraph's, the first as wide as the frame (the next word would
# not have fitted): the layout reads them as one paragraph wrapped.
PARAGRAPH_CASES = {
    "two paragraph elements: two paragraphs": ((1, 2), ["Круглый стол МАГ", "Итоги конкурса"]),
    "one element: one paragraph wrapped": ((1, 1), ["Круглый стол МАГ Итоги конкурса"]),
    "untagged: the layout decides": ((None, None), ["Круглый стол МАГ Итоги конкурса"]),
    "one line tagged, one not: the layout decides": ((1, None), ["Круглый стол МАГ Итоги конкурса"]),
}


@pytest.mark.parametrize(("blocks", "texts"), PARAGRAPH_CASES.values(), ids=PARAGRAPH_CASES.keys())
def test_lines_of_two_tagged_paragraphs_are_two_paragraphs_where_the_layout_shows_none(blocks, texts):
    lines = [_line("Круглый стол МАГ", 0.0, blocks[0]), _line("Итоги конкурса", 11.5, blocks[1])]
    assert [p.text for p in paragraphs(lines, Frame(0.0, 80.0))] == texts


def test_a_marks_paragraph_is_looked_up_once_and_only_when_asked():
    asked = []
    mark = Mark(lambda mcid: asked.append(mcid) or 7, 3)
    assert asked == []
    assert (mark.block, mark.block, asked) == (7, 7, [3])


def test_a_pages_glyphs_of_one_mcid_share_one_mark_so_the_tree_is_asked_once_per_mcid():
    asked = []
    mark = marks(lambda mcid: asked.append(mcid) or 7)
    glyph_marks = [mark(mcid) for mcid in (3, 3, 4, 3)]
    assert [found.block for found in glyph_marks] == [7, 7, 7, 7]
    assert (glyph_marks[0] is glyph_marks[1], asked) == (True, [3, 4])


def test_a_bulleted_line_of_another_tagged_paragraph_is_an_item():
    first = _line("Участие в собраниях:", 0.0, 1)
    item = make_line([replace(glyph, block=_mark(2)) for glyph in
                      [Glyph("•", 0.0, 3.0, 11.5, 21.5, 10.0), Glyph(" ", 3.0, 5.0, 11.5, 21.5, 10.0)]
                      + [Glyph(char, 5.0 + 5.0 * i, 10.0 + 5.0 * i, 11.5, 21.5, 10.0) for i, char in enumerate("ОКМО")]])
    found = paragraphs([first, item], Frame(0.0, 100.0))
    assert [(p.text, p.list_kind) for p in found] == [("Участие в собраниях:", None), ("ОКМО", "bullet")]
