"""The HTML reader's memory: BeautifulSoup's tree is freed while the blocks are built, not
left to the cyclic collector (which the CLI pauses while a document is read)."""

from __future__ import annotations

import gc
import tracemalloc
import weakref

import pytest

from parsers.readers.markup import read_html, soup, walker


def generated_page(events: int) -> str:
    """A plan page of ``events`` rows, each with a number, a title of two paragraphs and a
    list, a place and date, and a note: the markup a real plan's table repeats."""
    rows = "".join(
        f"<tr><td>{number}.</td><td><p>Конференция МАГ номер {number}</p><p>Круглый стол</p>"
        f"<ul><li>ОКМО</li><li>ВАРМСУ</li></ul></td><td><p>Москва</p><p>март</p></td>"
        f"<td>Организатор: МАГ</td></tr>" for number in range(1, events + 1))
    return ("<html><body><p><b>План мероприятий на 2024 год</b></p><table>"
            "<tr><th>№ п/п</th><th>Мероприятия</th><th>Место, дата</th><th>Примечание</th></tr>"
            f"{rows}</table></body></html>")


@pytest.fixture
def collector_paused():
    """The collector off, as the CLI runs a read: what is freed is freed by reference counts."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if enabled:
        gc.enable()


def test_every_element_of_the_tree_is_freed_once_read(collector_paused):
    tree = soup.parse(generated_page(200), max_depth=250)
    elements = [weakref.ref(element) for element in tree.find_all(True)]
    assert len(elements) > 2_000
    blocks, _ = walker.read_tree(tree)
    del tree
    assert blocks
    assert [ref for ref in elements if ref() is not None] == []


def test_the_tree_shrinks_while_the_blocks_grow(collector_paused):
    # Reading peaks at the tree, not at the tree and the blocks together; once read only the
    # blocks are left (they take about half the tree's memory).
    text = generated_page(300)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tree = soup.parse(text, max_depth=250)
        parsed = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        blocks = walker.read_tree(tree)
        peak = tracemalloc.get_traced_memory()[1]
        del tree
        left = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    tree_bytes = parsed - before
    assert len(blocks[0]) == 2
    assert peak - parsed < 0.2 * tree_bytes  # the blocks reuse what the read part of the tree gave back
    assert left - before < 0.7 * tree_bytes  # the blocks alone


def test_the_html_reader_drops_the_decoded_page_once_the_tree_holds_it(monkeypatch, collector_paused):
    # The decoded text is dropped before the tree is read: only the tree and the bytes stay.
    class Text(str):  # str itself takes no weak reference
        pass

    decoded = []
    monkeypatch.setattr("parsers.readers.markup.html.decode_page",
                        lambda data, transport=None: (decoded.append(weakref.ref(text := Text(data.decode()))) or text, ()))
    original = walker.read_tree

    def read_tree(tree):
        assert decoded[0]() is None  # the page's text is gone while its tree is read
        return original(tree)

    monkeypatch.setattr(walker, "read_tree", read_tree)
    document = read_html(generated_page(20).encode())
    assert len(document.blocks) == 2
