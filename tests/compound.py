"""A minimal OLE2 compound file writer, for detection tests.

Only what the format needs to list stream names: a version 3 file of 512-byte
sectors, one FAT sector, one directory sector, streams of 4096 bytes (so no mini
stream). Real .doc files come from LibreOffice (samples/); this makes the kinds
LibreOffice does not write (an encrypted OOXML package, a workbook).
"""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STREAM_BYTES = 4096  # the mini stream cutoff: streams this large live in normal sectors


def compound_file(*stream_names: str) -> bytes:
    """A compound file whose root storage holds one 4096-byte stream per name (at most 3)."""
    assert len(stream_names) <= 3
    per_stream = STREAM_BYTES // SECTOR
    fat = [FAT_SECTOR, END]
    starts = []
    for _ in stream_names:
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(per_stream - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16,
                         0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6, 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    entries = [entry("Root Entry", 5, child=1 if stream_names else NO_STREAM, start=END, size=0)]
    for index, (name, start) in enumerate(zip(stream_names, starts), start=1):
        right = index + 1 if index < len(stream_names) else NO_STREAM
        entries.append(entry(name, 2, right=right, start=start, size=STREAM_BYTES))
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    streams = b"".join(name.encode()[:1] * STREAM_BYTES for name in stream_names)
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + streams


def entry(name: str, kind: int, start: int, size: int, child: int = NO_STREAM,
          right: int = NO_STREAM) -> bytes:
    """One 128-byte directory entry."""
    encoded = (name + "\0").encode("utf-16-le")
    return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, NO_STREAM, right, child,
                       b"\0" * 16, 0, 0, 0, start, size)
