"""What reading a tagged PDF's structure tree costs the PDF reader (structure.TaggedBlocks).

    python bench/pdf_tagged.py              # Chromium's prints in samples/, 15 rounds
    python bench/pdf_tagged.py --rounds 31

For each of Chromium's prints among the samples (tagged) and one LibreOffice PDF (untagged,
where the tree is not there to read), ``read_pdf`` on the same bytes, in alternating rounds:

    tagged     as it reads: each glyph given its paragraph element from the structure tree
    layout     the structure tree left unread (an empty TaggedBlocks): the layout alone

and prints the medians (lowest-highest) in milliseconds and the median of the rounds' ratios.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy
sys.path.insert(0, str(ROOT / "bench"))

import parsers.readers.pdf.reader as pdf_reader  # noqa: E402
from measure import alternate, machine, ratios  # noqa: E402
from parsers.readers.pdf.structure import TaggedBlocks  # noqa: E402

SAMPLES = ["plan_2025_word_xhtml_chrome_noborders.pdf", "plan_2024_chrome.pdf", "plan_2025_word_chrome.pdf",
           "plan_2024.pdf"]


class Untagged(TaggedBlocks):
    """A structure tree with nothing in it: the reader falls back on the layout alone."""

    def __init__(self, doc) -> None:
        self.parents, self.roles = {}, {}


def read_with(blocks: type, data: bytes):
    def work() -> None:
        pdf_reader.TaggedBlocks = blocks
        try:
            pdf_reader.read_pdf(data)
        finally:
            pdf_reader.TaggedBlocks = TaggedBlocks
    return work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    print(machine())
    print(f"{'sample':<44} {'tagged ms':>20} {'layout ms':>20} {'ratio':>18}")
    for name in SAMPLES:
        data = (ROOT / "samples" / name).read_bytes()
        read_with(TaggedBlocks, data)()  # warm imports and caches
        tagged, layout = alternate(args.rounds, read_with(TaggedBlocks, data), read_with(Untagged, data))
        print(f"{name:<44} {tagged.text('.0f', 1000):>20} {layout.text('.0f', 1000):>20} "
              f"{ratios(tagged, layout).text('.2f'):>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
