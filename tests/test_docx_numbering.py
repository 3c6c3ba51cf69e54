"""Word's list numbering: the numbers Word draws and does not store as text.

A plan written in Word usually numbers its "№ п/п" column with an automatic list:
each number cell is an empty paragraph with w:numPr, and numbering.xml says what
Word draws there (``w:lvlText w:val="%1."``). Expected values are written by hand.
"""

from __future__ import annotations

import pytest

from lxml import etree

from ingest.pipeline import ingest_bytes
from parsers.readers.docx.numbering import Counters, Numbering, number_text
from parsers.readers.docx.reader import read_docx
from parsers.readers.docx.styles import Styles
from parsers.readers.docx.symbols import symbol_char
from tests.test_cli import run
from tests.test_docx_reader import W_NS, make_docx, p, r, tbl, tc, tr

DECIMAL_LIST = """
<w:abstractNum w:abstractNumId="0">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def auto_numbered_plan(events: list[tuple[str, str, str]], numbering: str | None = DECIMAL_LIST) -> bytes:
    """A plan whose number cells are empty paragraphs of Word's list 1 (``numbering``
    None: a file that lost its numbering part, so nothing says what Word draws)."""
    header = tr(*(tc(p(text)) for text in ("№ п/п", "Мероприятия", "Место, дата", "Примечание")),
                trpr="<w:tblHeader/>")
    rows = [tr(tc(p(ppr=NUMBERED)), tc(p(title)), tc(p(place_date)), tc(p(note)))
            for title, place_date, note in events]
    body = (p("План мероприятий на 2024 год") + tbl(header, *rows)
            + p("Исполнительный вице-президент") + p("В.И. Селиванов"))
    return make_docx(body, **({"numbering": numbering} if numbering else {}))


EVENTS = [("Сессия МАГ", "Хабаровск май", "Организатор: МАГ"),
          ("Конференция СМИ", "Москва февраль", ""),
          ("Форум", "Москва март", "Организаторы: МАГ, АСДГ")]


def test_an_auto_numbered_number_column_reads_as_typed_numbers():
    plan = ingest_bytes(auto_numbered_plan(EVENTS), "word.docx")
    assert [(e.number, e.title, e.place) for e in plan.events] == [
        (1, "Сессия МАГ", "Хабаровск"), (2, "Конференция СМИ", "Москва"), (3, "Форум", "Москва")]
    assert [w.code for w in plan.warnings] == []
    assert plan.signatory is not None and plan.signatory.position == "Исполнительный вице-президент"


def test_event_rows_that_cannot_be_read_exit_2_with_a_message(tmp_path):
    path = tmp_path / "lost_numbering.docx"
    path.write_bytes(auto_numbered_plan(EVENTS, numbering=None))
    done = run("ingest", str(path), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"mag-plan: error: {path}: the event table was found but no event could be read: "
        "none of its 3 rows has an event number in its number column"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# ------------------------------------------------------------ the counters, case by case

def lvl(ilvl: int, fmt: str, text: str, *extra: str) -> str:
    """A w:lvl."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            + "".join(extra) + "</w:lvl>")


def start(value: int) -> str:
    return f'<w:start w:val="{value}"/>'


