"""Tables without ruling lines, as Word lays them out with their borders off: rows as close
as a cell's lines, rows spaced out by paragraph spacing, and rows left on the other side of
a page break. Lines are built glyph by glyph (5 pt a glyph, 10 pt type); the columns
start at x = 0, 40 and 200. The real files: samples/plan_2024_word_noborders*.pdf in
tests/test_samples.py."""

from __future__ import annotations

import pytest

from parsers.readers.pdf.lines import Frame, Glyph, Line, make_line
from parsers.readers.pdf.reader import PageLayout, assemble, join_pages, page_items
from parsers.readers.pdf.settings import DEFAULT_SETTINGS
from parsers.readers.pdf.tables import TableDraft, find_aligned_tables

SIZE, WIDTH = 10.0, 5.0
CLOSE = 11.5  # top to top of a cell's lines: a 1.5 pt gap (0.15 em)


def line(top: float, *pieces: tuple[float, str], page: int = 1) -> Line:
    """One line: each (x0, text) piece drawn from x0 on, a glyph a character (a space a quarter em)."""
    glyphs = []
    for x0, text in pieces:
        for char in text:
            width = SIZE / 4 if char == " " else WIDTH
            glyphs.append(Glyph(char, x0, x0 + width, top, top + SIZE, SIZE, False))
            x0 += width
    return make_line(glyphs, page=page)


def stacked(*rows: tuple[tuple[float, str], ...], pitch: float = CLOSE, top: float = 100.0,
            page: int = 1) -> list[Line]:
    """Lines one under another, ``pitch`` points apart top to top."""
    return [line(top + index * pitch, *pieces, page=page) for index, pieces in enumerate(rows)]


def texts(table: TableDraft) -> list[tuple[str, ...]]:
    return [row.texts() for row in table.rows]


HEADER = ((0, "№"), (40, "Title"), (200, "Place"))


def test_rows_as_close_as_a_cells_lines_start_at_a_number_in_the_first_column():
    tables, rest = find_aligned_tables(stacked(
        HEADER,
        ((0, "1."), (40, "First event"), (200, "Moscow")),
        ((40, "continued"),),
        ((0, "2."), (40, "Second"), (200, "Kazan")),
    ))
    assert rest == []
    assert texts(tables[0]) == [("№", "Title", "Place"), ("1.", "First event continued", "Moscow"),
                                ("2.", "Second", "Kazan")]


def test_a_first_column_of_two_lines_without_a_number_stays_one_row():
    tables, _ = find_aligned_tables(stacked(
        ((0, "№"), (40, "Title"), (200, "Place")),
        ((0, "п/п"),),
        ((0, "1."), (40, "First"), (200, "Moscow")),
        ((0, "2."), (40, "Second"), (200, "Kazan")),
    ))
    assert texts(tables[0])[0] == ("№ п/п", "Title", "Place")
    assert len(tables[0].rows) == 3


def test_where_gaps_tell_the_rows_apart_the_first_column_is_not_asked():
    # a number written in the middle of its row (a centred cell): the gaps alone decide
    lines = [line(100, *HEADER),
             line(120, (40, "First event")), line(131.5, (0, "1."), (40, "in three"), (200, "Moscow")),
             line(143, (40, "lines")),
             line(163, (0, "2."), (40, "Second"), (200, "Kazan"))]
    tables, _ = find_aligned_tables(lines)
    assert texts(tables[0])[1] == ("1.", "First event in three lines", "Moscow")


def test_a_first_column_of_dates_does_not_number_the_rows():
    # "2024 года" starts a line of the first row's date cell: a wrapped date, not a new row
    lines = [line(100, (0, "12 июня"), (80, "First event")), line(111.5, (0, "2024 года"), (80, "continued")),
             line(131.5, (0, "13 июня"), (80, "Second event"))]
    tables, _ = find_aligned_tables(lines)
    assert texts(tables[0]) == [("12 июня 2024 года", "First event continued"), ("13 июня", "Second event")]


