"""The fuzz corpus: damaged variants of the sample files, as hypothesis strategies.

Each mutation is a small, named function of the sample's bytes and a few drawn
numbers, so a failing example reads as what was done to the file: truncated at
byte 4000, bytes 17 and 900 flipped, word/styles.xml removed, the rows of the
first table shuffled, gridSpan set to "²", rowspan set to 65534, the PDF's /Count
set to a million, its streams' filters swapped. Run it by hand to write a corpus to look at:

    python tests/fuzz_corpus.py docx 20 /tmp/corpus
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import SAMPLES  # noqa: E402

DOCUMENT_PART = "word/document.xml"
NUMBERING_PART = "word/numbering.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Elements whose children are shuffled: the body's blocks, a table's rows, a row's
# cells, a paragraph's runs, a cell's paragraphs, and the properties of each.
SHUFFLED_PARENTS = ("body", "tbl", "tr", "tc", "p", "r", "tcPr", "pPr", "rPr")


# Samples fuzzed under a name other than plan_2024.<fmt>: pandoc's Markdown, with both
# raw HTML and pipe tables and a [^1] footnote.
SAMPLE_NAMES = {"md": "plan_2024_tables_pandoc.md"}


def sample_bytes(fmt: str) -> bytes:
    """The 2024 sample: fmt is "docx", "html", "txt", "md" or "pdf", or "docx-word" (the plan as
    Microsoft Word writes it: automatic numbering, split runs)."""
    if fmt == "docx-word":
        return (SAMPLES / "plan_2024_word.docx").read_bytes()
    return (SAMPLES / SAMPLE_NAMES.get(fmt, f"plan_2024.{fmt}")).read_bytes()


# ------------------------------------------------------------ byte-level mutations

def truncate(data: bytes, keep: int) -> bytes:
    """The first ``keep`` bytes."""
    return data[:keep]


def flip_bytes(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    """``data`` with each (position, mask) byte XOR-ed; positions wrap around the length."""
    out = bytearray(data)
    for position, mask in flips:
        out[position % len(out)] ^= mask or 0xFF
    return bytes(out)


def splice(data: bytes, start: int, length: int, repeat: int) -> bytes:
    """A stretch of the file repeated (a duplicated block, as a bad copy makes)."""
    start %= len(data)
    block = data[start:start + length]
    return data[:start] + block * repeat + data[start:]


# ------------------------------------------------------------ zip-level mutations

def zip_members(data: bytes) -> dict[str, bytes]:
    """A zip's members by name, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(files: dict[str, bytes]) -> bytes:
    """A deflated zip of these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def remove_members(data: bytes, picks: list[int]) -> bytes:
    """The package minus the members at these indexes (wrapping around)."""
    files = zip_members(data)
    names = list(files)
    for pick in picks:
        files.pop(names[pick % len(names)], None)
    return rezip(files)


def shuffle_xml(data: bytes, seed: int, share: float) -> bytes:
    """word/document.xml with the children of about ``share`` of its block, row, cell,
    paragraph and run elements put in a random order (seeded)."""
    files = zip_members(data)
    root = etree.fromstring(files[DOCUMENT_PART])
    chance = random.Random(seed)
    for parent in root.iter(*(W + name for name in SHUFFLED_PARENTS)):
        if len(parent) > 1 and chance.random() < share:
            children = list(parent)
            chance.shuffle(children)
            parent[:] = children
    files[DOCUMENT_PART] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return rezip(files)


def drop_xml_elements(data: bytes, seed: int, share: float, part: str = DOCUMENT_PART) -> bytes:
    """A part (word/document.xml unless told) with about ``share`` of its elements removed
    (their text goes too)."""
    files = zip_members(data)
    root = etree.fromstring(files[part])
    chance = random.Random(seed)
    doomed = [element for element in root.iter() if element is not root and chance.random() < share]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    files[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return rezip(files)


# Attribute values a hostile or broken writer leaves: empty, negative, huge, non-ASCII
# digits, words from the wrong attribute, a long run of text.
HOSTILE_VALUES = ("", "-1", "0", "99999999999", "9" * 5000, "²", "١٢", "restart", "continue",
                  "true", "none", "x" * 1000)


def garble_attributes(data: bytes, seed: int, share: float, part: str = DOCUMENT_PART) -> bytes:
    """A part (word/document.xml unless told) with about ``share`` of its attribute values
    replaced by hostile ones."""
    files = zip_members(data)
    root = etree.fromstring(files[part])
    chance = random.Random(seed)
    for element in root.iter():
        for name in element.attrib:
            if chance.random() < share:
                element.set(name, chance.choice(HOSTILE_VALUES))
    files[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return rezip(files)


def shuffle_html(data: bytes, seed: int, share: float) -> bytes:
    """An HTML page with the children of about ``share`` of its elements shuffled, and
    as many elements dropped (rows, cells, paragraphs, list items, footnote anchors)."""
    from lxml import html

    root = html.fromstring(data)
    chance = random.Random(seed)
    for parent in list(root.iter()):
        if len(parent) > 1 and chance.random() < share:
            children = list(parent)
            chance.shuffle(children)
            if chance.random() < 0.5:
                children.pop()
            parent[:] = children
    return html.tostring(root, encoding="utf-8")


def corrupt_member(data: bytes, pick: int, flips: list[tuple[int, int]]) -> bytes:
    """One member's content with bytes flipped, the zip itself intact (bad XML, bad UTF-8)."""
    files = zip_members(data)
    name = list(files)[pick % len(files)]
    if files[name]:
        files[name] = flip_bytes(files[name], flips)
    return rezip(files)


