"""One pass over a page's drawing: glyphs and ruling edges, in pdfplumber's coordinates.

pdfplumber turns every object pdfminer lays out into a dict of every attribute
(``page.objects``), and its ``lines`` table strategy reads the edges from there.
That conversion costs about as much as laying the page out. The reader needs
far less: each glyph's text, box, size and font, and the edges of drawn lines
and boxes. So this module walks ``page.layout`` (pdfminer's layout, which
pdfplumber makes and caches) once, builds exactly that, and hands the edges to
pdfplumber's own table finder as explicit lines (``find_ruled_tables``), which
then snaps, joins and intersects them as its ``lines`` strategy would, one group of
edges at a time (``edge_groups``: tables one above another are snapped apart).

Coordinates follow pdfplumber's ``Page.process_object``: ``top``/``bottom``
measured down from the top of the page, shifted by the media box origin; the
tests check them against ``page.chars`` and ``page.find_tables()``.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field, replace

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils import obj_to_edges

from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.readers.pdf.lines import Glyph
from parsers.readers.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from parsers.readers.pdf.structure import BlockOf, marks

# pdfplumber's prefilter for the "lines" strategy: shorter edges are dropped
# before snapping (``TableSettings.edge_min_length_prefilter``).
EDGE_PREFILTER = 1.0
# closing_edges: rule ends within CLOSE_TOLERANCE (pt) of one height are one row edge
# (heights rounded to CLOSE_DIGITS), closed unless rules span COVERED_SHARE of it.
CLOSE_TOLERANCE = 1.0
CLOSE_DIGITS = 0
COVERED_SHARE = 0.9
# Edges further apart than this up the page (pt) are tables of their own, snapped apart
# (``edge_groups``): pdfplumber's snap and join tolerance.
GROUP_GAP = 3.0
# pdfminer's text for a glyph whose font maps it to no character ("(cid:0)": a font's
# .notdef, drawn where the font lacks the character; "(cid:37)": a font with no ToUnicode
# map): the reader reads it as the replacement character and counts it for a warning.
UNMAPPED = re.compile(r"\(cid:\d+\)")
UNMAPPED_TEXT = "\ufffd"
# How far (pt) left of the letter it was drawn over an unmapped label is put: before it in
# the line's order, touching it.
LABEL_NUDGE = 0.01
# A glyph drawn again on the next page keeps its x to this many decimals; glyphs whose
# bottoms lie within SAME_LINE of their size are one line; TOUCH (pt): a line's bottom that
# close to the next line's top sits above it.
KEY_DIGITS = 1
SAME_LINE = 0.25
TOUCH = 0.5
# White in the grey, RGB and CMYK colour spaces.
WHITE = frozenset({(1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0)})
# A filled shape of this many distinct corners or fewer is no round bullet.
TRIANGLE_CORNERS = 3


@dataclass
class PageObjects:
    """What the reader takes from one page's drawing."""

    glyphs: list[Glyph] = field(default_factory=list)
    shapes: list[dict] = field(default_factory=list)  # lines, boxes, curves as pdfplumber dicts
    images: int = 0
    unmapped: int = 0  # glyphs whose font maps them to no character (read as UNMAPPED_TEXT)


def page_objects(page, settings: PdfSettings = DEFAULT_SETTINGS, blocks: BlockOf | None = None) -> PageObjects:
    """The page's glyphs and shapes, read from pdfminer's layout in one walk; ``blocks`` (a
    tagged page's, ``structure.TaggedBlocks.of_page``) gives each glyph its paragraph."""
    found = PageObjects()
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    bold_words = settings.bold_font_words
    bold_fonts: dict[str, bool] = {}
    mark = marks(blocks) if blocks is not None else None
    stack = list(reversed(page.layout._objs))
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            font = obj.fontname if isinstance(obj.fontname, str) else obj.fontname.decode("latin-1")
            bold = bold_fonts.get(font)
            if bold is None:
                bold = bold_fonts[font] = any(word in font.lower() for word in bold_words)
            text = obj.get_text()
            if text.startswith("(cid:") and UNMAPPED.fullmatch(text):
                text = UNMAPPED_TEXT
                found.unmapped += 1
            mcid = getattr(obj, "mcid", None) if mark is not None else None
            found.glyphs.append(Glyph(text, obj.x0 + mb_x0, obj.x1 + mb_x0,
                                      height - obj.y1 + mb_top, height - obj.y0 + mb_top, obj.size, bold,
                                      block=mark(mcid) if isinstance(mcid, int) else None))
        elif isinstance(obj, LTCurve):
            if _paints_white(obj):
                continue  # a background on white paper (a browser paints the page's own): no rule
            if _is_dot(obj, settings):
                found.glyphs.append(_dot_glyph(obj, height, mb_x0, mb_top, settings))
            else:
                found.shapes.append(_shape(obj, height, mb_x0, mb_top))
        elif isinstance(obj, LTImage):
            found.images += 1
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(obj._objs))
    if found.unmapped:
        found.glyphs = without_hidden_unmapped(found.glyphs, settings)
    return found