def test_rows_spaced_wider_than_a_table_gap_stay_one_table_while_they_start_at_its_columns():
    spaced = stacked(((0, "1."), (40, "Sochi"), (200, "April")), ((0, "2."), (40, "Perm"), (200, "June")),
                     ((0, "3."), (40, "Omsk"), (200, "July")), pitch=23.0)  # 1.3 em apart
    after = line(spaced[-1].top + 23.0, (20, "A line"), (120, "not at the columns"))
    tables, rest = find_aligned_tables(spaced + [after])
    assert [len(table.rows) for table in tables] == [3]
    assert rest == [after]


# Chromium's print of a borderless Word table: two cells' texts drawn 1.5 pt apart
# (under the column gap), rows 1.3 em apart (over the table gap).
SPACED = 23.0


@pytest.mark.parametrize("header, first_row, rest_texts", [
    # "№ п/п" ends at 22.5, "Title" starts at 24 where the rows' second column starts
    (((0, "№ п/п"), (24, "Title"), (200, "Place")), ("№ п/п", "Title", "Place"), []),
    # a word running over the edge with no gap between its letters is not cut
    (((0, "Merged"), (200, "Place")), ("1.", "First", "Moscow"), ["MergedPlace"]),
    # nor is one at a drawn space: words of one cell (the edge another table's)
    (((0, "№ п/п Title"), (200, "Place")), ("1.", "First", "Moscow"), ["№ п/п TitlePlace"]),
])
def test_a_line_crossing_the_rows_column_edge_is_cut_there_only_at_a_gap(header, first_row, rest_texts):
    tables, rest = find_aligned_tables(stacked(
        header, ((0, "1."), (24, "First"), (200, "Moscow")), ((0, "2."), (24, "Second"), (200, "Kazan")),
        ((0, "3."), (24, "Third"), (200, "Omsk"))))
    assert [" ".join(line.text.split()) for line in rest] == rest_texts
    assert texts(tables[0])[0] == first_row
    assert texts(tables[0])[-1] == ("3.", "Third", "Omsk")


@pytest.mark.parametrize("title, first_row, rest_texts", [
    # a capital touching a small letter at the edge: a word run into the next cell
    ("Title", ("Nnn", "Title", "Place"), []),
    ("title", ("1.", "First", "Moscow"), ["NnntitlePlace"]),  # small letters touching: one word
])
def test_a_line_touching_the_rows_column_edge_is_cut_only_where_a_capital_follows(title, first_row, rest_texts):
    tables, rest = find_aligned_tables(stacked(
        ((0, "Nnn"), (15, title), (200, "Place")), ((0, "1."), (15, "First"), (200, "Moscow")),
        ((0, "2."), (15, "Second"), (200, "Kazan")), ((0, "3."), (15, "Third"), (200, "Omsk"))))
    assert [" ".join(line.text.split()) for line in rest] == rest_texts
    assert texts(tables[0])[0] == first_row


def test_spaced_rows_with_their_numbers_set_right_in_the_first_column_join_the_header():
    tables, rest = find_aligned_tables(stacked(
        ((0, "No."), (40, "Title"), (200, "Place")),
        ((5, "1."), (40, "First"), (200, "Moscow")), ((5, "2."), (40, "Second"), (200, "Kazan")), pitch=SPACED))
    assert rest == []
    assert texts(tables[0]) == [("No.", "Title", "Place"), ("1.", "First", "Moscow"), ("2.", "Second", "Kazan")]


def test_spaced_rows_numbered_past_nine_set_right_stay_one_table():
    tables, rest = find_aligned_tables(stacked(
        ((10, "9."), (40, "Ninth"), (200, "Moscow")), ((5, "10."), (40, "Tenth"), (200, "Kazan")),
        ((5, "11."), (40, "Eleventh"), (200, "Omsk")), pitch=SPACED))
    assert rest == []
    assert texts(tables[0]) == [("9.", "Ninth", "Moscow"), ("10.", "Tenth", "Kazan"), ("11.", "Eleventh", "Omsk")]


