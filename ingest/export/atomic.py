"""Write one file all or nothing: into a temporary file beside it, renamed over it on success."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ingest.destinations import output_error

# What a plain open() asks for; the umask takes its bits away.
_NEW_FILE_MODE = 0o666


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; it replaces ``path`` only if the block succeeds.

    The result has the mode a plain ``open()`` would give it (the umask honoured), or the mode of
    the file it replaces: mkstemp's private 0600 never reaches the user.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".mag-plan-", suffix=path.suffix or ".tmp", dir=path.parent)
    except OSError as error:
        raise output_error(error, path) from None
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, target_mode(path))
        os.replace(temporary, path)
    except OSError as error:  # the disk filled up, the target is a folder, ...
        raise output_error(error, path) from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def target_mode(path: Path) -> int:
    """The permission bits ``path`` should have: those it has, or a new file's under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return _NEW_FILE_MODE & ~current_umask()


def current_umask() -> int:
    """The process's umask (read by setting it and setting it back: POSIX has no getter)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def write_bytes_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` all or nothing."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)