# The height of a band of ``GlyphBands``, in points (a line's glyphs share one or two).
BAND = 4.0


class GlyphBands:
    """Glyphs filed by band of their top (``BAND`` pt) and, in each, by left edge, each band
    knowing its widest glyph: the glyphs that may reach into a span of one line are found by
    bisection in that line's bands, not by a scan of the page. A very wide glyph widens the
    search of its own band only (page-wide, one made every search cover the page: quadratic)."""

    def __init__(self, glyphs: list[Glyph]) -> None:
        filed: dict[float, list[Glyph]] = {}
        for glyph in glyphs:
            filed.setdefault(_band_of(glyph.top), []).append(glyph)
        self.keys = sorted(filed)
        self.bands = []
        for key in self.keys:
            band = sorted(filed[key], key=lambda glyph: glyph.x0)
            self.bands.append(([glyph.x0 for glyph in band], band, max(glyph.x1 - glyph.x0 for glyph in band)))

    def reaching(self, glyph: Glyph, x0: float, x1: float) -> list[Glyph]:
        """The glyphs with a top within ``SAME_LINE`` of ``glyph``'s size of its own (and a few
        in bands next to them) that start before ``x1`` and within their band's widest glyph's
        width before ``x0``."""
        reach = SAME_LINE * glyph.size
        first = bisect.bisect_left(self.keys, _band_of(glyph.top - reach))
        last = bisect.bisect_right(self.keys, _band_of(glyph.top + reach))
        found: list[Glyph] = []
        for starts, band, widest in self.bands[first:last]:
            found.extend(band[bisect.bisect_left(starts, x0 - widest):bisect.bisect_right(starts, x1)])
        return found


def _band_of(top: float) -> float:
    """The band of a top; one band, last, for every top that is no finite number (a damaged
    PDF's: inf // BAND is NaN, which sorts nowhere and would break the bisection)."""
    return top // BAND if math.isfinite(top) else math.inf


def without_hidden_unmapped(glyphs: list[Glyph], settings: PdfSettings = DEFAULT_SETTINGS) -> list[Glyph]:
    """The glyphs without the unmapped ones drawn over another glyph of the same line (more
    than half their width on it): a label the font could not draw, set on top of the text
    (Chromium's print of LibreOffice's XHTML list labels), shows nothing and hides nothing;
    read as text it would split the word under it ("\ufffdВ\ufffdАРМСУ"). They stay counted.
    One drawn over the first letter of its line (no text of the line ends within a column
    gap before it), from its left edge on, is kept, moved to touch that letter from the left
    with no width: the line opens with it, as a label the font lacked opens an item
    (``labels.read_labels``). Each is compared with the glyphs of its own line near it only
    (``GlyphBands``)."""
    bands = GlyphBands([glyph for glyph in glyphs if glyph.text != UNMAPPED_TEXT and glyph.text.strip()])

    def near(glyph: Glyph, x0: float, x1: float) -> list[Glyph]:
        """The mapped glyphs of ``glyph``'s line that may reach into x0..x1."""
        return [other for other in bands.reaching(glyph, x0, x1) if abs(other.top - glyph.top) <= SAME_LINE * glyph.size]

    def under(glyph: Glyph) -> Glyph | None:
        """The leftmost mapped glyph of its line covering more than half of it, or None."""
        width = glyph.x1 - glyph.x0
        return next((other for other in near(glyph, glyph.x0, glyph.x1)
                     if min(glyph.x1, other.x1) - max(glyph.x0, other.x0) > width / 2), None)

    def opens_line(first: Glyph) -> bool:
        gap = settings.column_gap * first.size
        return not any(other.x0 < first.x0 and other.x1 > first.x0 - gap for other in near(first, first.x0 - gap, first.x0))

    # A label is drawn from its letter's left edge on, glyph after glyph (left to right).
    moved: dict[int, float] = {}
    ends: dict[int, float] = {}  # covered glyph -> where the label drawn over it has reached
    for glyph in sorted((glyph for glyph in glyphs if glyph.text == UNMAPPED_TEXT), key=lambda glyph: glyph.x0):
        covered = under(glyph)
        if covered is None:
            continue
        reach = ends.get(id(covered), covered.x0)
        if abs(glyph.x0 - reach) <= settings.align_tolerance and opens_line(covered):
            ends[id(covered)] = glyph.x1
            moved[id(glyph)] = covered.x0 - LABEL_NUDGE
        else:
            moved[id(glyph)] = None
    return [glyph if id(glyph) not in moved else replace(glyph, x0=moved[id(glyph)], x1=moved[id(glyph)])
            for glyph in glyphs if moved.get(id(glyph), 0.0) is not None]


