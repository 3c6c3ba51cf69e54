"""Page images: from a scanned PDF or an image file, cleaned for reading.

    render_pdf_pages / image_pages  → one greyscale page image each (limits checked first)
    to_grey                         → coloured ink (a blue stamp, a signature) faded out
    binarise                        → ink 255 on paper 0 (a photo's uneven light evened out first)
    deskew                          → the page turned straight (±5°)
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from parsers.errors import IngestError, NotADocument
from parsers.limits import DEFAULT_LIMITS, Limits

# A scanned page is rendered at its images' own resolution, within these bounds:
# below 200 dpi Tesseract misreads small type, above 300 it only gets slower.
MIN_DPI, MAX_DPI = 200, 300
# An image whose declared resolution makes its sheet longer than this (inches; A3 is 16.5)
# is a photo: its resolution is then taken from an A4 sheet's long side.
MAX_SHEET_IN, A4_LONG_IN = 17.0, 11.69
MAX_SKEW = 5.0  # degrees either way that deskew looks for
SKEW_STEP = 0.1
CHROMA = 60  # channel spread (0-255) from which a pixel counts as coloured ink
# Side (inches) of the window in which the paper's own brightness is looked for: wider than
# any stroke or a letter's inside, so every window holds paper; narrower than the light changes.
PAPER_WINDOW_IN = 0.3
# Levels (0-255) by which the paper's brightness may vary over a page still taken as evenly
# lit; the sample scans vary by 0-4, the photographed sample by 99.
UNEVEN_LIGHT = 24
# The ink's dark core: this percentile of the pixels darker than Otsu's threshold.
INK_CORE_PERCENTILE = 10


@dataclass
class PageImage:
    """One page to read: its number, greyscale pixels (PIL "L") and resolution."""

    number: int
    image: object
    dpi: int


def render_pdf_pages(data: bytes, limits: Limits = DEFAULT_LIMITS):
    """Each page of an image-only PDF rendered by pdfplumber (pypdfium2) at its scan's resolution,
    one at a time (a generator, so memory holds one page image).

    The page count and each page's pixel count are checked before anything is rendered; a page
    whose drawing pdfminer cannot parse (its images are found there) or pdfium cannot render is a
    damaged PDF, one line naming the page; a limit pdfminer crossed is that limit's error.
    """
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException
    from pypdfium2 import PdfiumError

    from parsers.readers.pdf.reader import DAMAGED, damage_reason, pdfminer_error

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        limits.check_pages(len(pdf.pages))
        for page in pdf.pages:
            try:
                dpi = scan_dpi(page)
                limits.check_image_pixels(round(page.width * dpi / 72) * round(page.height * dpi / 72),
                                          f"page {page.page_number}")
                rendered = page.to_image(resolution=dpi, antialias=True).original
            except PdfminerException as error:  # a limit crossed inside pdfminer is that limit's error
                raise pdfminer_error(error, f"page {page.page_number}: ") from None
            except PdfiumError as error:
                raise IngestError(DAMAGED.format(f"page {page.page_number}: {damage_reason(error)}")) from None
            yield PageImage(page.page_number, to_grey(rendered), dpi)
            page.close()


def scan_dpi(page) -> int:
    """The resolution of the largest image on the page, kept within MIN_DPI..MAX_DPI."""
    best = 0.0
    for image in page.images:
        width_pt = float(image["x1"]) - float(image["x0"])
        if width_pt > 0 and image.get("srcsize"):
            best = max(best, image["srcsize"][0] / (width_pt / 72))
    return int(min(max(best or MIN_DPI, MIN_DPI), MAX_DPI))


# The shortest side a page image may have: an A5 sheet at 50 dpi (text a few pixels high) is
# about 290 pixels wide; the reader's quarter-size steps need a few pixels left too.
MIN_SIDE_PIXELS = 200


def image_pages(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[PageImage]:
    """The pages (frames) of a PNG, JPEG or TIFF, each refused before decoding when its
    header declares more than ``limits.max_image_pixels`` pixels (a decompression bomb)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))  # reads the header only
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise NotADocument("an image that cannot be decoded (damaged or cut short)") from None
    except Image.DecompressionBombError:
        raise IngestError("refused: the image declares too many pixels (a decompression bomb?)") from None
    frames = getattr(image, "n_frames", 1)
    limits.check_pages(frames)
    pages = []
    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
        width, height = frame.size
        limits.check_image_pixels(width * height, f"page {number}")
        if min(width, height) < MIN_SIDE_PIXELS:
            raise IngestError(f"page {number} of the image is {width} x {height} pixels: too small to hold "
                              f"readable text (a scan has {MIN_SIDE_PIXELS} pixels a side at the least)")
        dpi = image_dpi(frame.info.get("dpi", (0, 0))[0], width, height)
        try:
            with _pillow_limit(limits):
                pages.append(PageImage(number, to_grey(frame.copy()), dpi))
        except (OSError, ValueError, SyntaxError) as error:
            raise IngestError(f"damaged image: page {number}: {error}") from None
    return pages


