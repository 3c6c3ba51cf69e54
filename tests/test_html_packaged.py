"""A web page packed with its parts: which member is the page, and how a Single File Web Page opens."""

from __future__ import annotations

import base64
import quopri
import re

import pytest

from ingest.detect import detect_format
from ingest.pipeline import ingest_bytes, ingest_file
from parsers.errors import IngestError
from parsers.limits import Limits
from parsers.readers.markup.html import read_html
from parsers.readers.markup.packaged import is_mhtml, mhtml_page, page_members, zipped_page
from tests.conftest import SAMPLES
from tests.hostile import zipped

PAGE = "<html><body><p>Предложения</p></body></html>"


@pytest.mark.parametrize("names, pages", [
    (["Plan.html"], ["Plan.html"]),  # Google Docs' "Web page (.html, zipped)", no pictures
    (["images/image1.png", "Plan.html"], ["Plan.html"]),
    # a Word page zipped with its folder of parts: the page, not the parts' header.htm
    (["plan.htm", "plan_files/header.htm", "plan_files/filelist.xml"], ["plan.htm"]),
    (["Документ/Документ.htm", "Документ/Документ.files/header.htm"], ["Документ/Документ.htm"]),
    (["__MACOSX/._Plan.html", "Plan.html"], ["Plan.html"]),
    (["PLAN.HTM"], ["PLAN.HTM"]),
    (["a.html", "b.xhtml"], ["a.html", "b.xhtml"]),  # two pages: not one to read
    (["a.txt", "images/x.png"], []),
])
def test_the_page_of_a_zip_is_the_shallowest_html_member(names, pages):
    assert page_members(names) == pages


@pytest.mark.parametrize("members, problem", [
    ({"a.html": PAGE, "b.html": PAGE}, "a zip archive of 2 web pages \\(a.html, b.html\\)"),
    ({"a.txt": "x"}, "without a web page"),
])
def test_a_zip_without_one_page_is_refused_with_the_reason(members, problem):
    with pytest.raises(IngestError, match=problem):
        zipped_page(zipped(members))


def test_a_zipped_page_reads_as_the_page():
    data = zipped({"Plan.html": PAGE, "images/image1.png": "png"})
    assert [block.text for block in read_html(data).blocks] == ["Предложения"]


def message(*parts: str, start: str = "") -> bytes:
    head = f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"{start}\r\n\r\npreamble\r\n\r\n'
    return (head + "".join(f"--b\r\n{part}\r\n" for part in parts) + "--b--\r\n").encode("utf-8")


QP_PAGE = ("Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"windows-1251\"\r\n\r\n"
           "<html><body><p>=CF=EB=E0=ED</p></body></html>")  # "План" in windows-1251, no <meta> for it
