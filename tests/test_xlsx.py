"""The Excel export: read back with openpyxl and pandas, it holds the records; formulas never run."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from typing import get_args, get_origin

import openpyxl
import pandas as pd
import pytest
from pydantic import BaseModel

from schemas.tables import flat_columns, is_list, nested_model
from ingest.export.xlsx import BOOLEAN_FORMAT, DATE_FORMAT, MAX_WIDTH, SHEETS, write_xlsx
from schemas.plan import PlanWarning
from tests.conftest import ROOT
from tests.feed_plans import expected_plan, with_date_pieces


@pytest.fixture(scope="module")
def plan():
    warnings = [PlanWarning(code="numbering", message="номер 7 повторяется", where="строка 9")]
    return with_date_pieces(expected_plan()).model_copy(update={"warnings": warnings})


@pytest.fixture(scope="module")
def workbook_path(plan, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "plan_2024.xlsx"
    write_xlsx(plan, path)
    return path


@pytest.fixture(scope="module")
def workbook(workbook_path):
    return openpyxl.load_workbook(workbook_path)


def record_from_cells(model, header: list[str], values: tuple, prefix: str = ""):
    """A record rebuilt from one sheet row: dates from Excel dates, lists split on "; "."""
    cells = dict(zip(header, values))
    fields = {}
    for name, info in model.model_fields.items():
        nested = nested_model(info.annotation)
        if nested is not None:
            fields[name] = record_from_cells(nested, header, values, prefix + name + "_")
            continue
        column = {"date_recurrence": "recurrence", "date_approximate": "approximate",
                  "where": "location"}.get(prefix + name, prefix + name)
        value = cells[column]
        if isinstance(value, dt.datetime):
            value = value.date()
        if is_list(info.annotation):
            value = [list_item(info.annotation, item) for item in value.split("; ")] if value else (
                None if info.default is None else [])
        fields[name] = value
    return fields if prefix else model.model_validate(fields)


def list_item(annotation, text: str):
    """One item of a joined list: text, or a model's fields joined by "/" (a date piece)."""
    [list_type] = [a for a in (annotation, *get_args(annotation)) if get_origin(a) in (list, tuple)]
    item = get_args(list_type)[0]
    if isinstance(item, type) and issubclass(item, BaseModel):
        return dict(zip(item.model_fields, text.split("/")))
    return text


def test_one_sheet_per_table_in_order(workbook):
    assert workbook.sheetnames == ["events", "jubilees", "city_days", "warnings"]


@pytest.mark.parametrize("sheet", list(SHEETS))
def test_each_sheet_reads_back_as_the_records(plan, workbook, sheet):
    rows = list(workbook[sheet].iter_rows(values_only=True))
    header = list(rows[0])
    assert header == flat_columns(SHEETS[sheet])
    assert [record_from_cells(SHEETS[sheet], header, row) for row in rows[1:]] == getattr(plan, sheet)


@pytest.mark.parametrize("sheet", list(SHEETS))
def test_the_header_is_bold_and_frozen(workbook, sheet):
    worksheet = workbook[sheet]
    assert worksheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in worksheet[1])
    assert not any(cell.font.bold for row in worksheet.iter_rows(min_row=2) for cell in row)


def test_dates_are_real_excel_dates(workbook):
    events = workbook["events"]
    header = [cell.value for cell in events[1]]
    row_10 = events[11]  # event 10, under the header
    start, end = row_10[header.index("date_start")], row_10[header.index("date_end")]
    assert start.is_date and start.number_format == DATE_FORMAT and start.value == dt.datetime(2024, 10, 31)
    assert end.is_date and end.value == dt.datetime(2024, 11, 1)
    unscheduled = events[5][header.index("date_start")]  # event 4: "по отдельному графику"
    assert unscheduled.value is None


def test_booleans_are_boolean_cells_shown_as_true_or_false(workbook):
    events = workbook["events"]
    header = [cell.value for cell in events[1]]
    cells = [row[header.index("participation")] for row in events.iter_rows(min_row=2)]
    assert [cell.value for cell in cells][6:9] == [True, False, True]   # events 7-9: "Участие в ..." or not
    assert all(cell.data_type == "b" and cell.number_format == BOOLEAN_FORMAT for cell in cells)


def test_pandas_reads_the_date_columns_as_dates(workbook_path):
    frames = pd.read_excel(workbook_path, sheet_name=None)
    assert list(frames) == list(SHEETS)
    events = frames["events"]
    assert len(events) == 19 and pd.api.types.is_datetime64_any_dtype(events["date_start"])
    assert events.loc[events["number"] == 2, "date_end"].item() == pd.Timestamp(2024, 2, 29)
    assert pd.api.types.is_datetime64_any_dtype(frames["city_days"]["date_start"])


def test_widths_fit_the_content_and_long_titles_wrap(workbook):
    events = workbook["events"]
    header = [cell.value for cell in events[1]]
    width = {name: events.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
             for i, name in enumerate(header)}
    assert width["title"] == MAX_WIDTH
    assert 7 <= width["id"] <= 12          # "2024-01" and a little room
    assert width["date_start"] == len("DD.MM.YYYY") + 2
    title_cells = [row[header.index("title")] for row in events.iter_rows(min_row=2)]
    assert all(cell.alignment.wrap_text for cell in title_cells)
    assert not events.cell(row=2, column=header.index("id") + 1).alignment.wrap_text


DANGEROUS = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "=1+1", "+7 (495) 123-45-67",
             "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "\uff1d1+1", "\uff0b7 495", "\uff0d2+3", "\uff20SUM(A1)"]


@pytest.mark.parametrize("text", DANGEROUS, ids=["hyperlink", "formula", "plus", "minus", "at", "tab", "cr",
                                                 "full-width equals", "full-width plus", "full-width minus",
                                                 "full-width at"])
def test_a_text_that_looks_like_a_formula_stays_text(tmp_path, text):
    plan = expected_plan()
    event = plan.events[0].model_copy(update={"title": text, "place": text})
    path = tmp_path / "unsafe.xlsx"
    write_xlsx(plan.model_copy(update={"events": [event]}), path)
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml                  # no formula anywhere in the sheet
    events = openpyxl.load_workbook(path)["events"]
    header = [cell.value for cell in events[1]]
    for column in ("title", "place"):
        cell = events[2][header.index(column)]
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix


def test_openpyxl_alone_would_write_a_formula(tmp_path):
    """Why keep_as_text exists: openpyxl turns any str starting with "=" into a formula cell."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "=1+1"
    assert workbook.active["A1"].data_type == "f"


def test_importing_the_module_does_not_import_pandas():
    code = "import sys, ingest.export.xlsx; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False"


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    import ingest.export.xlsx as xlsx

    def broken(sheet):
        raise RuntimeError("styling failed")
    monkeypatch.setattr(xlsx, "dress_sheet", broken)
    with pytest.raises(RuntimeError):
        write_xlsx(expected_plan(), tmp_path / "plan.xlsx")
    assert list(tmp_path.iterdir()) == []
