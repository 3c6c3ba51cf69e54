"""Generate plans of any size for the benchmark: N events as DOCX (python-docx's XML) and HTML
(LibreOffice's "Save as HTML" of that DOCX, and a lean hand-written page).

The events cycle through the 2024 plan's rows (samples/plans/plan_2024.py),
renumbered 1..N, with a section heading row every SECTION_EVERY events, so a
generated plan exercises the same paths as the real one: place and date as two
paragraphs, bullet items, notes with organizers.

    python bench/generate.py 1000 /tmp/plans   # plan_1000.docx, .lean.html, .libreoffice.html
"""

from __future__ import annotations

import html
import importlib.util
import io
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from plans.plan_2024 import PLAN  # noqa: E402
from samplekit.plan import Event  # noqa: E402

SECTION_EVERY = 50
TITLE = "План мероприятий Международной Ассамблеи столиц и крупных городов (МАГ) на 2024 год"
HEADER = ("№ п/п", "Мероприятия", "Место, дата", "Примечание")
SIGNATORY = "Исполнительный вице-президент МАГ В.И. Селиванов"
LIBREOFFICE_TIMEOUT_S = 3600  # 10,000 events: over a minute on a quiet machine, over 3 on a busy one


def events(count: int) -> list[tuple[str | None, Event]]:
    """``count`` events cycled from the 2024 plan, each with the section heading that precedes it."""
    model = [row for row in PLAN.rows if isinstance(row, Event) and row.number]
    chosen = []
    for index in range(count):
        section = f"Раздел {index // SECTION_EVERY + 1}" if index % SECTION_EVERY == 0 and index else None
        chosen.append((section, model[index % len(model)]))
    return chosen


def cell_lines(event: Event) -> tuple[list[str], list[str], list[str], str]:
    """Title paragraphs, bullet items, place/date paragraphs and note of one event."""
    place_date = [text for text in (event.place, event.date) if text]
    return list(event.title), list(event.items), place_date, event.note


def plan_docx(count: int) -> bytes:
    """A DOCX plan of ``count`` events, as python-docx would write it (see ``write_docx``)."""
    buffer = io.BytesIO()
    write_docx(count, buffer)
    return buffer.getvalue()


def write_docx(count: int, target) -> None:
    """Write a DOCX plan of ``count`` events to ``target`` (a path or a binary file).

    The WordprocessingML is written directly, streamed event by event into the zip: every part
    but word/document.xml is python-docx's default template as it is, and the body is the XML
    that python-docx writes for ``python_docx_plan``'s calls (tests/test_generate.py checks that
    both give the same records). python-docx itself builds the table row by row, which takes
    minutes at 100,000 events; this takes seconds.
    """
    with zipfile.ZipFile(DOCX_TEMPLATE) as template, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        head, _, rest = template.read("word/document.xml").decode("utf-8").partition("<w:body>")
        section = re.sub(r">\s+<", "><", rest[rest.index("<w:sectPr"):rest.index("</w:body>")].strip())
        for member in template.infolist():
            if member.filename != "word/document.xml":
                package.writestr(member.filename, template.read(member), zipfile.ZIP_DEFLATED)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            write = part.write
            write(f"{head.rstrip()}<w:body>{_paragraph(TITLE, bold=True)}{_TABLE_START}".encode("utf-8"))
            write(_row(HEADER).encode("utf-8"))
            chunk = []
            for number, (section_title, event) in enumerate(events(count), start=1):
                if section_title:
                    chunk.append(_SPANNED_ROW.format(paragraph=_paragraph(section_title, bold=True)))
                titles, items, place_date, note = cell_lines(event)
                chunk.append(_row((f"{number}.", (titles, items), place_date, note)))
                if len(chunk) >= 500:
                    write("".join(chunk).encode("utf-8"))
                    chunk = []
            write("".join(chunk).encode("utf-8"))
            write(f"</w:tbl>{_paragraph(SIGNATORY)}{section}</w:body></w:document>".encode("utf-8"))


# python-docx's XML for what python_docx_plan does: "Table Grid", four columns of its default
# 2160 twips, a cell's width on every cell, a merge across the row as one cell spanning four.
DOCX_TEMPLATE = Path(importlib.util.find_spec("docx").origin).parent / "templates" / "default.docx"
_TABLE_START = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
                '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0"'
                ' w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>' + '<w:gridCol w:w="2160"/>' * 4
                + '</w:tblGrid>')
_CELL = '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="2160"/></w:tcPr>{paragraphs}</w:tc>'
_SPANNED_ROW = ('<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="8640"/><w:gridSpan w:val="4"/></w:tcPr>'
                '{paragraph}</w:tc></w:tr>')
_BULLET = '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'


def _row(cells) -> str:
    """One table row: each cell a text, a list of paragraphs, or (paragraphs, bullet items)."""
    return "<w:tr>" + "".join(_CELL.format(paragraphs=_cell(cell)) for cell in cells) + "</w:tr>"


