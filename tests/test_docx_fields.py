"""The DOCX reader on fields: a field's result is read, its instruction never is, and the
numbers Word computes rather than stores (AUTONUM, result-less SEQ) are drawn as Word
draws them. Expected values written by hand."""

from __future__ import annotations

import pytest

from ingest.pipeline import ingest_bytes
from parsers.blocks import ReaderWarning
from parsers.readers.docx.reader import read_docx
from tests.test_docx_reader import STYLES, make_docx, outline, p, r, tbl, tc, tr


def char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def code(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def field(instruction: str, *result: str) -> str:
    """A complex field as Word writes it; no ``result`` runs: no separate either (AUTONUM)."""
    if not result:
        return char("begin") + code(instruction) + char("end")
    return char("begin") + code(instruction) + char("separate") + "".join(result) + char("end")


def simple(instruction: str, *result: str) -> str:
    return f'<w:fldSimple w:instr="{instruction}">{"".join(result)}</w:fldSimple>'


def check_box(state: str) -> str:
    """A legacy FORMCHECKBOX as Word writes it: the state in w:ffData, no result."""
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
            f"<w:calcOnExit w:val=\"0\"/><w:checkBox>{state}</w:checkBox></w:ffData></w:fldChar></w:r>"
            + code(" FORMCHECKBOX ") + char("end"))


H1, H2 = '<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="a2"/>'

CASES = {
    "a field nested in an instruction is an argument, not text": (
        p(r("x "), char("begin"), code(" IF "), field(" PAGE ", r("3")), code(' > 1 "yes" "no" '),
          char("separate"), r("yes"), char("end")),
        ["x yes"]),
    "a HYPERLINK field shows its text, never its address": (
        p(r("see "), field(' HYPERLINK "https://mag.example/plan" \\o "план" ', r("the portal"))),
        ["see the portal"]),
    "an instruction split over runs stays out; a result split over runs is read": (
        p(char("begin"), code(" HYPER"), code('LINK "x" '), char("separate"), r("Моск"), r("ва"), char("end")),
        ["Москва"]),
    "a result over several paragraphs (a table of contents) is read whole": (
        p(char("begin"), code(' TOC \\o "1-3" '), char("separate"), r("Раздел I"))
        + p(r("Раздел II"), char("end")) + p("after"),
        ["Раздел I", "Раздел II", "after"]),
    "AUTONUM numbers the number column": (
        tbl(*(tr(tc(p(field(" AUTONUM "))), tc(p(title))) for title in ("Сессия", "Форум", "Съезд"))),
        [[["1.", "Сессия"], ["2.", "Форум"], ["3.", "Съезд"]]]),
    "AUTONUM with a separator and a format": (
        p(field(" AUTONUM \\s ) "), r(" a")) + p(field(" AUTONUM \\* ROMAN \\s ) "), r(" b")),
        ["1) a", "II) b"]),
    "AUTONUMLGL counts by heading level, \\e drops the last period": (
        p(field(" AUTONUMLGL "), r(" one"), ppr=H1) + p(field(" AUTONUMLGL "), r(" one.one"), ppr=H2)
        + p(field(" AUTONUMLGL \\e "), r(" one.two"), ppr=H2) + p(field(" AUTONUMLGL "), r(" two"), ppr=H1),
        ["H1 1. one", "H2 1.1. one.one", "H2 1.2 one.two", "H1 2. two"]),
    "AUTONUMOUT draws the outline numbers of its level": (
        p(field(" AUTONUMOUT "), ppr=H1) + p(field(" AUTONUMOUT "), ppr=H2) + p(field(" AUTONUMOUT "), ppr=H2),
        ["H1 I.", "H2 A.", "H2 B."]),
    "a result-less SEQ counts per identifier": (
        p(r("Event "), simple(" SEQ Event \\* ARABIC ")) + p(r("Table "), simple(" SEQ Table "))
        + p(r("Event "), field(" SEQ event ", )) + p(r("Event "), char("begin"), code(" SEQ Event "),
                                                     char("separate"), char("end")),
        ["Event 1", "Table 1", "Event 2", "Event 3"]),
    "SEQ switches: \\r resets, \\c repeats, \\h hides, \\* formats": (
        p(simple(" SEQ N \\r 5 ")) + p(simple(" SEQ N \\c ")) + p(r("x"), simple(" SEQ N \\h "))
        + p(simple(" SEQ N \\* ROMAN ")) + p(simple(" SEQ N \\* alphabetic ")),
        ["5", "5", "x", "VII", "h"]),
    "SEQ's \\* MERGEFORMAT and CHARFORMAT keep formatting; the number format is the other \\*": (
        p(simple(" SEQ M \\* MERGEFORMAT \\* roman ")) + p(simple(" SEQ M \\* CHARFORMAT \\* ALPHABETIC "))
        + p(simple(" SEQ M \\* MERGEFORMAT ")),
        ["i", "B", "3"]),
    "a stored SEQ result is read as stored, and counted": (
        p(simple(" SEQ Event ", r("1"))) + p(field(" SEQ Event ", r("2"))) + p(simple(" SEQ Event ")),
        ["1", "2", "3"]),
    "a number field nested in an instruction counts but shows nothing": (
        p(char("begin"), code(" IF "), field(" SEQ N "), code(' = 1 "first" '), char("separate"),
          r("first"), char("end")) + p(simple(" SEQ N ")),
        ["first", "2"]),
    "LISTNUM counts in Word's built-in lists; each field of a paragraph a level lower": (
        p(field(" LISTNUM "), r(" a")) + p(field(" LISTNUM NumberDefault "), r(" b "), field(" LISTNUM "), r(" c"))
        + p(field(' LISTNUM "NumberDefault" \\l 2 '), r(" d")) + p(field(" LISTNUM \\l 1 \\s 5 "), r(" e")),
        ["1) a", "2) b a) c", "b) d", "5) e"]),
    "LISTNUM's legal and outline lists count apart": (
        p(field(" LISTNUM LegalDefault "), r(" x")) + p(field(" LISTNUM LegalDefault \\l 2 "), r(" y"))
        + p(field(" LISTNUM OutlineDefault \\l 1 "), r(" z")) + p(field(" LISTNUM OutlineDefault \\l 2 ")),
        ["1. x", "1.1. y", "I. z", "A."]),
    "a legacy check box form field shows its box, checked or not": (
        p(check_box("<w:checked/>"), r(" очно")) + p(check_box('<w:default w:val="1"/>'), r(" заочно"))
        + p(check_box('<w:default w:val="1"/><w:checked w:val="0"/>'), r(" онлайн"))
        + p(check_box("<w:sizeAuto/>"), r(" нет")),
        ["☒ очно", "☒ заочно", "☐ онлайн", "☐ нет"]),
    "a field in a footnote does not close the body's field": (
        p(char("begin"), code(" HYPERLINK x "), char("separate"), r("link"),
          '<w:r><w:footnoteReference w:id="1"/></w:r>', r(" text"), char("end")),
        ["link1 text"]),
}
FOOTNOTES = ('<w:footnote w:id="1"><w:p>' + field(" PAGE ", r("4")) + '<w:r><w:t xml:space="preserve"> note'
             "</w:t></w:r>" + char("begin") + code(" REF x ") + "</w:p></w:footnote>")


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_fields(body, expected):
    document = read_docx(make_docx(body, styles=STYLES, footnotes=FOOTNOTES))
    assert outline(document) == expected