def _paints_white(obj: LTCurve) -> bool:
    """True for a shape filled in white and not stroked: it shows nothing on the page (Chromium
    paints a page's white background as a box the size of the text area, whose sides are no
    table's rules)."""
    return bool(obj.fill) and not obj.stroke and _colour(obj.non_stroking_color) in WHITE


def _colour(value) -> tuple:
    """A PDF colour as a tuple of floats (pdfminer gives a number, a tuple or a list)."""
    if isinstance(value, (int, float)):
        return (float(value),)
    try:
        return tuple(float(part) for part in value)
    except (TypeError, ValueError):
        return ()  # a pattern or a named colour: not known to be white


GlyphKey = tuple[str, float]


def glyph_key(glyph: Glyph) -> GlyphKey:
    """What a glyph drawn again on the next page keeps: its text and where it starts across."""
    return glyph.text, round(glyph.x0, KEY_DIGITS)


def bottom_line_keys(glyphs: list[Glyph]) -> frozenset[GlyphKey]:
    """The keys of the page's lowest line of text (the glyphs whose bottom is the lowest)."""
    visible = [glyph for glyph in glyphs if glyph.text.strip()]
    if not visible:
        return frozenset()
    lowest = max(glyph.bottom for glyph in visible)
    return frozenset(glyph_key(g) for g in visible if lowest - g.bottom <= SAME_LINE * g.size)


def without_carried(glyphs: list[Glyph], carried: frozenset[GlyphKey]) -> list[Glyph]:
    """The page's glyphs without a line drawn again from the page before: a browser draws
    a line that a page break cuts on both pages, clipped to each, and the next page keeps
    the glyphs whose ink reaches into it (descenders: "р", "д", "у" of "городских"), above
    its first line, each where it stood in the previous page's last line. Those are dropped
    only when all the glyphs above the page's first other line are such repeats, and only
    some of that line's glyphs: the whole line again is text of its own (a cell atop the
    page that says what the cell above the break said, "в течение года")."""
    if not carried:
        return glyphs
    visible = [glyph for glyph in glyphs if glyph.text.strip()]
    repeated = [glyph_key(glyph) in carried for glyph in visible]
    if all(repeated) or not any(repeated):
        return glyphs
    first_top = min(glyph.top for glyph, again in zip(visible, repeated) if not again)
    above = [glyph for glyph in glyphs if glyph.bottom <= first_top + TOUCH]
    if not above or any(glyph_key(glyph) not in carried for glyph in above if glyph.text.strip()):
        return glyphs
    if len({glyph_key(glyph) for glyph in above if glyph.text.strip()}) >= len(carried):
        return glyphs  # not clipped: the whole line, drawn again as text
    dropped = {id(glyph) for glyph in above}
    return [glyph for glyph in glyphs if id(glyph) not in dropped]


def _is_dot(obj: LTCurve, settings: PdfSettings) -> bool:
    """A small filled round shape (not a line or box): a list bullet as browsers draw it.
    A triangle is not round: it is where two shades of a drawn border meet (an <hr>'s end)."""
    if isinstance(obj, (LTRect, LTLine)) or not obj.fill or len(set(obj.pts)) <= TRIANGLE_CORNERS:
        return False
    width, tall = obj.x1 - obj.x0, obj.y1 - obj.y0
    return 0.5 <= width <= settings.dot_max_width and abs(width - tall) <= 0.2 * width


def _dot_glyph(obj: LTCurve, height: float, mb_x0: float, mb_top: float, settings: PdfSettings) -> Glyph:
    """The bullet a drawn dot stands for, its box as tall as the type it goes with,
    centred on the dot (so it joins the line of the item it opens)."""
    size = (obj.x1 - obj.x0) / settings.dot_em
    middle = height - (obj.y0 + obj.y1) / 2 + mb_top
    return Glyph("•", obj.x0 + mb_x0, obj.x1 + mb_x0, middle - size / 2, middle + size / 2, size, False)


