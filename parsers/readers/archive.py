"""Check a zip package (a DOCX, an ODT) against the limits before anything in it is inflated.

A zip's central directory says how large each member inflates to, and those sizes
are checked first: a zip bomb is refused from its directory alone. The directory may
lie, though, and Python's zipfile, asked for a whole member, inflates up to 2 GB in
one step before it cuts the result to the declared size. So every member is then
inflated once here, in 64 KB steps that stop at its declared size (``read_member``):
a member that holds more than it declares is refused, and any later reader of the
package (python-docx) meets only members that are as large as they say.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from parsers.errors import IngestError
from parsers.limits import DEFAULT_LIMITS, Limits, human_size


def check_package(data: bytes, limits: Limits = DEFAULT_LIMITS, kind: str = "DOCX") -> None:
    """Raise IngestError when the zip in ``data`` is damaged or would inflate beyond ``limits``."""
    members = zip_members(data, kind)
    if len(members) > limits.max_zip_members:
        raise IngestError(f"refused: the {kind} package holds {len(members)} files, over the "
                          f"{limits.max_zip_members} limit")
    for member in members:
        check_ratio(member, limits, kind)
    total = sum(member.file_size for member in members)
    if total > limits.max_unpacked_bytes:
        raise IngestError(f"refused: the {kind} would unpack to {human_size(total)}, over the "
                          f"{human_size(limits.max_unpacked_bytes)} limit (a zip bomb?)")
    # The parts that become a tree and blocks are held to the limit of a page read whole, which
    # bounds the memory (parsers/limits.py): every part but pictures, fonts and other media,
    # whatever it is named, and a "picture" that holds markup counts too (a part may be named
    # anything: the package's content types say how it is read).
    markup = sum(member.file_size for member in members if not is_media_name(member.filename))
    limits.check_markup_size(markup, f"XML of the {kind}")
    budget = Unpacked(limits)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in members:
            media = is_media_name(member.filename)
            for number, chunk in enumerate(member_chunks(archive, member, budget, kind)):
                if media and number == 0 and chunk.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
                    markup += member.file_size
                    limits.check_markup_size(markup, f"XML of the {kind}")


# Pictures, fonts and embedded media: never parsed into a tree (by name, case aside).
MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".wdp", ".jfif",
                  ".ttf", ".otf", ".odttf", ".woff", ".bin", ".mp3", ".mp4", ".wav", ".avi", ".svm", ".pdf")


def is_media_name(name: str) -> bool:
    return name.lower().endswith(MEDIA_SUFFIXES)


class Unpacked:
    """The bytes a package's members have inflated to so far, held to ``max_unpacked_bytes``."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.total = 0

    def add(self, size: int, kind: str) -> None:
        self.total += size
        if self.total > self.limits.max_unpacked_bytes:
            raise IngestError(f"refused: the {kind} unpacks to over "
                              f"{human_size(self.limits.max_unpacked_bytes)} (a zip bomb?)")


# Bytes inflated per step when a member is read.
STEP = 64 * 1024


def member_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: Unpacked, kind: str = "DOCX"):
    """A member's bytes in steps of at most 64 KB, stopping at its declared size and at the
    package's unpacked limit; a member that inflates past its declared size is refused."""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(STEP):
                budget.add(len(chunk), kind)
                yield chunk
    except zipfile.BadZipFile as error:
        if "CRC" in str(error):  # cut at its declared size, the member's checksum fails
            raise IngestError(f"refused: {member.filename} in the {kind} holds more than the "
                              f"{human_size(member.file_size)} its zip directory declares, or is damaged") from None
        raise IngestError(f"damaged {kind}: {member.filename}: {error}") from None
    except (zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        raise IngestError(f"damaged {kind}: {member.filename}: {error}") from None


def read_member(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, kind: str = "DOCX",
                required: bool = True) -> bytes | None:
    """One member of the zip in ``data``, read within its declared size and the unpacked limit;
    an absent one is an IngestError, or None when not ``required``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                member = archive.getinfo(name)
            except KeyError:
                if not required:
                    return None
                raise IngestError(f"not a {kind}: no {name} in the package") from None
            return b"".join(member_chunks(archive, member, Unpacked(limits), kind))
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, NotImplementedError) as error:
        raise IngestError(f"damaged {kind}: {name} cannot be unpacked ({error})") from None


def zip_members(data: bytes, kind: str = "DOCX") -> list[zipfile.ZipInfo]:
    """The members a zip's central directory lists; a damaged directory is an IngestError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, NotImplementedError) as error:
        article = "an" if kind[:1] in "AEIOU" else "a"
        raise IngestError(f"not {article} {kind}: not a zip archive (or a truncated one: {error})") from None


def check_ratio(member: zipfile.ZipInfo, limits: Limits, kind: str = "DOCX") -> None:
    """Refuse a member that inflates to far more than it packs to."""
    if member.file_size < limits.ratio_floor_bytes:
        return
    ratio = member.file_size / max(member.compress_size, 1)
    if ratio > limits.max_compression_ratio:
        raise IngestError(
            f"refused: {member.filename} in the {kind} would inflate from "
            f"{human_size(member.compress_size)} to {human_size(member.file_size)} "
            f"({ratio:.0f}x, over the {limits.max_compression_ratio:.0f}x limit; a zip bomb?)")