B64_PAGE = ("Content-ID: <page>\r\nContent-Transfer-Encoding: base64\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + base64.b64encode("<html><body><p>Другая</p></body></html>".encode()).decode())
PART = "Content-Type: text/xml\r\n\r\n<xml/>"


@pytest.mark.parametrize("data, text", [
    (message(QP_PAGE, PART), "План"),  # Word: the page first, quoted-printable, charset on the part
    (message(PART, QP_PAGE), "План"),  # the first text/html part when no start is named
    (message(QP_PAGE, B64_PAGE, start='; start="<page>"'), "Другая"),  # the part the message names
    (message(QP_PAGE, B64_PAGE, start="; start*=utf-8''%3Cpage%3E"), "Другая"),  # named in RFC 2231's form
    # a part whose Content-ID is not ASCII (the parser hands it over as a Header, not a str)
    (message("Content-ID: <картинка>\r\nContent-Type: image/png\r\n\r\nx", B64_PAGE, start='; start="<page>"'),
     "Другая"),
])
def test_a_single_file_web_page_reads_as_its_root_page(data, text):
    assert is_mhtml(data)
    assert [block.text for block in read_html(data).blocks] == [text]


def b64_part(charset: str, page: bytes) -> str:
    return (f"Content-Transfer-Encoding: base64\r\nContent-Type: text/html{charset}\r\n\r\n"
            + base64.encodebytes(page).decode("ascii"))


CYRILLIC = "<html><body><p>План мероприятий</p></body></html>"
META_1251 = '<html><head><meta charset="windows-1251"></head><body><p>План мероприятий</p></body></html>'
PART_CHARSETS = {  # the part's charset parameter, the page's bytes -> warnings
    "UTF-16 with its mark, the part saying utf-16": ('; charset="utf-16"', CYRILLIC.encode("utf-16"), []),
    "Word's unicode: UTF-16 with its mark": ('; charset="unicode"', b"\xff\xfe" + CYRILLIC.encode("utf-16-le"), []),
    "UTF-16 without a mark: the part says it": ('; charset="unicode"', CYRILLIC.encode("utf-16-le"), []),
    "UTF-16BE without a mark": ("; charset=utf-16be", CYRILLIC.encode("utf-16-be"), []),
    "UTF-8 with its mark, no charset on the part": ("", CYRILLIC.encode("utf-8-sig"), []),
    "the part's charset before a <meta> saying another": (
        '; charset="koi8-r"', CYRILLIC.replace("<body>", '<head><meta charset="utf-8"></head><body>').encode("koi8-r"),
        []),
    "an unknown part charset: the page's <meta>": ('; charset="x-nothing"', META_1251.encode("cp1251"), []),
    "an unknown part charset and no <meta>: reported": ('; charset="x-nothing"', CYRILLIC.encode("cp1251"),
                                                       ["charset_unknown"]),
}


@pytest.mark.parametrize(("charset", "page", "warnings"), PART_CHARSETS.values(), ids=PART_CHARSETS.keys())
def test_a_pages_part_is_decoded_in_the_charset_it_declares(charset, page, warnings):
    document = read_html(message(b64_part(charset, page), PART))
    assert [block.text for block in document.blocks] == ["План мероприятий"]
    assert [warning.code for warning in document.warnings] == warnings


@pytest.mark.parametrize("head", [
    b"Content-Type: text/html\r\n\r\n<html>",  # a message, but not of a page and its parts
    b"<html><p>Content-Type: multipart/related</p>",
    b"Subject: plan\r\nnot a header line\r\nContent-Type: multipart/related\r\n\r\n",
])
def test_what_is_no_single_file_web_page(head):
    assert not is_mhtml(head)


WORD_MHT = SAMPLES / "plan_2024_word_single_file.mht"
WORD_CONTENT_TYPE = b'Content-Type: multipart/related; boundary="----=_NextPart_01DA4B7C.5E2A1F40"\r\n'
WORD_BOUNDARY = b'"----=_NextPart_01DA4B7C.5E2A1F40"'
# Word's Content-Type header as other programs may write it: media types and parameter names ignore
# case (RFC 2045), parameters come in any order, a header may be folded over lines (RFC 5322).
CONTENT_TYPES = {
    "capitalised type": b"Content-Type: Multipart/Related; boundary=" + WORD_BOUNDARY,
    "upper-case header, type and parameter": b"CONTENT-TYPE: MULTIPART/RELATED; BOUNDARY=" + WORD_BOUNDARY,
    "type parameter first": b'Content-Type: multipart/related; type="text/html"; boundary=' + WORD_BOUNDARY,
    "folded after the type": b"Content-Type: Multipart/Related;\r\n\tboundary=" + WORD_BOUNDARY,
    "folded before the type": b"content-type:\r\n MULTIPART/related; boundary=" + WORD_BOUNDARY,
    "folded twice, type parameter last": (b"Content-Type: multipart/RELATED;\r\n boundary=" + WORD_BOUNDARY
                                          + b';\r\n type="text/html"'),
}


_QP_PAGE_PART = re.compile(rb"(Content-Transfer-Encoding: )quoted-printable"
                           rb"(\r\nContent-Type: text/html[^\r\n]*\r\n\r\n)(.*?)(\r\n--" + re.escape(WORD_BOUNDARY.strip(b'"')) + rb")", re.DOTALL)


def in_base64(data: bytes) -> bytes:
    """Word's .mht with its page part in base64, as a mail program may write it: no "<html" in
    the head of the file to tell it by."""
    def encoded(part: re.Match) -> bytes:
        body = base64.encodebytes(quopri.decodestring(part.group(3))).replace(b"\n", b"\r\n").rstrip()
        return part.group(1) + b"base64" + part.group(2) + body + part.group(4)
    data, count = _QP_PAGE_PART.subn(encoded, data, count=1)
    assert count == 1
    return data


@pytest.fixture(scope="module")
def word_mht_plan():
    return ingest_file(WORD_MHT)


@pytest.mark.parametrize("encode", [lambda data: data, in_base64], ids=["page as Word writes it", "page in base64"])
@pytest.mark.parametrize("content_type", CONTENT_TYPES.values(), ids=CONTENT_TYPES.keys())
def test_a_single_file_web_page_is_one_whatever_case_and_folding_its_content_type_has(content_type, encode,
                                                                                     word_mht_plan):
    original = WORD_MHT.read_bytes()
    assert original.count(WORD_CONTENT_TYPE) == 1
    data = encode(original.replace(WORD_CONTENT_TYPE, content_type + b"\r\n"))
    assert detect_format(data) == "html"
    plan = ingest_bytes(data, WORD_MHT.name)
    assert plan.model_dump(exclude={"source"}) == word_mht_plan.model_dump(exclude={"source"})
    assert plan.events


WORD_PAGE_BYTES = 55_418  # the page of Word's .mht, decoded: the markup the limit counts


@pytest.mark.parametrize("encode", [lambda data: data, in_base64], ids=["page as Word writes it", "page in base64"])
def test_a_single_file_web_page_over_the_markup_limit_is_refused_before_it_is_parsed(encode, monkeypatch):
    import email.parser

    data = encode(WORD_MHT.read_bytes())
    limits = Limits(max_markup_bytes=WORD_PAGE_BYTES * 97 // 100)  # measured in place: 2% may go unseen

    parse_bytes = email.parser.BytesParser.parsebytes

    def parse(parser, text, headersonly=False):
        assert headersonly, "the message was parsed before its page was measured"
        return parse_bytes(parser, text, headersonly)

    monkeypatch.setattr(email.parser.BytesParser, "parsebytes", parse)
    with pytest.raises(IngestError, match=r"^the HTML page is 5\d\.\d KB, over the 52\.5 KB limit for markup, "
                                          r"which bounds the memory reading takes \(raise it with --max-size"):
        read_html(data, limits)


@pytest.mark.parametrize("encode", [lambda data: data, in_base64], ids=["page as Word writes it", "page in base64"])
def test_a_single_file_web_page_at_the_markup_limit_is_read(encode, word_mht_plan):
    plan = ingest_bytes(encode(WORD_MHT.read_bytes()), WORD_MHT.name, Limits(max_markup_bytes=WORD_PAGE_BYTES))
    assert plan.events == word_mht_plan.events


def test_an_over_size_single_file_web_page_is_one_line_naming_the_file(tmp_path):
    from tests.test_cli import run

    path = tmp_path / "big.mht"
    page = "<html><body><p>" + "План " * 4_000_000 + "</p></body></html>"  # 20 MB of markup, 16 MB the limit
    path.write_bytes(message("Content-Type: text/html; charset=utf-8\r\n\r\n" + page))
    result = run("ingest", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "big.mht" in result.stderr and "the HTML page is" in result.stderr and "limit for markup" in result.stderr


def test_a_message_without_a_page_is_refused():
    with pytest.raises(IngestError, match=r"without an HTML page in it \(its parts: image/png, text/xml\)$"):
        mhtml_page(message(PART, "Content-Type: image/png\r\n\r\nx", PART))


def nested(depth: int) -> bytes:
    """A message whose parts nest ``depth`` multiparts deep, the page in the last."""
    head = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
    opening = "".join(f'--b{i - 1}\r\nContent-Type: multipart/related; boundary="b{i}"\r\n\r\n' for i in range(1, depth))
    closing = "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
    return (head + opening + f"--b{depth - 1}\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n" + closing).encode()


def many_parts(count: int) -> bytes:
    return message(*["Content-Type: image/png\r\n\r\nx"] * count, "Content-Type: text/html\r\n\r\n<p>x</p>")


@pytest.mark.parametrize("data, problem", [
    (nested(2000), r"^damaged Single File Web Page \(MHTML\): its parts nest too deep to read$"),
    (many_parts(20_000), r"^refused: a Single File Web Page \(MHTML\) of more than 10,000 lines that may open a part"),
], ids=["nested 2,000 deep", "20,000 parts"])
def test_a_hostile_single_file_web_page_is_one_error(data, problem):
    with pytest.raises(IngestError, match=problem):
        read_html(data)


@pytest.mark.parametrize("data", [nested(20), many_parts(500)], ids=["nested 20 deep", "500 parts"])
def test_a_single_file_web_page_of_many_or_nested_parts_is_read(data):
    assert [block.text for block in read_html(data).blocks] == ["x"]


def test_a_deeply_nested_single_file_web_page_is_one_line_on_the_command_line(tmp_path):
    from tests.test_cli import run

    path = tmp_path / "deep.mht"
    path.write_bytes(nested(2000))
    result = run("ingest", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "deep.mht" in result.stderr and "nest too deep" in result.stderr


def test_a_zipped_page_is_held_to_the_package_limits():
    from parsers.limits import Limits

    data = zipped({"Plan.html": "<p>" + "а" * 200_000 + "</p>"})
    with pytest.raises(IngestError, match="zipped web page"):
        read_html(data, Limits(max_unpacked_bytes=100_000))


def test_a_zip_of_several_pages_is_one_error_naming_them(tmp_path):
    from ingest.pipeline import ingest_file

    path = tmp_path / "pages.zip"
    path.write_bytes(zipped({"a.html": PAGE, "b.html": PAGE}))
    with pytest.raises(IngestError, match=r"2 web pages \(a.html, b.html\): unzip it"):
        ingest_file(path)
