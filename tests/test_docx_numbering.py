"""Word's list numbering: the numbers Word draws and does not store as text.

A plan written in Word usually numbers its "№ п/п" column with an automatic list:
each number cell is an empty paragraph with w:numPr, and numbering.xml says what
Word draws there (``w:lvlText w:val="%1."``). Expected values are written by hand.
"""

from __future__ import annotations

import pytest

from ingest.pipeline import ingest_bytes
from tests.test_docx_reader import make_docx, p, tbl, tc, tr

DECIMAL_LIST = """
<w:abstractNum w:abstractNumId="0">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def auto_numbered_plan(events: list[tuple[str, str, str]]) -> bytes:
    """A plan whose number cells are empty paragraphs of Word's list 1."""
    header = tr(*(tc(p(text)) for text in ("№ п/п", "Мероприятия", "Место, дата", "Примечание")),
                trpr="<w:tblHeader/>")
    rows = [tr(tc(p(ppr=NUMBERED)), tc(p(title)), tc(p(place_date)), tc(p(note)))
            for title, place_date, note in events]
    body = (p("План мероприятий на 2024 год") + tbl(header, *rows)
            + p("Исполнительный вице-президент") + p("В.И. Селиванов"))
    return make_docx(body, numbering=DECIMAL_LIST)


EVENTS = [("Сессия МАГ", "Хабаровск май", "Организатор: МАГ"),
          ("Конференция СМИ", "Москва февраль", ""),
          ("Форум", "Москва март", "Организаторы: МАГ, АСДГ")]


@pytest.mark.xfail(strict=True, reason="issue 13: Word's drawn list numbers are not read yet")
def test_an_auto_numbered_number_column_reads_as_typed_numbers():
    plan = ingest_bytes(auto_numbered_plan(EVENTS), "word.docx")
    assert [(e.number, e.title, e.place) for e in plan.events] == [
        (1, "Сессия МАГ", "Хабаровск"), (2, "Конференция СМИ", "Москва"), (3, "Форум", "Москва")]
    assert [w.code for w in plan.warnings] == []
    assert plan.signatory is not None and plan.signatory.position == "Исполнительный вице-президент"