@pytest.mark.parametrize("header", [
    (),  # the numbers alone: their right edges match
    (((0, "№ п/п №"), (40, "Title"), (200, "Place")),),  # a header wider than the numbers
])
def test_a_table_set_right_in_its_first_column_continues_on_the_next_page(header):
    first = stacked(*header, ((10, "8."), (40, "Eighth"), (200, "Moscow")), ((10, "9."), (40, "Ninth"), (200, "Perm")))
    second = stacked(((5, "10."), (40, "Tenth"), (200, "Kazan")), ((5, "11."), (40, "Eleventh"), (200, "Omsk")),
                     top=60.0, page=2)
    pages = joined(second, first)
    assert texts(pages[0].items[0])[-4:] == [("8.", "Eighth", "Moscow"), ("9.", "Ninth", "Perm"),
                                             ("10.", "Tenth", "Kazan"), ("11.", "Eleventh", "Omsk")]
    assert pages[1].items == []


@pytest.mark.parametrize("after, tables_rows, rest_texts", [
    # a row follows: the line at the margin is a row spanning the table (a section's heading)
    ([((0, "3."), (40, "Third"), (200, "Omsk"))], [6], []),
    # nothing follows: the table ends above it
    ([], [4], ["A heading"]),
    # rows of other columns follow: the table ends above it, and they are a table of their own
    ([((0, "1."), (80, "Omsk"), (300, "240")), ((0, "2."), (80, "Perm"), (300, "300"))], [4, 2], ["A heading"]),
])
def test_a_cells_paragraph_or_a_heading_spaced_as_the_rows_stays_in_the_table_when_rows_follow(
        after, tables_rows, rest_texts):
    lines = stacked(HEADER, ((0, "1."), (40, "First"), (200, "Moscow")), ((40, "Second paragraph"),),
                    ((0, "2."), (40, "Second"), (200, "Kazan")), ((0, "A heading"),), *after, pitch=SPACED)
    tables, rest = find_aligned_tables(lines)
    # the gaps tell the rows apart: the paragraph is a row of its own, with no number
    assert texts(tables[0])[:4] == [("№", "Title", "Place"), ("1.", "First", "Moscow"), ("", "Second paragraph", ""),
                                    ("2.", "Second", "Kazan")]
    assert [len(table.rows) for table in tables] == tables_rows
    assert [line.text for line in rest] == rest_texts


# After the table's last row, a line spanning it (each one 25 pt below the one before,
# 1.5 em: as far as a heading row may be), then rows as close as a cell's lines.
TABLE_ROWS = (HEADER, ((0, "1."), (40, "First"), (200, "Moscow")), ((0, "2."), (40, "Second"), (200, "Kazan")))


def centred(centre: float, text: str) -> tuple[float, str]:
    """A piece of ``text`` (no spaces) centred on ``centre``, as Word often sets "Место, дата"."""
    return centre - WIDTH * len(text) / 2, text


def set_right(right: float, text: str) -> tuple[float, str]:
    """A piece of ``text`` (no spaces) ending at ``right``."""
    return right - WIDTH * len(text), text


CENTRED_ROWS = (HEADER, ((0, "1."), (40, "First"), centred(230, "Moscow")), ((0, "2."), (40, "Second"), centred(230, "Kazan")))
RIGHT_ROWS = (((0, "№"), (40, "Title"), set_right(260, "Place")), ((0, "1."), (40, "First"), set_right(260, "Moscow")), ((0, "2."), (40, "Second"), set_right(260, "Kazan")))
CUT_ROW = (((40, "rest of a row"), (200, "cut")), ((40, "by the break"), (200, "above")))  # atop a page
# a note column filled only in the first row, then empty in more rows than the alignment looks at
SPARSE_ROWS = (((0, "№"), (40, "Title"), (200, "Place"), (300, "Note")), ((0, "1."), (40, "First"), (200, "Moscow"), (300, "ByMAG")),
               *(((0, f"{n}."), (40, "Event"), (200, "Kazan")) for n in range(2, 16)))