def image_dpi(declared: float, width: int, height: int) -> int:
    """An image's resolution: as it declares, unless that makes the sheet bigger than
    ``MAX_SHEET_IN`` on its long side (a camera writes 72 dpi whatever it photographed) or it
    declares none; then its long side is taken as an A4 sheet's."""
    long_side = max(width, height)
    if not declared or long_side / declared > MAX_SHEET_IN:
        declared = long_side / A4_LONG_IN
    return int(min(max(declared, 72), 1200))


class _pillow_limit:
    """Pillow's own bomb check set to our limit while a frame decodes (it guards formats
    whose header we did not measure, and frames of a TIFF)."""

    def __init__(self, limits: Limits):
        self.pixels = limits.max_image_pixels

    def __enter__(self):
        from PIL import Image

        self.saved = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = self.pixels
        return self

    def __exit__(self, *exc):
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = self.saved


def to_grey(image):
    """Greyscale in which coloured ink (a blue stamp, a signature) fades to paper.

    Black print is dark in every channel; a blue stamp or signature is bright in blue, a red
    one in red, so each pixel takes its brightest channel. Where a scan's JPEG has blurred
    thin coloured lines into darker, duller pixels that is not enough: a pixel whose channels
    differ by ``CHROMA`` or more is coloured, not black, and becomes white.
    """
    import numpy as np
    from PIL import Image

    if image.mode in ("1", "L", "I;16", "I", "F", "P", "LA", "PA"):
        return image.convert("L")
    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    brightest, dullest = rgb.max(axis=2), rgb.min(axis=2)
    grey = np.where(brightest - dullest >= CHROMA, 255, brightest)
    return Image.fromarray(grey.astype(np.uint8), "L")


def binarise(grey, dpi: int):
    """Ink 255 on paper 0 (numpy uint8), after a light blur against noise.

    A page lit evenly (a scanner's) is cut at Otsu's threshold. A page whose paper is lit
    unevenly (a photo: its paper's brightness spans more than ``UNEVEN_LIGHT`` levels) is first
    divided by its paper's brightness (``paper_light``), and cut halfway between the paper and
    the ink's dark core: a photo's blur spreads each stroke into a wide grey fringe that
    Otsu's threshold counts as ink, and bold type then fills in.
    """
    import cv2
    import numpy as np

    pixels = np.asarray(grey, dtype=np.uint8)
    paper = paper_light(pixels, dpi)
    low, high = np.percentile(paper, (2, 98))
    if high - low <= UNEVEN_LIGHT:
        smooth = cv2.GaussianBlur(pixels, (3, 3), 0)
        _, ink = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
        return ink
    even = np.clip(pixels.astype(np.float32) * 255 / np.maximum(paper, 1), 0, 255).astype(np.uint8)
    smooth = cv2.GaussianBlur(even, (3, 3), 0)
    otsu, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    dark = smooth[smooth < otsu]
    core = float(np.percentile(dark, INK_CORE_PERCENTILE)) if dark.size else 0.0
    white = float(np.bincount(smooth.ravel(), minlength=256).argmax())
    _, ink = cv2.threshold(smooth, (white + core) / 2, 255, cv2.THRESH_BINARY_INV)
    return ink


def paper_light(pixels, dpi: int):
    """The paper's brightness near each pixel (float32, the page's size).

    The brightest level in a window of ``PAPER_WINDOW_IN`` (a grey closing: the ink taken
    away, a slope of light kept where it is), on a quarter-size copy, smoothed. A photographed
    sheet is lit unevenly (light falling off, the lens's vignette, a shadow): its paper may be
    darker in one corner than the ink in another, and no one threshold parts them.
    """
    import cv2
    import numpy as np

    small = cv2.resize(pixels, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    side = max(3, int(PAPER_WINDOW_IN * dpi / 4)) | 1
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (side, side)))
    paper = cv2.GaussianBlur(paper.astype(np.float32), (0, 0), side / 2)
    return cv2.resize(paper, (pixels.shape[1], pixels.shape[0]), interpolation=cv2.INTER_LINEAR)


def skew_angle(ink) -> float:
    """The angle (degrees, counter-clockwise positive) that makes the page's lines level.

    Text lines and rules are level when the row sums of the ink are most uneven; the
    angle is searched on a quarter-size copy, coarsely then finely, within ±MAX_SKEW.
    """
    import cv2
    import numpy as np

    small = cv2.resize(ink, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    height, width = small.shape
    centre = (width / 2, height / 2)

    def score(angle: float) -> float:
        turned = cv2.warpAffine(small, cv2.getRotationMatrix2D(centre, angle, 1.0), (width, height),
                                flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=score)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, SKEW_STEP), key=score)
    return round(float(fine), 2)


def rotate(grey, angle: float):
    """The page image turned by ``angle`` degrees (counter-clockwise), corners filled with paper."""
    from PIL import Image

    if not angle:
        return grey
    paper = int(_paper_level(grey))
    return grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper)


def _paper_level(grey) -> float:
    """The brightness of the paper: the page's most common light grey."""
    histogram = grey.histogram()
    return max(range(128, 256), key=lambda level: histogram[level])