def font(name: str) -> str:
    return f'<w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}"/></w:rPr>'


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def restart_at(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


NUMBERING = "".join([
    abstract(0, lvl(0, "decimal", "%1.", start(1)), lvl(1, "lowerLetter", "%2)", start(1)),
             lvl(2, "lowerRoman", "%3.", start(1))),
    abstract(1, lvl(0, "upperRoman", "%1.", start(1)), lvl(1, "decimal", "%1.%2.", start(1)),
             lvl(2, "decimal", "%1.%2.%3", start(1), "<w:isLgl/>")),
    abstract(2, lvl(0, "russianLower", "%1)", start(1)), lvl(1, "russianUpper", "%2.", start(1))),
    abstract(3, lvl(0, "decimalZero", "%1", start(9))),
    abstract(4, lvl(0, "bullet", "\uf0b7", font("Symbol")), lvl(1, "bullet", "o", font("Courier New")),
             lvl(2, "bullet", "§", font("Wingdings"))),
    abstract(5, lvl(0, "none", "", start(1)), lvl(1, "decimal", "%2.", start(1), '<w:lvlRestart w:val="0"/>')),
    abstract(6, lvl(0, "upperLetter", "%1.", start(26)), lvl(1, "decimal", "%1%2", start(1))),
    num(1, 0), num(2, 0), num(3, 0, restart_at(0, 1)), num(4, 1), num(5, 2), num(6, 3), num(7, 4),
    num(8, 5), num(9, 6),
    num(10, 0, '<w:lvlOverride w:ilvl="0">' + lvl(0, "upperLetter", "(%1)", start(1)) + "</w:lvlOverride>"),
    num(11, 0, restart_at(0, 5)),
    abstract(7, lvl(0, "decimal", "%1.", start(1)), lvl(1, "decimal", "%1.%2.", start(1)),
             lvl(2, "decimal", "%3)", start(1), '<w:lvlRestart w:val="1"/>')),
    num(12, 7),
    # A list defined by a numbering style: abstractNum 8 is the style's, 9 only links to it.
    abstract(8, lvl(0, "upperRoman", "%1.", start(1)), extra='<w:styleLink w:val="PlanList"/>'),
    abstract(9, extra='<w:numStyleLink w:val="PlanList"/>'),
    num(13, 8), num(14, 9),
    # Damage: a style link that leads back to itself; a label naming a level that does not
    # exist; a start beyond Word's largest.
    abstract(10, extra='<w:numStyleLink w:val="Loop"/>'), num(15, 10),
    abstract(11, lvl(0, "upperRoman", "%1.%9", start(99999999999999999999))), num(16, 11),
    # Word 2010's custom format, as Word writes it: the Choice custom, the Fallback decimal.
    abstract(12, '<w:lvl w:ilvl="0"><w:start w:val="9"/>'
                 '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                 '<mc:Choice xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" Requires="w14">'
                 '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
                 '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
                 '<w:lvlText w:val="%1."/></w:lvl>'), num(17, 12),
    # Levels without w:ilvl, as some web exporters write them: in order, 0 to 8.
    abstract(13, '<w:lvl><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>',
             '<w:lvl><w:numFmt w:val="russianLower"/><w:lvlText w:val="%2)"/></w:lvl>'), num(18, 13),
])
NUMBERING_STYLES = """
<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan list"/>
  <w:pPr><w:numPr><w:numId w:val="13"/></w:numPr></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="Loop"><w:name w:val="Loop"/>
  <w:pPr><w:numPr><w:numId w:val="15"/></w:numPr></w:pPr></w:style>
"""


def numbering_root(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{inner}</w:numbering>'.encode())


# (numId, ilvl) of each item in document order → the labels Word draws.
COUNTER_CASES = {
    "decimal counts up from w:start": ([(1, 0)] * 3, ["1.", "2.", "3."]),
    "another w:num of the same abstractNum counts on": ([(1, 0), (1, 0), (2, 0)], ["1.", "2.", "3."]),
    "a w:startOverride restarts the list where it is first used": (
        [(1, 0), (1, 0), (3, 0), (3, 0), (1, 0)], ["1.", "2.", "1.", "2.", "3."]),
    "a w:startOverride sets any number": ([(11, 0), (11, 0)], ["5.", "6."]),
    "a deeper level restarts after a higher one": (
        [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1), (1, 2)], ["1.", "a)", "b)", "2.", "a)", "i."]),
    "lvlRestart 0: the level never restarts": (
        [(8, 0), (8, 1), (8, 1), (8, 0), (8, 1)], [None, "1.", "2.", None, "3."]),
    "Roman numbers": ([(4, 0)] * 4, ["I.", "II.", "III.", "IV."]),
    "a label with two levels": ([(4, 0), (4, 1), (4, 1), (4, 0), (4, 1)], ["I.", "I.1.", "I.2.", "II.", "II.1."]),
    "w:isLgl shows every level in decimal": ([(4, 0), (4, 0), (4, 1), (4, 2)], ["I.", "II.", "II.1.", "2.1.1"]),
    "a level used before its parent shows the parent's start": ([(4, 1)], ["I.1."]),
    "Russian letters skip ё, й, ъ, ь": (
        [(5, 0)] * 11, ["а)", "б)", "в)", "г)", "д)", "е)", "ж)", "з)", "и)", "к)", "л)"]),
    "Russian capitals": ([(5, 0), (5, 1), (5, 1)], ["а)", "А.", "Б."]),
    "decimalZero from w:start 9": ([(6, 0)] * 2, ["09", "10"]),
    "letters past Z repeat": ([(9, 0), (9, 0), (9, 1)], ["Z.", "AA.", "AA1"]),
    "bullets in Symbol, Courier New and Wingdings": ([(7, 0), (7, 1), (7, 2)], ["•", "o", "▪"]),
    "a w:lvlOverride's w:lvl replaces the level": ([(10, 0), (10, 0)], ["(A)", "(B)"]),
    "an unknown list or level draws nothing": ([(99, 0), (1, 5)], [None, None]),
    "lvlRestart 1: restarted by level 1 only, not by level 2": (
        [(12, 0), (12, 2), (12, 1), (12, 2), (12, 0), (12, 2)], ["1.", "1)", "1.1.", "2)", "2.", "1)"]),
    "a numbering style that links back to itself draws nothing": ([(15, 0)], [None]),
    "a missing level shows its start; a huge start is capped": ([(16, 0)], ["M" * 32 + "DCCLXVII.1"]),  # 32767
    "a custom format from Word 2010's mc:AlternateContent pads with zeros": (
        [(17, 0)] * 2, ["009.", "010."]),
    "levels without w:ilvl are the levels in order": (
        [(18, 0), (18, 1), (18, 1), (18, 0)], ["1.", "а)", "б)", "2."]),
    "a list linked to a numbering style counts with the style's list": (
        [(13, 0), (14, 0), (13, 0)], ["I.", "II.", "III."]),
}


@pytest.mark.parametrize("items, labels", COUNTER_CASES.values(), ids=COUNTER_CASES.keys())
def test_counters(items, labels):
    styles = Styles(etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{NUMBERING_STYLES}</w:styles>'.encode()))
    counters = Counters(Numbering(numbering_root(NUMBERING), styles))
    assert [counters.label(str(num_id), ilvl) for num_id, ilvl in items] == labels


@pytest.mark.parametrize("fmt, number, text", [
    ("decimal", 12, "12"), ("decimalZero", 7, "07"), ("decimalZero", 12, "12"),
    ("upperRoman", 14, "XIV"), ("lowerRoman", 9, "ix"), ("upperLetter", 28, "BB"),
    ("lowerLetter", 3, "c"), ("russianLower", 29, "я"), ("russianLower", 30, "аа"),
    ("russianUpper", 12, "М"), ("ordinal", 3, "3"), ("upperRoman", 0, "0"),
    ("custom:001, 002, 003, ...", 7, "007"), ("custom:0001, 0002, 0003, ...", 12, "0012"),
    ("custom:001, 002, 003, ...", 1234, "1234"), ("custom:1st, 2nd, 3rd, ...", 3, "3"),
    ("custom:" + "0" * 5000 + "1", 3, "3"),  # a padding no format has is no padding
])
def test_number_formats(fmt, number, text):
    assert number_text(fmt, number) == text


@pytest.mark.parametrize("code, font_name, shown", [
    (0xF0B7, "Symbol", "•"), (0xF0B7, None, "•"), (0xF0A7, "Wingdings", "▪"),
    (0xF0FC, "Wingdings", "✓"), (0xF0D8, "Wingdings", "➢"), (0xF061, "Symbol", "α"),
    (0xF0AE, "Symbol", "→"), (ord("§"), "Wingdings", "▪"), (ord("o"), "Courier New", "o"),
    (0xF0F1, "Wingdings", None),
])
def test_symbol_font_characters(code, font_name, shown):
    assert symbol_char(code, font_name) == shown


# ------------------------------------------------------------ the reader puts the label in the model

STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
"""
LINKED = (abstract(0, lvl(0, "decimal", "%1.", start(1)),
                   lvl(1, "lowerLetter", "%2)", start(1), '<w:pStyle w:val="ListNumber2"/>'))
          + num(1, 0) + num(2, 0, restart_at(0, 1)))


def labels(document) -> list:
    """Each paragraph's (label, text), tables' cells in reading order."""
    found = []
    for block in document.blocks:
        paragraphs = [b for row in block.rows for cell in row.cells for b in cell.blocks] \
            if hasattr(block, "rows") else [block]
        found.extend((paragraph.list_label, paragraph.text) for paragraph in paragraphs)
    return found


def item(text: str = "", num_id: str = "1", ilvl: str = "0") -> str:
    return p(*([text] if text else []), ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def test_counters_run_on_across_cells_rows_and_tables():
    body = (tbl(tr(tc(item()), tc(p("a"))), tr(tc(item()), tc(p("b"))))
            + p("between") + tbl(tr(tc(item()), tc(p("c")))))
    assert labels(read_docx(make_docx(body, numbering=LINKED))) == [
        ("1.", ""), (None, "a"), ("2.", ""), (None, "b"), (None, "between"), ("3.", ""), (None, "c")]


def test_an_empty_numbered_paragraph_is_kept_for_its_number():
    (paragraph,) = read_docx(make_docx(item(), numbering=LINKED)).blocks
    assert (paragraph.list_kind, paragraph.list_label, paragraph.text, paragraph.shown_text) == (
        "number", "1.", "", "1.")


def test_the_label_stays_out_of_the_text():
    (paragraph,) = read_docx(make_docx(item("Сессия"), numbering=LINKED)).blocks
    assert (paragraph.text, paragraph.shown_text) == ("Сессия", "1. Сессия")


def test_a_style_gives_the_list_and_the_level_it_is_linked_to():
    body = item("one") + p("two", ppr='<w:pStyle w:val="ListNumber2"/>') + item("three") + item("again", "2")
    assert labels(read_docx(make_docx(body, styles=STYLES, numbering=LINKED))) == [
        ("1.", "one"), ("a)", "two"), ("2.", "three"), ("1.", "again")]


DELETED_MARK = '<w:rPr><w:del w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'
MOVED_MARK = '<w:rPr><w:moveFrom w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr>'


def tracked_item(inner: str, mark: str) -> str:
    """A list item of list 1 whose paragraph mark carries a tracked change."""
    return f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>{mark}</w:pPr>{inner}</w:p>'


@pytest.mark.parametrize("middle, shown", [
    (tracked_item('<w:del w:id="8" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del>', DELETED_MARK),
     ["1. one", "2. two"]),
    (tracked_item('<w:moveFrom w:id="8" w:author="a">' + r("moved away") + "</w:moveFrom>", MOVED_MARK),
     ["1. one", "2. two"]),
    (tracked_item("", DELETED_MARK), ["1. one", "2. two"]),
    # Only the mark deleted, the text kept: the item still shows (and counts).
    (tracked_item(r("kept"), DELETED_MARK), ["1. one", "2. kept", "3. two"]),
    (tracked_item('<w:del w:id="8" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del>', ""),
     ["1. one", "2.", "3. two"]),  # the mark not deleted: an empty item still shows its number
    # Word's "Set Numbering Value", "Advance value (skip numbers)": hidden empty items that count.
    (tracked_item("", "<w:rPr><w:vanish/></w:rPr>") * 2, ["1. one", "4. two"]),
    (tracked_item(r("unseen", rpr="<w:vanish/>"), "<w:rPr><w:vanish/></w:rPr>"), ["1. one", "3. two"]),
    (tracked_item(r("seen"), "<w:rPr><w:vanish/></w:rPr>"), ["1. one", "2. seen", "3. two"]),
], ids=["deleted item", "moved-away item", "deleted empty item", "deleted mark, kept text",
        "deleted text, kept mark", "hidden empty items advance the count", "a hidden item counts unseen",
        "a hidden mark with visible text is an item"])
def test_deleted_and_hidden_list_items(middle, shown):
    body = item("one") + middle + item("two")
    assert [b.shown_text for b in read_docx(make_docx(body, numbering=LINKED)).blocks] == shown


def test_a_list_in_a_footnote_does_not_advance_the_body_list():
    footnotes = (f'<w:footnote w:id="1">{item("note item")}</w:footnote>')
    body = item("one") + p(r("cited"), '<w:r><w:footnoteReference w:id="1"/></w:r>') + item("two")
    document = read_docx(make_docx(body, numbering=LINKED, footnotes=footnotes))
    assert [b.shown_text for b in document.blocks] == ["1. one", "cited1", "2. two"]
    assert document.footnotes[0].text == "1. note item"
