"""Each vocabulary is one table, read alike by every layer that needs it."""

import pytest

from ingest.diff.titles import editions, masked, title_stems
from parsers.dates.vocab import ORDINAL_SUFFIXES
from parsers.plan.cells import split_title_cell, strip_bullet
from parsers.plan.vocab import PARTICIPATION_OPENINGS
from parsers.readers.pdf.joins import bullet_of
from parsers.vocab import BULLETS, DASH_BULLETS, TYPED_BULLETS
from tests.build import p
from tests.test_pdf_lines import line


@pytest.mark.parametrize("glyph", BULLETS + DASH_BULLETS)
def test_a_bullet_the_pdf_reader_sees_drawn_opens_an_item_typed_in_a_cell(glyph):
    assert bullet_of(line(f"{glyph} Форум")) == glyph
    assert split_title_cell([p("Сессия"), p(f"{glyph} Форум")]) == (["Сессия"], ["Форум"])


@pytest.mark.parametrize("glyph", TYPED_BULLETS)
def test_every_typed_bullet_is_stripped_from_its_item(glyph):
    assert strip_bullet(f"{glyph} Форум") == "Форум"


@pytest.mark.parametrize("ending", ORDINAL_SUFFIXES)
def test_an_arabic_edition_numeral_takes_every_ordinal_ending_the_dates_know(ending):
    [numeral] = editions(f"5-{ending} сессия МАГ")
    assert (numeral.value, masked(f"5-{ending} сессия МАГ")) == (5, "# сессия МАГ")


@pytest.mark.parametrize("opening", PARTICIPATION_OPENINGS)
def test_the_diff_sets_aside_the_openings_the_extractor_reads_as_participation(opening):
    assert title_stems(opening.capitalize() + "форуме городов") == title_stems("Форум городов")
