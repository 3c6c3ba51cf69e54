"""Make the scanned samples: the sample PDFs rasterised as a scanner would, saved as image-only files.

    python samples/scans/make_scans.py          # writes samples/scans/*.pdf, .png, .tif, .jpg

Each page is rendered by pdfplumber's own renderer (pypdfium2), then made to look scanned
(a little blur, paper grey, JPEG) and saved with Pillow, so the files have no text layer:

| file | what it is |
|---|---|
| ``plan_2024_150dpi.pdf``, ``_200dpi.pdf``, ``_300dpi.pdf`` | ``plan_2024.pdf`` scanned in greyscale at 150, 200, 300 dpi |
| ``plan_2024_rotated.pdf`` | 200 dpi, the sheet laid 1.5° askew on the glass |
| ``plan_2024_stamped.pdf`` | 200 dpi colour: sensor noise, a blue round stamp and a blue-ink signature over the signature block |
| ``plan_2024_200dpi.png`` | page 1 of the 200 dpi scan as a PNG image (a plan sent as a picture) |
| ``plan_2024_200dpi.tif`` | the 200 dpi scan as a multi-page bilevel TIFF (CCITT G4, as office scanners send faxes and archives) |
| ``plan_2024_noborders_200dpi.pdf`` | ``plan_2024_noborders.pdf`` (no ruling lines: cells aligned by position only, a running header, page numbers) scanned as the 200 dpi scan is |
| ``plan_2024_paras_noborder_200dpi.pdf`` | ``plan_2024_paras_noborder.pdf`` (no rules, the title and signature lines as paragraphs) scanned as the 200 dpi scan is: a cell's text runs close to the next column ("регионах" ending 0.4 em before "октябрь"), too far from the other lines showing that column for their gutters alone to cut it |
| ``plan_2024_word_noborders_line_200dpi.pdf`` | ``plan_2024_word_noborders_line.pdf`` (Word's DOCX with its borders off, place and date on one line, printed by LibreOffice; samples/word/make_word_conversions.py) scanned as the 200 dpi scan is: the last city day alone atop page 3, each of its cells a text line of its own to Tesseract |
| ``plan_2024_photo.pdf`` | the pages photographed with a phone, as a phone's scanning app wraps its photos in an A4 PDF: light falling off across the sheet and at its corners, a soft shadow, a cream-grey paper, out-of-focus blur, sensor noise, the sheet a few pixels out of square (perspective), colour JPEG |
| ``plan_2024_photo.jpg`` | page 1 of that photo as the phone sends it: a JPEG that declares 72 dpi, as cameras do |

Random effects use a fixed seed, so running it twice gives the same pixels.
"""

from __future__ import annotations

import time
import io
import math
import random
import sys
from pathlib import Path

import pdfplumber
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
SEED = 2024
PINNED_DATE = time.strptime("2024-01-15", "%Y-%m-%d")  # so reruns are byte-identical
JPEG_QUALITY = 70
PHOTO_QUALITY = 80  # a phone's JPEG
PHOTO_PAPER = (226, 219, 204)  # office paper under room light: cream-grey, not white
PHOTO_DPI = 200  # the photo's pixels over the A4 sheet (a 2 MP crop of the sheet)
CAMERA_DPI = 72  # what a camera's JPEG declares, whatever it shows
PAPER = 244  # a scanner's white is a light grey
INK_BLUE = (40, 70, 190)
STAMP_TEXT = "МЕЖДУНАРОДНАЯ АССАМБЛЕЯ СТОЛИЦ И КРУПНЫХ ГОРОДОВ * МОСКВА * "
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def render(pdf_path: Path, dpi: int) -> list[Image.Image]:
    """Every page of the PDF as an RGB image at ``dpi``, by pdfplumber's renderer."""
    with pdfplumber.open(pdf_path) as pdf:
        return [page.to_image(resolution=dpi, antialias=True).original.convert("RGB") for page in pdf.pages]