# Span values a hostile page sets: past the table, zero, negative, huge, not a number.
HOSTILE_SPANS = ("0", "-3", "2", "7", "1000", "65534", "99999999999", "x", "")


def garble_spans(data: bytes, seed: int, share: float) -> bytes:
    """An HTML page with about ``share`` of its cells given hostile rowspan and colspan values."""
    from lxml import html

    root = html.fromstring(data)
    chance = random.Random(seed)
    for cell in root.iter("td", "th"):
        for name in ("rowspan", "colspan"):
            if chance.random() < share:
                cell.set(name, chance.choice(HOSTILE_SPANS))
    return html.tostring(root, encoding="utf-8")


# Page counts a PDF's page tree may claim, and filter chains its streams may name.
HOSTILE_COUNTS = (0, 1, 2, 5, 2001, 1_000_000, 2 ** 31, -1)
HOSTILE_FILTERS = (b"/FlateDecode", b"[/FlateDecode/FlateDecode]", b"/LZWDecode", b"/ASCII85Decode",
                   b"/ASCIIHexDecode", b"/RunLengthDecode", b"/DCTDecode", b"/Crypt", b"/NoSuchDecode",
                   b"[/ASCIIHexDecode/FlateDecode]", b"[]")


def set_page_count(data: bytes, count: int) -> bytes:
    """A PDF whose page tree root claims ``count`` pages (the cross-reference offsets shift;
    pdfminer then finds the objects by scanning, as it does for any damaged table)."""
    return re.sub(rb"/Count\s*\d+", b"/Count %d" % count, data, count=1)


def swap_filters(data: bytes, seed: int, share: float) -> bytes:
    """A PDF with about ``share`` of its streams' /Filter entries replaced by other filter chains."""
    chance = random.Random(seed)

    def replace(match: re.Match) -> bytes:
        return b"/Filter" + chance.choice(HOSTILE_FILTERS) if chance.random() < share else match.group(0)

    return re.sub(rb"/Filter\s*(?:/\w+|\[[^\]]*\])", replace, data)


# ------------------------------------------------------------ strategies

positions = st.integers(min_value=0, max_value=2 ** 31)
flips = st.lists(st.tuples(positions, st.integers(0, 255)), min_size=1, max_size=8)


def byte_mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """Truncations, byte flips and duplicated stretches of ``data``."""
    return st.one_of(
        st.builds(truncate, st.just(data), st.integers(0, len(data) - 1)),
        st.builds(flip_bytes, st.just(data), flips),
        st.builds(splice, st.just(data), positions, st.integers(1, 400), st.integers(2, 50)),
    )


def package_mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """What can happen to a DOCX: byte damage, lost members, damaged members, shuffled
    or missing XML elements in the document part."""
    seeds, shares = st.integers(0, 2 ** 32 - 1), st.floats(0.05, 1.0)
    # The numbering part too, when there is one: what Word draws comes from it.
    parts = st.sampled_from([name for name in (DOCUMENT_PART, NUMBERING_PART) if name in zip_members(data)])
    return st.one_of(
        byte_mutations(data),
        st.builds(remove_members, st.just(data), st.lists(positions, min_size=1, max_size=4)),
        st.builds(corrupt_member, st.just(data), positions, flips),
        st.builds(shuffle_xml, st.just(data), seeds, shares),
        st.builds(drop_xml_elements, st.just(data), seeds, st.floats(0.01, 0.5), parts),
        st.builds(garble_attributes, st.just(data), seeds, st.floats(0.01, 0.5), parts),
    )


def page_mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """What can happen to an HTML page: byte damage, elements shuffled and dropped, hostile spans."""
    seeds = st.integers(0, 2 ** 32 - 1)
    return st.one_of(byte_mutations(data),
                     st.builds(shuffle_html, st.just(data), seeds, st.floats(0.05, 1.0)),
                     st.builds(garble_spans, st.just(data), seeds, st.floats(0.01, 1.0)))


def pdf_mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """What can happen to a PDF: byte damage, a page count that lies, other stream filters."""
    return st.one_of(byte_mutations(data),
                     st.builds(set_page_count, st.just(data), st.sampled_from(HOSTILE_COUNTS)),
                     st.builds(swap_filters, st.just(data), st.integers(0, 2 ** 32 - 1), st.floats(0.05, 1.0)))


def mutations(fmt: str) -> st.SearchStrategy[bytes]:
    """Damaged variants of the sample in ``fmt``."""
    data = sample_bytes(fmt)
    if fmt in ("docx", "docx-word"):
        return package_mutations(data)
    if fmt == "pdf":
        return pdf_mutations(data)
    return page_mutations(data) if fmt == "html" else byte_mutations(data)


def main(argv: list[str]) -> int:
    """Write ``count`` mutated samples of one format into a folder, to look at or replay."""
    fmt, count, folder = argv[0], int(argv[1]), Path(argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    strategy = mutations(fmt)
    for number in range(count):
        (folder / f"fuzz_{number:04d}.{fmt}").write_bytes(strategy.example())
    print(f"{count} files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