@pytest.mark.parametrize("rows, spanning, after, tables_rows, rest_texts", [
    # a section's heading, then a row on the table's column edges: one table
    (TABLE_ROWS, [(0, "A heading")], [((0, "3."), (40, "Third"), (200, "Omsk"))], [5], []),
    # atop a page the first column not shown yet: a row's text in it opens it
    (CUT_ROW, [(0, "A heading")], [((0, "3."), (40, "Third"), (300, "Omsk"))], [3], []),
    # a signature set left of the table, a caption at its edge, then rows of another table whose
    # text falls inside the table's columns but not at their edges: two tables
    (TABLE_ROWS, [(-5, "Director"), (0, "Jubilees")],
     [((0, "1."), (50, "Omsk"), (210, "240")), ((0, "2."), (50, "Perm"), (210, "300"))], [3, 2], ["Director", "Jubilees"]),
    # the same rows without the line spanning the table: text inside its columns goes on it
    (TABLE_ROWS, [], [((0, "3."), (50, "Omsk"), (210, "240")), ((0, "4."), (50, "Perm"), (210, "300"))], [5], []),
    # a column whose text is centred (its header not), a heading, rows centred as well: one table
    (CENTRED_ROWS, [(0, "A heading")],
     [((0, "3."), (40, "Third"), centred(230, "Omsk")), ((0, "4."), (40, "Fourth"), centred(230, "Petersburg"))], [6], []),
    # the same set right, its header too: one table
    (RIGHT_ROWS, [(0, "A heading")],
     [((0, "3."), (40, "Third"), set_right(260, "Omsk")), ((0, "4."), (40, "Fourth"), set_right(260, "Petersburg"))],
     [6], []),
    # a column with no text in the lines that show alignment: its own edge serves, one table
    (SPARSE_ROWS, [(0, "A heading")], [((0, "16."), (40, "Third"), (200, "Omsk"), (300, "ByMAG"))], [18], []),
    # centred, then rows of another table set left inside that column: two tables
    (CENTRED_ROWS, [(-5, "Director"), (0, "Jubilees")],
     [((0, "1."), (50, "Omsk"), (205, "240")), ((0, "2."), (50, "Perm"), (205, "300"))], [3, 2], ["Director", "Jubilees"]),
])
def test_after_a_line_spanning_the_table_only_rows_on_its_column_edges_go_on_it(rows, spanning, after, tables_rows,
                                                                                 rest_texts):
    lines = stacked(*rows)
    top = lines[-1].top
    for x0, text in spanning:
        top += 25.0
        lines.append(line(top, (x0, text)))
    lines += stacked(*after, top=top + CLOSE)
    tables, rest = find_aligned_tables(lines)
    assert [len(table.rows) for table in tables] == tables_rows
    assert [line.text for line in rest] == rest_texts


def test_a_continuation_with_a_column_left_empty_continues_the_table_on_its_grid():
    first = stacked(((0, "№"), (40, "Title"), (200, "Place"), (300, "Note")),
                    ((0, "1."), (40, "First"), (200, "Moscow"), (300, "By MAG")),
                    ((0, "2."), (40, "Second"), (200, "Kazan"), (300, "By MAG")))
    second = stacked(((0, "3."), (40, "Third"), (200, "Omsk")), ((0, "4."), (40, "Fourth"), (200, "Perm")),
                     top=60.0, page=2)
    pages = joined(second, first)
    assert texts(pages[0].items[0])[-2:] == [("3.", "Third", "Omsk", ""), ("4.", "Fourth", "Perm", "")]
    assert pages[1].items == []


