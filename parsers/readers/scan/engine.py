"""The OCR engine: Tesseract through tesserocr, one engine per document.

tesserocr is a binding to libtesseract (its wheels bundle the library), so the engine
loads its language models once and then reads each table cell in a few milliseconds;
calling the ``tesseract`` program per cell would load the models again for every cell.
The language data (``rus``, ``eng``, ``osd``) comes from the system's Tesseract packages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from parsers.errors import IngestError

LANGUAGES = "rus+eng"
# Where Debian, Ubuntu, Fedora and Homebrew put the language data; TESSDATA_PREFIX wins.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tesseract/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
INSTALL_HINT = ("pip install 'mag-plan[ocr]' and the Russian language data "
                "(apt-get install tesseract-ocr-rus, or set TESSDATA_PREFIX)")
MISSING = "{}: reading it needs OCR, which is not installed: {}"
SCANNED = "no text layer (a scanned image)"


@dataclass(frozen=True)
class Symbol:
    """One recognised character and its box in the image's pixels."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int


@dataclass(frozen=True)
class Word:
    """One recognised word: its characters, box, confidence (0-100) and text line."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    confidence: float
    line: int
    symbols: tuple[Symbol, ...]


def tessdata_dir() -> str | None:
    """The folder holding rus.traineddata and eng.traineddata, or None."""
    candidates = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    for folder in candidates + list(TESSDATA_DIRS):
        path = Path(folder)
        if (path / "rus.traineddata").is_file() and (path / "eng.traineddata").is_file():
            return str(path)
    return None


def missing_engine(what: str = SCANNED) -> str | None:
    """What the user must install before ``what`` (a scan, an image) can be read, or None
    when all is there."""
    try:
        import tesserocr  # noqa: F401
        import cv2  # noqa: F401
    except ImportError:
        return MISSING.format(what, INSTALL_HINT)
    if tessdata_dir() is None:
        return MISSING.format(what, INSTALL_HINT)
    return None


def require_engine() -> None:
    """Raise IngestError with what to install when OCR cannot run."""
    problem = missing_engine()
    if problem:
        raise IngestError(problem)


class Engine:
    """A loaded Tesseract: ``read(image, psm)`` gives the words of one image (a cell or a page)."""

    def __init__(self, languages: str = LANGUAGES):
        from tesserocr import OEM, PyTessBaseAPI

        require_engine()
        self._api = PyTessBaseAPI(path=tessdata_dir(), lang=languages, oem=OEM.LSTM_ONLY)
        self._first = None  # the first language alone, loaded when first asked for (``read(first=True)``)
        self.languages = languages
        self.version = f"tesseract {self._api.Version()} {languages}"

    def close(self) -> None:
        """Free the engine's models."""
        self._api.End()
        if self._first is not None:
            self._first.End()

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read(self, image, psm: int = 6, dpi: int = 300, first: bool = False) -> list[Word]:
        """The words Tesseract reads in a PIL image, with ``psm`` its page segmentation mode
        (6: one block of text, as a table cell is; 3: a page with its own layout); ``first``:
        in the first language alone (Russian), not choosing the script word by word."""
        from tesserocr import OEM, RIL, PyTessBaseAPI

        api = self._api
        if first:
            if self._first is None:
                self._first = PyTessBaseAPI(path=tessdata_dir(), lang=self.languages.split("+")[0],
                                            oem=OEM.LSTM_ONLY)
            api = self._first
        api.SetPageSegMode(psm)
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        api.Recognize()
        iterator = api.GetIterator()
        if iterator is None:
            return []
        # Walk the symbols; a word starts where Tesseract says one begins.
        words: list[Word] = []
        current: dict | None = None
        line = -1
        while True:
            if iterator.IsAtBeginningOf(RIL.TEXTLINE):
                line += 1
            if iterator.IsAtBeginningOf(RIL.WORD):
                _finish(current, words)
                box = iterator.BoundingBox(RIL.WORD)
                current = {"text": _text(iterator, RIL.WORD), "box": box,
                           "confidence": iterator.Confidence(RIL.WORD), "line": line, "symbols": []}
            symbol_box = iterator.BoundingBox(RIL.SYMBOL)
            symbol_text = _text(iterator, RIL.SYMBOL)
            if current is not None and symbol_box is not None and symbol_text:
                current["symbols"].append(Symbol(symbol_text, *symbol_box))
            if not iterator.Next(RIL.SYMBOL):
                break
        _finish(current, words)
        return words

    def read_marker(self, image, dpi: int) -> tuple[str, float]:
        """One raised character read alone (``--psm 10``), as a digit or an asterisk."""
        api = self._api
        api.SetVariable("tessedit_char_whitelist", MARKER_CHARACTERS)
        try:
            api.SetPageSegMode(10)
            api.SetImage(image)
            api.SetSourceResolution(dpi)
            text = (api.GetUTF8Text() or "").strip()
            return text, float(api.MeanTextConf())
        finally:
            api.SetVariable("tessedit_char_whitelist", "")

    def orientation(self, image) -> int:
        """How far the page is turned (0, 90, 180, 270 degrees clockwise), by Tesseract's OSD;
        0 when it cannot tell."""
        from tesserocr import OEM, PSM, PyTessBaseAPI

        with PyTessBaseAPI(path=tessdata_dir(), lang="osd", psm=PSM.OSD_ONLY, oem=OEM.TESSERACT_ONLY) as api:
            api.SetImage(image)
            found = api.DetectOrientationScript()
        if not found or found.get("orient_conf", 0) < ORIENTATION_CONFIDENCE:
            return 0
        return int(found["orient_deg"])


MARKER_CHARACTERS = "0123456789*"
# Tesseract's OSD confidence below which a page is left as it is (its own docs suggest 2+).
ORIENTATION_CONFIDENCE = 5.0


def _text(iterator, level) -> str:
    """The iterator's text at ``level``; "" where Tesseract found a box but no text."""
    try:
        return iterator.GetUTF8Text(level) or ""
    except RuntimeError:  # tesserocr raises "No text returned" for an empty element
        return ""


def _finish(current: dict | None, words: list[Word]) -> None:
    """Add the word being read, when it holds text."""
    if current is None or current["box"] is None or not current["text"].strip():
        return
    words.append(Word(current["text"], *current["box"], current["confidence"], current["line"],
                      tuple(current["symbols"])))