def scanned(page: Image.Image, dpi: int) -> Image.Image:
    """Soften the page as optics do and darken white to paper grey."""
    blurred = page.filter(ImageFilter.GaussianBlur(radius=dpi / 300 * 0.6))
    return blurred.point(lambda value: value * PAPER // 255)


def rotated(page: Image.Image, degrees: float) -> Image.Image:
    """The page turned on the glass, the uncovered corners left paper-coloured."""
    return page.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(PAPER,) * 3)


def noisy(page: Image.Image, rng: random.Random, amount: int = 12) -> Image.Image:
    """Sensor noise: each pixel moved by up to ``amount`` grey levels."""
    import numpy as np

    pixels = np.asarray(page, dtype=np.int16)
    generator = np.random.default_rng(rng.randrange(2 ** 32))
    noise = generator.integers(-amount, amount + 1, size=pixels.shape[:2], dtype=np.int16)[..., None]
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype("uint8"), "RGB")


def stamp(page: Image.Image, centre: tuple[int, int], dpi: int, rng: random.Random) -> Image.Image:
    """A round blue stamp (text ring, two circles) and a signature stroke, multiplied over the page."""
    radius = int(dpi * 0.8)  # a 4 cm stamp
    layer = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    cx, cy = centre
    width = max(2, dpi // 60)
    for r in (radius, int(radius * 0.72)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=INK_BLUE, width=width)
    font = ImageFont.truetype(FONT, size=int(radius * 0.16))
    step = 360 / len(STAMP_TEXT)
    for index, letter in enumerate(STAMP_TEXT):
        angle = math.radians(index * step - 90)
        glyph = Image.new("RGBA", (font.size * 2, font.size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((font.size // 2, font.size // 2), letter, font=font, fill=INK_BLUE)
        glyph = glyph.rotate(-index * step, resample=Image.Resampling.BICUBIC)
        r = radius * 0.86
        x, y = int(cx + r * math.cos(angle) - font.size), int(cy + r * math.sin(angle) - font.size)
        layer.paste(glyph, (x, y), glyph)
    big = ImageFont.truetype(FONT, size=int(radius * 0.3))
    draw.text((cx, cy), "МАГ", font=big, fill=INK_BLUE, anchor="mm")
    # A signature: one looping stroke across the stamp's left side.
    points = [(cx - radius * 1.3 + t * radius * 0.09,
               cy + radius * 0.35 * math.sin(t * 0.9) - t * radius * 0.02 + rng.uniform(-3, 3))
              for t in range(30)]
    draw.line(points, fill=INK_BLUE, width=width + 1, joint="curve")
    from PIL import ImageChops

    return ImageChops.multiply(page, layer)


def photographed(page: Image.Image, dpi: int, rng: random.Random) -> Image.Image:
    """The page as a phone photographs it: out of square, lit unevenly, on cream paper, soft, noisy."""
    import numpy as np

    pixels = np.asarray(page.filter(ImageFilter.GaussianBlur(radius=dpi / 200 * 0.8)), dtype=np.float32) / 255
    pixels = tilted(pixels, dpi, rng)
    height, width = pixels.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    u, v = xs / width, ys / height
    # The lamp is up and to the left: the light falls off across the sheet, more at its corners
    # (the lens's vignette), and the phone's shadow lies soft over the lower right.
    light = 1.0 - 0.28 * (0.4 * u + 0.6 * v)
    light *= 1.0 - 0.22 * ((u - 0.45) ** 2 + (v - 0.4) ** 2) / 0.5
    shadow = np.exp(-(((u - 0.85) / 0.25) ** 2 + ((v - 0.95) / 0.2) ** 2))
    light *= 1.0 - 0.25 * shadow
    paper = np.array(PHOTO_PAPER, dtype=np.float32) / 255
    photo = pixels * paper * light[..., None] * 255
    return noisy(Image.fromarray(np.clip(photo, 0, 255).astype("uint8"), "RGB"), rng, amount=6)


def tilted(pixels, dpi: int, rng: random.Random):
    """The sheet not quite square to the lens: each corner moved by up to 0.04 in (8 px at
    200 dpi), the uncovered edges left paper-white (``photographed`` tints them)."""
    import cv2
    import numpy as np

    height, width = pixels.shape[:2]
    reach = 0.04 * dpi
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    moved = corners + np.float32([[rng.uniform(-reach, reach) for _ in range(2)] for _ in range(4)])
    matrix = cv2.getPerspectiveTransform(corners, moved)
    return cv2.warpPerspective(pixels, matrix, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=(1.0, 1.0, 1.0))


def signature_centre(pdf_path: Path, dpi: int) -> tuple[int, tuple[int, int]]:
    """The page (0-based) and pixel point where the plan is signed: right of the signatory's name."""
    with pdfplumber.open(pdf_path) as pdf:
        for index, page in enumerate(pdf.pages):
            for word in page.extract_words():
                if word["text"].startswith("генеральный"):
                    scale = dpi / 72
                    return index, (int(word["x1"] * scale + dpi * 1.1), int(word["bottom"] * scale))
    raise SystemExit(f"{pdf_path.name}: no signature block found to stamp")


def save_pdf(pages: list[Image.Image], path: Path, dpi: int, grey: bool = True,
             quality: int = JPEG_QUALITY) -> None:
    """An image-only PDF, one JPEG per page (as scanners write them)."""
    images = [page.convert("L") if grey else page for page in pages]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=quality,
                   creationDate=PINNED_DATE, modDate=PINNED_DATE)


def jpeg_round_trip(page: Image.Image, grey: bool = True) -> Image.Image:
    """The page as the PNG sample stores it: after the scanner's JPEG, so it looks like the PDF."""
    buffer = io.BytesIO()
    (page.convert("L") if grey else page).save(buffer, "JPEG", quality=JPEG_QUALITY)
    return Image.open(io.BytesIO(buffer.getvalue()))


def main() -> None:
    source = SAMPLES / "plan_2024.pdf"
    rng = random.Random(SEED)
    written = []
    for dpi in (150, 200, 300):
        pages = [scanned(page, dpi) for page in render(source, dpi)]
        path = HERE / f"plan_2024_{dpi}dpi.pdf"
        save_pdf(pages, path, dpi)
        written.append(path)
        if dpi == 200:
            png = HERE / "plan_2024_200dpi.png"
            # 16 grey levels, as a scanner's "document" PNG mode stores them
            jpeg_round_trip(pages[0]).quantize(16).save(png, optimize=True)
            written.append(png)
            tiff = HERE / "plan_2024_200dpi.tif"
            bilevel = [page.convert("L").point(lambda value: 255 if value > 160 else 0).convert("1")
                       for page in pages]
            bilevel[0].save(tiff, save_all=True, append_images=bilevel[1:], compression="group4",
                            dpi=(dpi, dpi))
            written.append(tiff)
            turned = [rotated(page, 1.5) for page in pages]
            save_pdf(turned, HERE / "plan_2024_rotated.pdf", dpi)
            written.append(HERE / "plan_2024_rotated.pdf")
            where, centre = signature_centre(source, dpi)
            stamped = [noisy(stamp(page, centre, dpi, rng) if index == where else page, rng)
                       for index, page in enumerate(pages)]
            save_pdf(stamped, HERE / "plan_2024_stamped.pdf", dpi, grey=False)
            written.append(HERE / "plan_2024_stamped.pdf")
    for name in ("plan_2024_noborders", "plan_2024_paras_noborder", "plan_2024_word_noborders_line"):
        unruled = [scanned(page, 200) for page in render(SAMPLES / f"{name}.pdf", 200)]
        save_pdf(unruled, HERE / f"{name}_200dpi.pdf", 200)
        written.append(HERE / f"{name}_200dpi.pdf")
    photos = [photographed(page, PHOTO_DPI, rng) for page in render(source, PHOTO_DPI)]
    photos[0].save(HERE / "plan_2024_photo.jpg", "JPEG", quality=PHOTO_QUALITY, dpi=(CAMERA_DPI, CAMERA_DPI))
    written.append(HERE / "plan_2024_photo.jpg")
    save_pdf(photos, HERE / "plan_2024_photo.pdf", PHOTO_DPI, grey=False, quality=PHOTO_QUALITY)
    written.append(HERE / "plan_2024_photo.pdf")
    for path in written:
        print(f"{path.relative_to(SAMPLES.parent)} {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main())