def test_a_space_after_a_row_number_alone_in_its_cell_says_nothing_about_wraps():
    # Chromium draws "1. " with its space and no space where it wraps a line: a line with
    # no space after it, the next word too long for it, is wrapped, not ended by hand
    page = layout(1, stacked(HEADER, ((0, "1. "), (40, "First event"), (200, "Moscow")), ((40, "continued"),),
                             ((0, "2. "), (40, "Second event title"), (200, "Kazan")),
                             ((0, "3. "), (40, "Third"), (200, "Omsk"))))
    table = assemble([page]).blocks[0]
    assert [paragraph.text for paragraph in table.rows[1].cells[1].blocks] == ["First event continued"]


def layout(number: int, lines: list[Line]) -> PageLayout:
    tables, rest = find_aligned_tables(lines)
    page = PageLayout(number, 800.0, tables, rest, [], Frame(0.0, 400.0))
    page.items = page_items(page)
    return page


FIRST_PAGE = [HEADER, ((0, "1."), (40, "First"), (200, "Moscow")), ((0, "2."), (40, "Second event"), (200, "Kazan"))]


def joined(second_page: list[Line], first_page: list[Line] | None = None) -> list[PageLayout]:
    pages = [layout(1, first_page or stacked(*FIRST_PAGE)), layout(2, second_page)]
    join_pages(pages, DEFAULT_SETTINGS)
    return pages


def test_a_header_repeated_right_above_a_cut_rows_rest_is_dropped_and_the_rest_joined():
    pages = joined(stacked(HEADER, ((40, "goes on"),), ((0, "3."), (40, "Third"), (200, "Omsk")), page=2))
    head = pages[0].items[0]
    assert texts(head) == [("№", "Title", "Place"), ("1.", "First", "Moscow"),
                           ("2.", "Second event goes on", "Kazan"), ("3.", "Third", "Omsk")]
    assert head.header_repeats == 1 and pages[1].items == []


def test_a_last_row_alone_atop_a_page_joins_the_table_even_when_wider_than_its_column():
    row = line(60, (0, "3."), (40, "A much longer title than any"), (200, "Omsk"), page=2)
    signature = line(120, (0, "Executive vice-president of the assembly"), page=2)
    pages = joined([row, signature])
    assert texts(pages[0].items[0])[-1] == ("3.", "A much longer title than any", "Omsk")
    assert [line.text for line in pages[1].items[0].lines] == [signature.text]


def test_a_cut_rows_rest_in_one_column_joins_it_when_the_table_goes_on_under_it():
    pages = joined(stacked(((40, "goes on"),), ((0, "3."), (40, "Third"), (200, "Omsk")), top=60.0, page=2))
    assert texts(pages[0].items[0])[-2:] == [("2.", "Second event goes on", "Kazan"), ("3.", "Third", "Omsk")]
    assert pages[1].items == []


@pytest.mark.parametrize("rows_after", [
    (((0, "3."), (40, "Third"), (200, "Omsk"), (300, "By MAG")),),
    (((0, "3."), (40, "Third"), (200, "Omsk")),),  # the table atop the page shows fewer columns
])
def test_a_cut_rows_rest_joins_it_when_the_table_goes_on_under_it_spaced_out(rows_after):
    first = stacked(((0, "№"), (40, "Title"), (200, "Place"), (300, "Note")),
                    ((0, "1."), (40, "First"), (200, "Moscow"), (300, "By MAG")),
                    ((0, "2."), (40, "Second"), (200, "Kazan"), (300, "By the city")), pitch=SPACED)
    second = stacked(((300, "of Kazan"),), *rows_after, *[((0, "4."), (40, "Fourth"), (200, "Perm"))],
                     top=60.0, pitch=SPACED, page=2)
    pages = joined(second, first)
    assert texts(pages[0].items[0])[2:4] == [("2.", "Second", "Kazan", "By the city of Kazan"),
                                             ("3.", "Third", "Omsk", "By MAG" if len(rows_after[0]) == 4 else "")]
    assert pages[1].items == []