WARNING_CASES = {
    "LISTNUM of a list the document defines is reported": (
        p(field(" LISTNUM PlanList \\l 1 "), r(" event")),
        [" event"],
        [ReaderWarning("content_skipped", "a LISTNUM field's number (of the document's own list; Word stores "
                                          "none) not read: its content is not in the output")]),
    "a field never closed is reported with what it hid": (
        p(r("kept "), char("begin"), code(" REF x "), r("hidden")) + p("lost"),
        ["kept "],
        [ReaderWarning("field_unclosed", "a field is never closed (no w:fldChar end): 10 characters "
                                         "after its start were read as its instruction and are not in the output")]),
    "a field never closed in a footnote is reported too": (
        p(r("cited"), '<w:r><w:footnoteReference w:id="1"/></w:r>') + p("body"),
        ["cited1", "body"],
        [ReaderWarning("field_unclosed", "a field is never closed (no w:fldChar end): 4 characters "
                                         "after its start were read as its instruction and are not in the output")]),
    "a well-formed field warns of nothing": (p(field(" PAGE ", r("1"))), ["1"], []),
}


@pytest.mark.parametrize("body, expected, warnings", WARNING_CASES.values(), ids=WARNING_CASES.keys())
def test_fields_the_reader_cannot_show_are_reported(body, expected, warnings):
    footnotes = '<w:footnote w:id="1"><w:p>' + r("note") + char("begin") + code(" REF x ") + r("lost") + "</w:p></w:footnote>"
    document = read_docx(make_docx(body, footnotes=footnotes))
    assert (outline(document), list(document.warnings)) == (expected, warnings)


def test_a_plan_numbered_with_autonum_fields_gives_its_events():
    header = tr(*(tc(p(text)) for text in ("№ п/п", "Мероприятия", "Место, дата", "Примечание")),
                trpr="<w:tblHeader/>")
    rows = [tr(tc(p(field(" AUTONUM "))), tc(p(title)), tc(p(place)), tc(p()))
            for title, place in (("Сессия МАГ", "Хабаровск май"), ("Форум", "Москва март"))]
    body = (p("План мероприятий на 2024 год") + tbl(header, *rows)
            + p("Исполнительный вице-президент") + p("В.И. Селиванов"))
    plan = ingest_bytes(make_docx(body), "autonum.docx")
    assert [(e.number, e.title, e.place) for e in plan.events] == [(1, "Сессия МАГ", "Хабаровск"),
                                                                    (2, "Форум", "Москва")]


class CountedFields(list):
    """The reader's stack of open fields, counting the passes made over it."""

    passes = 0

    def __iter__(self):
        CountedFields.passes += 1
        return super().__iter__()


def test_nested_fields_cost_the_same_at_every_depth(monkeypatch):
    # Each w:fldChar searched the whole stack for a field still in its instruction: 8,000 fields
    # begun and never ended took 3.2 s, 40,000 took 67 s. Now the stack is walked once, at the end.
    from parsers.readers.docx import body

    created = body.BodyReader.__init__

    def counted(self, *args, **kwargs):
        created(self, *args, **kwargs)
        self.fields = CountedFields()

    monkeypatch.setattr(body.BodyReader, "__init__", counted)
    CountedFields.passes = 0
    document = read_docx(make_docx(p(*[char("begin"), code(" QUOTE x "), char("separate")] * 500, r("tail"))))
    assert outline(document) == ["tail"]
    assert CountedFields.passes <= 2
