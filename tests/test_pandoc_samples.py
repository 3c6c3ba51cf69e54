"""pandoc's Markdown of the sample DOCX files (samples/make_pandoc_samples.py) reads as the DOCX.

pandoc (``-f docx -t gfm``) writes the event table, whose cells hold several paragraphs,
as raw HTML ``<table>``; an annex table with merged heading rows too; an annex of plain
tables as pipe tables under ``**bold**`` headings, with ``[^1]`` footnotes.
"""

from __future__ import annotations

import sys

import pytest

from ingest.diff.plans import diff_plans
from ingest.pipeline import ingest_file
from tests.conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "samples"))

# pandoc sample -> the DOCX it was made from (the tables variant: the 2024 DOCX made
# with the annex as separate tables; its reading must equal the 2024 DOCX's all the same).
PANDOC_SAMPLES = {
    "plan_2023_pandoc.md": "plan_2023.docx",
    "plan_2024_pandoc.md": "plan_2024.docx",
    "plan_2025_pandoc.md": "plan_2025.docx",
    "plan_2024_tables_pandoc.md": "plan_2024.docx",
    "plan_2024_pandoc_markdown.md": "plan_2024.docx",
    # Word's DOCX: numbered cells as empty ordered-list items; multiline tables
    "plan_2024_word_pandoc.md": "plan_2024_word.docx",
    "plan_2024_word_pandoc_markdown.md": "plan_2024_word.docx",
    "plan_2024_word_tables_pandoc_markdown.md": "plan_2024_word.docx",
}


@pytest.mark.parametrize("markdown, docx", PANDOC_SAMPLES.items(), ids=PANDOC_SAMPLES)
def test_pandocs_markdown_reads_as_the_docx_it_was_made_from(markdown, docx):
    written, original = ingest_file(SAMPLES / markdown), ingest_file(SAMPLES / docx)
    diff = diff_plans(original, written)
    assert not diff.has_differences, diff.without_unchanged().model_dump_json(indent=1)
    assert written.source.format == "markdown"
    assert (written.title, written.signatory, written.footnotes) == (
        original.title, original.signatory, original.footnotes)
    assert written.warnings == original.warnings


# Those made from a committed DOCX (the tables variant needs LibreOffice: not checked here).
@pytest.mark.parametrize("name", ["plan_2023_pandoc.md", "plan_2024_pandoc.md", "plan_2025_pandoc.md",
                                  "plan_2024_pandoc_markdown.md", "plan_2024_word_pandoc.md",
                                  "plan_2024_word_pandoc_markdown.md"])
def test_the_pandoc_samples_are_what_the_bundled_pandoc_writes(name):
    pypandoc = pytest.importorskip("pypandoc")  # pypandoc-binary, in the "test" extra
    import make_pandoc_samples

    version = pypandoc.get_pandoc_version()
    if version != make_pandoc_samples.PANDOC_VERSION:
        pytest.skip(f"pandoc {version}; the samples were made with {make_pandoc_samples.PANDOC_VERSION}")
    source, writer = make_pandoc_samples.PANDOC_SAMPLES[name]
    fresh = make_pandoc_samples.pandoc_markdown(SAMPLES / f"{source}.docx", writer)
    assert fresh == (SAMPLES / name).read_text(encoding="utf-8"), (
        "stale: run python samples/make_pandoc_samples.py")



# pandoc on Windows writes CRLF line ends; Windows editors add a byte-order mark or save
# in windows-1251.
ENCODINGS = {
    "CRLF": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "UTF-8 with a byte-order mark": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "windows-1251": lambda text: text.replace("↩︎", "").encode("cp1251"),
}


@pytest.mark.parametrize("encode", ENCODINGS.values(), ids=ENCODINGS)
@pytest.mark.parametrize("markdown", ["plan_2024_pandoc.md", "plan_2024_tables_pandoc.md"])
def test_line_ends_and_charsets_do_not_change_the_reading(markdown, encode):
    from ingest.pipeline import ingest_bytes

    text = (SAMPLES / markdown).read_text(encoding="utf-8")
    plain, encoded = ingest_bytes(text.encode("utf-8"), markdown), ingest_bytes(encode(text), markdown)
    assert encoded.source.format == "markdown"
    assert (encoded.events, encoded.jubilees, encoded.city_days) == (plain.events, plain.jubilees, plain.city_days)
    assert (encoded.title, encoded.signatory, encoded.footnotes) == (plain.title, plain.signatory, plain.footnotes)
    assert [w.code for w in encoded.warnings] == [w.code for w in plain.warnings]


def test_a_text_export_that_mentions_table_markup_in_prose_stays_a_text_export():
    from ingest.pipeline import ingest_bytes

    seed = (SAMPLES / "plan_2024.txt").read_text(encoding="utf-8")
    prose = "В HTML-версии план свёрстан тегом <table>, здесь — строками с табуляцией.\n\n"
    mentioned = ingest_bytes((prose + seed).encode(), "plan.txt")
    plain = ingest_bytes(seed.encode(), "plan.txt")
    assert mentioned.source.format == "text"
    assert (mentioned.events, mentioned.jubilees, mentioned.footnotes) == (plain.events, plain.jubilees, plain.footnotes)


# Every Markdown flavour pandoc writes, straight from the bundled pandoc: raw HTML tables
# (commonmark, markdown_strict), pipe tables (markdown_mmd, markdown_phpextra), grid tables
# (markdown), each with its own footnote form.
PANDOC_WRITERS = ["gfm", "markdown", "commonmark", "commonmark_x", "markdown_strict", "markdown_mmd",
                  "markdown_phpextra"]


@pytest.mark.parametrize("docx_name", ["plan_2024.docx", "plan_2024_word.docx"])
@pytest.mark.parametrize("writer", PANDOC_WRITERS)
def test_every_markdown_pandoc_writes_reads_as_the_docx(writer, docx_name):
    pytest.importorskip("pypandoc")
    import make_pandoc_samples
    from ingest.pipeline import ingest_bytes

    docx = SAMPLES / docx_name
    written = ingest_bytes(make_pandoc_samples.pandoc_markdown(docx, writer).encode(), f"plan.{writer}.md")
    original = ingest_file(docx)
    diff = diff_plans(original, written)
    assert not diff.has_differences, diff.without_unchanged().model_dump_json(indent=1)
    assert (written.source.format, written.title, written.signatory, written.footnotes, written.warnings) == (
        "markdown", original.title, original.signatory, original.footnotes, original.warnings)