def test_a_last_rows_line_wider_than_the_columns_other_lines_stays_in_its_row():
    # the line ends past the widest first line of a row in its column, short of the next column
    tables, rest = find_aligned_tables(stacked(
        HEADER, ((0, "1."), (40, "First"), (200, "Moscow")), ((0, "2."), (40, "Second"), (200, "Kazan")),
        ((40, "a much longer line"),)))
    assert rest == []
    assert texts(tables[0])[-1] == ("2.", "Second a much longer line", "Kazan")


@pytest.mark.parametrize("second_page, heading_moves", [
    (stacked(HEADER, ((0, "3."), (40, "Third"), (200, "Omsk")), top=60.0, page=2), True),
    # the table atop the next page has other columns: the heading stays text
    (stacked(((0, "1."), (80, "Omsk"), (300, "240")), ((0, "2."), (80, "Perm"), (300, "300")), top=60.0, page=2),
     False),
])
def test_a_heading_row_alone_at_a_pages_end_joins_the_table_it_ends_when_that_goes_on(second_page, heading_moves):
    first = stacked(*FIRST_PAGE) + [line(100 + 2 * CLOSE + 25, (0, "A section of the table, spanning its columns"))]
    pages = joined(second_page, first)
    rows = texts(pages[0].items[0])
    assert (("A section of the table, spanning its columns",) in rows) is heading_moves
    assert len(pages[0].items) == (1 if heading_moves else 2)


@pytest.mark.parametrize("second_page", [
    [line(60, (40, "Text in one column"), page=2)],  # nothing follows: not enough to tell
    stacked(((40, "Text in one column"),), ((0, "A paragraph at the margin, wider than a column"),),
            top=60.0, page=2),
])
def test_lines_in_one_column_atop_a_page_stay_text_unless_the_table_goes_on_under_them(second_page):
    pages = joined(second_page)
    assert len(pages[0].items[0].rows) == 3
    assert [line.text for line in pages[1].items[0].lines] == [line.text for line in second_page]


def test_a_row_alone_at_a_pages_end_opens_the_table_atop_the_next():
    first = stacked(*FIRST_PAGE) + [line(200, (0, "Capital city days, a heading wider than a column")),
                                    line(211.5, (0, "1."), (40, "Bishkek"), (200, "April"))]
    second = stacked(((0, "2."), (40, "Dushanbe"), (200, "April")), ((0, "3."), (40, "Astana"), (200, "July")),
                     top=60.0, page=2)
    pages = joined(second, first)
    assert [line.text for line in pages[0].items[-1].lines] == ["Capital city days, a heading wider than a column"]
    assert texts(pages[1].items[0]) == [("1.", "Bishkek", "April"), ("2.", "Dushanbe", "April"),
                                        ("3.", "Astana", "July")]


def test_a_numbered_row_right_under_a_spanning_heading_is_a_row_of_its_own():
    # the annex of one table, its rows spread by list spacing: the city days' heading spans the
    # first two columns and the first city day follows it as closely as a cell's lines
    spaced = stacked(((0, "7."), (40, "Ростов"), (200, "275")), ((0, "8."), (40, "Алматы"), (200, "170")),
                     pitch=23.0)
    heading = line(spaced[-1].top + 23.0, (0, "Дни городов-столиц членов"))
    first = line(heading.top + CLOSE, (0, "1."), (40, "Бишкек"), (200, "146"))
    tables, _ = find_aligned_tables(spaced + [heading, first])
    assert texts(tables[0])[-2:] == [("Дни городов-столиц членов",), ("1.", "Бишкек", "146")]