def _cell(content) -> str:
    """A cell's paragraphs as python-docx writes them: ``cell.text``, then ``add_paragraph``."""
    if isinstance(content, str):
        content = [content]
    paragraphs, items = content if isinstance(content, tuple) else (content, [])
    texts = list(paragraphs) or [""]
    return "".join(_paragraph(text) for text in texts) + "".join(_paragraph(item, bullet=True) for item in items)


def _paragraph(text: str, *, bold: bool = False, bullet: bool = False) -> str:
    """A paragraph of one run, as python-docx's ``run.text`` setter writes it: a tab a
    ``<w:tab/>``, each ``\\n`` and ``\\r`` a ``<w:br/>``, spaces at either end kept (``xml:space``)."""
    properties = _BULLET if bullet else ""
    run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    if not text:
        return f"<w:p>{properties}<w:r>{run_properties}</w:r></w:p>" if bold else f"<w:p>{properties}<w:r/></w:p>"
    pieces = []
    for index, line in enumerate(text.replace("\r", "\n").split("\n")):
        if index:
            pieces.append("<w:br/>")
        for position, part in enumerate(line.split("\t")):
            if position:
                pieces.append("<w:tab/>")
            if part:
                space = ' xml:space="preserve"' if part != part.strip() else ""
                pieces.append(f"<w:t{space}>{escape(part)}</w:t>")
    return f"<w:p>{properties}<w:r>{run_properties}{''.join(pieces)}</w:r></w:p>"


def python_docx_plan(count: int) -> bytes:
    """The same plan built by python-docx, row by row: the reference ``write_docx`` is checked
    against (tests/test_generate.py); too slow for large plans (minutes at 100,000 events)."""
    import docx

    document = docx.Document()
    document.add_paragraph().add_run(TITLE).bold = True
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for number, (section, event) in enumerate(events(count), start=1):
        if section:
            row = table.add_row().cells
            merged = row[0].merge(row[3])
            merged.paragraphs[0].add_run(section).bold = True
        titles, items, place_date, note = cell_lines(event)
        cells = table.add_row().cells
        cells[0].text = f"{number}."
        _fill(cells[1], titles, items)
        _fill(cells[2], place_date, [])
        cells[3].text = note
    document.add_paragraph(SIGNATORY)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill(cell, paragraphs: list[str], items: list[str]) -> None:
    """Put paragraphs, then bulleted items, into a python-docx cell."""
    cell.text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)
    for text in items:
        cell.add_paragraph(text, style="List Bullet")


def plan_html(count: int) -> bytes:
    """An HTML plan of ``count`` events, from a string template: the leanest markup that
    holds the plan (no attributes, no layout whitespace), so the parser's own work per
    event is as small as it gets. No producer writes pages this bare; see libreoffice_html."""
    rows = ["<tr>" + "".join(f"<th>{html.escape(text)}</th>" for text in HEADER) + "</tr>"]
    for number, (section, event) in enumerate(events(count), start=1):
        if section:
            rows.append(f'<tr><td colspan="4"><b>{html.escape(section)}</b></td></tr>')
        titles, items, place_date, note = cell_lines(event)
        title = "".join(f"<p>{html.escape(t)}</p>" for t in titles)
        if items:
            title += "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"
        place = "".join(f"<p>{html.escape(t)}</p>" for t in place_date)
        rows.append(f"<tr><td>{number}.</td><td>{title}</td><td>{place}</td><td>{html.escape(note)}</td></tr>")
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>План</title></head><body>'
            f"<p><b>{html.escape(TITLE)}</b></p><table>{''.join(rows)}</table>"
            f"<p>{html.escape(SIGNATORY)}</p></body></html>")
    return page.encode("utf-8")


def libreoffice_available() -> bool:
    """True when LibreOffice (soffice) is installed."""
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def libreoffice_html(docx: Path, target: Path) -> Path:
    """``docx`` saved as HTML by LibreOffice, the producer of the HTML samples, into ``target``.

    Raises SystemExit when LibreOffice is missing, fails or runs past LIBREOFFICE_TIMEOUT_S.
    """
    from make_samples import FILTERS

    from parsers.errors import IngestError
    from parsers.readers.office import run_soffice

    with tempfile.TemporaryDirectory() as work:
        try:
            run_soffice(["--convert-to", FILTERS["html"], "--outdir", work, str(docx)], Path(work),
                        LIBREOFFICE_TIMEOUT_S)
        except IngestError as error:
            raise SystemExit(f"{docx.name}: {error}") from None
        produced = Path(work) / f"{docx.stem}.html"
        if not produced.exists():
            raise SystemExit(f"LibreOffice did not write {produced.name} from {docx.name}")
        shutil.move(produced, target)
    return target


def main(argv: list[str]) -> int:
    """Write plan_N.docx, plan_N.lean.html and (with LibreOffice) plan_N.libreoffice.html."""
    count, folder = int(argv[0]), Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / f"plan_{count}.docx", folder / f"plan_{count}.lean.html"]
    write_docx(count, written[0])
    written[1].write_bytes(plan_html(count))
    if libreoffice_available():
        written.append(libreoffice_html(written[0], folder / f"plan_{count}.libreoffice.html"))
    print(*written)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
