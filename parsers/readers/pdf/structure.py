"""The paragraphs a tagged PDF names: its structure tree's block elements, by marked content.

A tagged PDF (Chromium's "Save as PDF" writes one, as Word's PDF export does) marks each
run of text it draws with a marked-content id (MCID); the structure tree's parent tree maps
a page's MCIDs to the structure elements they belong to (``/NonStruct`` inside ``/P`` inside
``/TD``...). The nearest block element up from there (a paragraph, a heading, a list item)
tells which lines make one paragraph, where the layout may not show it: a paragraph that
ends where a line would have wrapped anyway, with no spacing and no indent. A list item's
label (``/Lbl``) names no paragraph, so a bullet does not part its item from its text.

Damaged or odd trees are read as no structure: the layout decides alone, as for an
untagged PDF.
"""

from __future__ import annotations

from typing import Callable

from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSException

from parsers.limits import check_time

# Structure types that make one paragraph of their text (ISO 32000-1, 14.8.4.3).
BLOCK_TYPES = frozenset({"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "Caption", "BlockQuote",
                         "Title", "Note", "TOCI"})
LABEL = "Lbl"
# Steps up the tree before giving up (a tree that loops): paragraphs sit a few levels down.
MAX_DEPTH = 32
# Steps through the role map (custom type to custom type to a standard one) before stopping.
MAX_ROLE_STEPS = 8
# Nodes of the parent tree read before giving up (a page's entry is one node's pair: a real
# tree has about one node per page, Chromium's a single one).
MAX_TREE_NODES = 100_000
# What reading a broken tree may raise (pdfminer resolves objects lazily).
TREE_ERRORS = (PSException, TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError)

BlockOf = Callable[[int], "int | None"]


class Mark:
    """One marked-content id of a page, its paragraph looked up in the tree only when asked
    (most lines are never compared with the one above: a cell of one line, a frame's first)."""

    __slots__ = ("_of", "_mcid", "_block", "_found")

    def __init__(self, of: BlockOf, mcid: int) -> None:
        self._of, self._mcid, self._block, self._found = of, mcid, None, False

    @property
    def block(self) -> int | None:
        """The paragraph element's object id, or None."""
        if not self._found:
            self._block, self._found = self._of(self._mcid), True
        return self._block


def marks(of: BlockOf) -> Callable[[int], Mark]:
    """One ``Mark`` per MCID of a page (glyphs of one marked run share it)."""
    made: dict[int, Mark] = {}

    def mark(mcid: int) -> Mark:
        found = made.get(mcid)
        if found is None:
            found = made[mcid] = Mark(of, mcid)
        return found

    return mark


def number_tree(top) -> dict[int, object]:
    """A number tree's integer keys and their values (ISO 32000-1, 7.9.7), each node read once:
    a tree whose nodes list the same child twice, or loop, costs no more than its nodes.
    Raises ValueError past ``MAX_TREE_NODES`` (such a tree is read as none)."""
    found: dict[int, object] = {}
    seen: set[int] = set()
    stack = [top]
    while stack:
        ref = stack.pop()
        if isinstance(ref, PDFObjRef):
            if ref.objid in seen:
                continue
            seen.add(ref.objid)
        if len(seen) > MAX_TREE_NODES:
            raise ValueError("a parent tree of too many nodes")
        check_time("the structure tree")
        node = resolve1(ref)
        if not isinstance(node, dict):
            continue
        pairs = resolve1(node.get("Nums"))
        if isinstance(pairs, list):
            found.update((key, value) for key, value in zip(pairs[::2], pairs[1::2]) if isinstance(key, int))
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list):
            stack.extend(reversed(kids))
    return found


class TaggedBlocks:
    """A document's structure tree, read as the paragraph element of each page's MCIDs."""

    def __init__(self, doc) -> None:
        self.parents: dict[int, object] = {}
        self.roles: dict = {}
        try:
            root = resolve1(doc.catalog.get("StructTreeRoot"))
            if not isinstance(root, dict) or "ParentTree" not in root:
                return
            roles = resolve1(root.get("RoleMap"))
            self.roles = roles if isinstance(roles, dict) else {}
            self.parents = number_tree(root["ParentTree"])
        except TREE_ERRORS:
            self.parents = {}

    def of_page(self, page_attrs: dict) -> BlockOf | None:
        """For one page (its attributes' ``/StructParents``), the paragraph element (its object
        id) each MCID is drawn in, or None when the tree says none; None for an untagged page.
        Not cached: the page's ``marks`` ask once per MCID, each ``Mark`` remembering it."""
        try:
            array = resolve1(self.parents.get(resolve1(page_attrs.get("StructParents"))))
        except TREE_ERRORS:
            return None
        if not isinstance(array, list):
            return None

        def block(mcid: int) -> int | None:
            try:
                return self._block(array[mcid]) if 0 <= mcid < len(array) else None
            except TREE_ERRORS:
                return None

        return block

    def _block(self, ref) -> int | None:
        """The object id of the nearest block element at or above ``ref``; None past a label."""
        for _ in range(MAX_DEPTH):
            if not isinstance(ref, PDFObjRef):
                return None
            element = resolve1(ref)
            if not isinstance(element, dict):
                return None
            kind = self._role(element.get("S"))
            if kind == LABEL:
                return None
            if kind in BLOCK_TYPES:
                return ref.objid
            ref = element.get("P")
        return None

    def _role(self, kind) -> str | None:
        """A structure type's name, a custom one mapped to the standard one (``/RoleMap``,
        followed up to ``MAX_ROLE_STEPS`` steps: a map may name a type it maps in turn)."""
        name = getattr(kind, "name", None)
        seen = {name}
        for _ in range(MAX_ROLE_STEPS):
            if name not in self.roles:
                break
            mapped = getattr(resolve1(self.roles.get(name)), "name", None)
            if mapped is None or mapped in seen:  # a map that loops names its last new type
                break
            seen.add(mapped)
            name = mapped
        return name
