"""Check a zip package (a DOCX, an ODT) against the limits before anything in it is inflated.

A zip's central directory says how large each member inflates to. Python's
zipfile never inflates a member past that declared size (it stops there and
the CRC check fails), so checking the declared sizes up front bounds the memory
any later reader can spend: a zip bomb is refused from its directory alone.
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


def read_member(data: bytes, name: str, kind: str) -> bytes | None:
    """One member's bytes (None when absent), for a package ``check_package`` has passed:
    zipfile stops at the size the directory declares, which the limits have bounded."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if name not in archive.NameToInfo:
                return None
            return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, NotImplementedError) as error:
        raise IngestError(f"damaged {kind}: {name} cannot be unpacked ({error})") from None
