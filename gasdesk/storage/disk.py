"""What the file system says when a write failed: full, read-only, or gone.

SQLite names the cause itself only in some places: a write into the database or its
journal that finds no space says SQLITE_FULL, but growing the shared-memory file
(`-shm`) of a WAL database, which even a reader does, says "disk I/O error"; so does
a read-only remount or a USB disk pulled out. After such an error the folder is
asked directly (statvfs): that is the real cause the teller is told.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Literal

Cause = Literal["full", "readonly", "lost"]

# Less than this free (what SQLite needs for a journal and a few pages), an I/O
# error is taken for a full disk.
FULL_BELOW_BYTES = 1024 * 1024
LOST_ERRNOS = frozenset(
    {errno.EIO, errno.ENXIO, errno.ENODEV, errno.ESTALE, errno.ENOTCONN, errno.ENOENT}
)


def _folder(path: Path) -> Path:
    """The folder that holds `path` (or `path` itself if it is a folder)."""
    try:
        return path if path.is_dir() else path.parent
    except OSError:
        return path.parent


def diagnose(path: str | Path) -> Cause | None:
    """Why writing at `path` (a file or a folder) fails, as far as the file system
    tells: no space, mounted read-only, or no longer reachable; None if none of these."""
    folder = _folder(Path(path))
    if not hasattr(os, "statvfs"):  # Windows: no read-only flag to ask for
        try:
            free = shutil.disk_usage(folder).free
        except OSError as exc:
            return "lost" if exc.errno in LOST_ERRNOS else None
        return "full" if free < FULL_BELOW_BYTES else None
    try:
        stats = os.statvfs(folder)
    except OSError as exc:
        return "lost" if exc.errno in LOST_ERRNOS else None
    if stats.f_flag & os.ST_RDONLY:
        return "readonly"
    # root may use the blocks reserved for it (ext4), others only the available ones
    blocks = stats.f_bfree if os.geteuid() == 0 else stats.f_bavail
    if blocks * stats.f_frsize < FULL_BELOW_BYTES:
        return "full"
    return None


def vanished(path: str | Path) -> bool:
    """Whether the file at `path` is no longer there (or cannot even be looked at):
    its disk was removed, unmounted or failed under a program that had it open."""
    try:
        os.stat(path)
    except OSError:
        return True
    return False
