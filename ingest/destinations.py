"""Errors about where the output goes: named after the output, never blamed on the input."""

from __future__ import annotations

import errno
from pathlib import Path

from parsers.errors import IngestError


class OutputError(IngestError):
    """Where the output goes cannot be written: the message names the output, not the input."""


# errno → what the user can do about it
_ADVICE = {
    errno.EACCES: "the folder is not writable: make it writable or write somewhere else",
    errno.EPERM: "the folder is not writable: make it writable or write somewhere else",
    errno.EROFS: "the file system is read-only: write somewhere else",
    errno.ENOSPC: "the disk is full: free some space or write somewhere else",
    errno.EDQUOT: "the disk quota is used up: free some space or write somewhere else",
    errno.ENOTDIR: "a part of the path is a file, not a folder: choose another path",
    errno.EISDIR: "it is a folder: name a file",
}


def output_error(error: OSError, path: str | Path) -> OutputError:
    """An OSError met writing ``path``, as one line saying what to do."""
    reason = error.strerror or str(error)
    advice = _ADVICE.get(error.errno)
    return OutputError(f"cannot write ({reason}){'; ' + advice if advice else ''}", str(path))
