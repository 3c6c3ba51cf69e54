"""The format comes from the bytes, never from the file name."""

import io
import zipfile

import pytest

from ingest.detect import detect_format
from parsers.errors import IngestError, NotADocument
from tests.compound import compound_file

OFFICE_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'


def zipped(*names: str, mimetype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype)  # first and stored, as OpenDocument says
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def flat(root_attributes: str, before: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> bytes:
    return f'{before}<office:document {root_attributes}><office:body/></office:document>'.encode()


ODT = "application/vnd.oasis.opendocument.text"


@pytest.mark.parametrize("data, fmt", [
    (zipped("[Content_Types].xml", "word/document.xml"), "docx"),
    (b"%PDF-1.7\n...", "pdf"),
    (b"<!DOCTYPE html><html><body><table></table></body></html>", "html"),
    (b"\xef\xbb\xbf<html><p>x</p></html>", "html"),
    (b"  \n<table><tr><td>1</td></tr></table>", "html"),
    ("№ п/п\tМероприятия\n1.\tСессия\n".encode(), "text"),
    ("**План** на 2024 год".encode("cp1251"), "text"),
    (zipped("content.xml", "styles.xml", "META-INF/manifest.xml", mimetype=ODT), "odt"),
    (zipped("content.xml", mimetype=ODT + "-template"), "odt"),
    (flat(f'{OFFICE_NS} office:version="1.3" office:mimetype="{ODT}"'), "fodt"),
    # another prefix, a BOM, a comment and a processing instruction before the root
    ('\ufeff<?xml version="1.0"?><!-- made by hand --><?mso x?>\n<o:document '
     'xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><o:body/></o:document>'.encode(), "fodt"),
    # a flat file holding <table> and <p> in its text is still OpenDocument, not HTML
    (flat(OFFICE_NS).replace(b"<office:body/>", b"<office:body>&lt;table&gt; <text:p>x</text:p></office:body>"), "fodt"),
    (b"{\\rtf1\\ansi\\ansicpg1251 {\\fonttbl}}", "rtf"),
    (compound_file("1Table", "WordDocument"), "doc"),
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
    # a web page packed with its parts: zipped (Google Docs, a Word page and its folder), MHTML
    (zipped("Plan.html", "images/image1.png"), "html"),
    (zipped("plan/plan.htm", "plan/plan_files/header.htm", "plan/plan_files/filelist.xml"), "html"),
    (zipped("a.html", "b.html"), "html"),  # its reader says which pages it holds
    (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n', "html"),
    (b'From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n'
     b'\ttype="text/html";\r\n\tboundary="b"\r\n\r\n--b\r\n', "html"),
    # a text that speaks of multipart/related is no message
    (b"1.\tContent-Type: multipart/related\tnote\n", "text"),
    # nor is a letter whose first lines read as headers: no boundary, or no part opening with it
    ("Content-Type: multipart/related\nFrom: otdel\n\nПлан мероприятий на 2024 год\n1. Семинар\n".encode(), "text"),
    ('Content-Type: multipart/related; boundary="b"\n\nПлан мероприятий\n--a\n'.encode(), "text"),
    (b'Content-Type: multipart/related; boundary="b"\r\n\r\n-- b\r\n--bb\r\n', "text"),
    (b'Content-Type: multipart/related; boundary="b"\r\n', "text"),  # headers only
    # Word's preamble before the first part
    (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01DA"\r\n\r\n'
     b"This document is a Single File Web Page.\r\n\r\n------=_NextPart_01DA\r\n", "html"),
])
def test_format_is_detected_from_the_bytes(data, fmt):
    assert detect_format(data) == fmt


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    (zipped("content.xml", mimetype="application/vnd.oasis.opendocument.spreadsheet"), "not a text document"),
    (zipped("styles.xml", mimetype=ODT), "no content.xml"),
    (flat(f'{OFFICE_NS} office:mimetype="application/vnd.oasis.opendocument.spreadsheet"'), "not a text document"),
    (zipped("a.txt"), "without word/document.xml"),
    (zipped("a.txt", "images/a.png"), "without word/document.xml, an OpenDocument text or a web page"),
    # an EPUB book holds XHTML pages, but is a book: its mimetype member says so
    (zipped("OEBPS/ch1.xhtml", "META-INF/container.xml", mimetype="application/epub+zip"),
     r"a zip package of another format \(application/epub\+zip\)"),
    (b"PK\x03\x04garbage", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "damaged Office compound file"),
    (compound_file("EncryptionInfo", "EncryptedPackage"), "protected by a password"),
    (compound_file("Workbook"), "Excel workbook"),
    (compound_file("Contents"), "not a Word document"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_unsupported_bytes_are_refused_with_the_reason(data, problem):
    with pytest.raises(IngestError, match=problem):
        detect_format(data)


@pytest.mark.parametrize("data", [
    # an XML root in another namespace that happens to be called document
    b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/x"/>',
    # the OpenDocument namespace named only further in, not on the root
    b'<doc><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/></doc>',
])
def test_xml_that_is_not_a_flat_opendocument_is_not_taken_for_one(data):
    assert detect_format(data) == "text"


def test_a_password_protected_office_file_is_an_error_not_a_file_to_skip():
    # an encrypted plan in a folder must be reported, not passed over as an image would be
    with pytest.raises(IngestError) as raised:
        detect_format(compound_file("EncryptionInfo", "EncryptedPackage"))
    assert not isinstance(raised.value, NotADocument)
    with pytest.raises(NotADocument):
        detect_format(compound_file("Workbook"))
def test_a_long_markdown_file_is_known_by_the_tables_at_its_end():
    # pandoc writes a plan with no title as its raw HTML event table first, the annex's
    # pipe tables and the footnotes last
    long_html_table = "<table>\n" + "<tr><td>1.</td><td>Событие</td></tr>\n" * 30_000 + "</table>\n"
    data = (long_html_table + "\n| 1\\. | Уфа |\n|---|---|\n\n[^1]: Примечание\n").encode()
    assert len(data) > 1_000_000
    assert detect_format(data) == "markdown"
