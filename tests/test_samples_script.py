"""The samples script: the 2024 plan data says exactly what the seed says, and the
Flat ODT renderer writes the structures the readers are tested on.

These run without LibreOffice; the converted files are checked by the reader
tests (tests/test_docx_reader.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from plans.plan_2024 import PLAN  # noqa: E402
from samplekit.fodt import NS, render  # noqa: E402
from samplekit.layout import Layout, plan_document  # noqa: E402
from samplekit.plan import Event, Section  # noqa: E402

SEED = ROOT / "samples" / "plan_2024.txt"


def as_seed_export(plan) -> list[str]:
    """The plan written the way the seed's text export writes a plan (non-blank lines).

    Title paragraphs are joined by two spaces, bullets by " • ", place and date
    by a space; merged rows are <b> lines; a continuation row is an HTML list.
    """
    lines = [f"**{plan.title_lines[0]}  ", *[f"{line}  " for line in plan.title_lines[1:-1]],
             f"{plan.title_lines[-1]}**", "\t".join(plan.header)]
    for row in plan.rows:
        if isinstance(row, Section):
            lines.append(f"<b>{row.title}</b>\t\t\t")
        elif row.number is None:
            items = " ".join(f"<li>• {item}</li>" for item in row.items)
            lines.append(f'\t<ul style="list-style-type: none"> {items} </ul>\t\t')
        else:
            lines.append(event_line(row))
    lines += [f"{plan.signatory_position[0]}  ", *plan.signatory_position[1:],
              f"**{plan.signatory_name}**"]
    for part in plan.annex:
        marker = part.heading.superscript or "1"
        lines.append(f"<b>{part.heading.text}<sup>{marker}</sup></b>\t\t\t")
        lines += ["\t".join(values) for values in part.rows]
    notes = [part.heading.footnote for part in plan.annex if part.heading.footnote]
    return lines + ["---"] + [f"<sup>1</sup> {note}" for note in notes]


def event_line(event: Event) -> str:
    """One event row as a tab-separated seed line."""
    title = "  ".join(event.title) + "".join(f" • {item}" for item in event.items)
    place_date = " ".join(text for text in (event.place, event.date) if text)
    return "\t".join([event.number, title, place_date, event.note])


def test_plan_2024_data_says_exactly_what_the_seed_says():
    seed = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert as_seed_export(PLAN) == seed


def test_committed_fodt_source_is_what_the_renderer_writes():
    committed = (ROOT / "samples" / "src" / "plan_2024.fodt").read_bytes()
    assert render(plan_document(PLAN)) == committed, "run python samples/make_samples.py"


def parsed(layout: Layout = Layout()) -> etree._Element:
    """The rendered .fodt of the 2024 plan under ``layout``, parsed."""
    return etree.fromstring(render(plan_document(PLAN, layout)))


def xpath(root: etree._Element, path: str) -> list:
    """XPath with the ODF prefixes."""
    return root.xpath(path, namespaces=NS)


def cell_text(cell: etree._Element) -> str:
    """A table cell's paragraphs, joined by "/"."""
    return "/".join(xpath(p, "string(.)") for p in xpath(cell, ".//text:p"))


def test_header_row_repeats_and_merged_rows_span_the_table():
    root = parsed()
    header = xpath(root, "//table:table[@table:name='Events']/table:table-header-rows/table:table-row")
    assert len(header) == 1
    spans = xpath(root, "//table:table-cell[@table:number-columns-spanned='4']")
    assert len(spans) == 3  # the section heading and the two annex headings
    assert all(len(span.xpath("following-sibling::*[position()<=3][self::table:covered-table-cell]",
                              namespaces=NS)) == 3 for span in spans)


def test_lists_footnote_and_superscript_are_real_structures():
    root = parsed()
    items = [p.text for p in xpath(root, "//text:list/text:list-item/text:p")]
    assert items == ["ОКМО", "ВАРМСУ", "АГП", "АГУ", "АСДГ", "СГЦСЗ России"]
    (note,) = xpath(root, "//text:note")
    assert note.get(f"{{{NS['text']}}}note-class") == "footnote"
    assert xpath(note, "string(text:note-body)").strip() == "Дни городов указаны ОРИЕНТИРОВОЧНО"
    assert [s.text for s in xpath(root, "//text:span[@text:style-name='T_bold_sup']")] == ["1"]


def test_no_whitespace_leaks_into_paragraphs():
    # Indenting inside a text:p would add spaces LibreOffice keeps.
    root = parsed()
    for paragraph in xpath(root, "//text:p"):
        for child in paragraph:
            assert not (child.tail or "").startswith("\n")
        assert not (paragraph.text or "").startswith("\n")


@pytest.mark.parametrize("layout, header", [
    (Layout(), ["№ п/п", "Мероприятия", "Место, дата", "Примечание"]),
    (Layout(place_date="columns", place_date_headers=("Место проведения", "Сроки проведения")),
     ["№ п/п", "Мероприятия", "Место проведения", "Сроки проведения", "Примечание"]),
])
def test_place_and_date_layouts(layout, header):
    root = parsed(layout)
    cells = xpath(root, "//table:table[@table:name='Events']/table:table-header-rows//table:table-cell")
    assert [cell_text(cell) for cell in cells] == header
    first_row = xpath(root, "//table:table[@table:name='Events']/table:table-row[1]/table:table-cell")
    assert [cell_text(cell) for cell in first_row][2:-1] == (
        ["Хабаровск", "май"] if layout.place_date == "columns" else ["Хабаровск/май"])


def test_place_and_date_on_one_line():
    root = parsed(Layout(place_date="line"))
    first_row = xpath(root, "//table:table[@table:name='Events']/table:table-row[1]/table:table-cell[3]/text:p")
    assert [p.text for p in first_row] == ["Хабаровск май"]


def test_borders_can_be_switched_off():
    root = parsed(Layout(borders=False))
    borders = {p.get(f"{{{NS['fo']}}}border") for p in xpath(root, "//style:table-cell-properties")}
    assert borders == {"none"}


def test_the_annex_as_tables_puts_each_part_under_a_heading_paragraph():
    root = parsed(Layout(annex="tables"))
    annex = xpath(root, "//office:text/table:table[starts-with(@table:name, 'Annex')]")
    assert [table.get(f"{{{NS['table']}}}name") for table in annex] == ["Annex1", "Annex2"]
    headings = [xpath(table, "preceding-sibling::text:p[1]")[0] for table in annex]
    assert [xpath(p, "string(text:span[1])") for p in headings] == [
        "Юбилеи городов МАГ", "Дни городов-столиц членов МАГ"]
    assert len(xpath(headings[0], "text:note")) == 1  # the footnote, cited from the heading
    assert not xpath(root, "//table:table[starts-with(@table:name, 'Annex')]//table:covered-table-cell")
    assert [len(xpath(table, ".//table:table-row")) for table in annex] == [8, 9]