def _shape(obj: LTCurve, height: float, mb_x0: float, mb_top: float) -> dict:
    """A drawn line, box or curve as the dict pdfplumber's edge helpers expect."""
    kind = "rect" if isinstance(obj, LTRect) else "line" if isinstance(obj, LTLine) else "curve"
    top, bottom = height - obj.y1 + mb_top, height - obj.y0 + mb_top
    shape = {
        "object_type": kind, "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0, "y0": obj.y0, "y1": obj.y1,
        "top": top, "bottom": bottom, "doctop": top, "width": obj.x1 - obj.x0, "height": obj.y1 - obj.y0,
    }
    if kind == "curve":
        shape["pts"] = [(mb_x0 + x, mb_top + height - y) for x, y in obj.pts]
    return shape


def find_ruled_tables(page, shapes: list[dict], limits: Limits = DEFAULT_LIMITS) -> list:
    """pdfplumber's tables on the page's drawn lines (its "lines" strategy, fed the edges);
    a page of more rule segments than ``limits.max_page_rules`` is refused before the search."""
    vertical: list[dict] = []
    horizontal: list[dict] = []
    for shape in shapes:
        for edge in obj_to_edges(shape):
            if edge["orientation"] == "v" and edge["height"] >= EDGE_PREFILTER:
                vertical.append(edge)
            elif edge["orientation"] == "h" and edge["width"] >= EDGE_PREFILTER:
                horizontal.append(edge)
    limits.check_page_rules(len(vertical) + len(horizontal), page.page_number)
    tables = []
    for group_vertical, group_horizontal in edge_groups(vertical, horizontal):
        tables.extend(_tables_of(page, group_vertical, group_horizontal))
    return sorted(tables, key=lambda table: (table.bbox[1], table.bbox[0]))


def _tables_of(page, vertical: list[dict], horizontal: list[dict]) -> list:
    """pdfplumber's tables on one group of edges (``edge_groups``)."""
    horizontal = horizontal + closing_edges(vertical, horizontal)
    if len(vertical) < 2 or len(horizontal) < 2:
        return []  # no grid can be drawn with fewer
    settings = TableSettings.resolve({
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal,
    })
    return TableFinder(page, settings).tables


def edge_groups(vertical: list[dict], horizontal: list[dict],
                gap: float = GROUP_GAP) -> list[tuple[list[dict], list[dict]]]:
    """The edges in groups, one above another with more than ``gap`` between them, each
    (vertical, horizontal). pdfplumber snaps edges within 3 pt of each other to their mean
    over all it is given: two tables on one page whose columns lie that close (an event
    table ending above an annex table) would have each one's column edges moved towards the
    other's, and its cells' frames with them. Snapped one group at a time, they keep their own."""
    groups: list[tuple[float, list[dict], list[dict]]] = []
    for edge in sorted(vertical + horizontal, key=lambda e: e["top"]):
        if not groups or edge["top"] > groups[-1][0] + gap:
            groups.append((edge["bottom"], [], []))
        bottom, group_vertical, group_horizontal = groups[-1]
        (group_vertical if edge["orientation"] == "v" else group_horizontal).append(edge)
        groups[-1] = (max(bottom, edge["bottom"]), group_vertical, group_horizontal)
    return [(group_vertical, group_horizontal) for _, group_vertical, group_horizontal in groups]


def closing_edges(vertical: list[dict], horizontal: list[dict]) -> list[dict]:
    """Horizontal edges that close rows left open: where two or more vertical rules end
    at one height with no rule drawn across them there. A browser draws no bottom border
    under a row cut by a page break (nor a top one above its continuation), and a table's
    cells are only found between drawn rules."""
    ends: dict[float, list[dict]] = {}
    for edge in vertical:
        for y in (edge["top"], edge["bottom"]):
            ends.setdefault(round(y, CLOSE_DIGITS), []).append(edge)
    closing = []
    for y, edges in ends.items():
        if len(edges) < 2:
            continue
        x0, x1 = min(edge["x0"] for edge in edges), max(edge["x1"] for edge in edges)
        if _covered(horizontal, y, x0, x1):
            continue
        closing.append({"object_type": "line", "orientation": "h", "x0": x0, "x1": x1,
                        "top": y, "bottom": y, "doctop": y, "width": x1 - x0, "height": 0.0})
    return closing


def _covered(horizontal: list[dict], y: float, x0: float, x1: float) -> bool:
    """True when drawn horizontal rules at height ``y`` span most of ``x0``..``x1``."""
    spans = sorted((edge["x0"], edge["x1"]) for edge in horizontal if abs(edge["top"] - y) <= CLOSE_TOLERANCE)
    covered, reach = 0.0, x0
    for left, right in spans:
        left, right = max(left, reach), min(right, x1)
        if right > left:
            covered += right - left
            reach = right
    return covered >= COVERED_SHARE * (x1 - x0)
