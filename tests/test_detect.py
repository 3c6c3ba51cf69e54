"""The format comes from the bytes, never from the file name."""

import io
import zipfile

import pytest

from ingest.detect import detect_format
from parsers.errors import IngestError


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("data, fmt", [
    (zipped("[Content_Types].xml", "word/document.xml"), "docx"),
    (b"%PDF-1.7\n...", "pdf"),
    (b"<!DOCTYPE html><html><body><table></table></body></html>", "html"),
    (b"\xef\xbb\xbf<html><p>x</p></html>", "html"),
    (b"  \n<table><tr><td>1</td></tr></table>", "html"),
    ("№ п/п\tМероприятия\n1.\tСессия\n".encode(), "text"),
    ("**План** на 2024 год".encode("cp1251"), "text"),
    # Markdown: by its block syntax, even when it embeds raw HTML tables
    ("| № | Мероприятия |\n|---|---|\n| 1. | Сессия |\n".encode(), "markdown"),
    ("Текст[^1]\n\n[^1]: Примечание\n".encode(), "markdown"),
    ("# План на 2024 год\n".encode(), "markdown"),
    ("Предложения в план\\\nна 2024 год\n\n<table>\n<tr><td>1.</td></tr>\n</table>\n".encode(), "markdown"),
    ("**План**\n\n<table>\n<tr><td>1.</td></tr>\n</table>\n".encode(), "markdown"),
    ("<table>\n<tr><td>1.</td></tr>\n</table>\n\n| a |\n|---|\n| b |\n".encode(), "markdown"),
    ("1.\tпервый пункт\n-\tещё\n\n| a |\n|---|\n| b |\n".encode(), "markdown"),
    # a text export stays text: tab-separated rows, "<table" in prose, "#" in a tab export
    ("В тексте встречается <table> и <p> посреди строки\n1.\tСессия\n".encode(), "text"),
    ("Письмо: тег <table> в тексте.\nВторая строка.\n".encode(), "text"),
    ("# План\n№ п/п\tМероприятия\n1.\tСессия\n".encode(), "text"),
    (b"<style>td { border: 1px }</style>\n<table>\n<tr><td>1.</td></tr>\n</table>\n", "html"),
    ("<h1>План</h1>\n<table><tr><td>1.</td></tr></table>".encode(), "html"),
    # UTF-16 with its byte-order mark, as Windows Notepad saves "Unicode"
    ("| № | Мероприятия |\n|---|---|\n| 1. | Сессия |\n".encode("utf-16"), "markdown"),
    ("№ п/п\tМероприятия\n1.\tСессия\n".encode("utf-16"), "text"),
    ("<html><body><p>План</p></body></html>".encode("utf-16"), "html"),
    # a page is a page, whatever it holds
    (b"<!DOCTYPE html><html><body><pre>\n| a |\n|---|\n# x\n</pre></body></html>", "html"),
])
def test_format_is_detected_from_the_bytes(data, fmt):
    assert detect_format(data) == fmt


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    (zipped("mimetype", "content.xml"), "OpenDocument"),
    (zipped("a.txt"), "without word/document.xml"),
    (b"PK\x03\x04garbage", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "legacy Word"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_unsupported_bytes_are_refused_with_the_reason(data, problem):
    with pytest.raises(IngestError, match=problem):
        detect_format(data)


def test_a_long_markdown_file_is_known_by_the_tables_at_its_end():
    # pandoc writes a plan with no title as its raw HTML event table first, the annex's
    # pipe tables and the footnotes last
    long_html_table = "<table>\n" + "<tr><td>1.</td><td>Событие</td></tr>\n" * 30_000 + "</table>\n"
    data = (long_html_table + "\n| 1\\. | Уфа |\n|---|---|\n\n[^1]: Примечание\n").encode()
    assert len(data) > 1_000_000
    assert detect_format(data) == "markdown"
