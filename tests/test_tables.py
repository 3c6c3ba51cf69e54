"""One flattener: a record walked once into flat columns, written as each feed writes a value."""

import datetime as dt

import pytest

from schemas.plan import DatePiece, DateSpan, Event, EventSource, PlanWarning
from schemas.tables import columns, flat_columns, flat_values, record_from_row, record_row, row_values

EVENT = Event(id="2024-07", number=7, section=None, title="=Форум", parts=[], items=["A", "B"],
              participation=False, place="Казань",
              date=DateSpan(text="12 и 19 марта", kind="day_range", start=dt.date(2024, 3, 12),
                            end=dt.date(2024, 3, 19),
                            spans=(DatePiece(start=dt.date(2024, 3, 12), end=dt.date(2024, 3, 12)),
                                   DatePiece(start=dt.date(2024, 3, 19), end=dt.date(2024, 3, 19)))),
              organizers=["МАГ"], note=None, source=EventSource(page=None, row=8))

# column: (the model's value, the CSV cell, the store's value), written by hand
EXPECTED = {
    "id": ("2024-07", "2024-07", "2024-07"),
    "number": (7, "7", 7),
    "section": (None, "", None),
    "title": ("=Форум", "=Форум", "=Форум"),
    "parts": ([], "", "[]"),
    "items": (["A", "B"], "A; B", '["A", "B"]'),
    "participation": (False, "false", 0),
    "place": ("Казань", "Казань", "Казань"),
    "date_text": ("12 и 19 марта", "12 и 19 марта", "12 и 19 марта"),
    "date_kind": ("day_range", "day_range", "day_range"),
    "date_start": (dt.date(2024, 3, 12), "2024-03-12", "2024-03-12"),
    "date_end": (dt.date(2024, 3, 19), "2024-03-19", "2024-03-19"),
    "recurrence": (None, "", None),
    "approximate": (False, "false", 0),
    "date_spans": (EVENT.date.spans, "2024-03-12/2024-03-12; 2024-03-19/2024-03-19",
                   '[{"start": "2024-03-12", "end": "2024-03-12"}, {"start": "2024-03-19", "end": "2024-03-19"}]'),
    "date_start_time": (None, "", None),
    "date_end_time": (None, "", None),
    "date_interval": (None, "", None),
    "date_times": (None, "", None),
    "organizers": (["МАГ"], "МАГ", '["МАГ"]'),
    "note": (None, "", None),
    "source_page": (None, "", None),
    "source_row": (8, "8", 8),
}


def test_a_record_flattens_to_its_columns_in_order():
    assert columns(Event) == list(EXPECTED)
    assert flat_values(EVENT) == [model for model, _, _ in EXPECTED.values()]


def test_the_csv_and_the_store_write_the_same_walk():
    assert row_values(EVENT) == [cell for _, cell, _ in EXPECTED.values()]
    assert record_row(EVENT) == {column: stored for column, (_, _, stored) in EXPECTED.items()}


def test_the_csv_neutralises_only_text_cells():
    cells = row_values(EVENT, text=lambda cell: "'" + cell)
    assert cells[columns(Event).index("title")] == "'=Форум"
    assert cells[columns(Event).index("number")] == "7"


@pytest.mark.parametrize("record", [EVENT, PlanWarning(code="x", message="y", where="page 2"),
                                    PlanWarning(code="x", message="y")])
def test_a_store_row_reads_back_as_the_record(record):
    row = record_row(record)
    assert list(row) == flat_columns(type(record))
    assert record_from_row(type(record), row) == record


def test_where_is_location_in_the_store_and_the_workbook():
    assert flat_columns(PlanWarning) == ["code", "message", "location"]
    assert columns(PlanWarning) == ["code", "message", "where"]
