"""Bounded stream decoding: no PDF stream inflates past the limits, whatever its filters say.

pdfminer decodes a whole stream at once (``zlib.decompress`` on the lot), so a few
kilobytes Flate-compressed twice become gigabytes before anything can look at them.
``PDFStream.decode`` is the one place every stream (contents, fonts, CMaps, object
streams) is decoded; ``bounded_streams`` replaces it, while a PDF is read, by a decoder
that inflates each filter's output incrementally and stops at ``limits.max_stream_bytes``
for one stream and ``limits.max_decoded_bytes`` for the document's streams together.
Past either, the reading ends with ``StreamTooLarge`` (an IngestError).
"""

from __future__ import annotations

import contextvars
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from parsers.errors import IngestError
from parsers.limits import Limits, check_time, human_size

# Bytes inflated per step: small enough that one step never overshoots a limit by much.
CHUNK = 1 << 20


class StreamTooLarge(IngestError):
    """A PDF stream that decodes to more than the limits allow."""


@dataclass
class _Budget:
    """What the document being read may still decode."""

    limits: Limits
    spent: int = 0


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("pdf_stream_budget", default=None)
_install_lock = threading.Lock()
_original_decode = None


@contextmanager
def bounded_streams(limits: Limits):
    """Within this block, every PDF stream decoded in this context is held to ``limits``."""
    _install()
    token = _budget.set(_Budget(limits))
    try:
        yield
    finally:
        _budget.reset(token)


def _install() -> None:
    """Put the bounded decoder in pdfminer's place, once (outside ``bounded_streams`` it
    falls back to pdfminer's own)."""
    global _original_decode
    from pdfminer.pdftypes import PDFStream

    with _install_lock:
        if _original_decode is None:
            _original_decode = PDFStream.decode
            PDFStream.decode = _decode


def _decode(stream) -> None:
    """pdfminer's ``PDFStream.decode`` with every filter's output bounded."""
    budget = _budget.get()
    if budget is None:
        return _original_decode(stream)
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, LITERALS_LZW_DECODE

    filters = stream.get_filters()
    if not any(f in LITERALS_FLATE_DECODE or f in LITERALS_LZW_DECODE for f, _ in filters):
        result = _original_decode(stream)  # no filter here grows a stream more than 64x
        _check(len(stream.data), budget, stream)
        budget.spent += len(stream.data)
        return result
    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    # Decode the growing filters ourselves, the rest with pdfminer, one filter at a time.
    for f, params in filters:
        try:
            if f in LITERALS_FLATE_DECODE:
                data = predict(inflate(data, _room(budget)), params)
            elif f in LITERALS_LZW_DECODE:
                data = predict(unlzw(data, _room(budget)), params)
            else:
                data = _one_filter(stream, f, params, data)
        except StreamTooLarge:
            _refuse(budget, stream)
        _check(len(data), budget, stream)
    budget.spent += len(data)
    stream.data = data
    stream.rawdata = None


def _room(budget: _Budget) -> int:
    """How many bytes one stream may still decode to."""
    return max(0, min(budget.limits.max_stream_bytes, budget.limits.max_decoded_bytes - budget.spent))


def _check(size: int, budget: _Budget, stream) -> None:
    if size > _room(budget):
        _refuse(budget, stream)


def _refuse(budget: _Budget, stream) -> None:
    limits = budget.limits
    if budget.spent + limits.max_stream_bytes > limits.max_decoded_bytes:
        raise StreamTooLarge(f"refused: the PDF's streams decode to over {human_size(limits.max_decoded_bytes)} "
                             "together (a compression bomb?)")
    raise StreamTooLarge(f"refused: a stream in the PDF (object {stream.objid}) decodes to over "
                         f"{human_size(limits.max_stream_bytes)} (a compression bomb?)")


def inflate(data: bytes, room: int) -> bytes:
    """Flate-decode ``data`` to at most ``room`` bytes; a damaged tail keeps what came before
    it (as pdfminer does), more than ``room`` raises StreamTooLarge."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    pending = data
    try:
        while pending:
            check_time("a PDF stream")
            part = inflater.decompress(pending, min(CHUNK, room - size + 1))
            pending = inflater.unconsumed_tail
            parts.append(part)
            size += len(part)
            if size > room:
                raise StreamTooLarge(f"decodes to over {human_size(room)}")
            if not part and not pending:
                break
    except zlib.error:
        pass  # a corrupt or truncated stream: keep what inflated before the damage
    return b"".join(parts)


def unlzw(data: bytes, room: int) -> bytes:
    """LZW-decode ``data`` to at most ``room`` bytes (pdfminer's decoder, stopped early)."""
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    parts: list[bytes] = []
    size = 0
    for part in LZWDecoder(BytesIO(data)).run():
        parts.append(part)
        size += len(part)
        if size > room:
            raise StreamTooLarge(f"decodes to over {human_size(room)}")
    return b"".join(parts)


def predict(data: bytes, params) -> bytes:
    """``data`` with the PNG or TIFF predictor in ``params`` undone (pdfminer's functions;
    they keep the size)."""
    if not params or "Predictor" not in params:
        return data
    from pdfminer.pdftypes import apply_png_predictor, apply_tiff_predictor, int_value

    predictor = int_value(params["Predictor"])
    shape = (int_value(params.get("Colors", 1)), int_value(params.get("Columns", 1)),
             int_value(params.get("BitsPerComponent", 8)))
    if predictor == 2:
        return apply_tiff_predictor(*shape, data)
    if predictor >= 10:
        return apply_png_predictor(predictor, *shape, data)
    return data


def _one_filter(stream, f, params, data: bytes) -> bytes:
    """pdfminer's decoding of ``data`` by the one filter ``f``."""
    from pdfminer.pdftypes import PDFStream

    attrs = {"Filter": f, "DecodeParms": params} if params else {"Filter": f}
    single = PDFStream(attrs, data)
    single.objid, single.genno = stream.objid, stream.genno
    _original_decode(single)
    return single.data
